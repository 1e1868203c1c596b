//! Mostrador's local database: a cache of provider data, the outbox of writes to providers,
//! form drafts and sync metadata, in one SQLite file. GUI-free and synchronous: the app calls
//! it from blocking tasks.
//!
//! Open with [`Store::open`]; read with the `Store` methods; write through [`Store::write`],
//! which runs a closure over a [`Writer`] inside one transaction.

mod catalogues;
mod connection;
mod customer_notes;
mod customers;
mod drafts;
mod error;
mod links;
mod merchants;
mod migrations;
mod outbox;
mod profiles;
mod search;
mod sync_state;
mod text_enum;
mod undostres_accounts;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use catalogues::Catalogue;
pub use customer_notes::{JournalEntry, JournalKind};
pub use customers::{
    Customer, CustomerKind, CustomerQuery, CustomerSort, KycSource, KycStatus, KycTransition,
    Provider,
};
pub use drafts::{Draft, DraftInput};
pub use error::{Result, StoreError};
pub use links::{Link, LinkQuery, LinkSort, LinkStatus};
pub use merchants::Merchant;
pub use migrations::LATEST_VERSION;
pub use outbox::{NewOutboxEntry, OutboxEntry, OutboxState, Outcome};
pub use profiles::{Environment, Profile};
pub use search::{Cursor, Page};
pub use sync_state::SyncState;
pub use undostres_accounts::{
    ParentBalanceRead, UndostresAccount, UndostresAccountView, UndostresSecrets,
};

/// Seconds since the Unix epoch, UTC. Callers pass the clock so tests are deterministic.
pub type UnixSeconds = i64;

/// The database file name inside the directory the app gives (its OS app-data dir).
pub const DB_FILE_NAME: &str = "mostrador.sqlite3";

/// One writer and one reader connection: WAL lets lists render while a sync writes.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
}

/// The write side of one transaction; see [`Store::write`].
pub struct Writer<'a> {
    tx: Transaction<'a>,
}

impl Store {
    /// Opens (creating if needed) `dir/mostrador.sqlite3` and migrates it to the latest schema.
    /// A database from a newer build is refused with [`StoreError::NewerSchema`] and not modified.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(DB_FILE_NAME);
        let mut writer = connection::open(&path)?;
        migrations::migrate_to(&mut writer, LATEST_VERSION)?;
        analyze_unanalysed_indexes(&writer)?;
        let reader = connection::open(&path)?;
        tracing::debug!(path = %path.display(), "store opened");
        Ok(Self {
            path,
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::schema_version(&self.read_conn())
    }

    /// Runs `f` in one immediate transaction: everything it writes commits together, or
    /// nothing does when it returns an error. The search index is complete at commit.
    pub fn write<T>(&self, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut writer = Writer { tx };
        let value = f(&mut writer)?;
        writer.reindex_changed_links()?;
        writer.reindex_changed_customers()?;
        writer.tx.commit()?;
        Ok(value)
    }

    /// Refreshes the planner's statistics where they are missing or stale (`PRAGMA optimize`,
    /// a full ANALYZE the first time) and merges each search index into one segment. Without
    /// statistics SQLite may pick the amount index for a wide amount range and sort 200,000
    /// rows instead of walking the date index; with many segments every searched word is looked
    /// up in each (a two-word search on 1,000,000 links: 2.4 ms merged in 0.9 ms). About 5 s
    /// for 1,000,000 links, blocking other writes: call after a large sync, off the UI thread.
    ///
    /// The reader connection is opened again afterwards: the bench saw the old one keep a plan
    /// from before the statistics (the amount index and a sort instead of the date order: 1.1 s
    /// a page, 0.5 ms on a new connection).
    pub fn optimize(&self) -> Result<()> {
        lock(&self.writer).execute_batch(
            "PRAGMA optimize = 0x10002;
             INSERT INTO links_fts (links_fts) VALUES ('optimize');
             INSERT INTO customers_fts (customers_fts) VALUES ('optimize');",
        )?;
        let reader = connection::open(&self.path)?;
        let mut current = lock(&self.reader);
        *current = reader;
        Ok(())
    }

    /// Runs `PRAGMA integrity_check` and returns its report (`["ok"]` when healthy).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn read_conn(&self) -> MutexGuard<'_, Connection> {
        lock(&self.reader)
    }
}

impl Writer<'_> {
    /// Whether `text` is well-formed JSON, by SQLite's own `json_valid` (the one the schema's
    /// CHECK constraints use), so a typed error can be given before the constraint fires.
    fn is_json(&self, text: &str) -> Result<bool> {
        Ok(self
            .tx
            .query_row("SELECT json_valid(?1)", [text], |r| r.get(0))?)
    }
}

/// A panic while holding a connection leaves no open transaction behind (rusqlite rolls
/// back on drop), so a poisoned lock is still safe to use.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// In a database that has statistics, analyses the indexes that have none: those a migration
/// created. SQLite takes an index without statistics for a selective one, so after migration
/// 0015 rebuilt `links_by_merchant` a LIKE scan read that index instead of the date order and
/// a filtered page took a second. Analysing one index reads it once (0.2 s for 1,000,000
/// links). A database never optimised keeps having none (`Store::optimize` decides when), and
/// a sampled ANALYZE (`analysis_limit`) was tried: it guessed 1,001 links per profile.
fn analyze_unanalysed_indexes(conn: &Connection) -> Result<()> {
    let analysed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')",
        [],
        |r| r.get(0),
    )?;
    if !analysed {
        return Ok(());
    }
    let unanalysed: Vec<String> = conn
        .prepare(
            "SELECT i.name FROM sqlite_master i JOIN sqlite_stat1 s ON s.tbl = i.tbl_name \
             WHERE i.type = 'index' AND i.name NOT IN \
                 (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL) \
             GROUP BY i.name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for index in unanalysed {
        tracing::info!(%index, "analysing an index without statistics");
        conn.execute_batch(&format!("ANALYZE \"{index}\""))?;
    }
    Ok(())
}

/// For migration tests: brings a fresh file in `dir` to an older schema version.
#[cfg(feature = "test-util")]
pub fn create_at_version(dir: &Path, version: i64) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut conn = connection::open(&dir.join(DB_FILE_NAME))?;
    migrations::migrate_to(&mut conn, version)
}
