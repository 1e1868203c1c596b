//! Search and sync benchmarks on 1,000,000 links (run: `cargo bench -p mostrador-store --bench
//! search`). Prints a Markdown table for docs/BENCHMARKS.md, then one `BUDGET <name> <measured>
//! <budget> <ok|MISSED>` line per budget of issue 18: every query ≤ 5 ms p95; ≥ 20× faster than
//! LIKE where LIKE reads more than 10,000 rows; a sync of 100,000 new links into 900,000, or of
//! 100,000 changed links of 1,000,000, ≤ 3 s and ≤ 2× the same sync without the search index;
//! reads from the UI's connection while such a sync writes ≤ 50 ms p95.
//!
//! `BENCH_PREFIX_AB` compares other `prefix` settings of the links' search index with the
//! migrations' one in the same run, e.g. `BENCH_PREFIX_AB="2 3 4 5 6,2 3"`: each setting gets a
//! store of its own that goes through the same syncs (interleaved with the others), then the
//! queries run again on the bench's store with its index rebuilt under each setting, and once
//! more under the migrations' own.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

mod common;

use common::{Budgets, FIRST, Rng, SURNAMES, bench_profile, ms, percentile};
use mostrador_store::{Link, LinkQuery, LinkSort, LinkStatus, Merchant, Store};

const TOTAL: usize = 1_000_000;
const BATCH: usize = 100_000;
const PROFILE: &str = "bench";
const T0: i64 = 1_704_067_200; // 2024-01-01
const NOW: i64 = T0 + 730 * 86_400;
const RUNS: usize = 200;
/// Nine merchants share the links; a tenth, small one has 1 in 500 (about 2,000).
const MERCHANTS: usize = 9;
const SMALL_MERCHANT: &str = "m-small";
const SMALL_SHARE: usize = 500;
const SYNC_BUDGET_S: f64 = 3.0;
const SYNC_BUDGET_RATIO: f64 = 2.0;
const READ_DURING_SYNC_BUDGET_MS: f64 = 50.0;
const LIKE_RATIO_BUDGET: f64 = 20.0;
/// The LIKE ratio is a budget only where LIKE reads more rows than this (issue 18).
const LIKE_RATIO_MIN_ROWS: u64 = 10_000;

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
    let id = format!(
        "{created_at:08x}{:013x}{:016x}",
        identity.next() >> 12,
        identity.next()
    );
    let merchant = match identity.below(SMALL_SHARE) {
        0 => SMALL_MERCHANT.to_owned(),
        n => format!("m{}", n % MERCHANTS),
    };
    Link {
        id,
        merchant_id: Some(merchant),
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
    let mut budgets = Budgets::default();
    println!(
        "| measurement | p50 | p95 | rows matching | LIKE p50 (rows LIKE reads) | speed-up (p50) |"
    );
    println!("|---|---|---|---|---|---|");
    let compared = compared_prefixes();
    if !reuse {
        populate(&store, &compared, &mut budgets);
        let start = Instant::now();
        store.optimize().unwrap();
        println!(
            "| Store::optimize (statistics + FTS merge) after populating | {} | | | | |",
            ms(start.elapsed())
        );
        merchant_term_cost(&store);
    }
    search(&store, &mut budgets);
    if !compared.is_empty() {
        let own = links_prefix(store.path());
        for prefix in compared.iter().chain([&own]) {
            let start = Instant::now();
            set_links_prefix(store.path(), prefix);
            println!(
                "| **prefix = '{prefix}'**: the index rebuilt and merged in {} | | | | | |",
                ms(start.elapsed())
            );
            // Only the migrations' setting is judged.
            search(&store, &mut Budgets::default());
        }
    }
    println!();
    for line in &budgets.0 {
        println!("{line}");
    }
}

