//! Network discipline of KYC tracking (issue 18 §4): 1,000 pending customers refreshed against
//! CryptoPocket's double with 200 ms added to every answer. The double keeps its state in a
//! file, as the app's embedded one does. Budget: at most 1.25 × (customers × latency ÷ the
//! concurrency limit), and never more than the limit in flight.
//! `cargo bench -p mostrador-service --bench kyc_refresh` (`scripts/bench.sh kyc`);
//! `BENCH_LATENCY_MS` and `BENCH_CUSTOMERS` change the load, `BENCH_DOUBLE_STATE=memory` keeps
//! the double's state out of its file. Ends with `BUDGET <name> <measured> <budget> <ok|MISSED>`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::{NOW, add_pending_persons, config, world};
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY, SANDBOX_API_SECRET};
use mostrador_sandbox::{CryptoPocketSandbox, FaultPlan, SandboxConfig};
use mostrador_service::customers::notify::{Notification, Notifier, NotifyPolicy};
use mostrador_service::customers::sync::sync_customers;
use mostrador_service::customers::tracking::{CONCURRENCY, Clients, Context, Tracker};
use mostrador_service::events::Events;
use mostrador_service::preferences::{KycPreferences, Locale};
use mostrador_service::profiles::SANDBOX_PROFILE_ID as PROFILE;

struct Silent;

impl Notifier for Silent {
    fn show(&self, _: &Notification) {}
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let customers = env_number("BENCH_CUSTOMERS", 1_000) as usize;
    let latency_ms = env_number("BENCH_LATENCY_MS", 200);

    let world = world().await;
    let state_dir = tempfile::tempdir().unwrap();
    // `BENCH_DOUBLE_STATE=memory`: no state file, to tell the double's saving from the rest.
    let on_disk = std::env::var("BENCH_DOUBLE_STATE").as_deref() != Ok("memory");
    let double = CryptoPocketSandbox::start(SandboxConfig {
        data_dir: on_disk.then(|| state_dir.path().to_path_buf()),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    add_pending_persons(&double, customers);
    let credentials = CryptoPocketCredentials {
        api_key: Credential::new(SANDBOX_API_KEY),
        api_secret: Credential::new(SANDBOX_API_SECRET),
    };
    let client = CryptoPocketClient::new(&double.base_url(), config(), credentials).unwrap();
    sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    // The bench's customers only (the double's seed has a few pending ones of its own).
    let pending: Vec<_> = world
        .store
        .unsettled_customers(PROFILE)
        .unwrap()
        .into_iter()
        .filter(|c| c.last_name == "Pendiente")
        .collect();
    assert_eq!(pending.len(), customers);

    let (sink, _events) = channel();
    let ctx = Context {
        store: Arc::clone(&world.store),
        profile_id: PROFILE.into(),
        events: Events::new(sink),
        notifier: Arc::new(Silent),
        policy: NotifyPolicy {
            kyc: KycPreferences {
                target_days: 2,
                notifications: false,
            },
            locale: Locale::EsMx,
        },
    };
    let clients = Arc::new(Clients {
        cryptopocket: Some(client),
        undostres: None,
    });
    let faults = double.faults();
    faults.set_plan(FaultPlan {
        latency_ms: u32::try_from(latency_ms).unwrap(),
        ..FaultPlan::default()
    });
    faults.reset_in_flight_peak();

    let started = Instant::now();
    let report = Tracker::default().refresh_all(ctx, clients, pending).await;
    let elapsed = started.elapsed();
    let peak = faults.in_flight().peak;
    assert_eq!((report.checked as usize, report.failed), (customers, 0));

    let ideal = Duration::from_millis(latency_ms) * customers as u32 / CONCURRENCY as u32;
    let budget = ideal.mul_f64(1.25);
    println!(
        "KYC refresh of {customers} pending customers, {latency_ms} ms added latency, double's \
         state {}: {:.2} s (ideal {:.2} s = {:.2}×), peak in flight {peak} (limit {CONCURRENCY})",
        if on_disk { "in its file" } else { "in memory" },
        elapsed.as_secs_f64(),
        ideal.as_secs_f64(),
        elapsed.as_secs_f64() / ideal.as_secs_f64(),
    );
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!(
        "BUDGET kyc_refresh_{customers}_at_{latency_ms}ms {:.2}s {:.2}s {}",
        elapsed.as_secs_f64(),
        budget.as_secs_f64(),
        verdict(elapsed <= budget)
    );
    println!(
        "BUDGET kyc_refresh_peak_in_flight {peak} {CONCURRENCY} {}",
        verdict(peak <= CONCURRENCY)
    );
}
