//! A customer's page as the agent keeps it: the cached row, its local tags, and the timeline —
//! when it was created, every KYC status or level change the app observed (`kyc_history`), and
//! the journal: the agent's notes, tag changes and reminders, and the links issued and documents
//! uploaded through the write engine, each with its time. Tags
//! and notes live only in the local database; the providers never see them.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_store::{
    Customer, JournalEntry, JournalKind, KycSource, KycStatus, Provider, Store, StoreError,
    UnixSeconds,
};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The longest note kept, in characters.
pub const NOTE_MAX_CHARS: usize = 2_000;
/// The longest tag, in characters (the schema checks it too).
pub const TAG_MAX_CHARS: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the note is empty")]
    NoteEmpty,
    #[error("the note is longer than {NOTE_MAX_CHARS} characters")]
    NoteTooLong,
    #[error("a tag has 1 to {TAG_MAX_CHARS} characters and no line breaks")]
    TagInvalid,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for RecordError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoteEmpty => ErrorCode::CustomerNoteEmpty,
            Self::NoteTooLong => ErrorCode::CustomerNoteTooLong,
            Self::TagInvalid => ErrorCode::CustomerTagInvalid,
            Self::Store(error) => error.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::NoteEmpty | Self::NoteTooLong => Some("note"),
            Self::TagInvalid => Some("tag"),
            Self::Store(_) => None,
        }
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NoteTooLong => vec![("max", NOTE_MAX_CHARS.to_string())],
            Self::TagInvalid => vec![("max", TAG_MAX_CHARS.to_string())],
            _ => Vec::new(),
        }
    }
}

/// How a reminder with the verification link was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ReminderChannel {
    Whatsapp,
    Email,
    /// The link copied, to be pasted anywhere.
    Copy,
}

impl ReminderChannel {
    fn as_str(self) -> &'static str {
        match self {
            Self::Whatsapp => "whatsapp",
            Self::Email => "email",
            Self::Copy => "copy",
        }
    }
}

/// One moment of a customer's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TimelineEntry {
    /// The provider's creation time of the customer.
    Created {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
    },
    /// A status or level the app saw differ from the cached one (`from` absent at first sight).
    Status {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        from: Option<KycStatus>,
        to: KycStatus,
        level: Option<u8>,
        source: KycSource,
    },
    Note {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        text: String,
    },
    TagAdded {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        tag: String,
    },
    TagRemoved {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        tag: String,
    },
    Reminder {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        channel: String,
    },
    /// A document uploaded to the provider, by its documented type (`bank_statement`).
    DocumentUploaded {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        document_type: String,
    },
    /// A verification link the provider issued for the customer.
    LinkIssued {
        #[specta(type = specta_typescript::Number)]
        at: UnixSeconds,
        link: IssuedLink,
        url: String,
    },
}

/// Which verification link was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum IssuedLink {
    /// A new person's KYC form.
    Kyc,
    /// A new company's KYB form.
    Kyb,
    /// The enhanced verification (regulatory declaration) form.
    Enhanced,
}

impl TimelineEntry {
    fn at(&self) -> UnixSeconds {
        match self {
            Self::Created { at }
            | Self::Status { at, .. }
            | Self::Note { at, .. }
            | Self::TagAdded { at, .. }
            | Self::TagRemoved { at, .. }
            | Self::Reminder { at, .. }
            | Self::DocumentUploaded { at, .. }
            | Self::LinkIssued { at, .. } => *at,
        }
    }
}

impl From<JournalEntry> for TimelineEntry {
    fn from(entry: JournalEntry) -> Self {
        let at = entry.at;
        match entry.kind {
            JournalKind::Note => Self::Note {
                at,
                text: entry.text,
            },
            JournalKind::TagAdded => Self::TagAdded {
                at,
                tag: entry.text,
            },
            JournalKind::TagRemoved => Self::TagRemoved {
                at,
                tag: entry.text,
            },
            JournalKind::Reminder => Self::Reminder {
                at,
                channel: entry.text,
            },
            JournalKind::DocumentUploaded => Self::DocumentUploaded {
                at,
                document_type: entry.text,
            },
            JournalKind::KycLinkIssued => issued(at, IssuedLink::Kyc, entry.text),
            JournalKind::KybLinkIssued => issued(at, IssuedLink::Kyb, entry.text),
            JournalKind::EnhancedLinkIssued => issued(at, IssuedLink::Enhanced, entry.text),
        }
    }
}

fn issued(at: UnixSeconds, link: IssuedLink, url: String) -> TimelineEntry {
    TimelineEntry::LinkIssued { at, link, url }
}

