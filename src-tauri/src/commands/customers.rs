//! Clientes y KYC: the cached customers, their sync, status checks, the history
//! of every status change the app observed, and the agent's tags, notes and reminders.

use mostrador_service::app::App;
use mostrador_service::customers::CustomerPage;
use mostrador_service::customers::kyc::KycCheckOutcome;
use mostrador_service::customers::record::{CustomerRecord, RecordChange};
use mostrador_service::customers::sync::CustomerSyncReport;
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

#[tauri::command]
#[specta::specta]
pub async fn customer_record(
    app: State<'_, App>,
    provider: Provider,
    customer_id: String,
) -> CommandResult<CustomerRecord> {
    Ok(app.customer_record(provider, customer_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn change_customer_record(
    app: State<'_, App>,
    provider: Provider,
    customer_id: String,
    change: RecordChange,
) -> CommandResult<CustomerRecord> {
    Ok(app
        .change_customer_record(provider, customer_id, change)
        .await?)
}
