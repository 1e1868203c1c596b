//! Where a profile's CryptoPocket calls go and with which integration key and secret. The
//! Sandbox profile talks to the embedded double with its published test key and secret (a
//! fresh install works without a keyring); real profiles read the URL from the profile and both
//! secrets from the vault. The client keeps its token in memory only, and the app keeps one
//! client per profile ([`ClientCache`]) so commands share its token instead of authenticating
//! each time.

use std::sync::{Arc, Mutex, PoisonError};

use mostrador_codes::ErrorCode;
use mostrador_providers::cryptopocket::{
    CryptoPocketClient, CryptoPocketCredentials, CryptoPocketError,
};
use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY, SANDBOX_API_SECRET};
use mostrador_store::{Environment, Store};
use mostrador_vault::{CredentialKind, Vault};

use super::CustomerError;
use crate::billpocket_access::{AccessError, optional};
use crate::sandbox_host::EmbeddedSandbox;

/// A client for `profile_id`'s CryptoPocket integration. Blocking: reads the store and, for
/// real profiles, the keyring (D-Bus). `vault` is `Err` when the OS has no keyring.
pub fn cryptopocket_client(
    store: &Store,
    vault: Result<&Vault, &str>,
    sandbox: &EmbeddedSandbox,
    profile_id: &str,
    config: HttpConfig,
) -> Result<CryptoPocketClient, CustomerError> {
    let profile = store.profile(profile_id)?;
    let (base_url, credentials) = if profile.environment == Environment::Sandbox {
        let credentials = CryptoPocketCredentials {
            api_key: Credential::new(SANDBOX_API_KEY),
            api_secret: Credential::new(SANDBOX_API_SECRET),
        };
        (sandbox.cryptopocket_url(), credentials)
    } else {
        let base_url = profile
            .cryptopocket_base_url
            .ok_or(CustomerError::NoBaseUrl)?;
        let vault = vault.map_err(|why| AccessError::NoKeyring(why.to_owned()))?;
        let read = |kind: CredentialKind, slot: ErrorCode| {
            optional(vault.get(profile_id, &kind))
                .map_err(AccessError::from)?
                .ok_or(AccessError::NotSet(slot))
        };
        let credentials = CryptoPocketCredentials {
            api_key: read(
                CredentialKind::CryptopocketApiKey,
                ErrorCode::CredentialMissingCryptopocketApiKey,
            )?,
            api_secret: read(
                CredentialKind::CryptopocketApiSecret,
                ErrorCode::CredentialMissingCryptopocketApiSecret,
            )?,
        };
        (base_url, credentials)
    };
    CryptoPocketClient::new(&base_url, config, credentials)
        .map_err(|error| CryptoPocketError::from(error).into())
}

/// The active profile's authenticated client, kept between commands with its in-memory token.
/// Forgotten when the active profile changes or a profile's credentials or addresses change,
/// so no call ever uses a stale key, secret or URL.
#[derive(Default)]
pub struct ClientCache(Mutex<Option<(String, Arc<CryptoPocketClient>)>>);

impl ClientCache {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<(String, Arc<CryptoPocketClient>)>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The kept client of `profile_id`, if any.
    pub fn get(&self, profile_id: &str) -> Option<Arc<CryptoPocketClient>> {
        self.slot()
            .as_ref()
            .filter(|(kept, _)| kept == profile_id)
            .map(|(_, client)| Arc::clone(client))
    }

    /// Keeps `client` as `profile_id`'s, in place of any other.
    pub fn keep(&self, profile_id: &str, client: CryptoPocketClient) -> Arc<CryptoPocketClient> {
        let client = Arc::new(client);
        *self.slot() = Some((profile_id.to_owned(), Arc::clone(&client)));
        client
    }

    /// Drops the kept client (and its token).
    pub fn forget(&self) {
        *self.slot() = None;
    }
}
