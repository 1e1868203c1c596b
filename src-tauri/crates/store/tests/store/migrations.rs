use mostrador_codes::Coded;
use mostrador_store::{DB_FILE_NAME, JournalEntry, JournalKind, LATEST_VERSION, Store, StoreError};
use rusqlite::Connection;

use crate::common::{PROFILE, T0, matching_ids};

#[test]
fn empty_directory_migrates_to_latest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nested/app-data")).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    store.optimize().unwrap();
    drop(store);
    // Reopening an up-to-date file is a no-op.
    let store = Store::open(&dir.path().join("nested/app-data")).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn pragmas_are_set_on_every_connection() {
    let (dir, store) = crate::common::store();
    drop(store);
    let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is persistent in the file");
    let (_dir, store) = crate::common::store();
    // Foreign keys are enforced: a link of an unknown profile is refused.
    let err = store
        .write(|w| w.upsert_links("nope", &[crate::common::link("1", "x", 1, T0)], T0))
        .unwrap_err();
    assert_eq!(err.code(), "store.conflict");
}

/// Seeds data valid at `version` through plain SQL, as an older build would have written it.
fn seed_at(conn: &Connection, version: i64) {
    if version >= 1 {
        conn.execute_batch(&format!(
            "INSERT INTO profiles VALUES ('{PROFILE}', 'Viejo', 'sandbox', NULL, NULL, NULL, {T0}, {T0});
             INSERT INTO links (profile_id, id, description, amount_centavos, secondary_link, custom_link_path,
                 status, months, is_fixed_term, created_at, updated_at)
             VALUES ('{PROFILE}', 'old1', 'Consulta de la Dra. Pérez', 55000, 'perez', 'https://x/m/perez', 1, '[]', 0, {T0}, {T0});
             INSERT INTO customers (profile_id, provider, id, kind, first_name, last_name, kyc_status, created_at, updated_at)
             VALUES ('{PROFILE}', 'cryptopocket', 'c1', 'person', 'José', 'Núñez', 'processing', {T0}, {T0});
             INSERT INTO kyc_history (customer_rowid, from_status, to_status, observed_at)
             SELECT rowid, NULL, 'processing', {T0} FROM customers WHERE id = 'c1';"
        ))
        .unwrap();
    }
    if version >= 1 {
        conn.execute_batch(&format!(
            "INSERT INTO merchants (profile_id, id, name, email, rfc, main_link, created_at, updated_at)
             VALUES ('{PROFILE}', 'm-old', 'Tacos El Güero', 'g@example.mx', 'TAC010101AB1', 'tacos', {T0}, {T0});"
        ))
        .unwrap();
    }
    if version >= 2 {
        conn.execute_batch(&format!(
            "INSERT INTO outbox (profile_id, idempotency_key, kind, intent, created_at, updated_at)
             VALUES ('{PROFILE}', 'k-old', 'billpocket.create_link', '{{}}', {T0}, {T0});"
        ))
        .unwrap();
    }
    // One draft per (profile, form) until 0005, several addressed by id since.
    if (2..5).contains(&version) {
        conn.execute_batch(&format!(
            "INSERT INTO drafts (profile_id, kind, body, updated_at)
             VALUES ('{PROFILE}', 'merchant', '{{\"name\":\"Flores\"}}', {T0});"
        ))
        .unwrap();
    }
    if version >= 5 {
        conn.execute_batch(&format!(
            "INSERT INTO form_drafts (id, profile_id, kind, title, body, created_at, updated_at)
             VALUES ('merchant:{PROFILE}', '{PROFILE}', 'merchant', '', '{{\"name\":\"Flores\"}}', {T0}, {T0});
             UPDATE merchants SET person_type = 'M', clabe = '002180700000000019', bank = 'Banamex',
                 registration = '{{\"giro\":\"01\"}}' WHERE id = 'm-old';"
        ))
        .unwrap();
    }
}

