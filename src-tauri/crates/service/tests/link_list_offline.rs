//! The links list while Billpocket cannot be reached: a link created offline is listed (and
//! found by search) before Billpocket confirms it, a sync that replaces the cached set keeps it,
//! any failed call marks the list offline without touching the age of the last good sync, and
//! open writes are named by their link's description.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::ErrorCode;
use std::time::Duration;

use mostrador_sandbox::{FaultAction, FaultPlan, FaultRule, Outage, Scope, Trigger};
use mostrador_service::links::form::{self, LinkForm};
use mostrador_service::links::writes::{self, LinkIntent};
use mostrador_service::links::{self, LinkRow};
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_service::sync::links_resource;
use mostrador_store::{LinkQuery, LinkStatus, OutboxState, SyncState};

mod common;
use common::{MERCHANT, NOW, World, world};

fn create(w: &World, slug: &str, description: &str) -> LinkIntent {
    let form = LinkForm {
        slug: slug.into(),
        amount: "480".into(),
        description: description.into(),
        expires_at: String::new(),
        link_type: form::DEFAULT_LINK_TYPE,
        installments: vec![],
        fixed_term: false,
    };
    LinkIntent::Create {
        merchant_id: MERCHANT.into(),
        link: form::check(&w.store, SANDBOX_PROFILE_ID, MERCHANT, None, &form).unwrap(),
    }
}

/// The first page of the merchant's list as the screen asks for it.
fn listed(w: &World, text: &str, status: Option<LinkStatus>) -> Vec<LinkRow> {
    let query = LinkQuery {
        profile_id: SANDBOX_PROFILE_ID.into(),
        merchant_id: Some(MERCHANT.into()),
        text: text.into(),
        status,
        ..LinkQuery::default()
    };
    links::list(&w.store, &query, NOW + 10).unwrap().items
}

fn with_slug<'a>(rows: &'a [LinkRow], slug: &str) -> Vec<&'a LinkRow> {
    rows.iter()
        .filter(|row| row.link.secondary_link == slug)
        .collect()
}

fn sync_state(w: &World) -> SyncState {
    w.store
        .sync_states(SANDBOX_PROFILE_ID)
        .unwrap()
        .into_iter()
        .find(|s| s.resource == links_resource(MERCHANT))
        .unwrap()
}

