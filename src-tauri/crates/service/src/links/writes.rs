//! Every change to a merchant's links goes through the outbox: recorded with the UI's
//! idempotency key before it is sent, then moved to `done`, `failed`, `uncertain` (sent, answer
//! lost) or back to `pending` (provably not delivered: queued until Billpocket is reachable).
//! An uncertain write is never resent blindly: the merchant's list is fetched and the write is
//! looked for in it (a create by its slug, which the app always chooses).

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_providers::billpocket::types::{
    LINK_ACTIVE, LINK_INACTIVE, Link as ProviderLink, LinkRequest, LinkUpdate, RateRequest,
};
use mostrador_providers::{FieldError, ProviderError};
use mostrador_store::{
    Link, NewOutboxEntry, OutboxEntry, OutboxState, Outcome, Store, StoreError, UnixSeconds,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::form::ValidLink;
use crate::billpocket_access::BillpocketAccess;
use crate::sync::{LinkSyncReport, SyncError, apply_links, record_unreachable, to_cache};

/// One change to a merchant's links. The UI sends it with a form (`LinkWrite<LinkForm>`); once
/// the form is checked it is an intent (`LinkIntent`), which the outbox keeps as JSON, no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LinkWrite<L> {
    Create {
        merchant_id: String,
        link: L,
    },
    Update {
        merchant_id: String,
        link_id: String,
        link: L,
    },
    SetActive {
        merchant_id: String,
        link_id: String,
        active: bool,
    },
    Delete {
        merchant_id: String,
        link_id: String,
    },
    ConfigureMainLink {
        merchant_id: String,
        main_link: String,
    },
}

/// A checked link write, as the outbox keeps it.
pub type LinkIntent = LinkWrite<ValidLink>;

impl<L> LinkWrite<L> {
    /// The outbox kinds of link writes; the outbox also holds other writes (registrations).
    const KINDS: [&'static str; 5] = [
        "billpocket.create_link",
        "billpocket.update_link",
        "billpocket.set_link_active",
        "billpocket.delete_link",
        "billpocket.configure_links",
    ];

    fn kind(&self) -> &'static str {
        let index = match self {
            Self::Create { .. } => 0,
            Self::Update { .. } => 1,
            Self::SetActive { .. } => 2,
            Self::Delete { .. } => 3,
            Self::ConfigureMainLink { .. } => 4,
        };
        Self::KINDS[index]
    }

    pub fn merchant_id(&self) -> &str {
        match self {
            Self::Create { merchant_id, .. }
            | Self::Update { merchant_id, .. }
            | Self::SetActive { merchant_id, .. }
            | Self::Delete { merchant_id, .. }
            | Self::ConfigureMainLink { merchant_id, .. } => merchant_id,
        }
    }

    /// The same write with its link checked by `check_link` (told the merchant and, for an
    /// update, the link being edited) and its main link by `check_main_link`.
    pub fn checked<M, E>(
        self,
        check_link: impl FnOnce(&str, Option<&str>, L) -> Result<M, E>,
        check_main_link: impl FnOnce(String) -> Result<String, E>,
    ) -> Result<LinkWrite<M>, E> {
        Ok(match self {
            Self::Create { merchant_id, link } => {
                let link = check_link(&merchant_id, None, link)?;
                LinkWrite::Create { merchant_id, link }
            }
            Self::Update {
                merchant_id,
                link_id,
                link,
            } => {
                let link = check_link(&merchant_id, Some(&link_id), link)?;
                LinkWrite::Update {
                    merchant_id,
                    link_id,
                    link,
                }
            }
            Self::SetActive {
                merchant_id,
                link_id,
                active,
            } => LinkWrite::SetActive {
                merchant_id,
                link_id,
                active,
            },
            Self::Delete {
                merchant_id,
                link_id,
            } => LinkWrite::Delete {
                merchant_id,
                link_id,
            },
            Self::ConfigureMainLink {
                merchant_id,
                main_link,
            } => LinkWrite::ConfigureMainLink {
                merchant_id,
                main_link: check_main_link(main_link)?,
            },
        })
    }
}

