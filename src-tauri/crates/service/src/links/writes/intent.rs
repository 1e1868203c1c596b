//! A link write as the UI sends it and as the outbox keeps it, and as the screen lists it.

use mostrador_codes::ErrorCode;
use mostrador_store::{OutboxEntry, OutboxState, UnixSeconds};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::WriteError;
use crate::links::form::ValidLink;
use crate::outbox::OutboxError;

/// One change to a merchant's links. The UI sends it with a form (`LinkWrite<LinkForm>`); once
/// the form is checked it is an intent (`LinkIntent`), which the outbox keeps as JSON, no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LinkWrite<L> {
    Create {
        merchant_id: String,
        link: L,
    },
    Update {
        merchant_id: String,
        link_id: String,
        link: L,
    },
    SetActive {
        merchant_id: String,
        link_id: String,
        active: bool,
    },
    Delete {
        merchant_id: String,
        link_id: String,
    },
    ConfigureMainLink {
        merchant_id: String,
        main_link: String,
    },
}

/// A checked link write, as the outbox keeps it.
pub type LinkIntent = LinkWrite<ValidLink>;

impl<L> LinkWrite<L> {
    /// The outbox kinds of link writes; the outbox also holds other writes (registrations).
    pub(super) const KINDS: [&'static str; 5] = [
        "billpocket.create_link",
        "billpocket.update_link",
        "billpocket.set_link_active",
        "billpocket.delete_link",
        "billpocket.configure_links",
    ];

    pub(super) fn kind(&self) -> &'static str {
        let index = match self {
            Self::Create { .. } => 0,
            Self::Update { .. } => 1,
            Self::SetActive { .. } => 2,
            Self::Delete { .. } => 3,
            Self::ConfigureMainLink { .. } => 4,
        };
        Self::KINDS[index]
    }

    pub fn merchant_id(&self) -> &str {
        match self {
            Self::Create { merchant_id, .. }
            | Self::Update { merchant_id, .. }
            | Self::SetActive { merchant_id, .. }
            | Self::Delete { merchant_id, .. }
            | Self::ConfigureMainLink { merchant_id, .. } => merchant_id,
        }
    }

    /// The same write with its link checked by `check_link` (told the merchant and, for an
    /// update, the link being edited) and its main link by `check_main_link`.
    pub fn checked<M, E>(
        self,
        check_link: impl FnOnce(&str, Option<&str>, L) -> Result<M, E>,
        check_main_link: impl FnOnce(String) -> Result<String, E>,
    ) -> Result<LinkWrite<M>, E> {
        Ok(match self {
            Self::Create { merchant_id, link } => {
                let link = check_link(&merchant_id, None, link)?;
                LinkWrite::Create { merchant_id, link }
            }
            Self::Update {
                merchant_id,
                link_id,
                link,
            } => {
                let link = check_link(&merchant_id, Some(&link_id), link)?;
                LinkWrite::Update {
                    merchant_id,
                    link_id,
                    link,
                }
            }
            Self::SetActive {
                merchant_id,
                link_id,
                active,
            } => LinkWrite::SetActive {
                merchant_id,
                link_id,
                active,
            },
            Self::Delete {
                merchant_id,
                link_id,
            } => LinkWrite::Delete {
                merchant_id,
                link_id,
            },
            Self::ConfigureMainLink {
                merchant_id,
                main_link,
            } => LinkWrite::ConfigureMainLink {
                merchant_id,
                main_link: check_main_link(main_link)?,
            },
        })
    }
}

/// An outbox entry as the links screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PendingWrite {
    #[specta(type = specta_typescript::Number)]
    pub seq: i64,
    pub state: OutboxState,
    pub intent: LinkIntent,
    pub attempts: u32,
    pub last_error_code: Option<ErrorCode>,
    /// When Billpocket answered without the change (`notApplied`): the form fields whose
    /// answered value differs from what was asked (`status`, `amount`, …).
    pub differences: Vec<String>,
    /// The link the write created or changed, once known.
    pub link_id: Option<String>,
    /// What the user calls that link: its description, else its slug (`None` for the main
    /// link). Lists name a write by it rather than by Billpocket's opaque id.
    pub subject: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

/// A link as the user knows it: its description, or its slug when it has none.
pub(super) fn name_of(description: &str, slug: &str) -> String {
    if description.trim().is_empty() {
        slug.to_owned()
    } else {
        description.to_owned()
    }
}

pub(super) fn pending_write(entry: &OutboxEntry) -> Result<PendingWrite, WriteError> {
    let intent: LinkIntent =
        serde_json::from_str(&entry.intent).map_err(|e| OutboxError::Intent(e.to_string()))?;
    let subject = match &intent {
        LinkIntent::Create { link, .. } | LinkIntent::Update { link, .. } => {
            Some(name_of(&link.description, &link.slug))
        }
        _ => None,
    };
    let changed = match &intent {
        LinkIntent::Update { link_id, .. }
        | LinkIntent::SetActive { link_id, .. }
        | LinkIntent::Delete { link_id, .. } => Some(link_id.clone()),
        _ => None,
    };
    Ok(PendingWrite {
        seq: entry.seq,
        state: entry.state,
        intent,
        subject,
        attempts: entry.attempts,
        last_error_code: entry.last_error_code,
        differences: entry.differences.clone(),
        link_id: entry.result_ref.clone().or(changed),
        created_at: entry.created_at,
        updated_at: entry.updated_at,
    })
}
