//! CryptoPocket customers: the cached list (synced from the provider, searched offline), each
//! customer's KYC/KYB status with the history of every change the app observed, the enhanced
//! verification link and document uploads. CryptoPocket keeps no status history, so the store's
//! `kyc_history` is the only record of when a customer moved from one status to the next.

pub mod access;
pub mod created;
mod error;
pub mod export;
pub mod kyc;
pub mod notify;
pub mod record;
pub mod sync;
pub mod tracking;
pub mod verification;
pub mod writes;

pub use error::CustomerError;

use mostrador_providers::cryptopocket::types::KycStatus as ProviderStatus;
use mostrador_store::{
    Cursor, Customer, CustomerKind, CustomerQuery, KycStatus, Store, StoreError, UnixSeconds,
};
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
    /// `None` on the first page.
    pub previous: Option<Cursor>,
}

/// One page of the cache: never waits on the network, so it works offline.
pub fn list(store: &Store, query: &CustomerQuery) -> Result<CustomerPage, StoreError> {
    let page = store.search_customers(query)?;
    Ok(CustomerPage {
        items: page.items,
        next: page.next,
        previous: page.previous,
    })
}

/// Every customer `query` matches, in its order, page after page (its cursor and page size are
/// ignored): what the view shows, for its export and its refresh.
pub fn every(
    store: &Store,
    query: &CustomerQuery,
    mut each: impl FnMut(Customer) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut query = CustomerQuery {
        limit: EVERY_PAGE,
        cursor: None,
        ..query.clone()
    };
    loop {
        let page = list(store, &query)?;
        page.items.into_iter().try_for_each(&mut each)?;
        match page.next {
            Some(next) => query.cursor = Some(next),
            None => return Ok(()),
        }
    }
}

/// Rows read per page by [`every`] (the store's maximum).
const EVERY_PAGE: u32 = 500;

/// A company's name, else the person's names.
pub fn display_name(customer: &Customer) -> String {
    if customer.kind == CustomerKind::Company && !customer.company_name.is_empty() {
        return customer.company_name.clone();
    }
    let name = [
        customer.first_name.as_str(),
        customer.last_name.as_str(),
        customer.second_last_name.as_str(),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    if name.is_empty() {
        customer.email.clone()
    } else {
        name
    }
}

/// How long a pending case (not started or in review) has been open, counted from the
/// customer's creation; `None` once it settled.
pub fn pending_age(customer: &Customer, now: UnixSeconds) -> Option<i64> {
    matches!(
        customer.kyc_status,
        KycStatus::Unused | KycStatus::Processing
    )
    .then(|| now.saturating_sub(customer.created_at).max(0))
}

/// Seconds in a day, for target ages in days.
pub const DAY: i64 = 24 * 60 * 60;

/// CryptoPocket's status as the cache spells it (the same four values).
pub(crate) fn cached_status(status: ProviderStatus) -> KycStatus {
    match status {
        ProviderStatus::Unused => KycStatus::Unused,
        ProviderStatus::Processing => KycStatus::Processing,
        ProviderStatus::Valid => KycStatus::Valid,
        ProviderStatus::Fail => KycStatus::Fail,
    }
}
