//! Merchants: registering a new one with Billpocket (`register`, through the write engine),
//! connecting an existing one (`connect`: e-mail and password, or a pasted user token, validated
//! before it is stored), and its CLABE (`clabe`, through the write engine). A merchant's user
//! token goes to the vault; its registration data (never the password) to the cache, so the
//! Merchants list works offline.

pub mod clabe;
pub mod connect;
pub mod form;
pub mod register;

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_providers::billpocket::fields::form_field;
use mostrador_providers::billpocket::rules::{CatalogueRef, Catalogues};
use mostrador_providers::{Credential, ProviderError};
use mostrador_store::{Environment, Merchant, OutboxState, Store, StoreError};
use mostrador_vault::{CredentialKind, Secret, Vault, VaultError};
use serde::Serialize;
use specta::Type;
use tokio::task::JoinError;

pub use self::clabe::set_clabe;
pub use self::connect::{ConnectOutcome, ConnectRequest, connect};
use self::form::FieldIssue;
pub use self::register::{RegisterOutcome, register};
use crate::billpocket_access::BillpocketAccess;
use crate::catalogues::CatalogueName;
use crate::outbox::{EngineError, OutboxError};

const PROVIDER: &str = "billpocket";

#[derive(Debug, thiserror::Error)]
pub enum MerchantError {
    /// The form (or Billpocket) refused these fields.
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<FieldIssue>),
    /// Billpocket refused for a reason that is not one field's (credentials, its own error).
    #[error("refused by Billpocket: {0}")]
    Provider(#[from] ProviderError),
    #[error("no OS keyring to keep the merchant's token: {0}")]
    NoKeyring(String),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("background task failed: {0}")]
    Task(#[from] JoinError),
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    /// Sent, but not done: answered without the change (`differences`), or its answer lost.
    #[error("write {state}: {code}")]
    Unsettled {
        state: OutboxState,
        code: ErrorCode,
        differences: Vec<String>,
    },
}

impl From<EngineError<ProviderError>> for MerchantError {
    fn from(error: EngineError<ProviderError>) -> Self {
        match error {
            EngineError::Refused(error) => refusal(error),
            EngineError::Outbox(error) => Self::Outbox(error),
        }
    }
}

impl Coded for MerchantError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid(issues) => issues
                .first()
                .map_or(ErrorCode::MerchantInvalid, |i| i.code),
            Self::Provider(error) => error.code(Provider::Billpocket),
            Self::NoKeyring(_) => ErrorCode::VaultUnavailable,
            Self::Vault(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
            Self::Outbox(error) => error.code(),
            Self::Unsettled { code, .. } => *code,
        }
    }

    /// The form field to mark: the first refused one, or the first one Billpocket answered
    /// with another value than the one sent.
    fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid(issues) => issues.first().map(|issue| issue.field.as_str()),
            Self::Unsettled { differences, .. } => differences.first().map(String::as_str),
            _ => None,
        }
    }
}

impl MerchantError {
    /// Every refused field with its code, for the form.
    pub fn issues(&self) -> &[FieldIssue] {
        match self {
            Self::Invalid(issues) => issues,
            _ => &[],
        }
    }
}

/// The profile a merchant call is made for, and whether the OS keyring is at hand.
pub struct Context<'a> {
    pub store: &'a Arc<Store>,
    pub vault: Option<Arc<Vault>>,
    pub access: &'a BillpocketAccess,
    pub profile_id: &'a str,
    pub environment: Environment,
}

impl Context<'_> {
    /// A real profile must be able to keep the token it is about to receive; the Sandbox can
    /// always ask its double again.
    fn require_keyring(&self) -> Result<(), MerchantError> {
        if self.vault.is_none() && self.environment != Environment::Sandbox {
            return Err(MerchantError::NoKeyring(
                "required for real profiles".into(),
            ));
        }
        Ok(())
    }
}

/// A merchant with how many of its links the cache holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MerchantSummary {
    pub merchant: Merchant,
    /// `None` until the merchant's links were synced once: before that the cache holds only the
    /// links written here, and a count of them would be a false number.
    pub links: Option<u32>,
}

