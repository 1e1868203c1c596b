use mostrador_store::Profile;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Every profile, for the Perfiles screen. Profiles hold no secrets.
#[tauri::command]
#[specta::specta]
pub async fn list_profiles(state: State<'_, AppState>) -> CommandResult<Vec<Profile>> {
    state.with_store(|store| store.profiles()).await
}
