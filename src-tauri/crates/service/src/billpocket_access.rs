//! Where a profile's Billpocket calls go and with which credentials. Real profiles read their
//! base URL from the profile and every secret from the vault. The Sandbox profile talks to the
//! embedded double with the double's own published test keys, and a merchant's user token comes
//! from the vault when one was stored (onboarding, connect) or else from the double, which
//! issued it: a fresh install works offline without any keyring.

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
use mostrador_providers::{Credential, HttpConfig, ProviderError};
use mostrador_sandbox::billpocket::seed::{SANDBOX_API_KEY, SANDBOX_X_API_KEY};
use mostrador_store::{Environment, Store, StoreError};
use mostrador_vault::{CredentialKind, Vault, VaultError};

use crate::sandbox_host::EmbeddedSandbox;

/// A ready client and the credentials for one merchant of one profile.
pub struct BillpocketAccess {
    pub client: BillpocketClient,
    pub credentials: BillpocketCredentials,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("the profile has no Billpocket URL")]
    NoBaseUrl,
    #[error("no OS keyring: {0}")]
    NoKeyring(String),
    #[error("credential not set: {}", .0.as_str())]
    NotSet(ErrorCode),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Provider(#[from] ProviderError),
}

impl Coded for AccessError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoBaseUrl => ErrorCode::BillpocketNoBaseUrl,
            Self::NoKeyring(_) => ErrorCode::VaultUnavailable,
            Self::NotSet(code) => *code,
            Self::Vault(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Provider(error) => error.code(Provider::Billpocket),
        }
    }
}

/// Resolves the client and credentials for `merchant_id` (its user token) in `profile_id`.
/// Blocking: reads the store and possibly the keyring (D-Bus). `vault` is `Err` when the OS has
/// no keyring, which only real profiles need.
pub fn merchant_access(
    store: &Store,
    vault: Result<&Vault, &str>,
    sandbox: &EmbeddedSandbox,
    profile_id: &str,
    merchant_id: &str,
    config: HttpConfig,
) -> Result<BillpocketAccess, AccessError> {
    access(store, vault, sandbox, profile_id, Some(merchant_id), config)
}

/// The integrator's access (`BP-Api-Key`): registering merchants, tokens, catalogues.
pub fn integrator_access(
    store: &Store,
    vault: Result<&Vault, &str>,
    sandbox: &EmbeddedSandbox,
    profile_id: &str,
    config: HttpConfig,
) -> Result<BillpocketAccess, AccessError> {
    access(store, vault, sandbox, profile_id, None, config)
}

fn access(
    store: &Store,
    vault: Result<&Vault, &str>,
    sandbox: &EmbeddedSandbox,
    profile_id: &str,
    merchant_id: Option<&str>,
    config: HttpConfig,
) -> Result<BillpocketAccess, AccessError> {
    let profile = store.profile(profile_id)?;
    let token_kind = merchant_id.map(|id| CredentialKind::BillpocketUserToken {
        merchant_id: id.to_owned(),
    });
    if profile.environment == Environment::Sandbox {
        let stored = match (vault, &token_kind) {
            (Ok(vault), Some(kind)) => optional(vault.get(profile_id, kind))?,
            _ => None,
        };
        let user_token =
            stored.or_else(|| merchant_id.and_then(|id| sandbox.billpocket_user_token(id)));
        return Ok(BillpocketAccess {
            client: BillpocketClient::new(&sandbox.billpocket_url(), config)?,
            credentials: BillpocketCredentials {
                api_key: Some(Credential::new(SANDBOX_API_KEY)),
                user_token,
                x_api_key: Some(Credential::new(SANDBOX_X_API_KEY)),
            },
        });
    }
    let base_url = profile.billpocket_base_url.ok_or(AccessError::NoBaseUrl)?;
    let vault = vault.map_err(|why| AccessError::NoKeyring(why.to_owned()))?;
    let read = |kind: &CredentialKind| optional(vault.get(profile_id, kind));
    let user_token = match &token_kind {
        Some(kind) => Some(read(kind)?.ok_or(AccessError::NotSet(
            ErrorCode::CredentialMissingBillpocketUserToken,
        ))?),
        None => None,
    };
    let api_key = read(&CredentialKind::BillpocketApiKey)?;
    if merchant_id.is_none() && api_key.is_none() {
        return Err(AccessError::NotSet(
            ErrorCode::CredentialMissingBillpocketApiKey,
        ));
    }
    Ok(BillpocketAccess {
        client: BillpocketClient::new(&base_url, config)?,
        credentials: BillpocketCredentials {
            api_key,
            user_token,
            x_api_key: read(&CredentialKind::BillpocketXApiKey)?,
        },
    })
}

/// A vault read where "not set" is an answer, not an error.
pub(crate) fn optional(
    read: Result<mostrador_vault::Secret, VaultError>,
) -> Result<Option<Credential>, VaultError> {
    match read {
        Ok(secret) => Ok(Some(Credential::new(secret.expose()))),
        Err(VaultError::NotSet(_)) => Ok(None),
        Err(error) => Err(error),
    }
}
