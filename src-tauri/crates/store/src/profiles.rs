//! Profiles: a name, an environment and per-provider base URLs. Credentials are referenced
//! by keyring account name only (see the vault crate); no secret is ever stored here.

use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::text_enum::text_enum;
use crate::{Store, UnixSeconds, Writer};

text_enum! {
    pub enum Environment {
        Sandbox = "sandbox",
        Test = "test",
        Production = "production",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub environment: Environment,
    pub billpocket_base_url: Option<String>,
    pub cryptopocket_base_url: Option<String>,
    pub undostres_base_url: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

const COLUMNS: &str = "id, name, environment, billpocket_base_url, cryptopocket_base_url, \
                       undostres_base_url, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        id: row.get(0)?,
        name: row.get(1)?,
        environment: row.get(2)?,
        billpocket_base_url: row.get(3)?,
        cryptopocket_base_url: row.get(4)?,
        undostres_base_url: row.get(5)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

impl Writer<'_> {
    /// Creates the profile or updates it by id; a duplicate name is a `store.conflict`.
    pub fn upsert_profile(&mut self, profile: &Profile) -> Result<()> {
        self.tx.execute(
            "INSERT INTO profiles (id, name, environment, billpocket_base_url, cryptopocket_base_url, \
                 undostres_base_url, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, environment = excluded.environment, \
                 billpocket_base_url = excluded.billpocket_base_url, \
                 cryptopocket_base_url = excluded.cryptopocket_base_url, \
                 undostres_base_url = excluded.undostres_base_url, updated_at = excluded.updated_at",
            params![
                profile.id,
                profile.name,
                profile.environment,
                profile.billpocket_base_url,
                profile.cryptopocket_base_url,
                profile.undostres_base_url,
                profile.created_at,
                profile.updated_at,
            ],
        )?;
        Ok(())
    }

    /// Deletes the profile and, by cascade, everything cached for it. The caller deletes the
    /// keyring entries through the vault.
    pub fn delete_profile(&mut self, id: &str) -> Result<()> {
        match self
            .tx
            .execute("DELETE FROM profiles WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound("profile")),
            _ => Ok(()),
        }
    }

    /// Records that the keyring holds an entry named `account` for this profile.
    pub fn put_credential_ref(
        &mut self,
        profile_id: &str,
        account: &str,
        set_at: UnixSeconds,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO credential_refs (profile_id, account, set_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (profile_id, account) DO UPDATE SET set_at = excluded.set_at",
            params![profile_id, account, set_at],
        )?;
        Ok(())
    }

    pub fn delete_credential_ref(&mut self, profile_id: &str, account: &str) -> Result<()> {
        self.tx.execute(
            "DELETE FROM credential_refs WHERE profile_id = ?1 AND account = ?2",
            params![profile_id, account],
        )?;
        Ok(())
    }
}

impl Store {
    pub fn profiles(&self) -> Result<Vec<Profile>> {
        let conn = self.read_conn();
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {COLUMNS} FROM profiles ORDER BY name"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn profile(&self, id: &str) -> Result<Profile> {
        let conn = self.read_conn();
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM profiles WHERE id = ?1"),
            [id],
            from_row,
        )
        .map_err(|err| match err {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound("profile"),
            other => other.into(),
        })
    }

    /// Keyring account names recorded for the profile.
    pub fn credential_refs(&self, profile_id: &str) -> Result<Vec<String>> {
        let conn = self.read_conn();
        let mut stmt = conn.prepare_cached(
            "SELECT account FROM credential_refs WHERE profile_id = ?1 ORDER BY account",
        )?;
        let rows = stmt.query_map([profile_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