#[test]
fn every_earlier_version_migrates_to_latest_keeping_data() {
    // The latest version too: its seed must stay valid, and opening it is a no-op.
    for version in 0..=LATEST_VERSION {
        let dir = tempfile::tempdir().unwrap();
        mostrador_store::create_at_version(dir.path(), version).unwrap();
        let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(found, version);
        seed_at(&conn, version);
        drop(conn);

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from {version}"
        );
        assert_eq!(store.integrity_check().unwrap(), ["ok"]);
        if version >= 1 {
            // Rows written before search existed are searchable after the upgrade.
            let page = store
                .search_links(
                    &mostrador_store::LinkQuery {
                        profile_id: PROFILE.into(),
                        text: "perez".into(),
                        ..Default::default()
                    },
                    T0,
                )
                .unwrap();
            assert_eq!(page.items.len(), 1, "from {version}");
            assert_eq!(page.items[0].amount_centavos, 55_000);
            let customers = store
                .search_customers(&mostrador_store::CustomerQuery {
                    profile_id: PROFILE.into(),
                    text: "nunez".into(),
                    ..Default::default()
                })
                .unwrap();
            assert_eq!(customers.items.len(), 1, "from {version}");
            // History kept before 0008 came from list syncs.
            let history = store
                .kyc_history(PROFILE, mostrador_store::Provider::Cryptopocket, "c1")
                .unwrap();
            let seen: Vec<_> = history.iter().map(|t| (t.to_status, t.source)).collect();
            assert_eq!(
                seen,
                [(
                    mostrador_store::KycStatus::Processing,
                    mostrador_store::KycSource::Sync
                )],
                "from {version}"
            );
        }
        if version >= 1 {
            let merchant = store.merchant(PROFILE, "m-old").unwrap();
            assert_eq!(
                (merchant.name.as_str(), merchant.main_link.as_deref()),
                ("Tacos El Güero", Some("tacos")),
                "from {version}"
            );
            if version < 5 {
                assert_eq!(
                    (
                        merchant.person_type,
                        merchant.clabe,
                        merchant.bank,
                        merchant.registration
                    ),
                    (None, None, None, None),
                    "from {version}"
                );
            }
        }
        if version >= 2 {
            assert!(store.outbox_by_key("k-old").unwrap().is_some());
            // The one draft per form is now a draft among several, with a derived id.
            let drafts = store.drafts(PROFILE, "merchant").unwrap();
            assert_eq!(drafts.len(), 1, "from {version}");
            assert_eq!(
                drafts[0],
                mostrador_store::Draft {
                    id: format!("merchant:{PROFILE}"),
                    kind: "merchant".into(),
                    title: String::new(),
                    body: r#"{"name":"Flores"}"#.into(),
                    created_at: T0,
                    updated_at: T0,
                },
                "from {version}"
            );
        }
    }
}

#[test]
fn newer_schema_is_refused_and_file_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        // A file from a future build: newer version, rollback journal, a table we don't know.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "CREATE TABLE future (x); INSERT INTO future VALUES (42); PRAGMA user_version = {};",
            LATEST_VERSION + 1
        ))
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(dir.path()).err().expect("must refuse");
    assert!(
        matches!(err, StoreError::NewerSchema { found, known } if found == LATEST_VERSION + 1 && known == LATEST_VERSION)
    );
    assert_eq!(err.code(), "store.newer_schema");
    assert!(err.to_string().contains("update Mostrador"));

    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must not change"
    );
    assert!(
        !dir.path().join(format!("{DB_FILE_NAME}-wal")).exists(),
        "no WAL created"
    );
}

#[test]
fn the_journal_rebuilt_by_0014_keeps_its_rows_and_index_and_takes_links_and_documents() {
    let dir = tempfile::tempdir().unwrap();
    mostrador_store::create_at_version(dir.path(), 13).unwrap();
    let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    seed_at(&conn, 13);
    conn.execute_batch(&format!(
        "INSERT INTO customer_tags (customer_rowid, tag, added_at)
             SELECT rowid, 'VIP', {T0} FROM customers WHERE id = 'c1';
         INSERT INTO customer_journal (seq, customer_rowid, kind, text, at)
             SELECT 7, rowid, 'note', 'Llamó; sube su INE mañana', {T0} FROM customers WHERE id = 'c1';
         INSERT INTO customer_journal (seq, customer_rowid, kind, text, at)
             SELECT 9, rowid, 'tag_added', 'VIP', {T0} + 5 FROM customers WHERE id = 'c1';
         INSERT INTO customer_journal (seq, customer_rowid, kind, text, at)
             SELECT 12, rowid, 'reminder', 'whatsapp', {T0} + 9 FROM customers WHERE id = 'c1';"
    ))
    .unwrap();
    // Before 0014 the schema refuses a link issued.
    let refused = conn.execute(
        "INSERT INTO customer_journal (customer_rowid, kind, text, at) \
         SELECT rowid, 'kyc_link_issued', 'https://x', 0 FROM customers WHERE id = 'c1'",
        [],
    );
    assert!(refused.is_err());
    drop(conn);

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    let provider = mostrador_store::Provider::Cryptopocket;
    let kept: Vec<_> = (store.customer_journal(PROFILE, provider, "c1").unwrap())
        .into_iter()
        .map(|e| (e.kind, e.text, e.at - T0))
        .collect();
    assert_eq!(
        kept,
        [
            (JournalKind::Note, "Llamó; sube su INE mañana".to_owned(), 0),
            (JournalKind::TagAdded, "VIP".to_owned(), 5),
            (JournalKind::Reminder, "whatsapp".to_owned(), 9),
        ]
    );
    assert_eq!(
        store.customer_tags(PROFILE, provider, "c1").unwrap(),
        ["VIP"]
    );

    // The new kinds are taken, after the old rows (seq goes on from the highest kept).
    store
        .write(|w| {
            for (kind, text) in [
                (JournalKind::DocumentUploaded, "bank_statement"),
                (JournalKind::EnhancedLinkIssued, "https://forms.example/e/1"),
            ] {
                let entry = JournalEntry {
                    kind,
                    text: text.into(),
                    at: T0 + 20,
                };
                w.add_journal_entry(PROFILE, provider, "c1", &entry)?;
            }
            Ok(())
        })
        .unwrap();
    let journal = store.customer_journal(PROFILE, provider, "c1").unwrap();
    let kinds: Vec<_> = journal.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            JournalKind::Note,
            JournalKind::TagAdded,
            JournalKind::Reminder,
            JournalKind::DocumentUploaded,
            JournalKind::EnhancedLinkIssued
        ]
    );
    drop(store);

    let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    let seqs: Vec<i64> = conn
        .prepare("SELECT seq FROM customer_journal ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(seqs, [7, 9, 12, 13, 14]);
    let index: String = conn
        .query_row(
            "SELECT tbl_name FROM sqlite_schema WHERE name = 'customer_journal_by_customer'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(index, "customer_journal");
    let unknown = conn.execute(
        "INSERT INTO customer_journal (customer_rowid, kind, text, at) \
         SELECT rowid, 'password', 'x', 0 FROM customers WHERE id = 'c1'",
        [],
    );
    assert!(unknown.is_err(), "the CHECK still refuses an unknown kind");
    // Deleting the customer still takes its journal with it (the foreign key survived).
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM customers WHERE id = 'c1';")
        .unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM customer_journal", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn an_index_a_migration_rebuilt_in_an_analysed_file_is_analysed_at_open() {
    let (dir, store) = crate::common::store();
    let links: Vec<_> = (0..50)
        .map(|i| crate::common::link(&format!("a{i}"), "Consulta", 100 + i, T0 + i))
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let stat = |conn: &Connection| -> Option<String> {
        conn.query_row(
            "SELECT stat FROM sqlite_stat1 WHERE idx = 'links_by_merchant'",
            [],
            |r| r.get(0),
        )
        .ok()
    };
    let path = store.path().to_owned();
    store.optimize().unwrap();
    drop(store);
    // What migration 0015 did to a file that had statistics.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP INDEX links_by_merchant;
         CREATE INDEX links_by_merchant ON links (profile_id, merchant_id, created_at);",
    )
    .unwrap();
    assert_eq!(stat(&conn), None);
    Store::open(dir.path()).unwrap();
    assert_eq!(stat(&conn).as_deref(), Some("50 50 50 1"));
}

