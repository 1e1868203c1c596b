//! Billpocket merchant users (the owners of links and of the per-merchant user token).

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Merchant {
    /// Billpocket `userId`.
    pub id: String,
    pub name: String,
    pub email: String,
    pub rfc: String,
    /// The merchant's link slug (`main_link`) and hosted-link domain, once configured.
    pub main_link: Option<String>,
    pub domain: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
    #[specta(type = Option<specta_typescript::Number>)]
    pub synced_at: Option<UnixSeconds>,
}

impl Writer<'_> {
    pub fn upsert_merchants(
        &mut self,
        profile_id: &str,
        merchants: &[Merchant],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO merchants (profile_id, id, name, email, rfc, main_link, domain, created_at, \
                 updated_at, synced_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
             ON CONFLICT (profile_id, id) DO UPDATE SET name = excluded.name, email = excluded.email, \
                 rfc = excluded.rfc, main_link = excluded.main_link, domain = excluded.domain, \
                 created_at = min(created_at, excluded.created_at), updated_at = excluded.updated_at, \
                 synced_at = excluded.synced_at",
        )?;
        for m in merchants {
            stmt.execute(params![
                profile_id,
                m.id,
                m.name,
                m.email,
                m.rfc,
                m.main_link,
                m.domain,
                m.created_at,
                m.updated_at,
                synced_at
            ])?;
        }
        Ok(merchants.len())
    }

    /// Records the merchant's link slug and hosted-link domain after configuring them.
    pub fn set_main_link(
        &mut self,
        profile_id: &str,
        merchant_id: &str,
        main_link: &str,
        domain: &str,
        now: UnixSeconds,
    ) -> Result<()> {
        match self.tx.execute(
            "UPDATE merchants SET main_link = ?3, domain = ?4, updated_at = ?5, synced_at = ?5 \
             WHERE profile_id = ?1 AND id = ?2",
            params![profile_id, merchant_id, main_link, domain, now],
        )? {
            0 => Err(StoreError::NotFound("merchant")),
            _ => Ok(()),
        }
    }
}

const COLUMNS: &str = "id, name, email, rfc, main_link, domain, created_at, updated_at, synced_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Merchant> {
    Ok(Merchant {
        id: r.get(0)?,
        name: r.get(1)?,
        email: r.get(2)?,
        rfc: r.get(3)?,
        main_link: r.get(4)?,
        domain: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
        synced_at: r.get(8)?,
    })
}

impl Store {
    pub fn merchants(&self, profile_id: &str) -> Result<Vec<Merchant>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM merchants WHERE profile_id = ?1 ORDER BY name, id"
        ))?;
        let rows = stmt.query_map([profile_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn merchant(&self, profile_id: &str, id: &str) -> Result<Merchant> {
        let conn = self.read_conn();
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM merchants WHERE profile_id = ?1 AND id = ?2"),
            params![profile_id, id],
            from_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound("merchant"))
    }
}
