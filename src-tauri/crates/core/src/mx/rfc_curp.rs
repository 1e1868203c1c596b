//! Whether a persona física's RFC and CURP describe the same person: both start with the same
//! four name letters and the birth date YYMMDD.

use crate::check::compact;
use crate::report::{Code, FieldKind, Issue};

/// Compares an RFC (13 characters) with a CURP. Run it once both fields are valid on their own;
/// malformed values yield no issue here, since the per-field report already explains them.
///
/// Dates must match. Letters may differ legitimately: SAT replaces the last letter of an
/// inconvenient word while RENAPO replaces the second, so a difference only warns.
pub fn check_rfc_matches_curp(rfc: &str, curp: &str) -> Vec<Issue> {
    let rfc: Vec<char> = compact(rfc).chars().collect();
    let curp: Vec<char> = compact(curp).chars().collect();
    if rfc.len() != 13 || curp.len() != 18 {
        return Vec::new();
    }
    let (rfc_name, rfc_date, curp_name, curp_date) =
        (&rfc[..4], &rfc[4..10], &curp[..4], &curp[4..10]);
    let mut issues = Vec::new();
    if rfc_date != curp_date {
        issues.push(Issue::new(Code::RfcCurpDateMismatch, FieldKind::Rfc, &[]));
    }
    if rfc_name != curp_name {
        issues.push(Issue::new(Code::RfcCurpNameMismatch, FieldKind::Rfc, &[]));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(rfc: &str, curp: &str) -> Vec<Code> {
        check_rfc_matches_curp(rfc, curp)
            .iter()
            .map(|i| i.code)
            .collect()
    }

    #[test]
    fn same_person() {
        // An RFC derived from stdnum's CURP example BOXW310820HNERXN09 (same letters and date).
        assert!(codes("BOXW310820AB1", "BOXW310820HNERXN09").is_empty());
    }

    #[test]
    fn different_date_blocks_different_letters_warn() {
        assert_eq!(
            codes("BOXW310821AB1", "BOXW310820HNERXN09"),
            [Code::RfcCurpDateMismatch]
        );
        // RENAPO wrote BXCA for "BACA", SAT wrote BACX: legitimately different letters.
        assert_eq!(
            codes("BACX310820AB1", "BXCA310820HNERXN09"),
            [Code::RfcCurpNameMismatch]
        );
        assert_eq!(
            check_rfc_matches_curp("BACX310820AB1", "BXCA310820HNERXN09")[0].severity,
            crate::report::Severity::Warning
        );
    }

    #[test]
    fn malformed_or_moral_inputs_are_left_to_the_field_validators() {
        assert!(codes("MAB9307148T4", "BOXW310820HNERXN09").is_empty());
        assert!(codes("", "BOXW310820HNERXN09").is_empty());
        assert!(codes("ÑÑÑ", "Ñ").is_empty());
        // Ñ is one character: the date still lines up.
        assert!(codes("ÑAXX310820AB1", "NAXX310820HNERXN09").len() == 1);
    }
}
