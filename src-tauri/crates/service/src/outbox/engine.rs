//! Enqueue-or-find, claim, send, settle. Every state change after a send goes through
//! [`settle`], the one place a write ends.

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_store::{
    NewOutboxEntry, OutboxEntry, OutboxState, Outcome, Store, StoreError, UnixSeconds, Writer,
};
use tokio::task::JoinError;

use super::Verdict;
use super::outcome::WriteFailure;
use super::{DISCARDED, NOT_APPLIED, Operation, reconcile};

/// What can go wrong in the outbox itself, the same for every operation.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error("outbox entry {0} is not waiting to be sent")]
    NotOpen(i64),
    #[error("unreadable outbox intent: {0}")]
    Intent(String),
    #[error("background task failed: {0}")]
    Task(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<JoinError> for OutboxError {
    fn from(error: JoinError) -> Self {
        Self::Task(error.to_string())
    }
}

impl Coded for OutboxError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NotOpen(_) => ErrorCode::OutboxNotOpen,
            Self::Intent(_) => ErrorCode::OutboxIntent,
            Self::Task(_) => ErrorCode::AppTask,
            Self::Store(error) => error.code(),
        }
    }
}

/// How a write through the engine fails: refused by its provider (the entry is now `failed`
/// with the error's code), or for the outbox's own reasons.
#[derive(Debug, thiserror::Error)]
pub enum EngineError<E: std::error::Error + 'static> {
    #[error("refused by the provider: {0}")]
    Refused(E),
    #[error(transparent)]
    Outbox(#[from] OutboxError),
}

impl<E: std::error::Error + 'static> From<StoreError> for EngineError<E> {
    fn from(error: StoreError) -> Self {
        Self::Outbox(error.into())
    }
}

impl<E: std::error::Error + 'static> From<JoinError> for EngineError<E> {
    fn from(error: JoinError) -> Self {
        Self::Outbox(error.into())
    }
}

type EngineResult<T, O> = Result<T, EngineError<<O as Operation>::Error>>;

/// Records `intent` under `key` and sends it. The same key again (a double click, a second
/// Enter, a retry after a crash) never sends twice: it answers with the entry as it stands.
pub async fn submit<O: Operation>(
    store: &Arc<Store>,
    op: &O,
    profile_id: &str,
    key: &str,
    intent: O::Intent,
    now: UnixSeconds,
) -> EngineResult<OutboxEntry, O> {
    let json = serde_json::to_string(&intent).map_err(|e| OutboxError::Intent(e.to_string()))?;
    let (profile, key, kind) = (profile_id.to_owned(), key.to_owned(), O::kind(&intent));
    let enqueued = blocking::<_, O>(store, move |store| {
        if let Some(existing) = store.outbox_by_key(&key)? {
            return Ok(Err(existing));
        }
        let entry = NewOutboxEntry {
            profile_id: &profile,
            idempotency_key: &key,
            kind,
            intent: &json,
        };
        match store.write(|w| w.enqueue(&entry, now)) {
            Ok(seq) => Ok(Ok(seq)),
            // Another call with the same key won the race: report its entry.
            Err(StoreError::Conflict(_)) => store
                .outbox_by_key(&key)?
                .map(Err)
                .ok_or(StoreError::NotFound("outbox entry")),
            Err(error) => Err(error),
        }
    })
    .await?;
    match enqueued {
        Ok(seq) => send(store, op, seq, now).await,
        Err(existing) => {
            tracing::info!(seq = existing.seq, state = %existing.state, "duplicate submit ignored");
            Ok(existing)
        }
    }
}

/// Sends a queued or not-applied write again, or looks for an uncertain one at the provider.
pub async fn retry<O: Operation>(
    store: &Arc<Store>,
    op: &O,
    seq: i64,
    now: UnixSeconds,
) -> EngineResult<OutboxEntry, O> {
    let entry = blocking::<_, O>(store, move |store| store.outbox_entry(seq)).await?;
    match entry.state {
        OutboxState::Pending | OutboxState::NotApplied => send(store, op, seq, now).await,
        OutboxState::Uncertain => reconcile::look(store, op, entry, now).await,
        _ => Err(OutboxError::NotOpen(seq).into()),
    }
}

