//! UnDosTres in the service: which client a profile uses, accounts read into the cache (level,
//! status, composite balance), and the customers' secrets kept in the vault. Account creation
//! is a write of the write engine (`outbox`), not part of this module.

pub mod access;
pub mod accounts;
pub mod secrets;

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
    #[error("credential not set: {0}")]
    NotSet(&'static str),
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

impl UndostresServiceError {
    /// The stable code the UI translates.
    pub fn code(&self) -> String {
        match self {
            Self::NoBaseUrl => "undostres.invalid_configuration".into(),
            Self::NoKeyring(_) => "vault.unavailable".into(),
            Self::NotSet(slot) => format!("credential.missing.{slot}"),
            Self::NotCached => "store.not_found".into(),
            Self::UnDosTres(error) => format!("undostres.{}", error.code()),
            Self::Vault(error) => error.code().into(),
            Self::Store(error) => error.code().into(),
            Self::Task(_) => "app.task".into(),
        }
    }
}
