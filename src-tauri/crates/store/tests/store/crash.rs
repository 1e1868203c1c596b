//! Kill -9 a writer mid-transaction, many times: the file must stay intact and keep every
//! write the writer saw committed. The writer is this test binary re-executed in child mode.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mostrador_store::{Link, NewOutboxEntry, Store};

use crate::common::{PROFILE, T0, link, profile};

const CHILD_DIR: &str = "MOSTRADOR_CRASH_CHILD_DIR";
const CHILD_GEN: &str = "MOSTRADOR_CRASH_CHILD_GEN";
const KILLS: u64 = 24;
const LINKS_PER_WRITE: usize = 25;

/// Child mode only (a no-op in a normal run): writes transactions forever and prints
/// `committed <key>` after each commit returns.
#[test]
fn child_writer() {
    let (Ok(dir), Ok(generation)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_GEN)) else {
        return;
    };
    let store = Store::open(std::path::Path::new(&dir)).unwrap();
    store
        .write(|w| w.upsert_profile(&profile(PROFILE)))
        .unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let key = format!("g{generation}-{i}");
        let links: Vec<Link> = (0..LINKS_PER_WRITE)
            .map(|k| {
                link(
                    &format!("{key}-{k}"),
                    &format!("Consulta Pérez {key} número {k}"),
                    10_000 + k as i64,
                    T0,
                )
            })
            .collect();
        store
            .write(|w| {
                w.upsert_links(PROFILE, &links, T0)?;
                // Rewrites earlier rows too, so pages are updated, not only appended.
                w.upsert_links(PROFILE, &links[..1], T0 + i as i64)?;
                w.enqueue(
                    &NewOutboxEntry {
                        profile_id: PROFILE,
                        idempotency_key: &key,
                        kind: "crash",
                        intent: "{}",
                    },
                    T0,
                )
            })
            .unwrap();
        writeln!(out, "committed {key}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_writer_loses_no_committed_write() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let random = RandomState::new();
    let started = Instant::now();
    let mut total_committed = 0;
    for generation in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash::child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .env(CHILD_GEN, generation.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (first_tx, first_rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut keys = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(key) = line.strip_prefix("committed ") {
                    if keys.is_empty() {
                        let _ = first_tx.send(());
                    }
                    keys.push(key.to_owned());
                }
            }
            keys
        });
        // Let it get going, then kill at a random moment of its write loop.
        first_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("child never committed");
        std::thread::sleep(Duration::from_micros(random.hash_one(generation) % 120_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let committed = reader.join().unwrap();
        assert!(!committed.is_empty());
        total_committed += committed.len();

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.integrity_check().unwrap(),
            ["ok"],
            "after kill {generation}"
        );
        for key in &committed {
            assert!(
                store.outbox_by_key(key).unwrap().is_some(),
                "lost outbox {key} after kill {generation}"
            );
            let last = format!("{key}-{}", LINKS_PER_WRITE - 1);
            assert_eq!(
                store.link(PROFILE, &last).unwrap().id,
                last,
                "lost link after kill {generation}"
            );
        }
        drop(store);
        // The FTS index matches its content table (rank 1 compares against the content).
        let conn =
            rusqlite::Connection::open(dir.path().join(mostrador_store::DB_FILE_NAME)).unwrap();
        conn.execute(
            "INSERT INTO links_fts (links_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
    }
    eprintln!(
        "{KILLS} kills, {total_committed} committed writes verified in {:?}",
        started.elapsed()
    );
}
