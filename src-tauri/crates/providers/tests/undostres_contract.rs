//! The UnDosTres client against the strict double on a loopback port: every endpoint, both
//! account types, the credit line in cents, the double's refusals (credentials, content type,
//! field rules, duplicates, unknown ids, token refresh) as typed errors, the admin control of
//! levels, and account creation sent once even when its answer is lost.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_codes::{Coded, ErrorCode};
use mostrador_core::{Centavos, Code};
use mostrador_providers::Verdict;
use mostrador_providers::undostres::rules::{EMAIL_TAKEN, NOT_FOR_BUSINESS};
use mostrador_providers::undostres::types::{AccountRequest, CustomerSecret, STATUS_SUSPENDED};
use mostrador_providers::undostres::{Refusal, UnDosTresError};
use mostrador_sandbox::undostres::seed::{FIRST_ID, SANDBOX_ECOMMERCE_TOKEN, SUSPENDED_ID};
use mostrador_sandbox::{DropMode, FaultAction};
use serde_json::{Value, json};

const CREATE: &str = "/user/v1/account/create";

fn refusal(error: &UnDosTresError) -> Refusal {
    match error {
        UnDosTresError::Refused { refusal, .. } => *refusal,
        other => panic!("not a refusal: {other:?}"),
    }
}

/// The codes the error names per provider field.
fn field_codes(error: &UnDosTresError, field: &str) -> Vec<String> {
    error
        .fields()
        .iter()
        .filter(|f| f.provider_field == field)
        .flat_map(|f| f.messages.clone())
        .collect()
}

#[tokio::test]
async fn a_person_is_created_with_its_line_in_cents_then_read_back() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let request = udt_person("juan.perez@example.com", "100,000");
    assert_eq!(request.credit_line, Centavos::new(10_000_000));

    let created = client.create_account(&request).await.unwrap();
    let account = &created.account;
    assert_eq!(
        (account.account_level, account.account_status),
        (1, Some(1))
    );
    assert_eq!(account.account_status_string, "Active");
    assert_eq!(account.email, "juan.perez@example.com");
    assert_eq!(account.mobile, "4958129198");
    assert!(!account.is_business());
    assert!(account.ewallet_id.is_some());
    let parent_id = account.parent_id().unwrap().to_owned();
    assert_eq!(parent_id.len(), 32);
    // What went over the wire: the form's credit line in cents.
    sandbox.inspect(|s| {
        let saved = s.accounts.last().unwrap();
        assert_eq!(saved.parent.credit_line, 10_000_000);
        assert_eq!(saved.request.device_id, UDT_DEVICE_ID);
        assert_eq!(saved.request.curp, "PEGJ800101HDFRRN03");
    });

    let read = client.account(account.id).await.unwrap();
    assert_eq!((read.account_level, read.account_status), (1, Some(1)));
    assert_eq!(read.rfc, "PEGJ8001014H1");
    assert_eq!(read.middle_name, "Carlos");

    let balance = client.parent_balance(&parent_id).await.unwrap();
    assert_eq!(balance.id, parent_id);
    assert_eq!(balance.customer_id, Some(account.id));
    assert_eq!(balance.credit_line.format_mxn(), "$100,000.00");
    assert_eq!(balance.available_credit, balance.credit_line);
    assert_eq!(balance.credit_limit, balance.credit_line);
    assert_eq!(balance.next_billing_date.len(), 10, "YYYY-MM-DD");
    assert_eq!(balance.status, Some(1));

    // The refresh token works from this device and gives a new OAuth token.
    let [(_, oauth), (kind, refresh), _] = created.secrets.into_entries();
    assert_eq!(kind, CustomerSecret::RefreshToken);
    let refreshed = client
        .refresh_customer_token(&refresh, UDT_DEVICE_ID, "")
        .await
        .unwrap();
    assert_ne!(refreshed.oauth_token, oauth);
    assert!(refreshed.expiration_timestamp.ends_with("-06:00"));
    sandbox.inspect(|s| {
        assert_eq!(
            s.accounts.last().unwrap().tokens.oauth_token,
            refreshed.oauth_token
        );
    });
}

