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

/// Puts an account of the UnDosTres double at a KYC level (1–3), active or suspended: the
/// double's stand-in for UnDosTres' undocumented upgrade path.
#[tauri::command]
#[specta::specta]
pub async fn sandbox_set_undostres_account(
    app: State<'_, App>,
    customer_id: u32,
    level: u8,
    suspended: bool,
) -> CommandResult<()> {
    Ok(app.sandbox_set_undostres_account(customer_id, level, suspended)?)
}