/// The profile's merchants for the Comercios list, with their link counts. Blocking (SQLite).
pub fn overview(store: &Store, profile_id: &str) -> Result<Vec<MerchantSummary>, StoreError> {
    let counts = store.merchant_link_counts(profile_id)?;
    let synced: Vec<String> = store
        .sync_states(profile_id)?
        .into_iter()
        .filter(|state| state.synced_at.is_some())
        .map(|state| state.resource)
        .collect();
    Ok(store
        .merchants(profile_id)?
        .into_iter()
        .map(|merchant| {
            let links = synced
                .contains(&crate::sync::links_resource(&merchant.id))
                .then(|| {
                    counts
                        .iter()
                        .find(|(id, _)| *id == merchant.id)
                        .map_or(0, |(_, n)| *n)
                });
            MerchantSummary { merchant, links }
        })
        .collect())
}

/// The token to the vault when there is one (always for real profiles, see `require_keyring`).
async fn keep_token(
    cx: &Context<'_>,
    merchant_id: &str,
    token: &Credential,
) -> Result<(), MerchantError> {
    let Some(vault) = cx.vault.clone() else {
        return Ok(());
    };
    let (profile, kind, secret) = (
        cx.profile_id.to_owned(),
        CredentialKind::BillpocketUserToken {
            merchant_id: merchant_id.to_owned(),
        },
        Secret::new(token.expose()),
    );
    crate::blocking::run(move || vault.put(&profile, &kind, &secret)).await
}

/// A refusal as the form shows it: each field Billpocket named, with its code (the double
/// speaks the app's codes; a real provider's prose becomes the generic one). A 409 names the
/// value that already exists.
fn refusal(error: ProviderError) -> MerchantError {
    let fields = match &error {
        ProviderError::Invalid { fields, .. } => fields.clone(),
        ProviderError::Conflict {
            field: Some(field), ..
        } => vec![field.clone()],
        _ => return MerchantError::Provider(error),
    };
    let conflict = matches!(error, ProviderError::Conflict { .. });
    let issues: Vec<FieldIssue> = fields
        .iter()
        .map(|f| FieldIssue {
            field: f
                .form_field
                .clone()
                .or_else(|| form_field(&f.provider_field).map(str::to_owned))
                .unwrap_or_else(|| "form".into()),
            code: if conflict {
                ErrorCode::MerchantDuplicate
            } else {
                f.code().unwrap_or(ErrorCode::BillpocketInvalid)
            },
        })
        .collect();
    if issues.is_empty() {
        MerchantError::Provider(error)
    } else {
        MerchantError::Invalid(issues)
    }
}

/// A provider error on one field of the connect form (a wrong password or token).
fn on_field(error: ProviderError, field: &str) -> MerchantError {
    match error {
        ProviderError::Unauthorized | ProviderError::Forbidden | ProviderError::NotFound => {
            MerchantError::Invalid(vec![FieldIssue {
                field: field.into(),
                code: ErrorCode::MerchantCredentials,
            }])
        }
        other => refusal(other),
    }
}

/// The catalogues cached for the profile: ids outside a cached catalogue are refused before
/// sending; a catalogue never fetched is left to Billpocket.
struct CachedCatalogues<'a> {
    store: &'a Store,
    profile_id: &'a str,
}

impl Catalogues for CachedCatalogues<'_> {
    fn knows(&self, catalogue: CatalogueRef<'_>, id: &str) -> Option<bool> {
        let name = match catalogue {
            CatalogueRef::Municipalities { state } => CatalogueName::Municipalities {
                state: state.to_owned(),
            },
            CatalogueRef::CommercialActivities => CatalogueName::CommercialActivities,
            CatalogueRef::CompanyTypes => CatalogueName::CompanyTypes,
        };
        let cached = self
            .store
            .catalogue(self.profile_id, PROVIDER, &name.cache_key())
            .ok()??;
        let items: Vec<serde_json::Value> = serde_json::from_str(&cached.body).ok()?;
        Some(items.iter().any(|item| item["id"] == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outbox's own failures keep their codes through every write's error type (a failed
    /// background task was once reported as an unreadable intent).
    #[test]
    fn outbox_failures_keep_their_codes() {
        let cases = [
            (OutboxError::NotOpen(7), ErrorCode::OutboxNotOpen),
            (OutboxError::Intent("bad".into()), ErrorCode::OutboxIntent),
            (OutboxError::Task("panicked".into()), ErrorCode::AppTask),
        ];
        for (error, code) in cases {
            let merchant = MerchantError::from(EngineError::<ProviderError>::Outbox(error));
            assert_eq!(merchant.code(), code, "{merchant:?}");
        }
    }
}
