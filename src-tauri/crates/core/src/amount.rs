//! Amount fields: payment-link amounts and UnDosTres credit lines, typed in pesos.

use crate::money::{Centavos, MoneyParseError};
use crate::report::{Code, FieldKind, FieldReport};

/// The largest amount the app accepts: $1,000,000.00. Neither provider publishes a limit; a
/// bakery's link or a consumer credit line above a million pesos is far likelier a slipped
/// zero than a real amount.
pub const MAX_AMOUNT: Centavos = Centavos::new(100_000_000);

/// Validates a payment-link amount: positive, at most two decimals, at most [`MAX_AMOUNT`].
/// The normalised value is es-MX currency text ("$1,234.50").
pub fn validate_link_amount(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::LinkAmount);
    match Centavos::parse(input) {
        Err(e) => report_parse_error(report, e),
        Ok(amount) if amount <= Centavos::ZERO => report.with(Code::AmountPositive, &[]),
        Ok(amount) if amount > MAX_AMOUNT => {
            report.with(Code::AmountMax, &[("max", MAX_AMOUNT.format_mxn())])
        }
        Ok(amount) => report.accept(amount.format_mxn()),
    }
}

/// Validates an UnDosTres credit line: zero or more (accounts open with none), at most
/// [`MAX_AMOUNT`]; send it with [`Centavos::to_undostres_cents`].
pub fn validate_credit_line(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::CreditLine);
    match Centavos::parse(input) {
        Err(MoneyParseError::Negative) => report.with(Code::CreditLineNegative, &[]),
        Err(e) => report_parse_error(report, e),
        Ok(line) if line > MAX_AMOUNT => {
            report.with(Code::CreditLineMax, &[("max", MAX_AMOUNT.format_mxn())])
        }
        Ok(line) => report.accept(line.format_mxn()),
    }
}

fn report_parse_error(report: FieldReport, error: MoneyParseError) -> FieldReport {
    match error.code() {
        Code::AmountMax => report.with(Code::AmountMax, &[("max", MAX_AMOUNT.format_mxn())]),
        code => report.with(code, &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_amounts() {
        // Billpocket's link example sends amount 55 (billpocket-research §3.5).
        for (input, value) in [
            ("55", "$55.00"),
            ("1,234.5", "$1,234.50"),
            ("$1,000,000", "$1,000,000.00"),
        ] {
            let report = validate_link_amount(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(value));
        }
        assert_eq!(validate_link_amount("").codes(), [Code::FieldRequired]);
        assert_eq!(
            validate_link_amount("cincuenta").codes(),
            [Code::AmountFormat]
        );
        assert_eq!(
            validate_link_amount("$1 234,50").codes(),
            [Code::AmountAmbiguous]
        );
        assert_eq!(
            validate_link_amount("10.505").codes(),
            [Code::AmountDecimals]
        );
        assert_eq!(validate_link_amount("0").codes(), [Code::AmountPositive]);
        assert_eq!(validate_link_amount("-5").codes(), [Code::AmountPositive]);
        let report = validate_link_amount("1,000,000.01");
        assert_eq!(report.codes(), [Code::AmountMax]);
        assert_eq!(report.issues[0].params["max"], "$1,000,000.00");
        assert_eq!(
            validate_link_amount("99999999999999999999").codes(),
            [Code::AmountMax]
        );
    }

    #[test]
    fn credit_lines() {
        // undostres-research §6: credit_line 10000000 cents = $100,000.00; Prospera sends "0".
        let report = validate_credit_line("100,000");
        assert_eq!(report.value.as_deref(), Some("$100,000.00"));
        assert_eq!(
            Centavos::parse("100,000").map(Centavos::to_undostres_cents),
            Ok(10_000_000)
        );
        assert!(validate_credit_line("0").is_valid());
        assert_eq!(
            validate_credit_line("-1").codes(),
            [Code::CreditLineNegative]
        );
        assert_eq!(
            validate_credit_line("2,000,000").codes(),
            [Code::CreditLineMax]
        );
        assert_eq!(
            validate_credit_line("1.999").codes(),
            [Code::AmountDecimals]
        );
    }
}
