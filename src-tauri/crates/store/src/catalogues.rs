//! Provider catalogues (states, municipalities, activities, company types) kept as fetched.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::{Store, UnixSeconds, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    pub provider: String,
    /// e.g. "estados", "municipios/09".
    pub name: String,
    /// The provider's JSON body.
    pub body: String,
    #[specta(type = specta_typescript::Number)]
    pub fetched_at: UnixSeconds,
}

impl Writer<'_> {
    /// `provider` is free text: Billpocket has catalogues but no customers.
    pub fn put_catalogue(&mut self, profile_id: &str, catalogue: &Catalogue) -> Result<()> {
        self.tx.execute(
            "INSERT INTO catalogues (profile_id, provider, name, body, fetched_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (profile_id, provider, name) DO UPDATE SET body = excluded.body, \
                 fetched_at = excluded.fetched_at",
            params![profile_id, catalogue.provider, catalogue.name, catalogue.body, catalogue.fetched_at],
        )?;
        Ok(())
    }
}

impl Store {
    pub fn catalogue(
        &self,
        profile_id: &str,
        provider: &str,
        name: &str,
    ) -> Result<Option<Catalogue>> {
        let conn = self.read_conn();
        Ok(conn
            .query_row(
                "SELECT provider, name, body, fetched_at FROM catalogues \
                 WHERE profile_id = ?1 AND provider = ?2 AND name = ?3",
                params![profile_id, provider, name],
                |r| {
                    Ok(Catalogue {
                        provider: r.get(0)?,
                        name: r.get(1)?,
                        body: r.get(2)?,
                        fetched_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }
}
