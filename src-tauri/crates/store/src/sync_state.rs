//! How fresh each cached resource is, so every list can say how old it is.

use mostrador_codes::ErrorCode;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::error::{Result, stored_code};
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncState {
    /// e.g. "links/<merchant id>", "customers/cryptopocket".
    pub resource: String,
    /// Last successful sync; `None` if it never succeeded.
    #[specta(type = Option<specta_typescript::Number>)]
    pub synced_at: Option<UnixSeconds>,
    #[specta(type = specta_typescript::Number)]
    pub attempted_at: UnixSeconds,
    /// Error code of the last attempt if it failed.
    pub last_error_code: Option<ErrorCode>,
}

impl Writer<'_> {
    /// Records a sync attempt: success when `error_code` is `None` (stamps `synced_at`),
    /// failure otherwise (keeps the previous `synced_at`).
    pub fn record_sync(
        &mut self,
        profile_id: &str,
        resource: &str,
        at: UnixSeconds,
        error_code: Option<ErrorCode>,
    ) -> Result<()> {
        let synced_at = error_code.is_none().then_some(at);
        self.tx.execute(
            "INSERT INTO sync_state (profile_id, resource, synced_at, attempted_at, last_error_code) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (profile_id, resource) DO UPDATE SET \
                 synced_at = coalesce(excluded.synced_at, synced_at), \
                 attempted_at = excluded.attempted_at, last_error_code = excluded.last_error_code",
            params![
                profile_id,
                resource,
                synced_at,
                at,
                error_code.map(ErrorCode::as_str)
            ],
        )?;
        Ok(())
    }

    /// Clears the failure recorded on `resource` when `stale` says another call that just
    /// succeeded disproves it (the provider answered), stamping the attempt at `at` and keeping
    /// `synced_at` (the list itself was not fetched). `true` when a failure was cleared.
    pub fn clear_sync_failure(
        &mut self,
        profile_id: &str,
        resource: &str,
        at: UnixSeconds,
        stale: impl Fn(ErrorCode) -> bool,
    ) -> Result<bool> {
        let recorded: Option<ErrorCode> = self
            .tx
            .query_row(
                "SELECT last_error_code FROM sync_state WHERE profile_id = ?1 AND resource = ?2",
                params![profile_id, resource],
                |r| stored_code(r, 0),
            )
            .optional()?
            .flatten();
        if !recorded.is_some_and(stale) {
            return Ok(false);
        }
        self.tx.execute(
            "UPDATE sync_state SET last_error_code = NULL, attempted_at = ?3 \
             WHERE profile_id = ?1 AND resource = ?2",
            params![profile_id, resource, at],
        )?;
        Ok(true)
    }
}

impl Store {
    pub fn sync_states(&self, profile_id: &str) -> Result<Vec<SyncState>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(
            "SELECT resource, synced_at, attempted_at, last_error_code FROM sync_state \
             WHERE profile_id = ?1 ORDER BY resource",
        )?;
        let rows = stmt.query_map([profile_id], |r| {
            Ok(SyncState {
                resource: r.get(0)?,
                synced_at: r.get(1)?,
                attempted_at: r.get(2)?,
                last_error_code: stored_code(r, 3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
