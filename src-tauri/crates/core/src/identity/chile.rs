//! Chile's RUT: a body of 1–8 digits and a modulo-11 check "digit" 0–9 or K.
//! Weights 2,3,4,5,6,7,… from the right; dv = 11 − (Σ mod 11), 11 → 0, 10 → K
//! (cryptopocket-research §9 [NID], equivalent to stdnum `cl/rut.py`).

use super::{IdType, check_digit, format_error};
use crate::check::{digits, mod11_sum_from_right};
use crate::report::FieldReport;

pub(super) fn rut(report: FieldReport, number: &str) -> FieldReport {
    let Some((body, dv)) = number.split_at_checked(number.len().saturating_sub(1)) else {
        return format_error(report, IdType::Rut);
    };
    let Some(values) = digits(body).filter(|v| (1..=8).contains(&v.len())) else {
        return format_error(report, IdType::Rut);
    };
    if !dv.chars().all(|c| c.is_ascii_digit() || c == 'K') {
        return format_error(report, IdType::Rut);
    }
    check_digit(
        report,
        IdType::Rut,
        dv.chars().next() == expected_dv(&values),
        number,
    )
}

fn expected_dv(body: &[u32]) -> Option<char> {
    match 11 - mod11_sum_from_right(body) % 11 {
        11 => Some('0'),
        10 => Some('K'),
        d => char::from_digit(d, 10),
    }
}

#[cfg(test)]
mod tests {
    use super::super::validate_identification_number as number;
    use super::super::{Country, IdType};
    use crate::report::Code;

    fn rut(input: &str) -> crate::report::FieldReport {
        number(input, Some(Country::Chile), Some(IdType::Rut))
    }

    #[test]
    fn accepts_real_ruts() {
        // cryptopocket-research §9 (checked locally there): 12345678-5, 76086428-5, 8765432-K,
        // 15509661-6.
        for input in ["12.345.678-5", "76086428-5", "8.765.432-k", "15509661-6"] {
            let report = rut(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
        }
        assert_eq!(rut("12.345.678-5").value.as_deref(), Some("123456785"));
    }

    #[test]
    fn the_country_prefix_is_dropped() {
        for input in ["CL12.345.678-5", "cl 12345678-5", "CL-8.765.432-K"] {
            let report = rut(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
        }
        assert_eq!(rut("CL12.345.678-5").value.as_deref(), Some("123456785"));
        // Only in front, only Chile's, and never the whole input.
        assert_eq!(rut("12345678CL5").codes(), [Code::IdFormat]);
        assert_eq!(rut("AR12345678-5").codes(), [Code::IdFormat]);
        assert_eq!(rut("CL").codes(), [Code::IdFormat]);
    }

    #[test]
    fn rejects_each_rule() {
        // cryptopocket-research §9: 12345678-0 is invalid.
        assert_eq!(rut("12345678-0").codes(), [Code::IdCheckDigit]);
        assert_eq!(rut("12345678-0").issues[0].params["id_type"], "RUT");
        assert_eq!(rut("K").codes(), [Code::IdFormat]);
        assert_eq!(rut("123456789-0").codes(), [Code::IdFormat]);
        assert_eq!(rut("1234567A-5").codes(), [Code::IdFormat]);
        assert_eq!(rut("12345678-X").codes(), [Code::IdFormat]);
        assert_eq!(rut("ñ").codes(), [Code::IdFormat]);
    }
}
