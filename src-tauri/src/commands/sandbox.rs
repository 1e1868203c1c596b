use mostrador_sandbox::FaultPlan;
use mostrador_service::app::App;
use mostrador_service::sandbox_host::SandboxStatus;
use tauri::State;

use crate::error::CommandResult;

#[tauri::command]
#[specta::specta]
pub async fn sandbox_status(app: State<'_, App>) -> CommandResult<SandboxStatus> {
    Ok(app.sandbox_status())
}

/// Back to the seed data, with faults cleared.
#[tauri::command]
#[specta::specta]
pub async fn sandbox_reset(app: State<'_, App>) -> CommandResult<SandboxStatus> {
    Ok(app.sandbox_reset()?)
}

#[tauri::command]
#[specta::specta]
pub async fn sandbox_set_faults(
    app: State<'_, App>,
    plan: FaultPlan,
) -> CommandResult<SandboxStatus> {
    Ok(app.sandbox_set_faults(plan))
}
