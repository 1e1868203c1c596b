//! The Comercios screen: the merchants list, registration with Billpocket (with drafts and
//! cached catalogues), connecting an existing merchant, and its CLABE.

use mostrador_codes::ErrorCode;
use mostrador_providers::Credential;
use mostrador_service::billpocket_access::BillpocketAccess;
use mostrador_service::catalogues::{self, CatalogueAnswer, CatalogueName};
use mostrador_service::drafts;
use mostrador_service::merchants::form::{FieldIssue, MerchantForm};
use mostrador_service::merchants::{
    self, ConnectOutcome, ConnectRequest, Context, MerchantError, MerchantSummary, RegisterOutcome,
};
use mostrador_service::profiles::ActiveProfile;
use mostrador_store::{Draft, Merchant};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::state::{AppState, unix_now};

/// The merchant use cases' view of the active profile.
fn context<'a>(
    state: &'a AppState,
    access: &'a BillpocketAccess,
    profile: &'a ActiveProfile,
) -> Context<'a> {
    Context {
        store: &state.store,
        vault: state.vault(),
        access,
        profile_id: &profile.id,
        environment: profile.environment,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn merchants_overview(state: State<'_, AppState>) -> CommandResult<Vec<MerchantSummary>> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| merchants::overview(store, &profile.id))
        .await
}

/// A Billpocket catalogue for the registration form: cached for a week, usable offline.
#[tauri::command]
#[specta::specta]
pub async fn merchant_catalogue(
    state: State<'_, AppState>,
    name: CatalogueName,
) -> CommandResult<CatalogueAnswer> {
    let (profile, access) = state.billpocket_integrator().await?;
    Ok(catalogues::catalogue(
        &state.store,
        &access,
        &profile.id,
        name,
        unix_now(),
        catalogues::DEFAULT_MAX_AGE_SECS,
    )
    .await?)
}

/// What a registration came to: submitted (done, or still being settled), or refused with
/// every field to fix.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RegisterAnswer {
    Submitted { outcome: Box<RegisterOutcome> },
    Refused { issues: Vec<FieldIssue> },
}

/// Registers a merchant with Billpocket under the UI's idempotency key (one per form opening).
/// The password is used for the call only: it is in no draft, no outbox entry, no log.
#[tauri::command]
#[specta::specta]
pub async fn register_merchant(
    state: State<'_, AppState>,
    idempotency_key: String,
    form: MerchantForm,
    password: String,
) -> CommandResult<RegisterAnswer> {
    let (profile, access) = state.billpocket_integrator().await?;
    let cx = context(&state, &access, &profile);
    let password = Credential::new(password);
    match merchants::register(&cx, &idempotency_key, form, password, unix_now()).await {
        Ok(outcome) => Ok(RegisterAnswer::Submitted {
            outcome: Box::new(outcome),
        }),
        Err(MerchantError::Invalid(issues)) => Ok(RegisterAnswer::Refused { issues }),
        Err(other) => Err(other.into()),
    }
}

/// Connects a merchant that already exists at Billpocket (its token is validated first); what
/// the cache knows of it is kept.
#[tauri::command]
#[specta::specta]
pub async fn connect_merchant(
    state: State<'_, AppState>,
    request: ConnectRequest,
) -> CommandResult<ConnectOutcome> {
    let (profile, access) = state.billpocket_integrator().await?;
    let cx = context(&state, &access, &profile);
    Ok(merchants::connect(&cx, request, unix_now()).await?)
}

/// Adds or replaces the CLABE where the merchant's sales are deposited.
#[tauri::command]
#[specta::specta]
pub async fn set_merchant_clabe(
    state: State<'_, AppState>,
    merchant_id: String,
    clabe: String,
) -> CommandResult<Merchant> {
    let (profile, access) = state.billpocket(&merchant_id).await?;
    let cx = context(&state, &access, &profile);
    Ok(merchants::set_clabe(&cx, &merchant_id, &clabe, unix_now()).await?)
}

/// The active profile's drafts of a form, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_drafts(state: State<'_, AppState>, kind: String) -> CommandResult<Vec<Draft>> {
    let profile = state.active_profile().await?;
    state
        .with_store(move |store| drafts::list_drafts(store, &profile.id, &kind))
        .await
}

/// Saves a form as typed (`body` is its JSON; any password in it is dropped). A new draft when
/// `id` is empty.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(
    state: State<'_, AppState>,
    id: Option<String>,
    kind: String,
    title: String,
    body: String,
) -> CommandResult<Draft> {
    let profile = state.active_profile().await?;
    let body: serde_json::Value = serde_json::from_str(&body)
        .map_err(|error| AppError::new(ErrorCode::DraftBody, error.to_string()))?;
    let now = unix_now();
    state
        .with_store(move |store| {
            drafts::save_draft(store, &profile.id, id, &kind, &title, body, now)
        })
        .await
}

/// Discards the active profile's drafts of a form last saved more than `older_than_days` ago;
/// returns how many.
#[tauri::command]
#[specta::specta]
pub async fn discard_old_drafts(
    state: State<'_, AppState>,
    kind: String,
    older_than_days: u32,
) -> CommandResult<u32> {
    let profile = state.active_profile().await?;
    let before = unix_now() - i64::from(older_than_days) * 86_400;
    state
        .with_store(move |store| {
            drafts::discard_drafts_saved_before(store, &profile.id, &kind, before)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn discard_draft(state: State<'_, AppState>, id: String) -> CommandResult<bool> {
    state
        .with_store(move |store| drafts::discard_draft(store, &id))
        .await
}