/// An outbox entry as the links screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PendingWrite {
    #[specta(type = specta_typescript::Number)]
    pub seq: i64,
    pub state: OutboxState,
    pub intent: LinkIntent,
    pub attempts: u32,
    pub last_error_code: Option<ErrorCode>,
    /// The link the write created or changed, once known.
    pub link_id: Option<String>,
    /// What the user calls that link: its description, else its slug (`None` for the main
    /// link). Lists name a write by it rather than by Billpocket's opaque id.
    pub subject: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

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
    #[error("outbox entry {0} is not waiting to be sent")]
    NotOpen(i64),
    #[error("unreadable outbox intent: {0}")]
    Intent(String),
    #[error("background task failed: {0}")]
    Task(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl From<tokio::task::JoinError> for WriteError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Task(error.to_string())
    }
}

impl Coded for WriteError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Rejected { code, .. } => *code,
            Self::NotOpen(_) => ErrorCode::OutboxNotOpen,
            Self::Intent(_) => ErrorCode::OutboxIntent,
            Self::Task(_) => ErrorCode::AppTask,
            Self::Store(error) => error.code(),
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

/// Error codes of writes that never reached Billpocket; such entries are sent again by
/// themselves once a sync shows the provider is back.
const NOT_DELIVERED: [ErrorCode; 2] = [
    ErrorCode::BillpocketNetworkUnreachable,
    ErrorCode::BillpocketRateLimited,
];
/// Recorded when reconciliation found an uncertain write absent: it waits for the user.
pub const NOT_APPLIED: ErrorCode = ErrorCode::OutboxNotApplied;

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
    let (profile, key_owned) = (profile_id.to_owned(), key.to_owned());
    let intent_json =
        serde_json::to_string(&intent).map_err(|e| WriteError::Intent(e.to_string()))?;
    let enqueued = blocking(store, move |store| {
        if let Some(existing) = store.outbox_by_key(&key_owned)? {
            return Ok(Err(existing));
        }
        let entry = NewOutboxEntry {
            profile_id: &profile,
            idempotency_key: &key_owned,
            kind: intent.kind(),
            intent: &intent_json,
        };
        match store.write(|w| w.enqueue(&entry, now)) {
            Ok(seq) => Ok(Ok(seq)),
            // Another call with the same key won the race: report its entry.
            Err(StoreError::Conflict(_)) => store
                .outbox_by_key(&key_owned)?
                .map(Err)
                .ok_or(StoreError::NotFound("outbox entry")),
            Err(error) => Err(error),
        }
    })
    .await?;
    match enqueued {
        Ok(seq) => send(store, access, seq, now).await,
        Err(existing) => {
            tracing::info!(seq = existing.seq, state = %existing.state, "duplicate submit ignored");
            outcome(store, existing).await
        }
    }
}

/// Sends a pending entry again, or checks an uncertain one against Billpocket's list.
pub async fn retry(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    seq: i64,
    now: UnixSeconds,
) -> Result<WriteOutcome, WriteError> {
    let entry = blocking(store, move |store| store.outbox_entry(seq)).await?;
    match entry.state {
        OutboxState::Pending => send(store, access, seq, now).await,
        OutboxState::Uncertain => {
            let intent = intent_of(&entry)?;
            match access.client.list_links(&access.credentials).await {
                Ok(links) => reconcile(store, &entry, &intent, links, now).await?,
                Err(error) => {
                    let code = error.code(Provider::Billpocket);
                    let profile = entry.profile_id.clone();
                    let merchant = intent.merchant_id().to_owned();
                    blocking(store, move |store| {
                        store.write(|w| record_unreachable(w, &profile, &merchant, code, now))
                    })
                    .await?;
                }
            }
            let entry = blocking(store, move |store| store.outbox_entry(seq)).await?;
            outcome(store, entry).await
        }
        _ => Err(WriteError::NotOpen(seq)),
    }
}

