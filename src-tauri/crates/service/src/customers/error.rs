//! What a customer use case can end in, each with a stable code for the UI.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::ProviderError;
use mostrador_providers::cryptopocket::CryptoPocketError;
use mostrador_store::StoreError;

use crate::billpocket_access::AccessError;
use crate::merchants::form::FieldIssue;
use crate::outbox::OutboxError;

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
    /// The form (or CryptoPocket) refused these fields; nothing was created.
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<FieldIssue>),
    #[error(transparent)]
    Outbox(#[from] OutboxError),
}

impl From<tokio::task::JoinError> for CustomerError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Task(error.to_string())
    }
}

impl Coded for CustomerError {
    /// `cryptopocket.<code>`, or the rule a refused field broke (`document.size`).
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoBaseUrl => ErrorCode::CryptopocketNoBaseUrl,
            Self::Access(error) => error.code(),
            Self::CryptoPocket(error) => match self.field_problem() {
                Some((_, code)) => code,
                None => error.code(),
            },
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
            Self::Invalid(issues) => issues.first().map_or(ErrorCode::FieldInvalid, |i| i.code),
            Self::Outbox(error) => error.code(),
        }
    }

    /// The form field to mark, when CryptoPocket (or our check before sending) refused one.
    fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid(issues) => issues.first().map(|issue| issue.field.as_str()),
            _ => self.field_problem().map(|(field, _)| field),
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::CryptoPocket(error) if self.field_problem().is_none() => error.params(),
            _ => Vec::new(),
        }
    }
}

impl CustomerError {
    /// The first refused field and its rule's code, when that code is one of ours (the list
    /// has it) rather than CryptoPocket's prose.
    fn field_problem(&self) -> Option<(&str, ErrorCode)> {
        let Self::CryptoPocket(CryptoPocketError::Provider(ProviderError::Invalid {
            fields, ..
        })) = self
        else {
            return None;
        };
        let first = fields.first()?;
        Some((first.form_field.as_deref()?, first.code()?))
    }
}
