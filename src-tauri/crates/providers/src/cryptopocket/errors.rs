//! CryptoPocket's answers → results. Business errors come as `{"status":"error","error":"<code>"}`,
//! usually with HTTP 200 (403, 404 and 422 on the document upload); validation errors as Laravel
//! 422 `{message, errors: {field: [...]}}`; success as any other `status` (`ok`, `success`, even
//! the documented typo `sucess`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use mostrador_codes::{Coded, ErrorCode, Provider};

use super::fields::form_field;
use crate::error::{FieldError, ProviderError, Verdict};
use crate::http::{RawResponse, is_success, unreadable};

/// The error codes CryptoPocket documents for the customer endpoints. Each has a stable code
/// (`cryptopocket.<code>`) the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Missing, wrong, expired or non-allow-listed token (or wrong key and secret).
    AuthorizationIncorrect,
    /// The e-mail is already registered.
    UserAlreadyExists,
    /// Disposable or temporary e-mail domain.
    EmailNotAllowed,
    /// The customer belongs to another integration (HTTP 403).
    UserNotInIntegration,
    /// No such customer (HTTP 404 on documents; HTTP 200 on payments).
    UserNotFound,
    /// The document's content or type was refused (HTTP 422).
    InvalidFile,
    /// A required field is missing (documented for payments).
    FailMandatoryField,
    /// CryptoPocket's own internal error.
    UnexpectedError,
}

impl Refusal {
    pub const ALL: [Refusal; 8] = [
        Self::AuthorizationIncorrect,
        Self::UserAlreadyExists,
        Self::EmailNotAllowed,
        Self::UserNotInIntegration,
        Self::UserNotFound,
        Self::InvalidFile,
        Self::FailMandatoryField,
        Self::UnexpectedError,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AuthorizationIncorrect => "authorization_incorrect",
            Self::UserAlreadyExists => "user_already_exists",
            Self::EmailNotAllowed => "email_not_allowed",
            Self::UserNotInIntegration => "user_not_in_integration",
            Self::UserNotFound => "user_not_found",
            Self::InvalidFile => "invalid_file",
            Self::FailMandatoryField => "fail_mandatory_field",
            Self::UnexpectedError => "unexpected_error",
        }
    }

    /// The refusal CryptoPocket named, by its code (case and spaces ignored).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(code))
    }
}

/// The code of a refusal CryptoPocket named with a code we do not know.
pub const UNKNOWN_ERROR: &str = "unknown_error";
/// The longest provider text kept from an unknown refusal (for the user and the log).
const MAX_PROVIDER_TEXT: usize = 200;

/// Everything a CryptoPocket call can end in besides success.
#[derive(Debug, thiserror::Error)]
pub enum CryptoPocketError {
    /// One of CryptoPocket's documented codes: nothing was done.
    #[error("CryptoPocket refused the request: {}", .0.as_str())]
    Refused(Refusal),
    /// A code we do not know, with CryptoPocket's own words (shortened) for the user and the log.
    #[error("CryptoPocket refused the request: {text}")]
    Unknown { text: String },
    /// What any provider call can end in: transport, 422 field errors, 5xx, unknown address, …
    #[error(transparent)]
    Provider(#[from] ProviderError),
}

impl Coded for CryptoPocketError {
    /// `cryptopocket.` and the refusal or failure (`user_already_exists`, `unknown_error`).
    fn code(&self) -> ErrorCode {
        let suffix = match self {
            Self::Refused(refusal) => refusal.as_str(),
            Self::Unknown { .. } => UNKNOWN_ERROR,
            Self::Provider(error) => error.kind().as_str(),
        };
        ErrorCode::of_provider(Provider::CryptoPocket, suffix)
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Unknown { text } => vec![("text", text.clone())],
            _ => Vec::new(),
        }
    }
}

impl CryptoPocketError {
    /// What this failure proves about a write (a refusal, known or not, proves it did not
    /// happen).
    pub fn verdict(&self) -> Verdict {
        match self {
            Self::Provider(error) => error.verdict(),
            Self::Refused(_) | Self::Unknown { .. } => Verdict::Refused,
        }
    }

    /// The token was refused: worth one fresh authentication.
    pub(crate) fn is_token_refusal(&self) -> bool {
        matches!(
            self,
            Self::Refused(Refusal::AuthorizationIncorrect)
                | Self::Provider(ProviderError::Unauthorized)
        )
    }
}

/// The object of a successful answer (its `data` and siblings such as `pagination`), or the
/// typed error.
pub(crate) fn read_answer(raw: &RawResponse) -> Result<Map<String, Value>, CryptoPocketError> {
    // Only a JSON object: serde would also read a struct from an array.
    let object = serde_json::from_slice::<Map<String, Value>>(&raw.body);
    if let Ok(object) = &object
        && let Some(refusal) = refusal(object)
    {
        return Err(refusal);
    }
    if !is_success(raw.status) {
        return Err(from_status(raw, object.ok()).into());
    }
    object.map_err(|e| unreadable(raw.status, &e).into())
}

