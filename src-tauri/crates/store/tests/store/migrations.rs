use mostrador_store::{DB_FILE_NAME, LATEST_VERSION, Store, StoreError};
use rusqlite::Connection;

use crate::common::{PROFILE, T0};

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
             VALUES ('{PROFILE}', 'cryptopocket', 'c1', 'person', 'José', 'Núñez', 'processing', {T0}, {T0});"
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
}

#[test]
fn every_earlier_version_migrates_to_latest_keeping_data() {
    for version in 0..LATEST_VERSION {
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
        }
        if version >= 2 {
            assert!(store.outbox_by_key("k-old").unwrap().is_some());
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
