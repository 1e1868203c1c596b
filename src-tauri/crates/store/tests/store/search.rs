use mostrador_codes::Coded;
use mostrador_store::{
    Customer, CustomerQuery, CustomerSort, KycStatus, Link, LinkQuery, LinkSort, LinkStatus, Page,
    Provider, Store,
};

use crate::common::{DAY, PROFILE, T0, first_page_ids, link, person, store};

const WORDS: [&str; 4] = [
    "Consulta Dra. Pérez",
    "Pago García",
    "Renta oficina",
    "Clase de música",
];

/// 240 links with every field varied deterministically, and plenty of ties on sort keys.
fn corpus() -> Vec<Link> {
    (0..240i64)
        .map(|i| {
            let mut l = link(
                &format!("id{i:03}"),
                WORDS[(i % 4) as usize],
                (i * 37 % 50) * 1000,
                T0 + (i % 60) * DAY,
            );
            l.status = if i % 3 == 0 {
                LinkStatus::Inactive
            } else {
                LinkStatus::Active
            };
            l.months = if i % 5 == 0 { vec![3, 6, 12] } else { vec![] };
            l.expired_at = (i % 7 != 0).then_some(T0 + (i % 40) * DAY);
            l
        })
        .collect()
}

/// Collects every page following cursors, and checks that reading back from the last page
/// (`previous` cursors) gives each page again and ends at the first.
fn all_pages(store: &Store, query: &LinkQuery, now: i64) -> Vec<Link> {
    let mut query = query.clone();
    let mut pages = Vec::new();
    for _ in 0..1000 {
        let page = store.search_links(&query, now).unwrap();
        assert!(page.items.len() <= query.limit as usize);
        assert_eq!(
            page.previous.is_some(),
            query.cursor.is_some() && !page.items.is_empty()
        );
        let next = page.next.clone();
        pages.push(page);
        match next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return read_back(store, query, now, pages),
        }
    }
    panic!("pagination did not end");
}

fn read_back(store: &Store, mut query: LinkQuery, now: i64, pages: Vec<Page<Link>>) -> Vec<Link> {
    let ids = |links: &[Link]| links.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
    let mut before = pages.last().and_then(|p| p.previous.clone());
    for expected in pages.iter().rev().skip(1) {
        query.cursor = Some(before.expect("a page before"));
        let page = store.search_links(&query, now).unwrap();
        assert_eq!(ids(&page.items), ids(&expected.items), "read back");
        assert!(page.next.is_some(), "a page read back has one after it");
        before = page.previous;
    }
    assert_eq!(before, None, "reading back ends at the first page");
    pages.into_iter().flat_map(|p| p.items).collect()
}

/// The ids of every page, in order.
fn all_ids(store: &Store, query: &LinkQuery) -> Vec<String> {
    all_pages(store, query, T0)
        .into_iter()
        .map(|l| l.id)
        .collect()
}

