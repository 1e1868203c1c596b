//! Billpocket failure statuses and bodies → [`ProviderError`]. Reads both error shapes: the assumed
//! `{"message": "...", "errors": {"field": ["..."]}}` and the documented Cloud Terminal
//! `{"message": ["..."], "responseCode": "002"}`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::fields::form_field;
use crate::error::{FieldError, ProviderError};
use crate::http::RawResponse;

#[derive(Deserialize, Default)]
struct TolerantErrorBody {
    #[serde(default)]
    message: Option<OneOrMany>,
    #[serde(default)]
    errors: Option<BTreeMap<String, OneOrMany>>,
    #[serde(default, rename = "responseCode")]
    response_code: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::One(one) => vec![one],
            Self::Many(many) => many,
        }
    }
}

/// Maps a non-success answer. Bodies that are not JSON still give a typed error by status, except
/// a 404: it means "not found / not registered / not configured" only with Billpocket's error
/// body. Without one (an HTML page, an empty body) it came from a wrong address, and reading it as
/// an answer would, say, take a wrong token path for "merchant not registered".
pub(crate) fn from_status(raw: &RawResponse) -> ProviderError {
    // Only a JSON object: serde would also read a struct from an array (`["message"]`).
    let body = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&raw.body)
        .ok()
        .and_then(|object| serde_json::from_value::<TolerantErrorBody>(object.into()).ok());
    let from_billpocket = body.as_ref().is_some_and(TolerantErrorBody::has_message);
    let (message, fields) = body.unwrap_or_default().into_parts();
    match raw.status {
        400 | 422 => ProviderError::Invalid { fields, message },
        404 if from_billpocket => ProviderError::NotFound,
        409 => ProviderError::Conflict {
            field: fields.into_iter().next(),
            message,
        },
        _ => raw.status_error(),
    }
}

impl TolerantErrorBody {
    /// Billpocket's error shape, assumed or documented: a JSON object with a non-empty `message`.
    fn has_message(&self) -> bool {
        match &self.message {
            Some(OneOrMany::One(one)) => !one.trim().is_empty(),
            Some(OneOrMany::Many(many)) => many.iter().any(|m| !m.trim().is_empty()),
            None => false,
        }
    }

    fn into_parts(self) -> (String, Vec<FieldError>) {
        let messages = self.message.map(OneOrMany::into_vec).unwrap_or_default();
        let mut fields: Vec<FieldError> = self
            .errors
            .unwrap_or_default()
            .into_iter()
            .map(|(field, messages)| field_error(field, messages.into_vec()))
            .collect();
        // Cloud Terminal puts field errors in `message[]` as sentences that start with the field
        // name ("serialNumber must not contain special characters").
        if fields.is_empty() && self.response_code.is_some() {
            fields = messages
                .iter()
                .filter_map(|m| {
                    let first = m.split_whitespace().next()?;
                    form_field(first).map(|_| field_error(first.to_owned(), vec![m.clone()]))
                })
                .collect();
        }
        (messages.join("; "), fields)
    }
}

fn field_error(provider_field: String, messages: Vec<String>) -> FieldError {
    FieldError::new(provider_field, messages, form_field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::for_test(status, body)
    }

    #[test]
    fn assumed_shape_maps_fields_to_the_form() {
        let err = from_status(&raw(
            422,
            r#"{"message":"Invalid data","errors":{"codigo_postal":["postal_code.format"]}}"#,
        ));
        let ProviderError::Invalid { fields, message } = err else {
            panic!("{err:?}")
        };
        assert_eq!(message, "Invalid data");
        assert_eq!(fields[0].form_field.as_deref(), Some("postalCode"));
        assert_eq!(fields[0].messages, ["postal_code.format"]);
    }

    #[test]
    fn cloud_terminal_shape_parses() {
        let body = include_str!("../../tests/fixtures/billpocket_cloud_terminal_error.json");
        let err = from_status(&raw(400, body));
        let ProviderError::Invalid { message, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(message, "serialNumber must not contain special characters");
        let err = from_status(&raw(
            400,
            r#"{"message":["amount must be positive"],"responseCode":"002"}"#,
        ));
        let ProviderError::Invalid { fields, .. } = err else {
            panic!()
        };
        assert_eq!(fields[0].form_field.as_deref(), Some("amount"));
    }

    #[test]
    fn conflict_names_the_field_and_non_json_bodies_still_map() {
        let err = from_status(&raw(
            409,
            r#"{"message":"taken","errors":{"rfc":["duplicate"]}}"#,
        ));
        let ProviderError::Conflict {
            field: Some(field), ..
        } = err
        else {
            panic!()
        };
        assert_eq!(field.form_field.as_deref(), Some("rfc"));
        assert_eq!(
            from_status(&raw(502, "<html>bad gateway</html>")).kind(),
            FailureKind::ProviderError
        );
        assert_eq!(from_status(&raw(401, "")).kind(), FailureKind::Unauthorized);
        assert_eq!(from_status(&raw(403, "")).kind(), FailureKind::Forbidden);
        assert_eq!(from_status(&raw(429, "")).kind(), FailureKind::RateLimited);
    }

    #[test]
    fn a_404_is_an_answer_only_with_billpocket_s_error_body() {
        for body in [
            r#"{"message":"Payment link not configured"}"#,
            r#"{"message":"Not found","errors":{}}"#,
            r#"{"message":["token does not exist"],"responseCode":"010"}"#,
        ] {
            assert_eq!(
                from_status(&raw(404, body)).kind(),
                FailureKind::NotFound,
                "{body}"
            );
        }
        for body in [
            "",
            "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
            "Not Found",
            r#"{"error":"Not Found","path":"/v2/token"}"#,
            r#"{"message":""}"#,
            r#"{"message":[]}"#,
            r#"["message"]"#,
        ] {
            let error = from_status(&raw(404, body));
            assert!(
                matches!(error, ProviderError::UnknownAddress { status: 404 }),
                "{body}: {error:?}"
            );
        }
    }
}
