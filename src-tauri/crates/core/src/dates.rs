//! Dates and local times as people type them: ISO shapes with every part at its full width
//! (chrono alone would take "2026-1-5") and no leap second.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// "YYYY-MM-DD", a real calendar day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if !shaped(text, "9999-99-99") {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DDTHH:MM", a real local time.
pub fn parse_local_datetime(text: &str) -> Option<NaiveDateTime> {
    let parsed = if shaped(text, "9999-99-99T99:99:99") {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok()
    } else if shaped(text, "9999-99-99T99:99") {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
    } else {
        None
    };
    parsed.filter(|at| at.nanosecond() < 1_000_000_000)
}

/// Whether `text` has `pattern`'s shape, a `9` standing for any ASCII digit.
fn shaped(text: &str, pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            _ => c == p,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_real_dates_and_times_only() {
        assert_eq!(
            parse_date("2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        for bad in [
            "2026-2-28",
            "2026-02-30",
            "26-02-28",
            "2026-02-28 ",
            "2026/02/28",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_local_datetime("2026-11-22T14:05").is_some());
        assert!(parse_local_datetime("2026-11-22T14:05:59").is_some());
        for bad in ["2026-11-22T14:5", "2026-11-22T24:00", "2026-12-31T23:59:60"] {
            assert_eq!(parse_local_datetime(bad), None, "{bad}");
        }
    }
}
