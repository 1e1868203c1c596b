//! Billpocket payment links: bulk upsert from sync, and the searchable list.

use rusqlite::types::Value;
use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::search::{
    Cursor, ListQuery, Listing, Order, Page, StaleIndex, pesos_range_terms, reindex_stale,
};
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// Billpocket's opaque link id.
    pub id: String,
    pub merchant_id: Option<String>,
    pub description: String,
    #[specta(type = specta_typescript::Number)]
    pub amount_centavos: i64,
    /// The slug (`url_path` on create), last segment of the link's URL.
    pub secondary_link: String,
    pub custom_link_path: String,
    pub status: LinkStatus,
    /// Billpocket's `type` (2 in every documented sample; its meaning is not published).
    #[specta(type = specta_typescript::Number)]
    pub link_type: i64,
    #[specta(type = Option<specta_typescript::Number>)]
    pub expired_at: Option<UnixSeconds>,
    /// MSI (interest-free installment) options in months; empty for a single payment.
    pub months: Vec<u8>,
    pub is_fixed_term: bool,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
    /// When this row was last confirmed by the provider; set by the store on upsert.
    #[specta(type = Option<specta_typescript::Number>)]
    pub synced_at: Option<UnixSeconds>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum LinkStatus {
    Inactive,
    Active,
}

