use mostrador_service::app::App;
use mostrador_service::profiles::ActiveProfile;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, CommandResult};
use crate::state::Startup;

/// What the shell shows about the running app (About dialog, support details).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub platform: String,
    pub active_profile: ActiveProfile,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(app: State<'_, App>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: app.data_dir().display().to_string(),
        platform: std::env::consts::OS.to_owned(),
        active_profile: app.active_profile().await?,
    })
}

/// `None` when the app started; otherwise why not. The UI calls this before anything else.
#[tauri::command]
#[specta::specta]
pub async fn startup_status(startup: State<'_, Startup>) -> CommandResult<Option<AppError>> {
    tracing::info!("startup: first command");
    Ok(startup.0.clone())
}
