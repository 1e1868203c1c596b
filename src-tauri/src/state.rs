//! What the app keeps for the lifetime of the window: resolved directories and the services the
//! commands adapt. Built once in `setup`, managed by Tauri (which wraps it in an `Arc`).

use std::path::PathBuf;

use mostrador_service::preferences::PreferencesFile;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::AppError;

pub struct AppState {
    pub data_dir: PathBuf,
    pub preferences: PreferencesFile,
}

impl AppState {
    /// Resolves the OS directories (`~/.local/share/mx.mostrador.app` and
    /// `~/.config/mx.mostrador.app` on Linux) and creates the data directory.
    pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> Result<Self, AppError> {
        let paths = app.path();
        let data_dir = paths
            .app_data_dir()
            .map_err(|error| AppError::new("app.data_dir", error.to_string()))?;
        let config_dir = paths
            .app_config_dir()
            .map_err(|error| AppError::new("app.data_dir", error.to_string()))?;
        std::fs::create_dir_all(&data_dir).map_err(|error| {
            AppError::new(
                "app.data_dir",
                format!("cannot create {}: {error}", data_dir.display()),
            )
        })?;
        Ok(Self {
            data_dir,
            preferences: PreferencesFile::in_dir(&config_dir),
        })
    }
}
