//! KYC tracking against the embedded CryptoPocket double, which counts the requests it is
//! handling: a thousand pending customers refreshed never put more than the limit in flight, a
//! 429's Retry-After holds back every call until the time it names, an unreachable provider
//! pauses the run, and each observed change is announced once and notified when it settles.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{NOW, World, add_pending_persons, config, world};
use mostrador_codes::Coded;
use mostrador_core::Centavos;
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::{KycStatus as ProviderStatus, PersonRequest};
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::undostres::rules::check_account;
use mostrador_providers::undostres::types::{AccountRequest, Gender};
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY, SANDBOX_API_SECRET};
use mostrador_sandbox::undostres::seed::SANDBOX_ECOMMERCE_TOKEN;
use mostrador_sandbox::{
    CryptoPocketSandbox, FaultAction, FaultPlan, FaultRule, Outage, SandboxConfig, Scope, Trigger,
};
use mostrador_service::app::App;
use mostrador_service::customers::notify::{
    Notification, NotificationKind, Notifier, NotifyPolicy,
};
use mostrador_service::customers::sync::sync_customers;
use mostrador_service::customers::tracking::{
    CONCURRENCY, Clients, Context, Tracker, notify_overdue,
};
use mostrador_service::events::{AppEvent, Events};
use mostrador_service::preferences::{KycPreferences, Locale};
use mostrador_service::profiles::SANDBOX_PROFILE_ID as PROFILE;
use mostrador_store::{Customer, CustomerQuery, KycSource, KycStatus, Provider};

const PENDING: usize = 1_000;
/// Calls already on their way when a refusal was answered may arrive this long after it (a
/// loaded machine schedules the tracker late); the waits checked are several times longer.
const SLACK_MS: u64 = 100;

/// Keeps what would have been shown on the desktop.
#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<Notification>>>);

impl Notifier for Recorded {
    fn show(&self, notification: &Notification) {
        self.0.lock().unwrap().push(notification.clone());
    }
}

impl Recorded {
    fn taken(&self) -> Vec<Notification> {
        std::mem::take(&mut self.0.lock().unwrap())
    }
}

struct Tracking {
    world: World,
    /// CryptoPocket's double in memory: the embedded one saves its whole state file after every
    /// status check, which would make this test measure the disk instead of the limit.
    double: CryptoPocketSandbox,
    ctx: Context,
    clients: Arc<Clients>,
    events: Receiver<AppEvent>,
    shown: Recorded,
}

/// The world with `extra` more `unused` customers at the double, the list synced into the
/// cache, and a tracking context whose events and notifications are kept.
async fn tracking(extra: usize, notifications: bool) -> Tracking {
    let world = world().await;
    let double = CryptoPocketSandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    add_pending_persons(&double, extra);
    let credentials = CryptoPocketCredentials {
        api_key: Credential::new(SANDBOX_API_KEY),
        api_secret: Credential::new(SANDBOX_API_SECRET),
    };
    let client = CryptoPocketClient::new(&double.base_url(), config(), credentials).unwrap();
    sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    let (sink, events) = channel();
    let shown = Recorded::default();
    let ctx = Context {
        store: Arc::clone(&world.store),
        profile_id: PROFILE.into(),
        events: Events::new(sink),
        notifier: Arc::new(shown.clone()),
        policy: NotifyPolicy {
            kyc: KycPreferences {
                target_days: 2,
                notifications,
            },
            locale: Locale::EsMx,
        },
    };
    let clients = Arc::new(Clients {
        cryptopocket: Some(client),
        undostres: None,
    });
    Tracking {
        world,
        double,
        ctx,
        clients,
        events,
        shown,
    }
}

fn unsettled(world: &World) -> Vec<Customer> {
    world.store.unsettled_customers(PROFILE).unwrap()
}

