//! The Ligas screen's use cases: merchants, the cached list, sync, writes through the outbox and
//! the CSV export. A finished sync and a settled write are announced as events.

use mostrador_codes::Coded;
use mostrador_core::{FieldContext, FieldKind};
use mostrador_store::{LinkQuery, Merchant, Store, SyncState};
use serde::Serialize;
use specta::Type;

use super::{App, ServiceError, unix_now};
use crate::links::export::{csv_locale, export_file_name, export_links};
use crate::links::form::{self, FormError, LinkForm};
use crate::links::writes::{self, LinkIntent, LinkWrite, PendingWrite, SyncOutcome, WriteOutcome};
use crate::links::{self, LinkPage};
use crate::sync::{links_merchant, links_resource};
use crate::validation;

/// How fresh a merchant's list is and which of its writes are still open.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinksStatus {
    pub sync: Option<SyncState>,
    pub writes: Vec<PendingWrite>,
}

/// A CSV file of links, ready to be saved.
pub struct LinkExport {
    pub csv: Vec<u8>,
    /// Links in the file (the header not counted).
    pub rows: usize,
    /// The name to propose when asking where to save it.
    pub file_name: String,
}

impl App {
    /// The active profile's merchants (onboarded, connected, or the Sandbox's own).
    pub async fn list_merchants(&self) -> Result<Vec<Merchant>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| store.merchants(&profile.id)).await
    }

    /// One page of the cached list, queued creates first; works offline. The query's profile
    /// is always the active one.
    pub async fn search_links(&self, mut query: LinkQuery) -> Result<LinkPage, ServiceError> {
        query.profile_id = self.active_profile().await?.id;
        let now = unix_now();
        self.store(move |store| links::list(store, &query, now))
            .await
    }

    pub async fn links_status(&self, merchant_id: String) -> Result<LinksStatus, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| {
            let resource = links_resource(&merchant_id);
            let sync = store
                .sync_states(&profile.id)?
                .into_iter()
                .find(|state| state.resource == resource);
            let writes = writes::open_writes(store, &profile.id, &merchant_id)?;
            Ok::<_, ServiceError>(LinksStatus { sync, writes })
        })
        .await
    }

    /// Refreshes a merchant's links from Billpocket, settles uncertain writes and sends queued
    /// ones. A failure is recorded (the list says it is offline) and returned. Either way the
    /// window hears that the sync finished.
    pub async fn sync_links(&self, merchant_id: &str) -> Result<SyncOutcome, ServiceError> {
        let (profile, access) = self.billpocket(Some(merchant_id)).await?;
        let synced =
            writes::sync_merchant(&self.store, &access, &profile.id, merchant_id, unix_now()).await;
        let error_code = synced.as_ref().err().map(Coded::code);
        self.events
            .links_synced(&profile.id, merchant_id, error_code);
        Ok(synced?)
    }

    /// The background refresh: syncs again every merchant of the active profile whose links
    /// were synced before (the lists someone looks at), one after the other. Each sync is
    /// announced like any other, so open screens update without polling; failures are recorded
    /// by the sync itself.
    pub async fn refresh_synced_links(&self) -> Result<(), ServiceError> {
        let profile = self.active_profile().await?;
        let merchants: Vec<String> = self
            .store(move |store| store.sync_states(&profile.id))
            .await?
            .into_iter()
            .filter(|state| state.synced_at.is_some())
            .filter_map(|state| links_merchant(&state.resource).map(str::to_owned))
            .collect();
        for merchant_id in merchants {
            if let Err(error) = self.sync_links(&merchant_id).await {
                tracing::info!(merchant_id, %error, "background link refresh failed");
            }
        }
        Ok(())
    }

    /// Checks and queues a write under the UI's idempotency key (one per form opening, so a
    /// double click or a second Enter is the same write), then sends it.
    pub async fn submit_link_write(
        &self,
        idempotency_key: &str,
        request: LinkWrite<LinkForm>,
    ) -> Result<WriteOutcome, ServiceError> {
        let (profile, access) = self.billpocket(Some(request.merchant_id())).await?;
        let profile_id = profile.id.clone();
        let intent = self
            .store(move |store| check_write(store, &profile_id, request))
            .await?;
        let now = unix_now();
        let outcome = writes::submit(
            &self.store,
            &access,
            &profile.id,
            idempotency_key,
            intent,
            now,
        )
        .await?;
        self.announce(&profile.id, &outcome);
        Ok(outcome)
    }

    /// Sends a queued write again, or checks an uncertain one with Billpocket.
    pub async fn retry_link_write(
        &self,
        merchant_id: &str,
        seq: f64,
    ) -> Result<WriteOutcome, ServiceError> {
        let seq = outbox_seq(seq)?;
        let (profile, access) = self.billpocket(Some(merchant_id)).await?;
        let outcome = writes::retry(&self.store, &access, seq, unix_now()).await?;
        self.announce(&profile.id, &outcome);
        Ok(outcome)
    }

    /// Gives up on a queued or uncertain write.
    pub async fn discard_link_write(&self, seq: f64) -> Result<(), ServiceError> {
        Ok(writes::discard(&self.store, outbox_seq(seq)?, unix_now()).await?)
    }

    /// Every link of the filtered and sorted view (all pages) as CSV; `lang` is the UI language
    /// (`es-MX` or `en`) of the headers and states.
    pub async fn export_links(
        &self,
        mut query: LinkQuery,
        lang: &str,
    ) -> Result<LinkExport, ServiceError> {
        query.profile_id = self.active_profile().await?.id;
        let (now, locale) = (unix_now(), csv_locale(lang));
        let (csv, rows) = self
            .store(move |store| export_links(store, &query, now, locale))
            .await?;
        Ok(LinkExport {
            csv,
            rows,
            file_name: export_file_name(now),
        })
    }

    /// A write that left `sent` is announced; one still being sent by another call is not.
    fn announce(&self, profile_id: &str, outcome: &WriteOutcome) {
        let write = &outcome.write;
        if write.state != mostrador_store::OutboxState::Sent {
            self.events.write_settled(
                profile_id,
                write.intent.merchant_id(),
                write.seq,
                write.state,
            );
        }
    }
}

/// Checks the request's form (and main link) again: nothing unchecked reaches the outbox.
fn check_write(
    store: &Store,
    profile_id: &str,
    request: LinkWrite<LinkForm>,
) -> Result<LinkIntent, FormError> {
    request.checked(
        |merchant_id, link_id, link| form::check(store, profile_id, merchant_id, link_id, &link),
        |main_link| {
            // The main link is a slug too: same characters and length rules.
            let report =
                validation::validate_field(FieldKind::UrlPath, &main_link, FieldContext::default());
            report
                .value
                .clone()
                .ok_or_else(|| FormError::from_report("mainLink", &report))
        },
    )
}

/// Outbox sequence numbers cross IPC as JS numbers.
pub(super) fn outbox_seq(seq: f64) -> Result<i64, ServiceError> {
    if seq.fract() == 0.0 && (1.0..9.0e15).contains(&seq) {
        #[allow(clippy::cast_possible_truncation)]
        Ok(seq as i64)
    } else {
        Err(ServiceError::NoSuchWrite(seq))
    }
}