impl LinkStatus {
    fn as_int(self) -> i64 {
        match self {
            Self::Inactive => 0,
            Self::Active => 1,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum LinkSort {
    #[default]
    Newest,
    Oldest,
    AmountHighest,
    AmountLowest,
    /// Soonest expiry first; links without expiry last.
    ExpiringSoonest,
}

/// What the links screen asks for. Empty `text` and `None` filters mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct LinkQuery {
    pub profile_id: String,
    /// Words matched as prefixes against description, slug, id and amount, accents ignored.
    pub text: String,
    pub status: Option<LinkStatus>,
    pub merchant_id: Option<String>,
    #[specta(type = Option<specta_typescript::Number>)]
    pub amount_min_centavos: Option<i64>,
    #[specta(type = Option<specta_typescript::Number>)]
    pub amount_max_centavos: Option<i64>,
    #[specta(type = Option<specta_typescript::Number>)]
    pub created_from: Option<UnixSeconds>,
    /// Exclusive.
    #[specta(type = Option<specta_typescript::Number>)]
    pub created_to: Option<UnixSeconds>,
    pub with_msi: Option<bool>,
    /// Past its expiry date as of `now` (whatever the stored status says), or not.
    pub expired: Option<bool>,
    /// Not yet expired and expiring within this many days of `now`.
    pub expiring_within_days: Option<u32>,
    pub sort: LinkSort,
    /// Page size: 0 means 50; at most 500.
    pub limit: u32,
    pub cursor: Option<Cursor>,
}

static LISTING: Listing = Listing {
    table: "links",
    fts: "links_fts",
    columns: COLUMNS,
};

const COLUMNS: &str = "t.id, t.merchant_id, t.description, t.amount_centavos, t.secondary_link, \
                       t.custom_link_path, t.status, t.expired_at, t.months, t.is_fixed_term, \
                       t.created_at, t.updated_at, t.synced_at, t.link_type";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Link> {
    Ok(Link {
        id: row.get(0)?,
        merchant_id: row.get(1)?,
        description: row.get(2)?,
        amount_centavos: row.get(3)?,
        secondary_link: row.get(4)?,
        custom_link_path: row.get(5)?,
        status: if row.get::<_, i64>(6)? == 1 {
            LinkStatus::Active
        } else {
            LinkStatus::Inactive
        },
        expired_at: row.get(7)?,
        months: parse_months(&row.get::<_, String>(8)?),
        is_fixed_term: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
        synced_at: row.get(12)?,
        link_type: row.get(13)?,
    })
}

/// Months as a JSON array (`[3,6,12]`, `[]` for none).
fn format_months(months: &[u8]) -> String {
    let list: Vec<String> = months.iter().map(u8::to_string).collect();
    format!("[{}]", list.join(","))
}

fn parse_months(json: &str) -> Vec<u8> {
    json.trim_matches(['[', ']'])
        .split(',')
        .filter_map(|m| m.trim().parse().ok())
        .collect()
}

/// Rows per upsert statement (15 parameters each, under SQLite's 32,766 limit). FTS5 flushes
/// its pending terms at every statement, so one statement per row made a 100,000-link sync
/// several times slower.
const UPSERT_CHUNK: usize = 1_000;

const UPSERT_COLUMNS: usize = 15;

/// The upsert statement for `rows` links. A row whose provider fields did not change is left
/// alone: rewriting it would rewrite every index entry (SQLite does not compare values).
fn upsert_sql(rows: usize) -> String {
    let row = format!("({})", vec!["?"; UPSERT_COLUMNS].join(","));
    format!(
        "INSERT INTO links (profile_id, id, merchant_id, description, amount_centavos, \
             secondary_link, custom_link_path, status, expired_at, months, is_fixed_term, \
             created_at, updated_at, synced_at, link_type) VALUES {} \
         ON CONFLICT (profile_id, id) DO UPDATE SET merchant_id = excluded.merchant_id, \
             description = excluded.description, amount_centavos = excluded.amount_centavos, \
             secondary_link = excluded.secondary_link, custom_link_path = excluded.custom_link_path, \
             status = excluded.status, expired_at = excluded.expired_at, months = excluded.months, \
             is_fixed_term = excluded.is_fixed_term, created_at = excluded.created_at, \
             updated_at = excluded.updated_at, synced_at = excluded.synced_at, \
             link_type = excluded.link_type \
         WHERE (merchant_id, description, amount_centavos, secondary_link, custom_link_path, status, \
                expired_at, months, is_fixed_term, created_at, updated_at, link_type) \
           IS NOT (excluded.merchant_id, excluded.description, excluded.amount_centavos, \
                excluded.secondary_link, excluded.custom_link_path, excluded.status, \
                excluded.expired_at, excluded.months, excluded.is_fixed_term, excluded.created_at, \
                excluded.updated_at, excluded.link_type)",
        vec![row; rows].join(",")
    )
}

/// The links' search index and where its changed rows wait (migration 0006).
static LINKS_INDEX: StaleIndex = StaleIndex {
    fts: "links_fts",
    stale: "links_fts_stale",
    source: "links_search_source",
    columns: "description, slug, id, amount, merchant",
};

/// Stamps the rows the upsert left alone; `synced_at` is in no index, so this is cheap.
fn stamp_sql(rows: usize) -> String {
    format!(
        "UPDATE links SET synced_at = ?1 WHERE profile_id = ?2 AND synced_at IS NOT ?1 AND id IN ({})",
        vec!["?"; rows].join(",")
    )
}

impl Writer<'_> {
    /// Inserts or replaces links by (profile, id) and stamps them `synced_at`. Meant for a
    /// whole sync batch inside one [`Store::write`]. Returns how many links were new or
    /// changed (unchanged ones are only stamped).
    pub fn upsert_links(
        &mut self,
        profile_id: &str,
        links: &[Link],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        if links.iter().any(|l| l.amount_centavos < 0) {
            return Err(StoreError::Invalid("negative amount"));
        }
        // Oldest first (providers list newest first), so rowids follow creation time: the
        // date order a text search reads the index in (`Order::follows_rowid`).
        let mut ordered: Vec<&Link> = links.iter().collect();
        ordered.sort_by_key(|l| l.created_at);
        let mut written = 0;
        for chunk in ordered.chunks(UPSERT_CHUNK) {
            let mut stmt = self.tx.prepare_cached(&upsert_sql(chunk.len()))?;
            let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * UPSERT_COLUMNS);
            for link in chunk {
                values.extend([
                    Value::Text(profile_id.to_owned()),
                    Value::Text(link.id.clone()),
                    link.merchant_id.clone().map_or(Value::Null, Value::Text),
                    Value::Text(link.description.clone()),
                    Value::Integer(link.amount_centavos),
                    Value::Text(link.secondary_link.clone()),
                    Value::Text(link.custom_link_path.clone()),
                    Value::Integer(link.status.as_int()),
                    link.expired_at.map_or(Value::Null, Value::Integer),
                    Value::Text(format_months(&link.months)),
                    Value::Integer(link.is_fixed_term.into()),
                    Value::Integer(link.created_at),
                    Value::Integer(link.updated_at),
                    Value::Integer(synced_at),
                    Value::Integer(link.link_type),
                ]);
            }
            let chunk_written = stmt.execute(rusqlite::params_from_iter(values))?;
            written += chunk_written;
            if chunk_written == chunk.len() {
                continue; // every row was written with its synced_at
            }
            let mut stamp = self.tx.prepare_cached(&stamp_sql(chunk.len()))?;
            let ids = chunk.iter().map(|l| Value::Text(l.id.clone()));
            let params = [
                Value::Integer(synced_at),
                Value::Text(profile_id.to_owned()),
            ];
            stamp.execute(rusqlite::params_from_iter(params.into_iter().chain(ids)))?;
        }
        tracing::debug!(profile_id, count = links.len(), written, "upserted links");
        Ok(written)
    }

