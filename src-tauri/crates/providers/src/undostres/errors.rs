//! UnDosTres' answers → results. Three envelopes: `{rs|ss, err}` (users), `{text, timestamp,
//! endpoint, error, payload}` (wallet) and `{response, err}` (oauth). An error is an object with
//! `code`, `text`, `hints` in either casing (`Code`, `Text`, `Hints`), or a bare string; business
//! errors come with HTTP 400 (documented) or 200. A hint `field:code` (`rfc:invalid`) or
//! `incorrect field` (`incorrect parent_id`) names the field it is about.

use mostrador_codes::{Coded, ErrorCode, Provider};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::fields::form_field;
use crate::error::{FieldError, ProviderError, Verdict};
use crate::http::{RawResponse, is_success, unreadable};

/// UnDosTres' documented business error codes. Each has a stable code (`undostres.<code>`) the
/// UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// 4400 "Bad parameters request, please refer the documentation".
    BadParameters,
    /// 5000 Validation Error (the hints name the fields).
    ValidationError,
    /// 5001 Monthly transaction limit reached.
    MonthlyLimitReached,
    /// 5002 Wallet inactive.
    WalletInactive,
    /// 5003 Insufficient balance.
    InsufficientBalance,
    /// 6000 Database error.
    DatabaseError,
    /// 7000 WAAS server error.
    ServerError,
    /// 8000 The device is not linked to the refresh token: a connection token is needed.
    DeviceNotLinked,
    /// 8001 The device is already linked: refresh the token instead.
    DeviceAlreadyLinked,
    /// 8002 The refresh token has expired.
    RefreshTokenExpired,
    /// 8003 Incomplete request data.
    IncompleteRequest,
    /// 8004 `extra_login_data` is missing.
    ExtraLoginDataMissing,
    /// 8005 `extra_login_data` is required (the current token has expired).
    ExtraLoginDataRequired,
}

impl Refusal {
    pub const ALL: [Refusal; 13] = [
        Self::BadParameters,
        Self::ValidationError,
        Self::MonthlyLimitReached,
        Self::WalletInactive,
        Self::InsufficientBalance,
        Self::DatabaseError,
        Self::ServerError,
        Self::DeviceNotLinked,
        Self::DeviceAlreadyLinked,
        Self::RefreshTokenExpired,
        Self::IncompleteRequest,
        Self::ExtraLoginDataMissing,
        Self::ExtraLoginDataRequired,
    ];

    /// UnDosTres' number for it.
    pub fn number(self) -> i64 {
        match self {
            Self::BadParameters => 4400,
            Self::ValidationError => 5000,
            Self::MonthlyLimitReached => 5001,
            Self::WalletInactive => 5002,
            Self::InsufficientBalance => 5003,
            Self::DatabaseError => 6000,
            Self::ServerError => 7000,
            Self::DeviceNotLinked => 8000,
            Self::DeviceAlreadyLinked => 8001,
            Self::RefreshTokenExpired => 8002,
            Self::IncompleteRequest => 8003,
            Self::ExtraLoginDataMissing => 8004,
            Self::ExtraLoginDataRequired => 8005,
        }
    }

    pub fn from_number(number: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.number() == number)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadParameters => "bad_parameters",
            Self::ValidationError => "validation_error",
            Self::MonthlyLimitReached => "monthly_limit_reached",
            Self::WalletInactive => "wallet_inactive",
            Self::InsufficientBalance => "insufficient_balance",
            Self::DatabaseError => "database_error",
            Self::ServerError => "server_error",
            Self::DeviceNotLinked => "device_not_linked",
            Self::DeviceAlreadyLinked => "device_already_linked",
            Self::RefreshTokenExpired => "refresh_token_expired",
            Self::IncompleteRequest => "incomplete_request",
            Self::ExtraLoginDataMissing => "extra_login_data_missing",
            Self::ExtraLoginDataRequired => "extra_login_data_required",
        }
    }

    /// The error's standard text, as the double writes it.
    pub fn text(self) -> &'static str {
        match self {
            Self::BadParameters => "Bad parameters request, please refer the documentation",
            Self::ValidationError => "Validation Error",
            Self::MonthlyLimitReached => "Monthly transaction limit reached",
            Self::WalletInactive => "Wallet inactive",
            Self::InsufficientBalance => "Insufficient balance",
            Self::DatabaseError => "Database error",
            Self::ServerError => "WAAS server error",
            Self::DeviceNotLinked => "Device is not linked to the refresh token",
            Self::DeviceAlreadyLinked => "Device is linked to the refresh token",
            Self::RefreshTokenExpired => "Refresh token expired",
            Self::IncompleteRequest => "Incomplete request data",
            Self::ExtraLoginDataMissing => "extra_login_data is missing",
            Self::ExtraLoginDataRequired => "extra_login_data is required due to expired token",
        }
    }
}