/// A cached customer in review that the double settles as `status`.
fn settle_one(t: &Tracking, status: ProviderStatus) -> Customer {
    let customer = unsettled(&t.world)
        .into_iter()
        .find(|c| c.kyc_status == KycStatus::Processing)
        .unwrap();
    let id: i64 = customer.id.parse().unwrap();
    t.double
        .update(|state| state.set_kyc(id, status, 0))
        .unwrap();
    customer
}

fn status_changes(events: &Receiver<AppEvent>) -> Vec<(String, KycStatus)> {
    status_changes_in(&events.try_iter().collect::<Vec<_>>())
}

fn status_changes_in(events: &[AppEvent]) -> Vec<(String, KycStatus)> {
    events
        .iter()
        .cloned()
        .filter_map(|event| match event {
            AppEvent::CustomerStatusChanged {
                customer_id,
                status,
                ..
            } => Some((customer_id, status)),
            _ => None,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_pending_customers_never_put_more_than_the_limit_in_flight() {
    let t = tracking(PENDING, true).await;
    let pending = unsettled(&t.world);
    assert!(pending.len() > PENDING, "the seed's pending ones too");
    let faults = t.double.faults();
    faults.set_plan(FaultPlan {
        latency_ms: 10,
        ..FaultPlan::default()
    });
    faults.reset_in_flight_peak();
    faults.clear_seen();

    let started = Instant::now();
    let report = Tracker::default()
        .refresh_all(t.ctx.clone(), Arc::clone(&t.clients), pending.clone())
        .await;
    let elapsed = started.elapsed();

    let in_flight = faults.in_flight();
    assert_eq!(in_flight.now, 0);
    assert_eq!(
        in_flight.peak, CONCURRENCY,
        "at most the limit, and the limit used"
    );
    assert_eq!(report.checked as usize, pending.len());
    assert_eq!((report.failed, report.paused.len()), (0, 0));
    let checks = faults
        .seen()
        .iter()
        .filter(|r| r.path == "/kyc/check")
        .count();
    assert_eq!(checks, pending.len(), "one call per customer");
    // Ideal: every call's 10 ms of latency, CONCURRENCY at a time.
    let ideal = Duration::from_millis(10) * pending.len() as u32 / CONCURRENCY as u32;
    println!(
        "refreshed {} customers in {elapsed:?} (ideal {ideal:?}, peak in flight {})",
        pending.len(),
        in_flight.peak
    );

    // The double's rule: a first check opens the form, `unused` → `processing`. Each change is
    // in the history once and announced once.
    let changes = status_changes(&t.events);
    assert_eq!(changes.len(), report.changed as usize);
    assert!(changes.len() >= PENDING);
    let (id, status) = &changes[0];
    assert_eq!(*status, KycStatus::Processing);
    let history = t
        .world
        .store
        .kyc_history(PROFILE, Provider::Cryptopocket, id)
        .unwrap();
    assert_eq!(history.last().unwrap().source, KycSource::Check);
    assert_eq!(
        history
            .iter()
            .filter(|h| h.to_status == KycStatus::Processing)
            .count(),
        1
    );
    // The seed's cases processing for days settle at this check: one notification each.
    let settled = changes
        .iter()
        .filter(|(_, status)| matches!(status, KycStatus::Valid | KycStatus::Fail))
        .count();
    assert!(settled > 0);
    assert_eq!(t.shown.taken().len(), settled);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_holds_back_every_call_until_the_time_its_retry_after_names() {
    let t = tracking(0, true).await;
    let pending = unsettled(&t.world);
    assert!(pending.len() >= 10, "{}", pending.len());
    let faults = t.double.faults();
    faults.set_plan(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::Status {
                status: 429,
                retry_after: Some("0.4".into()),
            },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: None,
                path_prefix: Some("/kyc/check".into()),
            },
        }],
        ..FaultPlan::default()
    });
    faults.clear_seen();

    let report = Tracker::default()
        .refresh_all(t.ctx.clone(), Arc::clone(&t.clients), pending.clone())
        .await;
    assert_eq!(
        report.checked as usize,
        pending.len(),
        "the refused one too"
    );
    assert_eq!(report.failed, 0);

    let seen = faults.seen();
    let refused = seen.iter().find(|r| r.fault == Some("status")).unwrap();
    let (from, until) = (refused.at_ms, refused.at_ms + 400);
    let early: Vec<u64> = seen
        .iter()
        .map(|r| r.at_ms)
        .filter(|at| *at > from + SLACK_MS && *at < until)
        .collect();
    assert_eq!(early, Vec::<u64>::new(), "a call before the time named");
    let after = seen.iter().filter(|r| r.at_ms >= until).count();
    assert!(after >= 1, "the refused customer was asked again after it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5xx_without_retry_after_backs_off_longer_each_time_then_goes_on() {
    let t = tracking(0, true).await;
    let pending = unsettled(&t.world);
    let faults = t.double.faults();
    faults.set_plan(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::Status {
                status: 503,
                retry_after: None,
            },
            trigger: Trigger::Next(2),
            scope: Scope {
                method: None,
                path_prefix: Some("/kyc/check".into()),
            },
        }],
        ..FaultPlan::default()
    });
    faults.clear_seen();

    let report = Tracker::default()
        .refresh_all(t.ctx.clone(), Arc::clone(&t.clients), pending.clone())
        .await;
    assert_eq!(report.checked as usize, pending.len(), "both retried");
    assert_eq!(report.failed, 0);

    // After the first 503 nothing for the first backoff (0.5 s), after the second for twice that.
    let seen = faults.seen();
    let refused: Vec<u64> = seen
        .iter()
        .filter(|r| r.fault == Some("status"))
        .map(|r| r.at_ms)
        .collect();
    assert_eq!(refused.len(), 2);
    for (at, backoff) in refused.iter().zip([500, 1_000]) {
        let next = seen
            .iter()
            .map(|r| r.at_ms)
            .filter(|t| *t > at + SLACK_MS)
            .min()
            .unwrap();
        assert!(next >= at + backoff, "a call {} ms after a 503", next - at);
    }
}