/// Gives up on an open write (it becomes `failed`, marked discarded). Nothing is sent, so it
/// fails as any operation's error type `E` the caller names.
pub async fn discard<E: std::error::Error + Send + 'static>(
    store: &Arc<Store>,
    seq: i64,
    now: UnixSeconds,
) -> Result<(), EngineError<E>> {
    crate::blocking::blocking(store, move |store| {
        let entry = store.outbox_entry(seq)?;
        if !matches!(
            entry.state,
            OutboxState::Pending | OutboxState::Uncertain | OutboxState::NotApplied
        ) {
            return Err(OutboxError::NotOpen(seq));
        }
        let outcome = Outcome {
            error_code: Some(DISCARDED),
            ..Outcome::default()
        };
        store
            .write(|w| w.transition_outbox(seq, entry.state, OutboxState::Failed, outcome, now))?;
        Ok(())
    })
    .await
}

/// A write queued because it never reached the provider: sent again by itself once the provider
/// answers (one found absent at the provider waits for the user instead).
pub fn sends_by_itself(entry: &OutboxEntry) -> bool {
    entry.state == OutboxState::Pending
        && entry
            .last_error_code
            .is_some_and(|code| code != NOT_APPLIED)
}

/// The open entries of `kind` a run that reached the provider settles without the user: the
/// uncertain ones (looked for) and the queued ones that never reached it (sent), oldest first.
pub async fn settling_by_themselves(
    store: &Arc<Store>,
    profile_id: &str,
    kind: impl Fn(&str) -> bool + Send + 'static,
) -> Result<Vec<OutboxEntry>, OutboxError> {
    let profile = profile_id.to_owned();
    let open =
        crate::blocking::blocking::<_, _, OutboxError>(store, move |s| s.open_outbox(&profile))
            .await?;
    Ok(open
        .into_iter()
        .filter(|e| kind(&e.kind) && (e.state == OutboxState::Uncertain || sends_by_itself(e)))
        .collect())
}

/// Claims the entry (`pending` or `not_applied` → `sent`), calls the provider and settles what
/// happened.
async fn send<O: Operation>(
    store: &Arc<Store>,
    op: &O,
    seq: i64,
    now: UnixSeconds,
) -> EngineResult<OutboxEntry, O> {
    let claimed = blocking::<_, O>(store, move |store| {
        let entry = store.outbox_entry(seq)?;
        if !matches!(entry.state, OutboxState::Pending | OutboxState::NotApplied) {
            return Ok(Err(entry));
        }
        let claim = |w: &mut Writer<'_>| {
            w.transition_outbox(seq, entry.state, OutboxState::Sent, Outcome::default(), now)
        };
        match store.write(claim) {
            Ok(()) => Ok(Ok(store.outbox_entry(seq)?)),
            // Someone else is sending it (or it moved on): report it as it stands.
            Err(StoreError::Conflict(_)) => Ok(Err(store.outbox_entry(seq)?)),
            Err(error) => Err(error),
        }
    })
    .await?;
    let entry = match claimed {
        Ok(entry) => entry,
        Err(current) => return Ok(current),
    };
    let intent: O::Intent = intent_of::<O>(&entry)?;
    let error = match op.send(&intent).await {
        Ok(answer) => {
            let differences = op.differences(&intent, &answer);
            return settle::<O>(
                store,
                &entry,
                &intent,
                Settlement::answered(answer, differences),
                now,
            )
            .await;
        }
        Err(error) => error,
    };
    if let Some(answer) = op.already_done(&intent, &error) {
        return settle::<O>(
            store,
            &entry,
            &intent,
            Settlement::answered(answer, Vec::new()),
            now,
        )
        .await;
    }
    let code = ErrorCode::of_provider(O::PROVIDER, error.code());
    let to = match error.verdict() {
        Verdict::RetryLater if op.can_queue() => OutboxState::Pending,
        Verdict::Refused | Verdict::RetryLater => OutboxState::Failed,
        Verdict::Unknown => OutboxState::Uncertain,
    };
    tracing::info!(seq, %code, state = %to, "write not done");
    let entry = settle::<O>(store, &entry, &intent, Settlement::Moved { to, code }, now).await?;
    match to {
        OutboxState::Failed => Err(EngineError::Refused(error)),
        OutboxState::Uncertain => reconcile::look(store, op, entry, now).await,
        _ => Ok(entry),
    }
}

