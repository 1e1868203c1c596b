//! The single entry point behind the app's `validate_*` commands and the sandbox's checks.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::amount::{validate_credit_line, validate_link_amount};
use crate::contact::{validate_email, validate_person_name, validate_phone_international};
use crate::identity::{
    Country, IdType, validate_identification_number, validate_identification_type,
};
use crate::link::{validate_expiry, validate_url_path};
use crate::mx::PersonType;
use crate::mx::clabe::validate_clabe;
use crate::mx::curp::validate_curp;
use crate::mx::name_key::PersonNames;
use crate::mx::phone::validate_phone_mx;
use crate::mx::postal::validate_postal_code;
use crate::mx::rfc::validate_rfc;
use crate::mx::rfc_curp::check_rfc_matches_curp;
use crate::mx::state::MxState;
use crate::report::{Code, FieldKind, FieldReport, Issue};

/// What a field's rules depend on, taken from the rest of the form. Every part is optional;
/// a validator that needs a missing part says so with a code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldContext {
    /// The customer's country (CryptoPocket identification).
    pub country: Option<Country>,
    /// The chosen identification type (CryptoPocket identification numbers).
    pub id_type: Option<IdType>,
    /// The merchant's state (postal-code prefix check).
    pub state: Option<MxState>,
    /// Persona física or moral (RFC length).
    pub person_type: Option<PersonType>,
    /// The user's local time, for expiry dates. Not sent by the UI: the command fills it in
    /// from the clock, which keeps the validators pure.
    #[serde(skip)]
    pub now: Option<NaiveDateTime>,
}

/// Validates one field's text.
pub fn validate_field(kind: FieldKind, input: &str, ctx: &FieldContext) -> FieldReport {
    match kind {
        FieldKind::Curp => validate_curp(input),
        FieldKind::Rfc => validate_rfc(input, ctx.person_type),
        FieldKind::Clabe => validate_clabe(input),
        FieldKind::PostalCode => validate_postal_code(input, ctx.state),
        FieldKind::PhoneMx => validate_phone_mx(input),
        FieldKind::PhoneInternational => validate_phone_international(input),
        FieldKind::Email => validate_email(input),
        FieldKind::PersonName => validate_person_name(input),
        FieldKind::UrlPath => validate_url_path(input),
        FieldKind::LinkAmount => validate_link_amount(input),
        FieldKind::CreditLine => validate_credit_line(input),
        FieldKind::ExpiryDate => match ctx.now {
            Some(now) => validate_expiry(input, now),
            None => FieldReport::new(kind).with(Code::ExpiryClockMissing, &[]),
        },
        FieldKind::IdentificationType => validate_identification_type(input, ctx.country),
        FieldKind::IdentificationNumber => {
            validate_identification_number(input, ctx.country, ctx.id_type)
        }
    }
}

/// Checks that involve two fields of the same form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "check")]
pub enum CrossCheck {
    /// A persona física's RFC and CURP share the birth date, and their letters are those each
    /// registry derives from her names (when given; else the letters agree with each other).
    #[serde(rename_all = "camelCase")]
    RfcCurp {
        rfc: String,
        curp: String,
        #[serde(default)]
        names: Option<PersonNames>,
    },
    /// The postal code lies in the chosen state.
    #[serde(rename_all = "camelCase")]
    PostalCodeState { postal_code: String, state: MxState },
}

