//! Link writes as an operation of the write engine: the Billpocket call of each kind, the check
//! that the answer carries the change, and the answer mirrored in the cache.

use mostrador_codes::{ErrorCode, Provider};
use mostrador_providers::ProviderError;
use mostrador_providers::billpocket::types::{
    LINK_ACTIVE, Link as ProviderLink, LinkConfig, LinkRequest, LinkUpdate, RateRequest,
};
use mostrador_store::{StoreError, UnixSeconds, Writer};

use super::LinkIntent;
use super::reconcile::{differing_fields, find};
use crate::billpocket_access::BillpocketAccess;
use crate::outbox::{Lookup, Operation};
use crate::sync::{record_unreachable, to_cache};

/// Link writes of one merchant, sent with its access.
pub struct LinkOps<'a> {
    pub access: &'a BillpocketAccess,
}

/// What Billpocket answered to a link write (or showed when it was looked for).
#[derive(Debug)]
pub enum LinkAnswer {
    Link(Box<ProviderLink>),
    Deleted,
    Configured(LinkConfig),
}

impl Operation for LinkOps<'_> {
    type Intent = LinkIntent;
    type Answer = LinkAnswer;
    type Error = ProviderError;

    const PROVIDER: Provider = Provider::Billpocket;

    fn kind(intent: &LinkIntent) -> &'static str {
        intent.kind()
    }

    async fn send(&self, intent: &LinkIntent) -> Result<LinkAnswer, ProviderError> {
        let (client, creds) = (&self.access.client, &self.access.credentials);
        let link = |l: ProviderLink| LinkAnswer::Link(Box::new(l));
        match intent {
            LinkIntent::Create { link: form, .. } => {
                let request = LinkRequest {
                    url_path: Some(form.slug.clone()),
                    expired_at: form.expired_at(),
                    amount: form.amount().to_billpocket(),
                    link_type: form.link_type,
                    description: form.description.clone(),
                    rates: rates(&form.months),
                    is_fixed_term: form.is_fixed_term,
                };
                client.create_link(creds, &request).await.map(link)
            }
            LinkIntent::Update {
                link_id,
                link: form,
                ..
            } => {
                let changes = LinkUpdate {
                    url_path: Some(form.slug.clone()),
                    expired_at: form.expired_at(),
                    amount: Some(form.amount().to_billpocket()),
                    link_type: Some(form.link_type),
                    description: Some(form.description.clone()),
                    rates: Some(rates(&form.months)),
                    is_fixed_term: Some(form.is_fixed_term),
                    status: None,
                };
                client.update_link(creds, link_id, &changes).await.map(link)
            }
            LinkIntent::SetActive {
                link_id, active, ..
            } => client
                .set_link_active(creds, link_id, *active)
                .await
                .map(link),
            LinkIntent::Delete { link_id, .. } => client
                .delete_link(creds, link_id)
                .await
                .map(|()| LinkAnswer::Deleted),
            LinkIntent::ConfigureMainLink { main_link, .. } => client
                .configure_links(creds, main_link)
                .await
                .map(LinkAnswer::Configured),
        }
    }

    fn differences(&self, intent: &LinkIntent, answer: &LinkAnswer) -> Vec<String> {
        let differ = |field: &str, same: bool| (!same).then(|| field.to_owned());
        match (intent, answer) {
            (
                LinkIntent::Create { link, .. } | LinkIntent::Update { link, .. },
                LinkAnswer::Link(answered),
            ) => differing_fields(answered, link),
            (LinkIntent::SetActive { active, .. }, LinkAnswer::Link(answered)) => {
                differ("status", (answered.status == LINK_ACTIVE) == *active)
                    .into_iter()
                    .collect()
            }
            (LinkIntent::ConfigureMainLink { main_link, .. }, LinkAnswer::Configured(config)) => {
                differ("mainLink", config.main_link == *main_link)
                    .into_iter()
                    .collect()
            }
            // A delete answers no body: the next list shows whether the link is gone.
            _ => Vec::new(),
        }
    }

    fn already_done(&self, intent: &LinkIntent, error: &ProviderError) -> Option<LinkAnswer> {
        // Deleting what is already gone is done; it leaves the cache too.
        (matches!(intent, LinkIntent::Delete { .. }) && matches!(error, ProviderError::NotFound))
            .then_some(LinkAnswer::Deleted)
    }

    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &LinkIntent,
        answer: &LinkAnswer,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError> {
        let merchant_id = intent.merchant_id();
        match (answer, intent) {
            (LinkAnswer::Link(link), _) => {
                w.upsert_links(profile_id, &[to_cache(link, merchant_id)], now)?;
                Ok(Some(link.id.clone()))
            }
            (LinkAnswer::Deleted, LinkIntent::Delete { link_id, .. }) => {
                match w.delete_link(profile_id, link_id) {
                    Ok(()) | Err(StoreError::NotFound(_)) => Ok(Some(link_id.clone())),
                    Err(error) => Err(error),
                }
            }
            (LinkAnswer::Configured(config), _) => {
                w.set_main_link(
                    profile_id,
                    merchant_id,
                    &config.main_link,
                    &config.domain,
                    now,
                )?;
                Ok(None)
            }
            (LinkAnswer::Deleted, _) => Ok(None),
        }
    }

    fn note_failure(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &LinkIntent,
        code: ErrorCode,
        now: UnixSeconds,
    ) -> Result<(), StoreError> {
        record_unreachable(w, profile_id, intent.merchant_id(), code, now)
    }

    async fn look_for(&self, intent: &LinkIntent) -> Result<Lookup<LinkAnswer>, ProviderError> {
        let links = self
            .access
            .client
            .list_links(&self.access.credentials)
            .await?;
        Ok(find(intent, &links))
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
