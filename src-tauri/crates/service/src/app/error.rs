//! Every error an [`App`](super::App) use case can end in: the crates' and modules' own errors,
//! kept whole so each still gives its code and field.

use std::path::PathBuf;
use std::sync::Arc;

use mostrador_sandbox::SandboxError;
use mostrador_store::StoreError;
use mostrador_vault::VaultError;

use crate::billpocket_access::AccessError;
use crate::catalogues::CatalogueError;
use crate::credentials::CredentialError;
use crate::customers::CustomerError;
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
}
