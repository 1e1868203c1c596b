use mostrador_service::app::App;
use mostrador_service::preferences::{Locale, Preferences};
use tauri::State;

use crate::error::CommandResult;

#[tauri::command]
#[specta::specta]
pub async fn get_preferences(app: State<'_, App>) -> CommandResult<Preferences> {
    Ok(app.preferences())
}

#[tauri::command]
#[specta::specta]
pub async fn set_locale(app: State<'_, App>, locale: Locale) -> CommandResult<Preferences> {
    Ok(app.set_locale(locale)?)
}
