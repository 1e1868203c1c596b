//! What the app keeps for the lifetime of the window: the service's `App`, opened once in
//! `setup` from the OS directories, and why it could not open, if it could not.

use mostrador_codes::ErrorCode;
use std::time::Duration;

use mostrador_service::app::{App, AppDirs};
use mostrador_service::events::Events;
use tauri::{AppHandle, Manager, Runtime};

use crate::error::AppError;
use crate::events::WindowSink;
use crate::notifications::DesktopNotifier;

/// Why the app could not start, if it could not; always managed, so the UI can ask.
pub struct Startup(pub Option<AppError>);

/// Opens the app's state in the OS directories (`~/.local/share/mx.mostrador.app` and
/// `~/.config/mx.mostrador.app` on Linux), its events going to the window.
pub fn open<R: Runtime>(handle: &AppHandle<R>) -> Result<App, AppError> {
    let paths = handle.path();
    let dir_error = |error: tauri::Error| AppError::new(ErrorCode::AppDataDir, error.to_string());
    let dirs = AppDirs {
        data: paths.app_data_dir().map_err(dir_error)?,
        config: paths.app_config_dir().map_err(dir_error)?,
    };
    let events = Events::new(WindowSink(handle.clone()));
    let app = tauri::async_runtime::block_on(App::open(dirs, events))?;
    Ok(app.with_notifier(DesktopNotifier::new(handle.clone())))
}

/// How often the lists someone looks at are refreshed from the providers.
const REFRESH_EVERY: Duration = Duration::from_secs(5 * 60);
/// Test hook: the refresh period in seconds, so the end-to-end suite need not wait minutes.
const REFRESH_SECS_VAR: &str = "MOSTRADOR_REFRESH_SECS";

/// Runs the service's background refresh for as long as the app runs: the synced links, and at
/// the same pace the customer lists (so a customer created elsewhere is cached and tracked
/// without anyone opening Clientes y KYC) followed by the customers whose verification is not
/// settled (KYC tracking). Each finished sync and each observed KYC change reaches the window as
/// an event.
pub fn refresh_in_background<R: Runtime>(handle: AppHandle<R>) {
    let every = std::env::var(REFRESH_SECS_VAR)
        .ok()
        .and_then(|secs| secs.parse().ok())
        .map_or(REFRESH_EVERY, Duration::from_secs);
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            let app = handle.state::<App>();
            let customers = async {
                if let Err(error) = app.sync_customer_lists().await {
                    tracing::warn!(%error, "background customers sync failed");
                }
                app.track_customers().await
            };
            let (links, customers) = tokio::join!(app.refresh_synced_links(), customers);
            if let Err(error) = links {
                tracing::warn!(%error, "background refresh failed");
            }
            if let Err(error) = customers {
                tracing::warn!(%error, "background KYC tracking failed");
            }
        }
    });
}
