//! Link writes through the outbox against the Billpocket double on a loopback port, with a real
//! database file: one link per idempotency key however often it is submitted, an answer lost
//! after the commit settled by looking at the list (never by resending), an outage queueing the
//! write until a sync finds Billpocket back, and refusals landing on the right form field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::{Coded, ErrorCode};
use std::time::Duration;

use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, FaultRule, Outage, Scope, Trigger};
use mostrador_service::links::form::{self, LinkForm};
use mostrador_service::links::writes::{self, LinkIntent, WriteError};
use mostrador_service::outbox;
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_store::{LinkQuery, OutboxState, Store};

mod common;
use common::{MERCHANT, NOW, World, world};

fn form(slug: &str) -> LinkForm {
    LinkForm {
        slug: slug.into(),
        amount: "1,250.50".into(),
        description: "Pastel de tres leches".into(),
        expires_at: String::new(),
        link_type: form::DEFAULT_LINK_TYPE,
        installments: vec![6, 3],
        fixed_term: false,
    }
}

fn create(w: &World, slug: &str) -> LinkIntent {
    LinkIntent::Create {
        merchant_id: MERCHANT.into(),
        link: form::check(&w.store, SANDBOX_PROFILE_ID, MERCHANT, None, &form(slug)).unwrap(),
    }
}

fn links_at_provider(w: &World) -> u32 {
    w.sandbox.status().links
}

fn cached_with_slug(w: &World, slug: &str) -> usize {
    let query = LinkQuery {
        profile_id: SANDBOX_PROFILE_ID.into(),
        text: slug.into(),
        ..LinkQuery::default()
    };
    w.store
        .search_links(&query, NOW)
        .unwrap()
        .items
        .iter()
        .filter(|l| l.secondary_link == slug)
        .count()
}

/// The merchants' kept link counts against a `COUNT(*)` of the cached links on the same file.
fn assert_counts_match(w: &World) {
    let conn = rusqlite::Connection::open(w.store.path()).unwrap();
    let counted: Vec<(String, u32)> = conn
        .prepare(
            "SELECT m.id, count(l.rowid) FROM merchants m \
             LEFT JOIN links l ON l.profile_id = m.profile_id AND l.merchant_id = m.id \
             WHERE m.profile_id = ?1 GROUP BY m.id ORDER BY m.id",
        )
        .unwrap()
        .query_map([SANDBOX_PROFILE_ID], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        w.store.merchant_link_counts(SANDBOX_PROFILE_ID).unwrap(),
        counted
    );
}

fn fault(w: &World, action: FaultAction, method: &str) {
    w.sandbox.set_faults(FaultPlan {
        rules: vec![FaultRule {
            action,
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some(method.into()),
                path_prefix: None,
            },
        }],
        ..FaultPlan::default()
    });
}

