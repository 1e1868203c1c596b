//! The Comercios screen: the merchants list, registration with Billpocket (with drafts and
//! cached catalogues), connecting an existing merchant, and its CLABE.

use mostrador_providers::Credential;
use mostrador_service::app::{App, RegisterAnswer};
use mostrador_service::catalogues::{CatalogueAnswer, CatalogueName};
use mostrador_service::merchants::form::MerchantForm;
use mostrador_service::merchants::{ConnectOutcome, ConnectRequest, MerchantSummary};
use mostrador_store::{Draft, Merchant};
use tauri::State;

use crate::error::CommandResult;

#[tauri::command]
#[specta::specta]
pub async fn merchants_overview(app: State<'_, App>) -> CommandResult<Vec<MerchantSummary>> {
    Ok(app.merchants_overview().await?)
}

/// A Billpocket catalogue for the registration form: cached for a week, usable offline.
#[tauri::command]
#[specta::specta]
pub async fn merchant_catalogue(
    app: State<'_, App>,
    name: CatalogueName,
) -> CommandResult<CatalogueAnswer> {
    Ok(app.merchant_catalogue(name).await?)
}

/// Registers a merchant under the UI's idempotency key (one per form opening). The password
/// is wrapped at once: it is in no draft, no outbox entry, no log.
#[tauri::command]
#[specta::specta]
pub async fn register_merchant(
    app: State<'_, App>,
    idempotency_key: String,
    form: MerchantForm,
    password: String,
) -> CommandResult<RegisterAnswer> {
    let password = Credential::new(password);
    Ok(app
        .register_merchant(&idempotency_key, form, password)
        .await?)
}

/// Connects a merchant that already exists at Billpocket.
#[tauri::command]
#[specta::specta]
pub async fn connect_merchant(
    app: State<'_, App>,
    request: ConnectRequest,
) -> CommandResult<ConnectOutcome> {
    Ok(app.connect_merchant(request).await?)
}

/// Adds or replaces the CLABE where the merchant's sales are deposited.
#[tauri::command]
#[specta::specta]
pub async fn set_merchant_clabe(
    app: State<'_, App>,
    merchant_id: String,
    clabe: String,
) -> CommandResult<Merchant> {
    Ok(app.set_merchant_clabe(&merchant_id, &clabe).await?)
}

/// The active profile's drafts of a form, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_drafts(app: State<'_, App>, kind: String) -> CommandResult<Vec<Draft>> {
    Ok(app.list_drafts(kind).await?)
}

/// Saves a form as typed (`body` is its JSON). A new draft when `id` is empty.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(
    app: State<'_, App>,
    id: Option<String>,
    kind: String,
    title: String,
    body: String,
) -> CommandResult<Draft> {
    Ok(app.save_draft(id, kind, title, body).await?)
}

/// Discards the drafts of a form last saved more than `older_than_days` ago; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn discard_old_drafts(
    app: State<'_, App>,
    kind: String,
    older_than_days: u32,
) -> CommandResult<u32> {
    Ok(app.discard_old_drafts(kind, older_than_days).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn discard_draft(app: State<'_, App>, id: String) -> CommandResult<bool> {
    Ok(app.discard_draft(id).await?)
}
