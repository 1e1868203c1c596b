//! No credential reaches a log line, an error message or a `Debug` print: a contract run with
//! every event captured at TRACE, then searched for every secret used.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_providers::Credential;
use mostrador_providers::billpocket::BillpocketCredentials;
use mostrador_providers::billpocket::types::TokenRequest;
use mostrador_sandbox::billpocket::seed::{
    MERCHANT_1_EMAIL, MERCHANT_1_PASSWORD, MERCHANT_1_USER_ID,
};
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, FaultRule, Scope, Trigger};

#[tokio::test]
async fn no_credential_in_logs_errors_or_debug_output() {
    let logs = capture_logs();

    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let mut printed: Vec<String> = Vec::new();
    let mut print = |text: String| printed.push(text);

    // Successes, including the calls whose bodies carry secrets (password out, token back).
    let created = client.create_user(&partner(), &new_user()).await.unwrap();
    print(format!("{created:?}"));
    let login = TokenRequest {
        email: MERCHANT_1_EMAIL.into(),
        password: Credential::new(MERCHANT_1_PASSWORD),
    };
    print(format!("{login:?} {:?}", new_user()));
    print(format!(
        "{:?}",
        client.user_token(&partner(), &login).await.unwrap()
    ));
    let creds = merchant(MERCHANT_1_USER_ID);
    print(format!("{creds:?}"));
    client.validate_token(&creds).await.unwrap();
    client.list_links(&creds).await.unwrap();
    client
        .create_link(&creds, &plain_link("registro"))
        .await
        .unwrap();

    // Failures of every kind, printed both ways.
    let wrong = BillpocketCredentials {
        x_api_key: Some(Credential::new("sandbox-bp-x-api-key-9999")),
        ..creds.clone()
    };
    let bad_token = BillpocketCredentials {
        user_token: Some(Credential::new("sandbox-bp-user-token-1")),
        ..creds.clone()
    };
    let mut errors = vec![
        client.list_links(&wrong).await.unwrap_err(),
        client.list_links(&bad_token).await.unwrap_err(),
        client
            .create_user(&partner(), &new_user())
            .await
            .unwrap_err(),
        client
            .user_token(
                &partner(),
                &TokenRequest {
                    password: Credential::new("sandbox-password-wrong"),
                    ..login
                },
            )
            .await
            .unwrap_err(),
        client
            .states(&BillpocketCredentials::default())
            .await
            .unwrap_err(),
    ];
    for action in [
        FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        },
        FaultAction::MalformedBody,
        FaultAction::Status {
            status: 503,
            retry_after: Some("0".into()),
        },
    ] {
        let rule = FaultRule {
            action,
            trigger: Trigger::Next(1),
            scope: Scope::default(),
        };
        sandbox.faults().set_plan(FaultPlan {
            rules: vec![rule],
            ..FaultPlan::default()
        });
        errors.push(
            client
                .create_link(&creds, &plain_link("fallo"))
                .await
                .unwrap_err(),
        );
    }
    for error in &errors {
        print(format!("{error:?}"));
        print(format!("{error}"));
    }

    let logs = logs.text();
    assert!(
        logs.contains("provider answered") && logs.contains("sandbox request"),
        "logs were captured:\n{logs}"
    );
    let mut secrets = all_secrets();
    secrets.push(created.user_token.expose().to_owned());
    assert_no_secret(&secrets, &logs, &printed);
}
