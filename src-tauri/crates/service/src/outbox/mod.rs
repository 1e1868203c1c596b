//! The one write engine. Every write to a provider is an [`Operation`] the engine drives through
//! the outbox: recorded under the caller's idempotency key before it is sent (`engine::submit`:
//! the same key again never sends twice), claimed (`pending` → `sent`), sent, and settled in one
//! place (`engine::settle`). One rule (`outcome`) sorts every failure into refused, retry later
//! or outcome unknown; an unknown outcome is looked for at the provider before anything is sent
//! again (`reconcile`); a write a crash left `sent` becomes unknown at start-up (`recover`).
//!
//! An answer is not taken on trust: the operation compares what the provider returned with what
//! was asked, and a write answered without the change ends `not_applied` with the differing
//! fields, while the cache keeps what the provider says.

mod engine;
mod outcome;
mod reconcile;
mod recover;

use std::future::Future;

use mostrador_codes::{ErrorCode, Provider};
use mostrador_store::{StoreError, UnixSeconds, Writer};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use engine::{
    EngineError, OutboxError, discard, retry, sends_by_itself, settling_by_themselves, submit,
};
pub use mostrador_providers::Verdict;
pub use outcome::WriteFailure;
pub use reconcile::{Lookup, settle_lookup};
pub use recover::recover_interrupted;

/// Recorded when a write looked for at the provider was not there: the user retries or discards.
pub const NOT_APPLIED: ErrorCode = ErrorCode::OutboxNotApplied;
pub const DISCARDED: ErrorCode = ErrorCode::OutboxDiscarded;

/// One kind of write the engine drives: how to send it, how to check that the answer carries
/// the change, how to mirror the answer in the cache and how to look for the write at the
/// provider. The operation holds what it needs to reach its provider (client, credentials); the
/// outbox keeps only its `Intent`, as JSON without secrets.
pub trait Operation: Sync {
    type Intent: Serialize + DeserializeOwned + Clone + Send + Sync + 'static;
    /// What the provider answers to the write (or shows when it is looked for).
    type Answer: Send + 'static;
    type Error: WriteFailure + Send + 'static;

    /// The provider whose codes the operation records (`billpocket.timeout`).
    const PROVIDER: Provider;

    /// The outbox kind of an intent, e.g. `billpocket.create_link`.
    fn kind(intent: &Self::Intent) -> &'static str;

    /// Whether a write that never reached the provider may wait in the outbox to be sent later
    /// (a registration may not: its password is never kept).
    fn can_queue(&self) -> bool {
        true
    }

    fn send(
        &self,
        intent: &Self::Intent,
    ) -> impl Future<Output = Result<Self::Answer, Self::Error>> + Send;

    /// The fields (as the form names them) whose answered value is not what was asked; empty
    /// when the answer carries the change.
    fn differences(&self, intent: &Self::Intent, answer: &Self::Answer) -> Vec<String>;

    /// An error that proves the write is already in place (deleting what is gone), with the
    /// answer it stands for.
    fn already_done(&self, _intent: &Self::Intent, _error: &Self::Error) -> Option<Self::Answer> {
        None
    }

    /// Mirrors what the provider answered in the cache, inside the transaction that settles the
    /// entry; returns the provider id of what the write concerns.
    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &Self::Intent,
        answer: &Self::Answer,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError>;

    /// Records what an applied write did beside the cache (e.g. on a customer's timeline),
    /// in the transaction that settles it `done`; never for a write answered without the
    /// change (`not_applied`) nor for one that failed.
    fn record_applied(
        _w: &mut Writer<'_>,
        _profile_id: &str,
        _intent: &Self::Intent,
        _answer: &Self::Answer,
        _now: UnixSeconds,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Records a failed call beside the entry (e.g. that the provider looks offline).
    fn note_failure(
        _w: &mut Writer<'_>,
        _profile_id: &str,
        _intent: &Self::Intent,
        _code: ErrorCode,
        _now: UnixSeconds,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Looks for the write at the provider without sending it.
    fn look_for(
        &self,
        intent: &Self::Intent,
    ) -> impl Future<Output = Result<Lookup<Self::Answer>, Self::Error>> + Send;
}