#[test]
fn link_filters_sorts_and_keyset_pages_match_a_reference() {
    let (_dir, store) = store();
    let links = corpus();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let now = T0 + 10 * DAY;

    type Check = fn(&Link) -> bool;
    let cases: Vec<(LinkQuery, Check)> = vec![
        (LinkQuery::default(), |_| true),
        (
            LinkQuery {
                status: Some(LinkStatus::Active),
                ..Default::default()
            },
            |l| l.status == LinkStatus::Active,
        ),
        (
            LinkQuery {
                amount_min_centavos: Some(10_000),
                amount_max_centavos: Some(30_000),
                ..Default::default()
            },
            |l| (10_000..=30_000).contains(&l.amount_centavos),
        ),
        (
            LinkQuery {
                created_from: Some(T0 + 5 * DAY),
                created_to: Some(T0 + 20 * DAY),
                ..Default::default()
            },
            |l| (T0 + 5 * DAY..T0 + 20 * DAY).contains(&l.created_at),
        ),
        (
            LinkQuery {
                with_msi: Some(true),
                ..Default::default()
            },
            |l| !l.months.is_empty(),
        ),
        (
            LinkQuery {
                with_msi: Some(false),
                ..Default::default()
            },
            |l| l.months.is_empty(),
        ),
        (
            LinkQuery {
                expired: Some(true),
                ..Default::default()
            },
            |l| l.expired_at.is_some_and(|e| e <= T0 + 10 * DAY),
        ),
        (
            LinkQuery {
                status: Some(LinkStatus::Active),
                expired: Some(false),
                ..Default::default()
            },
            |l| l.status == LinkStatus::Active && l.expired_at.is_none_or(|e| e > T0 + 10 * DAY),
        ),
        (
            LinkQuery {
                expiring_within_days: Some(7),
                ..Default::default()
            },
            |l| {
                l.expired_at
                    .is_some_and(|e| (T0 + 10 * DAY..T0 + 17 * DAY).contains(&e))
            },
        ),
        (
            LinkQuery {
                text: "perez".into(),
                ..Default::default()
            },
            |l| l.description.contains("Pérez"),
        ),
        (
            LinkQuery {
                text: "PÉR".into(),
                status: Some(LinkStatus::Active),
                with_msi: Some(true),
                ..Default::default()
            },
            |l| {
                l.description.contains("Pérez")
                    && l.status == LinkStatus::Active
                    && !l.months.is_empty()
            },
        ),
        (
            LinkQuery {
                text: "musica cla".into(),
                ..Default::default()
            },
            |l| l.description.contains("música"),
        ),
    ];
    let sorts = [
        LinkSort::Newest,
        LinkSort::Oldest,
        LinkSort::AmountHighest,
        LinkSort::AmountLowest,
        LinkSort::ExpiringSoonest,
    ];
    for (base, check) in &cases {
        for sort in sorts {
            let query = LinkQuery {
                profile_id: PROFILE.into(),
                sort,
                limit: 7,
                ..base.clone()
            };
            let got = all_pages(&store, &query, now);
            let mut expected: Vec<&Link> = links.iter().filter(|l| check(l)).collect();
            let key = |l: &Link| match sort {
                LinkSort::Newest | LinkSort::Oldest => l.created_at,
                LinkSort::AmountHighest | LinkSort::AmountLowest => l.amount_centavos,
                LinkSort::ExpiringSoonest => l.expired_at.unwrap_or(i64::MAX),
            };
            // Ties are broken by rowid, in the sort's direction: a batch is inserted in
            // creation order, and in the order given where that ties.
            expected.sort_by_key(|l| (key(l), l.created_at, l.id.clone()));
            if matches!(sort, LinkSort::Newest | LinkSort::AmountHighest) {
                expected.reverse();
            }
            let got_ids: Vec<&str> = got.iter().map(|l| l.id.as_str()).collect();
            let expected_ids: Vec<&str> = expected.iter().map(|l| l.id.as_str()).collect();
            assert!(
                !expected_ids.is_empty(),
                "{query:?} selects nothing; fix the corpus"
            );
            assert_eq!(got_ids, expected_ids, "{query:?}");
        }
    }
}

