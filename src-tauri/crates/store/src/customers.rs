//! CryptoPocket persons and companies and UnDosTres accounts, with the history of every KYC
//! change the app observed.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::search::{Cursor, ListQuery, Listing, Order, Page, StaleIndex, reindex_stale};
use crate::text_enum::text_enum;
use crate::{Store, UnixSeconds, Writer};

text_enum! {
    /// The provider a customer is registered with.
    pub enum Provider {
        Cryptopocket = "cryptopocket",
        Undostres = "undostres",
    }
}

text_enum! {
    pub enum CustomerKind {
        Person = "person",
        Company = "company",
    }
}

text_enum! {
    /// CryptoPocket's `kyc_status` values; UnDosTres accounts are mapped onto them by the
    /// service (with `kyc_level` carrying the account level).
    pub enum KycStatus {
        Unused = "unused",
        Processing = "processing",
        Valid = "valid",
        Fail = "fail",
    }
}

text_enum! {
    /// How the app saw a KYC change (migration 0008).
    pub enum KycSource {
        /// In the provider's customers list.
        Sync = "sync",
        /// By asking for one customer's status.
        Check = "check",
        /// In the answer that created the customer.
        Create = "create",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub provider: Provider,
    /// The provider's customer id.
    pub id: String,
    pub kind: CustomerKind,
    pub first_name: String,
    pub last_name: String,
    pub second_last_name: String,
    pub company_name: String,
    pub email: String,
    /// e.g. CURP, RFC, GOVERNMENT_ID.
    pub id_type: String,
    pub id_number: String,
    pub country: String,
    pub kyc_status: KycStatus,
    /// UnDosTres `account_level`.
    pub kyc_level: Option<u8>,
    /// KYC form or KYB link (no password: that lives in the vault).
    pub kyc_url: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
    /// When the provider last confirmed this row (a list sync or a status check); set by the
    /// store.
    #[specta(type = Option<specta_typescript::Number>)]
    pub synced_at: Option<UnixSeconds>,
}

/// One observed KYC change; `from_status` is `None` for the first sighting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KycTransition {
    pub from_status: Option<KycStatus>,
    pub to_status: KycStatus,
    pub kyc_level: Option<u8>,
    #[specta(type = specta_typescript::Number)]
    pub observed_at: UnixSeconds,
    pub source: KycSource,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum CustomerSort {
    #[default]
    RecentlyUpdated,
    NameAscending,
    /// Pending cases (`unused`, `processing`) first, the oldest first; then the settled ones,
    /// also oldest first. A case's age counts from the customer's creation.
    OldestPending,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    pub profile_id: String,
    /// Words matched as prefixes against names, email and id number, accents ignored.
    pub text: String,
    pub provider: Option<Provider>,
    pub kyc_status: Option<KycStatus>,
    /// Only rows whose cached country is one of these spellings (CryptoPocket lists English
    /// names, UnDosTres rows carry `MEX`; the service adds each code's other spelling); empty
    /// for any.
    pub countries: Vec<String>,
    /// `Some(true)`: only pending cases (`unused`, `processing`); `Some(false)`: only settled ones.
    pub pending: Option<bool>,
    /// Only pending cases created before this time (an age filter, or "past the target").
    #[specta(type = Option<specta_typescript::Number>)]
    pub pending_since_before: Option<UnixSeconds>,
    pub sort: CustomerSort,
    /// Page size: 0 means 50; at most 500.
    pub limit: u32,
    pub cursor: Option<Cursor>,
}

static LISTING: Listing = Listing {
    table: "customers",
    fts: "customers_fts",
    columns: COLUMNS,
};

pub(crate) const COLUMNS: &str = "t.provider, t.id, t.kind, t.first_name, t.last_name, t.second_last_name, \
                       t.company_name, t.email, t.id_type, t.id_number, t.country, t.kyc_status, \
                       t.kyc_level, t.kyc_url, t.created_at, t.updated_at, t.synced_at";

/// A pending case, in SQL.
const PENDING: &str = "t.kyc_status IN ('unused', 'processing')";

/// Oldest-pending order key (indexed as written, without the alias, by migration 0015): pending
/// cases by creation, then settled ones by creation, pushed after every pending one (creation
/// times stay far below the offset).
const OLDEST_PENDING_KEY: &str = "CASE WHEN t.kyc_status IN ('unused', 'processing') \
                                  THEN t.created_at ELSE t.created_at + 100000000000 END";

/// Name order key (indexed as written, without the alias, by migration 0015): companies by
/// company name, persons by surname then first name.
const NAME_KEY: &str = "lower(CASE t.kind WHEN 'company' THEN t.company_name \
                        ELSE t.last_name || ' ' || t.second_last_name || ' ' || t.first_name END)";

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        provider: row.get(0)?,
        id: row.get(1)?,
        kind: row.get(2)?,
        first_name: row.get(3)?,
        last_name: row.get(4)?,
        second_last_name: row.get(5)?,
        company_name: row.get(6)?,
        email: row.get(7)?,
        id_type: row.get(8)?,
        id_number: row.get(9)?,
        country: row.get(10)?,
        kyc_status: row.get(11)?,
        kyc_level: row.get(12)?,
        kyc_url: row.get(13)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
        synced_at: row.get(16)?,
    })
}

