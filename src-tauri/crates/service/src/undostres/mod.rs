//! UnDosTres in the service: which client a profile uses, accounts read into the cache (level,
//! status, composite balance), and the customers' secrets kept in the vault. Account creation
//! is a write of the write engine (`outbox`), not part of this module.

pub mod access;
pub mod accounts;
pub mod secrets;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::ProviderError;
use mostrador_providers::undostres::UnDosTresError;
use mostrador_store::StoreError;
use mostrador_vault::VaultError;

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
            Self::Vault(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::UnDosTres(error) => error.params(),
            _ => Vec::new(),
        }
    }
}