/// Gives up on a pending or uncertain write (it becomes `failed`, marked discarded).
pub async fn discard(store: &Arc<Store>, seq: i64, now: UnixSeconds) -> Result<(), WriteError> {
    let entry = blocking(store, move |store| store.outbox_entry(seq)).await?;
    if !matches!(entry.state, OutboxState::Pending | OutboxState::Uncertain) {
        return Err(WriteError::NotOpen(seq));
    }
    let outcome = Outcome {
        error_code: Some(ErrorCode::OutboxDiscarded),
        result_ref: None,
    };
    blocking(store, move |store| {
        store.write(|w| w.transition_outbox(seq, entry.state, OutboxState::Failed, outcome, now))
    })
    .await
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

/// A link as the user knows it: its description, or its slug when it has none.
fn name_of(description: &str, slug: &str) -> String {
    if description.trim().is_empty() {
        slug.to_owned()
    } else {
        description.to_owned()
    }
}

/// At start-up: a write left `sent` by a crash or a kill may have reached Billpocket. It becomes
/// uncertain, to be looked for at the next sync.
pub fn recover_interrupted(store: &Store, now: UnixSeconds) -> Result<usize, StoreError> {
    let profiles = store.profiles()?;
    let mut recovered = 0;
    for profile in profiles {
        for entry in store.open_outbox(&profile.id)? {
            if entry.state == OutboxState::Sent {
                let outcome = Outcome {
                    error_code: Some(ErrorCode::OutboxInterrupted),
                    result_ref: None,
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
    }
    Ok(recovered)
}

/// What a sync did besides refreshing the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SyncOutcome {
    pub report: LinkSyncReport,
    /// Uncertain writes settled against the fresh list.
    pub reconciled: u32,
    /// Queued writes sent now that Billpocket answered.
    pub sent: u32,
}

/// Refreshes a merchant's links, settles its uncertain writes against the fresh list and sends
/// the writes that were queued while Billpocket was unreachable.
pub async fn sync_merchant(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    profile_id: &str,
    merchant_id: &str,
    now: UnixSeconds,
) -> Result<SyncOutcome, WriteError> {
    let fetched = access.client.list_links(&access.credentials).await;
    let links = fetched.as_ref().ok().cloned();
    let (profile, merchant) = (profile_id.to_owned(), merchant_id.to_owned());
    let report = blocking(store, move |store| {
        apply_links(store, &profile, &merchant, fetched, now)
    })
    .await?;
    let mut outcome = SyncOutcome {
        report,
        reconciled: 0,
        sent: 0,
    };
    let (profile, merchant) = (profile_id.to_owned(), merchant_id.to_owned());
    let open = blocking(store, move |store| open_writes(store, &profile, &merchant)).await?;
    for write in open {
        let entry = blocking(store, move |store| store.outbox_entry(write.seq)).await?;
        match entry.state {
            OutboxState::Uncertain => {
                let links = links.clone().unwrap_or_default();
                reconcile(store, &entry, &write.intent, links, now).await?;
                outcome.reconciled += 1;
            }
            OutboxState::Pending
                if entry
                    .last_error_code
                    .is_some_and(|code| NOT_DELIVERED.contains(&code)) =>
            {
                // A refusal here is recorded on the entry; the list shows it.
                let _ = send(store, access, entry.seq, now).await;
                outcome.sent += 1;
            }
            _ => {}
        }
    }
    Ok(outcome)
}

/// What Billpocket answered to a write.
enum Applied {
    Link(Box<ProviderLink>),
    Deleted,
    Configured { main_link: String, domain: String },
}

/// Moves the entry to `sent`, calls Billpocket and records what happened.
async fn send(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    seq: i64,
    now: UnixSeconds,
) -> Result<WriteOutcome, WriteError> {
    let claimed = blocking(store, move |store| {
        match store.write(|w| {
            w.transition_outbox(
                seq,
                OutboxState::Pending,
                OutboxState::Sent,
                Outcome::default(),
                now,
            )
        }) {
            Ok(()) => Ok(Ok(store.outbox_entry(seq)?)),
            // Someone else is sending it (or it moved on): report it as it stands.
            Err(StoreError::Conflict(_)) => Ok(Err(store.outbox_entry(seq)?)),
            Err(error) => Err(error),
        }
    })
    .await?;
    let entry = match claimed {
        Ok(entry) => entry,
        Err(current) => return outcome(store, current).await,
    };
    let intent = intent_of(&entry)?;
    let answer = call(access, &intent).await;
    let rejected = match answer {
        Ok(applied) => {
            let (profile, intent) = (entry.profile_id.clone(), intent.clone());
            blocking(store, move |store| {
                store.write(|w| {
                    let result_ref = record_applied(w, &profile, &intent, applied, now)?;
                    w.transition_outbox(
                        seq,
                        OutboxState::Sent,
                        OutboxState::Done,
                        Outcome {
                            error_code: None,
                            result_ref: result_ref.as_deref(),
                        },
                        now,
                    )
                })
            })
            .await?;
            None
        }
        Err(error) => {
            let code = error.code(Provider::Billpocket);
            let to = after_error(&intent, &error);
            tracing::info!(seq, %code, state = %to, "link write not done");
            let (profile, intent_c, not_found) = (
                entry.profile_id.clone(),
                intent.clone(),
                matches!(error, ProviderError::NotFound),
            );
            blocking(store, move |store| {
                store.write(|w| {
                    record_unreachable(w, &profile, intent_c.merchant_id(), code, now)?;
                    if to == OutboxState::Done && not_found {
                        // Deleting what is already gone is done; drop it from the cache too.
                        record_applied(w, &profile, &intent_c, Applied::Deleted, now)?;
                    }
                    w.transition_outbox(
                        seq,
                        OutboxState::Sent,
                        to,
                        Outcome {
                            error_code: (to != OutboxState::Done).then_some(code),
                            result_ref: None,
                        },
                        now,
                    )
                })
            })
            .await?;
            match to {
                OutboxState::Failed => Some(rejection(code, &error)),
                OutboxState::Uncertain => {
                    // Look for it at once; if the list cannot be read, the next sync will.
                    if let Ok(links) = access.client.list_links(&access.credentials).await {
                        let entry = blocking(store, move |store| store.outbox_entry(seq)).await?;
                        reconcile(store, &entry, &intent, links, now).await?;
                    }
                    None
                }
                _ => None,
            }
        }
    };
    if let Some(error) = rejected {
        return Err(error);
    }
    let entry = blocking(store, move |store| store.outbox_entry(seq)).await?;
    outcome(store, entry).await
}

/// Where a write goes after an error, by what the error proves about delivery.
fn after_error(intent: &LinkIntent, error: &ProviderError) -> OutboxState {
    match error {
        // The connection never opened, or Billpocket asked us to come back later: not delivered.
        ProviderError::NetworkUnreachable { .. } | ProviderError::RateLimited { .. } => {
            OutboxState::Pending
        }
        // Sent, answer lost or unusable: it may have happened.
        ProviderError::UnknownOutcome { .. }
        | ProviderError::Timeout
        | ProviderError::Provider { .. }
        | ProviderError::UnreadableResponse { .. } => OutboxState::Uncertain,
        ProviderError::NotFound if matches!(intent, LinkIntent::Delete { .. }) => OutboxState::Done,
        // A definite refusal (an unknown address or a refused id: nothing reached Billpocket).
        ProviderError::Unauthorized
        | ProviderError::Forbidden
        | ProviderError::Conflict { .. }
        | ProviderError::Invalid { .. }
        | ProviderError::NotFound
        | ProviderError::MissingCredential { .. }
        | ProviderError::InvalidConfiguration { .. }
        | ProviderError::InvalidPathId { .. }
        | ProviderError::UnknownAddress { .. } => OutboxState::Failed,
    }
}

/// The error the form shows: the provider's own code for a field when it gave one (the double
/// speaks the app's codes), else ours; the field mapped to the form's name.
fn rejection(code: ErrorCode, error: &ProviderError) -> WriteError {
    let field = match error {
        ProviderError::Invalid { fields, .. } => fields.first(),
        ProviderError::Conflict { field, .. } => field.as_ref(),
        _ => None,
    };
    WriteError::Rejected {
        code: field.and_then(FieldError::code).unwrap_or(code),
        field: field.and_then(|f| f.form_field.clone()),
        message: error.to_string(),
    }
}

async fn call(access: &BillpocketAccess, intent: &LinkIntent) -> Result<Applied, ProviderError> {
    let (client, creds) = (&access.client, &access.credentials);
    match intent {
        LinkIntent::Create { link, .. } => {
            let request = LinkRequest {
                url_path: Some(link.slug.clone()),
                expired_at: link.expired_at(),
                amount: link.amount().to_billpocket(),
                link_type: link.link_type,
                description: link.description.clone(),
                rates: rates(&link.months),
                is_fixed_term: link.is_fixed_term,
            };
            client
                .create_link(creds, &request)
                .await
                .map(|l| Applied::Link(Box::new(l)))
        }
        LinkIntent::Update { link_id, link, .. } => {
            let changes = LinkUpdate {
                url_path: Some(link.slug.clone()),
                expired_at: link.expired_at(),
                amount: Some(link.amount().to_billpocket()),
                link_type: Some(link.link_type),
                description: Some(link.description.clone()),
                rates: Some(rates(&link.months)),
                is_fixed_term: Some(link.is_fixed_term),
                status: None,
            };
            client
                .update_link(creds, link_id, &changes)
                .await
                .map(|l| Applied::Link(Box::new(l)))
        }
        LinkIntent::SetActive {
            link_id, active, ..
        } => {
            let changes = LinkUpdate {
                status: Some(if *active { LINK_ACTIVE } else { LINK_INACTIVE }),
                ..LinkUpdate::default()
            };
            client
                .update_link(creds, link_id, &changes)
                .await
                .map(|l| Applied::Link(Box::new(l)))
        }
        LinkIntent::Delete { link_id, .. } => client
            .delete_link(creds, link_id)
            .await
            .map(|()| Applied::Deleted),
        LinkIntent::ConfigureMainLink { main_link, .. } => client
            .configure_links(creds, main_link)
            .await
            .map(|config| Applied::Configured {
                main_link: config.main_link,
                domain: config.domain,
            }),
    }
}

fn rates(months: &[u8]) -> Vec<RateRequest> {
    months
        .iter()
        .map(|m| RateRequest {
            months: m.to_string(),
            rate_type: "MSI".into(),
        })
        .collect()
}

/// Mirrors a confirmed write in the cache; returns the id of the link it concerns.
fn record_applied(
    w: &mut mostrador_store::Writer<'_>,
    profile_id: &str,
    intent: &LinkIntent,
    applied: Applied,
    now: UnixSeconds,
) -> Result<Option<String>, StoreError> {
    let merchant_id = intent.merchant_id();
    match (applied, intent) {
        (Applied::Link(link), _) => {
            w.upsert_links(profile_id, &[to_cache(&link, merchant_id)], now)?;
            Ok(Some(link.id))
        }
        (Applied::Deleted, LinkIntent::Delete { link_id, .. }) => {
            match w.delete_link(profile_id, link_id) {
                Ok(()) | Err(StoreError::NotFound(_)) => Ok(Some(link_id.clone())),
                Err(error) => Err(error),
            }
        }
        (Applied::Configured { main_link, domain }, _) => {
            w.set_main_link(profile_id, merchant_id, &main_link, &domain, now)?;
            Ok(None)
        }
        (Applied::Deleted, _) => Ok(None),
    }
}

/// Settles an uncertain entry against the merchant's fresh list (which is also cached).
async fn reconcile(
    store: &Arc<Store>,
    entry: &OutboxEntry,
    intent: &LinkIntent,
    links: Vec<ProviderLink>,
    now: UnixSeconds,
) -> Result<(), WriteError> {
    if entry.state != OutboxState::Uncertain {
        return Ok(());
    }
    let found = find(intent, &links);
    let (seq, profile, intent) = (entry.seq, entry.profile_id.clone(), intent.clone());
    blocking(store, move |store| {
        store.write(|w| {
            let (to, error_code, result_ref) = match found {
                Found::Applied(link) => {
                    let id = match link {
                        Some(link) => {
                            record_applied(w, &profile, &intent, Applied::Link(link), now)?
                        }
                        None => record_applied(w, &profile, &intent, Applied::Deleted, now)?,
                    };
                    (OutboxState::Done, None, id)
                }
                Found::Absent => (OutboxState::Pending, Some(NOT_APPLIED), None),
                Found::Gone => (
                    OutboxState::Failed,
                    Some(ErrorCode::BillpocketNotFound),
                    None,
                ),
            };
            tracing::info!(seq, state = %to, "uncertain write reconciled");
            w.transition_outbox(
                seq,
                OutboxState::Uncertain,
                to,
                Outcome {
                    error_code,
                    result_ref: result_ref.as_deref(),
                },
                now,
            )
        })
    })
    .await
}

enum Found {
    /// The write is visible in the list (with the link it produced, if any).
    Applied(Option<Box<ProviderLink>>),
    /// Not there: it did not happen.
    Absent,
    /// The link it changes no longer exists.
    Gone,
}

fn find(intent: &LinkIntent, links: &[ProviderLink]) -> Found {
    let by_id = |id: &str| links.iter().find(|l| l.id == id).cloned();
    match intent {
        LinkIntent::Create { link, .. } => links
            .iter()
            .find(|l| l.secondary_link.eq_ignore_ascii_case(&link.slug))
            .map_or(Found::Absent, |l| Found::Applied(Some(Box::new(l.clone())))),
        LinkIntent::Update { link_id, link, .. } => match by_id(link_id) {
            None => Found::Gone,
            Some(current) if matches_form(&current, link) => {
                Found::Applied(Some(Box::new(current)))
            }
            Some(_) => Found::Absent,
        },
        LinkIntent::SetActive {
            link_id, active, ..
        } => match by_id(link_id) {
            None => Found::Gone,
            Some(current) if (current.status == LINK_ACTIVE) == *active => {
                Found::Applied(Some(Box::new(current)))
            }
            Some(_) => Found::Absent,
        },
        LinkIntent::Delete { link_id, .. } => match by_id(link_id) {
            None => Found::Applied(None),
            Some(_) => Found::Absent,
        },
        LinkIntent::ConfigureMainLink { main_link, .. } => {
            // Every link of the merchant carries its main link: trust them when there are any.
            match links.first() {
                Some(l) if l.main_link == *main_link => Found::Applied(None),
                _ => Found::Absent,
            }
        }
    }
}

fn matches_form(current: &ProviderLink, link: &ValidLink) -> bool {
    let months: Vec<u8> = current
        .available_rates
        .iter()
        .filter_map(|r| u8::try_from(r.months).ok())
        .collect();
    current.secondary_link.eq_ignore_ascii_case(&link.slug)
        && current.amount.0.get() == link.amount_centavos
        && current.description == link.description
        && months == link.months
        && current.is_fixed_term == link.is_fixed_term
        && (link.expired_at.is_none() || current.expired_at == link.expired_at())
}

fn intent_of(entry: &OutboxEntry) -> Result<LinkIntent, WriteError> {
    serde_json::from_str(&entry.intent).map_err(|e| WriteError::Intent(e.to_string()))
}

fn pending_write(entry: &OutboxEntry) -> Result<PendingWrite, WriteError> {
    let intent = intent_of(entry)?;
    let subject = match &intent {
        LinkIntent::Create { link, .. } | LinkIntent::Update { link, .. } => {
            Some(name_of(&link.description, &link.slug))
        }
        _ => None,
    };
    let changed = match &intent {
        LinkIntent::Update { link_id, .. }
        | LinkIntent::SetActive { link_id, .. }
        | LinkIntent::Delete { link_id, .. } => Some(link_id.clone()),
        _ => None,
    };
    Ok(PendingWrite {
        seq: entry.seq,
        state: entry.state,
        intent,
        subject,
        attempts: entry.attempts,
        last_error_code: entry.last_error_code,
        link_id: entry.result_ref.clone().or(changed),
        created_at: entry.created_at,
        updated_at: entry.updated_at,
    })
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

/// Store work on the blocking pool (see [`crate::blocking`]), failing as a [`WriteError`].
async fn blocking<T: Send + 'static, E: Into<WriteError> + Send + 'static>(
    store: &Arc<Store>,
    work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, WriteError> {
    crate::blocking::blocking(store, work).await
}
