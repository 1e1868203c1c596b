//! Payment links: the list as the screen shows it, the form, and writes through the outbox.

pub mod csv;
pub mod export;
pub mod form;
pub mod qr;
pub mod share;
pub mod writes;

use mostrador_store::{Cursor, Link, LinkQuery, LinkStatus, Store, StoreError, UnixSeconds};
use serde::Serialize;
use specta::Type;

/// What the status column shows: the stored status, except that a link past its expiry is
/// expired whatever Billpocket's flag says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum LinkState {
    Active,
    Inactive,
    Expired,
}

impl LinkState {
    pub fn of(link: &Link, now: UnixSeconds) -> Self {
        match (link.expired_at, link.status) {
            (Some(at), _) if at <= now => Self::Expired,
            (_, LinkStatus::Active) => Self::Active,
            (_, LinkStatus::Inactive) => Self::Inactive,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkRow {
    pub link: Link,
    pub state: LinkState,
}

/// One page of the list. Concrete rather than the store's generic `Page<T>`: the TypeScript
/// exporter loses generic arguments of command results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkPage {
    pub items: Vec<LinkRow>,
    /// `None` on the last page.
    pub next: Option<Cursor>,
}

/// One page of the links list, each row with its state as of `now`.
pub fn search(store: &Store, query: &LinkQuery, now: UnixSeconds) -> Result<LinkPage, StoreError> {
    let page = store.search_links(query, now)?;
    Ok(LinkPage {
        items: page
            .items
            .into_iter()
            .map(|link| LinkRow {
                state: LinkState::of(&link, now),
                link,
            })
            .collect(),
        next: page.next,
    })
}