#[test]
fn search_finds_by_accentless_words_prefixes_slug_id_and_amount() {
    let (_dir, store) = store();
    let mut a = link(
        "61529dc5fee00754d48088ec51da557ae578f",
        "Consulta con la Dra. Pérez Ñúñez",
        123_450,
        T0,
    );
    a.secondary_link = "ll33q0rh".into();
    let b = link("b2", "Pago perez", 99_900, T0 + 1);
    store
        .write(|w| w.upsert_links(PROFILE, &[a, b], T0))
        .unwrap();
    let ids = |text: &str| -> Vec<String> {
        let q = LinkQuery {
            profile_id: PROFILE.into(),
            text: text.into(),
            sort: LinkSort::Oldest,
            ..Default::default()
        };
        first_page_ids(&store, &q)
    };
    let a_id = "61529dc5fee00754d48088ec51da557ae578f".to_owned();
    assert_eq!(ids("perez"), [a_id.clone(), "b2".into()]);
    assert_eq!(ids("Pérez"), [a_id.clone(), "b2".into()]);
    assert_eq!(
        ids("pe"),
        [a_id.clone(), "b2".into()],
        "type-ahead on two letters"
    );
    assert_eq!(ids("nunez dra"), [a_id.as_str()]);
    assert_eq!(ids("ll33"), [a_id.as_str()], "slug prefix");
    assert_eq!(ids("61529dc5"), [a_id.as_str()], "id prefix");
    assert_eq!(ids("1234.50"), [a_id.as_str()], "amount in pesos");
    assert_eq!(ids("999"), ["b2".to_owned()]);
    assert!(ids("lopez").is_empty());
    assert_eq!(
        ids("\"* -"),
        [a_id.clone(), "b2".into()],
        "nothing searchable means no text filter"
    );

    // The index follows updates and deletes (external content kept by triggers).
    let mut changed = link("b2", "Pago López", 99_900, T0 + 1);
    changed.secondary_link = "nuevo".into();
    store
        .write(|w| w.upsert_links(PROFILE, &[changed], T0 + 5))
        .unwrap();
    assert_eq!(ids("perez"), [a_id.as_str()]);
    assert_eq!(ids("lopez"), ["b2".to_owned()]);
    store.write(|w| w.delete_link(PROFILE, &a_id)).unwrap();
    assert!(ids("perez").is_empty());
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn amounts_are_found_as_the_app_displays_them() {
    let (_dir, store) = store();
    let links = [
        link("cake", "Pastel de boda", 123_450, T0), // $1,234.50
        link("rent", "Renta", 123_405, T0 + 1),      // $1,234.05
        link("truck", "Camioneta", 123_456_700, T0 + 2), // $1,234,567.00
        link("table", "Mesa", 1_234_500, T0 + 3),    // $12,345.00
        link("note", "Pedido 1,234.50 del lunes", 99_900, T0 + 4), // the text, not the amount
        link("tip", "Propina", 23_410, T0 + 5),      // $234.10
    ];
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let ids = |text: &str| -> Vec<String> {
        let q = LinkQuery {
            profile_id: PROFILE.into(),
            text: text.into(),
            sort: LinkSort::Oldest,
            ..Default::default()
        };
        let page = store.search_links(&q, T0).unwrap();
        page.items.into_iter().map(|l| l.id).collect()
    };
    // As the list shows it, with or without the sign, and as typed into the amount field.
    assert_eq!(ids("$1,234.50"), ["cake", "note"]);
    assert_eq!(ids("1,234.50"), ["cake", "note"]);
    assert_eq!(ids("1234.50"), ["cake"]);
    assert_eq!(ids("1234.5"), ["cake"]);
    assert_eq!(ids("$1,234.5"), ["cake", "note"]);
    assert_eq!(ids("$1,234.05"), ["rent"]);
    // Whole pesos: exactly 1,234, whatever the centavos; $234.10 is not "1 … 234".
    assert_eq!(ids("$1,234"), ["cake", "rent", "note"]);
    assert_eq!(ids("$1,234."), ["cake", "rent", "note"]);
    assert_eq!(ids("$1,234,567.00"), ["truck"]);
    assert_eq!(ids("12,345"), ["table"]);
    // On the way to "1,234,567" the digits typed so far are a prefix of the pesos (which
    // also finds 12,345.00), and the numbers so far those of a text.
    assert_eq!(ids("1,234,5"), ["truck", "table", "note"]);
    // With other words, every one must match.
    assert_eq!(ids("pastel $1,234.50"), ["cake"]);
    assert!(ids("renta $1,234.50").is_empty());
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn bulk_upsert_stamps_synced_at_and_prunes_what_sync_no_longer_sees() {
    let (_dir, store) = store();
    let batch: Vec<Link> = (0..100)
        .map(|i| link(&format!("l{i}"), "x", i, T0))
        .collect();
    assert_eq!(
        store
            .write(|w| w.upsert_links(PROFILE, &batch, T0 + 1))
            .unwrap(),
        100
    );
    assert_eq!(store.link(PROFILE, "l5").unwrap().synced_at, Some(T0 + 1));

    // A later full sync sees only half, one of them changed: only that one is written again,
    // and the rest is pruned in the same transaction.
    let mut half = batch[..50].to_vec();
    half[7].description = "cambiada".into();
    let written = store
        .write(|w| {
            let written = w.upsert_links(PROFILE, &half, T0 + 2)?;
            w.delete_links_synced_before(PROFILE, None, T0 + 2)?;
            Ok(written)
        })
        .unwrap();
    assert_eq!(written, 1);
    assert_eq!(store.link(PROFILE, "l5").unwrap().synced_at, Some(T0 + 2));
    assert_eq!(
        store.link(PROFILE, "l70").unwrap_err().code(),
        "store.not_found"
    );

    // A failing batch commits nothing.
    let mut bad = batch[..3].to_vec();
    bad[0].description = "changed".into();
    bad[2].amount_centavos = -1;
    assert_eq!(
        store
            .write(|w| w.upsert_links(PROFILE, &bad, T0 + 3))
            .unwrap_err()
            .code(),
        "store.invalid"
    );
    assert_eq!(store.link(PROFILE, "l0").unwrap().description, "x");
}

#[test]
fn bad_cursor_is_a_typed_error() {
    let (_dir, store) = store();
    // Cursors are opaque strings to the UI; a tampered one must not panic or inject SQL.
    for tampered in ["i:1'; DROP TABLE links;--:x", "", "i:1", "t:x:y"] {
        let cursor = mostrador_store::Cursor::from(tampered.to_owned());
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            cursor: Some(cursor),
            ..Default::default()
        };
        assert_eq!(
            store.search_links(&query, T0).unwrap_err().code(),
            "store.invalid",
            "{tampered:?}"
        );
    }
}

fn customers() -> Vec<Customer> {
    let mut list = vec![
        person(
            Provider::Cryptopocket,
            "c1",
            "José",
            "Pérez",
            KycStatus::Valid,
        ),
        person(
            Provider::Cryptopocket,
            "c2",
            "Ana",
            "Núñez",
            KycStatus::Processing,
        ),
        person(
            Provider::Undostres,
            "u1",
            "María",
            "Perea",
            KycStatus::Processing,
        ),
        person(
            Provider::Undostres,
            "u2",
            "Luis",
            "Álvarez",
            KycStatus::Fail,
        ),
    ];
    let mut company = person(Provider::Cryptopocket, "c3", "", "", KycStatus::Unused);
    company.kind = mostrador_store::CustomerKind::Company;
    company.company_name = "Tacos Pérez SA de CV".into();
    company.email = "contacto@tacosperez.mx".into();
    company.id_type = "RFC".into();
    company.id_number = "TPE010101AB1".into();
    list.push(company);
    for (i, c) in list.iter_mut().enumerate() {
        c.updated_at = T0 + i as i64;
    }
    list
}

#[test]
fn customer_search_with_provider_and_kyc_filters_and_name_sort() {
    let (_dir, store) = store();
    store
        .write(|w| w.upsert_customers(PROFILE, &customers(), T0))
        .unwrap();
    let ids = |q: CustomerQuery| -> Vec<String> {
        let q = CustomerQuery {
            profile_id: PROFILE.into(),
            limit: 2,
            ..q
        };
        let mut out = Vec::new();
        let mut query = q.clone();
        loop {
            let page = store.search_customers(&query).unwrap();
            out.extend(page.items.into_iter().map(|c| c.id));
            match page.next {
                Some(next) => query.cursor = Some(next),
                None => return out,
            }
        }
    };
    assert_eq!(
        ids(CustomerQuery {
            text: "perez".into(),
            ..Default::default()
        }),
        ["c3", "c1"]
    );
    assert_eq!(
        ids(CustomerQuery {
            text: "pere".into(),
            ..Default::default()
        }),
        ["c3", "u1", "c1"]
    );
    assert_eq!(
        ids(CustomerQuery {
            text: "nunez".into(),
            ..Default::default()
        }),
        ["c2"]
    );
    assert_eq!(
        ids(CustomerQuery {
            text: "TPE0101".into(),
            ..Default::default()
        }),
        ["c3"],
        "id number"
    );
    assert_eq!(
        ids(CustomerQuery {
            text: "tacosperez".into(),
            ..Default::default()
        }),
        ["c3"],
        "email"
    );
    assert_eq!(
        ids(CustomerQuery {
            provider: Some(Provider::Undostres),
            ..Default::default()
        }),
        ["u2", "u1"]
    );
    assert_eq!(
        ids(CustomerQuery {
            kyc_status: Some(KycStatus::Processing),
            text: "pe".into(),
            ..Default::default()
        }),
        ["u1"]
    );
    assert_eq!(
        ids(CustomerQuery {
            sort: CustomerSort::NameAscending,
            ..Default::default()
        }),
        ["c2", "u1", "c1", "c3", "u2"],
        "surname order (SQLite lower() is ASCII-only, so Á sorts last)"
    );
}

#[test]
fn kyc_history_records_every_observed_change() {
    let (_dir, store) = store();
    let mut c = person(
        Provider::Cryptopocket,
        "c1",
        "José",
        "Pérez",
        KycStatus::Unused,
    );
    store
        .write(|w| w.upsert_customers(PROFILE, std::slice::from_ref(&c), T0))
        .unwrap();
    store
        .write(|w| w.upsert_customers(PROFILE, std::slice::from_ref(&c), T0 + 1))
        .unwrap(); // unchanged
    c.kyc_status = KycStatus::Processing;
    store
        .write(|w| w.upsert_customers(PROFILE, std::slice::from_ref(&c), T0 + 2))
        .unwrap();
    c.kyc_status = KycStatus::Valid;
    c.kyc_level = Some(2);
    store
        .write(|w| w.upsert_customers(PROFILE, std::slice::from_ref(&c), T0 + 3))
        .unwrap();

    let history = store
        .kyc_history(PROFILE, Provider::Cryptopocket, "c1")
        .unwrap();
    let seen: Vec<_> = history
        .iter()
        .map(|t| (t.from_status, t.to_status, t.kyc_level, t.observed_at))
        .collect();
    assert_eq!(
        seen,
        [
            (None, KycStatus::Unused, None, T0),
            (Some(KycStatus::Unused), KycStatus::Processing, None, T0 + 2),
            (
                Some(KycStatus::Processing),
                KycStatus::Valid,
                Some(2),
                T0 + 3
            ),
        ]
    );
    assert_eq!(
        store
            .kyc_history(PROFILE, Provider::Undostres, "c1")
            .unwrap_err()
            .code(),
        "store.not_found"
    );
}

#[test]
fn common_words_take_the_index_walk_and_give_the_same_pages() {
    // More matches than the FTS-first threshold (4,000), so the other query shape runs.
    let (_dir, store) = store();
    let links: Vec<Link> = (0..4_500i64)
        .map(|i| {
            let mut l = link(
                &format!("d{i:04}"),
                if i % 10 == 0 { "Renta" } else { "Pago Pérez" },
                i,
                T0 + (i * 7919) % 4_000,
            );
            l.status = if i % 4 == 0 {
                LinkStatus::Inactive
            } else {
                LinkStatus::Active
            };
            l
        })
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let query = LinkQuery {
        profile_id: PROFILE.into(),
        text: "pere".into(),
        status: Some(LinkStatus::Active),
        sort: LinkSort::Newest,
        limit: 400,
        ..Default::default()
    };
    let got = all_ids(&store, &query);
    let mut expected: Vec<&Link> = links
        .iter()
        .filter(|l| l.description.contains("Pérez") && l.status == LinkStatus::Active)
        .collect();
    expected.sort_by_key(|l| {
        (
            std::cmp::Reverse(l.created_at),
            std::cmp::Reverse(l.id.clone()),
        )
    });
    let expected: Vec<String> = expected.into_iter().map(|l| l.id.clone()).collect();
    assert!(expected.len() > 3_000);
    assert_eq!(got, expected);

    // A rarer word starts from the index (its matches joined as an array), and merging the
    // index segments changes no page of either shape.
    let rare = LinkQuery {
        text: "renta".into(),
        ..query.clone()
    };
    let renta = all_ids(&store, &rare);
    assert_eq!(renta.len(), 225, "every tenth link, less the inactive ones");
    // Its 450 matches are more than four pages of 50: walked in rowid order, though few, and
    // written out of date order, so the walk's stragglers are found on every page.
    let rare_small_pages = LinkQuery {
        limit: 50,
        ..rare.clone()
    };
    assert_eq!(all_ids(&store, &rare_small_pages), renta);
    store.optimize().unwrap();
    assert_eq!(all_ids(&store, &query), expected);
    assert_eq!(all_ids(&store, &rare), renta);
}

#[test]
fn a_common_word_behind_thousands_of_newer_rows_is_paged_in_order() {
    // The newest 5,000 links do not match; the 6,000 older ones do (a common word, so the
    // sort order is walked past them all).
    let (_dir, store) = store();
    let links: Vec<Link> = (0..11_000i64)
        .map(|i| {
            let text = if i < 6_000 { "Pago Pérez" } else { "Renta" };
            link(&format!("w{i:05}"), text, i, T0 + i)
        })
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let query = LinkQuery {
        profile_id: PROFILE.into(),
        text: "perez".into(),
        sort: LinkSort::Newest,
        limit: 500,
        ..Default::default()
    };
    let got = all_ids(&store, &query);
    let expected: Vec<String> = (0..6_000).rev().map(|i| format!("w{i:05}")).collect();
    assert_eq!(got, expected);
    let oldest_first = LinkQuery {
        sort: LinkSort::Oldest,
        ..query
    };
    let first = store.search_links(&oldest_first, T0).unwrap();
    assert_eq!(first.items[0].id, "w00000");
    assert_eq!(first.items.len(), 500);
}

#[test]
fn changed_links_are_reindexed_at_commit_also_when_changed_twice_or_deleted() {
    let (dir, store) = store();
    let links: Vec<Link> = (0..2_000i64)
        .map(|i| link(&format!("c{i:04}"), "Pago Pérez", 10_000 + i, T0 + i))
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();

    // One transaction, newest first as a sync brings them: every link changes, even ones a
    // new description, odd ones their amount; every tenth changes again, every hundredth is
    // then deleted. The index receives each link's change once, at commit.
    let changed: Vec<Link> = links
        .iter()
        .rev()
        .enumerate()
        .map(|(n, l)| {
            let mut l = l.clone();
            if n % 2 == 0 {
                l.description = "Renta López".into();
            } else {
                l.amount_centavos += 50;
            }
            l
        })
        .collect();
    let again: Vec<Link> = changed
        .iter()
        .step_by(10)
        .map(|l| Link {
            description: "Clase García".into(),
            ..l.clone()
        })
        .collect();
    store
        .write(|w| {
            w.upsert_links(PROFILE, &changed, T0 + 1)?;
            w.upsert_links(PROFILE, &again, T0 + 2)?;
            for l in again.iter().step_by(10) {
                w.delete_link(PROFILE, &l.id)?;
            }
            Ok(())
        })
        .unwrap();

    let conn = rusqlite::Connection::open(dir.path().join(mostrador_store::DB_FILE_NAME)).unwrap();
    // FTS5 compares its index with the content table (rank 1) and fails on any difference.
    conn.execute(
        "INSERT INTO links_fts (links_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let stale: i64 = conn
        .query_row("SELECT count(*) FROM links_fts_stale", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stale, 0);

    let search = |text: &str| {
        let mut ids = all_ids(
            &store,
            &LinkQuery {
                profile_id: PROFILE.into(),
                text: text.into(),
                limit: 500,
                ..Default::default()
            },
        );
        ids.sort();
        ids
    };
    let expected = |description: &str| {
        let mut ids: Vec<String> = changed
            .iter()
            .map(|l| again.iter().find(|a| a.id == l.id).unwrap_or(l).clone())
            .filter(|l| l.description == description)
            .filter(|l| !again.iter().step_by(10).any(|d| d.id == l.id))
            .map(|l| l.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(search("garcia").len(), 180, "200 changed twice, 20 deleted");
    assert_eq!(search("garcia"), expected("Clase García"));
    assert_eq!(search("lopez"), expected("Renta López"));
    assert_eq!(search("perez"), expected("Pago Pérez"));
    // An odd link kept its words; its amount moved by 50 centavos, and so did its entry.
    let odd = &changed[1];
    let pesos = |centavos: i64| format!("{}.{:02}", centavos / 100, centavos % 100);
    assert!(search(&pesos(odd.amount_centavos)).contains(&odd.id));
    assert!(!search(&pesos(odd.amount_centavos - 50)).contains(&odd.id));
}

/// Two syncs of "Pago Pérez" links (every third inactive, every seventh about something
/// else): `first` is written before `second`, so its links get the lower rowids whatever
/// their dates. Returns the links of both.
fn two_syncs(store: &Store, first: (i64, i64), second: (i64, i64)) -> Vec<Link> {
    let mut all = Vec::new();
    for (batch, (count, since)) in [first, second].into_iter().enumerate() {
        let links: Vec<Link> = (0..count)
            .map(|i| {
                let mut l = link(
                    &format!("s{batch}-{i:05}"),
                    if i % 7 == 0 { "Renta" } else { "Pago Pérez" },
                    i,
                    since + i,
                );
                if i % 3 == 0 {
                    l.status = LinkStatus::Inactive;
                }
                l
            })
            .collect();
        store
            .write(|w| w.upsert_links(PROFILE, &links, T0))
            .unwrap();
        all.extend(links);
    }
    all
}

#[test]
fn a_common_words_pages_by_date_are_exact_when_rows_were_inserted_out_of_order() {
    // (first sync, second sync, sort). Newest first reads the index from the highest rowid:
    // newer links synced before older ones sort first yet lie beyond the walk.
    let newer = T0 + 100_000;
    let cases = [
        (
            (150, newer),
            (5_000, T0),
            LinkSort::Newest,
            "stragglers found",
        ),
        // About 330 active links sort before the walk's page but lie beyond it.
        (
            (500, newer),
            (5_000, T0),
            LinkSort::Newest,
            "too many stragglers",
        ),
        // Reaching them means reading about 9,300 more matches.
        (
            (100, newer),
            (11_000, T0),
            LinkSort::Newest,
            "stragglers too far",
        ),
        (
            (5_000, newer),
            (150, T0),
            LinkSort::Oldest,
            "stragglers found",
        ),
        ((5_000, T0), (5_000, newer), LinkSort::Newest, "in order"),
        ((5_000, T0), (5_000, newer), LinkSort::Oldest, "in order"),
        // Amounts below $3 are the oldest 300 links of each sync: the pages from the first
        // sync lie behind 5,000 matches of the second, then behind the earlier pages too.
        (
            (6_000, T0),
            (6_000, newer),
            LinkSort::Newest,
            "walk too long",
        ),
    ];
    for (first, second, sort, label) in cases {
        let (_dir, store) = store();
        let links = two_syncs(&store, first, second);
        let cheap = label == "walk too long";
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            text: "perez".into(),
            status: Some(LinkStatus::Active),
            amount_max_centavos: cheap.then_some(299),
            sort,
            limit: 50,
            ..Default::default()
        };
        let mut expected: Vec<&Link> = links
            .iter()
            .filter(|l| l.description == "Pago Pérez" && l.status == LinkStatus::Active)
            .filter(|l| !cheap || l.amount_centavos <= 299)
            .collect();
        expected.sort_by_key(|l| l.created_at);
        if sort == LinkSort::Newest {
            expected.reverse();
        }
        let expected: Vec<String> = expected.into_iter().map(|l| l.id.clone()).collect();
        let matching = links.iter().filter(|l| l.description == "Pago Pérez");
        assert!(matching.count() > 4_000, "{label}: a common word");
        let first_page = first_page_ids(&store, &query);
        assert_eq!(first_page, expected[..50], "{label}, {sort:?}");
        assert_eq!(all_ids(&store, &query), expected, "{label}, {sort:?}");
    }
}

#[test]
fn a_common_word_under_a_narrow_filter_walks_only_its_rows_and_gives_the_same_pages() {
    // 6,000 matches written out of date order; each filter below passes a few hundred links
    // (the narrow walk) or, with the widest amount range, every one (the plain walk).
    let (_dir, store) = store();
    let links: Vec<Link> = (0..6_000i64)
        .map(|i| {
            let mut l = link(
                &format!("n{i:04}"),
                if i % 9 == 0 { "Renta" } else { "Pago Pérez" },
                i,
                T0 + (i * 7_919) % 6_000,
            );
            if i % 3 == 0 {
                l.status = LinkStatus::Inactive;
            }
            l
        })
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    let base = LinkQuery {
        profile_id: PROFILE.into(),
        text: "perez".into(),
        status: Some(LinkStatus::Active),
        limit: 40,
        ..Default::default()
    };
    let amounts = |min, max| LinkQuery {
        amount_min_centavos: Some(min),
        amount_max_centavos: Some(max),
        ..base.clone()
    };
    let dates = |from, to| LinkQuery {
        created_from: Some(from),
        created_to: Some(to),
        ..base.clone()
    };
    let cases = [
        (amounts(1_000, 1_600), "amounts, narrow"),
        (amounts(0, 6_000), "amounts, every link"),
        (dates(T0 + 2_000, T0 + 2_500), "dates, narrow"),
        (
            LinkQuery {
                amount_max_centavos: Some(5_900),
                created_from: Some(T0 + 5_500),
                ..base.clone()
            },
            "two narrowing filters",
        ),
    ];
    for (filtered, label) in cases {
        for sort in [LinkSort::Newest, LinkSort::Oldest] {
            let query = LinkQuery {
                sort,
                ..filtered.clone()
            };
            let mut expected: Vec<&Link> = links
                .iter()
                .filter(|l| l.description == "Pago Pérez" && l.status == LinkStatus::Active)
                .filter(|l| {
                    query
                        .amount_min_centavos
                        .is_none_or(|m| l.amount_centavos >= m)
                        && query
                            .amount_max_centavos
                            .is_none_or(|m| l.amount_centavos <= m)
                        && query.created_from.is_none_or(|f| l.created_at >= f)
                        && query.created_to.is_none_or(|t| l.created_at < t)
                })
                .collect();
            expected.sort_by_key(|l| l.created_at);
            if sort == LinkSort::Newest {
                expected.reverse();
            }
            let expected: Vec<String> = expected.into_iter().map(|l| l.id.clone()).collect();
            assert!(expected.len() > 100, "{label}: several pages");
            assert_eq!(all_ids(&store, &query), expected, "{label}, {sort:?}");
        }
    }
}