#[tokio::test]
async fn a_business_is_created_with_gender_3_and_a_12_character_rfc() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let created = client
        .create_account(&udt_business("cuentas@bajio.mx"))
        .await
        .unwrap();
    assert!(created.account.is_business());
    assert_eq!(created.account.gender, Some(3));
    let balance = client
        .parent_balance(created.account.parent_id().unwrap())
        .await
        .unwrap();
    assert_eq!(balance.credit_line, Centavos::new(25_000_050));
}

#[tokio::test]
async fn the_seeded_accounts_are_there_one_of_them_suspended() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let first = client.account(FIRST_ID).await.unwrap();
    assert_eq!(first.account_level, 3);
    let suspended = client.account(SUSPENDED_ID).await.unwrap();
    assert_eq!(suspended.account_status, Some(STATUS_SUSPENDED));
    let parent = sandbox.inspect(|s| s.accounts[0].parent.id.clone());
    let balance = client.parent_balance(&parent).await.unwrap();
    assert_eq!(balance.credit_line.format_mxn(), "$100,000.00");
    assert_eq!(balance.available_credit.format_mxn(), "$79,000.00");
}

#[tokio::test]
async fn a_missing_or_wrong_ecommerce_token_is_401_on_every_endpoint() {
    let sandbox = udt_sandbox().await;
    let parent = sandbox.inspect(|s| s.accounts[0].parent.id.clone());
    for token in ["", "sandbox-udt-ecommerce-token-wrong"] {
        let client = udt_client_with_token(&sandbox, token);
        let errors = [
            client
                .create_account(&udt_person("nadie@example.com", "1"))
                .await
                .unwrap_err(),
            client.account(FIRST_ID).await.unwrap_err(),
            client.parent_balance(&parent).await.unwrap_err(),
            client
                .refresh_customer_token(&mostrador_providers::Credential::new("x"), "d", "")
                .await
                .unwrap_err(),
        ];
        for error in errors {
            assert_eq!(
                error.code(),
                ErrorCode::UndostresUnauthorized,
                "{token:?}: {error:?}"
            );
        }
    }
    // And the raw answer: 401 in the `{rs: null, err}` shape.
    let response = raw()
        .get(format!("{}/user/v1/account/{FIRST_ID}", sandbox.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["rs"], Value::Null);
    assert_eq!(body["err"]["text"], "Unauthorized");
    sandbox.inspect(|s| assert_eq!(s.accounts.len(), 15));
}

#[tokio::test]
async fn json_instead_of_multipart_is_400_bad_parameters() {
    let sandbox = udt_sandbox().await;
    let response = raw()
        .post(format!("{}{CREATE}", sandbox.base_url()))
        .header("Authorization-ecommerce", SANDBOX_ECOMMERCE_TOKEN)
        .json(&json!({ "email": "json@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["rs"], Value::Null);
    assert_eq!(body["err"]["code"], 4400);
    assert!(
        body["err"]["hints"][0]
            .as_str()
            .unwrap()
            .contains("multipart/form-data")
    );
    sandbox.inspect(|s| assert_eq!(s.accounts.len(), 15));
}

#[tokio::test]
async fn field_rules_are_code_5000_naming_each_field_and_nothing_is_created() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let before = sandbox.inspect(|s| (s.accounts.len(), s.next_customer_id, s.rng));

    // A person with a business's RFC and a 9-digit mobile.
    let error = client
        .create_account(&AccountRequest {
            rfc: "MAB9307148T4".into(),
            mobile: "495812919".into(),
            ..udt_person("reglas@example.com", "10")
        })
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::ValidationError);
    assert_eq!(error.code(), ErrorCode::UndostresValidationError);
    assert_eq!(
        field_codes(&error, "rfc"),
        [Code::RfcExpectedFisica.as_str()]
    );
    assert_eq!(
        field_codes(&error, "mobile"),
        [Code::PhoneMxLength.as_str()]
    );
    let rfc = error
        .fields()
        .iter()
        .find(|f| f.provider_field == "rfc")
        .unwrap();
    assert_eq!(rfc.form_field.as_deref(), Some("rfc"));

    // A business with a person's RFC, a CURP and a second last name.
    let error = client
        .create_account(&AccountRequest {
            rfc: "PEGJ8001014H1".into(),
            curp: "PEGJ800101HDFRRN03".into(),
            second_last_name: "Gómez".into(),
            ..udt_business("reglas@bajio.mx")
        })
        .await
        .unwrap_err();
    assert_eq!(
        field_codes(&error, "rfc"),
        [Code::RfcExpectedMoral.as_str()]
    );
    assert_eq!(field_codes(&error, "curp"), [NOT_FOR_BUSINESS.as_str()]);
    assert_eq!(
        field_codes(&error, "second_last_name"),
        [NOT_FOR_BUSINESS.as_str()]
    );

    // A level out of range and a negative credit line never leave the client's form valid, but
    // the double refuses them too.
    let error = client
        .create_account(&AccountRequest {
            kyc_level: 4,
            credit_line: Centavos::new(-100),
            ..udt_person("reglas2@example.com", "1")
        })
        .await
        .unwrap_err();
    assert_eq!(field_codes(&error, "kyc_level"), ["kyc_level.range"]);
    assert_eq!(
        field_codes(&error, "composite_balance"),
        [Code::CreditLineNegative.as_str()]
    );
    let after = sandbox.inspect(|s| (s.accounts.len(), s.next_customer_id, s.rng));
    assert_eq!(
        before, after,
        "all or nothing: no account, id or token was used"
    );
}

#[tokio::test]
async fn a_duplicate_email_is_refused_in_the_rs_null_err_shape() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    client
        .create_account(&udt_person("dos@example.com", "5,000"))
        .await
        .unwrap();
    let error = client
        .create_account(&udt_person("DOS@example.com", "5,000"))
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::ValidationError);
    assert_eq!(field_codes(&error, "email"), [EMAIL_TAKEN.as_str()]);
    assert_eq!(error.verdict(), Verdict::Refused);
    sandbox.inspect(|s| assert_eq!(s.accounts.len(), 16));
}