#[tokio::test]
async fn a_create_is_sent_once_cached_and_closed() {
    let w = world().await;
    let before = links_at_provider(&w);
    let done = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-1",
        create(&w, "tresleches"),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(done.write.state, OutboxState::Done);
    let link = done.link.expect("the created link, from the cache");
    assert_eq!(link.secondary_link, "tresleches");
    assert_eq!(link.amount_centavos, 125_050);
    assert_eq!(link.months, vec![3, 6]);
    assert_eq!(links_at_provider(&w), before + 1);
    assert_eq!(cached_with_slug(&w, "tresleches"), 1);
    assert!(
        writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_same_key_submitted_twice_at_once_creates_one_link() {
    let w = world().await;
    let before = links_at_provider(&w);
    // Slow answers keep the first call in flight while the second arrives.
    w.sandbox.set_faults(FaultPlan {
        latency_ms: 300,
        ..FaultPlan::default()
    });
    // The form is checked once; the UI sends the same intent and key on every click.
    let intent = create(&w, "doble");
    let (a, b) = tokio::join!(
        writes::submit(
            &w.store,
            &w.access,
            SANDBOX_PROFILE_ID,
            "k-dup",
            intent.clone(),
            NOW
        ),
        writes::submit(
            &w.store,
            &w.access,
            SANDBOX_PROFILE_ID,
            "k-dup",
            intent.clone(),
            NOW
        ),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.write.seq, b.write.seq, "one outbox entry");
    assert!([a.write.state, b.write.state].contains(&OutboxState::Done));
    // And once more after it finished: answered from the outbox.
    let again = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-dup",
        intent,
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(again.write.state, OutboxState::Done);
    assert_eq!(again.link.unwrap().secondary_link, "doble");
    assert_eq!(links_at_provider(&w), before + 1);
    let posts = w
        .sandbox
        .seen_requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(posts, 1, "Billpocket saw exactly one create");
}

#[tokio::test]
async fn an_answer_lost_after_the_commit_is_found_in_the_list_not_resent() {
    let w = world().await;
    let before = links_at_provider(&w);
    fault(
        &w,
        FaultAction::CommitThenDrop {
            mode: DropMode::Hang { ms: 3_000 },
        },
        "POST",
    );
    let outcome = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-drop",
        create(&w, "perdida"),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(outcome.write.state, OutboxState::Done, "{outcome:?}");
    assert_eq!(
        outcome.write.last_error_code.map(ErrorCode::as_str),
        Some("billpocket.unknown_outcome")
    );
    assert_eq!(outcome.link.unwrap().secondary_link, "perdida");
    assert_eq!(links_at_provider(&w), before + 1, "exactly one link");
    assert_eq!(cached_with_slug(&w, "perdida"), 1);
}

#[tokio::test]
async fn a_failed_answer_without_commit_waits_for_the_user_and_retry_sends_it() {
    let w = world().await;
    let before = links_at_provider(&w);
    fault(
        &w,
        FaultAction::Status {
            status: 500,
            retry_after: None,
        },
        "POST",
    );
    let outcome = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-500",
        create(&w, "quinientos"),
        NOW,
    )
    .await
    .unwrap();
    // Uncertain, then the list shows it absent: back to pending, for the user to retry.
    assert_eq!(outcome.write.state, OutboxState::Pending);
    assert_eq!(outcome.write.last_error_code, Some(outbox::NOT_APPLIED));
    assert_eq!(links_at_provider(&w), before);
    // A sync does not resend it by itself...
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 1)
        .await
        .unwrap();
    assert_eq!(links_at_provider(&w), before);
    // ...the user's retry does.
    let retried = writes::retry(&w.store, &w.access, outcome.write.seq, NOW + 2)
        .await
        .unwrap();
    assert_eq!(retried.write.state, OutboxState::Done);
    assert_eq!(retried.write.attempts, 2);
    assert_eq!(links_at_provider(&w), before + 1);
}

#[tokio::test]
async fn an_outage_queues_the_write_and_the_next_sync_sends_it() {
    let w = world().await;
    let before = links_at_provider(&w);
    w.sandbox.set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    w.sandbox.faults_settled().await;
    let queued = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-off",
        create(&w, "entren"),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(queued.write.state, OutboxState::Pending);
    assert_eq!(
        queued.write.last_error_code.map(ErrorCode::as_str),
        Some("billpocket.network_unreachable")
    );
    let open = writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT).unwrap();
    assert_eq!(open.len(), 1, "visible as queued");
    let failed_sync =
        writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 1).await;
    assert_eq!(
        failed_sync.unwrap_err().code(),
        "billpocket.network_unreachable"
    );

    w.sandbox.set_faults(FaultPlan::default());
    // The double reopens its port on its own task.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let synced = writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 2)
        .await
        .unwrap();
    assert_eq!(synced.sent, 1);
    assert_eq!(links_at_provider(&w), before + 1);
    assert_eq!(cached_with_slug(&w, "entren"), 1);
    assert!(
        writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_refusal_fails_the_entry_and_names_the_form_field() {
    let w = world().await;
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
        .await
        .unwrap();
    // The cache knows the slug: refused before anything is queued.
    let taken = w
        .store
        .search_links(
            &LinkQuery {
                profile_id: SANDBOX_PROFILE_ID.into(),
                ..LinkQuery::default()
            },
            NOW,
        )
        .unwrap()
        .items[0]
        .secondary_link
        .clone();
    let err = form::check(&w.store, SANDBOX_PROFILE_ID, MERCHANT, None, &form(&taken)).unwrap_err();
    assert_eq!(err.to_string(), "slug: url_path.taken");
    // A slug the cache does not know yet but Billpocket has: Billpocket's refusal, same field.
    let mut intent = create(&w, "nuevaliga");
    if let LinkIntent::Create { link, .. } = &mut intent {
        link.slug = taken.to_uppercase();
    }
    let err = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-taken",
        intent,
        NOW,
    )
    .await
    .unwrap_err();
    assert!(matches!(&err, WriteError::Rejected { .. }), "{err:?}");
    assert_eq!(err.code(), "url_path.taken");
    assert_eq!(err.field(), Some("slug"));
    let entry = w.store.outbox_by_key("k-taken").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Failed);
}

