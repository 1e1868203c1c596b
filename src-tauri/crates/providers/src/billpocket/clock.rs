//! Billpocket's timestamps carry no offset ("2024-06-13T21:57:43"). This is the one place that
//! says which clock they are on, for the client, the double and the cache.

use chrono::{FixedOffset, NaiveDateTime, SubsecRound, Utc};

// assumed: Mexico City wall time, UTC−06:00 all year since Mexico dropped daylight saving in 2022.
pub const TIMESTAMP_OFFSET: FixedOffset = match FixedOffset::west_opt(6 * 3600) {
    Some(offset) => offset,
    None => panic!("six hours is a valid offset"),
};

/// Seconds since the Unix epoch of a Billpocket timestamp.
pub fn to_unix(timestamp: NaiveDateTime) -> i64 {
    timestamp.and_utc().timestamp() - i64::from(TIMESTAMP_OFFSET.local_minus_utc())
}

/// The current time as Billpocket writes it: its offset, whole seconds.
pub fn now() -> NaiveDateTime {
    Utc::now()
        .with_timezone(&TIMESTAMP_OFFSET)
        .naive_local()
        .trunc_subsecs(0)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Timelike};

    use super::*;

    #[test]
    fn a_billpocket_timestamp_is_mexico_city_time() {
        // 21:57:43 in Mexico City is 03:57:43 UTC the next day.
        let timestamp = NaiveDate::from_ymd_opt(2024, 6, 13)
            .and_then(|day| day.and_hms_opt(21, 57, 43))
            .unwrap();
        assert_eq!(to_unix(timestamp), 1_718_337_463);
    }

    #[test]
    fn now_is_six_hours_behind_utc_in_whole_seconds() {
        let ours = to_unix(now());
        let utc = Utc::now().timestamp();
        assert!((utc - ours).abs() <= 1, "{ours} vs {utc}");
        assert_eq!(now().nanosecond(), 0);
    }
}
