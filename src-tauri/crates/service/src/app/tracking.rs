//! KYC tracking of the active profile: every unsettled customer in the background, the view's
//! or one customer's on demand, all under one concurrency limit; the KYC preferences that say
//! when a case is overdue and whether to notify.

use std::collections::HashSet;
use std::sync::Arc;

use mostrador_codes::Coded;
use mostrador_providers::HttpConfig;
use mostrador_store::{Customer, CustomerQuery, KycStatus, Provider, StoreError};

use super::{App, ServiceError, unix_now};
use crate::customers;
use crate::customers::access::cryptopocket_client;
use crate::customers::kyc::KycCheckOutcome;
use crate::customers::notify::{Notifier, NotifyPolicy};
use crate::customers::sync::{StatusChange, UNDOSTRES_RESOURCE};
use crate::customers::tracking::{
    Client, Clients, Context, TrackingReport, announce_change, notify_overdue,
};
use crate::preferences::{KycPreferences, Preferences};
use crate::profiles::SANDBOX_PROFILE_ID;
use crate::undostres::access::client as undostres_client;

impl App {
    /// Where notifications go (the shell's desktop); silent until set.
    #[must_use]
    pub fn with_notifier(mut self, notifier: impl Notifier) -> Self {
        self.notifier = Arc::new(notifier);
        self
    }

    /// The background refresh: every unsettled customer of the active profile, least recently
    /// checked first, then the cases that passed the target age are notified (once each), and
    /// UnDosTres' open account creations are settled when the run did not find it paused (it
    /// has no list sync to do that, as CryptoPocket's has).
    pub async fn track_customers(&self) -> Result<TrackingReport, ServiceError> {
        let (ctx, clients) = self.tracking().await?;
        let profile_id = ctx.profile_id.clone();
        let unsettled = self
            .store(move |store| store.unsettled_customers(&profile_id))
            .await?;
        let undostres = clients.undostres.is_some();
        let report = self
            .tracker
            .refresh_all(ctx.clone(), clients, unsettled)
            .await;
        notify_overdue(&ctx).await?;
        if undostres
            && !report.paused.contains(&Provider::Undostres)
            && let Err(error) = self.flush_undostres_writes().await
        {
            tracing::info!(code = %error.code(), "UnDosTres creations left open");
        }
        Ok(report)
    }

    /// The background refresh of the customer lists, at the links' pace: CryptoPocket's list
    /// (announced, like the screen's own sync) and, in the Sandbox profile, the accounts the
    /// UnDosTres double holds that the cache does not (UnDosTres has no list call, so a real
    /// profile learns of an account only when it is created here). A customer created elsewhere
    /// so shows, and is tracked, without anyone opening the screen. A failure is recorded by the
    /// sync itself and logged.
    pub async fn sync_customer_lists(&self) -> Result<(), ServiceError> {
        if let Err(error) = self.sync_customers().await {
            tracing::info!(code = %error.code(), "background customers sync failed");
        }
        let profile = self.active_profile().await?;
        if profile.id != SANDBOX_PROFILE_ID {
            return Ok(());
        }
        let sandbox = Arc::clone(&self.sandbox);
        let now = unix_now();
        let added = self
            .store(move |store| sandbox.cache_new_undostres_accounts(store, now))
            .await?;
        if added > 0 {
            tracing::info!(added, "new UnDosTres accounts at the sandbox");
            self.events
                .customers_synced(&profile.id, UNDOSTRES_RESOURCE, None);
        }
        Ok(())
    }

