//! Search and sync benchmarks on 1,000,000 links (run: `cargo bench -p mostrador-store`).
//! Prints a Markdown table for docs/BENCHMARKS.md. Targets: first page of a filtered, sorted
//! search ≤ 5 ms p95 and ≥ 20× faster than a LIKE scan of the same data; bulk upsert of
//! 100,000 links in one transaction ≤ 1 s.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use mostrador_store::{Environment, Link, LinkQuery, LinkSort, LinkStatus, Profile, Store};

const TOTAL: usize = 1_000_000;
const BATCH: usize = 100_000;
const PROFILE: &str = "bench";
const T0: i64 = 1_704_067_200; // 2024-01-01
const NOW: i64 = T0 + 730 * 86_400;
const RUNS: usize = 200;

const FIRST: &[&str] = &[
    "José",
    "María",
    "Juan",
    "Guadalupe",
    "Luis",
    "Ana",
    "Carlos",
    "Sofía",
    "Jorge",
    "Lucía",
    "Miguel",
    "Fernanda",
    "Ramón",
    "Verónica",
    "Héctor",
    "Mónica",
    "Raúl",
    "Inés",
    "Andrés",
    "Begoña",
];
/// Weighted like Mexican surnames: the first ones are far more common.
const SURNAMES: &[&str] = &[
    "Hernández",
    "García",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Rodríguez",
    "Sánchez",
    "Ramírez",
    "Cruz",
    "Flores",
    "Gómez",
    "Morales",
    "Vázquez",
    "Jiménez",
    "Reyes",
    "Díaz",
    "Torres",
    "Gutiérrez",
    "Ruiz",
    "Mendoza",
    "Aguilar",
    "Ortiz",
    "Moreno",
    "Castillo",
    "Romero",
    "Álvarez",
    "Méndez",
    "Chávez",
    "Rivera",
    "Juárez",
    "Ramos",
    "Domínguez",
    "Herrera",
    "Medina",
    "Castro",
    "Vargas",
    "Guzmán",
    "Velázquez",
    "Muñoz",
    "Rojas",
    "Contreras",
    "Salazar",
    "Luna",
    "Ortega",
    "Santiago",
    "Guerrero",
    "Estrada",
    "Bautista",
    "Cortés",
    "Soto",
    "Alvarado",
    "Espinoza",
    "Lara",
    "Ávila",
    "Ríos",
    "Cervantes",
    "Silva",
    "Delgado",
    "Zúñiga",
];
const CONCEPTS: &[&str] = &[
    "Consulta",
    "Anticipo",
    "Renta",
    "Colegiatura",
    "Pedido",
    "Servicio",
    "Clase",
    "Reparación",
    "Mensualidad",
    "Evento",
];

/// Deterministic pseudo-random numbers (SplitMix64), so every run builds the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed pick: index i with weight ~ 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let h: f64 = (1..=n).map(|i| 1.0 / i as f64).sum();
        let mut x = (self.next() as f64 / u64::MAX as f64) * h;
        for i in 0..n {
            x -= 1.0 / (i + 1) as f64;
            if x <= 0.0 {
                return i;
            }
        }
        n - 1
    }
}

/// Seconds between consecutive links: 1,000,000 links span two years, like [`NOW`] − [`T0`].
const SPACING: i64 = 63;

/// Link `n` as Billpocket shapes it. Its identity depends on `n` alone, so a re-sync can change
/// a link's other fields: creation time (in order, up to a minute of jitter), an id that starts
/// with the creation second in hex like every id in the list samples
/// (`61529dc5fee00754d48088ec51da557ae578f`), and the automatic slug, which in those samples is
/// the creation time in milliseconds in base 36 (`ll33q0rh` is 2023-08-09 02:18:46.493).
fn make_link(rng: &mut Rng, n: usize, generation: i64) -> Link {
    let mut identity = Rng(n as u64);
    let created_at = T0 + n as i64 * SPACING + identity.below(60) as i64;
    let millis = created_at as u64 * 1_000 + identity.below(1_000) as u64;
    let slug = base36(millis);
    Link {
        id: format!(
            "{created_at:08x}{:013x}{:016x}",
            identity.next() >> 12,
            identity.next()
        ),
        merchant_id: None,
        description: format!(
            "{} {} {} {}",
            CONCEPTS[rng.below(CONCEPTS.len())],
            FIRST[rng.below(FIRST.len())],
            SURNAMES[rng.zipf(SURNAMES.len())],
            SURNAMES[rng.zipf(SURNAMES.len())],
        ),
        amount_centavos: (rng.below(2_000_000) as i64 + 1_000) + generation,
        custom_link_path: format!("https://pay.billpocket.com/tienda/{slug}"),
        secondary_link: slug,
        status: if rng.below(3) == 0 {
            LinkStatus::Inactive
        } else {
            LinkStatus::Active
        },
        link_type: 2,
        expired_at: (rng.below(2) == 0).then(|| created_at + rng.below(365 * 86_400) as i64),
        months: if rng.below(5) == 0 {
            vec![3, 6, 12]
        } else {
            vec![]
        },
        is_fixed_term: false,
        created_at,
        updated_at: created_at,
        synced_at: None,
    }
}

