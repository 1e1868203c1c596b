//! Money as integer centavos, what people type, how es-MX writes it, and each provider's unit.
//!
//! Parsing follows es-MX: `,` groups thousands and `.` is the decimal point. Accepted:
//! "1234.5", "1,234.50", "$1,234", "$ 1,234.50", ".50". Rejected on purpose as
//! `amount.ambiguous`: anything a reader from another locale would read differently —
//! spaces inside the number ("$1 234,50", "1 234.50"), a comma after the point ("1.234,50"),
//! several points ("1.234.567") and commas that are not thousands groups ("1,5", "12,34").
//! Guessing would silently turn "$1 234,50" into 123,450 pesos or 1,234.50; asking costs a
//! second. "1.234" is read as 1.234 pesos and rejected for its third decimal.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::report::Code;

/// An amount of Mexican pesos in centavos (1 peso = 100 centavos).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Centavos(i64);

/// Why typed text is not an amount; each maps to a validation [`Code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    #[error("no amount was typed")]
    Empty,
    #[error("not an amount")]
    Format,
    #[error("separators could mean different amounts in different locales")]
    Ambiguous,
    #[error("more than two decimals")]
    TooManyDecimals,
    #[error("negative amount")]
    Negative,
    #[error("amount too large")]
    Overflow,
}

impl MoneyParseError {
    /// The validation code the UI shows for this error.
    pub const fn code(self) -> Code {
        match self {
            MoneyParseError::Empty => Code::FieldRequired,
            MoneyParseError::Format => Code::AmountFormat,
            MoneyParseError::Ambiguous => Code::AmountAmbiguous,
            MoneyParseError::TooManyDecimals => Code::AmountDecimals,
            MoneyParseError::Negative => Code::AmountPositive,
            MoneyParseError::Overflow => Code::AmountMax,
        }
    }
}

impl Centavos {
    pub const ZERO: Centavos = Centavos(0);

    pub const fn new(centavos: i64) -> Self {
        Centavos(centavos)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    /// Whole pesos, or `None` on overflow.
    pub const fn from_pesos(pesos: i64) -> Option<Self> {
        match pesos.checked_mul(100) {
            Some(c) => Some(Centavos(c)),
            None => None,
        }
    }

    /// Parses what a person types (see the module docs for what is accepted and why).
    pub fn parse(input: &str) -> Result<Self, MoneyParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        // A minus sign may come before or after the "$": "-$5", "$-5".
        let mut negative = false;
        let mut body = text;
        if let Some(r) = body.strip_prefix('-') {
            negative = true;
            body = r;
        }
        body = body.strip_prefix('$').unwrap_or(body).trim_start();
        if let Some(r) = body.strip_prefix('-').filter(|_| !negative) {
            negative = true;
            body = r;
        }
        if !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' '))
        {
            return Err(MoneyParseError::Format);
        }
        if body.contains(' ') || body.matches('.').count() > 1 {
            return Err(MoneyParseError::Ambiguous);
        }
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        if fraction.contains(',') {
            return Err(MoneyParseError::Ambiguous);
        }
        if whole.is_empty() && fraction.is_empty() {
            return Err(MoneyParseError::Format);
        }
        if !is_grouped_by_thousands(whole) {
            return Err(MoneyParseError::Ambiguous);
        }
        if fraction.len() > 2 {
            return Err(MoneyParseError::TooManyDecimals);
        }
        let pesos = whole
            .chars()
            .filter_map(|c| c.to_digit(10))
            .try_fold(0i64, |acc, d| {
                acc.checked_mul(10)?.checked_add(i64::from(d))
            })
            .ok_or(MoneyParseError::Overflow)?;
        let cents = fraction
            .chars()
            .chain("00".chars())
            .take(2)
            .filter_map(|c| c.to_digit(10))
            .fold(0i64, |acc, d| acc * 10 + i64::from(d));
        let total = Centavos::from_pesos(pesos)
            .and_then(|c| c.0.checked_add(cents))
            .ok_or(MoneyParseError::Overflow)?;
        if negative && total != 0 {
            return Err(MoneyParseError::Negative);
        }
        Ok(Centavos(total))
    }

    /// The plain decimal with two places, "1234.50" (no grouping, no sign for positives).
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// es-MX currency text, "$1,234.50" / "-$1,234.50", as `Intl.NumberFormat('es-MX',
    /// {style: 'currency', currency: 'MXN'})` writes it.
    pub fn format_mxn(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let digits = (abs / 100).to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}${grouped}.{:02}", abs % 100)
    }

    /// Billpocket link amounts are pesos as a JSON number with up to two decimals.
    pub const fn to_billpocket(self) -> BillpocketAmount {
        BillpocketAmount(self)
    }

    /// UnDosTres composite credit lines are integer MXN cents (`credit_line` 10000000 is
    /// $100,000.00): the same number, named so every boundary says which unit it uses.
    pub const fn to_undostres_cents(self) -> i64 {
        self.0
    }

    pub const fn from_undostres_cents(cents: i64) -> Self {
        Centavos(cents)
    }
}

impl fmt::Display for Centavos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_mxn())
    }
}