/// The customers' search index and where its changed rows wait (migration 0007).
static CUSTOMERS_INDEX: StaleIndex = StaleIndex {
    fts: "customers_fts",
    stale: "customers_fts_stale",
    source: "customers_search_source",
    columns: "name, email, id_number",
};

/// Rows per statement (18 values each: under SQLite's 32,766 variables).
const UPSERT_CHUNK: usize = 1_000;
const UPSERT_COLUMNS: usize = 18;

/// One multi-row upsert that leaves unchanged rows untouched (so their search entries and
/// indexes are not rewritten).
fn upsert_sql(rows: usize) -> String {
    let row = format!("({})", vec!["?"; UPSERT_COLUMNS].join(","));
    format!(
        "INSERT INTO customers (profile_id, provider, id, kind, first_name, last_name, \
             second_last_name, company_name, email, id_type, id_number, country, kyc_status, \
             kyc_level, kyc_url, created_at, updated_at, synced_at) VALUES {} \
         ON CONFLICT (profile_id, provider, id) DO UPDATE SET kind = excluded.kind, \
             first_name = excluded.first_name, last_name = excluded.last_name, \
             second_last_name = excluded.second_last_name, company_name = excluded.company_name, \
             email = excluded.email, id_type = excluded.id_type, id_number = excluded.id_number, \
             country = excluded.country, kyc_status = excluded.kyc_status, \
             kyc_level = excluded.kyc_level, kyc_url = excluded.kyc_url, \
             created_at = excluded.created_at, updated_at = excluded.updated_at, \
             synced_at = excluded.synced_at \
         WHERE (kind, first_name, last_name, second_last_name, company_name, email, id_type, \
                id_number, country, kyc_status, kyc_level, kyc_url, created_at, updated_at) \
           IS NOT (excluded.kind, excluded.first_name, excluded.last_name, \
                excluded.second_last_name, excluded.company_name, excluded.email, excluded.id_type, \
                excluded.id_number, excluded.country, excluded.kyc_status, excluded.kyc_level, \
                excluded.kyc_url, excluded.created_at, excluded.updated_at)",
        vec![row; rows].join(",")
    )
}

/// The cached KYC status and level of the chunk's customers (`?1` the profile, then provider
/// and id pairs).
fn previous_sql(rows: usize) -> String {
    format!(
        "SELECT provider, id, kyc_status, kyc_level FROM customers \
         WHERE profile_id = ?1 AND (provider, id) IN (VALUES {})",
        vec!["(?,?)"; rows].join(",")
    )
}

/// One history entry per changed customer (`?1` the profile, `?2` the observation time, `?3`
/// how it was observed, then provider, id, from, to and level per row).
fn history_sql(rows: usize) -> String {
    format!(
        "INSERT INTO kyc_history (customer_rowid, from_status, to_status, kyc_level, observed_at, \
             source) \
         SELECT c.rowid, v.column3, v.column4, v.column5, ?2, ?3 \
         FROM (VALUES {}) AS v \
         JOIN customers c ON c.profile_id = ?1 AND c.provider = v.column1 AND c.id = v.column2",
        vec!["(?,?,?,?,?)"; rows].join(",")
    )
}

