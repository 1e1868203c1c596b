//! The customers list: every page fetched from CryptoPocket, then written to the cache in one
//! transaction with the sync state (`customers/cryptopocket`), like the links list. The list
//! carries fewer fields than the cache (no second surname, no KYC form link): those keep what the
//! cache knew. A customer whose status a check observed after this fetch began is left as the
//! check saw it, so a slower list never records a step back in the history.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::DateTime;
use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::cryptopocket::CryptoPocketClient;
use mostrador_providers::cryptopocket::types::CustomerSummary;
use mostrador_store::{
    Customer, CustomerKind, KycStatus, Provider, Store, StoreError, SyncState, UnixSeconds, Writer,
};
use serde::Serialize;
use specta::Type;

use super::{CustomerError, cached_status};
use crate::blocking::blocking;
use crate::sync::{apply_fetch, is_unreachable, record_unreachable_on};

/// The sync-state resource of the CryptoPocket customers list.
pub const RESOURCE: &str = "customers/cryptopocket";

/// The sync-state resource of UnDosTres' accounts. UnDosTres has no list to sync: the state
/// only says whether the last call reached it (its offline mark) and names the events of
/// accounts the Sandbox double made.
pub const UNDOSTRES_RESOURCE: &str = "customers/undostres";

/// Where a provider's customers keep their sync state.
#[must_use]
pub const fn resource_of(provider: Provider) -> &'static str {
    match provider {
        Provider::Cryptopocket => RESOURCE,
        Provider::Undostres => UNDOSTRES_RESOURCE,
    }
}

/// Where each provider's customers stand: CryptoPocket's list (its age and last failure) and
/// UnDosTres' offline mark (`None` until a call recorded something).
#[derive(Debug, Clone, Serialize, Type)]
pub struct CustomersSyncState {
    pub cryptopocket: Option<SyncState>,
    pub undostres: Option<SyncState>,
}

impl CustomersSyncState {
    /// Picks the customers' resources out of a profile's sync states.
    #[must_use]
    pub fn from_states(states: Vec<SyncState>) -> Self {
        let mut found = Self {
            cryptopocket: None,
            undostres: None,
        };
        for state in states {
            match state.resource.as_str() {
                RESOURCE => found.cryptopocket = Some(state),
                UNDOSTRES_RESOURCE => found.undostres = Some(state),
                _ => {}
            }
        }
        found
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSyncReport {
    pub fetched: u32,
    /// Customers new to the cache or changed in it.
    pub written: u32,
    /// The status changes this sync observed (each is also in the customer's history).
    pub status_changes: Vec<StatusChange>,
    #[specta(type = specta_typescript::Number)]
    pub synced_at: UnixSeconds,
}

/// One customer's KYC status as the app saw it change; `from` is `None` for a new customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub customer_id: String,
    pub from: Option<KycStatus>,
    pub to: KycStatus,
    #[specta(type = specta_typescript::Number)]
    pub observed_at: UnixSeconds,
}

/// Fetches every page and writes the outcome (a failure is recorded and returned; the cache
/// stays as it was). `now` is when the fetch starts.
pub async fn sync_customers(
    store: &Arc<Store>,
    client: &CryptoPocketClient,
    profile_id: &str,
    now: UnixSeconds,
) -> Result<CustomerSyncReport, CustomerError> {
    let fetched = client.list_customers().await.map_err(CustomerError::from);
    let profile_id = profile_id.to_owned();
    blocking(store, move |store| {
        apply_customers(store, &profile_id, fetched, now)
    })
    .await
}

/// Records on `resource`'s sync state that a call (a check) found its provider unreachable
/// (`code`), so the screen says it is offline at once. A failure to record it is only logged:
/// the caller's error is the one worth showing.
pub(crate) async fn note_unreachable(
    store: &Arc<Store>,
    profile_id: &str,
    resource: &'static str,
    code: ErrorCode,
    now: UnixSeconds,
) {
    let profile_id = profile_id.to_owned();
    let recorded = blocking::<_, _, CustomerError>(store, move |store| {
        store.write(|w| record_unreachable_on(w, &profile_id, resource, code, now))
    })
    .await;
    if let Err(failed) = recorded {
        tracing::warn!(code = %failed.code(), resource, "could not record an unreachable provider");
    }
}

/// Clears an "unreachable" failure on `resource`'s sync state once a call (a check) got an
/// answer from its provider, so the screen stops saying it is offline at once rather than at
/// the next sync; `true` when there was one. A failure to record it is only logged.
pub(crate) async fn note_reachable(
    store: &Arc<Store>,
    profile_id: &str,
    resource: &'static str,
    now: UnixSeconds,
) -> bool {
    let profile_id = profile_id.to_owned();
    let cleared = blocking::<_, _, CustomerError>(store, move |store| {
        // Read first: most checks find nothing to clear and need no write transaction.
        let marked = store.sync_states(&profile_id)?.into_iter().any(|state| {
            state.resource == resource && state.last_error_code.is_some_and(is_unreachable)
        });
        if !marked {
            return Ok(false);
        }
        store.write(|w| w.clear_sync_failure(&profile_id, resource, now, is_unreachable))
    })
    .await;
    cleared
        .inspect_err(|failed| {
            tracing::warn!(code = %failed.code(), resource, "could not record an answering provider");
        })
        .unwrap_or(false)
}

/// Writes a fetch outcome; blocking.
pub fn apply_customers(
    store: &Store,
    profile_id: &str,
    fetched: Result<Vec<CustomerSummary>, CustomerError>,
    now: UnixSeconds,
) -> Result<CustomerSyncReport, CustomerError> {
    apply_fetch(store, profile_id, RESOURCE, fetched, now, |w, listed| {
        write_listed(w, profile_id, &listed, now)
    })
}

fn write_listed(
    w: &mut Writer<'_>,
    profile_id: &str,
    listed: &[CustomerSummary],
    now: UnixSeconds,
) -> Result<CustomerSyncReport, StoreError> {
    let cached: HashMap<String, Customer> = w
        .customers_of(profile_id, Provider::Cryptopocket)?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let mut status_changes = Vec::new();
    let rows: Vec<Customer> = listed
        .iter()
        .filter_map(|summary| {
            let was = cached.get(&summary.id.to_string());
            if was.is_some_and(|c| c.synced_at.is_some_and(|seen| seen > now)) {
                return None;
            }
            let row = merge(summary, was, now);
            let from = was.map(|c| c.kyc_status);
            if from != Some(row.kyc_status) {
                status_changes.push(StatusChange {
                    customer_id: row.id.clone(),
                    from,
                    to: row.kyc_status,
                    observed_at: now,
                });
            }
            Some(row)
        })
        .collect();
    let written = w.upsert_customers(profile_id, &rows, now)?;
    Ok(CustomerSyncReport {
        fetched: u32::try_from(listed.len()).unwrap_or(u32::MAX),
        written: u32::try_from(written).unwrap_or(u32::MAX),
        status_changes,
        synced_at: now,
    })
}

/// A listed customer as the cache keeps it: what the list says, else what the cache knew.
/// `updated_at` moves to `now` only when something changed.
fn merge(listed: &CustomerSummary, was: Option<&Customer>, now: UnixSeconds) -> Customer {
    let text = |new: &Option<String>, old: fn(&Customer) -> &String| {
        new.as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .or_else(|| was.map(|c| old(c).clone()))
            .unwrap_or_default()
    };
    let company_name = text(&listed.company_name, |c| &c.company_name);
    let mut row = Customer {
        provider: Provider::Cryptopocket,
        id: listed.id.to_string(),
        kind: if company_name.is_empty() {
            CustomerKind::Person
        } else {
            CustomerKind::Company
        },
        first_name: text(&listed.name, |c| &c.first_name),
        last_name: text(&listed.last_name, |c| &c.last_name),
        second_last_name: was.map(|c| c.second_last_name.clone()).unwrap_or_default(),
        company_name,
        email: text(&listed.email, |c| &c.email),
        id_type: text(&listed.identification_type, |c| &c.id_type),
        id_number: text(&listed.identification_number, |c| &c.id_number),
        country: text(&listed.country, |c| &c.country),
        kyc_status: listed
            .kyc_status
            .map(cached_status)
            .or(was.map(|c| c.kyc_status))
            .unwrap_or(KycStatus::Unused),
        kyc_level: None,
        kyc_url: was.and_then(|c| c.kyc_url.clone()),
        created_at: listed
            .created_at
            .as_deref()
            .and_then(unix_time)
            .or(was.map(|c| c.created_at))
            .unwrap_or(now),
        updated_at: now,
        synced_at: None,
    };
    if let Some(was) = was {
        let unchanged = Customer {
            updated_at: was.updated_at,
            synced_at: was.synced_at,
            ..row.clone()
        } == *was;
        if unchanged {
            row.updated_at = was.updated_at;
        }
    }
    row
}

/// CryptoPocket's `2026-06-26T10:30:00.000000Z` in Unix seconds.
fn unix_time(text: &str) -> Option<UnixSeconds> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|at| at.timestamp())
}

