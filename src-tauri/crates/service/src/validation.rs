//! The validate command family: core's validators with the context only the app knows (the
//! local clock). The UI calls these per field as the user types; the write commands call the
//! same functions before sending.

use chrono::{Local, NaiveDateTime, SubsecRound};
use mostrador_codes::ErrorCode;
use mostrador_core::{Country, CrossCheck, FieldContext, FieldKind, FieldReport, IdType, Issue};
use serde::Serialize;

/// One identification type a country takes, as a form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IdTypeChoice {
    pub value: IdType,
    /// The name people use for the document ("DNI", "NIE", "CUIT").
    pub label: String,
}

/// The identification types CryptoPocket accepts for `country`, persons' first: the form
/// offers only these once the country is chosen.
pub fn identification_types(country: Country) -> Vec<IdTypeChoice> {
    country
        .id_types()
        .iter()
        .map(|&value| IdTypeChoice {
            value,
            label: value.label().to_owned(),
        })
        .collect()
}

/// Validates one field's text against its rules, with "now" taken from the local clock.
pub fn validate_field(kind: FieldKind, input: &str, mut context: FieldContext) -> FieldReport {
    context.now = local_now();
    mostrador_core::validate_field(kind, input, &context)
}

/// The code of a report's first error (`field.invalid` for a report refused without one), for
/// a command that refuses the field.
pub fn first_error(report: &FieldReport) -> ErrorCode {
    report
        .errors()
        .next()
        .map_or(ErrorCode::FieldInvalid, |issue| issue.code.into())
}

/// Runs a check that involves two fields of one form.
pub fn validate_cross(check: &CrossCheck) -> Vec<Issue> {
    mostrador_core::validate_cross(check)
}

/// Seconds since the Unix epoch of a local wall-clock time (the earlier one when a clock change
/// makes it ambiguous); `None` for a time that does not exist locally.
pub fn local_to_unix(local: NaiveDateTime) -> Option<i64> {
    local
        .and_local_timezone(Local)
        .earliest()
        .map(|at| at.timestamp())
}

/// The user's local date and time (seconds precision), as the expiry rules expect it.
fn local_now() -> Option<NaiveDateTime> {
    Some(Local::now().naive_local().trunc_subsecs(0))
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;
    use mostrador_core::{Code, Severity};

    use super::*;

    #[test]
    fn fills_in_the_clock_so_expiry_dates_are_judged() {
        let past = validate_field(
            FieldKind::ExpiryDate,
            "2001-01-01T10:00",
            FieldContext::default(),
        );
        assert_eq!(past.codes(), vec![Code::ExpiryPast]);
        let next_year = chrono::Local::now().year() + 1;
        let future = validate_field(
            FieldKind::ExpiryDate,
            &format!("{next_year}-06-30T18:00"),
            FieldContext::default(),
        );
        assert!(future.is_valid(), "{future:?}");
    }

    #[test]
    fn local_times_convert_to_unix_seconds() {
        let now = local_now().unwrap();
        let unix = local_to_unix(now).unwrap();
        let system = chrono::Local::now().timestamp();
        assert!((unix - system).abs() <= 2, "{unix} vs {system}");
    }

    #[test]
    fn local_now_is_the_local_wall_clock() {
        let ours = local_now().unwrap();
        let chrono_now = chrono::Local::now().naive_local();
        assert_eq!(ours.year(), chrono_now.year());
        assert_eq!(ours.day(), chrono_now.day());
    }

    #[test]
    fn passes_other_fields_through_to_core() {
        let report = validate_field(
            FieldKind::Clabe,
            "002010077777777771",
            FieldContext::default(),
        );
        assert!(report.is_valid());
        assert_eq!(report.value.as_deref(), Some("002010077777777771"));
        let bad = validate_field(
            FieldKind::Clabe,
            "002010077777777772",
            FieldContext::default(),
        );
        assert_eq!(bad.codes(), vec![Code::ClabeCheckDigit]);
        assert_eq!(bad.issues[0].severity, Severity::Error);
    }

    #[test]
    fn a_country_offers_only_its_own_identification_types() {
        let chile: Vec<IdType> = identification_types(Country::Chile)
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(chile, [IdType::Rut]);
        let spain = identification_types(Country::Spain);
        assert_eq!(spain[0].value, IdType::GovernmentId);
        assert_eq!(spain[0].label, "DNI");
        assert!(
            identification_types(Country::Mexico)
                .iter()
                .all(|c| matches!(c.value, IdType::Curp | IdType::Rfc))
        );
    }
}