#[tokio::test]
async fn unknown_ids_are_code_5000_incorrect_id() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let error = client
        .parent_balance("00000000000000000000000000000000")
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::ValidationError);
    assert_eq!(field_codes(&error, "parent_id"), ["incorrect"]);
    let error = client.account(999_999).await.unwrap_err();
    assert_eq!(field_codes(&error, "customer_id"), ["incorrect"]);
    // The wallet envelope as documented: no `text`, empty payload.
    let response = raw()
        .get(format!(
            "{}/wallet/v1/composite-balance/parent/nope",
            sandbox.base_url()
        ))
        .header("Authorization-ecommerce", SANDBOX_ECOMMERCE_TOKEN)
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["payload"], json!({}));
    assert_eq!(body["error"]["code"], 5000);
    assert_eq!(body["error"]["hints"][1], "incorrect parent_id");
    assert!(body["timestamp"].as_str().unwrap().ends_with("-06:00"));
    assert!(body.get("text").is_none());
}

#[tokio::test]
async fn refresh_refusals_are_typed_8000_8002_8005() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let created = client
        .create_account(&udt_person("refresh@example.com", "0"))
        .await
        .unwrap();
    let [_, (_, refresh), _] = created.secrets.into_entries();
    let error = client
        .refresh_customer_token(&refresh, "another-device", "")
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::DeviceNotLinked);
    let error = client
        .refresh_customer_token(
            &mostrador_providers::Credential::new("f".repeat(64)),
            UDT_DEVICE_ID,
            "",
        )
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::RefreshTokenExpired);
    // The OAuth token has expired: a refresh needs extra login data.
    sandbox
        .update(|s| s.accounts.last_mut().unwrap().tokens.oauth_expires_at = 0)
        .unwrap();
    let error = client
        .refresh_customer_token(&refresh, UDT_DEVICE_ID, "")
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::ExtraLoginDataRequired);
    client
        .refresh_customer_token(
            &refresh,
            UDT_DEVICE_ID,
            r#"{"idAuth":1,"detail":"mostrador"}"#,
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn the_admin_control_raises_a_level_and_suspends_an_account() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    let id = client
        .create_account(&udt_person("nivel@example.com", "1,000"))
        .await
        .unwrap()
        .account
        .id;
    let admin = |body: Value| {
        let url = format!("{}/__sandbox/undostres/accounts/{id}", sandbox.base_url());
        async move { raw().post(url).json(&body).send().await.unwrap().status() }
    };
    assert_eq!(admin(json!({ "account_level": 2 })).await, 204);
    assert_eq!(client.account(id).await.unwrap().account_level, 2);
    assert_eq!(
        admin(json!({ "account_level": 3, "account_status": 2 })).await,
        204
    );
    let account = client.account(id).await.unwrap();
    assert_eq!(
        (account.account_level, account.account_status),
        (3, Some(2))
    );
    assert_eq!(
        admin(json!({ "account_level": 1, "account_status": 1 })).await,
        204
    );
    assert_eq!(client.account(id).await.unwrap().account_level, 1);
    assert_eq!(admin(json!({ "account_level": 7 })).await, 422);
    let missing = format!("{}/__sandbox/undostres/accounts/424242", sandbox.base_url());
    let status = raw()
        .post(missing)
        .json(&json!({ "account_level": 2 }))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_create_whose_answer_is_lost_is_sent_once_and_reported_as_unknown() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    sandbox
        .faults()
        .set_plan(next_call(FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        }));
    let error = client
        .create_account(&udt_person("perdida@example.com", "100"))
        .await
        .unwrap_err();
    assert_eq!(error.verdict(), Verdict::Unknown, "{error:?}");
    assert_eq!(seen(&sandbox, "POST", CREATE), 1, "never resent");
    sandbox.inspect(|s| {
        let made: Vec<_> = s
            .accounts
            .iter()
            .filter(|a| a.request.email == "perdida@example.com")
            .collect();
        assert_eq!(made.len(), 1);
    });
    // A 503 on a read is retried; on the create it is not.
    let one_503 = || {
        next_call(FaultAction::Status {
            status: 503,
            retry_after: None,
        })
    };
    sandbox.faults().set_plan(one_503());
    client.account(FIRST_ID).await.unwrap();
    sandbox.faults().set_plan(one_503());
    let error = client
        .create_account(&udt_person("cinco@example.com", "100"))
        .await
        .unwrap_err();
    assert!(matches!(error, UnDosTresError::Provider(_)), "{error:?}");
    assert_eq!(error.code(), ErrorCode::UndostresProviderError);
    assert_eq!(seen(&sandbox, "POST", CREATE), 2, "sent once, not retried");
    sandbox.inspect(|s| {
        assert!(
            !s.accounts
                .iter()
                .any(|a| a.request.email == "cinco@example.com")
        )
    });
}

#[tokio::test]
async fn a_create_answered_without_being_made_leaves_no_account_to_read() {
    let sandbox = udt_sandbox().await;
    let client = udt_client(&sandbox);
    sandbox
        .faults()
        .set_plan(next_call(FaultAction::IgnoreChanges));
    let before = sandbox.inspect(|s| s.accounts.len());
    let created = client
        .create_account(&udt_person("ignorada@example.com", "100"))
        .await
        .unwrap();
    assert_eq!(created.account.email, "ignorada@example.com");
    assert_eq!(
        sandbox.inspect(|s| s.accounts.len()),
        before,
        "nothing kept"
    );
    let error = client.account(created.account.id).await.unwrap_err();
    assert_eq!(field_codes(&error, "customer_id").len(), 1, "{error:?}");
    // The fault was used up: the same form now makes the account.
    let made = client
        .create_account(&udt_person("ignorada@example.com", "100"))
        .await
        .unwrap();
    assert_eq!(made.account.id, created.account.id, "the id was not used");
    client.account(made.account.id).await.unwrap();
}
