//! The one error type commands return. It crosses IPC as `{code, message, field?, params?}`:
//! `code` is one of the closed list (`mostrador_codes::ErrorCode`) and the UI translates it
//! (es-MX, en) with `params`; `message` is an English developer detail shown small for support,
//! never a secret and never the only thing a user reads.

use std::collections::BTreeMap;

use mostrador_codes::{Coded, ErrorCode};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[error("{code}: {message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// The form field the error belongs to, when it belongs to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The values the code's message interpolates (`ErrorCode::params` names them).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            params: BTreeMap::new(),
        }
    }

    /// An error that belongs to one form field.
    pub fn on_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.to_owned()),
            ..Self::new(code, message)
        }
    }
}

/// Every error with a code becomes the command error the same way.
impl<E: Coded + std::fmt::Display> From<E> for AppError {
    fn from(error: E) -> Self {
        Self {
            field: error.field().map(str::to_owned),
            params: error
                .params()
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
            ..Self::new(error.code(), error.to_string())
        }
    }
}

pub type CommandResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message_only() {
        let json = serde_json::to_value(AppError::new(ErrorCode::AppDataDir, "no home")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "app.data_dir", "message": "no home"})
        );
    }

    #[test]
    fn share_errors_keep_their_code_and_field() {
        use mostrador_service::links::share;
        let error = AppError::from(share::whatsapp_url("hola", Some("123")).unwrap_err());
        assert_eq!(error.code, ErrorCode::SharePhone);
        assert_eq!(error.field.as_deref(), Some("phone"));
        let error = AppError::from(share::browser_url("http://x.mx").unwrap_err());
        assert_eq!(
            (error.code.as_str(), error.field.as_deref()),
            ("share.url", Some("url"))
        );
    }

    #[test]
    fn a_profile_form_error_names_its_field() {
        use mostrador_service::profiles::ProfileError;
        let error = AppError::from(ProfileError::Store(mostrador_store::StoreError::Conflict(
            "profiles.name".into(),
        )));
        assert_eq!(
            (error.code, error.field.as_deref()),
            (ErrorCode::StoreConflict, Some("name"))
        );
    }

    #[test]
    fn an_unknown_cryptopocket_refusal_carries_the_provider_s_words() {
        use mostrador_providers::cryptopocket::CryptoPocketError;
        let error = AppError::from(CryptoPocketError::Unknown {
            text: "limit_exceded".into(),
        });
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "cryptopocket.unknown_error");
        assert_eq!(json["params"], serde_json::json!({"text": "limit_exceded"}));
    }
}
