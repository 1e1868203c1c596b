//! Clientes y KYC: the cached CryptoPocket customers, their sync, status checks and the history
//! of every status change the app observed.

use mostrador_service::app::App;
use mostrador_service::customers::CustomerPage;
use mostrador_service::customers::kyc::KycCheckOutcome;
use mostrador_service::customers::sync::CustomerSyncReport;
use mostrador_service::customers::tracking::TrackingReport;
use mostrador_service::preferences::{KycPreferences, Preferences};
use mostrador_store::{CustomerQuery, KycTransition, Provider, SyncState};
use tauri::State;

use crate::error::CommandResult;

#[tauri::command]
#[specta::specta]
pub async fn search_customers(
    app: State<'_, App>,
    query: CustomerQuery,
) -> CommandResult<CustomerPage> {
    Ok(app.search_customers(query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customers_sync_state(app: State<'_, App>) -> CommandResult<Option<SyncState>> {
    Ok(app.customers_sync_state().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_customers(app: State<'_, App>) -> CommandResult<CustomerSyncReport> {
    Ok(app.sync_customers().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn check_customer_status(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<KycCheckOutcome> {
    Ok(app.check_customer_status(customer_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_status_history(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<Vec<KycTransition>> {
    Ok(app.customer_status_history(customer_id).await?)
}

/// "Actualizar" on one customer: asks its provider now (under the tracking limit); a change is
/// recorded and announced (`customerStatusChanged`).
#[tauri::command]
#[specta::specta]
pub async fn refresh_customer(
    app: State<'_, App>,
    provider: Provider,
    customer_id: String,
) -> CommandResult<KycCheckOutcome> {
    Ok(app.refresh_customer(provider, customer_id).await?)
}

/// "Actualizar" on the list: the unsettled customers of the view (`query`, every page).
#[tauri::command]
#[specta::specta]
pub async fn refresh_customers(
    app: State<'_, App>,
    query: CustomerQuery,
) -> CommandResult<TrackingReport> {
    Ok(app.refresh_customers(query).await?)
}

/// The KYC target age (1–90 days, field `targetDays`) and the notifications switch.
#[tauri::command]
#[specta::specta]
pub async fn set_kyc_preferences(
    app: State<'_, App>,
    kyc: KycPreferences,
) -> CommandResult<Preferences> {
    Ok(app.set_kyc_preferences(kyc)?)
}