/// The `prefix` settings of `BENCH_PREFIX_AB`, if any.
fn compared_prefixes() -> Vec<String> {
    std::env::var("BENCH_PREFIX_AB")
        .map(|v| v.split(',').map(|p| p.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// The links' search index's `prefix` setting in the file at `path`.
fn links_prefix(path: &Path) -> String {
    let sql = links_fts_sql(path);
    let (start, end) = prefix_span(&sql);
    sql[start..end].to_owned()
}

fn links_fts_sql(path: &Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'links_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Where the value of `prefix = '…'` lies in the index's `CREATE` statement.
fn prefix_span(sql: &str) -> (usize, usize) {
    let start = sql.find("prefix = '").expect("a prefix setting") + "prefix = '".len();
    (start, start + sql[start..].find('\'').unwrap())
}

/// Recreates the links' search index of the file at `path` with `prefix`, the rest of its
/// settings unchanged (the triggers name it and stay), rebuilt from the links and merged.
fn set_links_prefix(path: &Path, prefix: &str) {
    let sql = links_fts_sql(path);
    let (start, end) = prefix_span(&sql);
    let sql = format!("{}{prefix}{}", &sql[..start], &sql[end..]);
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch(&format!(
            "BEGIN; DROP TABLE links_fts; {sql}; \
             INSERT INTO links_fts (links_fts) VALUES ('rebuild'); \
             INSERT INTO links_fts (links_fts) VALUES ('optimize'); COMMIT;"
        ))
        .unwrap();
}

/// The first sync's links, newest first as Billpocket lists them; later syncs bring newer ones.
fn sync_batch(rng: &mut Rng, batch: usize) -> Vec<Link> {
    (batch * BATCH..(batch + 1) * BATCH)
        .rev()
        .map(|n| make_link(rng, n, 0))
        .collect()
}

fn sync(store: &Store, links: &[Link], synced_at: i64) -> Duration {
    let start = Instant::now();
    store
        .write(|w| w.upsert_links(PROFILE, links, synced_at))
        .unwrap();
    start.elapsed()
}

/// The bench's profile and merchants.
fn set_up(store: &Store) {
    store
        .write(|w| {
            w.upsert_profile(&bench_profile(PROFILE, T0))?;
            let merchants: Vec<Merchant> = (0..MERCHANTS)
                .map(|n| format!("m{n}"))
                .chain([SMALL_MERCHANT.to_owned()])
                .map(|id| Merchant {
                    name: format!("Comercio {id}"),
                    email: format!("{id}@example.mx"),
                    rfc: "XAXX010101000".into(),
                    id,
                    main_link: None,
                    domain: None,
                    created_at: T0,
                    updated_at: T0,
                    synced_at: None,
                    person_type: None,
                    clabe: None,
                    bank: None,
                    registration: None,
                })
                .collect();
            w.upsert_merchants(PROFILE, &merchants, T0)
        })
        .unwrap();
}

/// 100,000 links (every tenth) whose every field changed, text included: the worst case.
fn changed_text(seed: u64, generation: i64) -> Vec<Link> {
    let mut rng = Rng(seed);
    (0..BATCH)
        .map(|n| make_link(&mut rng, n * 10, generation))
        .collect()
}

/// The same links with only what a provider changes most: status and `updated_at`.
fn changed_status(links: &[Link]) -> Vec<Link> {
    links
        .iter()
        .map(|l| Link {
            status: match l.status {
                LinkStatus::Active => LinkStatus::Inactive,
                LinkStatus::Inactive => LinkStatus::Active,
            },
            updated_at: l.updated_at + 1,
            ..l.clone()
        })
        .collect()
}

/// Times of the syncs every store of the bench goes through.
#[derive(Default)]
struct Syncs {
    new: Vec<Duration>,
    changed_text: Duration,
    changed_status: Duration,
}

/// The same syncs into every store, each sync into one store after the other, so that they
/// see the same load on a shared machine: 1,000,000 new links as ten 100,000-link
/// transactions, then 100,000 links changed in every field, then the same ones in status only.
fn standard_syncs(stores: &[&Store]) -> Vec<Syncs> {
    for store in stores {
        set_up(store);
    }
    let mut syncs: Vec<Syncs> = stores.iter().map(|_| Syncs::default()).collect();
    let mut rng = Rng(42);
    for batch in 0..TOTAL / BATCH {
        let links = sync_batch(&mut rng, batch);
        for (store, syncs) in stores.iter().zip(&mut syncs) {
            syncs.new.push(sync(store, &links, NOW));
        }
    }
    let text = changed_text(7, 1);
    let status = changed_status(&text);
    for (store, syncs) in stores.iter().zip(&mut syncs) {
        syncs.changed_text = sync(store, &text, NOW + 2);
    }
    for (store, syncs) in stores.iter().zip(&mut syncs) {
        syncs.changed_status = sync(store, &status, NOW + 3);
    }
    syncs
}

fn populate(store: &Store, compared: &[String], budgets: &mut Budgets) {
    // Baseline: the same syncs into a store whose search index and link counts are not
    // maintained, which is what the table and its sort and filter indexes cost alone.
    let bare_dir = tempfile::tempdir().unwrap();
    let bare = Store::open(bare_dir.path()).unwrap();
    rusqlite::Connection::open(bare.path())
        .unwrap()
        .execute_batch(
            "DROP TRIGGER links_fts_insert; DROP TRIGGER links_fts_update; \
             DROP TRIGGER links_fts_delete; DROP TRIGGER links_count_insert; \
             DROP TRIGGER links_count_update; DROP TRIGGER links_count_delete;",
        )
        .unwrap();
    let others: Vec<(tempfile::TempDir, Store)> = compared
        .iter()
        .map(|prefix| {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::open(dir.path()).unwrap();
            set_links_prefix(store.path(), prefix);
            (dir, store)
        })
        .collect();
    let stores: Vec<&Store> = [store]
        .into_iter()
        .chain(others.iter().map(|(_, s)| s))
        .chain([&bare])
        .collect();
    let mut syncs = standard_syncs(&stores);
    let baseline = syncs.pop().unwrap();
    let indexed = syncs.remove(0);
    drop(others);
    drop(bare);
    // The usual sync: the provider returns links that did not change.
    let unchanged_time = sync(store, &sync_batch(&mut Rng(42), 0), NOW + 1);
    let during = reads_during_sync(store);

    let last = TOTAL / BATCH - 1;
    let upsert = "bulk upsert, one transaction: 100,000";
    let without = "baseline without the search index: 100,000";
    for (label, time) in [
        (
            format!("{upsert} new links into an empty table"),
            indexed.new[0],
        ),
        (
            format!("{upsert} new links into 900,000"),
            indexed.new[last],
        ),
        (
            format!("{upsert} unchanged links (re-sync) of 1,000,000"),
            unchanged_time,
        ),
        (
            format!("{upsert} changed links of 1,000,000 (text, amount, status)"),
            indexed.changed_text,
        ),
        (
            format!("{upsert} changed links of 1,000,000 (status only)"),
            indexed.changed_status,
        ),
        (
            format!("{without} new links into an empty table"),
            baseline.new[0],
        ),
        (
            format!("{without} new links into 900,000"),
            baseline.new[last],
        ),
        (
            format!("{without} changed links (text, amount, status)"),
            baseline.changed_text,
        ),
        (
            format!("{without} changed links (status only)"),
            baseline.changed_status,
        ),
    ] {
        println!("| {label} | {} | | | | |", ms(time));
    }
    // With other settings compared, every setting's syncs side by side.
    if !compared.is_empty() {
        let own = links_prefix(store.path());
        let settings = std::iter::once(&own).chain(compared);
        let ratio = |time: Duration, base: Duration| time.as_secs_f64() / base.as_secs_f64();
        let total = |syncs: &Syncs| syncs.new.iter().sum::<Duration>();
        for (prefix, syncs) in settings.zip(std::iter::once(&indexed).chain(&syncs)) {
            println!(
                "| prefix = '{prefix}' (ratio to the baseline): the ten new syncs {} ({:.2}×), \
                 new into 900,000 {} ({:.2}×), changed {} ({:.2}×), status only {} ({:.2}×) \
                 | | | | | |",
                ms(total(syncs)),
                ratio(total(syncs), total(&baseline)),
                ms(syncs.new[last]),
                ratio(syncs.new[last], baseline.new[last]),
                ms(syncs.changed_text),
                ratio(syncs.changed_text, baseline.changed_text),
                ms(syncs.changed_status),
                ratio(syncs.changed_status, baseline.changed_status),
            );
        }
    }
    for (name, time, base) in [
        ("new_into_900k", indexed.new[last], baseline.new[last]),
        ("changed_text", indexed.changed_text, baseline.changed_text),
        (
            "changed_status",
            indexed.changed_status,
            baseline.changed_status,
        ),
    ] {
        budgets.at_most(
            &format!("store_sync_{name}_s"),
            time.as_secs_f64(),
            SYNC_BUDGET_S,
        );
        budgets.at_most(
            &format!("store_sync_{name}_ratio"),
            time.as_secs_f64() / base.as_secs_f64(),
            SYNC_BUDGET_RATIO,
        );
    }
    println!(
        "| reads while 100,000 changed links sync ({} for the sync) | | | | | |",
        ms(during.sync)
    );
    for (name, label, times) in during.reads {
        let (p50, p95) = (percentile(&times, 0.5), percentile(&times, 0.95));
        println!(
            "| {label} while the sync writes ({} reads) | {} | {} | | | |",
            times.len(),
            ms(p50),
            ms(p95)
        );
        budgets.at_most(
            &format!("store_read_during_sync_{name}_p95_ms"),
            p95.as_secs_f64() * 1e3,
            READ_DURING_SYNC_BUDGET_MS,
        );
    }
}

/// What the reads of the UI took while a sync wrote from another thread.
struct DuringSync {
    sync: Duration,
    reads: Vec<(&'static str, &'static str, Vec<Duration>)>,
}

/// A sync of 100,000 links with changed text (the slowest kind) on the writer connection while
/// this thread reads through the store's reader: a list page, a search and the counts.
fn reads_during_sync(store: &Store) -> DuringSync {
    let links = changed_text(9, 2);
    let list = LinkQuery {
        profile_id: PROFILE.into(),
        limit: 50,
        ..Default::default()
    };
    let search = LinkQuery {
        text: "zuniga".into(),
        status: Some(LinkStatus::Active),
        ..list.clone()
    };
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    let done = std::sync::atomic::AtomicBool::new(false);
    let sync_time = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let time = sync(store, &links, NOW + 4);
            done.store(true, std::sync::atomic::Ordering::Release);
            time
        });
        while !done.load(std::sync::atomic::Ordering::Acquire) {
            let start = Instant::now();
            store.search_links(&list, NOW).unwrap();
            times[0].push(start.elapsed());
            let start = Instant::now();
            store.search_links(&search, NOW).unwrap();
            times[1].push(start.elapsed());
            let start = Instant::now();
            store.merchant_link_counts(PROFILE).unwrap();
            times[2].push(start.elapsed());
        }
        writer.join().unwrap()
    });
    let [list, search, counts] = times.map(|mut t| {
        t.sort();
        t
    });
    DuringSync {
        sync: sync_time,
        reads: vec![
            ("list", "list page (newest 50)", list),
            ("search", "search \"zuniga\" + active", search),
            ("counts", "links per merchant (counts)", counts),
        ],
    }
}

