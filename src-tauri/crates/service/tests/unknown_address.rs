//! A 404 that is not Billpocket's (an HTML page from a wrong address) is never taken as an answer
//! by the outbox: a delete is not "already gone", the write fails as refused and is not resent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::ErrorCode;
use mostrador_sandbox::{FaultAction, FaultPlan, FaultRule, Scope, Trigger};
use mostrador_service::links::form::{self, LinkForm};
use mostrador_service::links::writes::{self, LinkIntent, WriteError};
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_store::OutboxState;

mod common;
use common::{MERCHANT, NOW, World, world};

async fn create_link(w: &World) -> String {
    let form = LinkForm {
        slug: "pagina-ajena".into(),
        amount: "150".into(),
        description: "Galletas".into(),
        expires_at: String::new(),
        link_type: form::DEFAULT_LINK_TYPE,
        installments: vec![],
        fixed_term: false,
    };
    let intent = LinkIntent::Create {
        merchant_id: MERCHANT.into(),
        link: form::check(&w.store, SANDBOX_PROFILE_ID, MERCHANT, None, &form).unwrap(),
    };
    let created = writes::submit(&w.store, &w.access, SANDBOX_PROFILE_ID, "k-1", intent, NOW)
        .await
        .unwrap();
    created.link.unwrap().id
}

fn deletes_seen(w: &World) -> usize {
    w.sandbox
        .seen_requests()
        .iter()
        .filter(|r| r.method == "DELETE")
        .count()
}

#[tokio::test]
async fn a_delete_answered_by_a_foreign_404_page_is_refused_not_done() {
    let w = world().await;
    let id = create_link(&w).await;
    let at_provider = w.sandbox.status().links;
    w.sandbox.set_faults(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::ForeignPage { status: 404 },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some("DELETE".into()),
                path_prefix: None,
            },
        }],
        ..FaultPlan::default()
    });
    let delete = LinkIntent::Delete {
        merchant_id: MERCHANT.into(),
        link_id: id.clone(),
    };

    let error = writes::submit(&w.store, &w.access, SANDBOX_PROFILE_ID, "k-2", delete, NOW)
        .await
        .unwrap_err();

    let WriteError::Rejected { code, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*code, "billpocket.unknown_address");
    let entry = w.store.outbox_by_key("k-2").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Failed, "a definite refusal");
    assert_eq!(
        entry.last_error_code.map(ErrorCode::as_str),
        Some("billpocket.unknown_address")
    );
    assert!(
        w.store.link(SANDBOX_PROFILE_ID, &id).is_ok(),
        "the link stays cached"
    );
    assert_eq!(w.sandbox.status().links, at_provider);
    // A sync neither resends it nor settles it as done.
    writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW + 1)
        .await
        .unwrap();
    assert_eq!(deletes_seen(&w), 1);
    let entry = w.store.outbox_by_key("k-2").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Failed);
}
