//! What the app keeps for the lifetime of the window: resolved directories and the services the
//! commands adapt. Built once in `setup`, managed by Tauri (which wraps it in an `Arc`).

use mostrador_codes::ErrorCode;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use mostrador_providers::HttpConfig;
use mostrador_service::billpocket_access::{BillpocketAccess, integrator_access, merchant_access};
use mostrador_service::links::writes::recover_interrupted;
use mostrador_service::preferences::PreferencesFile;
use mostrador_service::profiles::{ActiveProfile, ensure_sandbox_profile};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::{Store, UnixSeconds};
use mostrador_vault::{Vault, VaultError};
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{AppError, CommandResult};

/// Why the app could not start, if it could not; always managed, so the UI can ask.
pub struct Startup(pub Option<AppError>);

pub struct AppState {
    pub data_dir: PathBuf,
    pub preferences: PreferencesFile,
    pub store: Arc<Store>,
    pub sandbox: Arc<EmbeddedSandbox>,
    /// The OS keyring, or why there is none: the app still opens (the Sandbox needs no secret)
    /// and every credential action explains how to fix it.
    vault: Result<Arc<Vault>, AppError>,
}

impl AppState {
    /// Resolves the OS directories (`~/.local/share/mx.mostrador.app` and
    /// `~/.config/mx.mostrador.app` on Linux) and creates the data directory.
    pub fn resolve<R: Runtime>(app: &AppHandle<R>) -> Result<Self, AppError> {
        let paths = app.path();
        let data_dir = paths
            .app_data_dir()
            .map_err(|error| AppError::new(ErrorCode::AppDataDir, error.to_string()))?;
        let config_dir = paths
            .app_config_dir()
            .map_err(|error| AppError::new(ErrorCode::AppDataDir, error.to_string()))?;
        std::fs::create_dir_all(&data_dir).map_err(|error| {
            AppError::new(
                ErrorCode::AppDataDir,
                format!("cannot create {}: {error}", data_dir.display()),
            )
        })?;
        let store = Store::open(&data_dir)?;
        ensure_sandbox_profile(&store, unix_now())?;
        let sandbox = tauri::async_runtime::block_on(EmbeddedSandbox::start(&data_dir))?;
        let now = unix_now();
        sandbox.cache_merchants(&store, now)?;
        let interrupted = recover_interrupted(&store, now)?;
        if interrupted > 0 {
            tracing::warn!(
                interrupted,
                "writes cut off by the last exit will be checked at sync"
            );
        }
        let vault = Vault::open_os_keyring()
            .map(Arc::new)
            .map_err(|error: VaultError| {
                tracing::warn!(%error, "no OS keyring: credentials cannot be stored");
                AppError::from(error)
            });
        Ok(Self {
            data_dir,
            preferences: PreferencesFile::in_dir(&config_dir),
            store: Arc::new(store),
            sandbox: Arc::new(sandbox),
            vault,
        })
    }

    /// Runs store and keyring work together on the blocking pool (D-Bus and SQLite both block).
    pub async fn with_vault<T: Send + 'static, E: Into<AppError> + Send + 'static>(
        &self,
        work: impl FnOnce(&Store, &Vault) -> Result<T, E> + Send + 'static,
    ) -> CommandResult<T> {
        let vault = self.vault.clone()?;
        let store = Arc::clone(&self.store);
        blocking(move || work(&store, &vault)).await
    }

    /// Runs store work on the blocking pool: SQLite never runs on the async runtime's threads.
    pub async fn with_store<T: Send + 'static, E: Into<AppError> + Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> CommandResult<T> {
        let store = Arc::clone(&self.store);
        blocking(move || work(&store)).await
    }

    /// The Billpocket client and credentials of a merchant in the active profile.
    pub async fn billpocket(
        &self,
        merchant_id: &str,
    ) -> CommandResult<(ActiveProfile, BillpocketAccess)> {
        self.access(Some(merchant_id.to_owned())).await
    }

    /// The integrator's Billpocket access in the active profile (registering, connecting,
    /// catalogues).
    pub async fn billpocket_integrator(&self) -> CommandResult<(ActiveProfile, BillpocketAccess)> {
        self.access(None).await
    }

    async fn access(
        &self,
        merchant_id: Option<String>,
    ) -> CommandResult<(ActiveProfile, BillpocketAccess)> {
        let profile = self.active_profile().await?;
        let store = Arc::clone(&self.store);
        let vault = self.vault.clone();
        let sandbox = Arc::clone(&self.sandbox);
        let profile_id = profile.id.clone();
        let access = blocking(move || {
            let vault = vault.as_deref().map_err(|error| error.message.as_str());
            let config = HttpConfig::default();
            match merchant_id {
                Some(id) => merchant_access(&store, vault, &sandbox, &profile_id, &id, config),
                None => integrator_access(&store, vault, &sandbox, &profile_id, config),
            }
        })
        .await?;
        Ok((profile, access))
    }

    /// The OS keyring, if there is one.
    pub fn vault(&self) -> Option<Arc<Vault>> {
        self.vault.as_ref().ok().cloned()
    }

    pub async fn active_profile(&self) -> CommandResult<ActiveProfile> {
        let chosen = self.preferences.load().active_profile_id;
        self.with_store(move |store| {
            mostrador_service::profiles::active_profile(store, chosen.as_deref())
        })
        .await
    }
}

/// Runs blocking work off the async threads and turns both its error and a lost task into
/// `AppError`s.
pub(crate) async fn blocking<T: Send + 'static, E: Into<AppError> + Send + 'static>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|error| AppError::new(ErrorCode::AppTask, error.to_string()))?
        .map_err(Into::into)
}

pub fn unix_now() -> UnixSeconds {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}