/// How a write ends (or moves on) after a call.
pub(super) enum Settlement<A> {
    /// The provider answered, or showed the write when it was looked for: the answer is cached,
    /// and the write is done unless some fields differ from what was asked (`not_applied`).
    Answered { answer: A, differences: Vec<String> },
    /// Nothing to cache: the entry moves to `to` with `code`.
    Moved { to: OutboxState, code: ErrorCode },
}

impl<A> Settlement<A> {
    pub(super) fn answered(answer: A, differences: Vec<String>) -> Self {
        Self::Answered {
            answer,
            differences,
        }
    }
}

/// The one place a write moves on after a call: the cache and the entry change in one
/// transaction. Returns the entry as it stands.
pub(super) async fn settle<O: Operation>(
    store: &Arc<Store>,
    entry: &OutboxEntry,
    intent: &O::Intent,
    settlement: Settlement<O::Answer>,
    now: UnixSeconds,
) -> EngineResult<OutboxEntry, O> {
    let not_applied = ErrorCode::of_provider(O::PROVIDER, "not_applied");
    let (seq, from, profile, intent) = (
        entry.seq,
        entry.state,
        entry.profile_id.clone(),
        intent.clone(),
    );
    let settled = blocking::<_, O>(store, move |store| {
        store.write(|w| {
            let (to, code, result_ref, differences) = match settlement {
                Settlement::Answered {
                    answer,
                    differences,
                } => {
                    let result_ref = O::apply(w, &profile, &intent, &answer, now)?;
                    if differences.is_empty() {
                        O::record_applied(w, &profile, &intent, &answer, now)?;
                        (OutboxState::Done, None, result_ref, differences)
                    } else {
                        let code = Some(not_applied);
                        (OutboxState::NotApplied, code, result_ref, differences)
                    }
                }
                Settlement::Moved { to, code } => {
                    O::note_failure(w, &profile, &intent, code, now)?;
                    (to, Some(code), None, Vec::new())
                }
            };
            let outcome = Outcome {
                error_code: code,
                result_ref: result_ref.as_deref(),
                differences: &differences,
            };
            w.transition_outbox(seq, from, to, outcome, now)
        })?;
        store.outbox_entry(seq)
    })
    .await?;
    tracing::info!(seq, %from, to = %settled.state, kind = %settled.kind, "write settled");
    Ok(settled)
}

/// Records a failed call beside an entry that stays where it is.
pub(super) async fn note<O: Operation>(
    store: &Arc<Store>,
    entry: &OutboxEntry,
    intent: &O::Intent,
    code: ErrorCode,
    now: UnixSeconds,
) -> EngineResult<(), O> {
    let (profile, intent) = (entry.profile_id.clone(), intent.clone());
    blocking::<_, O>(store, move |store| {
        store.write(|w| O::note_failure(w, &profile, &intent, code, now))
    })
    .await
}

pub(super) fn intent_of<O: Operation>(entry: &OutboxEntry) -> EngineResult<O::Intent, O> {
    serde_json::from_str(&entry.intent).map_err(|e| OutboxError::Intent(e.to_string()).into())
}

/// Store work on the blocking pool, failing as the operation's [`EngineError`].
async fn blocking<T: Send + 'static, O: Operation>(
    store: &Arc<Store>,
    work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> EngineResult<T, O> {
    crate::blocking::blocking(store, work).await
}
