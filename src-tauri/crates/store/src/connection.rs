//! Opening a database file with the pragmas every connection needs.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::Result;
use crate::migrations;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Page cache of the writer, in KiB (SQLite reads a negative `cache_size` as KiB): a sync
/// transaction touches pages of every index, and the default 2 MB cache spills them to the WAL
/// over and over.
pub(crate) const WRITER_CACHE_KIB: i64 = 32_768;
/// Page cache of the reader. Its pages are in the OS's file cache anyway: paging through
/// 100,000 links took 0.12 ms a page with 2, 8 or 32 MB, and searches the same, but 32 MB
/// kept 21 MB resident in the app after one pass (docs/BENCHMARKS.md, 2026-12-03 footprint).
pub(crate) const READER_CACHE_KIB: i64 = 8_192;
const WAL_SIZE_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

/// Opens the file with a page cache of `cache_kib` and refuses a newer schema before any write
/// (WAL switch included), so a file from a newer build is never modified.
pub(crate) fn open(path: &Path, cache_kib: i64) -> Result<Connection> {
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
    // Statement journals stay in memory too.
    conn.pragma_update(None, "cache_size", -cache_kib)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // Checkpoints reuse the WAL; without a limit it keeps the size of the largest sync.
    conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT_BYTES)?;
    // `rarray(?)`: a search joins its text matches, fetched once, as an array parameter.
    rusqlite::vtab::array::load_module(&conn)?;
    Ok(conn)
}
