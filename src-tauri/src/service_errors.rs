//! The service's errors as command errors: its own few codes here, every wrapped crate or
//! module error through that error's conversion in `error.rs`.

use mostrador_service::app::ServiceError;

use crate::error::AppError;

impl From<ServiceError> for AppError {
    fn from(error: ServiceError) -> Self {
        let message = error.to_string();
        match error {
            ServiceError::DataDir { .. } => Self::new("app.data_dir", message),
            ServiceError::Task(_) => Self::new("app.task", message),
            ServiceError::NoSuchWrite(_) => Self::new("outbox.not_found", message),
            ServiceError::NoSandboxAccount(_) => {
                Self::on_field("sandbox.no_account", "customerId", message)
            }
            ServiceError::NoKeyring(error) => Self::new(error.code(), message),
            ServiceError::Store(error) => error.into(),
            ServiceError::Vault(error) => error.into(),
            ServiceError::Sandbox(error) => error.into(),
            ServiceError::Access(error) => error.into(),
            ServiceError::Form(error) => error.into(),
            ServiceError::Write(error) => error.into(),
            ServiceError::Share(error) => error.into(),
            ServiceError::Merchant(error) => error.into(),
            ServiceError::Catalogue(error) => error.into(),
            ServiceError::Draft(error) => error.into(),
            ServiceError::Profile(error) => error.into(),
            ServiceError::Credential(error) => error.into(),
            ServiceError::Preferences(error) => error.into(),
            ServiceError::Undostres(error) => error.into(),
            ServiceError::Customer(error) => error.into(),
        }
    }
}

/// A blocking task of the shell's own (clipboard, opener, files) that panicked or was cancelled.
impl From<tokio::task::JoinError> for AppError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::new("app.task", error.to_string())
    }
}
