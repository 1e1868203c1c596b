use mostrador_service::credentials::{self, CredentialSlot, SlotStatus};
use mostrador_service::profiles::{
    self, ActiveProfile, ProfileInput, ProfileSummary, SANDBOX_PROFILE_ID,
};
use mostrador_store::Profile;
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::state::{AppState, unix_now};

/// Every profile, for the Perfiles screen. Profiles hold no secrets.
#[tauri::command]
#[specta::specta]
pub async fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<ProfileSummary>> {
    state.with_store(profiles::list_profiles).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> CommandResult<Profile> {
    let now = unix_now();
    state
        .with_store(move |store| profiles::create_profile(store, input, now))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_profile(
    state: State<'_, AppState>,
    id: String,
    input: ProfileInput,
) -> CommandResult<Profile> {
    let now = unix_now();
    state
        .with_store(move |store| profiles::update_profile(store, &id, input, now))
        .await
}

/// Deletes a profile with its keyring entries; if it was active, Sandbox becomes active.
#[tauri::command]
#[specta::specta]
pub async fn delete_profile(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state
        .with_vault(move |store, vault| profiles::delete_profile(store, vault, &id))
        .await
}

/// Makes a profile the active one; remembered across restarts.
#[tauri::command]
#[specta::specta]
pub async fn switch_profile(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<ActiveProfile> {
    let chosen = id.clone();
    state
        .with_store(move |store| store.profile(&chosen).map(|_| ()))
        .await?;
    let active = (id != SANDBOX_PROFILE_ID).then_some(id);
    state.preferences.set_active_profile(active)?;
    state.active_profile().await
}

/// Which credentials the profile has in the keyring (never their values).
#[tauri::command]
#[specta::specta]
pub async fn credential_slots(
    state: State<'_, AppState>,
    profile_id: String,
) -> CommandResult<Vec<SlotStatus>> {
    state
        .with_vault(move |_, vault| credentials::slot_statuses(vault, &profile_id))
        .await
}

/// Sets or replaces one credential of an existing profile.
#[tauri::command]
#[specta::specta]
pub async fn set_credential(
    state: State<'_, AppState>,
    profile_id: String,
    slot: CredentialSlot,
    value: String,
) -> CommandResult<Vec<SlotStatus>> {
    state
        .with_vault(move |store, vault| {
            store.profile(&profile_id).map_err(AppError::from)?;
            credentials::set_credential(vault, &profile_id, slot, &value)?;
            credentials::slot_statuses(vault, &profile_id).map_err(AppError::from)
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn clear_credential(
    state: State<'_, AppState>,
    profile_id: String,
    slot: CredentialSlot,
) -> CommandResult<Vec<SlotStatus>> {
    state
        .with_vault(move |_, vault| {
            credentials::clear_credential(vault, &profile_id, slot)?;
            credentials::slot_statuses(vault, &profile_id)
        })
        .await
}