#[tokio::test]
async fn edit_deactivate_and_delete_reach_billpocket_and_the_cache() {
    let w = world().await;
    // The links counts follow the sync and every local write the engine applies.
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
        .await
        .unwrap();
    assert_counts_match(&w);
    let created = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-a",
        create(&w, "editame"),
        NOW,
    )
    .await
    .unwrap();
    let id = created.link.unwrap().id;
    assert_counts_match(&w);
    let mut changed = form("editame2");
    changed.amount = "99".into();
    let link = form::check(&w.store, SANDBOX_PROFILE_ID, MERCHANT, Some(&id), &changed).unwrap();
    let edit = LinkIntent::Update {
        merchant_id: MERCHANT.into(),
        link_id: id.clone(),
        link,
    };
    let edited = writes::submit(&w.store, &w.access, SANDBOX_PROFILE_ID, "k-b", edit, NOW)
        .await
        .unwrap();
    let cached = edited.link.unwrap();
    assert_eq!(
        (cached.secondary_link.as_str(), cached.amount_centavos),
        ("editame2", 9_900)
    );

    let off = LinkIntent::SetActive {
        merchant_id: MERCHANT.into(),
        link_id: id.clone(),
        active: false,
    };
    let off = writes::submit(&w.store, &w.access, SANDBOX_PROFILE_ID, "k-c", off, NOW)
        .await
        .unwrap();
    assert_eq!(
        off.link.unwrap().status,
        mostrador_store::LinkStatus::Inactive
    );

    let before = links_at_provider(&w);
    let delete = LinkIntent::Delete {
        merchant_id: MERCHANT.into(),
        link_id: id.clone(),
    };
    let deleted = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-d",
        delete.clone(),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(deleted.write.state, OutboxState::Done);
    assert_eq!(links_at_provider(&w), before - 1);
    assert_counts_match(&w);
    assert_eq!(
        w.store.link(SANDBOX_PROFILE_ID, &id).unwrap_err().code(),
        "store.not_found"
    );
    // Deleting it again (another window, a stale list) is done, not an error.
    let again = writes::submit(&w.store, &w.access, SANDBOX_PROFILE_ID, "k-e", delete, NOW)
        .await
        .unwrap();
    assert_eq!(again.write.state, OutboxState::Done);
}

