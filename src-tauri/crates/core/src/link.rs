//! Payment-link fields: the `url_path` slug and the expiry date.

use chrono::{NaiveDateTime, NaiveTime};

use crate::dates::{parse_date, parse_local_datetime};
use crate::report::{Code, FieldKind, FieldReport};

/// Slug limits. Billpocket publishes none; its own generated slugs have 8 characters and its
/// example uses "customLink", so 3–50 of `[A-Za-z0-9_-]` keeps every URL readable and safe.
const URL_PATH_MIN: usize = 3;
const URL_PATH_MAX: usize = 50;
/// The time a bare expiry date stands for.
const END_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 59) {
    Some(time) => time,
    None => panic!("23:59:59 is a time"),
};

/// Validates a link slug (`url_path`, shown as the link's `secondary_link`); case is kept.
/// An empty slug is reported as `field.required`; the form skips this field when left empty,
/// since Billpocket then generates one.
pub fn validate_url_path(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::UrlPath);
    let slug = input.trim();
    if slug.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    if !slug
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
    {
        return report.with(Code::UrlPathCharacters, &[]);
    }
    if !(URL_PATH_MIN..=URL_PATH_MAX).contains(&slug.len()) {
        return report.with(
            Code::UrlPathLength,
            &[
                ("min", URL_PATH_MIN.to_string()),
                ("max", URL_PATH_MAX.to_string()),
            ],
        );
    }
    if slug.starts_with(['-', '_']) || slug.ends_with(['-', '_']) {
        return report.with(Code::UrlPathEdge, &[]);
    }
    report.accept(slug.to_owned())
}

/// Validates a link expiry typed as local time, "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or
/// "YYYY-MM-DDTHH:MM:SS" (a space may replace the T). A bare date means the end of that day.
/// The normalised value is Billpocket's `expired_at` format, "2028-05-22T15:20:34" (no offset).
///
/// `now` is the caller's local time, passed in so the check stays pure and testable.
pub fn validate_expiry(input: &str, now: NaiveDateTime) -> FieldReport {
    let report = FieldReport::new(FieldKind::ExpiryDate);
    let text = input.trim().replacen(' ', "T", 1);
    if text.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let Some(expiry) = parse_local(&text) else {
        return report.with(Code::ExpiryFormat, &[]);
    };
    if expiry <= now {
        return report.with(Code::ExpiryPast, &[]);
    }
    report.accept(expiry.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// A local time, or a bare date meaning the end of that day.
fn parse_local(text: &str) -> Option<NaiveDateTime> {
    parse_local_datetime(text).or_else(|| Some(parse_date(text)?.and_time(END_OF_DAY)))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn slugs() {
        // Billpocket's example slug (billpocket-research §3.5) and a generated one (§3.8).
        for slug in ["customLink", "ll33q0rh", "pastel-de-boda_2026"] {
            let report = validate_url_path(slug);
            assert!(report.issues.is_empty(), "{slug}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(slug));
        }
        assert_eq!(validate_url_path("").codes(), [Code::FieldRequired]);
        assert_eq!(
            validate_url_path("pastel de boda").codes(),
            [Code::UrlPathCharacters]
        );
        assert_eq!(
            validate_url_path("pastel/boda").codes(),
            [Code::UrlPathCharacters]
        );
        assert_eq!(
            validate_url_path("piñata").codes(),
            [Code::UrlPathCharacters]
        );
        let report = validate_url_path("ab");
        assert_eq!(report.codes(), [Code::UrlPathLength]);
        assert_eq!(report.issues[0].params["min"], "3");
        assert_eq!(
            validate_url_path(&"a".repeat(51)).codes(),
            [Code::UrlPathLength]
        );
        assert_eq!(validate_url_path("-pastel").codes(), [Code::UrlPathEdge]);
        assert_eq!(validate_url_path("pastel_").codes(), [Code::UrlPathEdge]);
    }

    #[test]
    fn expiry_dates() {
        let now = NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|day| day.and_hms_opt(14, 5, 0))
            .unwrap();
        for (input, value) in [
            // Billpocket's request example (billpocket-research §3.5).
            ("2028-05-22T15:20:34", "2028-05-22T15:20:34"),
            ("2026-11-22 14:06", "2026-11-22T14:06:00"),
            ("2026-11-22", "2026-11-22T23:59:59"),
        ] {
            let report = validate_expiry(input, now);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(value));
        }
        assert_eq!(validate_expiry("", now).codes(), [Code::FieldRequired]);
        assert_eq!(
            validate_expiry("22/11/2026", now).codes(),
            [Code::ExpiryFormat]
        );
        assert_eq!(
            validate_expiry("2026-02-30", now).codes(),
            [Code::ExpiryFormat]
        );
        assert_eq!(
            validate_expiry("2026-11-22T25:00", now).codes(),
            [Code::ExpiryFormat]
        );
        assert_eq!(
            validate_expiry("2026-11-22T14:05", now).codes(),
            [Code::ExpiryPast]
        );
        assert_eq!(
            validate_expiry("2026-11-21", now).codes(),
            [Code::ExpiryPast]
        );
    }
}