/// What the merchant's term costs the index (migration 0016), in the same run: the index built
/// from the same 1,000,000 links with and without the term, each into a scratch FTS5 table of
/// the same settings (time of the build and size of its segments), the two interleaved.
fn merchant_term_cost(store: &Store) {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let settings = format!(
        "content = 'links_search_source', content_rowid = 'rowid', \
         tokenize = 'unicode61 remove_diacritics 2', prefix = '{}', \
         detail = none, columnsize = 0",
        links_prefix(store.path())
    );
    let mut rows = Vec::new();
    for (table, columns, label) in [
        (
            "bench_fts_without",
            "description, slug, id, amount",
            "without the merchant's term (0015)",
        ),
        (
            "bench_fts_with",
            "description, slug, id, amount, merchant",
            "with the merchant's term (0016)",
        ),
    ] {
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE {table} USING fts5 ({columns}, {settings})"
        ))
        .unwrap();
        let start = Instant::now();
        conn.execute_batch(&format!(
            "INSERT INTO {table} ({table}) VALUES ('rebuild'); \
             INSERT INTO {table} ({table}) VALUES ('optimize');"
        ))
        .unwrap();
        let time = start.elapsed();
        let bytes: i64 = conn
            .query_row(
                &format!("SELECT sum(length(block)) FROM {table}_data"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!("DROP TABLE {table}")).unwrap();
        rows.push((label, time, bytes));
    }
    for (label, time, bytes) in rows {
        println!(
            "| search index of 1,000,000 links {label}: built and merged in {}, {:.1} MB | | | | | |",
            ms(time),
            bytes as f64 / 1e6
        );
    }
}