/// The code of an error UnDosTres sent with a code (or none) we do not know.
pub const UNKNOWN_ERROR: &str = "unknown_error";
/// The longest provider text kept from an error (for the user and the log).
const MAX_PROVIDER_TEXT: usize = 200;

/// Everything an UnDosTres call can end in besides success.
#[derive(Debug, thiserror::Error)]
pub enum UnDosTresError {
    /// One of UnDosTres' documented codes, with the fields its hints name: nothing was done.
    #[error("UnDosTres refused the request: {} ({})", .refusal.as_str(), .refusal.number())]
    Refused {
        refusal: Refusal,
        fields: Vec<FieldError>,
    },
    /// A code we do not know (or none), with UnDosTres' own words, shortened.
    #[error("UnDosTres refused the request: {text}")]
    Unknown { code: Option<i64>, text: String },
    /// What any provider call can end in: transport, 401, 5xx, unknown address, …
    #[error(transparent)]
    Provider(#[from] ProviderError),
}

impl Coded for UnDosTresError {
    /// `undostres.` and the refusal or failure (`validation_error`, `unknown_error`, `timeout`).
    fn code(&self) -> ErrorCode {
        let suffix = match self {
            Self::Refused { refusal, .. } => refusal.as_str(),
            Self::Unknown { .. } => UNKNOWN_ERROR,
            Self::Provider(error) => error.kind().as_str(),
        };
        ErrorCode::of_provider(Provider::Undostres, suffix)
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Unknown { text, .. } => vec![("text", text.clone())],
            _ => Vec::new(),
        }
    }
}

impl UnDosTresError {
    /// The fields the error is about, for the form to mark.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Self::Refused { fields, .. } => fields,
            Self::Provider(ProviderError::Invalid { fields, .. }) => fields,
            _ => &[],
        }
    }

    /// What a failed write tells the outbox. UnDosTres documents account creation as all or
    /// nothing, so any error it answered proves nothing was done.
    pub fn verdict(&self) -> Verdict {
        match self {
            Self::Provider(error) => error.verdict(),
            Self::Refused { .. } | Self::Unknown { .. } => Verdict::Refused,
        }
    }
}

/// Where an envelope keeps its data.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Envelope {
    /// `/user/v1`: `rs`, or `ss` in some answers.
    User,
    /// `/wallet/v1` and `/debit/v1`: `payload`.
    Wallet,
    /// `/oauth/v1`: `response`.
    OAuth,
}

impl Envelope {
    fn data_keys(self) -> &'static [&'static str] {
        match self {
            Self::User => &["rs", "ss"],
            Self::Wallet => &["payload"],
            Self::OAuth => &["response"],
        }
    }
}

/// The data object of a successful answer, or the typed error.
pub(crate) fn read_answer(
    raw: &RawResponse,
    envelope: Envelope,
) -> Result<Map<String, Value>, UnDosTresError> {
    // Only a JSON object: serde would also read a map from other shapes.
    let object = serde_json::from_slice::<Map<String, Value>>(&raw.body);
    let error = object.as_ref().ok().and_then(error_of);
    if let Some(ErrorBody { code, text, hints }) = error {
        if let Some(refusal) = code.and_then(Refusal::from_number) {
            return Err(UnDosTresError::Refused {
                refusal,
                fields: fields_of(&hints),
            });
        }
        // Credentials, throttling and server failures keep their meaning whatever the body.
        if matches!(raw.status, 401 | 403 | 429) || raw.status >= 500 {
            return Err(raw.status_error().into());
        }
        return Err(UnDosTresError::Unknown {
            code,
            text: text.chars().take(MAX_PROVIDER_TEXT).collect(),
        });
    }
    if !is_success(raw.status) {
        return Err(from_status(raw).into());
    }
    let mut object = object.map_err(|e| unreadable(raw.status, &e))?;
    envelope
        .data_keys()
        .iter()
        .find_map(|key| match object.remove(*key) {
            Some(Value::Object(data)) => Some(data),
            _ => None,
        })
        .ok_or_else(|| {
            ProviderError::UnreadableResponse {
                status: raw.status,
                detail: format!("no {} object in the answer", envelope.data_keys()[0]),
            }
            .into()
        })
}