    /// Announces the status changes a list sync saw (a customer new to the cache has none),
    /// notifying the ones that settled a case.
    pub(super) async fn announce_listed(
        &self,
        changes: &[StatusChange],
    ) -> Result<(), ServiceError> {
        let changed: Vec<(String, KycStatus)> = changes
            .iter()
            .filter_map(|change| change.from.map(|from| (change.customer_id.clone(), from)))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let ctx = self.tracking_context().await?;
        let profile_id = ctx.profile_id.clone();
        let before = self
            .store(move |store| {
                changed
                    .into_iter()
                    .map(|(id, from)| {
                        let current = store.customer(&profile_id, Provider::Cryptopocket, &id)?;
                        Ok::<_, StoreError>((current, from))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .await?;
        for (current, from) in before {
            let (status, level) = (current.kyc_status, current.kyc_level);
            let before = Customer {
                kyc_status: from,
                ..current
            };
            announce_change(&ctx, &before, status, level);
        }
        Ok(())
    }

    /// "Actualizar" on the list: the unsettled customers among those `query` matches (every
    /// page of it, the same query as the list).
    pub async fn refresh_customers(
        &self,
        query: CustomerQuery,
    ) -> Result<TrackingReport, ServiceError> {
        let (ctx, clients) = self.tracking().await?;
        let query = CustomerQuery {
            profile_id: ctx.profile_id.clone(),
            ..query
        };
        let in_view = self
            .store(move |store| {
                let mut keys = HashSet::new();
                customers::every(store, &query, |c| {
                    keys.insert((c.provider, c.id));
                    Ok(())
                })?;
                let unsettled = store.unsettled_customers(&query.profile_id)?;
                Ok::<_, StoreError>(
                    unsettled
                        .into_iter()
                        .filter(|c| keys.contains(&(c.provider, c.id.clone())))
                        .collect::<Vec<Customer>>(),
                )
            })
            .await?;
        Ok(self.tracker.refresh_all(ctx, clients, in_view).await)
    }

    /// Asks the provider for one cached customer now, records and announces a change.
    pub async fn refresh_customer(
        &self,
        provider: Provider,
        customer_id: String,
    ) -> Result<KycCheckOutcome, ServiceError> {
        let ctx = self.tracking_context().await?;
        let profile_id = ctx.profile_id.clone();
        let customer = self
            .store(move |store| store.customer(&profile_id, provider, &customer_id))
            .await?;
        let checked = match provider {
            // The profile's kept client (one authentication for every command): its own read
            // retries hold back only this one call, which still passes the provider's gate.
            Provider::Cryptopocket => {
                let (_, client) = self.cryptopocket().await?;
                let client = Client::CryptoPocket(&client);
                self.tracker.refresh(&ctx, client, &customer).await?
            }
            Provider::Undostres => {
                let (_, client) = self
                    .provider(|store, vault, sandbox, profile_id| {
                        undostres_client(store, vault, sandbox, profile_id, tracking_config())
                    })
                    .await?;
                let client = Client::UnDosTres(&client);
                self.tracker.refresh(&ctx, client, &customer).await?
            }
        };
        Ok(checked)
    }

    /// The agent's KYC target age and notifications switch.
    pub fn set_kyc_preferences(&self, kyc: KycPreferences) -> Result<Preferences, ServiceError> {
        Ok(self.preferences.set_kyc(kyc)?)
    }

    /// The context and clients of a refresh in the active profile. A provider whose client
    /// cannot be made (no credentials) is left out, with why in the log.
    async fn tracking(&self) -> Result<(Context, Arc<Clients>), ServiceError> {
        let (_, clients) = self
            .provider(|store, vault, sandbox, profile_id| {
                let config = tracking_config();
                let cryptopocket =
                    cryptopocket_client(store, vault, sandbox, profile_id, config.clone())
                        .inspect_err(|error| {
                            tracing::info!(code = %error.code(), "no CryptoPocket client to track customers");
                        })
                        .ok();
                let undostres = undostres_client(store, vault, sandbox, profile_id, config)
                    .inspect_err(|error| {
                        tracing::info!(code = %error.code(), "no UnDosTres client to track accounts");
                    })
                    .ok();
                Ok::<_, ServiceError>(Clients {
                    cryptopocket,
                    undostres,
                })
            })
            .await?;
        Ok((self.tracking_context().await?, Arc::new(clients)))
    }

    /// Where a refresh in the active profile records, announces and notifies.
    async fn tracking_context(&self) -> Result<Context, ServiceError> {
        let preferences = self.preferences.load();
        Ok(Context {
            store: Arc::clone(&self.store),
            profile_id: self.active_profile().await?.id,
            events: self.events.clone(),
            notifier: Arc::clone(&self.notifier),
            policy: NotifyPolicy {
                kyc: preferences.kyc,
                locale: preferences.locale,
            },
        })
    }
}

/// The clients of a run have no read retries of their own: the tracker retries under the
/// provider's shared gate, so a `Retry-After` holds back every call, not only the one that got
/// it.
fn tracking_config() -> HttpConfig {
    HttpConfig {
        read_retries: 0,
        ..HttpConfig::default()
    }
}