/// The core of "perez" among the small merchant's links, inside SQLite, both ways in the same
/// run: every match of the word checked against the merchant's rowids (0015's walk), or FTS5
/// intersecting the word with the merchant's term (0016).
fn merchant_filter_against_term(raw: &rusqlite::Connection) {
    let hex: String = SMALL_MERCHANT.bytes().map(|b| format!("{b:02X}")).collect();
    let as_filter = "SELECT count(*) FROM (SELECT rowid FROM links_fts WHERE links_fts MATCH ?1 \
                     AND +rowid IN (SELECT t.rowid FROM links t WHERE t.profile_id = ?2 \
                     AND t.merchant_id = ?3) ORDER BY rowid DESC)";
    let as_term = "SELECT count(*) FROM (SELECT rowid FROM links_fts WHERE links_fts MATCH ?1 \
                   AND ?2 IS NOT NULL AND ?3 IS NOT NULL ORDER BY rowid DESC)";
    let term = format!("\"perez\"* AND \"\u{E000}{hex}\"");
    let mut times = [Vec::new(), Vec::new()];
    let mut found = [0_i64; 2];
    for _ in 0..RUNS {
        for (i, (sql, expr)) in [(as_filter, "\"perez\"*"), (as_term, term.as_str())]
            .into_iter()
            .enumerate()
        {
            let start = Instant::now();
            found[i] = raw
                .prepare_cached(sql)
                .unwrap()
                .query_row(rusqlite::params![expr, PROFILE, SMALL_MERCHANT], |r| {
                    r.get(0)
                })
                .unwrap();
            times[i].push(start.elapsed());
        }
    }
    assert_eq!(found[0], found[1], "both ways find the same matches");
    for (label, mut t) in [
        (
            "the merchant as a filter of every match (0015)",
            std::mem::take(&mut times[0]),
        ),
        (
            "the merchant as an FTS5 term (0016)",
            std::mem::take(&mut times[1]),
        ),
    ] {
        t.sort();
        println!(
            "| core: \"perez\" among the small merchant's links, {label} | {} | {} | {} | | |",
            ms(percentile(&t, 0.5)),
            ms(percentile(&t, 0.95)),
            found[0]
        );
    }
}

