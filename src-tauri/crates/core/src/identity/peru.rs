//! Peru's RUC: 11 digits, prefix 10 (a person: 10 + DNI + dv), 15, 17 or 20 (companies);
//! dv = (11 − Σ mod 11) mod 10 with weights 5,4,3,2,7,6,5,4,3,2 (cryptopocket-research §9,
//! stdnum `pe/ruc.py`). Peru's DNI and CE have no check digit and are plain digit counts.

use super::{IdType, check_digit, prefix_error, require_digits};
use crate::check::mod11_sum_from_right;
use crate::report::FieldReport;

const PREFIXES: &[&str] = &["10", "15", "17", "20"];

pub(super) fn ruc(report: FieldReport, number: &str) -> FieldReport {
    let (report, values) = match require_digits(report, number, IdType::Ruc, 11, 11) {
        Ok(ok) => ok,
        Err(report) => return report,
    };
    let prefix = &number[..2];
    if !PREFIXES.contains(&prefix) {
        return prefix_error(report, IdType::Ruc, prefix);
    }
    let expected = (11 - mod11_sum_from_right(&values[..10]) % 11) % 10;
    check_digit(report, IdType::Ruc, expected == values[10], number)
}

#[cfg(test)]
mod tests {
    use super::super::validate_identification_number as number;
    use super::super::{Country, IdType};
    use crate::report::Code;

    fn ruc(input: &str) -> crate::report::FieldReport {
        number(input, Some(Country::Peru), Some(IdType::Ruc))
    }

    #[test]
    fn accepts_real_rucs() {
        // stdnum pe/ruc.py example, quoted in cryptopocket-research §9.
        let report = ruc("20512333797");
        assert!(report.issues.is_empty(), "{report:?}");
        assert_eq!(report.value.as_deref(), Some("20512333797"));
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(ruc("20512333798").codes(), [Code::IdCheckDigit]);
        assert_eq!(ruc("2051233379").codes(), [Code::IdLength]);
        assert_eq!(ruc("2051233379A").codes(), [Code::IdDigits]);
        let report = ruc("30512333797");
        assert_eq!(report.codes(), [Code::IdPrefix]);
        assert_eq!(report.issues[0].params["prefix"], "30");
    }
}
