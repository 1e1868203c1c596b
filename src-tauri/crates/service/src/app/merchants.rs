//! The Comercios screen's use cases: the merchants with their link counts, registration with
//! Billpocket (drafts, cached catalogues), connecting an existing merchant, and its CLABE.

use mostrador_providers::Credential;
use mostrador_store::{Draft, Merchant};
use serde::Serialize;
use specta::Type;

use super::{App, ServiceError, unix_now};
use crate::billpocket_access::BillpocketAccess;
use crate::catalogues::{self, CatalogueAnswer, CatalogueName};
use crate::drafts::{self, DraftError};
use crate::merchants::form::{FieldIssue, MerchantForm};
use crate::merchants::{
    self, ConnectOutcome, ConnectRequest, Context, MerchantError, MerchantSummary, RegisterOutcome,
};
use crate::profiles::ActiveProfile;

/// What a registration came to: submitted (done, or still being settled), or refused with
/// every field to fix.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RegisterAnswer {
    Submitted { outcome: Box<RegisterOutcome> },
    Refused { issues: Vec<FieldIssue> },
}

const SECONDS_PER_DAY: i64 = 86_400;

impl App {
    /// The merchant use cases' view of the active profile.
    fn merchant_context<'a>(
        &'a self,
        access: &'a BillpocketAccess,
        profile: &'a ActiveProfile,
    ) -> Context<'a> {
        Context {
            store: &self.store,
            vault: self.vault.as_ref().ok().cloned(),
            access,
            profile_id: &profile.id,
            environment: profile.environment,
        }
    }

    /// Every merchant with its count of links (`None` until its links were synced once).
    pub async fn merchants_overview(&self) -> Result<Vec<MerchantSummary>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| merchants::overview(store, &profile.id))
            .await
    }

    /// A Billpocket catalogue for the registration form: cached for a week, usable offline.
    pub async fn merchant_catalogue(
        &self,
        name: CatalogueName,
    ) -> Result<CatalogueAnswer, ServiceError> {
        let (profile, access) = self.billpocket(None).await?;
        let max_age = catalogues::DEFAULT_MAX_AGE_SECS;
        let answer =
            catalogues::catalogue(&self.store, &access, &profile.id, name, unix_now(), max_age);
        Ok(answer.await?)
    }

    /// Registers a merchant under the UI's idempotency key (one per form opening). The
    /// password is used for the call only: it is in no draft, no outbox entry, no log.
    pub async fn register_merchant(
        &self,
        idempotency_key: &str,
        form: MerchantForm,
        password: Credential,
    ) -> Result<RegisterAnswer, ServiceError> {
        let (profile, access) = self.billpocket(None).await?;
        let cx = self.merchant_context(&access, &profile);
        match merchants::register(&cx, idempotency_key, form, password, unix_now()).await {
            Ok(outcome) => Ok(RegisterAnswer::Submitted {
                outcome: Box::new(outcome),
            }),
            Err(MerchantError::Invalid(issues)) => Ok(RegisterAnswer::Refused { issues }),
            Err(other) => Err(other.into()),
        }
    }

    /// Connects a merchant that already exists at Billpocket (its token is validated first);
    /// what the cache knows of it is kept.
    pub async fn connect_merchant(
        &self,
        request: ConnectRequest,
    ) -> Result<ConnectOutcome, ServiceError> {
        let (profile, access) = self.billpocket(None).await?;
        let cx = self.merchant_context(&access, &profile);
        Ok(merchants::connect(&cx, request, unix_now()).await?)
    }

    /// Adds or replaces the CLABE where the merchant's sales are deposited.
    pub async fn set_merchant_clabe(
        &self,
        merchant_id: &str,
        clabe: &str,
    ) -> Result<Merchant, ServiceError> {
        let (profile, access) = self.billpocket(Some(merchant_id)).await?;
        let cx = self.merchant_context(&access, &profile);
        Ok(merchants::set_clabe(&cx, merchant_id, clabe, unix_now()).await?)
    }

    /// The active profile's drafts of a form, newest first.
    pub async fn list_drafts(&self, kind: String) -> Result<Vec<Draft>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| drafts::list_drafts(store, &profile.id, &kind))
            .await
    }

    /// Saves a form as typed (`body` is its JSON; any password in it is dropped). A new draft
    /// when `id` is `None`.
    pub async fn save_draft(
        &self,
        id: Option<String>,
        kind: String,
        title: String,
        body: String,
    ) -> Result<Draft, ServiceError> {
        let body: serde_json::Value =
            serde_json::from_str(&body).map_err(|e| DraftError::Body(e.to_string()))?;
        let profile = self.active_profile().await?;
        let now = unix_now();
        self.store(move |store| {
            drafts::save_draft(store, &profile.id, id, &kind, &title, body, now)
        })
        .await
    }

    /// Discards the drafts of a form last saved more than `older_than_days` ago; returns how
    /// many.
    pub async fn discard_old_drafts(
        &self,
        kind: String,
        older_than_days: u32,
    ) -> Result<u32, ServiceError> {
        let profile = self.active_profile().await?;
        let before = unix_now() - i64::from(older_than_days) * SECONDS_PER_DAY;
        self.store(move |store| {
            drafts::discard_drafts_saved_before(store, &profile.id, &kind, before)
        })
        .await
    }

    pub async fn discard_draft(&self, id: String) -> Result<bool, ServiceError> {
        self.store(move |store| drafts::discard_draft(store, &id))
            .await
    }
}