#[tokio::test]
async fn an_unreachable_provider_pauses_the_run_after_one_call() {
    let t = tracking(0, true).await;
    let pending = unsettled(&t.world);
    let faults = t.double.faults();
    faults.set_plan(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    faults.settled().await;

    let started = Instant::now();
    let report = Tracker::default()
        .refresh_all(t.ctx.clone(), Arc::clone(&t.clients), pending.clone())
        .await;
    assert_eq!(report.paused, [Provider::Cryptopocket]);
    assert_eq!((report.checked, report.failed as usize), (0, pending.len()));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "no waiting out an outage"
    );
    let state = t.world.store.sync_states(PROFILE).unwrap();
    assert!(
        state
            .iter()
            .any(|s| s.last_error_code.map(|c| c.as_str())
                == Some("cryptopocket.network_unreachable")),
        "the outage is on record for the list's offline banner"
    );
}

#[tokio::test]
async fn a_settled_case_is_announced_and_notified_once_and_overdue_cases_once() {
    let t = tracking(0, true).await;
    let customer = settle_one(&t, ProviderStatus::Valid);

    let tracker = Tracker::default();
    let client = t.clients.cryptopocket.as_ref().unwrap();
    let client = mostrador_service::customers::tracking::Client::CryptoPocket(client);
    let checked = tracker.refresh(&t.ctx, client, &customer).await.unwrap();
    assert_eq!(checked.status, KycStatus::Valid);
    assert_eq!(
        status_changes(&t.events),
        [(customer.id.clone(), KycStatus::Valid)]
    );
    let shown = t.shown.taken();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].kind, NotificationKind::Valid);
    assert_eq!(
        shown[0].customers,
        [format!("cryptopocket/{}", customer.id)]
    );

    // Asked again: no change, nothing announced or shown.
    let fresh = t
        .world
        .store
        .customer(PROFILE, Provider::Cryptopocket, &customer.id)
        .unwrap();
    tracker.refresh(&t.ctx, client, &fresh).await.unwrap();
    assert_eq!(status_changes(&t.events), []);
    assert_eq!(t.shown.taken(), []);

    // The seed's pending cases are days old: past the 2-day target, told once in one
    // notification, and never again.
    let told = notify_overdue(&t.ctx).await.unwrap();
    assert!(told > 1, "{told}");
    let shown = t.shown.taken();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].kind, NotificationKind::Overdue);
    assert_eq!(shown[0].customers.len(), told);
    assert_eq!(notify_overdue(&t.ctx).await.unwrap(), 0);
    assert_eq!(t.shown.taken(), []);
}

