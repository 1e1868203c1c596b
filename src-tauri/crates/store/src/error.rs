//! Typed store errors; `code()` is the stable string the UI translates.

use rusqlite::ErrorCode;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file was written by a newer Mostrador; it is left untouched.
    #[error(
        "the database has schema version {found}, newer than the {known} this version knows; update Mostrador"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("the database is busy; try again")]
    Busy,
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A uniqueness rule was violated or the row changed since it was read.
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("illegal outbox transition from {from} to {to}")]
    IllegalTransition {
        from: &'static str,
        to: &'static str,
    },
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    #[error("the database file is corrupt or not a Mostrador database")]
    Corrupt,
    #[error("database I/O error: {0}")]
    Io(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NewerSchema { .. } => "store.newer_schema",
            Self::Busy => "store.busy",
            Self::NotFound(_) => "store.not_found",
            Self::Conflict(_) => "store.conflict",
            Self::IllegalTransition { .. } => "store.illegal_transition",
            Self::Invalid(_) => "store.invalid",
            Self::Corrupt => "store.corrupt",
            Self::Io(_) => "store.io",
            Self::Sqlite(_) => "store.sqlite",
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(err: std::io::Error) -> Self {
        Self::Io(err.to_string())
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        let rusqlite::Error::SqliteFailure(failure, message) = &err else {
            return match err {
                rusqlite::Error::QueryReturnedNoRows => Self::NotFound("row"),
                other => Self::Sqlite(other),
            };
        };
        match failure.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Self::Busy,
            ErrorCode::ConstraintViolation => Self::Conflict(message.clone().unwrap_or_default()),
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => Self::Corrupt,
            ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied => Self::Io(err.to_string()),
            _ => Self::Sqlite(err),
        }
    }
}
