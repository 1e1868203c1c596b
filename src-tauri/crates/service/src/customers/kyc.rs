//! A customer's KYC (person) or KYB (company) status, asked of CryptoPocket, and the history of
//! every change the app observed. CryptoPocket answers only the current status; each answer that
//! differs from the cached one becomes one history entry with the time it was seen.

use std::sync::Arc;

use mostrador_providers::ProviderError;
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketError};
use mostrador_store::{KycStatus, KycTransition, Provider, Store, StoreError, UnixSeconds};
use serde::Serialize;
use specta::Type;

use super::{CustomerError, cached_status};
use crate::blocking::blocking;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KycCheckOutcome {
    pub status: KycStatus,
    /// UnDosTres' account level (`None` for CryptoPocket).
    pub level: Option<u8>,
    /// The change this check observed, if the status differs from the cached one.
    pub change: Option<KycTransition>,
    #[specta(type = specta_typescript::Number)]
    pub checked_at: UnixSeconds,
}

/// CryptoPocket's numeric id of a cached customer.
pub(crate) fn user_id(customer_id: &str) -> Result<i64, CustomerError> {
    customer_id.trim().parse().map_err(|_| {
        CryptoPocketError::from(ProviderError::InvalidPathId {
            reason: "not a CryptoPocket customer id",
        })
        .into()
    })
}

/// Asks CryptoPocket where a cached customer stands and records the answer: the row is stamped
/// as checked and a change goes to the history once, both at `now`.
pub async fn check_status(
    store: &Arc<Store>,
    client: &CryptoPocketClient,
    profile_id: &str,
    customer_id: &str,
    now: UnixSeconds,
) -> Result<KycCheckOutcome, CustomerError> {
    let check = client
        .kyc_status(user_id(customer_id)?)
        .await
        .map_err(CustomerError::from)?;
    let status = cached_status(check.kyc_status);
    let checked_at = now;
    let profile_id = profile_id.to_owned();
    let customer_id = customer_id.to_owned();
    let change = blocking::<_, _, CustomerError>(store, move |store: &Store| {
        store.write(|w| {
            w.record_kyc_check(
                &profile_id,
                Provider::Cryptopocket,
                &customer_id,
                status,
                None,
                checked_at,
            )
        })
    })
    .await?;
    if let Some(change) = &change {
        tracing::info!(from = ?change.from_status, to = %status, "cryptopocket status changed");
    }
    Ok(KycCheckOutcome {
        status,
        level: None,
        change,
        checked_at,
    })
}

/// Every status change the app observed for a cached customer, oldest first.
pub fn history(
    store: &Store,
    profile_id: &str,
    customer_id: &str,
) -> Result<Vec<KycTransition>, StoreError> {
    store.kyc_history(profile_id, Provider::Cryptopocket, customer_id)
}