#[tokio::test]
async fn a_write_cut_off_by_a_crash_becomes_uncertain_and_the_sync_settles_it() {
    let w = world().await;
    let intent = create(&w, "cortada");
    // As if the app died between marking it sent and hearing back (here: it never left).
    let seq = w
        .store
        .write(|wr| {
            let seq = wr.enqueue(
                &mostrador_store::NewOutboxEntry {
                    profile_id: SANDBOX_PROFILE_ID,
                    idempotency_key: "k-crash",
                    kind: "billpocket.create_link",
                    intent: &serde_json::to_string(&intent).unwrap(),
                },
                NOW,
            )?;
            wr.transition_outbox(
                seq,
                OutboxState::Pending,
                OutboxState::Sent,
                Default::default(),
                NOW,
            )?;
            Ok(seq)
        })
        .unwrap();
    assert_eq!(outbox::recover_interrupted(&w.store, NOW + 1).unwrap(), 1);
    assert_eq!(
        w.store.outbox_entry(seq).unwrap().state,
        OutboxState::Uncertain
    );
    let synced = writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 2)
        .await
        .unwrap();
    assert_eq!(synced.reconciled, 1);
    let entry = w.store.outbox_entry(seq).unwrap();
    assert_eq!(
        entry.state,
        OutboxState::Pending,
        "absent from the list: waits for the user"
    );
    assert_eq!(entry.last_error_code, Some(outbox::NOT_APPLIED));
    writes::discard(&w.store, seq, NOW + 3).await.unwrap();
    assert_eq!(
        w.store.outbox_entry(seq).unwrap().state,
        OutboxState::Failed
    );
    assert!(
        writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_form_checks_every_field_and_picks_a_slug_when_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ensure_sandbox_profile(&store, NOW).unwrap();
    let check = |f: &LinkForm| form::check(&store, SANDBOX_PROFILE_ID, MERCHANT, None, f);

    let generated = check(&form("")).unwrap();
    assert_eq!(generated.slug.len(), 8);
    assert!(
        generated
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    );
    assert_eq!(generated.amount_centavos, 125_050);
    assert_eq!(generated.months, vec![3, 6], "sorted");

    type Change = fn(&mut LinkForm);
    let cases: [(Change, &str); 5] = [
        (
            |f| f.slug = "con espacio".into(),
            "slug: url_path.characters",
        ),
        (|f| f.amount = "cero".into(), "amount: amount.format"),
        (
            |f| f.expires_at = "2001-01-01T10:00".into(),
            "expiresAt: expiry.past",
        ),
        (
            |f| f.installments = vec![7],
            "installments: link.installments",
        ),
        (
            |f| f.description = "x".repeat(251),
            "description: link.description_length",
        ),
    ];
    for (change, expected) in cases {
        let mut f = form("valida");
        change(&mut f);
        assert_eq!(check(&f).unwrap_err().to_string(), expected);
    }

    // A local expiry is sent on Billpocket's clock (Mexico City, UTC-06:00).
    let mut f = form("vence");
    f.expires_at = "2030-06-30T18:00".into();
    let link = check(&f).unwrap();
    let sent = link.expired_at().unwrap();
    let unix = mostrador_providers::billpocket::clock::to_unix(sent);
    let local = chrono_like_local("2030-06-30T18:00:00");
    assert_eq!(unix, local);
}

/// The Unix time of a local wall-clock time.
fn chrono_like_local(text: &str) -> i64 {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .unwrap()
        .and_local_timezone(chrono::Local)
        .earliest()
        .unwrap()
        .timestamp()
}

#[tokio::test]
async fn the_main_link_is_configured_through_the_outbox_and_cached() {
    let w = world().await;
    let intent = LinkIntent::ConfigureMainLink {
        merchant_id: MERCHANT.into(),
        main_link: "esquina-centro".into(),
    };
    let outcome = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-main",
        intent,
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(outcome.write.state, OutboxState::Done);
    let merchant = w.store.merchant(SANDBOX_PROFILE_ID, MERCHANT).unwrap();
    assert_eq!(merchant.main_link.as_deref(), Some("esquina-centro"));
    // New links are issued under it.
    let created = writes::submit(
        &w.store,
        &w.access,
        SANDBOX_PROFILE_ID,
        "k-after",
        create(&w, "bajo-nuevo"),
        NOW,
    )
    .await
    .unwrap();
    assert!(
        created
            .link
            .unwrap()
            .custom_link_path
            .ends_with("/esquina-centro/bajo-nuevo")
    );
}

#[tokio::test]
async fn other_open_writes_in_the_outbox_do_not_disturb_the_links() {
    let w = world().await;
    // A registration whose answer was lost stays uncertain in the same outbox.
    w.store
        .write(|wr| {
            let seq = wr.enqueue(
                &mostrador_store::NewOutboxEntry {
                    profile_id: SANDBOX_PROFILE_ID,
                    idempotency_key: "k-register",
                    kind: "billpocket.create_user",
                    intent: r#"{"op":"register","registration":{"email":"x@y.mx"}}"#,
                },
                NOW,
            )?;
            wr.transition_outbox(
                seq,
                OutboxState::Pending,
                OutboxState::Sent,
                Default::default(),
                NOW,
            )?;
            wr.transition_outbox(
                seq,
                OutboxState::Sent,
                OutboxState::Uncertain,
                Default::default(),
                NOW,
            )
        })
        .unwrap();
    assert!(
        writes::open_writes(&w.store, SANDBOX_PROFILE_ID, MERCHANT)
            .unwrap()
            .is_empty()
    );
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
        .await
        .unwrap();
    let entry = w.store.outbox_by_key("k-register").unwrap().unwrap();
    assert_eq!(
        entry.state,
        OutboxState::Uncertain,
        "left to the merchants use case"
    );
}
