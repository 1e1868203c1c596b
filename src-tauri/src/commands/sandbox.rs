use mostrador_providers::undostres::types::{STATUS_ACTIVE, STATUS_SUSPENDED};
use mostrador_sandbox::FaultPlan;
use mostrador_service::sandbox_host::SandboxStatus;
use tauri::State;

use crate::error::{AppError, CommandResult};
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

/// Puts an account of the UnDosTres double at a KYC level (1–3), active or suspended: the
/// double's stand-in for UnDosTres' undocumented upgrade path.
#[tauri::command]
#[specta::specta]
pub async fn sandbox_set_undostres_account(
    state: State<'_, AppState>,
    customer_id: u32,
    level: u8,
    suspended: bool,
) -> CommandResult<()> {
    let status = if suspended {
        STATUS_SUSPENDED
    } else {
        STATUS_ACTIVE
    };
    if state
        .sandbox
        .set_undostres_account(i64::from(customer_id), Some(level), Some(status))?
    {
        Ok(())
    } else {
        Err(AppError::on_field(
            "sandbox.no_account",
            "customerId",
            format!("the UnDosTres double has no account {customer_id}"),
        ))
    }
}
