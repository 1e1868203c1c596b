//! The one error type commands return. It crosses IPC as `{code, message}`: `code` is stable and
//! the UI translates it (es-MX, en); `message` is an English developer detail shown small for
//! support, never a secret and never the only thing a user reads.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[error("{code}: {message}")]
pub struct AppError {
    /// Stable, dotted, translatable (`app.data_dir`, `app.preferences_io`, …).
    pub code: String,
    pub message: String,
    /// The form field the error belongs to, when it belongs to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            field: None,
        }
    }
}

impl AppError {
    /// An error that belongs to one form field.
    pub fn on_field(code: &str, field: &str, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.to_owned()),
            ..Self::new(code, message)
        }
    }
}

impl From<mostrador_service::links::form::FormError> for AppError {
    fn from(error: mostrador_service::links::form::FormError) -> Self {
        use mostrador_service::links::form::FormError;
        match error {
            FormError::Field { field, code } => Self::on_field(&code, field, "invalid link form"),
            FormError::Store(error) => error.into(),
        }
    }
}

impl From<mostrador_service::links::writes::WriteError> for AppError {
    fn from(error: mostrador_service::links::writes::WriteError) -> Self {
        Self {
            field: error.field().map(str::to_owned),
            ..Self::new(&error.code(), error.to_string())
        }
    }
}

impl From<mostrador_service::links::share::ShareError> for AppError {
    fn from(error: mostrador_service::links::share::ShareError) -> Self {
        Self {
            field: error.field().map(str::to_owned),
            ..Self::new(error.code(), error.to_string())
        }
    }
}

impl From<mostrador_service::billpocket_access::AccessError> for AppError {
    fn from(error: mostrador_service::billpocket_access::AccessError) -> Self {
        Self::new(&error.code(), error.to_string())
    }
}

impl From<mostrador_service::customers::CustomerError> for AppError {
    fn from(error: mostrador_service::customers::CustomerError) -> Self {
        Self {
            field: error.field().map(str::to_owned),
            ..Self::new(&error.code(), error.to_string())
        }
    }
}

impl From<mostrador_service::merchants::MerchantError> for AppError {
    fn from(error: mostrador_service::merchants::MerchantError) -> Self {
        Self {
            field: error.field().map(str::to_owned),
            ..Self::new(&error.code(), error.to_string())
        }
    }
}

impl From<mostrador_service::catalogues::CatalogueError> for AppError {
    fn from(error: mostrador_service::catalogues::CatalogueError) -> Self {
        Self::new(&error.code(), error.to_string())
    }
}

impl From<mostrador_service::drafts::DraftError> for AppError {
    fn from(error: mostrador_service::drafts::DraftError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<mostrador_service::profiles::ProfileError> for AppError {
    fn from(error: mostrador_service::profiles::ProfileError) -> Self {
        use mostrador_service::profiles::ProfileError;
        let field = match &error {
            ProfileError::Invalid { field, .. } => Some((*field).to_owned()),
            // A duplicate name is the only uniqueness rule on profiles.
            ProfileError::Store(mostrador_store::StoreError::Conflict(_)) => {
                Some("name".to_owned())
            }
            _ => None,
        };
        Self {
            field,
            ..Self::new(error.code(), error.to_string())
        }
    }
}

impl From<mostrador_service::credentials::CredentialError> for AppError {
    fn from(error: mostrador_service::credentials::CredentialError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<mostrador_vault::VaultError> for AppError {
    fn from(error: mostrador_vault::VaultError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<mostrador_service::preferences::PreferencesError> for AppError {
    fn from(error: mostrador_service::preferences::PreferencesError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<mostrador_store::StoreError> for AppError {
    fn from(error: mostrador_store::StoreError) -> Self {
        Self::new(error.code(), error.to_string())
    }
}

impl From<mostrador_service::undostres::UndostresServiceError> for AppError {
    fn from(error: mostrador_service::undostres::UndostresServiceError) -> Self {
        Self::new(&error.code(), error.to_string())
    }
}

impl From<mostrador_sandbox::SandboxError> for AppError {
    fn from(error: mostrador_sandbox::SandboxError) -> Self {
        Self::new(
            mostrador_service::sandbox_host::sandbox_error_code(&error),
            error.to_string(),
        )
    }
}

pub type CommandResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message_only() {
        let json = serde_json::to_value(AppError::new("app.data_dir", "no home")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "app.data_dir", "message": "no home"})
        );
    }

    #[test]
    fn share_errors_keep_their_code_and_field() {
        use mostrador_service::links::share;
        let error = AppError::from(share::whatsapp_url("hola", Some("123")).unwrap_err());
        assert_eq!(error.code, "share.phone");
        assert_eq!(error.field.as_deref(), Some("phone"));
        let error = AppError::from(share::browser_url("http://x.mx").unwrap_err());
        assert_eq!(
            (error.code.as_str(), error.field.as_deref()),
            ("share.url", Some("url"))
        );
    }
}
