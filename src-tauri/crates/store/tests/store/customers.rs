//! Customers in bulk: the multi-row upsert across statement chunks, history of observed KYC
//! changes, synced_at stamps, and search entries replaced at commit (migration 0007).

use mostrador_codes::Coded;
use mostrador_store::{
    Customer, CustomerQuery, CustomerSort, JournalEntry, JournalKind, KycSource, KycStatus,
    Provider, Store,
};

use crate::common::*;

fn customers(n: usize) -> Vec<Customer> {
    (0..n)
        .map(|i| {
            let mut c = person(
                Provider::Cryptopocket,
                &format!("{i:05}"),
                "Lucía",
                "Fernández",
                KycStatus::Unused,
            );
            c.id_number = format!("DNI{i:08}");
            c.created_at = T0 + i as i64;
            c
        })
        .collect()
}

fn search(store: &Store, text: &str) -> Vec<Customer> {
    let mut found = Vec::new();
    let mut query = CustomerQuery {
        profile_id: PROFILE.into(),
        text: text.into(),
        limit: 500,
        ..Default::default()
    };
    loop {
        let page = store.search_customers(&query).unwrap();
        found.extend(page.items);
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return found,
        }
    }
}

#[test]
fn bulk_upserts_keep_history_stamps_and_the_search_index_exact() {
    let (dir, store) = store();
    let first = customers(2_500);
    let written = store
        .write(|w| w.upsert_customers(PROFILE, &first, T0))
        .unwrap();
    assert_eq!(written, 2_500);
    assert_eq!(search(&store, "fernandez").len(), 2_500);
    assert_eq!(search(&store, "DNI00001234").len(), 1);

    // One transaction, as a sync brings them: even customers get a new surname, every third a
    // new KYC status; every tenth changes again in a second call. Odd ones are unchanged.
    let changed: Vec<Customer> = first
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut c = c.clone();
            if i.is_multiple_of(2) {
                c.last_name = "Gómez".into();
            }
            if i.is_multiple_of(3) {
                c.kyc_status = KycStatus::Processing;
            }
            c
        })
        .collect();
    let again: Vec<Customer> = changed
        .iter()
        .step_by(10)
        .map(|c| Customer {
            last_name: "Quispe".into(),
            kyc_status: KycStatus::Valid,
            ..c.clone()
        })
        .collect();
    let written = store
        .write(|w| {
            let a = w.upsert_customers(PROFILE, &changed, T0 + 1)?;
            let b = w.upsert_customers(PROFILE, &again, T0 + 2)?;
            Ok((a, b))
        })
        .unwrap();
    let changed_count = (0..2_500usize)
        .filter(|i| i.is_multiple_of(2) || i.is_multiple_of(3))
        .count();
    assert_eq!(written, (changed_count, 250));

    let conn = rusqlite::Connection::open(dir.path().join(mostrador_store::DB_FILE_NAME)).unwrap();
    // FTS5 compares its index with the content (rank 1) and fails on any difference.
    conn.execute(
        "INSERT INTO customers_fts (customers_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let stale: i64 = conn
        .query_row("SELECT count(*) FROM customers_fts_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 0);
    assert_eq!(search(&store, "quispe").len(), 250);
    assert_eq!(search(&store, "gomez").len(), 1_250 - 250);
    assert_eq!(search(&store, "fernandez").len(), 1_250);

    // Every customer was stamped by the sync that last saw it, changed or not.
    let all = search(&store, "");
    assert_eq!(all.len(), 2_500);
    for c in &all {
        let i: usize = c.id.parse().unwrap();
        let expected = if i.is_multiple_of(10) { T0 + 2 } else { T0 + 1 };
        assert_eq!(c.synced_at, Some(expected), "{}", c.id);
    }
    let history: i64 = conn
        .query_row("SELECT count(*) FROM kyc_history", [], |r| r.get(0))
        .unwrap();
    let status_changes = (0..2_500usize).filter(|i| i.is_multiple_of(3)).count() + 250;
    assert_eq!(history as usize, 2_500 + status_changes);
    let seen: Vec<_> = store
        .kyc_history(PROFILE, Provider::Cryptopocket, "00000")
        .unwrap()
        .iter()
        .map(|t| (t.from_status, t.to_status, t.observed_at))
        .collect();
    assert_eq!(
        seen,
        [
            (None, KycStatus::Unused, T0),
            (Some(KycStatus::Unused), KycStatus::Processing, T0 + 1),
            (Some(KycStatus::Processing), KycStatus::Valid, T0 + 2),
        ]
    );
}

#[test]
fn a_status_check_records_a_change_once_and_stamps_the_row_either_way() {
    let (_dir, store) = store();
    let c = person(
        Provider::Cryptopocket,
        "c1",
        "José",
        "Pérez",
        KycStatus::Unused,
    );
    store
        .write(|w| w.upsert_customers(PROFILE, std::slice::from_ref(&c), T0))
        .unwrap();
    let check = |status, at| {
        store
            .write(|w| w.record_kyc_check(PROFILE, Provider::Cryptopocket, "c1", status, None, at))
            .unwrap()
    };
    let changed = check(KycStatus::Processing, T0 + 10).unwrap();
    assert_eq!(
        (changed.from_status, changed.to_status, changed.source),
        (
            Some(KycStatus::Unused),
            KycStatus::Processing,
            KycSource::Check
        )
    );
    assert_eq!(check(KycStatus::Processing, T0 + 20), None);
    let row = store
        .customer(PROFILE, Provider::Cryptopocket, "c1")
        .unwrap();
    assert_eq!(
        (row.kyc_status, row.updated_at, row.synced_at),
        (KycStatus::Processing, T0 + 10, Some(T0 + 20)),
        "changed at the first check, confirmed at the second"
    );
    let history = store
        .kyc_history(PROFILE, Provider::Cryptopocket, "c1")
        .unwrap();
    let sources: Vec<_> = history.iter().map(|t| (t.source, t.observed_at)).collect();
    assert_eq!(
        sources,
        [(KycSource::Sync, T0), (KycSource::Check, T0 + 10)]
    );
    let error = store
        .write(|w| {
            w.record_kyc_check(
                PROFILE,
                Provider::Undostres,
                "c1",
                KycStatus::Valid,
                None,
                T0,
            )
        })
        .unwrap_err();
    assert_eq!(error.code(), "store.not_found");
    // The search index still finds the checked customer (no text changed).
    assert_eq!(search(&store, "perez").len(), 1);
}

#[test]
fn an_id_number_is_found_with_or_without_the_separators_people_type() {
    let (_dir, store) = store();
    let with_number = |id: &str, name: &str, number: &str| {
        let mut c = person(Provider::Cryptopocket, id, name, "Muñoz", KycStatus::Unused);
        c.id_number = number.into();
        c
    };
    let rut = with_number("1", "Javiera", "123456785");
    let dni = with_number("2", "Rosa", "10.117.410");
    let curp = with_number("3", "Sofía", "LOSC780715MNLPNR00");
    store
        .write(|w| w.upsert_customers(PROFILE, &[rut, dni, curp], T0))
        .unwrap();
    let ids =
        |text: &str| -> Vec<String> { search(&store, text).into_iter().map(|c| c.id).collect() };
    for typed in [
        "12345678-5",
        "12.345.678-5",
        "12 345 678 5",
        "123456785",
        "12345",
    ] {
        assert_eq!(ids(typed), ["1"], "{typed}");
    }
    for typed in ["10117410", "10.117.410", "10 117", "10.117"] {
        assert_eq!(ids(typed), ["2"], "{typed}");
    }
    assert_eq!(ids("losc 780715 mnlp"), ["3"]);
    assert_eq!(ids("LOSC-780715"), ["3"]);

    // A changed number is indexed again both ways, and its old entries are gone.
    let mut moved = store
        .customer(PROFILE, Provider::Cryptopocket, "2")
        .unwrap();
    moved.id_number = "20.555.111".into();
    store
        .write(|w| w.upsert_customers(PROFILE, &[moved], T0 + 1))
        .unwrap();
    assert_eq!(ids("20555111"), ["2"]);
    assert_eq!(ids("10117410"), Vec::<String>::new());
    assert_eq!(ids("10.117.410"), Vec::<String>::new());
}

fn ids(store: &Store, query: CustomerQuery) -> Vec<String> {
    let mut query = CustomerQuery {
        profile_id: PROFILE.into(),
        limit: 2,
        ..query
    };
    let mut found = Vec::new();
    loop {
        let page = store.search_customers(&query).unwrap();
        found.extend(page.items.into_iter().map(|c| c.id));
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return found,
        }
    }
}

