//! The outbox: every write to a provider is recorded before it is sent, with an idempotency
//! key, and moved through its states. The legal state changes are enforced by a trigger in
//! the schema (the single list of them); here they surface as `store.illegal_transition`.

use mostrador_codes::ErrorCode;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::{Result, StoreError, stored_code};
use crate::text_enum::text_enum;
use crate::{Store, UnixSeconds, Writer};

text_enum! {
    /// `pending` → `sent` → `done` | `failed` | `uncertain` | `not_applied`; `uncertain` is
    /// reconciled against the provider into `done`, `failed`, `not_applied`, or back to `pending`
    /// when the write is absent. `sent` → `pending` only when the request provably never left
    /// (connection refused). `not_applied`: the provider answered without making the change; the
    /// user sends it again or discards it.
    pub enum OutboxState {
        Pending = "pending",
        Sent = "sent",
        Uncertain = "uncertain",
        NotApplied = "not_applied",
        Done = "done",
        Failed = "failed",
    }
}

/// A write about to be attempted. `intent` is JSON without secrets (the vault supplies
/// credentials at send time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutboxEntry<'a> {
    pub profile_id: &'a str,
    pub idempotency_key: &'a str,
    /// e.g. "billpocket.create_link".
    pub kind: &'a str,
    pub intent: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEntry {
    #[specta(type = specta_typescript::Number)]
    pub seq: i64,
    pub profile_id: String,
    pub idempotency_key: String,
    pub kind: String,
    pub intent: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub last_error_code: Option<ErrorCode>,
    /// The provider id of what the write created, once known.
    pub result_ref: Option<String>,
    /// In `not_applied`: the fields whose answered value differs from what was asked.
    pub differences: Vec<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

/// What a state change records besides the state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome<'a> {
    pub error_code: Option<ErrorCode>,
    pub result_ref: Option<&'a str>,
    /// Recorded with the new state (cleared when empty).
    pub differences: &'a [String],
}

const COLUMNS: &str = "seq, profile_id, idempotency_key, kind, intent, state, attempts, last_error_code, \
                       result_ref, created_at, updated_at, differences";

/// The message the schema's trigger aborts with.
const ILLEGAL_TRANSITION: &str = "outbox.illegal_transition";

fn from_row(row: &Row<'_>) -> rusqlite::Result<OutboxEntry> {
    Ok(OutboxEntry {
        seq: row.get(0)?,
        profile_id: row.get(1)?,
        idempotency_key: row.get(2)?,
        kind: row.get(3)?,
        intent: row.get(4)?,
        state: row.get(5)?,
        attempts: row.get(6)?,
        last_error_code: stored_code(row, 7)?,
        result_ref: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        differences: row
            .get::<_, Option<String>>(11)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default(),
    })
}

impl Writer<'_> {
    /// Records a pending write and returns its sequence number. A reused idempotency key is
    /// a `store.conflict`; intent that is not JSON is `store.conflict` too (CHECK constraint).
    pub fn enqueue(&mut self, entry: &NewOutboxEntry<'_>, now: UnixSeconds) -> Result<i64> {
        let seq = self.tx.query_row(
            "INSERT INTO outbox (profile_id, idempotency_key, kind, intent, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING seq",
            params![entry.profile_id, entry.idempotency_key, entry.kind, entry.intent, now],
            |r| r.get(0),
        )?;
        tracing::debug!(seq, kind = entry.kind, "outbox entry enqueued");
        Ok(seq)
    }

    /// Moves entry `seq` from `from` to `to`. Fails with `store.illegal_transition` when the
    /// schema forbids the change, `store.conflict` when the entry is no longer in `from`
    /// (someone else moved it), `store.not_found` when it does not exist. Entering `sent`
    /// counts an attempt.
    pub fn transition_outbox(
        &mut self,
        seq: i64,
        from: OutboxState,
        to: OutboxState,
        outcome: Outcome<'_>,
        now: UnixSeconds,
    ) -> Result<()> {
        let differences = (!outcome.differences.is_empty())
            .then(|| serde_json::to_string(outcome.differences))
            .transpose()
            .map_err(|e| StoreError::Conflict(e.to_string()))?;
        let changed = self
            .tx
            .execute(
                "UPDATE outbox SET state = ?3, attempts = attempts + (?3 = 'sent'), \
                     last_error_code = coalesce(?4, last_error_code), \
                     result_ref = coalesce(?5, result_ref), updated_at = ?6, differences = ?7 \
                 WHERE seq = ?1 AND state = ?2",
                params![
                    seq,
                    from,
                    to,
                    outcome.error_code.map(ErrorCode::as_str),
                    outcome.result_ref,
                    now,
                    differences
                ],
            )
            .map_err(|err| match err {
                rusqlite::Error::SqliteFailure(_, Some(ref message))
                    if message == ILLEGAL_TRANSITION =>
                {
                    StoreError::IllegalTransition {
                        from: from.as_str(),
                        to: to.as_str(),
                    }
                }
                other => other.into(),
            })?;
        if changed == 0 {
            let current: Option<OutboxState> = self
                .tx
                .query_row("SELECT state FROM outbox WHERE seq = ?1", [seq], |r| {
                    r.get(0)
                })
                .optional()?;
            return Err(match current {
                None => StoreError::NotFound("outbox entry"),
                Some(state) => {
                    StoreError::Conflict(format!("outbox entry {seq} is {state}, not {from}"))
                }
            });
        }
        tracing::debug!(
            seq,
            %from,
            %to,
            error_code = outcome.error_code.map(ErrorCode::as_str),
            "outbox transition"
        );
        Ok(())
    }
}

impl Store {
    pub fn outbox_entry(&self, seq: i64) -> Result<OutboxEntry> {
        let conn = self.read_conn();
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM outbox WHERE seq = ?1"),
            [seq],
            from_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound("outbox entry"))
    }

    /// Entries not yet closed (pending, sent, uncertain or not applied), oldest first.
    pub fn open_outbox(&self, profile_id: &str) -> Result<Vec<OutboxEntry>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM outbox WHERE profile_id = ?1 \
             AND state IN ('pending', 'sent', 'uncertain', 'not_applied') ORDER BY seq"
        ))?;
        let rows = stmt.query_map([profile_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn outbox_by_key(&self, idempotency_key: &str) -> Result<Option<OutboxEntry>> {
        let conn = self.read_conn();
        Ok(conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM outbox WHERE idempotency_key = ?1"),
                [idempotency_key],
                from_row,
            )
            .optional()?)
    }
}