/// Stamps the rows the upsert left alone; `synced_at` is in no index, so this is cheap.
fn stamp_sql(rows: usize) -> String {
    format!(
        "UPDATE customers SET synced_at = ?1 WHERE profile_id = ?2 AND synced_at IS NOT ?1 \
         AND (provider, id) IN (VALUES {})",
        vec!["(?,?)"; rows].join(",")
    )
}

type KycState = (KycStatus, Option<u8>);

/// UnDosTres' highest account level (documented range 1–3).
pub const UNDOSTRES_TOP_LEVEL: u8 = 3;

/// The cache's row of a customer, which its history, tags and journal hang from.
pub(crate) fn customer_rowid(
    conn: &Connection,
    profile_id: &str,
    provider: Provider,
    id: &str,
) -> Result<i64> {
    conn.query_row(
        "SELECT rowid FROM customers WHERE profile_id = ?1 AND provider = ?2 AND id = ?3",
        params![profile_id, provider, id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NotFound("customer"))
}

impl Writer<'_> {
    /// Inserts or replaces customers by (profile, provider, id), stamps them `synced_at`, and
    /// appends a history entry for each whose KYC status or level differs from what was cached
    /// (or that is new), observed at `synced_at` in a list sync. A few statements per thousand
    /// customers; the search entries of changed ones are replaced before commit. Returns how many
    /// customers were new or changed.
    pub fn upsert_customers(
        &mut self,
        profile_id: &str,
        customers: &[Customer],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        self.upsert_customers_seen(profile_id, customers, synced_at, KycSource::Sync)
    }

    /// [`Self::upsert_customers`] for changes observed some other way (a create's answer).
    pub fn upsert_customers_seen(
        &mut self,
        profile_id: &str,
        customers: &[Customer],
        synced_at: UnixSeconds,
        source: KycSource,
    ) -> Result<usize> {
        // Oldest first, so rowids follow creation time as they do for links.
        let mut ordered: Vec<&Customer> = customers.iter().collect();
        ordered.sort_by_key(|c| c.created_at);
        let mut written = 0;
        for chunk in ordered.chunks(UPSERT_CHUNK) {
            let keys = chunk.iter().flat_map(|c| {
                [
                    Value::Text(c.provider.as_str().into()),
                    Value::Text(c.id.clone()),
                ]
            });
            let profile = Value::Text(profile_id.to_owned());
            let before: HashMap<(Provider, String), KycState> = self
                .tx
                .prepare_cached(&previous_sql(chunk.len()))?
                .query_map(
                    rusqlite::params_from_iter(
                        std::iter::once(profile.clone()).chain(keys.clone()),
                    ),
                    |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))),
                )?
                .collect::<rusqlite::Result<_>>()?;

            let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * UPSERT_COLUMNS);
            for c in chunk {
                values.extend([
                    profile.clone(),
                    Value::Text(c.provider.as_str().into()),
                    Value::Text(c.id.clone()),
                    Value::Text(c.kind.as_str().into()),
                    Value::Text(c.first_name.clone()),
                    Value::Text(c.last_name.clone()),
                    Value::Text(c.second_last_name.clone()),
                    Value::Text(c.company_name.clone()),
                    Value::Text(c.email.clone()),
                    Value::Text(c.id_type.clone()),
                    Value::Text(c.id_number.clone()),
                    Value::Text(c.country.clone()),
                    Value::Text(c.kyc_status.as_str().into()),
                    c.kyc_level
                        .map_or(Value::Null, |l| Value::Integer(l.into())),
                    c.kyc_url.clone().map_or(Value::Null, Value::Text),
                    Value::Integer(c.created_at),
                    Value::Integer(c.updated_at),
                    Value::Integer(synced_at),
                ]);
            }
            let chunk_written = self
                .tx
                .prepare_cached(&upsert_sql(chunk.len()))?
                .execute(rusqlite::params_from_iter(values))?;
            written += chunk_written;
            if chunk_written < chunk.len() {
                let params = [Value::Integer(synced_at), profile.clone()];
                self.tx
                    .prepare_cached(&stamp_sql(chunk.len()))?
                    .execute(rusqlite::params_from_iter(params.into_iter().chain(keys)))?;
            }

            let changed: Vec<(&Customer, Option<KycStatus>)> = chunk
                .iter()
                .filter_map(|c| {
                    let was = before.get(&(c.provider, c.id.clone()));
                    (was != Some(&(c.kyc_status, c.kyc_level))).then(|| (*c, was.map(|w| w.0)))
                })
                .collect();
            if changed.is_empty() {
                continue;
            }
            let mut history = vec![
                profile,
                Value::Integer(synced_at),
                Value::Text(source.as_str().into()),
            ];
            for (c, from) in &changed {
                history.extend([
                    Value::Text(c.provider.as_str().into()),
                    Value::Text(c.id.clone()),
                    from.map_or(Value::Null, |s| Value::Text(s.as_str().into())),
                    Value::Text(c.kyc_status.as_str().into()),
                    c.kyc_level
                        .map_or(Value::Null, |l| Value::Integer(l.into())),
                ]);
            }
            self.tx
                .prepare_cached(&history_sql(changed.len()))?
                .execute(rusqlite::params_from_iter(history))?;
        }
        tracing::debug!(
            profile_id,
            count = customers.len(),
            written,
            "upserted customers"
        );
        Ok(written)
    }

    /// The cached customers of one provider, read inside this transaction: a sync merges what
    /// the provider lists with what only the cache knows, and skips rows observed after its
    /// fetch began.
    pub fn customers_of(&self, profile_id: &str, provider: Provider) -> Result<Vec<Customer>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM customers t WHERE t.profile_id = ?1 AND t.provider = ?2"
        ))?;
        let rows = stmt.query_map(params![profile_id, provider], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what a status check of one cached customer answered: the row is stamped
    /// `synced_at`; when the status or level differs from the cached one, both are updated
    /// (with `updated_at`) and one history entry is appended, which is returned.
    pub fn record_kyc_check(
        &mut self,
        profile_id: &str,
        provider: Provider,
        id: &str,
        status: KycStatus,
        level: Option<u8>,
        at: UnixSeconds,
    ) -> Result<Option<KycTransition>> {
        let (rowid, was): (i64, KycState) = self
            .tx
            .query_row(
                "SELECT rowid, kyc_status, kyc_level FROM customers \
                 WHERE profile_id = ?1 AND provider = ?2 AND id = ?3",
                params![profile_id, provider, id],
                |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))),
            )
            .optional()?
            .ok_or(StoreError::NotFound("customer"))?;
        if was == (status, level) {
            self.tx.execute(
                "UPDATE customers SET synced_at = ?2 WHERE rowid = ?1",
                params![rowid, at],
            )?;
            return Ok(None);
        }
        self.tx.execute(
            "UPDATE customers SET kyc_status = ?2, kyc_level = ?3, updated_at = ?4, \
             synced_at = ?4 WHERE rowid = ?1",
            params![rowid, status, level, at],
        )?;
        let transition = KycTransition {
            from_status: Some(was.0),
            to_status: status,
            kyc_level: level,
            observed_at: at,
            source: KycSource::Check,
        };
        self.tx.execute(
            "INSERT INTO kyc_history (customer_rowid, from_status, to_status, kyc_level, \
             observed_at, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                rowid,
                transition.from_status,
                status,
                level,
                at,
                transition.source
            ],
        )?;
        Ok(Some(transition))
    }

    /// Records that the agent was told these pending cases passed their target age; returns the
    /// ones not recorded before (each case is notified once, across restarts; migration 0013).
    pub fn mark_overdue_notified(
        &mut self,
        profile_id: &str,
        cases: &[Customer],
        at: UnixSeconds,
    ) -> Result<Vec<Customer>> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO kyc_overdue_notified (customer_rowid, notified_at) \
             SELECT rowid, ?4 FROM customers WHERE profile_id = ?1 AND provider = ?2 AND id = ?3",
        )?;
        let mut newly = Vec::new();
        for case in cases {
            if stmt.execute(params![profile_id, case.provider, case.id, at])? == 1 {
                newly.push(case.clone());
            }
        }
        Ok(newly)
    }

    /// Replaces the search entries of customers whose text changed in this transaction.
    pub(crate) fn reindex_changed_customers(&mut self) -> Result<()> {
        reindex_stale(&self.tx, &CUSTOMERS_INDEX)
    }
}