/// Everything the customer's page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRecord {
    pub customer: Customer,
    pub tags: Vec<String>,
    /// Oldest first; at the same second, in the order the entries were recorded.
    pub timeline: Vec<TimelineEntry>,
}

/// A customer's page from the cache (works offline).
pub fn read(
    store: &Store,
    profile_id: &str,
    provider: Provider,
    id: &str,
) -> Result<CustomerRecord, StoreError> {
    let customer = store.customer(profile_id, provider, id)?;
    let tags = store.customer_tags(profile_id, provider, id)?;
    let mut timeline = vec![TimelineEntry::Created {
        at: customer.created_at,
    }];
    timeline.extend(
        store
            .kyc_history(profile_id, provider, id)?
            .into_iter()
            .map(|t| TimelineEntry::Status {
                at: t.observed_at,
                from: t.from_status,
                to: t.to_status,
                level: t.kyc_level,
                source: t.source,
            }),
    );
    timeline.extend(
        store
            .customer_journal(profile_id, provider, id)?
            .into_iter()
            .map(TimelineEntry::from),
    );
    // A stable sort keeps each source's own order within a second.
    timeline.sort_by_key(TimelineEntry::at);
    Ok(CustomerRecord {
        customer,
        tags,
        timeline,
    })
}

/// A change the agent makes to a customer's page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum RecordChange {
    AddNote {
        text: String,
    },
    AddTag {
        tag: String,
    },
    RemoveTag {
        tag: String,
    },
    /// The verification link was sent again through `channel`.
    Reminder {
        channel: ReminderChannel,
    },
}

/// Applies one change (checked first: a note has text, a tag fits) and reads the page again.
pub fn change(
    store: &Store,
    profile_id: &str,
    provider: Provider,
    id: &str,
    change: RecordChange,
    now: UnixSeconds,
) -> Result<CustomerRecord, RecordError> {
    let journal = |kind, text: String| JournalEntry {
        kind,
        text,
        at: now,
    };
    // Checked before the transaction: a refused note or tag writes nothing.
    let change = match change {
        RecordChange::AddNote { text } => RecordChange::AddNote { text: note(&text)? },
        RecordChange::AddTag { tag: typed } => RecordChange::AddTag { tag: tag(&typed)? },
        other => other,
    };
    store.write(|w| match change {
        RecordChange::AddNote { text } => {
            w.add_journal_entry(profile_id, provider, id, &journal(JournalKind::Note, text))
        }
        RecordChange::AddTag { tag } => w
            .set_customer_tag(profile_id, provider, id, &tag, true, now)
            .map(drop),
        RecordChange::RemoveTag { tag } => w
            .set_customer_tag(profile_id, provider, id, &tag, false, now)
            .map(drop),
        RecordChange::Reminder { channel } => {
            let entry = journal(JournalKind::Reminder, channel.as_str().into());
            w.add_journal_entry(profile_id, provider, id, &entry)
        }
    })?;
    Ok(read(store, profile_id, provider, id)?)
}

/// A note as kept: trimmed, not empty, at most [`NOTE_MAX_CHARS`].
fn note(typed: &str) -> Result<String, RecordError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(RecordError::NoteEmpty);
    }
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err(RecordError::NoteTooLong);
    }
    Ok(text.to_owned())
}

/// A tag as kept: trimmed, inner runs of spaces made one, 1 to [`TAG_MAX_CHARS`], one line.
fn tag(typed: &str) -> Result<String, RecordError> {
    if typed.chars().any(char::is_control) {
        return Err(RecordError::TagInvalid);
    }
    let tag = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = tag.chars().count();
    if length == 0 || length > TAG_MAX_CHARS {
        return Err(RecordError::TagInvalid);
    }
    Ok(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_tags_are_trimmed_and_bounded() {
        assert_eq!(note("  llamar el lunes \n").unwrap(), "llamar el lunes");
        assert!(matches!(note(" \n "), Err(RecordError::NoteEmpty)));
        assert!(matches!(
            note(&"a".repeat(NOTE_MAX_CHARS + 1)),
            Err(RecordError::NoteTooLong)
        ));
        assert_eq!(tag("  cliente   VIP ").unwrap(), "cliente VIP");
        assert!(matches!(tag("   "), Err(RecordError::TagInvalid)));
        assert!(matches!(tag("a\nb"), Err(RecordError::TagInvalid)));
        assert!(matches!(
            tag(&"ñ".repeat(TAG_MAX_CHARS + 1)),
            Err(RecordError::TagInvalid)
        ));
        assert_eq!(tag(&"ñ".repeat(TAG_MAX_CHARS)).unwrap().chars().count(), 40);
    }
}
