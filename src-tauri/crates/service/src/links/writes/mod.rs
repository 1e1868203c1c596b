//! Every change to a merchant's links is an operation of the write engine (`crate::outbox`):
//! recorded with the UI's idempotency key before it is sent, then `done`, `not_applied`
//! (Billpocket answered without the change), `failed`, `uncertain` (sent, answer lost) or back
//! to `pending` (provably not delivered: queued until Billpocket is reachable). An uncertain
//! write is never resent blindly: the merchant's list is fetched and the write is looked for in
//! it (a create by its slug, which the app always chooses).

mod intent;
mod reconcile;
mod send;
mod sync;

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_providers::{FieldError, ProviderError};
use mostrador_store::{Link, OutboxEntry, OutboxState, Store, StoreError, UnixSeconds};
use serde::Serialize;
use specta::Type;

pub use self::intent::{LinkIntent, LinkWrite, PendingWrite};
use self::intent::{name_of, pending_write};
pub use self::send::LinkOps;
pub use self::sync::{SyncOutcome, sync_merchant};
use crate::billpocket_access::BillpocketAccess;
use crate::outbox::{self, EngineError, OutboxError};
use crate::sync::SyncError;

/// Where a submitted write stands, with the cached link when it is done.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WriteOutcome {
    pub write: PendingWrite,
    pub link: Option<Link>,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Billpocket refused the write (it is now `failed`); `field` is the form field to blame.
    #[error("refused by Billpocket: {code}")]
    Rejected {
        code: ErrorCode,
        field: Option<String>,
        message: String,
    },
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl From<StoreError> for WriteError {
    fn from(error: StoreError) -> Self {
        Self::Outbox(error.into())
    }
}

impl From<tokio::task::JoinError> for WriteError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Outbox(error.into())
    }
}

impl From<EngineError<ProviderError>> for WriteError {
    fn from(error: EngineError<ProviderError>) -> Self {
        match error {
            EngineError::Refused(error) => rejection(&error),
            EngineError::Outbox(error) => Self::Outbox(error),
        }
    }
}

impl Coded for WriteError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Rejected { code, .. } => *code,
            Self::Outbox(error) => error.code(),
            Self::Sync(error) => error.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::Rejected { field, .. } => field.as_deref(),
            _ => None,
        }
    }
}

/// Records `intent` under `key` and sends it. The same key again (a double click, a second
/// Enter, a retry after a crash) never sends twice: it answers with the entry as it stands.
pub async fn submit(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    profile_id: &str,
    key: &str,
    intent: LinkIntent,
    now: UnixSeconds,
) -> Result<WriteOutcome, WriteError> {
    let entry = outbox::submit(store, &LinkOps { access }, profile_id, key, intent, now).await?;
    outcome(store, entry).await
}

/// Sends a queued or not-applied write again, or checks an uncertain one against Billpocket.
pub async fn retry(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    seq: i64,
    now: UnixSeconds,
) -> Result<WriteOutcome, WriteError> {
    let entry = outbox::retry(store, &LinkOps { access }, seq, now).await?;
    outcome(store, entry).await
}

/// Gives up on an open write (it becomes `failed`, marked discarded).
pub async fn discard(store: &Arc<Store>, seq: i64, now: UnixSeconds) -> Result<(), WriteError> {
    Ok(outbox::discard::<ProviderError>(store, seq, now).await?)
}

/// The open writes of one merchant, oldest first.
pub fn open_writes(
    store: &Store,
    profile_id: &str,
    merchant_id: &str,
) -> Result<Vec<PendingWrite>, WriteError> {
    let mut writes = open_link_writes(store, profile_id)?;
    writes.retain(|write| write.intent.merchant_id() == merchant_id);
    Ok(writes)
}

/// The open link writes of every merchant of a profile, oldest first, each named by the link
/// it concerns (the cached link's description when the intent does not carry one).
pub fn open_link_writes(store: &Store, profile_id: &str) -> Result<Vec<PendingWrite>, WriteError> {
    let mut writes = Vec::new();
    for entry in store.open_outbox(profile_id)? {
        if !LinkIntent::KINDS.contains(&entry.kind.as_str()) {
            continue;
        }
        let mut write = pending_write(&entry)?;
        if write.subject.is_none()
            && let Some(id) = &write.link_id
        {
            write.subject = match store.link(profile_id, id) {
                Ok(link) => Some(name_of(&link.description, &link.secondary_link)),
                Err(StoreError::NotFound(_)) => None,
                Err(error) => return Err(error.into()),
            };
        }
        writes.push(write);
    }
    Ok(writes)
}

async fn outcome(store: &Arc<Store>, entry: OutboxEntry) -> Result<WriteOutcome, WriteError> {
    let write = pending_write(&entry)?;
    let link = match (&write.link_id, entry.state) {
        (Some(id), OutboxState::Done) => {
            let (profile, id) = (entry.profile_id.clone(), id.clone());
            blocking(store, move |store| match store.link(&profile, &id) {
                Ok(link) => Ok(Some(link)),
                Err(StoreError::NotFound(_)) => Ok(None),
                Err(error) => Err(error),
            })
            .await?
        }
        _ => None,
    };
    Ok(WriteOutcome { write, link })
}

/// The error the form shows: the provider's own code for a field when it gave one (the double
/// speaks the app's codes), else ours; the field mapped to the form's name.
fn rejection(error: &ProviderError) -> WriteError {
    let field = match error {
        ProviderError::Invalid { fields, .. } => fields.first(),
        ProviderError::Conflict { field, .. } => field.as_ref(),
        _ => None,
    };
    WriteError::Rejected {
        code: field
            .and_then(FieldError::code)
            .unwrap_or(error.code(Provider::Billpocket)),
        field: field.and_then(|f| f.form_field.clone()),
        message: error.to_string(),
    }
}

/// Store work on the blocking pool (see [`crate::blocking`]), failing as a [`WriteError`].
async fn blocking<T: Send + 'static, E: Into<WriteError> + Send + 'static>(
    store: &Arc<Store>,
    work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, WriteError> {
    crate::blocking::blocking(store, work).await
}
