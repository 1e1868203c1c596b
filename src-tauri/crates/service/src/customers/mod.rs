//! CryptoPocket customers: the cached list (synced from the provider, searched offline), each
//! customer's KYC/KYB status with the history of every change the app observed, the enhanced
//! verification link and document uploads. CryptoPocket keeps no status history, so the store's
//! `kyc_history` is the only record of when a customer moved from one status to the next.

pub mod access;
pub mod created;
mod error;
pub mod kyc;
pub mod record;
pub mod sync;
pub mod verification;
pub mod writes;

pub use error::CustomerError;

use mostrador_providers::cryptopocket::types::KycStatus as ProviderStatus;
use mostrador_store::{Cursor, Customer, CustomerQuery, KycStatus, Store, StoreError};
use serde::Serialize;
use specta::Type;

/// One page of cached customers (a concrete type: the bindings exporter loses generic arguments
/// of command results).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    pub items: Vec<Customer>,
    /// `None` on the last page.
    pub next: Option<Cursor>,
}

/// One page of the cache: never waits on the network, so it works offline.
pub fn list(store: &Store, query: &CustomerQuery) -> Result<CustomerPage, StoreError> {
    let page = store.search_customers(query)?;
    Ok(CustomerPage {
        items: page.items,
        next: page.next,
    })
}

/// CryptoPocket's status as the cache spells it (the same four values).
pub(crate) fn cached_status(status: ProviderStatus) -> KycStatus {
    match status {
        ProviderStatus::Unused => KycStatus::Unused,
        ProviderStatus::Processing => KycStatus::Processing,
        ProviderStatus::Valid => KycStatus::Valid,
        ProviderStatus::Fail => KycStatus::Fail,
    }
}