/// How deep the page is that a page is read back from: twice the UI's window of pages.
const READ_BACK_DEPTH: usize = 20;

/// Measures the page after `next`, and the page read back before a deeper one (the UI's window
/// of pages reads them as its view returns up), and prints them as rows below `query`'s.
fn second_page(
    store: &Store,
    budgets: &mut Budgets,
    name: &str,
    query: LinkQuery,
    next: Option<mostrador_store::Cursor>,
) {
    let mut second = LinkQuery {
        cursor: next,
        ..query
    };
    let (p50, p95, page) = measure(RUNS, || store.search_links(&second, NOW).unwrap());
    println!(
        "| same, second page (keyset cursor) | {} | {} | | | |",
        ms(p50),
        ms(p95)
    );
    budgets.query_p95(&format!("{name}_page2"), p95);

    let mut deeper = page;
    for _ in 2..READ_BACK_DEPTH {
        let Some(next) = deeper.next.clone() else {
            break;
        };
        second.cursor = Some(next);
        deeper = store.search_links(&second, NOW).unwrap();
    }
    second.cursor = deeper.previous;
    let (p50, p95, _) = measure(RUNS, || store.search_links(&second, NOW).unwrap());
    println!(
        "| same, page {} read back from page {READ_BACK_DEPTH} (cursor before) | {} | {} | | | |",
        READ_BACK_DEPTH - 1,
        ms(p50),
        ms(p95)
    );
    budgets.query_p95(&format!("{name}_read_back"), p95);
}