/// "1,234,567" with well-formed groups, or plain digits (possibly empty, as in ".50").
fn is_grouped_by_thousands(whole: &str) -> bool {
    let mut groups = whole.split(',');
    match groups.next() {
        Some(first) if whole.contains(',') => {
            (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
        }
        _ => true,
    }
}

/// A Billpocket amount: serialised as an exact JSON decimal number of pesos ("55", "1234.5"),
/// written from the integer, never through `f64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillpocketAmount(pub Centavos);

impl BillpocketAmount {
    /// The JSON number text: integer pesos when whole, else the shortest exact decimal.
    pub fn to_json_number(self) -> String {
        let text = self.0.to_decimal_string();
        let trimmed = text.trim_end_matches('0');
        trimmed.strip_suffix('.').unwrap_or(trimmed).to_owned()
    }

    /// Reads the JSON number text exactly; at most two significant decimals, no exponent.
    pub fn from_json_number(text: &str) -> Option<Self> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let fraction = fraction.trim_end_matches('0');
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || fraction.len() > 2 {
            return None;
        }
        let cents = Centavos::parse(&format!("{whole}.{fraction}")).ok()?.get();
        Some(BillpocketAmount(Centavos(if negative {
            -cents
        } else {
            cents
        })))
    }
}

impl Serialize for BillpocketAmount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawValue::from_string(self.to_json_number())
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// Deserialises from `serde_json` text (`from_str`, `from_slice`, reqwest's `.json()`), where
/// the raw number text is available; a `serde_json::Value` has already gone through `f64`.
impl<'de> Deserialize<'de> for BillpocketAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(deserializer)?;
        BillpocketAmount::from_json_number(raw.get())
            .ok_or_else(|| D::Error::custom(format!("not a peso amount: {}", raw.get())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<i64, MoneyParseError> {
        Centavos::parse(s).map(Centavos::get)
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse("1234.5"), Ok(123_450));
        assert_eq!(parse("1,234.50"), Ok(123_450));
        assert_eq!(parse("$1,234"), Ok(123_400));
        assert_eq!(parse(" $ 1,234,567.89 "), Ok(123_456_789));
        assert_eq!(parse("55"), Ok(5_500));
        assert_eq!(parse(".5"), Ok(50));
        assert_eq!(parse("7."), Ok(700));
        assert_eq!(parse("0"), Ok(0));
        assert_eq!(parse("-0"), Ok(0));
    }

    #[test]
    fn rejects_ambiguous_and_malformed_input() {
        use MoneyParseError::*;
        assert_eq!(parse("$1 234,50"), Err(Ambiguous));
        assert_eq!(parse("1 234.50"), Err(Ambiguous));
        assert_eq!(parse("1.234,50"), Err(Ambiguous));
        assert_eq!(parse("1.234.567"), Err(Ambiguous));
        assert_eq!(parse("1,5"), Err(Ambiguous));
        assert_eq!(parse("12,34"), Err(Ambiguous));
        assert_eq!(parse("1234,567"), Err(Ambiguous));
        assert_eq!(parse(",123"), Err(Ambiguous));
        assert_eq!(parse("1.234"), Err(TooManyDecimals));
        assert_eq!(parse("-5"), Err(Negative));
        assert_eq!(parse("$-5"), Err(Negative));
        assert_eq!(parse(""), Err(Empty));
        assert_eq!(parse("$"), Err(Format));
        assert_eq!(parse("."), Err(Format));
        assert_eq!(parse("12 pesos"), Err(Format));
        assert_eq!(parse("--5"), Err(Format));
        assert_eq!(parse("5-3"), Err(Format));
        assert_eq!(parse("99999999999999999999"), Err(Overflow));
    }

    #[test]
    fn formats_like_intl_es_mx() {
        assert_eq!(Centavos::new(123_450).format_mxn(), "$1,234.50");
        assert_eq!(Centavos::new(5).format_mxn(), "$0.05");
        assert_eq!(Centavos::new(100_000_000).format_mxn(), "$1,000,000.00");
        assert_eq!(Centavos::new(-123_450).to_string(), "-$1,234.50");
        assert_eq!(
            Centavos::new(i64::MIN).to_decimal_string(),
            "-92233720368547758.08"
        );
    }

    #[test]
    fn billpocket_amounts_are_exact_json_numbers() {
        let body = |c: i64| serde_json::to_string(&Centavos::new(c).to_billpocket()).unwrap();
        assert_eq!(body(5_500), "55");
        assert_eq!(body(123_450), "1234.5");
        assert_eq!(body(10), "0.1");
        assert_eq!(body(1), "0.01");
        // 0.1 + 0.2 in f64 is 0.30000000000000004; here it stays 0.3.
        assert_eq!(body(30), "0.3");
        #[derive(Serialize, Deserialize)]
        struct Link {
            amount: BillpocketAmount,
        }
        let json = serde_json::to_string(&Link {
            amount: Centavos::new(99_999_999).to_billpocket(),
        });
        assert_eq!(json.unwrap(), r#"{"amount":999999.99}"#);
        for (text, cents) in [
            ("55", 5_500),
            ("55.5", 5_550),
            ("55.50", 5_550),
            ("0.07", 7),
        ] {
            let link: Link = serde_json::from_str(&format!(r#"{{"amount":{text}}}"#)).unwrap();
            assert_eq!(link.amount.0.get(), cents, "{text}");
        }
        assert!(serde_json::from_str::<Link>(r#"{"amount":1.234}"#).is_err());
        assert!(serde_json::from_str::<Link>(r#"{"amount":1e3}"#).is_err());
        assert!(serde_json::from_str::<Link>(r#"{"amount":"55"}"#).is_err());
    }

    #[test]
    fn undostres_credit_lines_are_cents() {
        // undostres-research §6: credit_line 10000000 = $100,000.00.
        let line = Centavos::from_undostres_cents(10_000_000);
        assert_eq!(line.format_mxn(), "$100,000.00");
        assert_eq!(line.to_undostres_cents(), 10_000_000);
    }
}