#[cfg(test)]
mod tests {
    use mostrador_providers::cryptopocket::types::KycStatus as ProviderStatus;

    use super::*;

    fn listed() -> CustomerSummary {
        CustomerSummary {
            id: 186,
            email: Some("guadalupe@example.mx".into()),
            name: Some("Guadalupe".into()),
            last_name: Some("Gómez".into()),
            company_name: None,
            country: Some("Mexico".into()),
            identification_type: Some("CURP".into()),
            identification_number: Some("GOME850312MJCNRL06".into()),
            kyc_status: Some(ProviderStatus::Processing),
            created_at: Some("2026-06-26T10:30:00.000000Z".into()),
        }
    }

    #[test]
    fn what_the_list_lacks_keeps_the_cached_value_and_an_unchanged_row_keeps_its_time() {
        let first = merge(&listed(), None, 100);
        assert_eq!(first.created_at, 1_782_469_800);
        assert_eq!(first.updated_at, 100);
        let was = Customer {
            second_last_name: "Ruiz".into(),
            kyc_url: Some("https://forms.amlbot.com/x".into()),
            synced_at: Some(100),
            ..first
        };
        let again = merge(&listed(), Some(&was), 200);
        assert_eq!(again.second_last_name, "Ruiz");
        assert_eq!(again.kyc_url.as_deref(), Some("https://forms.amlbot.com/x"));
        assert_eq!(again.updated_at, 100, "nothing changed");

        let silent = CustomerSummary {
            kyc_status: None,
            name: Some("  ".into()),
            ..listed()
        };
        let kept = merge(&silent, Some(&was), 300);
        assert_eq!(kept.kyc_status, KycStatus::Processing);
        assert_eq!(kept.first_name, "Guadalupe");
        let settled = CustomerSummary {
            kyc_status: Some(ProviderStatus::Valid),
            ..listed()
        };
        assert_eq!(merge(&settled, Some(&was), 400).updated_at, 400);
    }

    #[test]
    fn a_listed_company_is_a_company() {
        let company = CustomerSummary {
            company_name: Some("Tortillería San Miguel S.A. de C.V.".into()),
            name: None,
            last_name: None,
            ..listed()
        };
        assert_eq!(merge(&company, None, 1).kind, CustomerKind::Company);
    }
}
