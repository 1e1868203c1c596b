use mostrador_sandbox::FaultPlan;
use mostrador_service::sandbox_host::SandboxStatus;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn sandbox_status(state: State<'_, AppState>) -> CommandResult<SandboxStatus> {
    Ok(state.sandbox.status())
}

/// Back to the seed data, with faults cleared.
#[tauri::command]
#[specta::specta]
pub async fn sandbox_reset(state: State<'_, AppState>) -> CommandResult<SandboxStatus> {
    Ok(state.sandbox.reset()?)
}

#[tauri::command]
#[specta::specta]
pub async fn sandbox_set_faults(
    state: State<'_, AppState>,
    plan: FaultPlan,
) -> CommandResult<SandboxStatus> {
    Ok(state.sandbox.set_faults(plan))
}
