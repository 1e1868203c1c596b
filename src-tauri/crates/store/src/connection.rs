//! Opening a database file with the pragmas every connection needs.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::Result;
use crate::migrations;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Negative: KiB rather than pages (32 MB per connection).
const CACHE_SIZE_KIB: i64 = -32_768;
const WAL_SIZE_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

/// Opens the file and refuses a newer schema before any write (WAL switch included), so a
/// file from a newer build is never modified.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    migrations::refuse_newer(&conn)?;
    // WAL lets the reader connection run beside a writer; NORMAL is durable against app
    // crashes (only an OS crash or power loss can drop the last transactions).
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(%mode, "the database did not switch to WAL");
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.set_prepared_statement_cache_capacity(64);
    // A sync transaction touches pages of every index; the default 2 MB cache spills them to
    // the WAL over and over. Statement journals stay in memory too.
    conn.pragma_update(None, "cache_size", CACHE_SIZE_KIB)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Checkpoints reuse the WAL; without a limit it keeps the size of the largest sync.
    conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT_BYTES)?;
    // `rarray(?)`: a search joins its text matches, fetched once, as an array parameter.
    rusqlite::vtab::array::load_module(&conn)?;
    Ok(conn)
}