#[tokio::test]
async fn notifications_off_show_nothing_but_changes_are_still_announced() {
    let t = tracking(0, false).await;
    let customer = settle_one(&t, ProviderStatus::Fail);
    let report = Tracker::default()
        .refresh_all(
            t.ctx.clone(),
            Arc::clone(&t.clients),
            vec![customer.clone()],
        )
        .await;
    assert_eq!(report.changed, 1);
    assert_eq!(
        status_changes(&t.events),
        [(customer.id.clone(), KycStatus::Fail)]
    );
    assert_eq!(notify_overdue(&t.ctx).await.unwrap(), 0);
    assert_eq!(t.shown.taken(), []);
}

#[tokio::test]
async fn undostres_accounts_below_the_top_level_are_tracked_and_a_level_change_announced() {
    let t = tracking(0, true).await;
    let sandbox = &t.world.sandbox;
    sandbox
        .cache_undostres_accounts(&t.world.store, NOW)
        .unwrap();
    let accounts: Vec<Customer> = unsettled(&t.world)
        .into_iter()
        .filter(|c| c.provider == Provider::Undostres)
        .collect();
    assert!(!accounts.is_empty());
    // The rule: suspended accounts (fail) and active ones at level 3 are settled.
    assert!(accounts.iter().all(|c| c.kyc_status != KycStatus::Fail));
    assert!(
        accounts
            .iter()
            .all(|c| c.kyc_status != KycStatus::Valid || c.kyc_level < Some(3))
    );
    let moved = &accounts[0];
    let level = moved.kyc_level.unwrap() + 1;
    sandbox
        .set_undostres_account(moved.id.parse().unwrap(), Some(level), Some(1))
        .unwrap();

    let client = mostrador_service::undostres::access::client(
        &t.world.store,
        Err("no keyring in this test"),
        sandbox,
        PROFILE,
        config(),
    )
    .unwrap();
    let clients = Arc::new(Clients {
        cryptopocket: None,
        undostres: Some(client),
    });
    let report = Tracker::default()
        .refresh_all(t.ctx.clone(), clients, accounts.clone())
        .await;
    assert_eq!(
        (report.checked as usize, report.changed, report.failed),
        (accounts.len(), 1, 0)
    );
    let announced: Vec<AppEvent> = t.events.try_iter().collect();
    assert_eq!(
        announced,
        [AppEvent::CustomerStatusChanged {
            profile_id: PROFILE.into(),
            provider: Provider::Undostres,
            customer_id: moved.id.clone(),
            status: KycStatus::Valid,
            level: Some(level),
        }]
    );
    let history = t
        .world
        .store
        .kyc_history(PROFILE, Provider::Undostres, &moved.id)
        .unwrap();
    assert_eq!(history.last().unwrap().kyc_level, Some(level));
}

/// The app as the shell opens it, with its events and notifications kept.
async fn open_app() -> (tempfile::TempDir, App, Receiver<AppEvent>, Recorded) {
    let (dir, app, events) = common::open_app(common::memory_vault()).await;
    let shown = Recorded::default();
    (dir, app.with_notifier(shown.clone()), events, shown)
}

