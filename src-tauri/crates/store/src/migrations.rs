//! Forward-only schema migrations embedded in the binary. The version lives in
//! `PRAGMA user_version`; migration `n` (1-based) moves the schema from `n - 1` to `n`.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Result, StoreError};

/// Never edit or reorder a released migration: add a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_cache.sql"),
    include_str!("../migrations/0002_outbox_drafts_sync.sql"),
    include_str!("../migrations/0003_search.sql"),
    include_str!("../migrations/0004_link_type_outbox_requeue.sql"),
    include_str!("../migrations/0005_form_drafts_merchant_registration.sql"),
    include_str!("../migrations/0006_links_fts_deferred_updates.sql"),
    include_str!("../migrations/0007_customers_fts_deferred_updates.sql"),
    include_str!("../migrations/0008_kyc_history_source.sql"),
    include_str!("../migrations/0009_undostres_accounts_installation.sql"),
    include_str!("../migrations/0010_outbox_not_applied.sql"),
    include_str!("../migrations/0011_undostres_account_secrets.sql"),
    include_str!("../migrations/0012_customer_tags_notes.sql"),
    include_str!("../migrations/0013_kyc_tracking.sql"),
    include_str!("../migrations/0014_customer_journal_links_documents.sql"),
    include_str!("../migrations/0015_list_indexes.sql"),
    include_str!("../migrations/0016_merchant_search_term_link_counts.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Fails before writing anything when the file comes from a newer build.
pub(crate) fn refuse_newer(conn: &Connection) -> Result<i64> {
    let found = schema_version(conn)?;
    if found > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            known: LATEST_VERSION,
        });
    }
    Ok(found)
}

/// Applies the missing migrations up to `target`, each in its own transaction together with
/// its version bump, so a crash leaves the file at some exact version.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let target = target.clamp(0, LATEST_VERSION);
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let current = refuse_newer(&tx)?;
        if current >= target {
            return Ok(());
        }
        let index = usize::try_from(current).map_err(|_| StoreError::Corrupt)?;
        tx.execute_batch(MIGRATIONS[index])?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
        tracing::info!(version = current + 1, "applied schema migration");
    }
}