/// Measures `query`, prints it as a row and checks it against the query budget.
fn timed(
    store: &Store,
    budgets: &mut Budgets,
    name: &str,
    label: &str,
    query: &LinkQuery,
    now: i64,
) {
    let (p50, p95, _) = measure(RUNS, || store.search_links(query, now).unwrap());
    println!("| {label} | {} | {} | | | |", ms(p50), ms(p95));
    budgets.query_p95(name, p95);
}

fn search(store: &Store, budgets: &mut Budgets) {
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    // Counts the rows LIKE reads: SQLite tests a term that the index covers (the rowid) before
    // it looks the row up, so this runs once per index entry the scan visits.
    let rows_read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let counter = rows_read.clone();
    raw.create_scalar_function(
        "bench_read",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(true)
        },
    )
    .unwrap();
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
    // (name, label, typed text, LIKE pattern finding the same rows)
    let searches = [
        (
            "perez",
            "most common surname",
            "perez".to_owned(),
            "%pérez%".to_owned(),
        ),
        (
            "zuniga",
            "least common surname",
            "zuniga".into(),
            "%zúñiga%".into(),
        ),
        (
            "begona_zuniga",
            "first name + surname",
            "begona zuniga".into(),
            "%begoña%zúñiga%".into(),
        ),
        (
            "slug_prefix",
            "slug prefix",
            slug.clone(),
            format!("{slug}%"),
        ),
        ("id_prefix", "id prefix", id.clone(), format!("{id}%")),
    ];
    for (name, label, text, like) in searches {
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
        let like_sql = "SELECT id FROM links WHERE profile_id = ?1 AND bench_read(rowid) \
                        AND status = 1 \
                        AND (description LIKE ?2 OR secondary_link LIKE ?2 OR id LIKE ?2) \
                        ORDER BY created_at DESC, rowid DESC LIMIT 50";
        let mut stmt = raw.prepare(like_sql).unwrap();
        let (like_p50, like_p95, like_ids) = measure(10, || {
            rows_read.store(0, std::sync::atomic::Ordering::Relaxed);
            stmt.query_map(rusqlite::params![PROFILE, like], |r| r.get::<_, String>(0))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
        });
        let like_rows = rows_read.load(std::sync::atomic::Ordering::Relaxed);
        let fts_ids: Vec<String> = page.items.iter().map(|l| l.id.clone()).collect();
        let same = if fts_ids == like_ids {
            ""
        } else {
            " (pages differ)"
        };
        println!(
            "| search \"{text}\" ({label}) + status active, newest first, page of 50 | {} | {} | {} | {} (p95 {}; {like_rows} rows) | {}×{same} |",
            ms(p50),
            ms(p95),
            count(text),
            ms(like_p50),
            ms(like_p95),
            speed_up(like_p50, p50),
        );
        budgets.query_p95(&format!("search_{name}"), p95);
        if like_rows > LIKE_RATIO_MIN_ROWS {
            budgets.at_least(
                &format!("store_search_{name}_vs_like_x"),
                like_p50.as_secs_f64() / p50.as_secs_f64(),
                LIKE_RATIO_BUDGET,
            );
        }
        if text == "perez" {
            // Scrolling on.
            second_page(store, budgets, "search_perez", query.clone(), page.next);
            // A filter that 1 % of the links pass.
            let narrow = LinkQuery {
                amount_min_centavos: Some(1_000_000),
                amount_max_centavos: Some(1_020_000),
                ..query.clone()
            };
            timed(
                store,
                budgets,
                "search_perez_amount_1pct",
                "same, amounts $10,000–$10,200 only (1 % of links)",
                &narrow,
                NOW,
            );
            let small = LinkQuery {
                merchant_id: Some(SMALL_MERCHANT.into()),
                ..query
            };
            timed(
                store,
                budgets,
                "search_perez_small_merchant",
                "same, the small merchant's links only (0.2 %)",
                &small,
                NOW,
            );
            merchant_filter_against_term(&raw);
        }
    }

    // Type-ahead: the keystrokes of the commonest surname (in 38 % of the links), each prefix
    // read from a prefix index of its length if there is one; then an amount as shown.
    for (name, typed) in [
        ("he", "he"),
        ("her", "her"),
        ("hern", "hern"),
        ("herna", "herna"),
        ("hernan", "hernan"),
        ("gonzal", "gonzal"),
        ("amount", "$1,234.50"),
    ] {
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            text: typed.into(),
            sort: LinkSort::Newest,
            limit: 50,
            ..Default::default()
        };
        timed(
            store,
            budgets,
            &format!("search_typed_{name}"),
            &format!("search \"{typed}\" as typed, newest first, page of 50"),
            &query,
            NOW,
        );
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
    budgets.query_p95("filter_msi_amount", p95);
    second_page(store, budgets, "filter_msi_amount", filtered, page.next);
    let expiring = LinkQuery {
        profile_id: PROFILE.into(),
        expiring_within_days: Some(7),
        sort: LinkSort::ExpiringSoonest,
        limit: 50,
        ..Default::default()
    };
    timed(
        store,
        budgets,
        "filter_expiring",
        "no text: expiring within 7 days, soonest first, page of 50",
        &expiring,
        NOW - 300 * 86_400,
    );
    let small_list = LinkQuery {
        profile_id: PROFILE.into(),
        merchant_id: Some(SMALL_MERCHANT.into()),
        sort: LinkSort::Newest,
        limit: 50,
        ..Default::default()
    };
    timed(
        store,
        budgets,
        "small_merchant_list",
        "no text: the small merchant's links (about 2,000), newest first, page of 50",
        &small_list,
        NOW,
    );
    let (p50, p95, _) = measure(RUNS, || store.merchant_link_counts(PROFILE).unwrap());
    println!(
        "| links per merchant (the merchants screen's counts), kept since the last commit | {} | {} | | | |",
        ms(p50),
        ms(p95)
    );
    budgets.query_p95("merchant_link_counts", p95);
    // The first count after a commit reads every link's index entry.
    let mut link = store
        .search_links(&small_list, NOW)
        .unwrap()
        .items
        .remove(0);
    let mut fresh = Vec::new();
    for _ in 0..20 {
        link.updated_at += 1;
        store
            .write(|w| w.upsert_links(PROFILE, std::slice::from_ref(&link), NOW))
            .unwrap();
        let start = Instant::now();
        store.merchant_link_counts(PROFILE).unwrap();
        fresh.push(start.elapsed());
    }
    fresh.sort();
    println!(
        "| same, the first count after a commit (20 commits) | {} | {} | | | |",
        ms(percentile(&fresh, 0.5)),
        ms(percentile(&fresh, 0.95))
    );
    let db_size = std::fs::metadata(store.path())
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "\ndatabase file: {:.0} MB for {TOTAL} links",
        db_size as f64 / 1e6
    );
}
