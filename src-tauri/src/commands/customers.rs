//! Clientes y KYC: the cached CryptoPocket customers, their sync, status checks and the history
//! of every status change the app observed.

use mostrador_service::customers::kyc::{self, KycCheckOutcome};
use mostrador_service::customers::sync::{self, CustomerSyncReport, RESOURCE};
use mostrador_service::customers::{self, CustomerPage};
use mostrador_store::{CustomerQuery, KycTransition, SyncState};
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, unix_now};

/// One page of the cached customers (names, e-mail, id number); works offline. The query's
/// profile is always the active one.
#[tauri::command]
#[specta::specta]
pub async fn search_customers(
    state: State<'_, AppState>,
    mut query: CustomerQuery,
) -> CommandResult<CustomerPage> {
    query.profile_id = state.active_profile().await?.id;
    state
        .with_store(move |store| customers::list(store, &query))
        .await
}

/// How fresh the cached CryptoPocket list is (`None` before the first sync attempt).
#[tauri::command]
#[specta::specta]
pub async fn customers_sync_state(state: State<'_, AppState>) -> CommandResult<Option<SyncState>> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| {
            let states = store.sync_states(&profile.id)?;
            Ok::<_, mostrador_store::StoreError>(
                states.into_iter().find(|s| s.resource == RESOURCE),
            )
        })
        .await
}

/// Fetches every CryptoPocket customer into the cache; a failure is recorded and returned.
#[tauri::command]
#[specta::specta]
pub async fn sync_customers(state: State<'_, AppState>) -> CommandResult<CustomerSyncReport> {
    let (profile, client) = state.cryptopocket().await?;
    Ok(sync::sync_customers(&state.store, &client, &profile.id, unix_now()).await?)
}

/// Asks CryptoPocket where one cached customer's KYC/KYB stands and records a change.
#[tauri::command]
#[specta::specta]
pub async fn check_customer_status(
    state: State<'_, AppState>,
    customer_id: String,
) -> CommandResult<KycCheckOutcome> {
    let (profile, client) = state.cryptopocket().await?;
    Ok(kyc::check_status(&state.store, &client, &profile.id, &customer_id, unix_now()).await?)
}

/// Every status change the app observed for one customer, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn customer_status_history(
    state: State<'_, AppState>,
    customer_id: String,
) -> CommandResult<Vec<KycTransition>> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| kyc::history(store, &profile.id, &customer_id))
        .await
}
