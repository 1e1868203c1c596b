//! UnDosTres accounts: creation through the write engine (with retry and discard of the write),
//! the secrets the keyring refused stored again, and an account read again.

use mostrador_service::app::App;
use mostrador_service::undostres::form::AccountForm;
use mostrador_service::undostres::writes::{AccountAnswer, AccountWrite};
use mostrador_store::UndostresAccountView;
use tauri::State;

use crate::error::CommandResult;

/// Checks the form and creates the account under the UI's idempotency key (one per form
/// opening): refused with every field to fix, or submitted with where the write stands.
#[tauri::command]
#[specta::specta]
pub async fn create_undostres_account(
    app: State<'_, App>,
    idempotency_key: String,
    form: AccountForm,
) -> CommandResult<AccountAnswer> {
    Ok(app.create_undostres_account(&idempotency_key, form).await?)
}

/// Sends a queued creation again, or looks for one whose answer was lost.
#[tauri::command]
#[specta::specta]
pub async fn retry_undostres_write(app: State<'_, App>, seq: f64) -> CommandResult<AccountAnswer> {
    Ok(app.retry_undostres_write(seq).await?)
}

/// Gives up on a queued or uncertain creation.
#[tauri::command]
#[specta::specta]
pub async fn discard_undostres_write(app: State<'_, App>, seq: f64) -> CommandResult<()> {
    Ok(app.discard_undostres_write(seq).await?)
}

/// The creations still open, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn undostres_writes(app: State<'_, App>) -> CommandResult<Vec<AccountWrite>> {
    Ok(app.undostres_writes().await?)
}

/// Stores the secrets the keyring refused for a new account, while the app still holds them.
#[tauri::command]
#[specta::specta]
pub async fn store_undostres_secrets(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<UndostresAccountView> {
    Ok(app.store_undostres_secrets(customer_id).await?)
}

/// Reads an account's level, status and composite balance again.
#[tauri::command]
#[specta::specta]
pub async fn refresh_undostres_account(
    app: State<'_, App>,
    customer_id: String,
) -> CommandResult<UndostresAccountView> {
    Ok(app.refresh_undostres_account(customer_id).await?)
}
