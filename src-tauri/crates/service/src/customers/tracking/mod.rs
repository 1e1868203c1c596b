//! KYC tracking: the customers whose verification is not settled (the store's
//! `unsettled_customers` states the rule for each provider) are asked for again, in the
//! background and on demand, never more than [`CONCURRENCY`] calls at once across every
//! refresh. Each provider has a [`gate::Gate`]: a 429 or 5xx closes it for its `Retry-After`,
//! other transient failures for a growing backoff, and a customer is tried again up to
//! [`ATTEMPTS`] times. A provider that cannot be reached (or refuses our credentials) pauses
//! the run for that provider: the first customer goes alone, as a probe, so an outage costs one
//! call. Every observed change is already in the history (`kyc.rs`, `accounts.rs`); here it is
//! announced as `customerStatusChanged` and, when it settles the case, notified.

mod gate;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::ProviderError;
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketError, Refusal};
use mostrador_providers::undostres::{UnDosTresClient, UnDosTresError};
use mostrador_store::{Customer, KycSource, KycStatus, KycTransition, Provider, Store};
use serde::Serialize;
use specta::Type;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use self::gate::Gate;
use super::CustomerError;
use super::kyc::{self, KycCheckOutcome};
use super::notify::{Notifier, NotifyPolicy};
use super::sync::{self, note_reachable, note_unreachable};
use crate::app::unix_now;
use crate::blocking::blocking;
use crate::events::Events;
use crate::sync::is_unreachable;
use crate::undostres::UndostresServiceError;
use crate::undostres::accounts::refresh_account;

/// Calls in flight at most, across every refresh of every provider.
pub const CONCURRENCY: usize = 4;
/// Tries per customer when the failure is worth waiting out (429, 5xx, a timeout).
const ATTEMPTS: u32 = 3;

/// The clients a refresh may use; a provider without one (no credentials in this profile) is
/// left out of the run.
#[derive(Default)]
pub struct Clients {
    pub cryptopocket: Option<CryptoPocketClient>,
    pub undostres: Option<UnDosTresClient>,
}

impl Clients {
    fn of(&self, provider: Provider) -> Option<Client<'_>> {
        match provider {
            Provider::Cryptopocket => self.cryptopocket.as_ref().map(Client::CryptoPocket),
            Provider::Undostres => self.undostres.as_ref().map(Client::UnDosTres),
        }
    }
}

/// The client of one customer's provider.
#[derive(Clone, Copy)]
pub enum Client<'a> {
    CryptoPocket(&'a CryptoPocketClient),
    UnDosTres(&'a UnDosTresClient),
}

/// Where a refresh records, announces and notifies what it saw.
#[derive(Clone)]
pub struct Context {
    pub store: Arc<Store>,
    pub profile_id: String,
    pub events: Events,
    pub notifier: Arc<dyn Notifier>,
    pub policy: NotifyPolicy,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TrackingReport {
    /// Customers the provider answered for.
    pub checked: u32,
    /// Of those, the ones whose status or level changed.
    pub changed: u32,
    /// Customers whose refresh failed (after its tries) or was not made because their provider
    /// was paused.
    pub failed: u32,
    /// Providers the run paused: unreachable, our credentials refused, or asking to wait longer
    /// than the run waits.
    pub paused: Vec<Provider>,
}

#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    #[error(transparent)]
    CryptoPocket(#[from] CustomerError),
    #[error(transparent)]
    UnDosTres(#[from] UndostresServiceError),
    /// The provider asked to wait longer than a refresh waits.
    #[error("the provider asked to wait longer than a refresh waits")]
    Throttled(Provider),
}

impl Coded for TrackError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::CryptoPocket(error) => error.code(),
            Self::UnDosTres(error) => error.code(),
            Self::Throttled(provider) => {
                ErrorCode::of_provider(codes_provider(*provider), "rate_limited")
            }
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::CryptoPocket(error) => error.field(),
            Self::UnDosTres(error) => error.field(),
            Self::Throttled(_) => None,
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::CryptoPocket(error) => error.params(),
            Self::UnDosTres(error) => error.params(),
            Self::Throttled(_) => Vec::new(),
        }
    }
}

fn codes_provider(provider: Provider) -> mostrador_codes::Provider {
    match provider {
        Provider::Cryptopocket => mostrador_codes::Provider::CryptoPocket,
        Provider::Undostres => mostrador_codes::Provider::Undostres,
    }
}

/// What to do after a failed refresh.
#[derive(Debug, PartialEq)]
enum Next {
    /// Wait (this long, or the backoff) and try again.
    Retry(Option<Duration>),
    /// Every other call to this provider would fail the same way: pause it.
    Pause,
    /// About this customer only (unknown to the provider, a store error): go on.
    Skip,
}

impl TrackError {
    fn provider_error(&self) -> Option<&ProviderError> {
        match self {
            Self::CryptoPocket(CustomerError::CryptoPocket(CryptoPocketError::Provider(error)))
            | Self::UnDosTres(UndostresServiceError::UnDosTres(UnDosTresError::Provider(error))) => {
                Some(error)
            }
            _ => None,
        }
    }

