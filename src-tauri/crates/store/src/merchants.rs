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
    /// `"F"` (persona física) or `"M"` (persona moral), once known.
    pub person_type: Option<String>,
    /// The 18-digit CLABE deposits go to, and its bank, once registered.
    pub clabe: Option<String>,
    pub bank: Option<String>,
    /// The non-secret registration form as JSON (never a password), once registered here.
    pub registration: Option<String>,
}

impl Writer<'_> {
    /// Inserts or updates merchants. What the input lacks (an empty name, e-mail or RFC; a `None`
    /// link slug, domain, person type, CLABE, bank or registration form) keeps what is stored: a
    /// provider answer that knows less must not erase what we know. A person type other than `F`/`M` or a registration that is not JSON is
    /// refused with `store.invalid`.
    pub fn upsert_merchants(
        &mut self,
        profile_id: &str,
        merchants: &[Merchant],
        synced_at: UnixSeconds,
    ) -> Result<usize> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO merchants (profile_id, id, name, email, rfc, main_link, domain, created_at, \
                 updated_at, synced_at, person_type, clabe, bank, registration) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
             ON CONFLICT (profile_id, id) DO UPDATE SET \
                 name = coalesce(nullif(excluded.name, ''), name), \
                 email = coalesce(nullif(excluded.email, ''), email), \
                 rfc = coalesce(nullif(excluded.rfc, ''), rfc), \
                 main_link = coalesce(excluded.main_link, main_link), \
                 domain = coalesce(excluded.domain, domain), \
                 created_at = min(created_at, excluded.created_at), updated_at = excluded.updated_at, \
                 synced_at = excluded.synced_at, \
                 person_type = coalesce(excluded.person_type, person_type), \
                 clabe = coalesce(excluded.clabe, clabe), bank = coalesce(excluded.bank, bank), \
                 registration = coalesce(excluded.registration, registration)",
        )?;
        for m in merchants {
            check_person_type(m.person_type.as_deref())?;
            if let Some(registration) = &m.registration
                && !self.is_json(registration)?
            {
                return Err(StoreError::Invalid("merchant registration is not JSON"));
            }
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
                synced_at,
                m.person_type,
                m.clabe,
                m.bank,
                m.registration
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

    /// Records the CLABE deposits go to (and its bank, when known) after Billpocket accepted it.
    /// Replaces both: a new CLABE may be at another bank.
    pub fn set_merchant_clabe(
        &mut self,
        profile_id: &str,
        merchant_id: &str,
        clabe: &str,
        bank: Option<&str>,
        now: UnixSeconds,
    ) -> Result<()> {
        match self.tx.execute(
            "UPDATE merchants SET clabe = ?3, bank = ?4, updated_at = ?5 \
             WHERE profile_id = ?1 AND id = ?2",
            params![profile_id, merchant_id, clabe, bank, now],
        )? {
            0 => Err(StoreError::NotFound("merchant")),
            _ => Ok(()),
        }
    }
}

fn check_person_type(person_type: Option<&str>) -> Result<()> {
    match person_type {
        None | Some("F" | "M") => Ok(()),
        Some(_) => Err(StoreError::Invalid("merchant person type must be F or M")),
    }
}

const COLUMNS: &str = "id, name, email, rfc, main_link, domain, created_at, updated_at, synced_at, \
     person_type, clabe, bank, registration";

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
        person_type: r.get(9)?,
        clabe: r.get(10)?,
        bank: r.get(11)?,
        registration: r.get(12)?,
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

    /// How many cached links each merchant of the profile has (merchants without links count 0),
    /// by merchant id. Kept by triggers in `merchant_link_counts` (migration 0016), so the
    /// answer costs one row per merchant, during a sync and after it alike.
    pub fn merchant_link_counts(&self, profile_id: &str) -> Result<Vec<(String, u32)>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(
            "SELECT merchant_id, links FROM merchant_link_counts WHERE profile_id = ?1 \
             ORDER BY merchant_id",
        )?;
        let rows = stmt.query_map([profile_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
