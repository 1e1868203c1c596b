//! When a provider may be called again: one gate per provider, shared by every refresh (the
//! background run, the view's, one customer's). A 429 or a 5xx closes it for the time its
//! `Retry-After` names, other transient failures for a growing backoff; a success resets the
//! backoff. Every call waits at the gate first, so no call goes out before the time named.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

/// The first backoff without a `Retry-After`; doubled per failure in a row.
const BACKOFF_BASE: Duration = Duration::from_millis(500);
/// The longest backoff without a `Retry-After`.
const BACKOFF_MAX: Duration = Duration::from_secs(60);
/// A gate closed for longer than this is not waited for: the run stops for this provider and the
/// next one finds the gate still closed until then.
pub const MAX_WAIT: Duration = Duration::from_secs(5 * 60);

#[derive(Default)]
pub struct Gate(Mutex<GateState>);

#[derive(Default)]
struct GateState {
    open_at: Option<Instant>,
    failures: u32,
}

impl Gate {
    /// Waits until the provider may be called; `false` (at once) when that is more than
    /// [`MAX_WAIT`] away.
    pub async fn pass(&self) -> bool {
        loop {
            let open_at = self.lock().open_at;
            match open_at {
                Some(at) if at > Instant::now() + MAX_WAIT => return false,
                // Another failure may have moved the time on while this slept: look again.
                Some(at) if at > Instant::now() => tokio::time::sleep_until(at).await,
                _ => return true,
            }
        }
    }

    /// A call succeeded: the next failure starts the backoff again.
    pub fn succeeded(&self) {
        self.lock().failures = 0;
    }

    /// A call failed for a while: closed for `retry_after`, or the backoff of this many
    /// failures in a row. A later time already set is kept.
    pub fn close(&self, retry_after: Option<Duration>) {
        let mut state = self.lock();
        state.failures = state.failures.saturating_add(1);
        let delay = retry_after.unwrap_or_else(|| backoff(state.failures));
        let until = Instant::now() + delay;
        state.open_at = Some(state.open_at.map_or(until, |at| at.max(until)));
    }

    fn lock(&self) -> MutexGuard<'_, GateState> {
        // Two plain fields: a panic elsewhere cannot leave them half-written.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// 0.5 s, 1 s, 2 s … at most [`BACKOFF_MAX`].
fn backoff(failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    BACKOFF_BASE.saturating_mul(1 << doublings).min(BACKOFF_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_up_to_its_maximum() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(2), Duration::from_secs(1));
        assert_eq!(backoff(4), Duration::from_secs(4));
        assert_eq!(backoff(30), BACKOFF_MAX);
    }

    #[tokio::test]
    async fn a_closed_gate_opens_at_the_time_named_and_keeps_the_later_one() {
        let gate = Gate::default();
        assert!(gate.pass().await);
        let start = Instant::now();
        gate.close(Some(Duration::from_millis(150)));
        gate.close(Some(Duration::from_millis(50)));
        assert!(gate.pass().await);
        assert!(start.elapsed() >= Duration::from_millis(150));

        gate.close(Some(MAX_WAIT * 2));
        assert!(!gate.pass().await, "too far away to wait for");
    }
}