fn base36(mut value: u64) -> String {
    let mut digits = Vec::new();
    while value > 0 {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(value % 36) as usize]);
        value /= 36;
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// How many times faster `fast` is than `slow`, with a decimal below 10.
fn speed_up(slow: Duration, fast: Duration) -> String {
    let ratio = slow.as_secs_f64() / fast.as_secs_f64();
    if ratio < 10.0 {
        format!("{ratio:.1}")
    } else {
        format!("{ratio:.0}")
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Runs `f` `runs` times; returns (p50, p95) and the last result.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        last.unwrap(),
    )
}

fn main() {
    // BENCH_DB_DIR keeps the populated database between runs (the upserts are then skipped).
    let temp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("BENCH_DB_DIR").map_or_else(|| temp.path().to_owned(), Into::into);
    let reuse = dir.join(mostrador_store::DB_FILE_NAME).exists();
    let store = Store::open(&dir).unwrap();
    println!("| measurement | p50 | p95 | rows matching | LIKE p50 | speed-up (p50) |");
    println!("|---|---|---|---|---|---|");
    if !reuse {
        populate(&store);
        let start = Instant::now();
        store.optimize().unwrap();
        println!(
            "| Store::optimize (statistics + FTS merge) after populating | {} | | | | |",
            ms(start.elapsed())
        );
    }
    search(&store);
}

/// The first sync's links, newest first as Billpocket lists them; later syncs bring newer ones.
fn sync_batch(rng: &mut Rng, batch: usize) -> Vec<Link> {
    (batch * BATCH..(batch + 1) * BATCH)
        .rev()
        .map(|n| make_link(rng, n, 0))
        .collect()
}

/// Syncs 1,000,000 new links as ten 100,000-link transactions; returns each one's time.
fn sync_new_links(store: &Store) -> Vec<Duration> {
    store
        .write(|w| {
            w.upsert_profile(&Profile {
                id: PROFILE.into(),
                name: "Bench".into(),
                environment: Environment::Sandbox,
                billpocket_base_url: None,
                cryptopocket_base_url: None,
                undostres_base_url: None,
                created_at: T0,
                updated_at: T0,
            })
        })
        .unwrap();
    let mut rng = Rng(42);
    (0..TOTAL / BATCH)
        .map(|batch| {
            let links = sync_batch(&mut rng, batch);
            let start = Instant::now();
            store
                .write(|w| w.upsert_links(PROFILE, &links, NOW))
                .unwrap();
            start.elapsed()
        })
        .collect()
}

fn populate(store: &Store) {
    let insert_times = sync_new_links(store);
    // The usual sync: the provider returns links that did not change.
    let first_batch = sync_batch(&mut Rng(42), 0);
    let start = Instant::now();
    store
        .write(|w| w.upsert_links(PROFILE, &first_batch, NOW + 1))
        .unwrap();
    let unchanged_time = start.elapsed();
    // A re-sync where every link changed (amount and text).
    let mut rng2 = Rng(7);
    let resync: Vec<Link> = (0..BATCH)
        .map(|n| make_link(&mut rng2, n * 10, 1))
        .collect();
    let start = Instant::now();
    store
        .write(|w| w.upsert_links(PROFILE, &resync, NOW + 2))
        .unwrap();
    let resync_time = start.elapsed();

    // Baseline: the same new links into a store whose search index is not maintained, which
    // is what the table and its sort and filter indexes cost alone.
    let bare_dir = tempfile::tempdir().unwrap();
    let bare = Store::open(bare_dir.path()).unwrap();
    rusqlite::Connection::open(bare.path())
        .unwrap()
        .execute_batch("DROP TRIGGER links_fts_insert")
        .unwrap();
    let bare_times = sync_new_links(&bare);

    let last = TOTAL / BATCH - 1;
    let upsert = "bulk upsert, one transaction: 100,000";
    let baseline = "baseline without the search index: 100,000 new links into";
    for (label, time) in [
        (
            format!("{upsert} new links into an empty table"),
            insert_times[0],
        ),
        (
            format!("{upsert} new links into 900,000"),
            insert_times[last],
        ),
        (
            format!("{upsert} unchanged links (re-sync) of 1,000,000"),
            unchanged_time,
        ),
        (format!("{upsert} changed links of 1,000,000"), resync_time),
        (format!("{baseline} an empty table"), bare_times[0]),
        (format!("{baseline} 900,000"), bare_times[last]),
    ] {
        println!("| {label} | {} | | | | |", ms(time));
    }
}