    fn next(&self) -> Next {
        if matches!(
            self,
            Self::Throttled(_)
                | Self::CryptoPocket(CustomerError::CryptoPocket(CryptoPocketError::Refused(
                    Refusal::AuthorizationIncorrect
                )))
        ) {
            return Next::Pause;
        }
        match self.provider_error() {
            Some(ProviderError::RateLimited { retry_after }) => Next::Retry(*retry_after),
            Some(ProviderError::Provider {
                status,
                retry_after,
            }) if *status >= 500 => Next::Retry(*retry_after),
            Some(ProviderError::Timeout | ProviderError::UnreadableResponse { .. }) => {
                Next::Retry(None)
            }
            Some(
                ProviderError::NetworkUnreachable { .. }
                | ProviderError::Unauthorized
                | ProviderError::Forbidden
                | ProviderError::MissingCredential { .. }
                | ProviderError::InvalidConfiguration { .. }
                | ProviderError::UnknownAddress { .. },
            ) => Next::Pause,
            _ => Next::Skip,
        }
    }
}

/// The shared limit and gates; cheap to clone.
#[derive(Clone)]
pub struct Tracker(Arc<Shared>);

struct Shared {
    permits: Semaphore,
    cryptopocket: Gate,
    undostres: Gate,
}

impl Default for Tracker {
    fn default() -> Self {
        Self(Arc::new(Shared {
            permits: Semaphore::new(CONCURRENCY),
            cryptopocket: Gate::default(),
            undostres: Gate::default(),
        }))
    }
}

impl Tracker {
    fn gate(&self, provider: Provider) -> &Gate {
        match provider {
            Provider::Cryptopocket => &self.0.cryptopocket,
            Provider::Undostres => &self.0.undostres,
        }
    }

    /// Asks for one customer now (tries again after a 429 or 5xx), records and announces a
    /// change, and notifies when it settled the case.
    pub async fn refresh(
        &self,
        ctx: &Context,
        client: Client<'_>,
        customer: &Customer,
    ) -> Result<KycCheckOutcome, TrackError> {
        let mut attempt = 1;
        let observed = loop {
            match self.attempt(ctx, client, customer).await {
                Err(error) if attempt < ATTEMPTS && matches!(error.next(), Next::Retry(_)) => {
                    attempt += 1;
                }
                other => break other?,
            }
        };
        if observed.change.is_some() {
            announce(ctx, customer, &observed);
        }
        Ok(observed)
    }

    /// One call, under the limit and after the provider's gate.
    async fn attempt(
        &self,
        ctx: &Context,
        client: Client<'_>,
        customer: &Customer,
    ) -> Result<KycCheckOutcome, TrackError> {
        let gate = self.gate(customer.provider);
        // Never closed: a failure to acquire cannot happen, but is no reason to call unlimited.
        let _permit = self
            .0
            .permits
            .acquire()
            .await
            .map_err(|_| TrackError::Throttled(customer.provider))?;
        if !gate.pass().await {
            return Err(TrackError::Throttled(customer.provider));
        }
        let observed = ask(ctx, client, customer).await;
        match &observed {
            Ok(_) => gate.succeeded(),
            Err(error) => {
                if let Next::Retry(retry_after) = error.next() {
                    gate.close(retry_after);
                }
            }
        }
        offline_mark(ctx, customer.provider, &observed).await;
        observed
    }

    /// Refreshes `customers` with at most [`CONCURRENCY`] calls in flight; the first of them
    /// goes alone, so an unreachable provider costs one call.
    pub async fn refresh_all(
        &self,
        ctx: Context,
        clients: Arc<Clients>,
        customers: Vec<Customer>,
    ) -> TrackingReport {
        let run = Arc::new(Run {
            queue: Mutex::new(
                customers
                    .into_iter()
                    .filter(|c| clients.of(c.provider).is_some())
                    .collect(),
            ),
            report: Mutex::default(),
        });
        self.work(&ctx, &clients, &run, 1).await;
        let mut workers = JoinSet::new();
        for _ in 0..CONCURRENCY {
            let (tracker, ctx, clients, run) = (
                self.clone(),
                ctx.clone(),
                Arc::clone(&clients),
                Arc::clone(&run),
            );
            workers.spawn(async move { tracker.work(&ctx, &clients, &run, usize::MAX).await });
        }
        while let Some(joined) = workers.join_next().await {
            if let Err(error) = joined {
                tracing::warn!(%error, "a KYC tracking worker stopped");
            }
        }
        let report = lock(&run.report).clone();
        tracing::info!(?report, "kyc tracking run finished");
        report
    }

