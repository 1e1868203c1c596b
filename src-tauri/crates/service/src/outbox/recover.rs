//! Start-up recovery: a write left `sent` by a crash or a kill may have reached the provider. It
//! becomes uncertain, to be looked for before anything is sent again.

use mostrador_codes::ErrorCode;
use mostrador_store::{OutboxState, Outcome, Store, StoreError, UnixSeconds};

const INTERRUPTED: ErrorCode = ErrorCode::OutboxInterrupted;

/// Marks every interrupted write of every profile uncertain; returns how many there were.
pub fn recover_interrupted(store: &Store, now: UnixSeconds) -> Result<usize, StoreError> {
    let mut recovered = 0;
    for profile in store.profiles()? {
        for entry in store.open_outbox(&profile.id)? {
            if entry.state != OutboxState::Sent {
                continue;
            }
            let outcome = Outcome {
                error_code: Some(INTERRUPTED),
                ..Outcome::default()
            };
            store.write(|w| {
                w.transition_outbox(
                    entry.seq,
                    OutboxState::Sent,
                    OutboxState::Uncertain,
                    outcome,
                    now,
                )
            })?;
            recovered += 1;
        }
    }
    Ok(recovered)
}
