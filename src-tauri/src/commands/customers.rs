//! Clientes y KYC: the cached customers, their sync, status checks, the history
//! of every status change the app observed, and the agent's tags, notes and reminders.

use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::DocumentType;
use mostrador_service::app::App;
use mostrador_service::customers::CustomerPage;
use mostrador_service::customers::kyc::KycCheckOutcome;
use mostrador_service::customers::record::{CustomerRecord, RecordChange};
use mostrador_service::customers::sync::{CustomerSyncReport, CustomersSyncState};
use mostrador_service::customers::tracking::TrackingReport;
use mostrador_service::customers::verification::{self, DocumentRules};
use mostrador_service::customers::writes::{
    CompanyForm, CustomerWrite, CustomerWriteAnswer, CustomerWriteOutcome, PersonForm,
};
use mostrador_service::preferences::{KycPreferences, Preferences};
use mostrador_store::{CustomerQuery, KycTransition, Provider};
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
pub async fn customers_sync_state(app: State<'_, App>) -> CommandResult<CustomersSyncState> {
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

/// Creates a CryptoPocket person under the form's idempotency key. The customer's password, when
/// given, is wrapped at once: it is in no outbox entry, no log.
#[tauri::command]
#[specta::specta]
pub async fn create_cryptopocket_person(
    app: State<'_, App>,
    idempotency_key: String,
    form: PersonForm,
    password: Option<String>,
) -> CommandResult<CustomerWriteAnswer> {
    let password = password.map(Credential::new);
    Ok(app
        .create_cryptopocket_person(&idempotency_key, form, password)
        .await?)
}

/// Creates a CryptoPocket company; its KYB password goes to the vault.
#[tauri::command]
#[specta::specta]
pub async fn create_cryptopocket_company(
    app: State<'_, App>,
    idempotency_key: String,
    form: CompanyForm,
) -> CommandResult<CustomerWriteAnswer> {
    Ok(app
        .create_cryptopocket_company(&idempotency_key, form)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn retry_customer_write(
    app: State<'_, App>,
    seq: f64,
) -> CommandResult<CustomerWriteOutcome> {
    Ok(app.retry_customer_write(seq).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn discard_customer_write(app: State<'_, App>, seq: f64) -> CommandResult<()> {
    Ok(app.discard_customer_write(seq).await?)
}

/// The open customer writes of the active profile (queued, uncertain, not applied).
#[tauri::command]
#[specta::specta]
pub async fn customer_writes(app: State<'_, App>) -> CommandResult<Vec<CustomerWrite>> {
    Ok(app.customer_writes_open().await?)
}

/// A company's KYB password, only on this explicit call (the "reveal" button).
#[tauri::command]
#[specta::specta]
pub async fn reveal_kyb_password(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<String> {
    Ok(app.reveal_kyb_password(customer_id).await?)
}

/// A customer's enhanced verification link, asked of CryptoPocket.
#[tauri::command]
#[specta::specta]
pub async fn request_enhanced_link(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<CustomerWriteOutcome> {
    Ok(app.request_enhanced_link(customer_id).await?)
}

/// The document types, file types and size the upload form offers and checks before sending.
#[tauri::command]
#[specta::specta]
pub async fn document_rules() -> CommandResult<DocumentRules> {
    Ok(verification::document_rules())
}

/// Uploads a customer's document; `file` is the data URL the page read from the chosen file.
#[tauri::command]
#[specta::specta]
pub async fn upload_customer_document(
    app: State<'_, App>,
    idempotency_key: String,
    customer_id: String,
    document_type: DocumentType,
    file: String,
) -> CommandResult<CustomerWriteAnswer> {
    Ok(app
        .upload_customer_document(&idempotency_key, customer_id, document_type, &file)
        .await?)
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