#[test]
fn filters_by_country_spelling_pending_and_age_and_lists_the_oldest_pending_first() {
    let (_dir, store) = store();
    // (id, provider, country, status, days before T0 + 10 days)
    let rows = [
        ("1", Provider::Cryptopocket, "Mexico", KycStatus::Valid, 9),
        (
            "2",
            Provider::Cryptopocket,
            "Chile",
            KycStatus::Processing,
            1,
        ),
        ("3", Provider::Undostres, "MEX", KycStatus::Processing, 5),
        ("4", Provider::Cryptopocket, "Mexico", KycStatus::Unused, 3),
        ("5", Provider::Cryptopocket, "Argentina", KycStatus::Fail, 2),
    ];
    let now = T0 + 10 * DAY;
    let customers: Vec<Customer> = rows
        .iter()
        .map(|&(id, provider, country, status, days)| {
            let mut c = person(provider, id, "Ana", "Ruiz", status);
            c.country = country.into();
            c.created_at = now - days * DAY;
            c
        })
        .collect();
    store
        .write(|w| w.upsert_customers(PROFILE, &customers, now))
        .unwrap();

    let oldest_pending = CustomerQuery {
        sort: CustomerSort::OldestPending,
        ..Default::default()
    };
    // Pending 3, 4, 2 by age, then settled 1, 5 by age; across pages of two.
    assert_eq!(
        ids(&store, oldest_pending.clone()),
        ["3", "4", "2", "1", "5"]
    );
    let mexico = CustomerQuery {
        countries: vec!["MEX".into(), "Mexico".into()],
        ..oldest_pending.clone()
    };
    assert_eq!(ids(&store, mexico), ["3", "4", "1"]);
    let pending = CustomerQuery {
        pending: Some(true),
        ..oldest_pending.clone()
    };
    assert_eq!(ids(&store, pending), ["3", "4", "2"]);
    let settled = CustomerQuery {
        pending: Some(false),
        ..oldest_pending.clone()
    };
    assert_eq!(ids(&store, settled), ["1", "5"]);
    // Pending for more than two days: the settled customer 1, older, is not a pending case.
    let over_two_days = CustomerQuery {
        pending_since_before: Some(now - 2 * DAY),
        ..oldest_pending.clone()
    };
    assert_eq!(ids(&store, over_two_days), ["3", "4"]);
    let cryptopocket_over = CustomerQuery {
        provider: Some(Provider::Cryptopocket),
        pending_since_before: Some(now - 2 * DAY),
        ..oldest_pending
    };
    assert_eq!(ids(&store, cryptopocket_over), ["4"]);
}

