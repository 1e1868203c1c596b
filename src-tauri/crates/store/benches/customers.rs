//! Customer search and sync on 100,000 customers of both providers (run: `cargo bench -p
//! mostrador-store --bench customers`). Prints a Markdown table for docs/BENCHMARKS.md, then
//! one `BUDGET <name> <measured> <budget> <ok|MISSED>` line per budget of issue 18: every query
//! ≤ 5 ms p95; a sync of 100,000 customers ≤ 2× the same sync without the search index.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

mod common;

use common::{Budgets, FIRST, QUERY_BUDGET_MS, Rng, SURNAMES, bench_profile, ms, percentile};
use mostrador_store::{
    Customer, CustomerKind, CustomerQuery, CustomerSort, KycStatus, Provider, Store,
};

const TOTAL: usize = 100_000;
const PROFILE: &str = "bench";
const T0: i64 = 1_704_067_200; // 2024-01-01
const NOW: i64 = T0 + 730 * 86_400;
const RUNS: usize = 200;
const SYNC_BUDGET_RATIO: f64 = 2.0;

trait Letters {
    fn letters(&mut self, n: usize) -> String;
    fn digits(&mut self, n: usize) -> String;
}

impl Letters for Rng {
    fn letters(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'A' + self.below(26) as u8))
            .collect()
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// An id number as each country writes it: a Mexican CURP, a Chilean RUT with its dots and
/// check digit, an Argentine DNI with dots, a Colombian cédula, a Peruvian DNI.
fn id_number(rng: &mut Rng, country: &str, first: &str, last: &str) -> (String, String) {
    match country {
        "Mexico" | "MEX" => {
            let initials: String = [last, last, first]
                .iter()
                .zip([0, 1, 0])
                .filter_map(|(w, i)| w.chars().nth(i))
                .collect::<String>()
                .to_uppercase();
            let curp = format!(
                "{initials}{}{}{}{}{}",
                rng.letters(1),
                rng.digits(6),
                ["H", "M"][rng.below(2)],
                rng.letters(5),
                rng.digits(2)
            );
            ("CURP".into(), curp)
        }
        "Chile" => {
            let n = 5_000_000 + rng.below(20_000_000);
            let check = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "K"][rng.below(11)];
            (
                "RUT".into(),
                format!(
                    "{}.{:03}.{:03}-{check}",
                    n / 1_000_000,
                    n / 1_000 % 1_000,
                    n % 1_000
                ),
            )
        }
        "Argentina" => {
            let n = 10_000_000 + rng.below(35_000_000);
            (
                "DNI".into(),
                format!(
                    "{}.{:03}.{:03}",
                    n / 1_000_000,
                    n / 1_000 % 1_000,
                    n % 1_000
                ),
            )
        }
        "Colombia" => ("CC".into(), rng.digits(10)),
        _ => ("DNI".into(), rng.digits(8)),
    }
}

const STATUSES: [KycStatus; 4] = [
    KycStatus::Valid,
    KycStatus::Processing,
    KycStatus::Unused,
    KycStatus::Fail,
];

fn make_customer(n: usize) -> Customer {
    let mut rng = Rng(n as u64);
    let undostres = rng.below(5) < 2;
    let country = if undostres {
        "MEX"
    } else {
        ["Mexico", "Mexico", "Colombia", "Chile", "Argentina", "Peru"][rng.below(6)]
    };
    let company = !undostres && rng.below(10) == 0;
    let first = FIRST[rng.below(FIRST.len())];
    let last = SURNAMES[rng.zipf(SURNAMES.len())];
    let second = SURNAMES[rng.zipf(SURNAMES.len())];
    let (id_type, id_number) = id_number(&mut rng, country, first, last);
    let created_at = T0 + n as i64 * 630 + rng.below(600) as i64;
    // Most cases settle; a quarter stay pending, older ones less often.
    let status = STATUSES[[0, 0, 0, 1, 2, 3, 0, 1][rng.below(8)]];
    Customer {
        provider: if undostres {
            Provider::Undostres
        } else {
            Provider::Cryptopocket
        },
        id: if undostres {
            format!("{}", 4_000_000 + n)
        } else {
            format!(
                "{:08x}-{:04x}-4{:03x}",
                rng.next() as u32,
                n % 65_536,
                rng.below(4096)
            )
        },
        kind: if company {
            CustomerKind::Company
        } else {
            CustomerKind::Person
        },
        first_name: if company { String::new() } else { first.into() },
        last_name: if company { String::new() } else { last.into() },
        second_last_name: if company {
            String::new()
        } else {
            second.into()
        },
        company_name: if company {
            format!("Comercializadora {last} {second} SA de CV")
        } else {
            String::new()
        },
        email: format!(
            "{}.{}{}@correo.mx",
            first.to_lowercase(),
            last.to_lowercase(),
            n % 1000
        ),
        id_type,
        id_number,
        country: country.into(),
        kyc_status: status,
        kyc_level: undostres.then_some(1 + rng.below(3) as u8),
        kyc_url: None,
        created_at,
        updated_at: created_at + rng.below(30 * 86_400) as i64,
        synced_at: None,
    }
}