/// An error as UnDosTres wrote it.
struct ErrorBody {
    code: Option<i64>,
    text: String,
    hints: Vec<String>,
}

/// The envelope's error: `err` (users, oauth) or `error` (wallet), when it says something
/// (`null`, `{}` and `""` mean success).
fn error_of(object: &Map<String, Value>) -> Option<ErrorBody> {
    let value = ["err", "error"]
        .iter()
        .filter_map(|key| object.get(*key))
        .find(|value| match value {
            Value::Null => false,
            Value::Object(map) => !map.is_empty(),
            Value::String(text) => !text.trim().is_empty(),
            _ => true,
        })?;
    Some(match value {
        Value::Object(map) => {
            // `code`/`Code`, `text`/`Text`, `hints`/`Hints`, whichever casing.
            let get = |key: &str| {
                map.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| v)
            };
            let code = get("code").and_then(|c| {
                c.as_i64()
                    .or_else(|| c.as_str().and_then(|s| s.trim().parse().ok()))
            });
            let hints = match get("hints") {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(|h| h.as_str().map(str::to_owned))
                    .collect(),
                Some(Value::String(hint)) => vec![hint.clone()],
                _ => Vec::new(),
            };
            let text = get("text")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| hints.first().cloned())
                .unwrap_or_default();
            ErrorBody { code, text, hints }
        }
        Value::String(text) => ErrorBody {
            code: None,
            text: text.trim().to_owned(),
            hints: Vec::new(),
        },
        other => ErrorBody {
            code: other.as_i64(),
            text: other.to_string(),
            hints: Vec::new(),
        },
    })
}

/// The fields named by hints `field:code` or `incorrect field`, with their codes.
fn fields_of(hints: &[String]) -> Vec<FieldError> {
    let mut named: Vec<(String, Vec<String>)> = Vec::new();
    for hint in hints {
        let hint = hint.trim();
        let (field, code) = match hint.split_once(':') {
            Some((field, code)) if is_field_name(field.trim()) => (field.trim(), code.trim()),
            _ => match hint.strip_prefix("incorrect ") {
                Some(field) if is_field_name(field.trim()) => (field.trim(), "incorrect"),
                _ => continue,
            },
        };
        match named.iter_mut().find(|(f, _)| f == field) {
            Some((_, codes)) => codes.push(code.to_owned()),
            None => named.push((field.to_owned(), vec![code.to_owned()])),
        }
    }
    named
        .into_iter()
        .map(|(field, codes)| FieldError::new(field, codes, form_field))
        .collect()
}

/// A wire field name: lowercase letters, digits, `_` and `.` (not a sentence).
fn is_field_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.'))
}

