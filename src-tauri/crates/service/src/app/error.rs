//! Every error an [`App`](super::App) use case can end in: the crates' and modules' own errors,
//! kept whole so each still gives its code and field.

use std::path::PathBuf;
use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_sandbox::SandboxError;
use mostrador_store::StoreError;
use mostrador_vault::VaultError;

use crate::billpocket_access::AccessError;
use crate::catalogues::CatalogueError;
use crate::credentials::CredentialError;
use crate::customers::CustomerError;
use crate::customers::record::RecordError;
use crate::customers::tracking::TrackError;
use crate::drafts::DraftError;
use crate::links::form::FormError;
use crate::links::share::ShareError;
use crate::links::writes::WriteError;
use crate::merchants::MerchantError;
use crate::preferences::PreferencesError;
use crate::profiles::ProfileError;
use crate::undostres::UndostresServiceError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The data directory cannot be created (code `app.data_dir`).
    #[error("cannot create {}: {source}", path.display())]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A blocking task panicked or was cancelled (code `app.task`).
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// An outbox sequence number that cannot exist (code `outbox.not_found`).
    #[error("no outbox entry {0}")]
    NoSuchWrite(f64),
    /// The UnDosTres double has no such account (code `sandbox.no_account`, field `customerId`).
    #[error("the UnDosTres double has no account {0}")]
    NoSandboxAccount(u32),
    /// The OS has no keyring; the app runs without one (code `vault.unavailable`).
    #[error(transparent)]
    NoKeyring(Arc<VaultError>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Sandbox(#[from] SandboxError),
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    Form(#[from] FormError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Share(#[from] ShareError),
    #[error(transparent)]
    Merchant(#[from] MerchantError),
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Credential(#[from] CredentialError),
    #[error(transparent)]
    Preferences(#[from] PreferencesError),
    #[error(transparent)]
    Undostres(#[from] UndostresServiceError),
    #[error(transparent)]
    Customer(#[from] CustomerError),
    #[error(transparent)]
    Tracking(#[from] TrackError),
    #[error(transparent)]
    CustomerRecord(#[from] RecordError),
}

impl Coded for ServiceError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::DataDir { .. } => ErrorCode::AppDataDir,
            Self::Task(_) => ErrorCode::AppTask,
            Self::NoSuchWrite(_) => ErrorCode::OutboxNotFound,
            Self::NoSandboxAccount(_) => ErrorCode::SandboxNoAccount,
            Self::NoKeyring(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Vault(error) => error.code(),
            Self::Sandbox(error) => error.code(),
            Self::Access(error) => error.code(),
            Self::Form(error) => error.code(),
            Self::Write(error) => error.code(),
            Self::Share(error) => error.code(),
            Self::Merchant(error) => error.code(),
            Self::Catalogue(error) => error.code(),
            Self::Draft(error) => error.code(),
            Self::Profile(error) => error.code(),
            Self::Credential(error) => error.code(),
            Self::Preferences(error) => error.code(),
            Self::Undostres(error) => error.code(),
            Self::Customer(error) => error.code(),
            Self::Tracking(error) => error.code(),
            Self::CustomerRecord(error) => error.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::NoSandboxAccount(_) => Some("customerId"),
            Self::Form(error) => error.field(),
            Self::Write(error) => error.field(),
            Self::Share(error) => error.field(),
            Self::Merchant(error) => error.field(),
            Self::Profile(error) => error.field(),
            Self::Customer(error) => error.field(),
            Self::Tracking(error) => error.field(),
            Self::Preferences(error) => error.field(),
            Self::CustomerRecord(error) => error.field(),
            _ => None,
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Undostres(error) => error.params(),
            Self::Customer(error) => error.params(),
            Self::Tracking(error) => error.params(),
            Self::CustomerRecord(error) => error.params(),
            _ => Vec::new(),
        }
    }
}