#[tokio::test]
async fn the_app_announces_a_check_by_hand_and_tracks_in_the_background() {
    let (_dir, app, events, shown) = open_app().await;
    app.sync_customers().await.unwrap();
    let _ = events.try_iter().count();
    let unused = app
        .search_customers(CustomerQuery {
            kyc_status: Some(KycStatus::Unused),
            ..CustomerQuery::default()
        })
        .await
        .unwrap()
        .items;
    let first = &unused[0];

    // Checked by hand: the double's first check opens the form.
    let checked = app.check_customer_status(first.id.clone()).await.unwrap();
    assert_eq!(checked.status, KycStatus::Processing);
    assert_eq!(
        status_changes(&events),
        [(first.id.clone(), KycStatus::Processing)]
    );
    let again = app
        .refresh_customer(Provider::Cryptopocket, first.id.clone())
        .await
        .unwrap();
    assert_eq!(again.change, None);
    assert_eq!(status_changes(&events), []);

    // The background run reaches the other unused ones, and tells of the overdue cases once.
    let report = app.track_customers().await.unwrap();
    assert!(report.changed as usize >= unused.len() - 1, "{report:?}");
    assert_eq!(status_changes(&events).len(), report.changed as usize);
    let overdue = shown
        .taken()
        .into_iter()
        .filter(|n| n.kind == NotificationKind::Overdue)
        .count();
    assert_eq!(overdue, 1);
    app.track_customers().await.unwrap();
    assert!(
        shown
            .taken()
            .iter()
            .all(|n| n.kind != NotificationKind::Overdue),
        "each case once"
    );

    // An UnDosTres account refreshed by hand (its page's "Actualizar") is announced as well:
    // Diego Flores (1011) moved from level 1 to 2 at the double.
    app.sandbox_set_undostres_account(1011, 2, false).unwrap();
    let view = app.refresh_undostres_account("1011".into()).await.unwrap();
    assert_eq!(view.account.customer.kyc_level, Some(2));
    let announced: Vec<AppEvent> = events.try_iter().collect();
    assert_eq!(
        announced,
        [AppEvent::CustomerStatusChanged {
            profile_id: PROFILE.into(),
            provider: Provider::Undostres,
            customer_id: "1011".into(),
            status: KycStatus::Valid,
            level: Some(2),
        }]
    );

    // The preferences: checked, kept, and off means silent.
    let error = app
        .set_kyc_preferences(KycPreferences {
            target_days: 400,
            notifications: true,
        })
        .unwrap_err();
    assert_eq!(
        (error.code().as_str(), error.field()),
        ("preferences.kyc_target_days", Some("targetDays"))
    );
    let quiet = KycPreferences {
        target_days: 7,
        notifications: false,
    };
    assert_eq!(app.set_kyc_preferences(quiet).unwrap().kyc, quiet);
    assert_eq!(app.preferences().kyc, quiet);
}

