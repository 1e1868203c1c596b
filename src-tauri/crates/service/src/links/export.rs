//! The links list as a CSV file: every row of the filtered and sorted view (not just the page on
//! screen), with headers and states in the UI language and dates in the machine's time zone.

use mostrador_store::{LinkQuery, Store, StoreError, UnixSeconds};

use super::csv::{CsvWriter, dated_file_name, local_time, written};
use super::{LinkRow, LinkState, search};
use crate::preferences::Locale;

/// Rows fetched per store page (the store's maximum).
const EXPORT_PAGE: u32 = 500;

/// What the save dialog proposes: `ligas-YYYY-MM-DD.csv`, today's local date.
pub fn export_file_name(now: UnixSeconds) -> String {
    dated_file_name("ligas", now)
}

/// Every link `query` matches, in its order, as CSV; and how many rows that is. The query's
/// cursor and page size are ignored: pages of 500 are read until the last.
pub fn export_links(
    store: &Store,
    query: &LinkQuery,
    now: UnixSeconds,
    lang: Locale,
) -> Result<(Vec<u8>, usize), StoreError> {
    let mut query = LinkQuery {
        limit: EXPORT_PAGE,
        cursor: None,
        ..query.clone()
    };
    let mut csv = CsvWriter::new();
    csv.row(header(lang)).map_err(written)?;
    let mut rows = 0;
    loop {
        let page = search(store, &query, now)?;
        rows += page.items.len();
        for row in &page.items {
            csv.row(record(row, lang)).map_err(written)?;
        }
        match page.next {
            Some(next) => query.cursor = Some(next),
            None => break,
        }
    }
    Ok((csv.into_bytes().map_err(written)?, rows))
}

/// `rows` as CSV, header first.
pub fn links_csv(rows: &[LinkRow], lang: Locale) -> Result<Vec<u8>, StoreError> {
    let mut csv = CsvWriter::new();
    csv.row(header(lang)).map_err(written)?;
    for row in rows {
        csv.row(record(row, lang)).map_err(written)?;
    }
    csv.into_bytes().map_err(written)
}

fn header(lang: Locale) -> [&'static str; 9] {
    match lang {
        Locale::EsMx => [
            "Descripción",
            "Monto (MXN)",
            "Estado",
            "MSI",
            "Vence",
            "Creada",
            "Liga",
            "Slug",
            "ID",
        ],
        Locale::En => [
            "Description",
            "Amount (MXN)",
            "Status",
            "MSI",
            "Expires",
            "Created",
            "Link",
            "Slug",
            "ID",
        ],
    }
}

fn record(row: &LinkRow, lang: Locale) -> [String; 9] {
    let link = &row.link;
    let months: Vec<String> = link.months.iter().map(u8::to_string).collect();
    [
        link.description.clone(),
        amount(link.amount_centavos),
        state(row.state, lang).to_owned(),
        months.join(", "),
        link.expired_at.map(local_time).unwrap_or_default(),
        local_time(link.created_at),
        link.custom_link_path.clone(),
        link.secondary_link.clone(),
        link.id.clone(),
    ]
}

fn state(state: LinkState, lang: Locale) -> &'static str {
    match (state, lang) {
        (LinkState::Active, Locale::EsMx) => "activa",
        (LinkState::Inactive, Locale::EsMx) => "inactiva",
        (LinkState::Expired, Locale::EsMx) => "vencida",
        (LinkState::Active, Locale::En) => "active",
        (LinkState::Inactive, Locale::En) => "inactive",
        (LinkState::Expired, Locale::En) => "expired",
    }
}

/// Pesos with a dot and two decimals and no grouping (`1250.50`), which every spreadsheet
/// reads as a number.
fn amount(centavos: i64) -> String {
    let sign = if centavos < 0 { "-" } else { "" };
    let abs = centavos.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use mostrador_store::{Link, LinkStatus};

    use chrono::{DateTime, Local};

    use super::super::csv::csv_locale;
    use super::*;

    fn row(state: LinkState, months: Vec<u8>, expired_at: Option<i64>) -> LinkRow {
        LinkRow {
            link: Link {
                id: "lnk_1".into(),
                merchant_id: None,
                description: "Pastel".into(),
                amount_centavos: 125_050,
                secondary_link: "abc12345".into(),
                custom_link_path: "https://test.pay.billpocket.com/laesquina/abc12345".into(),
                status: LinkStatus::Active,
                link_type: 2,
                expired_at,
                months,
                is_fixed_term: false,
                created_at: 1_800_000_000,
                updated_at: 1_800_000_000,
                synced_at: None,
            },
            state,
            write: None,
        }
    }

    fn text(bytes: &[u8]) -> &str {
        std::str::from_utf8(bytes.strip_prefix(super::super::csv::BOM).unwrap()).unwrap()
    }

    #[test]
    fn amounts_have_a_dot_and_two_decimals() {
        assert_eq!(amount(125_050), "1250.50");
        assert_eq!(amount(5), "0.05");
        assert_eq!(amount(0), "0.00");
        assert_eq!(amount(100_000_000), "1000000.00");
        assert_eq!(amount(-150), "-1.50");
    }

    #[test]
    fn languages() {
        assert_eq!(csv_locale("en"), Locale::En);
        assert_eq!(csv_locale("en-US"), Locale::En);
        assert_eq!(csv_locale("es-MX"), Locale::EsMx);
        assert_eq!(csv_locale(""), Locale::EsMx);
        assert_eq!(csv_locale("fr"), Locale::EsMx);
    }

    #[test]
    fn spanish_rows() {
        let expires = 1_900_000_000;
        let rows = [
            row(LinkState::Active, vec![3, 6, 12], Some(expires)),
            row(LinkState::Expired, vec![], None),
        ];
        let csv = links_csv(&rows, Locale::EsMx).unwrap();
        let lines: Vec<&str> = text(&csv).split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Descripción,Monto (MXN),Estado,MSI,Vence,Creada,Liga,Slug,ID"
        );
        let created = local_time(1_800_000_000);
        assert_eq!(
            lines[1],
            format!(
                "Pastel,1250.50,activa,\"3, 6, 12\",{},{created},\
                 https://test.pay.billpocket.com/laesquina/abc12345,abc12345,lnk_1",
                local_time(expires)
            )
        );
        assert!(lines[2].starts_with(&format!("Pastel,1250.50,vencida,,,{created},")));
        assert_eq!(lines[3], "");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn english_rows() {
        let csv = links_csv(&[row(LinkState::Inactive, vec![], None)], Locale::En).unwrap();
        let lines: Vec<&str> = text(&csv).split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Description,Amount (MXN),Status,MSI,Expires,Created,Link,Slug,ID"
        );
        assert!(lines[1].starts_with("Pastel,1250.50,inactive,,,"));
    }

    #[test]
    fn local_times_look_like_the_ui() {
        let shown = local_time(1_800_000_000);
        assert_eq!(shown.len(), "2027-01-15 08:00".len());
        let expected = DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .with_timezone(&Local)
            .naive_local()
            .format("%Y-%m-%d %H:%M")
            .to_string();
        assert_eq!(shown, expected);
        assert!(export_file_name(1_800_000_000).starts_with("ligas-20"));
        assert!(export_file_name(1_800_000_000).ends_with(".csv"));
        assert_eq!(
            export_file_name(1_800_000_000).len(),
            "ligas-2027-01-15.csv".len()
        );
    }
}