/// Runs a cross-field check. Issues name the field to highlight; malformed single fields
/// produce nothing here, their own [`validate_field`] report explains them.
pub fn validate_cross(check: &CrossCheck) -> Vec<Issue> {
    match check {
        CrossCheck::RfcCurp { rfc, curp, names } => {
            check_rfc_matches_curp(rfc, curp, names.as_ref())
        }
        CrossCheck::PostalCodeState { postal_code, state } => {
            validate_postal_code(postal_code, Some(*state))
                .issues
                .into_iter()
                .filter(|i| i.code == Code::PostalCodeStateMismatch)
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn context_reaches_the_validators() {
        let ctx = FieldContext {
            person_type: Some(PersonType::Moral),
            state: Some(MxState::Jalisco),
            now: NaiveDate::from_ymd_opt(2026, 11, 22).and_then(|day| day.and_hms_opt(14, 5, 0)),
            ..FieldContext::default()
        };
        assert_eq!(
            validate_field(FieldKind::Rfc, "GODE561231GR8", &ctx).codes(),
            [Code::RfcExpectedMoral]
        );
        assert_eq!(
            validate_field(FieldKind::PostalCode, "64000", &ctx).codes(),
            [Code::PostalCodeStateMismatch]
        );
        assert!(validate_field(FieldKind::ExpiryDate, "2026-12-24", &ctx).is_valid());
        assert_eq!(
            validate_field(
                FieldKind::ExpiryDate,
                "2026-12-24",
                &FieldContext::default()
            )
            .codes(),
            [Code::ExpiryClockMissing]
        );
    }

    #[test]
    fn context_deserialises_from_the_ui_without_now() {
        let ctx: FieldContext =
            serde_json::from_str(r#"{"country":"CHL","idType":"RUT","personType":"fisica"}"#)
                .unwrap();
        assert_eq!(ctx.country, Some(Country::Chile));
        assert_eq!(ctx.id_type, Some(IdType::Rut));
        assert_eq!(ctx.now, None);
        let ctx: FieldContext = serde_json::from_str(r#"{"state":"09"}"#).unwrap();
        assert_eq!(ctx.state, Some(MxState::CiudadDeMexico));
    }

    #[test]
    fn reports_serialise_for_the_ui() {
        let report = validate_field(
            FieldKind::Clabe,
            "002010077777777772",
            &FieldContext::default(),
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "field": "clabe",
                "value": null,
                "issues": [{"code": "clabe.check_digit", "severity": "error", "field": "clabe", "params": {}}],
                "detail": null
            })
        );
    }

    #[test]
    fn exports_to_typescript() {
        let types = specta::Types::default()
            .register::<FieldKind>()
            .register::<FieldContext>()
            .register::<FieldReport>()
            .register::<CrossCheck>()
            .register::<Issue>();
        let ts = specta_typescript::Typescript::default()
            .export(&types, specta_serde::Format)
            .unwrap();
        for expected in [
            "\"curp.check_digit\"",
            "FieldReport",
            "\"rfcCurp\"",
            "\"09\"",
            "\"CED_CIU\"",
        ] {
            assert!(ts.contains(expected), "{expected} missing from:\n{ts}");
        }
        assert!(
            !ts.contains("now?:") && !ts.contains("now:"),
            "the clock is filled in by the command, not the UI"
        );
    }

    #[test]
    fn cross_checks() {
        let check: CrossCheck = serde_json::from_str(
            r#"{"check":"rfcCurp","rfc":"BOXW310821AB1","curp":"BOXW310820HNERXN09"}"#,
        )
        .unwrap();
        let codes: Vec<Code> = validate_cross(&check).iter().map(|i| i.code).collect();
        assert_eq!(codes, [Code::RfcCurpDateMismatch]);
        // The form sends the names too: each key is then compared with them.
        let check: CrossCheck = serde_json::from_str(
            r#"{"check":"rfcCurp","rfc":"LOMF920714K38","curp":"LONF920714MDFPXR02",
                "names":{"firstName":"Fernanda","paternalSurname":"López","maternalSurname":"Núñez"}}"#,
        )
        .unwrap();
        let found = validate_cross(&check);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].code, found[0].field),
            (Code::RfcNameMismatch, FieldKind::Rfc)
        );
        let check = CrossCheck::PostalCodeState {
            postal_code: "64000".into(),
            state: MxState::Jalisco,
        };
        assert_eq!(
            validate_cross(&check)[0].code,
            Code::PostalCodeStateMismatch
        );
        assert_eq!(validate_cross(&check)[0].field, FieldKind::PostalCode);
        let check = CrossCheck::PostalCodeState {
            postal_code: "44100".into(),
            state: MxState::Jalisco,
        };
        assert!(validate_cross(&check).is_empty());
    }
}
