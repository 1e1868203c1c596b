//! Where a profile's UnDosTres calls go and with which e-commerce token: real profiles read the
//! base URL from the profile and the token from the vault; the Sandbox profile talks to the
//! embedded double with its published test token, so it works with no keyring.

use mostrador_codes::ErrorCode;
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::undostres::seed::SANDBOX_ECOMMERCE_TOKEN;
use mostrador_store::{Environment, Store};
use mostrador_vault::{CredentialKind, Vault};

use super::UndostresServiceError;
use crate::sandbox_host::EmbeddedSandbox;

/// The client for `profile_id`. Blocking: reads the store and possibly the keyring (D-Bus).
/// `vault` is `Err` when the OS has no keyring, which only real profiles need.
pub fn client(
    store: &Store,
    vault: Result<&Vault, &str>,
    sandbox: &EmbeddedSandbox,
    profile_id: &str,
    config: HttpConfig,
) -> Result<UnDosTresClient, UndostresServiceError> {
    let profile = store.profile(profile_id)?;
    if profile.environment == Environment::Sandbox {
        let token = Credential::new(SANDBOX_ECOMMERCE_TOKEN);
        return Ok(UnDosTresClient::new(
            &sandbox.undostres_url(),
            config,
            token,
        )?);
    }
    let base_url = profile
        .undostres_base_url
        .ok_or(UndostresServiceError::NoBaseUrl)?;
    let vault = vault.map_err(|why| UndostresServiceError::NoKeyring(why.to_owned()))?;
    let token = match vault.get(profile_id, &CredentialKind::UndostresEcommerceToken) {
        Ok(secret) => Credential::new(secret.expose()),
        Err(mostrador_vault::VaultError::NotSet(_)) => {
            return Err(UndostresServiceError::NotSet(
                ErrorCode::CredentialMissingUndostresEcommerceToken,
            ));
        }
        Err(error) => return Err(error.into()),
    };
    Ok(UnDosTresClient::new(&base_url, config, token)?)
}
