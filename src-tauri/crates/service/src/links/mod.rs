//! Payment links: the list as the screen shows it, the form, and writes through the outbox.

pub mod csv;
pub mod export;
pub mod form;
pub mod qr;
mod queued;
pub mod share;
pub mod writes;

use std::collections::HashMap;

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

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkRow {
    pub link: Link,
    pub state: LinkState,
    /// The write to this link Billpocket has not confirmed yet (for a queued create, the write
    /// the row stands for); the row shows its state instead of the link's.
    pub write: Option<writes::PendingWrite>,
}

/// One page of the list. Concrete rather than the store's generic `Page<T>`: the TypeScript
/// exporter loses generic arguments of command results.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkPage {
    pub items: Vec<LinkRow>,
    /// `None` on the last page.
    pub next: Option<Cursor>,
    /// `None` on the first page.
    pub previous: Option<Cursor>,
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
                write: None,
            })
            .collect(),
        next: page.next,
        previous: page.previous,
    })
}

/// One page of the list as the screen shows it: the cached links, each with its open write,
/// and on the list's first page the creates still queued in the outbox that match the query, first.
pub fn list(
    store: &Store,
    query: &LinkQuery,
    now: UnixSeconds,
) -> Result<LinkPage, writes::WriteError> {
    let mut page = search(store, query, now)?;
    let open = writes::open_link_writes(store, &query.profile_id)?;
    // The latest open write of each link is the one that decides what the row shows.
    let by_link: HashMap<&str, &writes::PendingWrite> = open
        .iter()
        .filter_map(|write| write.link_id.as_deref().map(|id| (id, write)))
        .collect();
    for row in &mut page.items {
        row.write = by_link
            .get(row.link.id.as_str())
            .map(|&write| write.clone());
    }
    // The list's first page, read first or read back to: a page after a cursor never is.
    let first = page.previous.is_none() && query.cursor.as_ref().is_none_or(Cursor::is_before);
    if first {
        let queued = queued::rows(store, query, &open, now)?;
        page.items.splice(0..0, queued);
    }
    Ok(page)
}
