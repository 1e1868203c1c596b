//! The Perfiles screen: profiles and their credentials in the OS keyring.

use mostrador_service::app::App;
use mostrador_service::credentials::{CredentialSlot, SlotStatus};
use mostrador_service::profiles::{ActiveProfile, ProfileInput, ProfileSummary};
use mostrador_store::Profile;
use tauri::State;

use crate::error::CommandResult;

/// Every profile, for the Perfiles screen. Profiles hold no secrets.
#[tauri::command]
#[specta::specta]
pub async fn list_profiles(app: State<'_, App>) -> CommandResult<Vec<ProfileSummary>> {
    Ok(app.list_profiles().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_profile(app: State<'_, App>, input: ProfileInput) -> CommandResult<Profile> {
    Ok(app.create_profile(input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_profile(
    app: State<'_, App>,
    id: String,
    input: ProfileInput,
) -> CommandResult<Profile> {
    Ok(app.update_profile(id, input).await?)
}

/// Deletes a profile with its keyring entries; if it was active, Sandbox becomes active.
#[tauri::command]
#[specta::specta]
pub async fn delete_profile(app: State<'_, App>, id: String) -> CommandResult<()> {
    Ok(app.delete_profile(id).await?)
}

/// Makes a profile the active one; remembered across restarts.
#[tauri::command]
#[specta::specta]
pub async fn switch_profile(app: State<'_, App>, id: String) -> CommandResult<ActiveProfile> {
    Ok(app.switch_profile(id).await?)
}

/// Which credentials the profile has in the keyring (never their values).
#[tauri::command]
#[specta::specta]
pub async fn credential_slots(
    app: State<'_, App>,
    profile_id: String,
) -> CommandResult<Vec<SlotStatus>> {
    Ok(app.credential_slots(profile_id).await?)
}

/// Sets or replaces one credential of an existing profile.
#[tauri::command]
#[specta::specta]
pub async fn set_credential(
    app: State<'_, App>,
    profile_id: String,
    slot: CredentialSlot,
    value: String,
) -> CommandResult<Vec<SlotStatus>> {
    Ok(app.set_credential(profile_id, slot, value).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn clear_credential(
    app: State<'_, App>,
    profile_id: String,
    slot: CredentialSlot,
) -> CommandResult<Vec<SlotStatus>> {
    Ok(app.clear_credential(profile_id, slot).await?)
}