/// Sets a customer's KYC status at the app's CryptoPocket double through its admin route.
async fn set_kyc_at_double(app: &App, id: &str, status: &str) {
    let url = format!(
        "{}/__sandbox/cryptopocket/customers/{id}/kyc",
        app.sandbox_status().cryptopocket_url
    );
    let answer = reqwest::Client::new()
        .post(url)
        .json(&serde_json::json!({ "kyc_status": status }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 204);
}

fn synced_resources(events: &[AppEvent]) -> Vec<(String, Option<&'static str>)> {
    events
        .iter()
        .filter_map(|event| match event {
            AppEvent::SyncFinished {
                resource,
                error_code,
                ..
            } => Some((resource.clone(), error_code.map(|c| c.as_str()))),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_background_syncs_both_lists_so_customers_made_elsewhere_are_tracked() {
    let (_dir, app, events, shown) = open_app().await;
    let status = app.sandbox_status();
    let find = |text: &str| {
        app.search_customers(CustomerQuery {
            text: text.into(),
            ..CustomerQuery::default()
        })
    };
    // The screen was opened once: Sofía López is cached in review.
    app.sync_customers().await.unwrap();
    let sofia = find("LOSC780715MNLPNR00").await.unwrap().items.remove(0);
    assert_eq!(sofia.kyc_status, KycStatus::Processing);

    // Then, with nobody looking: a person registered at CryptoPocket by someone else, an
    // UnDosTres account likewise, and Sofía settled by CryptoPocket.
    let credentials = CryptoPocketCredentials {
        api_key: Credential::new(SANDBOX_API_KEY),
        api_secret: Credential::new(SANDBOX_API_SECRET),
    };
    let elsewhere = CryptoPocketClient::new(&status.cryptopocket_url, config(), credentials)
        .unwrap()
        .create_person(&PersonRequest {
            name: "Ximena".into(),
            last_name: "Elsewhere".into(),
            email: "ximena@otra-app.test".into(),
            country_code: "MEX".into(),
            identification_type: "CURP".into(),
            identification_number: "PEGJ800101HDFRRN03".into(),
            ..PersonRequest::default()
        })
        .await
        .unwrap();
    let account = UnDosTresClient::new(
        &status.undostres_url,
        config(),
        Credential::new(SANDBOX_ECOMMERCE_TOKEN),
    )
    .unwrap()
    .create_account(
        &check_account(AccountRequest {
            device_id: "otra-instalacion".into(),
            email: "tienda@otra-app.test".into(),
            first_name: "Tienda".into(),
            middle_name: String::new(),
            last_name: "Ajena".into(),
            second_last_name: String::new(),
            gender: Gender::Business,
            mobile: "5512345678".into(),
            mobile_country_code: "52".into(),
            rfc: "MAB9307148T4".into(),
            curp: String::new(),
            kyc_level: 1,
            zipcode: String::new(),
            campaign_id: String::new(),
            credit_line: Centavos::parse("1000").unwrap(),
        })
        .unwrap(),
    )
    .await
    .unwrap();
    set_kyc_at_double(&app, &sofia.id, "valid").await;
    assert!(find("Ximena").await.unwrap().items.is_empty());
    assert!(find("Ajena").await.unwrap().items.is_empty());
    let _ = events.try_iter().count();
    let _ = shown.taken();

    // The background refresh: the lists first, then the unsettled customers, new ones too.
    app.sync_customer_lists().await.unwrap();
    let listed: Vec<AppEvent> = events.try_iter().collect();
    assert_eq!(
        synced_resources(&listed),
        [
            ("customers/cryptopocket".to_owned(), None),
            ("customers/undostres".to_owned(), None)
        ],
        "both lists announced, so open views read them again"
    );
    assert_eq!(
        status_changes_in(&listed),
        [(sofia.id.clone(), KycStatus::Valid)]
    );
    let told = shown.taken();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(
        (told[0].kind, told[0].customers.clone()),
        (
            NotificationKind::Valid,
            vec![format!("cryptopocket/{}", sofia.id)]
        )
    );
    let ximena = find("Ximena").await.unwrap().items.remove(0);
    assert_eq!(ximena.id, elsewhere.id.to_string());
    assert_eq!(ximena.kyc_status, KycStatus::Unused);
    let ajena = find("Ajena").await.unwrap().items.remove(0);
    assert_eq!(
        (ajena.provider, ajena.id.clone()),
        (Provider::Undostres, account.account.id.to_string())
    );

    app.track_customers().await.unwrap();
    let tracked = status_changes(&events);
    assert!(
        tracked.contains(&(ximena.id.clone(), KycStatus::Processing)),
        "the new customer is tracked: {tracked:?}"
    );
    assert!(
        !tracked.iter().any(|(id, _)| *id == sofia.id),
        "a change is told once"
    );
    let sofia_key = format!("cryptopocket/{}", sofia.id);
    assert!(
        shown
            .taken()
            .iter()
            .all(|n| !n.customers.contains(&sofia_key)),
        "and notified once"
    );

    // Nothing new at UnDosTres: the next refresh announces only CryptoPocket's list.
    app.sync_customer_lists().await.unwrap();
    let again: Vec<AppEvent> = events.try_iter().collect();
    assert_eq!(
        synced_resources(&again),
        [("customers/cryptopocket".to_owned(), None)]
    );
}

#[tokio::test]
async fn a_check_that_reaches_cryptopocket_clears_the_offline_mark_at_once() {
    let (_dir, app, events, _shown) = open_app().await;
    app.sync_customers().await.unwrap();
    let offline = || async {
        app.customers_sync_state()
            .await
            .unwrap()
            .cryptopocket
            .unwrap()
            .last_error_code
            .map(|code| code.as_str())
    };
    let synced_at = (app.customers_sync_state().await.unwrap().cryptopocket)
        .unwrap()
        .synced_at;
    let pending = app
        .search_customers(CustomerQuery {
            kyc_status: Some(KycStatus::Processing),
            ..CustomerQuery::default()
        })
        .await
        .unwrap()
        .items;
    let _ = events.try_iter().count();

    // The network goes: a check finds CryptoPocket unreachable, the list says so at once.
    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.check_customer_status(pending[0].id.clone())
        .await
        .unwrap_err();
    assert_eq!(offline().await, Some("cryptopocket.network_unreachable"));
    assert_eq!(
        synced_resources(&events.try_iter().collect::<Vec<_>>()),
        [(
            "customers/cryptopocket".to_owned(),
            Some("cryptopocket.network_unreachable")
        )]
    );

    // It comes back: the first check that gets an answer clears the mark, with no list sync,
    // and the open screen hears it. The age shown stays the last sync's.
    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.check_customer_status(pending[0].id.clone())
        .await
        .unwrap();
    assert_eq!(offline().await, None);
    let state = app
        .customers_sync_state()
        .await
        .unwrap()
        .cryptopocket
        .unwrap();
    assert_eq!(state.synced_at, synced_at);
    assert_eq!(
        synced_resources(&events.try_iter().collect::<Vec<_>>()),
        [("customers/cryptopocket".to_owned(), None)]
    );
    app.check_customer_status(pending[1].id.clone())
        .await
        .unwrap();
    assert_eq!(
        synced_resources(&events.try_iter().collect::<Vec<_>>()),
        [],
        "nothing to clear: nothing announced"
    );

    // The background run does the same: one refused call marks it, one answer clears it.
    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.track_customers().await.unwrap();
    assert_eq!(offline().await, Some("cryptopocket.network_unreachable"));
    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.track_customers().await.unwrap();
    assert_eq!(offline().await, None);
}

#[tokio::test]
async fn undostres_has_its_own_offline_mark_set_and_cleared_by_its_checks() {
    let (_dir, app, events, _shown) = open_app().await;
    let marks = || async {
        let state = app.customers_sync_state().await.unwrap();
        let code = |state: Option<mostrador_store::SyncState>| {
            state.and_then(|s| s.last_error_code.map(|code| code.as_str()))
        };
        (code(state.cryptopocket), code(state.undostres))
    };
    assert_eq!(marks().await, (None, None));

    // The network goes: checking an UnDosTres account (Diego Flores, level 1) marks UnDosTres
    // offline and leaves CryptoPocket's list as it was; the open screen hears it.
    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.refresh_customer(Provider::Undostres, "1011".into())
        .await
        .unwrap_err();
    assert_eq!(marks().await, (None, Some("undostres.network_unreachable")));
    assert_eq!(
        synced_resources(&events.try_iter().collect::<Vec<_>>()),
        [(
            "customers/undostres".to_owned(),
            Some("undostres.network_unreachable")
        )]
    );

    // Back: the next answer clears it at once, announced once.
    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.refresh_customer(Provider::Undostres, "1011".into())
        .await
        .unwrap();
    assert_eq!(marks().await, (None, None));
    assert_eq!(
        synced_resources(&events.try_iter().collect::<Vec<_>>()),
        [("customers/undostres".to_owned(), None)]
    );
}