async fn outage(w: &World, on: bool) {
    w.sandbox.set_faults(FaultPlan {
        outage: on.then_some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    w.sandbox.faults_settled().await;
}

#[tokio::test]
async fn a_link_created_offline_is_listed_and_found_until_it_becomes_a_normal_row() {
    let w = world().await;
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
        .await
        .unwrap();
    outage(&w, true).await;
    let queued = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-offline",
        create(&w, "pinata-ana", "Piñata de cumpleaños"),
        NOW + 5,
    )
    .await
    .unwrap();
    assert_eq!(queued.write.state, OutboxState::Pending);

    let all = listed(&w, "", None);
    let row = all.first().expect("a row");
    assert_eq!(
        row.link.secondary_link, "pinata-ana",
        "queued creates lead the list"
    );
    assert_eq!(row.link.description, "Piñata de cumpleaños");
    assert_eq!(row.link.amount_centavos, 48_000);
    assert_eq!(
        row.link.custom_link_path, "",
        "no URL before Billpocket gives one"
    );
    let write = row.write.as_ref().expect("the row carries its write");
    assert_eq!(write.seq, queued.write.seq);
    assert_eq!(write.subject.as_deref(), Some("Piñata de cumpleaños"));

    // Paged as the screen's window reads it: the queued create leads the list's first page,
    // read first or read back to from the page after it, and no other page.
    let page = |cursor| {
        let query = LinkQuery {
            profile_id: SANDBOX_PROFILE_ID.into(),
            merchant_id: Some(MERCHANT.into()),
            limit: 2,
            cursor,
            ..LinkQuery::default()
        };
        links::list(&w.store, &query, NOW + 10).unwrap()
    };
    let slugs = |rows: &[LinkRow]| {
        rows.iter()
            .map(|row| row.link.secondary_link.clone())
            .collect::<Vec<_>>()
    };
    let first = page(None);
    assert_eq!(first.items[0].link.secondary_link, "pinata-ana");
    let second = page(first.next.clone());
    assert!(with_slug(&second.items, "pinata-ana").is_empty());
    let back = page(second.previous.clone());
    assert_eq!(slugs(&back.items), slugs(&first.items));
    assert_eq!(back.previous, None);

    // Found by its description's words, accents and case ignored; filters still apply.
    assert_eq!(
        with_slug(&listed(&w, "PINATA cumple", None), "pinata-ana").len(),
        1
    );
    assert_eq!(
        with_slug(&listed(&w, "pastel", None), "pinata-ana").len(),
        0
    );
    assert_eq!(
        with_slug(&listed(&w, "", Some(LinkStatus::Active)), "pinata-ana").len(),
        1
    );
    assert_eq!(
        with_slug(&listed(&w, "", Some(LinkStatus::Inactive)), "pinata-ana").len(),
        0
    );

    outage(&w, false).await;
    // The double reopens its port on its own task.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let synced = writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 20)
        .await
        .unwrap();
    assert_eq!(synced.sent, 1);
    let rows = listed(&w, "piñata", None);
    let now_rows = with_slug(&rows, "pinata-ana");
    assert_eq!(now_rows.len(), 1, "listed once, from the cache: {rows:?}");
    assert!(now_rows[0].write.is_none());
    assert!(!now_rows[0].link.id.starts_with("outbox-"));
    assert!(now_rows[0].link.custom_link_path.ends_with("pinata-ana"));
}

#[tokio::test]
async fn a_sync_that_replaces_the_cached_set_keeps_a_queued_create_listed() {
    let w = world().await;
    // Refused with a 500 and then not found in the list: it stays queued for the user, and
    // the next (successful) sync neither resends it nor drops its row.
    w.sandbox.set_faults(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::Status {
                status: 500,
                retry_after: None,
            },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some("POST".into()),
                path_prefix: None,
            },
        }],
        ..FaultPlan::default()
    });
    let outcome = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-kept",
        create(&w, "rosca-reyes", "Rosca de reyes"),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(outcome.write.state, OutboxState::Pending);
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 1)
        .await
        .unwrap();
    let rows = listed(&w, "rosca", None);
    assert_eq!(with_slug(&rows, "rosca-reyes").len(), 1, "{rows:?}");
}

#[tokio::test]
async fn a_failed_write_marks_the_list_offline_and_keeps_the_last_good_age() {
    let w = world().await;
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
        .await
        .unwrap();
    let cached = listed(&w, "", None);
    let target = cached
        .first()
        .expect("the double's seed links")
        .link
        .clone();
    outage(&w, true).await;
    // No sync runs: the write alone tells the list Billpocket cannot be reached.
    writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-deactivate",
        LinkIntent::SetActive {
            merchant_id: MERCHANT.into(),
            link_id: target.id.clone(),
            active: false,
        },
        NOW + 90,
    )
    .await
    .unwrap();
    let state = sync_state(&w);
    assert_eq!(
        state.last_error_code.map(ErrorCode::as_str),
        Some("billpocket.network_unreachable")
    );
    assert_eq!(state.attempted_at, NOW + 90);
    assert_eq!(
        state.synced_at,
        Some(NOW),
        "the age is that of the last good sync"
    );

    // A failed sync afterwards does not move it either; a good one does and clears the error.
    let failed =
        writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 120).await;
    assert!(failed.is_err());
    assert_eq!(sync_state(&w).synced_at, Some(NOW));

    // The open write is named by the link's description, and its row carries it.
    let open = writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT).unwrap();
    assert_eq!(open.len(), 1);
    let expected = if target.description.is_empty() {
        target.secondary_link.clone()
    } else {
        target.description.clone()
    };
    assert_eq!(open[0].subject.as_deref(), Some(expected.as_str()));
    let row = listed(&w, "", None)
        .into_iter()
        .find(|row| row.link.id == target.id)
        .unwrap();
    assert_eq!(row.write.map(|write| write.seq), Some(open[0].seq));

    outage(&w, false).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 150)
        .await
        .unwrap();
    let state = sync_state(&w);
    assert_eq!(state.synced_at, Some(NOW + 150));
    assert_eq!(state.last_error_code, None);
}