impl Store {
    pub fn search_customers(&self, query: &CustomerQuery) -> Result<Page<Customer>> {
        let mut list = ListQuery::new(&LISTING, &query.profile_id);
        list.text_or_id(&query.text);
        if let Some(provider) = query.provider {
            list.filter("t.provider = ?", [Value::Text(provider.as_str().into())]);
        }
        if let Some(status) = query.kyc_status {
            list.filter("t.kyc_status = ?", [Value::Text(status.as_str().into())]);
        }
        if !query.countries.is_empty() {
            let marks = vec!["?"; query.countries.len()].join(", ");
            list.filter(
                &format!("t.country IN ({marks})"),
                query.countries.iter().map(|c| Value::Text(c.clone())),
            );
        }
        match query.pending {
            Some(true) => list.filter(PENDING, []),
            Some(false) => list.filter(&format!("NOT ({PENDING})"), []),
            None => {}
        }
        if let Some(before) = query.pending_since_before {
            list.filter(
                &format!("{PENDING} AND t.created_at < ?"),
                [Value::Integer(before)],
            );
        }
        let order = match query.sort {
            CustomerSort::RecentlyUpdated => Order {
                expr: "t.updated_at",
                descending: true,
                follows_rowid: false,
            },
            CustomerSort::NameAscending => Order {
                expr: NAME_KEY,
                descending: false,
                follows_rowid: false,
            },
            CustomerSort::OldestPending => Order {
                expr: OLDEST_PENDING_KEY,
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

    /// The customers whose verification is not settled yet, least recently checked first:
    /// CryptoPocket's `unused` and `processing`; UnDosTres accounts still in progress, or active
    /// below the top level (their level is what grows as UnDosTres verifies more), while a
    /// suspended account or an active one at the top level is settled.
    pub fn unsettled_customers(&self, profile_id: &str) -> Result<Vec<Customer>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM customers t WHERE t.profile_id = ?1 AND ( \
                 (t.provider = 'cryptopocket' AND t.kyc_status IN ('unused', 'processing')) \
                 OR (t.provider = 'undostres' AND (t.kyc_status IN ('unused', 'processing') \
                     OR (t.kyc_status = 'valid' AND coalesce(t.kyc_level, 1) < ?2)))) \
             ORDER BY t.synced_at IS NOT NULL, t.synced_at, t.rowid"
        ))?;
        let rows = stmt.query_map(params![profile_id, UNDOSTRES_TOP_LEVEL], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn customer(&self, profile_id: &str, provider: Provider, id: &str) -> Result<Customer> {
        self.read_conn()
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM customers t \
                     WHERE t.profile_id = ?1 AND t.provider = ?2 AND t.id = ?3"
                ),
                params![profile_id, provider, id],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound("customer"))
    }

    /// Every observed KYC change of one customer, oldest first.
    pub fn kyc_history(
        &self,
        profile_id: &str,
        provider: Provider,
        id: &str,
    ) -> Result<Vec<KycTransition>> {
        let conn = self.read_conn();
        let rowid = customer_rowid(&conn, profile_id, provider, id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT from_status, to_status, kyc_level, observed_at, source FROM kyc_history \
             WHERE customer_rowid = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([rowid], |r| {
            Ok(KycTransition {
                from_status: r.get(0)?,
                to_status: r.get(1)?,
                kyc_level: r.get(2)?,
                observed_at: r.get(3)?,
                source: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
