//! Mostrador's secrets: API keys, user tokens and customer credentials, per profile, in the
//! OS keyring only (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
//! There is no plaintext or in-memory fallback: without a keyring the app gets
//! `vault.unavailable` and a hint.
//!
//! Open with [`Vault::open_os_keyring`]. The UI sees [`SecretStatus`] only; [`Vault::get`] is
//! for provider clients, and [`Secret`] cannot be printed or serialized.

mod credential;
mod error;
mod keyring_store;
#[cfg(feature = "test-util")]
pub mod leak_check;
#[cfg(any(test, feature = "test-util"))]
mod memory;
mod secret;
mod secret_store;
mod vault;

pub use credential::{CredentialKind, account_name};
pub use error::{Result, VaultError};
pub use keyring_store::KeyringStore;
#[cfg(any(test, feature = "test-util"))]
pub use memory::MemoryStore;
pub use secret::Secret;
pub use secret_store::SecretStore;
pub use vault::{SERVICE, SecretStatus, Vault};
