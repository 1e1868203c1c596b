//! What migration 0016 keeps per merchant: the link counts (triggers) and the merchant's term in
//! the search index, checked against the table itself after every kind of write.

use mostrador_store::{Link, LinkQuery, Store};
use rusqlite::Connection;

use crate::common::{PROFILE, T0, link, matching_ids, merchant, profile, store};

/// The counts as `COUNT(*)` over the links table gives them, on another connection to the file.
fn counted(store: &Store, profile_id: &str) -> Vec<(String, u32)> {
    let conn = Connection::open(store.path()).unwrap();
    conn.prepare(
        "SELECT m.id, count(l.rowid) FROM merchants m \
         LEFT JOIN links l ON l.profile_id = m.profile_id AND l.merchant_id = m.id \
         WHERE m.profile_id = ?1 GROUP BY m.id ORDER BY m.id",
    )
    .unwrap()
    .query_map([profile_id], |r| Ok((r.get(0)?, r.get(1)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn assert_counts(store: &Store, profile_id: &str, expected: &[(&str, u32)]) {
    let expected: Vec<(String, u32)> = expected.iter().map(|(m, n)| ((*m).into(), *n)).collect();
    assert_eq!(counted(store, profile_id), expected, "COUNT(*)");
    assert_eq!(
        store.merchant_link_counts(profile_id).unwrap(),
        expected,
        "kept counts"
    );
}

fn of(merchant_id: &str, id: &str, description: &str) -> Link {
    Link {
        merchant_id: Some(merchant_id.into()),
        ..link(id, description, 10_000, T0)
    }
}

#[test]
fn link_counts_follow_every_write_path() {
    let (_dir, store) = store();
    store
        .write(|w| {
            w.upsert_profile(&profile("other"))?;
            w.upsert_merchants(
                PROFILE,
                &[merchant("m1", "Tacos"), merchant("m2", "Flores")],
                T0,
            )?;
            w.upsert_merchants("other", &[merchant("m1", "Tacos")], T0)
        })
        .unwrap();
    assert_counts(&store, PROFILE, &[("m1", 0), ("m2", 0)]);

    // A sync's inserts, and a link without a merchant (a create cached before its merchant).
    let first: Vec<Link> = (0..5)
        .map(|i| {
            of(
                if i < 3 { "m1" } else { "m2" },
                &format!("L{i}"),
                "Consulta",
            )
        })
        .chain([link("orphan", "Sin comercio", 100, T0)])
        .collect();
    store
        .write(|w| w.upsert_links(PROFILE, &first, T0))
        .unwrap();
    store
        .write(|w| w.upsert_links("other", &[of("m1", "X1", "Otra")], T0))
        .unwrap();
    assert_counts(&store, PROFILE, &[("m1", 3), ("m2", 2)]);
    assert_counts(&store, "other", &[("m1", 1)]);

    // Re-synced unchanged, changed in text and status, moved to another merchant.
    let mut again = first.clone();
    again[0].description = "Consulta cambiada".into();
    again[1].status = mostrador_store::LinkStatus::Inactive;
    again[2].merchant_id = Some("m2".into());
    store
        .write(|w| w.upsert_links(PROFILE, &again, T0 + 1))
        .unwrap();
    assert_counts(&store, PROFILE, &[("m1", 2), ("m2", 3)]);

    // A local delete, then a sync that no longer lists one of m2's links.
    store.write(|w| w.delete_link(PROFILE, "L0")).unwrap();
    assert_counts(&store, PROFILE, &[("m1", 1), ("m2", 3)]);
    store
        .write(|w| {
            w.upsert_links(PROFILE, &[again[2].clone(), again[3].clone()], T0 + 5)?;
            w.delete_links_synced_before(PROFILE, Some("m2"), T0 + 5)
        })
        .unwrap();
    assert_counts(&store, PROFILE, &[("m1", 1), ("m2", 2)]);

    // A write that fails changes nothing; a merchant upserted again keeps its count.
    assert!(
        store
            .write(|w| {
                w.upsert_links(PROFILE, &[of("m1", "L9", "Nueva")], T0 + 6)?;
                Err::<(), _>(mostrador_store::StoreError::Invalid("rolled back"))
            })
            .is_err()
    );
    store
        .write(|w| w.upsert_merchants(PROFILE, &[merchant("m1", "Tacos 2")], T0 + 7))
        .unwrap();
    assert_counts(&store, PROFILE, &[("m1", 1), ("m2", 2)]);

    // Deleting a profile cascades to its merchants, links and counts; the other is untouched.
    store.write(|w| w.delete_profile(PROFILE)).unwrap();
    assert!(store.merchant_link_counts(PROFILE).unwrap().is_empty());
    let conn = Connection::open(store.path()).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM merchant_link_counts WHERE profile_id = ?1",
            [PROFILE],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    assert_counts(&store, "other", &[("m1", 1)]);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn a_word_among_one_merchants_links_follows_moves_and_no_typed_word_finds_the_merchant() {
    let (_dir, store) = store();
    // Ids with separators and non-ASCII: the term is their bytes in hex, one token.
    let (small, big) = ("m-small", "comercio ñ 2");
    store
        .write(|w| {
            w.upsert_merchants(
                PROFILE,
                &[merchant(small, "Chico"), merchant(big, "Grande")],
                T0,
            )
        })
        .unwrap();
    let mut links: Vec<Link> = (0..30)
        .map(|i| of(big, &format!("B{i:02}"), "Consulta Pérez"))
        .collect();
    links.extend([
        of(small, "S1", "Consulta Pérez"),
        of(small, "S2", "Renta López"),
    ]);
    store
        .write(|w| w.upsert_links(PROFILE, &links, T0))
        .unwrap();
    assert_eq!(matching_ids(&store, Some(small), "perez"), ["S1"]);
    assert_eq!(matching_ids(&store, Some(small), "consulta"), ["S1"]);
    assert_eq!(matching_ids(&store, Some(big), "perez").len(), 30);

    // A link moved to the small merchant, and one whose text changed, are found by their new
    // merchant and text only (the update replaced their index entries).
    let mut moved = links[0].clone();
    moved.merchant_id = Some(small.into());
    let mut renamed = links[30].clone();
    renamed.description = "Renta Núñez".into();
    store
        .write(|w| w.upsert_links(PROFILE, &[moved, renamed], T0 + 1))
        .unwrap();
    assert_eq!(matching_ids(&store, Some(small), "perez"), ["B00"]);
    assert_eq!(matching_ids(&store, Some(small), "nunez"), ["S1"]);
    assert_eq!(matching_ids(&store, Some(big), "perez").len(), 29);
    store.write(|w| w.delete_link(PROFILE, "B00")).unwrap();
    assert!(matching_ids(&store, Some(small), "perez").is_empty());

    // What the merchant's term is made of cannot be typed: the hex of "m-small" and its parts
    // find nothing, and a search without a merchant is as before.
    for typed in ["6d2d736d616c6c", "6d", "small", "\u{E000}6D"] {
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            text: typed.into(),
            ..Default::default()
        };
        assert!(
            store.search_links(&query, T0).unwrap().items.is_empty(),
            "{typed}"
        );
    }
    // FTS5 compares its index with what the view gives for every row.
    Connection::open(store.path())
        .unwrap()
        .execute(
            "INSERT INTO links_fts (links_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
}
