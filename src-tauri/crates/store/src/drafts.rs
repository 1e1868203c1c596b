//! Unsent form contents, so a half-filled form survives a restart. A profile may keep several
//! drafts of the same form (e.g. merchant registrations in progress), each under its own id.
//! Forms that take secrets must not be drafted with them: callers strip passwords first.

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub id: String,
    /// e.g. "link", "merchant", "customer".
    pub kind: String,
    /// What a list of drafts shows (e.g. the business name typed so far); may be empty.
    pub title: String,
    /// The form's JSON.
    pub body: String,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

/// A draft to save: created when `id` is new, replaced when it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftInput<'a> {
    pub id: &'a str,
    pub profile_id: &'a str,
    pub kind: &'a str,
    pub title: &'a str,
    /// Must be JSON text.
    pub body: &'a str,
}

impl Writer<'_> {
    /// Saves a new draft or replaces the one with the same id, keeping its `created_at`.
    /// A body that is not JSON is refused with [`StoreError::Invalid`] (`store.invalid`); an id
    /// already used by another profile or form kind with [`StoreError::Conflict`].
    pub fn save_draft(&mut self, draft: &DraftInput<'_>, now: UnixSeconds) -> Result<()> {
        if draft.id.is_empty() {
            return Err(StoreError::Invalid("draft id is empty"));
        }
        if !self.is_json(draft.body)? {
            return Err(StoreError::Invalid("draft body is not JSON"));
        }
        let changed = self.tx.execute(
            "INSERT INTO form_drafts (id, profile_id, kind, title, body, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) \
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, \
                 updated_at = excluded.updated_at \
             WHERE form_drafts.profile_id = excluded.profile_id AND form_drafts.kind = excluded.kind",
            params![
                draft.id,
                draft.profile_id,
                draft.kind,
                draft.title,
                draft.body,
                now
            ],
        )?;
        match changed {
            0 => Err(StoreError::Conflict(format!(
                "draft {} belongs to another profile or form",
                draft.id
            ))),
            _ => Ok(()),
        }
    }

    /// Deletes the profile's drafts of one form last saved before `before`; returns how many.
    pub fn discard_drafts_saved_before(
        &mut self,
        profile_id: &str,
        kind: &str,
        before: UnixSeconds,
    ) -> Result<usize> {
        Ok(self.tx.execute(
            "DELETE FROM form_drafts WHERE profile_id = ?1 AND kind = ?2 AND updated_at < ?3",
            params![profile_id, kind, before],
        )?)
    }

    /// Returns whether there was a draft with this id.
    pub fn discard_draft(&mut self, id: &str) -> Result<bool> {
        Ok(self
            .tx
            .execute("DELETE FROM form_drafts WHERE id = ?1", [id])?
            > 0)
    }
}

const COLUMNS: &str = "id, kind, title, body, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: r.get(0)?,
        kind: r.get(1)?,
        title: r.get(2)?,
        body: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

impl Store {
    pub fn draft(&self, id: &str) -> Result<Option<Draft>> {
        let conn = self.read_conn();
        Ok(conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM form_drafts WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?)
    }

    /// The profile's drafts of one form, most recently saved first.
    pub fn drafts(&self, profile_id: &str, kind: &str) -> Result<Vec<Draft>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM form_drafts WHERE profile_id = ?1 AND kind = ?2 \
             ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map(params![profile_id, kind], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
