use mostrador_core::{Country, CrossCheck, FieldContext, FieldKind, FieldReport, Issue};
use mostrador_service::validation::{self, IdTypeChoice};

use crate::error::CommandResult;

/// Per-field validation as the user types; the UI translates the issues' codes.
#[tauri::command]
#[specta::specta]
pub async fn validate_field(
    kind: FieldKind,
    value: String,
    context: FieldContext,
) -> CommandResult<FieldReport> {
    Ok(validation::validate_field(kind, &value, context))
}

/// Checks that span two fields (RFC against CURP, postal code against state).
#[tauri::command]
#[specta::specta]
pub async fn validate_cross(check: CrossCheck) -> CommandResult<Vec<Issue>> {
    Ok(validation::validate_cross(&check))
}

/// The identification types a country takes, for the customer form once the country is chosen.
#[tauri::command]
#[specta::specta]
pub async fn identification_types(country: Country) -> CommandResult<Vec<IdTypeChoice>> {
    Ok(validation::identification_types(country))
}
