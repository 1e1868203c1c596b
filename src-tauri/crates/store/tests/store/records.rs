use mostrador_store::{Catalogue, Merchant, NewOutboxEntry, Store};

use crate::common::{PROFILE, T0, link, profile, store};

#[test]
fn drafts_are_saved_replaced_listed_per_profile_and_discarded() {
    let (dir, store) = store();
    store
        .write(|w| w.upsert_profile(&profile("other")))
        .unwrap();
    store
        .write(|w| w.save_draft(PROFILE, "link", r#"{"description":"Con"}"#, T0))
        .unwrap();
    store
        .write(|w| w.save_draft(PROFILE, "link", r#"{"description":"Consulta"}"#, T0 + 5))
        .unwrap();
    store
        .write(|w| w.save_draft("other", "link", r#"{"description":"Otra"}"#, T0))
        .unwrap();
    let err = store
        .write(|w| w.save_draft(PROFILE, "merchant", "not json", T0))
        .unwrap_err();
    assert_eq!(err.code(), "store.conflict");

    // Survives a restart.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let draft = store.draft(PROFILE, "link").unwrap().unwrap();
    assert_eq!(
        (draft.body.as_str(), draft.updated_at),
        (r#"{"description":"Consulta"}"#, T0 + 5)
    );
    assert!(store.draft(PROFILE, "merchant").unwrap().is_none());
    assert!(store.write(|w| w.discard_draft(PROFILE, "link")).unwrap());
    assert!(!store.write(|w| w.discard_draft(PROFILE, "link")).unwrap());
    assert!(store.draft(PROFILE, "link").unwrap().is_none());
    assert!(store.draft("other", "link").unwrap().is_some());
}

#[test]
fn sync_state_keeps_last_success_through_failures() {
    let (_dir, store) = store();
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0, None))
        .unwrap();
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0 + 60, Some("provider.unreachable")))
        .unwrap();
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].synced_at, Some(T0));
    assert_eq!(states[0].attempted_at, T0 + 60);
    assert_eq!(
        states[0].last_error_code.as_deref(),
        Some("provider.unreachable")
    );
    store
        .write(|w| w.record_sync(PROFILE, "links/m1", T0 + 120, None))
        .unwrap();
    let states = store.sync_states(PROFILE).unwrap();
    assert_eq!(
        (states[0].synced_at, states[0].last_error_code.clone()),
        (Some(T0 + 120), None)
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
        id: "m1".into(),
        name: "Tacos".into(),
        email: "t@example.mx".into(),
        rfc: "TAC010101AB1".into(),
        main_link: Some("tacos".into()),
        domain: None,
        created_at: T0,
        updated_at: T0,
        synced_at: None,
    };
    let mut l = link("L1", "Consulta Pérez", 100, T0);
    l.merchant_id = Some("m1".into());
    store
        .write(|w| {
            w.upsert_merchants(PROFILE, std::slice::from_ref(&merchant), T0)?;
            w.upsert_links(PROFILE, &[l], T0)?;
            w.upsert_links("keep", &[link("L2", "Consulta Pérez", 100, T0)], T0)?;
            w.put_credential_ref(PROFILE, "p-sandbox/billpocket.api_key", T0)?;
            w.save_draft(PROFILE, "link", "{}", T0)?;
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
    assert!(store.draft(PROFILE, "link").unwrap().is_none());
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