#[test]
fn a_file_never_optimised_gets_no_statistics_at_open() {
    let (dir, store) = crate::common::store();
    let path = store.path().to_owned();
    drop(store);
    Store::open(dir.path()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let analysed: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!analysed, "Store::optimize decides when to analyse");
}

#[test]
fn migration_0016_counts_the_cached_links_and_indexes_their_merchants() {
    let dir = tempfile::tempdir().unwrap();
    mostrador_store::create_at_version(dir.path(), 15).unwrap();
    let conn = Connection::open(dir.path().join(DB_FILE_NAME)).unwrap();
    // 0015's rows: two merchants (one without links), links of one of them and one without.
    conn.execute_batch(&format!(
        "INSERT INTO profiles VALUES ('{PROFILE}', 'Viejo', 'sandbox', NULL, NULL, NULL, {T0}, {T0});
         INSERT INTO merchants (profile_id, id, name, created_at, updated_at)
         VALUES ('{PROFILE}', 'm-1', 'Tacos', {T0}, {T0}), ('{PROFILE}', 'm-2', 'Flores', {T0}, {T0});
         INSERT INTO links (profile_id, id, merchant_id, description, amount_centavos, secondary_link,
             custom_link_path, status, months, is_fixed_term, created_at, updated_at)
         VALUES ('{PROFILE}', 'a', 'm-1', 'Consulta Pérez', 100, 'sa', 'x', 1, '[]', 0, {T0}, {T0}),
                ('{PROFILE}', 'b', 'm-1', 'Renta López', 100, 'sb', 'x', 1, '[]', 0, {T0}, {T0}),
                ('{PROFILE}', 'c', NULL, 'Consulta Pérez', 100, 'sc', 'x', 1, '[]', 0, {T0}, {T0});"
    ))
    .unwrap();
    drop(conn);

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), 16);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
    assert_eq!(
        store.merchant_link_counts(PROFILE).unwrap(),
        [("m-1".into(), 2), ("m-2".into(), 0)]
    );
    let search = |merchant: Option<&str>| matching_ids(&store, merchant, "perez");
    assert_eq!(search(Some("m-1")), ["a"]);
    assert!(search(Some("m-2")).is_empty());
    assert_eq!(search(None), ["a", "c"]);
    // The rebuilt index agrees with its source, and the old rows keep being counted.
    Connection::open(store.path())
        .unwrap()
        .execute(
            "INSERT INTO links_fts (links_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
    store.write(|w| w.delete_link(PROFILE, "a")).unwrap();
    assert_eq!(
        store.merchant_link_counts(PROFILE).unwrap(),
        [("m-1".into(), 1), ("m-2".into(), 0)]
    );
}
