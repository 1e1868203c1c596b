//! CryptoPocket persons and companies and UnDosTres accounts, with the history of every KYC
//! change the app observed.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::search::{Cursor, ListQuery, Listing, Order, Page};
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
    /// Set by the store on upsert.
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
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum CustomerSort {
    #[default]
    RecentlyUpdated,
    NameAscending,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    pub profile_id: String,
    /// Words matched as prefixes against names, email and id number, accents ignored.
    pub text: String,
    pub provider: Option<Provider>,
    pub kyc_status: Option<KycStatus>,
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

const COLUMNS: &str = "t.provider, t.id, t.kind, t.first_name, t.last_name, t.second_last_name, \
                       t.company_name, t.email, t.id_type, t.id_number, t.country, t.kyc_status, \
                       t.kyc_level, t.kyc_url, t.created_at, t.updated_at, t.synced_at";

/// Name order key: companies by company name, persons by surname then first name.
const NAME_KEY: &str = "lower(CASE t.kind WHEN 'company' THEN t.company_name \
                        ELSE t.last_name || ' ' || t.second_last_name || ' ' || t.first_name END)";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
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

impl Writer<'_> {
    /// Inserts or replaces customers and appends a history entry for each whose KYC status
    /// or level differs from what was cached (or that is new), observed at `synced_at`.
    pub fn upsert_customers(
        &mut self,
        profile_id: &str,
        customers: &[Customer],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        let mut previous = self.tx.prepare_cached(
            "SELECT kyc_status, kyc_level FROM customers WHERE profile_id = ?1 AND provider = ?2 AND id = ?3",
        )?;
        let mut upsert = self.tx.prepare_cached(
            "INSERT INTO customers (profile_id, provider, id, kind, first_name, last_name, \
                 second_last_name, company_name, email, id_type, id_number, country, kyc_status, \
                 kyc_level, kyc_url, created_at, updated_at, synced_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) \
             ON CONFLICT (profile_id, provider, id) DO UPDATE SET kind = excluded.kind, \
                 first_name = excluded.first_name, last_name = excluded.last_name, \
                 second_last_name = excluded.second_last_name, company_name = excluded.company_name, \
                 email = excluded.email, id_type = excluded.id_type, id_number = excluded.id_number, \
                 country = excluded.country, kyc_status = excluded.kyc_status, \
                 kyc_level = excluded.kyc_level, kyc_url = excluded.kyc_url, \
                 created_at = excluded.created_at, updated_at = excluded.updated_at, \
                 synced_at = excluded.synced_at \
             RETURNING rowid",
        )?;
        let mut history = self.tx.prepare_cached(
            "INSERT INTO kyc_history (customer_rowid, from_status, to_status, kyc_level, observed_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for c in customers {
            let before: Option<(KycStatus, Option<u8>)> = previous
                .query_row(params![profile_id, c.provider, c.id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let rowid: i64 = upsert.query_row(
                params![
                    profile_id,
                    c.provider,
                    c.id,
                    c.kind,
                    c.first_name,
                    c.last_name,
                    c.second_last_name,
                    c.company_name,
                    c.email,
                    c.id_type,
                    c.id_number,
                    c.country,
                    c.kyc_status,
                    c.kyc_level,
                    c.kyc_url,
                    c.created_at,
                    c.updated_at,
                    synced_at,
                ],
                |r| r.get(0),
            )?;
            if before != Some((c.kyc_status, c.kyc_level)) {
                let from = before.map(|(status, _)| status);
                history.execute(params![rowid, from, c.kyc_status, c.kyc_level, synced_at])?;
            }
        }
        tracing::debug!(profile_id, count = customers.len(), "upserted customers");
        Ok(customers.len())
    }
}

impl Store {
    pub fn search_customers(&self, query: &CustomerQuery) -> Result<Page<Customer>> {
        let mut list = ListQuery::new(&LISTING, &query.profile_id);
        list.text(&query.text);
        if let Some(provider) = query.provider {
            list.filter("t.provider = ?", [Value::Text(provider.as_str().into())]);
        }
        if let Some(status) = query.kyc_status {
            list.filter("t.kyc_status = ?", [Value::Text(status.as_str().into())]);
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
        };
        list.page(
            &self.read_conn(),
            &order,
            query.cursor.as_ref(),
            query.limit,
            from_row,
        )
    }

    /// Every observed KYC change of one customer, oldest first.
    pub fn kyc_history(
        &self,
        profile_id: &str,
        provider: Provider,
        id: &str,
    ) -> Result<Vec<KycTransition>> {
        let conn = self.read_conn();
        let rowid: i64 = conn
            .query_row(
                "SELECT rowid FROM customers WHERE profile_id = ?1 AND provider = ?2 AND id = ?3",
                params![profile_id, provider, id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound("customer"))?;
        let mut stmt = conn.prepare_cached(
            "SELECT from_status, to_status, kyc_level, observed_at FROM kyc_history \
             WHERE customer_rowid = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([rowid], |r| {
            Ok(KycTransition {
                from_status: r.get(0)?,
                to_status: r.get(1)?,
                kyc_level: r.get(2)?,
                observed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
