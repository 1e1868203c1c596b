//! What a customer use case can end in, each with a stable code for the UI.

use mostrador_providers::ProviderError;
use mostrador_providers::cryptopocket::CryptoPocketError;
use mostrador_store::StoreError;

use crate::billpocket_access::AccessError;
use crate::sync::SyncFailure;

#[derive(Debug, thiserror::Error)]
pub enum CustomerError {
    #[error("the profile has no CryptoPocket URL")]
    NoBaseUrl,
    /// The keyring or a credential in it (`vault.unavailable`, `credential.missing.*`).
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    CryptoPocket(#[from] CryptoPocketError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("background task failed: {0}")]
    Task(String),
}

impl From<tokio::task::JoinError> for CustomerError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Task(error.to_string())
    }
}

impl CustomerError {
    /// `cryptopocket.<code>`, or the rule a refused field broke (`document.size`).
    pub fn code(&self) -> String {
        match self {
            Self::NoBaseUrl => "cryptopocket.no_base_url".into(),
            Self::Access(error) => error.code(),
            Self::CryptoPocket(error) => match self.field_problem() {
                Some((_, code)) => code.to_owned(),
                None => format!("cryptopocket.{}", error.code()),
            },
            Self::Store(error) => error.code().into(),
            Self::Task(_) => "app.task".into(),
        }
    }

    /// The form field to mark, when CryptoPocket (or our check before sending) refused one.
    pub fn field(&self) -> Option<&str> {
        self.field_problem().map(|(field, _)| field)
    }

    /// The first refused field and its rule's code, when that code is one of ours (dotted, like
    /// `document.type`) rather than CryptoPocket's prose.
    fn field_problem(&self) -> Option<(&str, &str)> {
        let Self::CryptoPocket(CryptoPocketError::Provider(ProviderError::Invalid {
            fields, ..
        })) = self
        else {
            return None;
        };
        let first = fields.first()?;
        let code = first
            .messages
            .first()
            .filter(|m| m.contains('.') && !m.contains(' '))?;
        Some((first.form_field.as_deref()?, code.as_str()))
    }
}

impl SyncFailure for CustomerError {
    fn sync_code(&self) -> String {
        self.code()
    }
}
