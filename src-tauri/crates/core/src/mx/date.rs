//! The YYMMDD dates inside CURPs and RFCs.

use chrono::NaiveDate;

/// The date written as YYMMDD in `s` (six ASCII digits) in the given century, if it exists.
pub(crate) fn yymmdd(s: &str, century: i32) -> Option<NaiveDate> {
    let number = |range: std::ops::Range<usize>| s.get(range)?.parse::<u32>().ok();
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = century + i32::try_from(number(0..2)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(2..4)?, number(4..6)?)
}

/// Whether YYMMDD is a real date in the 1900s or the 2000s (an RFC does not say which;
/// only 29 February depends on it).
pub(crate) fn yymmdd_any_century(s: &str) -> bool {
    yymmdd(s, 1900).is_some() || yymmdd(s, 2000).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_only() {
        assert!(yymmdd("310820", 1900).is_some());
        assert!(yymmdd("311320", 1900).is_none());
        assert!(yymmdd("310431", 1900).is_none());
        assert!(yymmdd("000229", 1900).is_none(), "1900 was not a leap year");
        assert!(yymmdd("000229", 2000).is_some());
        assert!(yymmdd("0a0101", 2000).is_none());
        assert!(yymmdd_any_century("000229"));
        assert!(!yymmdd_any_century("010229"));
    }
}
