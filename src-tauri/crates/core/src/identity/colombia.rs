//! Colombia: the NIT (companies) has a DIAN modulo-11 check digit; person documents have no
//! public check digit, only lengths (cryptopocket-research §9).

use super::{IdType, alphanumeric, check_digit, digits, require_digits};
use crate::check::weighted_sum;
use crate::report::FieldReport;

/// DIAN's weights, applied from the right of the NIT's base number.
const NIT_WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// A NIT of 8–16 digits including the final check digit: r = Σ mod 11; dv = r for r < 2,
/// else 11 − r (stdnum `co/nit.py`).
pub(super) fn nit(report: FieldReport, number: &str) -> FieldReport {
    let (report, values) = match require_digits(report, number, IdType::Nit, 8, 16) {
        Ok(ok) => ok,
        Err(report) => return report,
    };
    let (base, dv) = values.split_at(values.len() - 1);
    let reversed: Vec<u32> = base.iter().rev().copied().collect();
    let expected = match weighted_sum(&reversed, &NIT_WEIGHTS) % 11 {
        r @ (0 | 1) => r,
        r => 11 - r,
    };
    check_digit(report, IdType::Nit, dv == [expected], number)
}

/// Person documents. The sources disagree on lengths (NID vs ALPS), so each range is the
/// union of both: rejecting a real document is worse than accepting a mistyped one that the
/// provider's KYC will catch. TE has no source; RC follows the note's 10–11 digits (unverified).
pub(super) fn person_document(report: FieldReport, number: String, id_type: IdType) -> FieldReport {
    match id_type {
        IdType::CedCiu => digits(report, number, id_type, 5, 12),
        IdType::CedExt => digits(report, number, id_type, 6, 12),
        IdType::Ti => digits(report, number, id_type, 5, 11),
        IdType::Nuip => digits(report, number, id_type, 10, 10),
        IdType::Pep => digits(report, number, id_type, 15, 15),
        IdType::Rc => digits(report, number, id_type, 10, 11),
        IdType::Ppt => alphanumeric(report, number, id_type, 7, 15),
        _ => alphanumeric(report, number, id_type, 5, 15),
    }
}

#[cfg(test)]
mod tests {
    use super::super::validate_identification_number as number;
    use super::super::{Country, IdType};
    use crate::report::Code;

    fn colombia(input: &str, id_type: IdType) -> crate::report::FieldReport {
        number(input, Some(Country::Colombia), Some(id_type))
    }

    #[test]
    fn accepts_real_nits() {
        // cryptopocket-research §9 (stdnum co/nit.py, NID, ALPS): 213.123.432-1, 901458652-7.
        for input in ["213.123.432-1", "901458652-7"] {
            let report = colombia(input, IdType::Nit);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
        }
        assert_eq!(
            colombia("901458652-7", IdType::Nit).value.as_deref(),
            Some("9014586527")
        );
    }

    #[test]
    fn rejects_bad_nits() {
        assert_eq!(
            colombia("213.123.432-2", IdType::Nit).codes(),
            [Code::IdCheckDigit]
        );
        assert_eq!(colombia("1234567", IdType::Nit).codes(), [Code::IdLength]);
        assert_eq!(
            colombia("21312343A-1", IdType::Nit).codes(),
            [Code::IdDigits]
        );
    }

    #[test]
    fn person_documents_by_length() {
        assert!(colombia("1.020.304.050", IdType::CedCiu).is_valid());
        assert_eq!(colombia("1234", IdType::CedCiu).codes(), [Code::IdLength]);
        assert!(colombia("1234567890", IdType::Nuip).is_valid());
        assert_eq!(
            colombia("123456789", IdType::Nuip).codes(),
            [Code::IdLength]
        );
        assert!(colombia("123456789012345", IdType::Pep).is_valid());
        // ALPS's example PPT.
        assert!(colombia("PPT10503245989", IdType::Ppt).is_valid());
        assert_eq!(
            colombia("PPT-1050/3245", IdType::Ppt).codes(),
            [Code::IdCharacters]
        );
        assert_eq!(colombia("1234567A", IdType::Ti).codes(), [Code::IdDigits]);
        assert!(colombia("E12345", IdType::Te).is_valid());
    }
}