    /// Replaces the search entries of links whose text changed in this transaction (the update
    /// trigger only kept the values indexed; see migration 0006), deletes then inserts, each in
    /// rowid order so that FTS5 buffers them instead of flushing per link.
    pub(crate) fn reindex_changed_links(&mut self) -> Result<()> {
        reindex_stale(&self.tx, &LINKS_INDEX)
    }

    /// After a full listing fetched from `fetched_from` on, removes the merchant's links (every
    /// merchant's with `None`) the listing did not return: those last confirmed before then.
    /// A link written meanwhile (a create that finished during the fetch) is newer and stays.
    pub fn delete_links_synced_before(
        &mut self,
        profile_id: &str,
        merchant_id: Option<&str>,
        fetched_from: UnixSeconds,
    ) -> Result<usize> {
        Ok(self.tx.execute(
            "DELETE FROM links WHERE profile_id = ?1 AND (?2 IS NULL OR merchant_id = ?2) \
             AND (synced_at IS NULL OR synced_at < ?3)",
            params![profile_id, merchant_id, fetched_from],
        )?)
    }

    pub fn delete_link(&mut self, profile_id: &str, id: &str) -> Result<()> {
        match self.tx.execute(
            "DELETE FROM links WHERE profile_id = ?1 AND id = ?2",
            params![profile_id, id],
        )? {
            0 => Err(StoreError::NotFound("link")),
            _ => Ok(()),
        }
    }
}