/// Syncs every customer (one transaction per provider, as the two syncs run), then again with
/// a tenth of them moved on in KYC (history entries, no text change); returns both times.
fn syncs(store: &Store, customers: &[Customer]) -> (Duration, Duration) {
    store
        .write(|w| w.upsert_profile(&bench_profile(PROFILE, T0)))
        .unwrap();
    let sync = |customers: &[Customer], at: i64| {
        let start = Instant::now();
        for provider in [Provider::Cryptopocket, Provider::Undostres] {
            let batch: Vec<Customer> = customers
                .iter()
                .filter(|c| c.provider == provider)
                .cloned()
                .collect();
            store
                .write(|w| w.upsert_customers(PROFILE, &batch, at))
                .unwrap();
        }
        start.elapsed()
    };
    let new = sync(customers, NOW);
    let moved: Vec<Customer> = customers
        .iter()
        .enumerate()
        .map(|(n, c)| match (n % 10, c.kyc_status) {
            (0, KycStatus::Processing | KycStatus::Unused) => Customer {
                kyc_status: KycStatus::Valid,
                updated_at: NOW,
                ..c.clone()
            },
            (0, _) => Customer {
                kyc_status: KycStatus::Processing,
                updated_at: NOW,
                ..c.clone()
            },
            _ => c.clone(),
        })
        .collect();
    (new, sync(&moved, NOW + 60))
}

fn main() {
    let customers: Vec<Customer> = (0..TOTAL).map(make_customer).collect();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bare_dir = tempfile::tempdir().unwrap();
    let bare = Store::open(bare_dir.path()).unwrap();
    rusqlite::Connection::open(bare.path())
        .unwrap()
        .execute_batch(
            "DROP TRIGGER customers_fts_insert; DROP TRIGGER customers_fts_update; \
             DROP TRIGGER customers_fts_delete;",
        )
        .unwrap();
    let mut budgets = Budgets::default();
    let (new, moved) = syncs(&store, &customers);
    let (bare_new, bare_moved) = syncs(&bare, &customers);
    store.optimize().unwrap();
    println!("| measurement | p50 | p95 | rows on the page |");
    println!("|---|---|---|---|");
    for (label, name, time, base) in [
        ("100,000 new customers", "new", new, bare_new),
        (
            "100,000 customers, a tenth moved on in KYC",
            "kyc_moved",
            moved,
            bare_moved,
        ),
    ] {
        println!(
            "| sync of {label} (two transactions) | {} (without the search index {}) | | |",
            ms(time),
            ms(base)
        );
        budgets.at_most(
            &format!("store_customers_sync_{name}_ratio"),
            time.as_secs_f64() / base.as_secs_f64(),
            SYNC_BUDGET_RATIO,
        );
    }

    // A Chilean RUT and a CURP that exist, typed with and without separators.
    let rut = customers.iter().find(|c| c.id_type == "RUT").unwrap();
    let rut_bare: String = rut
        .id_number
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let curp = customers.iter().find(|c| c.id_type == "CURP").unwrap();
    let base = CustomerQuery {
        profile_id: PROFILE.into(),
        limit: 50,
        ..Default::default()
    };
    let text = |t: &str| CustomerQuery {
        text: t.into(),
        ..base.clone()
    };
    let queries = [
        (
            "name_common",
            "name \"perez\" (most common surname), recently updated first".to_owned(),
            text("perez"),
        ),
        (
            "name_full",
            "name \"maria lopez\"".into(),
            text("maria lopez"),
        ),
        (
            "name_rare",
            "name \"zuniga\" (least common surname)".into(),
            text("zuniga"),
        ),
        (
            "id_with_separators",
            format!("id number as written \"{}\"", rut.id_number),
            text(&rut.id_number),
        ),
        (
            "id_without_separators",
            format!("id number without separators \"{rut_bare}\""),
            text(&rut_bare),
        ),
        (
            "id_curp_prefix",
            format!("CURP prefix \"{}\"", &curp.id_number[..8]),
            text(&curp.id_number[..8]),
        ),
        (
            "status_processing",
            "KYC status processing, recently updated first".into(),
            CustomerQuery {
                kyc_status: Some(KycStatus::Processing),
                ..base.clone()
            },
        ),
        (
            "pending_older_than_90d",
            "pending for more than 90 days, oldest first".into(),
            CustomerQuery {
                pending: Some(true),
                pending_since_before: Some(NOW - 90 * 86_400),
                sort: CustomerSort::OldestPending,
                ..base.clone()
            },
        ),
        (
            "undostres_valid_by_name",
            "UnDosTres, valid, by name".into(),
            CustomerQuery {
                provider: Some(Provider::Undostres),
                kyc_status: Some(KycStatus::Valid),
                sort: CustomerSort::NameAscending,
                ..base.clone()
            },
        ),
        (
            "name_common_pending",
            "\"perez\", pending, oldest first".into(),
            CustomerQuery {
                pending: Some(true),
                sort: CustomerSort::OldestPending,
                ..text("perez")
            },
        ),
    ];
    for (name, label, query) in queries {
        let mut times = Vec::with_capacity(RUNS);
        let mut rows = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            rows = store.search_customers(&query).unwrap().items.len();
            times.push(start.elapsed());
        }
        times.sort();
        let (p50, p95) = (percentile(&times, 0.5), percentile(&times, 0.95));
        println!("| {label} | {} | {} | {rows} |", ms(p50), ms(p95));
        budgets.at_most(
            &format!("store_customers_{name}_p95_ms"),
            p95.as_secs_f64() * 1e3,
            QUERY_BUDGET_MS,
        );
        assert!(rows > 0, "{label}: found nothing");
    }
    println!();
    for line in &budgets.0 {
        println!("{line}");
    }
}