/// Measures the page after `next` and prints it as the row below `query`'s.
fn second_page(store: &Store, query: LinkQuery, next: Option<mostrador_store::Cursor>) {
    let second = LinkQuery {
        cursor: next,
        ..query
    };
    let (p50, p95, _) = measure(RUNS, || store.search_links(&second, NOW).unwrap());
    println!(
        "| same, second page (keyset cursor) | {} | {} | | | |",
        ms(p50),
        ms(p95)
    );
}

fn search(store: &Store) {
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    let count = |text: &str| -> i64 {
        let expr: Vec<String> = text.split(' ').map(|w| format!("\"{w}\"*")).collect();
        raw.query_row(
            "SELECT count(*) FROM links_fts JOIN links ON links.rowid = links_fts.rowid \
             WHERE links_fts MATCH ?1 AND links.status = 1",
            [expr.join(" ")],
            |r| r.get(0),
        )
        .unwrap()
    };

    // A slug's first 4 characters (a 28-minute window of creation times) and an id's first 6
    // (a 256-second window).
    let slug = base36((T0 + 654_321 * SPACING) as u64 * 1_000)[..4].to_owned();
    let id = format!("{:08x}", T0 + 777_777 * SPACING)[..6].to_owned();
    // (label, typed text, LIKE pattern finding the same rows)
    let searches = [
        (
            "most common surname",
            "perez".to_owned(),
            "%pérez%".to_owned(),
        ),
        ("least common surname", "zuniga".into(), "%zúñiga%".into()),
        (
            "first name + surname",
            "begona zuniga".into(),
            "%begoña%zúñiga%".into(),
        ),
        ("slug prefix", slug.clone(), format!("{slug}%")),
        ("id prefix", id.clone(), format!("{id}%")),
    ];
    for (label, text, like) in searches {
        let (text, like) = (text.as_str(), like.as_str());
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            text: text.into(),
            status: Some(LinkStatus::Active),
            sort: LinkSort::Newest,
            limit: 50,
            ..Default::default()
        };
        let (p50, p95, page) = measure(RUNS, || store.search_links(&query, NOW).unwrap());
        // The same page through LIKE over the same columns, same filter and sort.
        let like_sql = "SELECT id FROM links WHERE profile_id = ?1 AND status = 1 \
                        AND (description LIKE ?2 OR secondary_link LIKE ?2 OR id LIKE ?2) \
                        ORDER BY created_at DESC, rowid DESC LIMIT 50";
        let mut stmt = raw.prepare(like_sql).unwrap();
        let (like_p50, like_p95, like_ids) = measure(10, || {
            stmt.query_map(rusqlite::params![PROFILE, like], |r| r.get::<_, String>(0))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
        });
        let fts_ids: Vec<String> = page.items.iter().map(|l| l.id.clone()).collect();
        let same = if fts_ids == like_ids {
            ""
        } else {
            " (pages differ)"
        };
        println!(
            "| search \"{text}\" ({label}) + status active, newest first, page of 50 | {} | {} | {} | {} (p95 {}) | {}×{same} |",
            ms(p50),
            ms(p95),
            count(text),
            ms(like_p50),
            ms(like_p95),
            speed_up(like_p50, p50),
        );
        if text == "perez" {
            // Scrolling on.
            second_page(store, query.clone(), page.next);
            // A filter that 1 % of the links pass: the rowid walk gives way to the set plan.
            let narrow = LinkQuery {
                amount_min_centavos: Some(1_000_000),
                amount_max_centavos: Some(1_020_000),
                ..query
            };
            let (p50, p95, _) = measure(RUNS, || store.search_links(&narrow, NOW).unwrap());
            println!(
                "| same, amounts $10,000–$10,200 only (1 % of links) | {} | {} | | | |",
                ms(p50),
                ms(p95)
            );
        }
    }

    // Filters without text, and a second page through the cursor.
    let filtered = LinkQuery {
        profile_id: PROFILE.into(),
        status: Some(LinkStatus::Active),
        with_msi: Some(true),
        amount_min_centavos: Some(100_000),
        amount_max_centavos: Some(500_000),
        sort: LinkSort::Newest,
        limit: 50,
        ..Default::default()
    };
    let (p50, p95, page) = measure(RUNS, || store.search_links(&filtered, NOW).unwrap());
    println!(
        "| no text: active, MSI, $1,000–$5,000, newest first, page of 50 | {} | {} | | | |",
        ms(p50),
        ms(p95)
    );
    second_page(store, filtered, page.next);
    let expiring = LinkQuery {
        profile_id: PROFILE.into(),
        expiring_within_days: Some(7),
        sort: LinkSort::ExpiringSoonest,
        limit: 50,
        ..Default::default()
    };
    let (p50, p95, _) = measure(RUNS, || {
        store.search_links(&expiring, NOW - 300 * 86_400).unwrap()
    });
    println!(
        "| no text: expiring within 7 days, soonest first, page of 50 | {} | {} | | | |",
        ms(p50),
        ms(p95)
    );
    let db_size = std::fs::metadata(store.path())
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "\ndatabase file: {:.0} MB for {TOTAL} links",
        db_size as f64 / 1e6
    );
}
