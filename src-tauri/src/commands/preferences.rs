use mostrador_service::preferences::{Locale, Preferences};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_preferences(state: State<'_, AppState>) -> CommandResult<Preferences> {
    Ok(state.preferences.load())
}

#[tauri::command]
#[specta::specta]
pub async fn set_locale(state: State<'_, AppState>, locale: Locale) -> CommandResult<Preferences> {
    Ok(state.preferences.set_locale(locale)?)
}
