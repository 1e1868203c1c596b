//! Typed store errors, each with its stable code (see [`Coded`]).

use mostrador_codes::{Coded, ErrorCode};

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

impl Coded for StoreError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NewerSchema { .. } => ErrorCode::StoreNewerSchema,
            Self::Busy => ErrorCode::StoreBusy,
            Self::NotFound(_) => ErrorCode::StoreNotFound,
            Self::Conflict(_) => ErrorCode::StoreConflict,
            Self::IllegalTransition { .. } => ErrorCode::StoreIllegalTransition,
            Self::Invalid(_) => ErrorCode::StoreInvalid,
            Self::Corrupt => ErrorCode::StoreCorrupt,
            Self::Io(_) => ErrorCode::StoreIo,
            Self::Sqlite(_) => ErrorCode::StoreSqlite,
        }
    }
}

/// A code column read back: a code the list no longer has (a row older than a rename) reads as
/// `unknown`, whose message is the generic one.
pub(crate) fn stored_code(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<ErrorCode>> {
    let text: Option<String> = row.get(index)?;
    Ok(text.map(|text| ErrorCode::parse(&text).unwrap_or(ErrorCode::Unknown)))
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
        use rusqlite::ErrorCode as Sqlite;
        match failure.code {
            Sqlite::DatabaseBusy | Sqlite::DatabaseLocked => Self::Busy,
            Sqlite::ConstraintViolation => Self::Conflict(message.clone().unwrap_or_default()),
            Sqlite::NotADatabase | Sqlite::DatabaseCorrupt => Self::Corrupt,
            Sqlite::CannotOpen
            | Sqlite::SystemIoFailure
            | Sqlite::DiskFull
            | Sqlite::ReadOnly
            | Sqlite::PermissionDenied => Self::Io(err.to_string()),
            _ => Self::Sqlite(err),
        }
    }
}
