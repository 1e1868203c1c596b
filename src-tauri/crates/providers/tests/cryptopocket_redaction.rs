//! No CryptoPocket secret reaches a log line, an error message or a `Debug` print: the api
//! secret, every token the double issued (including the one that expired and was renewed), a
//! customer's password and a company's KYB password, over a scenario captured at TRACE.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::{CompanyRequest, DocumentType, PersonRequest};
use mostrador_sandbox::cryptopocket::seed::{FIRST_ID, SANDBOX_API_SECRET};
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, FaultRule, Scope, Trigger};

const CUSTOMER_PASSWORD: &str = "cliente-secreto-7731";

#[tokio::test]
async fn no_secret_in_logs_errors_or_debug_output() {
    let logs = capture_logs();

    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let mut printed: Vec<String> = vec![format!("{:?}", cp_credentials())];
    let mut tokens: Vec<String> = Vec::new();
    let issued = |tokens: &mut Vec<String>| {
        sandbox.inspect(|s| {
            tokens.extend(s.tokens.iter().map(|t| t.token.expose().to_owned()));
        })
    };

    let person = PersonRequest {
        password: Some(Credential::new(CUSTOMER_PASSWORD)),
        ..documented_person("secreto@example.com")
    };
    printed.push(format!("{person:?}"));
    printed.push(format!(
        "{:?}",
        client.create_person(&person).await.unwrap()
    ));
    let company = client
        .create_company(&CompanyRequest {
            email: "kyb@secreto.mx".into(),
            company_name: "Secreto S.A.".into(),
        })
        .await
        .unwrap();
    let kyb_password = company.password.expose().to_owned();
    printed.push(format!("{company:?}"));
    issued(&mut tokens);

    // The token expires and is renewed; errors of every kind.
    sandbox.update(|s| s.expire_tokens()).unwrap();
    printed.push(format!("{:?}", client.kyc_status(FIRST_ID).await.unwrap()));
    issued(&mut tokens);
    let mut errors = vec![
        client.create_person(&person).await.unwrap_err(),
        client.kyc_status(999_999).await.unwrap_err(),
        client
            .upload_document(FIRST_ID, DocumentType::Other, "image/gif", b"GIF89a")
            .await
            .unwrap_err(),
    ];
    let wrong = cp_client_with_secret(&sandbox, "sandbox-cp-api-secret-wrong");
    errors.push(wrong.kyc_status(FIRST_ID).await.unwrap_err());
    for action in [
        FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        },
        FaultAction::MalformedBody,
    ] {
        sandbox.faults().set_plan(FaultPlan {
            rules: vec![FaultRule {
                action,
                trigger: Trigger::Next(1),
                scope: Scope::default(),
            }],
            ..FaultPlan::default()
        });
        errors.push(
            client
                .create_company(&CompanyRequest {
                    email: format!("kyb{}@secreto.mx", errors.len()),
                    company_name: "Otra S.A.".into(),
                })
                .await
                .unwrap_err(),
        );
    }
    sandbox.update(|s| s.set_allowlisted(false)).unwrap();
    errors.push(client.kyc_status(FIRST_ID).await.unwrap_err());
    issued(&mut tokens);
    for error in &errors {
        printed.push(format!("{error:?}"));
        printed.push(format!("{error}"));
    }

    let logs = logs.text();
    assert!(
        logs.contains("provider answered") && logs.contains("cryptopocket authenticated"),
        "logs were captured:\n{logs}"
    );
    assert!(tokens.len() >= 3, "{}", tokens.len());
    let mut secrets = vec![
        SANDBOX_API_SECRET.to_owned(),
        CUSTOMER_PASSWORD.to_owned(),
        kyb_password,
    ];
    secrets.extend(tokens);
    assert_no_secret(&secrets, &logs, &printed);
}
