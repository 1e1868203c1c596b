//! CLABE, the 18-digit interbank account number: 3 bank + 3 plaza + 11 account + 1 check digit.
//!
//! Check digit from cuenca-mx/clabe-python and Banxico (billpocket-research §6 [V2]): weights
//! 3, 7, 1 repeating over the first 17 digits, each product taken mod 10, then rounded up to a
//! multiple of ten.

use crate::check::{compact, digits, mod10_complement};
use crate::mx::banks::bank_name;
use crate::report::{Code, FieldDetail, FieldKind, FieldReport};

/// Validates a CLABE and names its bank.
pub fn validate_clabe(input: &str) -> FieldReport {
    let mut report = FieldReport::new(FieldKind::Clabe);
    let clabe = compact(input);
    if clabe.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let Some(values) = digits(&clabe) else {
        return report.with(Code::ClabeDigits, &[]);
    };
    if values.len() != 18 {
        return report.with(Code::ClabeLength, &[("length", values.len().to_string())]);
    }
    if check_digit(&values[..17]) != values[17] {
        return report.with(Code::ClabeCheckDigit, &[]);
    }
    let code = &clabe[..3];
    if code == "000" {
        return report.with(Code::ClabeBankZero, &[]);
    }
    match bank_name(code) {
        Some(name) => {
            report.detail = Some(FieldDetail::Bank {
                code: code.to_owned(),
                name: name.to_owned(),
            });
        }
        None => report.push(Code::ClabeBankUnknown, &[("bank_code", code.to_owned())]),
    }
    report.accept(clabe)
}

/// The 18th digit for the first 17.
pub(crate) fn check_digit(first17: &[u32]) -> u32 {
    let sum = first17
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(d, w)| d * w % 10)
        .sum();
    mod10_complement(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_clabes_and_names_the_bank() {
        // clabe-python's tests / billpocket-research §6: 032180000118359719, 002010077777777771.
        let report = validate_clabe("002 010 07777777777 1");
        assert!(report.issues.is_empty(), "{report:?}");
        assert_eq!(report.value.as_deref(), Some("002010077777777771"));
        assert_eq!(
            report.detail,
            Some(FieldDetail::Bank {
                code: "002".into(),
                name: "Banamex".into()
            })
        );
        // 032 is not a bank in Banxico's current list: the CLABE is valid but the bank unknown.
        let report = validate_clabe("032180000118359719");
        assert!(report.is_valid());
        assert_eq!(report.codes(), [Code::ClabeBankUnknown]);
        assert_eq!(report.issues[0].params["bank_code"], "032");
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(validate_clabe("").codes(), [Code::FieldRequired]);
        assert_eq!(
            validate_clabe("00201007777777777").codes(),
            [Code::ClabeLength]
        );
        assert_eq!(
            validate_clabe("00201007777777777X").codes(),
            [Code::ClabeDigits]
        );
        assert_eq!(
            validate_clabe("002010077777777772").codes(),
            [Code::ClabeCheckDigit]
        );
        // Bank 000 with a correct check digit: refused, not merely an unknown bank.
        let zero = validate_clabe("000180000118359712");
        assert_eq!(zero.codes(), [Code::ClabeBankZero]);
        assert_eq!(zero.value, None);
    }
}
