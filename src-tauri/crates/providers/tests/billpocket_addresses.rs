//! Which address a call reaches, and which answers count as Billpocket's: an id can never change
//! the path (a bad one never leaves the client), and a 404 is "not found / not registered / not
//! configured" only with Billpocket's error body.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_providers::billpocket::BillpocketClient;
use mostrador_providers::billpocket::types::{LinkUpdate, TokenRequest};
use mostrador_providers::{Credential, FailureKind, ProviderError, Verdict};
use mostrador_sandbox::billpocket::seed::MERCHANT_1_USER_ID;
use mostrador_sandbox::{BillpocketSandbox, FaultAction, FaultPlan, FaultRule, Scope, Trigger};

fn foreign_404_on(sandbox: &BillpocketSandbox, method: &str) {
    sandbox.faults().set_plan(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::ForeignPage { status: 404 },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some(method.into()),
                path_prefix: None,
            },
        }],
        ..FaultPlan::default()
    });
}

fn links(sandbox: &BillpocketSandbox) -> usize {
    sandbox.inspect(|state| state.links(MERCHANT_1_USER_ID).len())
}

#[tokio::test]
async fn an_id_that_would_change_the_path_never_reaches_the_network() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);
    let before = links(&sandbox);
    for id in [
        "",
        ".",
        "..",
        "a/b",
        "../custom-link",
        "a\\b",
        "lnk\n1",
        "\u{0}",
    ] {
        let error = client.delete_link(&creds, id).await.unwrap_err();
        assert_eq!(error.kind(), FailureKind::InvalidPathId, "delete {id:?}");
        let error = client
            .update_link(&creds, id, &LinkUpdate::default())
            .await
            .unwrap_err();
        assert_eq!(error.kind(), FailureKind::InvalidPathId, "update {id:?}");
        assert_eq!(error.verdict(), Verdict::Refused);
    }
    assert_eq!(sandbox.faults().seen(), [], "no request arrived");
    assert_eq!(links(&sandbox), before);
}

#[tokio::test]
async fn an_odd_id_arrives_as_one_segment() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let error = client
        .delete_link(&merchant(MERCHANT_1_USER_ID), "no existe?#%")
        .await
        .unwrap_err();
    // The double's own 404 (its error body): the link is not there.
    assert!(matches!(error, ProviderError::NotFound), "{error:?}");
    let seen = sandbox.faults().seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/v1/custom-link/no%20existe%3F%23%25");
}

#[tokio::test]
async fn a_foreign_404_is_an_unknown_address_not_an_answer() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);

    // "Not registered" only when Billpocket says so.
    foreign_404_on(&sandbox, "POST");
    let login = TokenRequest {
        email: "nadie@sandbox.mostrador.test".into(),
        password: Credential::new("sandbox-password-0001"),
    };
    let error = client.user_token(&partner(), &login).await.unwrap_err();
    assert!(
        matches!(error, ProviderError::UnknownAddress { status: 404 }),
        "{error:?}"
    );

    // "Not configured" only when Billpocket says so.
    foreign_404_on(&sandbox, "GET");
    let error = client.link_config(&creds).await.unwrap_err();
    assert_eq!(error.kind(), FailureKind::UnknownAddress);

    // A write answered by a foreign page was refused there: nothing happened, nothing to retry.
    let before = links(&sandbox);
    foreign_404_on(&sandbox, "POST");
    sandbox.faults().clear_seen();
    let error = client
        .create_link(&creds, &plain_link("pagina ajena"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), FailureKind::UnknownAddress);
    assert_eq!(error.verdict(), Verdict::Refused);
    assert_eq!(sandbox.faults().seen().len(), 1, "sent once, not retried");
    assert_eq!(links(&sandbox), before);
}

#[tokio::test]
async fn a_wrong_base_url_is_an_unknown_address() {
    let sandbox = sandbox().await;
    // The double's router answers unknown paths with an empty 404, like a wrong API prefix would.
    let client =
        BillpocketClient::new(&format!("{}/api/v9", sandbox.base_url()), fast_config()).unwrap();
    let creds = merchant(MERCHANT_1_USER_ID);
    let error = client.link_config(&creds).await.unwrap_err();
    assert_eq!(error.kind(), FailureKind::UnknownAddress);
    let error = client.delete_link(&creds, "lnk_1").await.unwrap_err();
    assert_eq!(error.kind(), FailureKind::UnknownAddress);
}
