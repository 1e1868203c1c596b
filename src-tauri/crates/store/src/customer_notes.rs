//! What the agent adds to a cached customer (migration 0012): its local tags, and a journal of
//! notes, tag changes and reminders sent, and (migration 0014) of what the app sent on the
//! customer's behalf: documents uploaded and verification links issued. The providers never see
//! the journal; the customer's timeline shows it beside the observed KYC changes.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::customers::{Provider, customer_rowid};
use crate::error::Result;
use crate::text_enum::text_enum;
use crate::{Store, UnixSeconds, Writer};

text_enum! {
    /// What a journal entry records.
    pub enum JournalKind {
        Note = "note",
        TagAdded = "tag_added",
        TagRemoved = "tag_removed",
        /// The verification link was sent again; the text names the channel.
        Reminder = "reminder",
        /// A document was uploaded to the provider; the text is its type.
        DocumentUploaded = "document_uploaded",
        /// A new person's KYC form link; the text is the link.
        KycLinkIssued = "kyc_link_issued",
        /// A new company's KYB link (never its password); the text is the link.
        KybLinkIssued = "kyb_link_issued",
        /// An enhanced verification link; the text is the link.
        EnhancedLinkIssued = "enhanced_link_issued",
    }
}

/// One entry of a customer's journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub kind: JournalKind,
    /// The note, the tag, the reminder's channel, the document's type or the link.
    pub text: String,
    #[specta(type = specta_typescript::Number)]
    pub at: UnixSeconds,
}

fn append(conn: &Connection, rowid: i64, entry: &JournalEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO customer_journal (customer_rowid, kind, text, at) VALUES (?1, ?2, ?3, ?4)",
        params![rowid, entry.kind, entry.text, entry.at],
    )?;
    Ok(())
}

impl Writer<'_> {
    /// Appends one entry (a note, a reminder) to a customer's journal.
    pub fn add_journal_entry(
        &mut self,
        profile_id: &str,
        provider: Provider,
        id: &str,
        entry: &JournalEntry,
    ) -> Result<()> {
        let rowid = customer_rowid(&self.tx, profile_id, provider, id)?;
        append(&self.tx, rowid, entry)
    }

    /// Puts a tag on a customer (`on`) or takes it off, and journals the change; `false`
    /// (nothing written) when the tag already was, or was not, there.
    pub fn set_customer_tag(
        &mut self,
        profile_id: &str,
        provider: Provider,
        id: &str,
        tag: &str,
        on: bool,
        at: UnixSeconds,
    ) -> Result<bool> {
        let rowid = customer_rowid(&self.tx, profile_id, provider, id)?;
        let written = if on {
            self.tx.execute(
                "INSERT INTO customer_tags (customer_rowid, tag, added_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![rowid, tag, at],
            )?
        } else {
            self.tx.execute(
                "DELETE FROM customer_tags WHERE customer_rowid = ?1 AND tag = ?2",
                params![rowid, tag],
            )?
        };
        let changed = written == 1;
        let kind = if on {
            JournalKind::TagAdded
        } else {
            JournalKind::TagRemoved
        };
        if changed {
            let entry = JournalEntry {
                kind,
                text: tag.into(),
                at,
            };
            append(&self.tx, rowid, &entry)?;
        }
        Ok(changed)
    }
}

impl Store {
    /// A customer's tags, in the order they were put on.
    pub fn customer_tags(
        &self,
        profile_id: &str,
        provider: Provider,
        id: &str,
    ) -> Result<Vec<String>> {
        let conn = self.read_conn();
        let rowid = customer_rowid(&conn, profile_id, provider, id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT tag FROM customer_tags WHERE customer_rowid = ?1 ORDER BY added_at, tag",
        )?;
        let rows = stmt.query_map([rowid], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A customer's journal, oldest first.
    pub fn customer_journal(
        &self,
        profile_id: &str,
        provider: Provider,
        id: &str,
    ) -> Result<Vec<JournalEntry>> {
        let conn = self.read_conn();
        let rowid = customer_rowid(&conn, profile_id, provider, id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT kind, text, at FROM customer_journal WHERE customer_rowid = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([rowid], |r| {
            Ok(JournalEntry {
                kind: r.get(0)?,
                text: r.get(1)?,
                at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
