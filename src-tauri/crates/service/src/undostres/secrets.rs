//! The customers' UnDosTres secrets in the vault, under the customer's id: the three that
//! account creation returns, and the OAuth token a refresh replaces. The only place that takes
//! [`CustomerSecrets`] apart.

use std::sync::Arc;

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

/// Stores a new account's secrets. Blocking (keyring). A failure leaves the ones already put:
/// storing again replaces them.
pub fn store_customer_secrets(
    vault: &Vault,
    profile_id: &str,
    customer_id: &str,
    secrets: CustomerSecrets,
) -> Result<(), VaultError> {
    for (secret, value) in secrets.into_entries() {
        vault.put(
            profile_id,
            &slot(secret, customer_id),
            &Secret::new(value.expose()),
        )?;
    }
    tracing::debug!(profile_id, customer_id, "undostres customer secrets stored");
    Ok(())
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
