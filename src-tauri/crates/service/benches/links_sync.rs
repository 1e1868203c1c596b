//! Issue 18's third sync figure: fetching and parsing 100,000 links from the Billpocket double
//! over loopback (its real HTTP server, the real client) plus writing them into a store file
//! (the real sync write, `sync::apply_links`: one transaction, then the optimise a large sync
//! runs) takes at most 3× parsing the same bytes alone (serde into the provider types), in the
//! same run. Each run writes into a new file, the parse and the sync interleaved so both see the
//! same load. `cargo bench -p mostrador-service --bench links_sync` (`scripts/bench.sh store`);
//! `BENCH_LINKS` and `BENCH_RUNS` change the size. Ends with `BUDGET <name> <measured> <budget>
//! <ok|MISSED>` lines.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::DateTime;
use mostrador_core::money::Centavos;
use mostrador_providers::billpocket::types::{LINK_ACTIVE, LINK_INACTIVE, Link, Rate};
use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::billpocket::seed::{MERCHANT_1_USER_ID, SANDBOX_API_KEY, SANDBOX_X_API_KEY};
use mostrador_sandbox::{BillpocketSandbox, SandboxConfig};
use mostrador_service::profiles::{SANDBOX_PROFILE_ID as PROFILE, ensure_sandbox_profile};
use mostrador_service::sync::apply_links;
use mostrador_store::{Merchant, Store};

const NOW: i64 = 1_800_000_000;
const BUDGET_RATIO: f64 = 3.0;

const CONCEPTS: &[&str] = &[
    "Consulta", "Anticipo", "Renta", "Pedido", "Servicio", "Clase",
];
const NAMES: &[&str] = &[
    "María",
    "José",
    "Guadalupe",
    "Juan",
    "Begoña",
    "Luis",
    "Sofía",
];
const SURNAMES: &[&str] = &["Pérez", "López", "García", "Hernández", "Zúñiga", "Núñez"];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Link `n` of the merchant, shaped like the double's own (its first seeded link as the
/// template): a 37-character hex id, an 8-character slug, one minute apart, newest first.
fn make_link(template: &Link, n: usize) -> Link {
    let created = DateTime::from_timestamp(NOW - 86_400 * 400 + n as i64 * 60, 0)
        .unwrap()
        .naive_utc();
    let slug = format!("b{n:07}");
    let mut link = template.clone();
    link.id = format!("{:037x}", n as u128 * 0x9E37_79B9_7F4A_7C15);
    link.description = format!(
        "{} {} {} ({})",
        CONCEPTS[n % CONCEPTS.len()],
        NAMES[n / 7 % NAMES.len()],
        SURNAMES[n / 3 % SURNAMES.len()],
        slug.to_uppercase()
    );
    link.amount = Centavos::new(10_000 + (n as i64 * 7_919) % 2_000_000).to_billpocket();
    link.status = if n.is_multiple_of(3) {
        LINK_INACTIVE
    } else {
        LINK_ACTIVE
    };
    link.available_rates = if n.is_multiple_of(5) {
        [3, 6, 12]
            .map(|months| Rate {
                rate_type: "msi".into(),
                months,
            })
            .into()
    } else {
        Vec::new()
    };
    link.custom_link_path = format!("{}/{}/{slug}", link.domain, link.main_link);
    link.secondary_link = slug;
    link.created_at = created;
    link.updated_at = created;
    link
}

/// A new store file with the Sandbox profile and the merchant cached, as the app has them.
fn new_store(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    ensure_sandbox_profile(&store, NOW).unwrap();
    store
        .write(|w| {
            w.upsert_merchants(
                PROFILE,
                &[Merchant {
                    id: MERCHANT_1_USER_ID.to_string(),
                    name: "Comercio de la prueba".into(),
                    email: String::new(),
                    rfc: String::new(),
                    main_link: None,
                    domain: None,
                    created_at: NOW,
                    updated_at: NOW,
                    synced_at: None,
                    person_type: None,
                    clabe: None,
                    bank: None,
                    registration: None,
                }],
                NOW,
            )
        })
        .unwrap();
    store
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count = env_number("BENCH_LINKS", 100_000);
    let runs = env_number("BENCH_RUNS", 5).max(1);
    let double = BillpocketSandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    double
        .update(|state| {
            let merchant = state
                .merchants
                .iter_mut()
                .find(|m| m.user_id == MERCHANT_1_USER_ID)
                .unwrap();
            let template = merchant.links[0].clone();
            merchant.links = (0..count).rev().map(|n| make_link(&template, n)).collect();
        })
        .unwrap();
    // The bytes the double answers: its route writes the list with axum's `Json`, which is
    // `serde_json::to_vec` of the same value.
    let body = double.inspect(|state| serde_json::to_vec(state.links(MERCHANT_1_USER_ID)).unwrap());
    let client = BillpocketClient::new(
        &double.base_url(),
        HttpConfig {
            total_timeout: Duration::from_secs(120),
            read_retries: 0,
            ..HttpConfig::default()
        },
    )
    .unwrap();
    let credentials = BillpocketCredentials {
        api_key: Some(Credential::new(SANDBOX_API_KEY)),
        user_token: Some(Credential::new(format!(
            "sandbox-bp-user-token-{MERCHANT_1_USER_ID}"
        ))),
        x_api_key: Some(Credential::new(SANDBOX_X_API_KEY)),
    };
    let merchant_id = MERCHANT_1_USER_ID.to_string();

    let (mut parse, mut fetch, mut write, mut total) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let start = Instant::now();
        let parsed: Vec<Link> = serde_json::from_slice(&body).unwrap();
        parse.push(start.elapsed());
        assert_eq!(parsed.len(), count);
        drop(parsed);

        let dir = tempfile::tempdir().unwrap();
        let store = new_store(dir.path());
        let start = Instant::now();
        let fetched = client.list_links(&credentials).await.unwrap();
        let fetched_at = start.elapsed();
        let report = tokio::task::block_in_place(|| {
            let report = apply_links(&store, PROFILE, &merchant_id, Ok(&fetched), NOW);
            // Freed within the timing, as when the write took the list.
            drop(fetched);
            report
        })
        .unwrap();
        let done = start.elapsed();
        assert_eq!(report.fetched as usize, count);
        fetch.push(fetched_at);
        write.push(done - fetched_at);
        total.push(done);
    }
    let (parse, fetch, write, total) = (median(parse), median(fetch), median(write), median(total));
    println!("| measurement ({count} links, median of {runs} runs) | time |");
    println!("|---|---|");
    println!(
        "| parsing the list's {:.1} MB of JSON alone (serde, the provider types) | {} |",
        body.len() as f64 / 1e6,
        ms(parse)
    );
    println!(
        "| fetching and parsing it from the double over loopback (the client) | {} |",
        ms(fetch)
    );
    println!(
        "| writing it: the sync's transaction and the optimise after it | {} |",
        ms(write)
    );
    println!(
        "| the whole sync, first byte asked to the optimised commit | {} |",
        ms(total)
    );
    println!();
    let ratio = total.as_secs_f64() / parse.as_secs_f64();
    let verdict = if ratio <= BUDGET_RATIO {
        "ok"
    } else {
        "MISSED"
    };
    println!("BUDGET links_loopback_sync_vs_parse_x {ratio:.2} {BUDGET_RATIO} {verdict}");
    double.shutdown().await;
}