#[test]
fn tags_and_journal_entries_are_kept_in_order_and_tag_changes_are_journaled_once() {
    let (dir, store) = store();
    let customer = person(
        Provider::Undostres,
        "77",
        "Ana",
        "Ruiz",
        KycStatus::Processing,
    );
    store
        .write(|w| w.upsert_customers(PROFILE, &[customer], T0))
        .unwrap();
    let note = JournalEntry {
        kind: JournalKind::Note,
        text: "Llamó; sube su INE mañana".into(),
        at: T0 + 10,
    };
    let (added, again, removed, absent) = store
        .write(|w| {
            w.add_journal_entry(PROFILE, Provider::Undostres, "77", &note)?;
            let added =
                w.set_customer_tag(PROFILE, Provider::Undostres, "77", "VIP", true, T0 + 20)?;
            let again =
                w.set_customer_tag(PROFILE, Provider::Undostres, "77", "VIP", true, T0 + 30)?;
            w.set_customer_tag(PROFILE, Provider::Undostres, "77", "urgente", true, T0 + 40)?;
            let removed = w.set_customer_tag(
                PROFILE,
                Provider::Undostres,
                "77",
                "urgente",
                false,
                T0 + 50,
            )?;
            let absent =
                w.set_customer_tag(PROFILE, Provider::Undostres, "77", "otro", false, T0 + 60)?;
            Ok((added, again, removed, absent))
        })
        .unwrap();
    assert_eq!((added, again, removed, absent), (true, false, true, false));
    drop(store);

    // Read back from the file by a new store, as after a restart.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store
            .customer_tags(PROFILE, Provider::Undostres, "77")
            .unwrap(),
        ["VIP"]
    );
    let journal = store
        .customer_journal(PROFILE, Provider::Undostres, "77")
        .unwrap();
    let seen: Vec<(JournalKind, &str, i64)> = journal
        .iter()
        .map(|e| (e.kind, e.text.as_str(), e.at - T0))
        .collect();
    assert_eq!(
        seen,
        [
            (JournalKind::Note, "Llamó; sube su INE mañana", 10),
            (JournalKind::TagAdded, "VIP", 20),
            (JournalKind::TagAdded, "urgente", 40),
            (JournalKind::TagRemoved, "urgente", 50),
        ]
    );
    // The same id at the other provider is another customer, unknown here.
    let missing = store
        .customer_tags(PROFILE, Provider::Cryptopocket, "77")
        .unwrap_err();
    assert_eq!(missing.code().as_str(), "store.not_found");
}
