//! An uncertain write (sent, answer lost) is looked for at the provider before anything is sent
//! again: found → done with what the provider shows; absent → it did not happen, and it waits
//! for the user (queued again, or failed for writes that cannot wait); gone → what it changes no
//! longer exists.

use std::sync::Arc;

use mostrador_codes::ErrorCode;
use mostrador_store::{OutboxEntry, OutboxState, Store, UnixSeconds};

use super::engine::{EngineError, Settlement, intent_of, note, settle};
use super::outcome::WriteFailure;
use super::{NOT_APPLIED, Operation};

/// What looking for a write at the provider found.
#[derive(Debug)]
pub enum Lookup<A> {
    /// The write is there, as the provider shows it.
    Applied(A),
    /// Not there: it did not happen.
    Absent,
    /// What it changes no longer exists.
    Gone,
}

/// Looks for an uncertain entry at the provider and settles it; when the provider cannot be
/// asked, the entry stays uncertain (the next sync or retry asks again).
pub(super) async fn look<O: Operation>(
    store: &Arc<Store>,
    op: &O,
    entry: OutboxEntry,
    now: UnixSeconds,
) -> Result<OutboxEntry, EngineError<O::Error>> {
    if entry.state != OutboxState::Uncertain {
        return Ok(entry);
    }
    let intent = intent_of::<O>(&entry)?;
    match op.look_for(&intent).await {
        Ok(found) => settle_lookup(store, op, &entry, &intent, found, now).await,
        Err(error) => {
            let code = ErrorCode::of_provider(O::PROVIDER, error.code());
            tracing::info!(seq = entry.seq, %code, "uncertain write could not be looked for");
            note::<O>(store, &entry, &intent, code, now).await?;
            Ok(entry)
        }
    }
}

/// Settles an uncertain entry with what was found at the provider (looked for now, or read
/// from a list fetched for a sync). Entries in any other state are left alone.
pub async fn settle_lookup<O: Operation>(
    store: &Arc<Store>,
    op: &O,
    entry: &OutboxEntry,
    intent: &O::Intent,
    found: Lookup<O::Answer>,
    now: UnixSeconds,
) -> Result<OutboxEntry, EngineError<O::Error>> {
    if entry.state != OutboxState::Uncertain {
        return Ok(entry.clone());
    }
    let settlement = match found {
        Lookup::Applied(answer) => {
            let differences = op.differences(intent, &answer);
            Settlement::answered(answer, differences)
        }
        Lookup::Absent => Settlement::Moved {
            to: if op.can_queue() {
                OutboxState::Pending
            } else {
                OutboxState::Failed
            },
            code: NOT_APPLIED,
        },
        Lookup::Gone => Settlement::Moved {
            to: OutboxState::Failed,
            code: ErrorCode::of_provider(O::PROVIDER, "not_found"),
        },
    };
    settle::<O>(store, entry, intent, settlement, now).await
}
