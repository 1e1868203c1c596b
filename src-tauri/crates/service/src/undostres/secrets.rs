//! The customers' UnDosTres secrets in the vault, under the customer's id: the three that
//! account creation returns, and the OAuth token a refresh replaces. The only place that takes
//! [`CustomerSecrets`] apart, and where they wait when the keyring refuses them.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use mostrador_codes::ErrorCode;
use mostrador_providers::Credential;
use mostrador_providers::undostres::{CustomerSecret, CustomerSecrets, UnDosTresClient};
use mostrador_store::Store;
use mostrador_vault::{CredentialKind, Secret, Vault, VaultError};

use super::UndostresServiceError;
use crate::blocking::blocking;

/// The vault slot of one of a customer's secrets.
pub fn slot(secret: CustomerSecret, customer_id: &str) -> CredentialKind {
    let customer_id = customer_id.to_owned();
    match secret {
        CustomerSecret::OauthToken => CredentialKind::UndostresOauthToken { customer_id },
        CustomerSecret::RefreshToken => CredentialKind::UndostresRefreshToken { customer_id },
        CustomerSecret::PrivateKey => CredentialKind::UndostresPrivateKey { customer_id },
    }
}

/// A new account's secrets not yet in the vault, in memory only: the three of the create
/// answer, or those a failed keyring write left. No `Clone`, no `Serialize`, a redacted
/// `Debug`; the vault is the only way out.
pub struct UnstoredSecrets(Vec<(CustomerSecret, Credential)>);

impl From<CustomerSecrets> for UnstoredSecrets {
    fn from(secrets: CustomerSecrets) -> Self {
        Self(secrets.into_entries().into())
    }
}

impl fmt::Debug for UnstoredSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UnstoredSecrets({} [redacted])", self.0.len())
    }
}

/// A keyring write that failed: why, and the secrets it did not store.
#[derive(Debug)]
pub struct NotStored {
    pub error: VaultError,
    pub left: UnstoredSecrets,
}

/// Stores a new account's secrets, each once. Blocking (keyring). On a failure the ones already
/// stored stay and the rest come back, so storing again writes each secret once.
pub fn store_customer_secrets(
    vault: &Vault,
    profile_id: &str,
    customer_id: &str,
    secrets: impl Into<UnstoredSecrets>,
) -> Result<(), NotStored> {
    let mut entries = secrets.into().0.into_iter();
    while let Some((secret, value)) = entries.next() {
        let stored = vault.put(
            profile_id,
            &slot(secret, customer_id),
            &Secret::new(value.expose()),
        );
        if let Err(error) = stored {
            let left = std::iter::once((secret, value)).chain(entries).collect();
            return Err(NotStored {
                error,
                left: UnstoredSecrets(left),
            });
        }
    }
    tracing::debug!(profile_id, customer_id, "undostres customer secrets stored");
    Ok(())
}

/// Secrets the keyring refused, per profile and customer, until the user stores them again.
/// Memory only: a restart loses them, and the account's `secrets` then reads `lost`.
#[derive(Default)]
pub struct WaitingSecrets(Mutex<HashMap<(String, String), UnstoredSecrets>>);

impl WaitingSecrets {
    fn map(&self) -> MutexGuard<'_, HashMap<(String, String), UnstoredSecrets>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn hold(&self, profile_id: &str, customer_id: &str, secrets: UnstoredSecrets) {
        self.map()
            .insert((profile_id.to_owned(), customer_id.to_owned()), secrets);
    }

    pub fn take(&self, profile_id: &str, customer_id: &str) -> Option<UnstoredSecrets> {
        self.map()
            .remove(&(profile_id.to_owned(), customer_id.to_owned()))
    }
}

/// A new OAuth token for the customer on this installation (its refresh token from the vault,
/// the installation's `device_id` from the store), kept in the vault in place of the old one.
pub async fn refresh_customer_token(
    store: &Arc<Store>,
    vault: &Arc<Vault>,
    client: &UnDosTresClient,
    profile_id: &str,
    customer_id: &str,
    extra_login_data: &str,
) -> Result<(), UndostresServiceError> {
    let device_id =
        blocking::<_, _, UndostresServiceError>(store, |store| store.device_id()).await?;
    let refresh_slot = slot(CustomerSecret::RefreshToken, customer_id);
    let refresh_token = keyring(vault, {
        let profile_id = profile_id.to_owned();
        move |vault| vault.get(&profile_id, &refresh_slot)
    })
    .await
    .map_err(|error| match error {
        UndostresServiceError::Vault(VaultError::NotSet(_)) => {
            UndostresServiceError::NotSet(ErrorCode::CredentialMissingUndostresRefreshToken)
        }
        other => other,
    })?;
    let refreshed = client
        .refresh_customer_token(
            &Credential::new(refresh_token.expose()),
            &device_id,
            extra_login_data,
        )
        .await?;
    let oauth_slot = slot(CustomerSecret::OauthToken, customer_id);
    let token = Secret::new(refreshed.oauth_token.expose());
    let profile_id = profile_id.to_owned();
    keyring(vault, move |vault| {
        vault.put(&profile_id, &oauth_slot, &token)
    })
    .await
}

/// Keyring work on the blocking pool.
async fn keyring<T: Send + 'static>(
    vault: &Arc<Vault>,
    work: impl FnOnce(&Vault) -> Result<T, VaultError> + Send + 'static,
) -> Result<T, UndostresServiceError> {
    let vault = Arc::clone(vault);
    Ok(tokio::task::spawn_blocking(move || work(&vault)).await??)
}
