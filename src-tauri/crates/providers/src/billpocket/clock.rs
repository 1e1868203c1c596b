//! Billpocket's timestamps carry no offset ("2024-06-13T21:57:43"). This is the one place that
//! says which clock they are on, for the client, the double and the cache.

use time::macros::offset;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

// assumed: Mexico City wall time, UTC−06:00 all year since Mexico dropped daylight saving in 2022.
pub const TIMESTAMP_OFFSET: UtcOffset = offset!(-6);

/// Seconds since the Unix epoch of a Billpocket timestamp.
pub fn to_unix(timestamp: PrimitiveDateTime) -> i64 {
    timestamp.assume_offset(TIMESTAMP_OFFSET).unix_timestamp()
}

/// The current time as Billpocket writes it: its offset, whole seconds.
pub fn now() -> PrimitiveDateTime {
    let now = OffsetDateTime::now_utc().to_offset(TIMESTAMP_OFFSET);
    PrimitiveDateTime::new(
        now.date(),
        now.time().replace_nanosecond(0).unwrap_or(now.time()),
    )
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_billpocket_timestamp_is_mexico_city_time() {
        // 21:57:43 in Mexico City is 03:57:43 UTC the next day.
        assert_eq!(to_unix(datetime!(2024-06-13 21:57:43)), 1_718_337_463);
    }

    #[test]
    fn now_is_six_hours_behind_utc_in_whole_seconds() {
        let ours = to_unix(now());
        let utc = OffsetDateTime::now_utc().unix_timestamp();
        assert!((utc - ours).abs() <= 1, "{ours} vs {utc}");
        assert_eq!(now().nanosecond(), 0);
    }
}