/// A failure status without an error UnDosTres wrote.
fn from_status(raw: &RawResponse) -> ProviderError {
    match raw.status {
        400 | 422 => ProviderError::Invalid {
            fields: Vec::new(),
            message: "UnDosTres refused the request without an error body".into(),
        },
        // UnDosTres answers unknown ids with its error body (above): a bare 404 is a wrong
        // address.
        _ => raw.status_error(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::for_test(status, body)
    }

    #[test]
    fn every_documented_code_is_typed_in_every_envelope_and_casing() {
        for refusal in Refusal::ALL {
            let n = refusal.number();
            let bodies = [
                format!(r#"{{"rs":null,"err":{{"code":{n},"text":"x","hints":[]}}}}"#),
                format!(r#"{{"rs":null,"err":{{"Code":{n},"Text":"x","Hints":["h"],"Info":""}}}}"#),
                format!(
                    r#"{{"timestamp":"2025-01-01T00:00:00-06:00","endpoint":"/wallet/v1/x","error":{{"code":"{n}","text":"x","hints":["h"]}},"payload":{{}}}}"#
                ),
                format!(r#"{{"response":null,"err":{{"code":{n}}}}}"#),
            ];
            for status in [200, 400] {
                for body in &bodies {
                    let error = read_answer(&raw(status, body), Envelope::User).unwrap_err();
                    assert_eq!(
                        error.code(),
                        ErrorCode::of_provider(Provider::Undostres, refusal.as_str()),
                        "{status} {body}"
                    );
                    assert_eq!(error.verdict(), Verdict::Refused);
                }
            }
        }
    }

    #[test]
    fn hints_name_the_fields() {
        let body = r#"{"rs":null,"err":{"code":5000,"text":"Validation Error","hints":[
            "Validations for the request failed, please check the parameters and try again",
            "rfc:rfc.length","rfc:rfc.expected_moral","incorrect parent_id","mobile: phone_mx.length"]}}"#;
        let error = read_answer(&raw(400, body), Envelope::User).unwrap_err();
        let fields: Vec<_> = error
            .fields()
            .iter()
            .map(|f| {
                (
                    f.provider_field.as_str(),
                    f.form_field.as_deref(),
                    f.messages.len(),
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("rfc", Some("rfc"), 2),
                ("parent_id", None, 1),
                ("mobile", Some("mobile"), 1)
            ]
        );
    }

    #[test]
    fn unknown_codes_and_string_errors_keep_the_provider_text() {
        let error = read_answer(
            &raw(400, r#"{"rs":null,"err":"email already registered"}"#),
            Envelope::User,
        )
        .unwrap_err();
        assert_eq!(error.code(), ErrorCode::UndostresUnknownError);
        assert!(error.to_string().contains("email already registered"));
        let long = "x".repeat(5000);
        let error = read_answer(
            &raw(
                200,
                &format!(r#"{{"rs":null,"err":{{"code":9999,"text":"{long}"}}}}"#),
            ),
            Envelope::User,
        )
        .unwrap_err();
        assert!(matches!(
            error,
            UnDosTresError::Unknown {
                code: Some(9999),
                ..
            }
        ));
        assert!(error.to_string().len() < 300);
    }

    #[test]
    fn success_reads_the_envelopes_data() {
        let ok = |body: &str, envelope| read_answer(&raw(200, body), envelope).unwrap();
        assert_eq!(
            ok(r#"{"rs":{"id":85},"err":null}"#, Envelope::User)["id"],
            85
        );
        assert_eq!(ok(r#"{"ss":{"id":86},"err":""}"#, Envelope::User)["id"], 86);
        assert_eq!(
            ok(
                r#"{"text":"Success","timestamp":"t","endpoint":"/e","error":{},"payload":{"id":"p"}}"#,
                Envelope::Wallet
            )["id"],
            "p"
        );
        assert_eq!(
            ok(
                r#"{"response":{"oauth_token":"t"},"err":null}"#,
                Envelope::OAuth
            )["oauth_token"],
            "t"
        );
    }

    #[test]
    fn statuses_without_an_error_body_map_by_status() {
        let code = |status, body| match read_answer(&raw(status, body), Envelope::User) {
            Err(UnDosTresError::Provider(error)) => error.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(404, "<html>Not Found</html>"),
            FailureKind::UnknownAddress
        );
        assert_eq!(code(401, ""), FailureKind::Unauthorized);
        assert_eq!(
            code(401, r#"{"rs":null,"err":{"text":"Unauthorized"}}"#),
            FailureKind::Unauthorized
        );
        assert_eq!(code(502, "bad gateway"), FailureKind::ProviderError);
        assert_eq!(code(200, "<html>"), FailureKind::UnreadableResponse);
        assert_eq!(
            code(200, r#"{"rs":null,"err":null}"#),
            FailureKind::UnreadableResponse
        );
        assert_eq!(code(400, ""), FailureKind::Invalid);
    }
}
