use mostrador_codes::{Coded, ErrorCode};
use mostrador_store::{Catalogue, Draft, DraftInput, Merchant, NewOutboxEntry, Store, StoreError};

use crate::common::{PROFILE, T0, link, merchant, profile, store};

fn draft<'a>(id: &'a str, profile_id: &'a str, title: &'a str, body: &'a str) -> DraftInput<'a> {
    DraftInput {
        id,
        profile_id,
        kind: "merchant",
        title,
        body,
    }
}

#[test]
fn several_drafts_per_form_are_saved_replaced_listed_and_discarded() {
    let (dir, store) = store();
    store
        .write(|w| w.upsert_profile(&profile("other")))
        .unwrap();
    store
        .write(|w| w.save_draft(&draft("d1", PROFILE, "Tacos", r#"{"name":"Ta"}"#), T0))
        .unwrap();
    store
        .write(|w| w.save_draft(&draft("d2", PROFILE, "Flores", r#"{"name":"Flo"}"#), T0 + 1))
        .unwrap();
    store
        .write(|w| w.save_draft(&draft("d3", "other", "Otra", r#"{"name":"Otra"}"#), T0))
        .unwrap();
    // Replacing keeps created_at and moves the draft to the top of the list.
    store
        .write(|w| {
            w.save_draft(
                &draft(
                    "d1",
                    PROFILE,
                    "Tacos El Güero",
                    r#"{"name":"Tacos El Güero"}"#,
                ),
                T0 + 5,
            )
        })
        .unwrap();

    let err = store
        .write(|w| w.save_draft(&draft("d4", PROFILE, "", "not json"), T0))
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(err.code(), "store.invalid");
    // An id cannot move to another profile or form, and the draft is left as it was.
    let err = store
        .write(|w| w.save_draft(&draft("d3", PROFILE, "robado", "{}"), T0 + 9))
        .unwrap_err();
    assert_eq!(err.code(), "store.conflict");
    let err = store
        .write(|w| {
            w.save_draft(
                &DraftInput {
                    kind: "link",
                    ..draft("d1", PROFILE, "", "{}")
                },
                T0 + 9,
            )
        })
        .unwrap_err();
    assert_eq!(err.code(), "store.conflict");

    // Survives a restart.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let d1 = store.draft("d1").unwrap().unwrap();
    assert_eq!(
        d1,
        Draft {
            id: "d1".into(),
            kind: "merchant".into(),
            title: "Tacos El Güero".into(),
            body: r#"{"name":"Tacos El Güero"}"#.into(),
            created_at: T0,
            updated_at: T0 + 5,
        }
    );
    assert_eq!(store.draft("d3").unwrap().unwrap().title, "Otra");
    assert!(store.draft("d4").unwrap().is_none());
    let ids = |profile: &str, kind: &str| -> Vec<String> {
        store
            .drafts(profile, kind)
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect()
    };
    assert_eq!(ids(PROFILE, "merchant"), ["d1", "d2"], "newest first");
    assert_eq!(ids("other", "merchant"), ["d3"]);
    assert!(ids(PROFILE, "link").is_empty());

    assert!(store.write(|w| w.discard_draft("d1")).unwrap());
    assert!(!store.write(|w| w.discard_draft("d1")).unwrap());
    assert!(store.draft("d1").unwrap().is_none());
    assert_eq!(ids(PROFILE, "merchant"), ["d2"]);
    assert!(store.draft("d3").unwrap().is_some());
}

#[test]
fn merchant_registration_data_survives_upserts_without_it() {
    let (_dir, store) = store();
    let registered = Merchant {
        person_type: Some("M".into()),
        clabe: Some("002180700000000019".into()),
        bank: Some("Banamex".into()),
        registration: Some(r#"{"razonSocial":"Tacos SA de CV"}"#.into()),
        ..merchant("m1", "Tacos")
    };
    store
        .write(|w| w.upsert_merchants(PROFILE, std::slice::from_ref(&registered), T0))
        .unwrap();
    assert_eq!(store.merchant(PROFILE, "m1").unwrap().synced_at, Some(T0));

    // A later sync that knows nothing about registration renames but erases nothing.
    let mut renamed = merchant("m1", "Tacos El Güero");
    renamed.updated_at = T0 + 10;
    store
        .write(|w| w.upsert_merchants(PROFILE, &[renamed], T0 + 10))
        .unwrap();
    let stored = store.merchant(PROFILE, "m1").unwrap();
    assert_eq!(stored.name, "Tacos El Güero");
    assert_eq!(
        (
            stored.person_type,
            stored.clabe,
            stored.bank,
            stored.registration
        ),
        (
            registered.person_type.clone(),
            registered.clabe.clone(),
            registered.bank.clone(),
            registered.registration.clone()
        )
    );

    // An answer that knows less (no name, e-mail, RFC or link slug) keeps what is stored.
    store
        .write(|w| w.set_main_link(PROFILE, "m1", "tacos", "pagos.example.mx", T0 + 11))
        .unwrap();
    let blank = Merchant {
        name: String::new(),
        email: String::new(),
        rfc: String::new(),
        ..merchant("m1", "")
    };
    store
        .write(|w| w.upsert_merchants(PROFILE, &[blank], T0 + 12))
        .unwrap();
    let stored = store.merchant(PROFILE, "m1").unwrap();
    assert_eq!(
        (
            stored.name.as_str(),
            stored.email.as_str(),
            stored.rfc.as_str(),
            stored.main_link.as_deref(),
            stored.domain.as_deref()
        ),
        (
            "Tacos El Güero",
            "m1@example.mx",
            "TAC010101AB1",
            Some("tacos"),
            Some("pagos.example.mx")
        )
    );

    // A new CLABE replaces CLABE and bank.
    store
        .write(|w| w.set_merchant_clabe(PROFILE, "m1", "012180000000000018", None, T0 + 20))
        .unwrap();
    let stored = store.merchant(PROFILE, "m1").unwrap();
    assert_eq!(
        (stored.clabe.as_deref(), stored.bank, stored.updated_at),
        (Some("012180000000000018"), None, T0 + 20)
    );
    assert_eq!(
        store
            .write(|w| w.set_merchant_clabe(PROFILE, "nope", "012180000000000018", None, T0))
            .unwrap_err()
            .code(),
        "store.not_found"
    );

    // Invalid registration data is refused with a typed error and writes nothing.
    for bad in [
        Merchant {
            person_type: Some("X".into()),
            ..merchant("m2", "Flores")
        },
        Merchant {
            registration: Some("{not json".into()),
            ..merchant("m2", "Flores")
        },
    ] {
        let err = store
            .write(|w| w.upsert_merchants(PROFILE, &[bad], T0))
            .unwrap_err();
        assert_eq!(err.code(), "store.invalid");
    }
    assert_eq!(store.merchants(PROFILE).unwrap().len(), 1);
}

#[test]
fn merchant_link_counts_include_merchants_without_links() {
    let (_dir, store) = store();
    store
        .write(|w| w.upsert_profile(&profile("other")))
        .unwrap();
    let links: Vec<_> = (0..3)
        .map(|i| {
            let mut l = link(&format!("L{i}"), "Consulta", 100, T0);
            l.merchant_id = Some(if i < 2 { "m1" } else { "m2" }.into());
            l
        })
        .collect();
    store
        .write(|w| {
            w.upsert_merchants(
                PROFILE,
                &[
                    merchant("m1", "Tacos"),
                    merchant("m2", "Flores"),
                    merchant("m3", "Sin ligas"),
                ],
                T0,
            )?;
            w.upsert_links(PROFILE, &links, T0)?;
            w.upsert_merchants("other", &[merchant("m1", "Tacos")], T0)?;
            let mut elsewhere = link("X1", "Otra", 100, T0);
            elsewhere.merchant_id = Some("m1".into());
            w.upsert_links("other", &[elsewhere], T0)
        })
        .unwrap();
    assert_eq!(
        store.merchant_link_counts(PROFILE).unwrap(),
        [("m1".into(), 2), ("m2".into(), 1), ("m3".into(), 0)]
    );
    assert_eq!(
        store.merchant_link_counts("other").unwrap(),
        [("m1".into(), 1)]
    );
    assert!(store.merchant_link_counts("nobody").unwrap().is_empty());

    // Counts follow every commit, and a failed write changes none.
    let before = store.merchant_link_counts(PROFILE).unwrap();
    assert!(
        store
            .write(|w| {
                w.delete_link(PROFILE, "L0")?;
                Err::<(), _>(mostrador_store::StoreError::Invalid("rolled back"))
            })
            .is_err()
    );
    assert_eq!(store.merchant_link_counts(PROFILE).unwrap(), before);
    store.write(|w| w.delete_link(PROFILE, "L2")).unwrap();
    assert_eq!(
        store.merchant_link_counts(PROFILE).unwrap(),
        [("m1".into(), 2), ("m2".into(), 0), ("m3".into(), 0)]
    );
}

#[test]
fn sync_state_keeps_last_success_through_failures() {
    let (_dir, store) = store();
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0, None))
        .unwrap();
    store
        .write(|w| {
            w.record_sync(
                PROFILE,
                "links/m1",
                T0 + 60,
                Some(ErrorCode::BillpocketNetworkUnreachable),
            )
        })
        .unwrap();
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].synced_at, Some(T0));
    assert_eq!(states[0].attempted_at, T0 + 60);
    assert_eq!(
        states[0].last_error_code,
        Some(ErrorCode::BillpocketNetworkUnreachable)
    );
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0 + 120, None))
        .unwrap();
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(
        (states[0].synced_at, states[0].last_error_code),
        (Some(T0 + 120), None)
    );
}

#[test]
fn a_failure_disproved_by_another_call_is_cleared_and_the_sync_time_kept() {
    let (_dir, store) = store();
    let offline = ErrorCode::CryptopocketNetworkUnreachable;
    let unreachable = |code: ErrorCode| code == offline;
    let clear = |at| {
        store
            .write(|w| w.clear_sync_failure(PROFILE, "customers/cryptopocket", at, unreachable))
            .unwrap()
    };
    assert!(!clear(T0), "nothing recorded: nothing to clear");
    store
        .write(|w| w.record_sync(PROFILE, "customers/cryptopocket", T0, None))
        .unwrap();
    store
        .write(|w| w.record_sync(PROFILE, "customers/cryptopocket", T0 + 60, Some(offline)))
        .unwrap();
    assert!(clear(T0 + 90));
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(
        (
            states[0].synced_at,
            states[0].attempted_at,
            states[0].last_error_code
        ),
        (Some(T0), T0 + 90, None),
        "the list was not fetched: its age stays"
    );
    assert!(!clear(T0 + 120), "already clear");

    let refused = ErrorCode::CryptopocketAuthorizationIncorrect;
    store
        .write(|w| w.record_sync(PROFILE, "customers/cryptopocket", T0 + 150, Some(refused)))
        .unwrap();
    assert!(
        !clear(T0 + 180),
        "a failure the caller does not disprove stays"
    );
    assert_eq!(
        store.sync_states(PROFILE).unwrap()[0].last_error_code,
        Some(refused)
    );
}

#[test]
fn catalogues_keep_their_fetch_time() {
    let (_dir, store) = store();
    let estados = Catalogue {
        provider: "billpocket".into(),
        name: "estados".into(),
        body: r#"[{"id":"09","nombre":"Ciudad de México"}]"#.into(),
        fetched_at: T0,
    };
    store.write(|w| w.put_catalogue(PROFILE, &estados)).unwrap();
    assert_eq!(
        store.catalogue(PROFILE, "billpocket", "estados").unwrap(),
        Some(estados)
    );
    assert_eq!(
        store
            .catalogue(PROFILE, "billpocket", "municipios/09")
            .unwrap(),
        None
    );
}

#[test]
fn deleting_a_profile_removes_everything_cached_for_it() {
    let (_dir, store) = store();
    store.write(|w| w.upsert_profile(&profile("keep"))).unwrap();
    let merchant = Merchant {
        main_link: Some("tacos".into()),
        ..merchant("m1", "Tacos")
    };
    let mut l = link("L1", "Consulta Pérez", 100, T0);
    l.merchant_id = Some("m1".into());
    store
        .write(|w| {
            w.upsert_merchants(PROFILE, std::slice::from_ref(&merchant), T0)?;
            w.upsert_links(PROFILE, &[l], T0)?;
            w.upsert_links("keep", &[link("L2", "Consulta Pérez", 100, T0)], T0)?;
            w.put_credential_ref(PROFILE, "p-sandbox/billpocket.api_key", T0)?;
            w.save_draft(&draft("d1", PROFILE, "", "{}"), T0)?;
            w.record_sync(PROFILE, "links/m1", T0, None)?;
            w.enqueue(
                &NewOutboxEntry {
                    profile_id: PROFILE,
                    idempotency_key: "k",
                    kind: "x",
                    intent: "{}",
                },
                T0,
            )
        })
        .unwrap();
    assert_eq!(store.merchants(PROFILE).unwrap()[0].synced_at, Some(T0));
    assert_eq!(
        store.credential_refs(PROFILE).unwrap(),
        ["p-sandbox/billpocket.api_key"]
    );

    store.write(|w| w.delete_profile(PROFILE)).unwrap();
    assert_eq!(
        store.profile(PROFILE).unwrap_err().code(),
        "store.not_found"
    );
    assert_eq!(store.profiles().unwrap().len(), 1);
    assert!(store.merchants(PROFILE).unwrap().is_empty());
    assert!(store.credential_refs(PROFILE).unwrap().is_empty());
    assert!(store.draft("d1").unwrap().is_none());
    assert!(store.sync_states(PROFILE).unwrap().is_empty());
    assert!(store.outbox_by_key("k").unwrap().is_none());
    let q = |p: &str| mostrador_store::LinkQuery {
        profile_id: p.into(),
        text: "perez".into(),
        ..Default::default()
    };
    assert!(
        store
            .search_links(&q(PROFILE), T0)
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(
        store.search_links(&q("keep"), T0).unwrap().items.len(),
        1,
        "other profiles untouched, FTS too"
    );
    assert_eq!(
        store
            .write(|w| w.delete_profile(PROFILE))
            .unwrap_err()
            .code(),
        "store.not_found"
    );
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn duplicate_profile_name_is_a_conflict() {
    let (_dir, store) = store();
    let mut other = profile("p2");
    other.name = profile(PROFILE).name;
    assert_eq!(
        store
            .write(|w| w.upsert_profile(&other))
            .unwrap_err()
            .code(),
        "store.conflict"
    );
}

#[test]
fn a_stored_code_the_list_no_longer_has_reads_as_unknown() {
    let (dir, store) = store();
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0, Some(ErrorCode::BillpocketTimeout)))
        .unwrap();
    // A row written by an older version, with a code since renamed.
    let conn = rusqlite::Connection::open(dir.path().join(mostrador_store::DB_FILE_NAME)).unwrap();
    conn.execute(
        "UPDATE sync_state SET last_error_code = 'credential.missing.billpocketXApiKey'",
        [],
    )
    .unwrap();
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(states[0].last_error_code, Some(ErrorCode::Unknown));
}
