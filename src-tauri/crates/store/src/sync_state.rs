//! How fresh each cached resource is, so every list can say how old it is.

use mostrador_codes::ErrorCode;
use rusqlite::params;
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
