//! UnDosTres in the service: which client a profile uses, accounts read into the cache (level,
//! status, composite balance), account creation as an operation of the write engine (`create`,
//! run with its form and secrets by `writes`), and the customers' secrets kept in the vault.

pub mod access;
pub mod accounts;
pub mod create;
pub mod form;
pub mod secrets;
pub mod writes;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::ProviderError;
use mostrador_providers::undostres::UnDosTresError;
use mostrador_store::StoreError;
use mostrador_vault::VaultError;

use self::create::CreateFailure;
use crate::outbox::{EngineError, OutboxError};

/// What an UnDosTres use case can end in.
#[derive(Debug, thiserror::Error)]
pub enum UndostresServiceError {
    #[error("the profile has no UnDosTres URL")]
    NoBaseUrl,
    #[error("no OS keyring: {0}")]
    NoKeyring(String),
    #[error("credential not set: {}", .0.as_str())]
    NotSet(ErrorCode),
    /// The account is not in this profile's cache (it was never created or read here).
    #[error("the account is not cached")]
    NotCached,
    #[error(transparent)]
    UnDosTres(#[from] UnDosTresError),
    /// An account creation refused for no one field, or left unsettled by its lookup.
    #[error(transparent)]
    Refused(CreateFailure),
    /// The account exists; the keyring refused its secrets, which wait in memory.
    #[error("the keyring refused the account's secrets: {0}")]
    SecretsWaiting(VaultError),
    /// The account exists; its secrets never reached the vault and cannot be recovered.
    #[error("the account's secrets were lost")]
    SecretsLost,
    #[error("no account creation {0} in this profile")]
    NoSuchWrite(i64),
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

impl From<ProviderError> for UndostresServiceError {
    fn from(error: ProviderError) -> Self {
        Self::UnDosTres(error.into())
    }
}

impl Coded for UndostresServiceError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoBaseUrl => ErrorCode::UndostresInvalidConfiguration,
            Self::NoKeyring(_) => ErrorCode::VaultUnavailable,
            Self::NotSet(code) => *code,
            Self::NotCached => ErrorCode::StoreNotFound,
            Self::UnDosTres(error) => error.code(),
            Self::Refused(failure) => failure.error_code(),
            Self::SecretsWaiting(_) => ErrorCode::UndostresSecretsWaiting,
            Self::SecretsLost => ErrorCode::UndostresSecretsLost,
            Self::NoSuchWrite(_) => ErrorCode::OutboxNotFound,
            Self::Outbox(error) => error.code(),
            Self::Vault(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::UnDosTres(error) | Self::Refused(CreateFailure::UnDosTres(error)) => {
                error.params()
            }
            _ => Vec::new(),
        }
    }
}

impl From<EngineError<CreateFailure>> for UndostresServiceError {
    fn from(error: EngineError<CreateFailure>) -> Self {
        match error {
            EngineError::Refused(failure) => Self::Refused(failure),
            EngineError::Outbox(error) => Self::Outbox(error),
        }
    }
}