    /// Takes customers from the run's queue (at most `count`) and refreshes them one by one.
    async fn work(&self, ctx: &Context, clients: &Clients, run: &Run, count: usize) {
        for _ in 0..count {
            let Some(customer) = lock(&run.queue).pop_front() else {
                return;
            };
            let paused = lock(&run.report).paused.contains(&customer.provider);
            let Some(client) = clients.of(customer.provider).filter(|_| !paused) else {
                lock(&run.report).failed += 1;
                continue;
            };
            let outcome = self.refresh(ctx, client, &customer).await;
            let mut report = lock(&run.report);
            match outcome {
                Ok(observed) => {
                    report.checked += 1;
                    report.changed += u32::from(observed.change.is_some());
                }
                Err(error) => {
                    report.failed += 1;
                    let next = error.next();
                    tracing::warn!(code = %error.code(), provider = %customer.provider, ?next, "kyc refresh failed");
                    if next == Next::Pause && !report.paused.contains(&customer.provider) {
                        report.paused.push(customer.provider);
                    }
                }
            }
        }
    }
}

/// One run's queue and tally.
struct Run {
    queue: Mutex<VecDeque<Customer>>,
    report: Mutex<TrackingReport>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Plain data changed in single steps: a panic elsewhere leaves it usable.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Asks the provider and records the answer (the history gets a change once).
async fn ask(
    ctx: &Context,
    client: Client<'_>,
    customer: &Customer,
) -> Result<KycCheckOutcome, TrackError> {
    let now = unix_now();
    match client {
        Client::CryptoPocket(client) => {
            Ok(kyc::check_status(&ctx.store, client, &ctx.profile_id, &customer.id, now).await?)
        }
        Client::UnDosTres(client) => {
            let id = customer.id.trim().parse().map_err(|_| {
                UndostresServiceError::from(ProviderError::InvalidPathId {
                    reason: "not an UnDosTres customer id",
                })
            })?;
            let account = refresh_account(&ctx.store, client, &ctx.profile_id, id, now).await?;
            let (status, level) = (account.customer.kyc_status, account.customer.kyc_level);
            // The read went through the cache's upsert, which recorded the change as a sync.
            let change = ((status, level) != (customer.kyc_status, customer.kyc_level)).then_some(
                KycTransition {
                    from_status: Some(customer.kyc_status),
                    to_status: status,
                    kyc_level: level,
                    observed_at: now,
                    source: KycSource::Sync,
                },
            );
            Ok(KycCheckOutcome {
                status,
                level,
                change,
                checked_at: now,
            })
        }
    }
}

/// Keeps a provider's offline mark (on its customers' sync state) true to the last call: a
/// check that found it unreachable records so, one that got an answer clears it; either change
/// is announced on the provider's resource, so an open screen shows or drops its offline banner
/// at once.
async fn offline_mark(
    ctx: &Context,
    provider: Provider,
    observed: &Result<KycCheckOutcome, TrackError>,
) {
    let resource = sync::resource_of(provider);
    let now = unix_now();
    let changed = match observed {
        Ok(_) => note_reachable(&ctx.store, &ctx.profile_id, resource, now)
            .await
            .then_some(None),
        Err(error) if is_unreachable(error.code()) => {
            note_unreachable(&ctx.store, &ctx.profile_id, resource, error.code(), now).await;
            Some(Some(error.code()))
        }
        Err(_) => None,
    };
    if let Some(error_code) = changed {
        ctx.events
            .customers_synced(&ctx.profile_id, resource, error_code);
    }
}

/// Tells the window, and the agent when the case settled.
fn announce(ctx: &Context, customer: &Customer, observed: &KycCheckOutcome) {
    announce_change(ctx, customer, observed.status, observed.level);
}

/// Announces a change from `before` (the customer as cached until now) to `status` and
/// `level`, whoever observed it (a refresh, a list sync), and notifies it when it settled the
/// case. Each change is observed once (the store records it once), so it is told once.
pub fn announce_change(ctx: &Context, before: &Customer, status: KycStatus, level: Option<u8>) {
    ctx.events
        .customer_status_changed(&ctx.profile_id, before.provider, &before.id, status, level);
    if status != before.kyc_status
        && let Some(notification) = ctx.policy.settled(before, status)
    {
        ctx.notifier.show(&notification);
    }
}

/// Notifies the pending cases that passed the target age since the last time (each once). The
/// cases are read again, so the ones a run just settled are not among them.
pub async fn notify_overdue(ctx: &Context) -> Result<usize, CustomerError> {
    if !ctx.policy.kyc.notifications {
        return Ok(0);
    }
    let (profile_id, policy, now) = (ctx.profile_id.clone(), ctx.policy, unix_now());
    let newly = blocking::<_, _, CustomerError>(&ctx.store, move |store| {
        let unsettled = store.unsettled_customers(&profile_id)?;
        let overdue: Vec<Customer> = policy
            .overdue(&unsettled, now)
            .into_iter()
            .cloned()
            .collect();
        store.write(|w| w.mark_overdue_notified(&profile_id, &overdue, now))
    })
    .await?;
    if let Some(notification) = ctx.policy.passed_target(&newly) {
        ctx.notifier.show(&notification);
    }
    Ok(newly.len())
}