/// `{"status":"error", "error"|"message": "<code>"}` as a typed refusal.
fn refusal(object: &Map<String, Value>) -> Option<CryptoPocketError> {
    let status = object.get("status")?.as_str()?;
    if !status.trim().eq_ignore_ascii_case("error") {
        return None;
    }
    let text = ["error", "message"]
        .iter()
        .find_map(|key| object.get(*key)?.as_str())
        .unwrap_or_default()
        .trim();
    Some(match Refusal::from_code(text) {
        Some(refusal) => CryptoPocketError::Refused(refusal),
        None => CryptoPocketError::Unknown {
            text: text.chars().take(MAX_PROVIDER_TEXT).collect(),
        },
    })
}

/// A failure status without CryptoPocket's error envelope.
fn from_status(raw: &RawResponse, object: Option<Map<String, Value>>) -> ProviderError {
    match raw.status {
        400 | 422 => {
            let body = object
                .and_then(|o| serde_json::from_value::<ValidationBody>(Value::Object(o)).ok())
                .unwrap_or_default();
            ProviderError::Invalid {
                fields: body
                    .errors
                    .into_iter()
                    .map(|(field, messages)| FieldError::new(field, messages, form_field))
                    .collect(),
                message: body.message,
            }
        }
        // CryptoPocket's own 404s carry its envelope (handled above): a bare one is a wrong
        // address.
        _ => raw.status_error(),
    }
}

/// Laravel's validation answer.
#[derive(Deserialize, Default)]
struct ValidationBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    errors: BTreeMap<String, Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::for_test(status, body)
    }

    #[test]
    fn every_documented_code_is_typed_at_any_status() {
        for refusal in Refusal::ALL {
            for status in [200, 403, 404, 422] {
                let body = format!(r#"{{"status":"error","error":"{}"}}"#, refusal.as_str());
                let error = read_answer(&raw(status, &body)).unwrap_err();
                assert!(
                    matches!(error, CryptoPocketError::Refused(r) if r == refusal),
                    "{status} {body}: {error:?}"
                );
                assert_eq!(
                    error.code().as_str(),
                    format!("cryptopocket.{}", refusal.as_str())
                );
                assert_eq!(error.verdict(), Verdict::Refused);
            }
        }
    }

    #[test]
    fn an_unknown_code_keeps_the_provider_text() {
        let error =
            read_answer(&raw(200, r#"{"status":"error","message":"limit_exceded"}"#)).unwrap_err();
        assert_eq!(error.code(), ErrorCode::CryptopocketUnknownError);
        assert_eq!(error.params(), [("text", "limit_exceded".to_owned())]);
        assert!(matches!(&error, CryptoPocketError::Unknown { text } if text == "limit_exceded"));
        let long = "x".repeat(5000);
        let error = read_answer(&raw(
            200,
            &format!(r#"{{"status":"error","error":"{long}"}}"#),
        ))
        .unwrap_err();
        assert!(error.to_string().len() < 300);
    }

    #[test]
    fn success_is_any_status_but_error() {
        for status in ["ok", "success", "sucess", "OK"] {
            let body = format!(r#"{{"status":"{status}","data":{{"id":1}}}}"#);
            let object = read_answer(&raw(200, &body)).unwrap();
            assert_eq!(object["data"]["id"], 1);
        }
    }

    #[test]
    fn laravel_422_maps_fields_to_the_form() {
        // The create-company page's example, verbatim.
        let body = include_str!("../../tests/fixtures/cryptopocket_validation_error.json");
        let error = read_answer(&raw(422, body)).unwrap_err();
        let CryptoPocketError::Provider(ProviderError::Invalid { fields, message }) = error else {
            panic!("{error:?}")
        };
        assert!(message.starts_with("The email field is required."));
        let forms: Vec<_> = fields.iter().map(|f| f.form_field.as_deref()).collect();
        assert_eq!(forms, [Some("companyName"), Some("email")]);
    }

    #[test]
    fn statuses_without_the_envelope_map_by_status() {
        let code = |status, body| match read_answer(&raw(status, body)).unwrap_err() {
            CryptoPocketError::Provider(error) => error.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(404, "<html>Not Found</html>"),
            FailureKind::UnknownAddress
        );
        assert_eq!(
            code(404, r#"{"message":"Not Found"}"#),
            FailureKind::UnknownAddress
        );
        assert_eq!(code(401, ""), FailureKind::Unauthorized);
        assert_eq!(code(502, "bad gateway"), FailureKind::ProviderError);
        assert_eq!(code(200, "<html>"), FailureKind::UnreadableResponse);
        assert_eq!(code(200, "[1]"), FailureKind::UnreadableResponse);
    }
}
