//! Argentina's CUIT/CUIL: 11 digits XX-DDDDDDDD-V (cryptopocket-research §9, stdnum `ar/cuit.py`).
//! Prefix 20, 23, 24, 25, 26, 27 for persons, 30, 33, 34 for companies, 50, 51, 55 for special
//! cases. dv = 11 − (Σ mod 11) with weights 5,4,3,2,7,6,5,4,3,2; 11 → 0. A computed 10 means AFIP
//! would have re-issued the number under another prefix, so it is rejected (stdnum maps it to 9).

use super::{IdType, check_digit, prefix_error, require_digits};
use crate::check::mod11_sum_from_right;
use crate::report::FieldReport;

const PREFIXES: &[&str] = &[
    "20", "23", "24", "25", "26", "27", "30", "33", "34", "50", "51", "55",
];

pub(super) fn cuit(report: FieldReport, number: &str) -> FieldReport {
    let (report, values) = match require_digits(report, number, IdType::Cuit, 11, 11) {
        Ok(ok) => ok,
        Err(report) => return report,
    };
    let prefix = &number[..2];
    if !PREFIXES.contains(&prefix) {
        return prefix_error(report, IdType::Cuit, prefix);
    }
    let expected = match 11 - mod11_sum_from_right(&values[..10]) % 11 {
        11 => Some(0),
        10 => None,
        d => Some(d),
    };
    check_digit(report, IdType::Cuit, expected == Some(values[10]), number)
}

#[cfg(test)]
mod tests {
    use super::super::validate_identification_number as number;
    use super::super::{Country, IdType};
    use crate::report::Code;

    fn cuit(input: &str) -> crate::report::FieldReport {
        number(input, Some(Country::Argentina), Some(IdType::Cuit))
    }

    #[test]
    fn accepts_real_cuits() {
        // cryptopocket-research §9 (stdnum and NID examples).
        for input in ["20-05536168-2", "20-26756539-3", "30-64014267-3"] {
            let report = cuit(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
        }
        assert_eq!(cuit("20-05536168-2").value.as_deref(), Some("20055361682"));
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(cuit("20-05536168-3").codes(), [Code::IdCheckDigit]);
        assert_eq!(cuit("2005536168").codes(), [Code::IdLength]);
        assert_eq!(cuit("20-0553616A-2").codes(), [Code::IdDigits]);
        let report = cuit("21-05536168-2");
        assert_eq!(report.codes(), [Code::IdPrefix]);
        assert_eq!(report.issues[0].params["prefix"], "21");
        assert_eq!(report.value, None);
        // 20-00000001-?: Σ = 2·5 + 1·2 = 12, 11 − 1 = 10: no valid check digit exists.
        for dv in 0..=9 {
            assert_eq!(
                cuit(&format!("2000000001{dv}")).codes(),
                [Code::IdCheckDigit]
            );
        }
    }
}
