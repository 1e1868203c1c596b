//! The OS keyring through `keyring` 3 with its real backend chosen explicitly per target, so
//! the crate's silent in-memory fallback can never be used.

use keyring::Entry;
use keyring::credential::CredentialBuilder;

use crate::error::{Result, VaultError};
use crate::secret::Secret;
use crate::secret_store::SecretStore;

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "macos",
    target_os = "windows"
)))]
compile_error!(
    "mostrador-vault has no OS keyring backend for this target and refuses to fall back to memory"
);

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
fn platform_builder() -> Box<CredentialBuilder> {
    keyring::secret_service::default_credential_builder()
}

#[cfg(target_os = "macos")]
fn platform_builder() -> Box<CredentialBuilder> {
    keyring::macos::default_credential_builder()
}

#[cfg(target_os = "windows")]
fn platform_builder() -> Box<CredentialBuilder> {
    keyring::windows::default_credential_builder()
}

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
const HINT: &str = "Mostrador keeps credentials only in the Secret Service. Install and start GNOME Keyring \
                    or KWallet, unlock it, and reopen Mostrador (headless: run `gnome-keyring-daemon \
                    --unlock --components=secrets` inside a D-Bus session).";
#[cfg(target_os = "macos")]
const HINT: &str = "Mostrador keeps credentials only in the Keychain. Unlock the login keychain and allow \
                    Mostrador to use it, then try again.";
#[cfg(target_os = "windows")]
const HINT: &str = "Mostrador keeps credentials only in Windows Credential Manager. Make sure the Credential \
                    Manager service is running and try again.";

/// Account read by the availability probe; never written.
const PROBE_ACCOUNT: &str = "probe";

pub struct KeyringStore {
    service: String,
    builder: Box<CredentialBuilder>,
}

impl KeyringStore {
    /// Connects to the OS keyring under `service` and checks it answers (a read of an entry
    /// that is never written). Fails with `vault.unavailable` and a how-to-fix hint.
    pub fn probe(service: &str) -> Result<Self> {
        let store = Self {
            service: service.to_owned(),
            builder: platform_builder(),
        };
        store.get(PROBE_ACCOUNT)?;
        Ok(store)
    }

    fn entry(&self, account: &str) -> Result<Entry> {
        let credential = self
            .builder
            .build(None, &self.service, account)
            .map_err(map_error)?;
        Ok(Entry::new_with_credential(credential))
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(map_error)
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        match self.entry(account)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(map_error(err)),
        }
    }

    fn delete(&self, account: &str) -> Result<()> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(map_error(err)),
        }
    }
}

/// Keeps the platform's message for diagnosis but never the payload of `BadEncoding` or
/// `Ambiguous`, which can contain secret bytes.
fn map_error(err: keyring::Error) -> VaultError {
    match err {
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => {
            VaultError::Unavailable {
                detail: e.to_string(),
                hint: HINT,
            }
        }
        keyring::Error::NoEntry => VaultError::Backend("entry vanished"),
        keyring::Error::BadEncoding(_) => VaultError::Backend("stored value is not UTF-8"),
        keyring::Error::TooLong(..) => VaultError::InvalidName("name too long for the keyring"),
        keyring::Error::Invalid(..) => VaultError::InvalidName("rejected by the keyring"),
        keyring::Error::Ambiguous(_) => VaultError::Backend("several keyring entries match"),
        _ => VaultError::Backend("unexpected keyring error"),
    }
}
