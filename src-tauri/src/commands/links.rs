//! The Ligas screen: merchants, the cached list, sync, and writes through the outbox.

use mostrador_codes::ErrorCode;
use mostrador_core::{FieldContext, FieldKind};
use mostrador_service::links::form::{self, LinkForm};
use mostrador_service::links::writes::{
    self, LinkIntent, LinkWrite, PendingWrite, SyncOutcome, WriteOutcome,
};
use mostrador_service::links::{self, LinkPage};
use mostrador_service::sync::links_resource;
use mostrador_service::validation;
use mostrador_store::{LinkQuery, Merchant, SyncState};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::state::{AppState, unix_now};

/// The active profile's merchants (onboarded, connected, or the Sandbox's own).
#[tauri::command]
#[specta::specta]
pub async fn list_merchants(state: State<'_, AppState>) -> CommandResult<Vec<Merchant>> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| store.merchants(&profile.id))
        .await
}

/// One page of the cached list, queued creates first; works offline. The query's profile is
/// always the active one.
#[tauri::command]
#[specta::specta]
pub async fn search_links(
    state: State<'_, AppState>,
    mut query: LinkQuery,
) -> CommandResult<LinkPage> {
    query.profile_id = state.active_profile().await?.id;
    let now = unix_now();
    state
        .with_store(move |store| links::list(store, &query, now))
        .await
}

/// How fresh a merchant's list is and which of its writes are still open.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinksStatus {
    pub sync: Option<SyncState>,
    pub writes: Vec<PendingWrite>,
}

#[tauri::command]
#[specta::specta]
pub async fn links_status(
    state: State<'_, AppState>,
    merchant_id: String,
) -> CommandResult<LinksStatus> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| {
            let resource = links_resource(&merchant_id);
            let sync = store
                .sync_states(&profile.id)?
                .into_iter()
                .find(|s| s.resource == resource);
            let writes = writes::open_writes(store, &profile.id, &merchant_id)?;
            Ok::<_, AppError>(LinksStatus { sync, writes })
        })
        .await
}

/// Refreshes a merchant's links from Billpocket, settles uncertain writes and sends queued ones.
/// A failure is recorded (the list says it is offline) and returned.
#[tauri::command]
#[specta::specta]
pub async fn sync_links(
    state: State<'_, AppState>,
    merchant_id: String,
) -> CommandResult<SyncOutcome> {
    let (profile, access) = state.billpocket(&merchant_id).await?;
    Ok(writes::sync_merchant(&state.store, &access, &profile.id, &merchant_id, unix_now()).await?)
}

/// Queues and sends a write under the UI's idempotency key (one per form opening, so a double
/// click or a second Enter is the same write).
#[tauri::command]
#[specta::specta]
pub async fn submit_link_write(
    state: State<'_, AppState>,
    idempotency_key: String,
    request: LinkWrite<LinkForm>,
) -> CommandResult<WriteOutcome> {
    let merchant_id = request.merchant_id().to_owned();
    let (profile, access) = state.billpocket(&merchant_id).await?;
    let profile_id = profile.id.clone();
    let intent = state
        .with_store(move |store| to_intent(store, &profile_id, request))
        .await?;
    Ok(writes::submit(
        &state.store,
        &access,
        &profile.id,
        &idempotency_key,
        intent,
        unix_now(),
    )
    .await?)
}

/// Sends a queued write again, or checks an uncertain one with Billpocket.
#[tauri::command]
#[specta::specta]
pub async fn retry_link_write(
    state: State<'_, AppState>,
    merchant_id: String,
    seq: f64,
) -> CommandResult<WriteOutcome> {
    let (_, access) = state.billpocket(&merchant_id).await?;
    Ok(writes::retry(&state.store, &access, to_seq(seq)?, unix_now()).await?)
}

/// Gives up on a queued or uncertain write.
#[tauri::command]
#[specta::specta]
pub async fn discard_link_write(state: State<'_, AppState>, seq: f64) -> CommandResult<()> {
    Ok(writes::discard(&state.store, to_seq(seq)?, unix_now()).await?)
}

/// Checks the request's form (and main link) again: nothing unchecked reaches the outbox.
fn to_intent(
    store: &mostrador_store::Store,
    profile_id: &str,
    request: LinkWrite<LinkForm>,
) -> Result<LinkIntent, AppError> {
    request.checked(
        |merchant_id, link_id, form| {
            Ok(form::check(store, profile_id, merchant_id, link_id, &form)?)
        },
        |main_link| {
            // The main link is a slug too: same characters and length rules.
            let report =
                validation::validate_field(FieldKind::UrlPath, &main_link, FieldContext::default());
            report.value.clone().ok_or_else(|| {
                let code = validation::first_error(&report);
                AppError::on_field(code, "mainLink", "invalid main link")
            })
        },
    )
}

/// Outbox sequence numbers cross IPC as JS numbers.
fn to_seq(seq: f64) -> CommandResult<i64> {
    if seq.fract() == 0.0 && (1.0..9.0e15).contains(&seq) {
        #[allow(clippy::cast_possible_truncation)]
        Ok(seq as i64)
    } else {
        Err(AppError::new(
            ErrorCode::OutboxNotFound,
            format!("no outbox entry {seq}"),
        ))
    }
}
