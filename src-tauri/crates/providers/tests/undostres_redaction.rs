//! No UnDosTres secret reaches a log line, an error message or a `Debug` print: the e-commerce
//! token, and every customer's OAuth token (the first and the refreshed one), refresh token and
//! private key, over a scenario captured at TRACE that creates, reads, refreshes and fails.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_providers::Credential;
use mostrador_providers::undostres::types::AccountRequest;
use mostrador_sandbox::undostres::seed::{FIRST_ID, SANDBOX_ECOMMERCE_TOKEN};
use mostrador_sandbox::{DropMode, FaultAction};

#[tokio::test]
async fn no_secret_in_logs_errors_or_debug_output() {
    let logs = capture_logs();

    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let mut printed: Vec<String> = Vec::new();

    let created = client
        .create_account(&udt_person("secreto@example.com", "100,000"))
        .await
        .unwrap();
    printed.push(format!("{created:?}"));
    printed.push(format!("{:?}", created.secrets));
    let [_, (_, refresh), _] = created.secrets.into_entries();
    printed.push(format!("{refresh:?}"));
    let business = client
        .create_account(&udt_business("secreto@bajio.mx"))
        .await
        .unwrap();
    printed.push(format!("{business:?}"));
    let refreshed = client
        .refresh_customer_token(&refresh, UDT_DEVICE_ID, "")
        .await
        .unwrap();
    printed.push(format!("{refreshed:?}"));
    printed.push(format!("{:?}", client.account(FIRST_ID).await.unwrap()));

    let mut errors = vec![
        client
            .create_account(&udt_person("secreto@example.com", "1"))
            .await
            .unwrap_err(),
        client
            .create_account(&AccountRequest {
                rfc: "MAB9307148T4".into(),
                ..udt_person("otro@example.com", "1")
            })
            .await
            .unwrap_err(),
        client
            .refresh_customer_token(&refresh, "another-device", "")
            .await
            .unwrap_err(),
        client.parent_balance("nope").await.unwrap_err(),
        udt_client_with_token(&sandbox, "sandbox-udt-ecommerce-token-wrong")
            .account(FIRST_ID)
            .await
            .unwrap_err(),
        client
            .refresh_customer_token(&Credential::new("0".repeat(64)), UDT_DEVICE_ID, "")
            .await
            .unwrap_err(),
    ];
    for action in [
        FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        },
        FaultAction::MalformedBody,
    ] {
        sandbox.faults().set_plan(next_call(action));
        errors.push(
            client
                .create_account(&udt_person(
                    &format!("caida{}@example.com", errors.len()),
                    "1",
                ))
                .await
                .unwrap_err(),
        );
    }
    for error in &errors {
        printed.push(format!("{error:?}"));
        printed.push(format!("{error}"));
    }

    let logs = logs.text();
    assert!(
        logs.contains("provider answered") && logs.contains("undostres account created"),
        "logs were captured:\n{logs}"
    );
    let mut secrets = vec![SANDBOX_ECOMMERCE_TOKEN.to_owned()];
    sandbox.inspect(|s| {
        for account in &s.accounts {
            let tokens = &account.tokens;
            secrets.push(tokens.oauth_token.expose().to_owned());
            secrets.push(tokens.refresh_token.expose().to_owned());
            secrets.push(tokens.private_key.expose().to_owned());
        }
    });
    secrets.push(refresh.expose().to_owned());
    secrets.push(refreshed.oauth_token.expose().to_owned());
    assert!(secrets.len() > 50, "{}", secrets.len());
    assert_no_secret(&secrets, &logs, &printed);
}
