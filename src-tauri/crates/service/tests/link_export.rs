//! The CSV export against a real database file: the whole filtered and sorted view across
//! several store pages, Excel-friendly bytes (BOM, CRLF), and awkward descriptions (commas,
//! quotes, line breaks, accents, formulas) surviving a round trip through an RFC 4180 reader.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use mostrador_service::links::export::export_links;
use mostrador_service::preferences::Locale;
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_store::{Cursor, Link, LinkQuery, LinkSort, LinkStatus, Store};

const NOW: i64 = 1_800_000_000;
const BULK: usize = 1_203;

fn link(i: usize, description: &str, amount_centavos: i64, status: LinkStatus) -> Link {
    Link {
        id: format!("lnk_{i:05}"),
        merchant_id: None,
        description: description.into(),
        amount_centavos,
        secondary_link: format!("slug{i:05}"),
        custom_link_path: format!("https://test.pay.billpocket.com/laesquina/slug{i:05}"),
        status,
        link_type: 2,
        expired_at: None,
        months: vec![],
        is_fixed_term: false,
        created_at: NOW - 86_400 + i64::try_from(i).unwrap(),
        updated_at: NOW,
        synced_at: None,
    }
}

fn store_with_links() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ensure_sandbox_profile(&store, NOW).unwrap();
    let mut links: Vec<Link> = (0..BULK)
        .map(|i| {
            let status = if i % 3 == 0 {
                LinkStatus::Inactive
            } else {
                LinkStatus::Active
            };
            link(
                i,
                &format!("Galleta {i}"),
                1_000 + i64::try_from(i).unwrap(),
                status,
            )
        })
        .collect();
    let mut tricky = link(
        90_001,
        "Pastel \"tres leches\", 1 kg\nde Añejo — ¡rico!",
        125_050,
        LinkStatus::Active,
    );
    tricky.months = vec![3, 6, 12];
    tricky.expired_at = Some(NOW + 86_400);
    links.push(tricky);
    links.push(link(
        90_002,
        "=HYPERLINK(\"https://evil.example\",\"pastel\")",
        99,
        LinkStatus::Active,
    ));
    let mut expired = link(90_003, "Pastel vencido", 5_000, LinkStatus::Active);
    expired.expired_at = Some(NOW - 60);
    links.push(expired);
    store
        .write(|w| w.upsert_links(SANDBOX_PROFILE_ID, &links, NOW))
        .unwrap();
    (dir, store)
}

fn query() -> LinkQuery {
    LinkQuery {
        profile_id: SANDBOX_PROFILE_ID.into(),
        ..LinkQuery::default()
    }
}

/// A strict RFC 4180 reader: CRLF-terminated records, quoted fields with doubled quotes.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("bare LF outside quotes"),
            _ => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "unterminated record"
    );
    records
}

fn export(store: &Store, query: &LinkQuery, lang: Locale) -> (Vec<Vec<String>>, usize) {
    let (bytes, rows) = export_links(store, query, NOW, lang).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"));
    let records = parse(text);
    assert_eq!(records.len(), rows + 1, "header plus one record per row");
    assert!(
        records.iter().all(|r| r.len() == 9),
        "nine columns everywhere"
    );
    (records, rows)
}

#[test]
fn exports_every_page_of_the_view() {
    let (_dir, store) = store_with_links();
    // The screen's page size and position do not limit the export.
    let on_screen = LinkQuery {
        limit: 50,
        cursor: Some(Cursor::from("i:999999:99999999999".to_owned())),
        ..query()
    };
    let (records, rows) = export(&store, &on_screen, Locale::EsMx);
    assert_eq!(rows, BULK + 3);
    assert_eq!(
        records[0],
        [
            "Descripción",
            "Monto (MXN)",
            "Estado",
            "MSI",
            "Vence",
            "Creada",
            "Liga",
            "Slug",
            "ID"
        ]
    );
    let ids: HashSet<&str> = records[1..].iter().map(|r| r[8].as_str()).collect();
    assert_eq!(ids.len(), rows, "no row twice");
    // Newest first, the default sort.
    assert_eq!(records[1][8], "lnk_90003");
    assert_eq!(records[rows][8], "lnk_00000");
}

#[test]
fn awkward_text_round_trips() {
    let (_dir, store) = store_with_links();
    let q = LinkQuery {
        text: "pastel".into(),
        sort: LinkSort::AmountHighest,
        ..query()
    };
    let (records, rows) = export(&store, &q, Locale::EsMx);
    assert_eq!(rows, 3);
    let tricky = &records[1];
    assert_eq!(tricky[0], "Pastel \"tres leches\", 1 kg\nde Añejo — ¡rico!");
    assert_eq!(tricky[1], "1250.50");
    assert_eq!(tricky[2], "activa");
    assert_eq!(tricky[3], "3, 6, 12");
    assert_eq!(tricky[4].len(), "2027-01-16 08:00".len());
    assert_eq!(
        tricky[6],
        "https://test.pay.billpocket.com/laesquina/slug90001"
    );
    assert_eq!(tricky[7], "slug90001");
    assert_eq!(records[2][2], "vencida");
    assert_eq!(records[2][4].len(), "2027-01-15 07:59".len());
    // The formula is text to a spreadsheet.
    assert_eq!(
        records[3][0],
        "'=HYPERLINK(\"https://evil.example\",\"pastel\")"
    );
    assert_eq!(records[3][1], "0.99");
    assert_eq!(records[3][4], "", "no expiry");
}

#[test]
fn filters_and_sort_apply_across_pages() {
    let (_dir, store) = store_with_links();
    let q = LinkQuery {
        status: Some(LinkStatus::Inactive),
        sort: LinkSort::AmountLowest,
        ..query()
    };
    let (records, rows) = export(&store, &q, Locale::En);
    assert_eq!(rows, BULK.div_ceil(3));
    assert_eq!(records[0][2], "Status");
    assert!(records[1..].iter().all(|r| r[2] == "inactive"));
    let amounts: Vec<f64> = records[1..].iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(
        amounts.windows(2).all(|w| w[0] <= w[1]),
        "ascending amounts"
    );
    assert_eq!(records[1][1], "10.00");
}

#[test]
fn an_empty_view_is_just_the_header() {
    let (_dir, store) = store_with_links();
    let q = LinkQuery {
        text: "nadaquecoincida".into(),
        ..query()
    };
    let (records, rows) = export(&store, &q, Locale::EsMx);
    assert_eq!(rows, 0);
    assert_eq!(records.len(), 1);
}
