//! The Ligas screen: merchants, the cached list, sync, and writes through the outbox.

use mostrador_service::app::{App, LinksStatus};
use mostrador_service::links::LinkPage;
use mostrador_service::links::form::LinkForm;
use mostrador_service::links::writes::{LinkWrite, SyncOutcome, WriteOutcome};
use mostrador_store::{LinkQuery, Merchant};
use tauri::State;

use crate::error::CommandResult;

/// The active profile's merchants (onboarded, connected, or the Sandbox's own).
#[tauri::command]
#[specta::specta]
pub async fn list_merchants(app: State<'_, App>) -> CommandResult<Vec<Merchant>> {
    Ok(app.list_merchants().await?)
}

/// One page of the cached list, queued creates first; works offline.
#[tauri::command]
#[specta::specta]
pub async fn search_links(app: State<'_, App>, query: LinkQuery) -> CommandResult<LinkPage> {
    Ok(app.search_links(query).await?)
}

/// How fresh a merchant's list is and which of its writes are still open.
#[tauri::command]
#[specta::specta]
pub async fn links_status(app: State<'_, App>, merchant_id: String) -> CommandResult<LinksStatus> {
    Ok(app.links_status(merchant_id).await?)
}

/// Refreshes a merchant's links from Billpocket, settles uncertain writes and sends queued ones.
#[tauri::command]
#[specta::specta]
pub async fn sync_links(app: State<'_, App>, merchant_id: String) -> CommandResult<SyncOutcome> {
    Ok(app.sync_links(&merchant_id).await?)
}

/// Queues and sends a write under the UI's idempotency key (one per form opening).
#[tauri::command]
#[specta::specta]
pub async fn submit_link_write(
    app: State<'_, App>,
    idempotency_key: String,
    request: LinkWrite<LinkForm>,
) -> CommandResult<WriteOutcome> {
    Ok(app.submit_link_write(&idempotency_key, request).await?)
}

/// Sends a queued write again, or checks an uncertain one with Billpocket.
#[tauri::command]
#[specta::specta]
pub async fn retry_link_write(
    app: State<'_, App>,
    merchant_id: String,
    seq: f64,
) -> CommandResult<WriteOutcome> {
    Ok(app.retry_link_write(&merchant_id, seq).await?)
}

/// Gives up on a queued or uncertain write.
#[tauri::command]
#[specta::specta]
pub async fn discard_link_write(app: State<'_, App>, seq: f64) -> CommandResult<()> {
    Ok(app.discard_link_write(seq).await?)
}
