//! Unsent form contents, so a half-filled form survives a restart. One draft per profile and
//! form kind. Forms that take secrets must not be drafted.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// e.g. "link", "merchant", "customer".
    pub kind: String,
    /// The form's JSON.
    pub body: String,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

impl Writer<'_> {
    /// Saves or replaces the draft; `body` must be JSON (`store.conflict` otherwise).
    pub fn save_draft(
        &mut self,
        profile_id: &str,
        kind: &str,
        body: &str,
        now: UnixSeconds,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO drafts (profile_id, kind, body, updated_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (profile_id, kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![profile_id, kind, body, now],
        )?;
        Ok(())
    }

    /// Returns whether there was a draft.
    pub fn discard_draft(&mut self, profile_id: &str, kind: &str) -> Result<bool> {
        Ok(self.tx.execute(
            "DELETE FROM drafts WHERE profile_id = ?1 AND kind = ?2",
            params![profile_id, kind],
        )? > 0)
    }
}

impl Store {
    pub fn draft(&self, profile_id: &str, kind: &str) -> Result<Option<Draft>> {
        let conn = self.read_conn();
        Ok(conn
            .query_row(
                "SELECT kind, body, updated_at FROM drafts WHERE profile_id = ?1 AND kind = ?2",
                params![profile_id, kind],
                |r| {
                    Ok(Draft {
                        kind: r.get(0)?,
                        body: r.get(1)?,
                        updated_at: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }
}