impl Store {
    /// Whether another cached link of the merchant already uses `slug` (case-insensitive, as
    /// Billpocket compares them); `except_id` is the link being edited.
    pub fn slug_taken(
        &self,
        profile_id: &str,
        merchant_id: &str,
        slug: &str,
        except_id: Option<&str>,
    ) -> Result<bool> {
        let conn = self.read_conn();
        Ok(conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM links WHERE profile_id = ?1 AND merchant_id = ?2 \
                 AND secondary_link = ?3 COLLATE NOCASE AND id IS NOT ?4)",
            )?
            .query_row(params![profile_id, merchant_id, slug, except_id], |r| {
                r.get(0)
            })?)
    }

    pub fn link(&self, profile_id: &str, id: &str) -> Result<Link> {
        let conn = self.read_conn();
        let sql = format!("SELECT {COLUMNS} FROM links t WHERE t.profile_id = ?1 AND t.id = ?2");
        conn.query_row(&sql, params![profile_id, id], from_row)
            .map_err(|err| match err {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound("link"),
                other => other.into(),
            })
    }

    /// One page of links matching `query`; `now` anchors "expiring within N days".
    pub fn search_links(&self, query: &LinkQuery, now: UnixSeconds) -> Result<Page<Link>> {
        let mut list = ListQuery::new(&LISTING, &query.profile_id);
        list.text(&query.text);
        if let Some(status) = query.status {
            list.filter("t.status = ?", [Value::Integer(status.as_int())]);
        }
        // Each of these an index answers alone (links_by_merchant, _by_amount, _by_created).
        if let Some(merchant_id) = &query.merchant_id {
            let merchant = vec![Value::Text(merchant_id.clone())];
            list.filter("t.merchant_id = ?", merchant.clone());
            list.narrowed_by("t.merchant_id = ?", merchant);
            // FTS5 intersects a word with the merchant's term, skipping through the word's
            // matches instead of reading them all (a small merchant: 51 of 38,000).
            list.narrow_text(&merchant_term(merchant_id));
        }
        if let Some(min) = query.amount_min_centavos {
            list.filter("t.amount_centavos >= ?", [Value::Integer(min)]);
        }
        if let Some(max) = query.amount_max_centavos {
            list.filter("t.amount_centavos <= ?", [Value::Integer(max)]);
        }
        if let (Some(min), Some(max)) = (query.amount_min_centavos, query.amount_max_centavos)
            && let Some(terms) = pesos_range_terms(min / 100, max / 100)
        {
            // The amount is indexed text too: FTS5 intersects it with the words typed far
            // faster than the rows can be looked up (a common word under a 1 % range).
            list.narrow_text(&terms);
        }
        if query.amount_min_centavos.is_some() || query.amount_max_centavos.is_some() {
            list.narrowed_by(
                "t.amount_centavos BETWEEN ? AND ?",
                vec![
                    Value::Integer(query.amount_min_centavos.unwrap_or(i64::MIN)),
                    Value::Integer(query.amount_max_centavos.unwrap_or(i64::MAX)),
                ],
            );
        }
        if let Some(from) = query.created_from {
            list.filter("t.created_at >= ?", [Value::Integer(from)]);
        }
        if let Some(to) = query.created_to {
            list.filter("t.created_at < ?", [Value::Integer(to)]);
        }
        if query.created_from.is_some() || query.created_to.is_some() {
            list.narrowed_by(
                "t.created_at >= ? AND t.created_at < ?",
                vec![
                    Value::Integer(query.created_from.unwrap_or(i64::MIN)),
                    Value::Integer(query.created_to.unwrap_or(i64::MAX)),
                ],
            );
        }
        match query.with_msi {
            Some(true) => list.filter("t.months <> '[]'", []),
            Some(false) => list.filter("t.months = '[]'", []),
            None => {}
        }
        match query.expired {
            Some(true) => list.filter("t.expired_at <= ?", [Value::Integer(now)]),
            Some(false) => list.filter(
                "(t.expired_at IS NULL OR t.expired_at > ?)",
                [Value::Integer(now)],
            ),
            None => {}
        }
        if let Some(days) = query.expiring_within_days {
            let until = now.saturating_add(i64::from(days) * 86_400);
            list.filter(
                "t.expired_at >= ? AND t.expired_at < ?",
                [Value::Integer(now), Value::Integer(until)],
            );
        }
        let order = match query.sort {
            LinkSort::Newest => Order {
                expr: "t.created_at",
                descending: true,
                follows_rowid: true,
            },
            LinkSort::Oldest => Order {
                expr: "t.created_at",
                descending: false,
                follows_rowid: true,
            },
            LinkSort::AmountHighest => Order {
                expr: "t.amount_centavos",
                descending: true,
                follows_rowid: false,
            },
            LinkSort::AmountLowest => Order {
                expr: "t.amount_centavos",
                descending: false,
                follows_rowid: false,
            },
            LinkSort::ExpiringSoonest => Order {
                expr: EXPIRY_KEY,
                descending: false,
                follows_rowid: false,
            },
        };
        list.page(
            &self.read_conn(),
            &order,
            query.cursor.as_ref(),
            query.limit,
            from_row,
        )
    }
}

/// The search index's term of a merchant (migration 0016): U+E000 and the id's bytes in hex, as
/// `char(57344) || hex(merchant_id)` writes it. No typed word can match it: the typed text is
/// split on every character that is not a letter or a digit, U+E000 among them.
fn merchant_term(merchant_id: &str) -> String {
    let hex: String = merchant_id.bytes().map(|b| format!("{b:02X}")).collect();
    format!("\"\u{E000}{hex}\"")
}

/// Links without expiry sort after every real date (i64::MAX).
const EXPIRY_KEY: &str = "coalesce(t.expired_at, 9223372036854775807)";
