//! A merchant's sync: refresh the list, settle the uncertain writes against it and send the
//! writes queued while Billpocket was unreachable.

use std::sync::Arc;

use mostrador_store::{OutboxState, Store, UnixSeconds};
use serde::Serialize;
use specta::Type;

use super::reconcile::find;
use super::{LinkOps, WriteError, blocking, open_writes};
use crate::billpocket_access::BillpocketAccess;
use crate::outbox;
use crate::sync::{LinkSyncReport, apply_links};

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
    // Shared with the write rather than copied (100,000 links for a large merchant): the
    // uncertain writes are settled against the same list afterwards.
    let fetched = access
        .client
        .list_links(&access.credentials)
        .await
        .map(Arc::new);
    let links = fetched.as_ref().ok().map(Arc::clone);
    let (profile, merchant) = (profile_id.to_owned(), merchant_id.to_owned());
    let report = blocking(store, move |store| match fetched {
        Ok(listed) => apply_links(store, &profile, &merchant, Ok(&listed), now),
        Err(error) => apply_links(store, &profile, &merchant, Err(error), now),
    })
    .await?;
    let mut outcome = SyncOutcome {
        report,
        reconciled: 0,
        sent: 0,
    };
    let op = LinkOps { access };
    let (profile, merchant) = (profile_id.to_owned(), merchant_id.to_owned());
    let open = blocking(store, move |store| open_writes(store, &profile, &merchant)).await?;
    for write in open {
        let entry = blocking(store, move |store| store.outbox_entry(write.seq)).await?;
        if entry.state == OutboxState::Uncertain {
            // Without a fresh list it stays uncertain: absence proves nothing.
            let Some(links) = links.as_deref() else {
                continue;
            };
            let found = find(&write.intent, links);
            outbox::settle_lookup(store, &op, &entry, &write.intent, found, now).await?;
            outcome.reconciled += 1;
        } else if outbox::sends_by_itself(&entry) {
            // A refusal here is recorded on the entry; the list shows it.
            let _ = outbox::retry(store, &op, entry.seq, now).await;
            outcome.sent += 1;
        }
    }
    Ok(outcome)
}
