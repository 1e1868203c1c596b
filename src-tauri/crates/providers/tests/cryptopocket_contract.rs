//! The CryptoPocket client against the double on a loopback port: every endpoint of the table,
//! its success shape and each error path, the token's renewal, and the KYC lifecycle rule.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_codes::Coded;
use mostrador_providers::cryptopocket::client::PAGE_SIZE;
use mostrador_providers::cryptopocket::endpoints::{self, AUTH_HEADER};
use mostrador_providers::cryptopocket::types::{
    CompanyRequest, DocumentType, KycStatus, PersonRequest,
};
use mostrador_providers::cryptopocket::{CryptoPocketError, Refusal};
use mostrador_providers::{Credential, FailureKind, ProviderError, Verdict};
use mostrador_sandbox::cryptopocket::seed::{
    FIRST_ID, NEAR_EXPIRY_COMPANY_EMAIL, OTHER_INTEGRATION, SANDBOX_INTEGRATION,
};
use mostrador_sandbox::cryptopocket::state::SETTLE_SECONDS;
use mostrador_sandbox::{FaultAction, FaultPlan, FaultRule, Scope, Trigger};
use serde_json::{Value, json};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF";

fn refusal(error: &CryptoPocketError) -> Refusal {
    match error {
        CryptoPocketError::Refused(refusal) => *refusal,
        other => panic!("expected a CryptoPocket refusal, got {other:?}"),
    }
}

/// (provider field, form field, codes) of a 422.
fn fields(error: &CryptoPocketError) -> Vec<(String, Option<String>, Vec<String>)> {
    match error {
        CryptoPocketError::Provider(ProviderError::Invalid { fields, .. }) => fields
            .iter()
            .map(|f| {
                (
                    f.provider_field.clone(),
                    f.form_field.clone(),
                    f.messages.clone(),
                )
            })
            .collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

fn field(provider: &str, form: &str, code: &str) -> (String, Option<String>, Vec<String>) {
    (provider.into(), Some(form.into()), vec![code.into()])
}

/// A customer of the other integration.
fn foreign_customer(sandbox: &mostrador_sandbox::CryptoPocketSandbox) -> i64 {
    sandbox.inspect(|s| {
        s.customers
            .iter()
            .find(|c| c.integration == OTHER_INTEGRATION)
            .unwrap()
            .id
    })
}

#[tokio::test]
async fn every_endpoint_of_the_table_refuses_a_missing_or_wrong_token() {
    let sandbox = cp_sandbox().await;
    let http = raw();
    for endpoint in endpoints::ALL.iter().filter(|e| !e.auth.is_empty()) {
        let url = format!(
            "{}{}",
            sandbox.base_url(),
            endpoint.path.replace("{user_id}", &FIRST_ID.to_string())
        );
        for token in [None, Some("sandbox-cp-token-wrong")] {
            let mut request = http.request(endpoint.method.as_http(), &url);
            if let Some(token) = token {
                request = request.header(AUTH_HEADER, token);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{endpoint:?}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(
                body,
                json!({"status": "error", "error": "authorization_incorrect"}),
                "{endpoint:?} {token:?}"
            );
        }
    }
}

#[tokio::test]
async fn wrong_key_or_secret_is_authorization_incorrect_after_one_attempt() {
    let sandbox = cp_sandbox().await;
    let client = cp_client_with_secret(&sandbox, "sandbox-cp-api-secret-wrong");
    let error = client.kyc_status(FIRST_ID).await.unwrap_err();
    assert_eq!(refusal(&error), Refusal::AuthorizationIncorrect);
    assert_eq!(error.code(), "cryptopocket.authorization_incorrect");
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 1);
    assert_eq!(seen(&sandbox, "GET", "/kyc/check"), 0);
}

#[tokio::test]
async fn a_person_with_every_documented_field_is_created_found_and_listed() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let person = PersonRequest {
        password: Some(Credential::new("cliente-123456")),
        ..documented_person("alvaro.iglesia@example.com")
    };
    let created = client.create_person(&person).await.unwrap();
    assert!(created.id > FIRST_ID);
    assert!(!created.kyc_valid);
    assert_eq!(created.email.as_deref(), Some("alvaro.iglesia@example.com"));
    assert_eq!(created.country.as_deref(), Some("Argentina"));
    // The double answers without a scheme, as documented; the client adds it.
    let url = created.kyc_form_url.clone().unwrap();
    assert!(url.starts_with("https://forms.amlbot.com/"), "{url}");
    assert_eq!(url.len(), "https://forms.amlbot.com/".len() + 36);
    let stored = sandbox.inspect(|s| s.customers.last().unwrap().person.clone().unwrap());
    assert_eq!(stored.last_name2, "Vicente");
    assert_eq!(stored.iban, "123123123");
    assert_eq!(stored.dob, "1986-05-03");
    assert_eq!(stored.callback_url, "https://mostrador.test/kyc/vuelta");
    assert_eq!(stored.password.unwrap().expose(), "cliente-123456");

    let found = client
        .find_by_email("ALVARO.IGLESIA@example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, created.id);
    assert_eq!(found.kyc_status, Some(KycStatus::Unused));
    assert_eq!(found.identification_type.as_deref(), Some("DNI"));
    assert_eq!(
        client.find_by_email("nadie@example.com").await.unwrap(),
        None
    );
    let listed = client.list_customers().await.unwrap();
    assert!(listed.iter().any(|c| c.id == created.id));
}

#[tokio::test]
async fn person_refusals_are_typed_and_field_errors_reach_the_form() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let seeded_email = sandbox.inspect(|s| s.customers[0].email.clone());
    let error = client
        .create_person(&documented_person(&seeded_email))
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::UserAlreadyExists);
    let error = client
        .create_person(&documented_person("alguien@mailinator.com"))
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::EmailNotAllowed);
    assert_eq!(error.verdict(), Verdict::Refused);

    let error = client
        .create_person(&PersonRequest {
            identification_type: "RUT".into(),
            ..documented_person("rut@example.com")
        })
        .await
        .unwrap_err();
    assert_eq!(
        fields(&error),
        [field("identification_type", "idType", "id.type_country")]
    );
    let error = client
        .create_person(&PersonRequest {
            country: "Chile".into(),
            country_code: "CHL".into(),
            identification_type: "RUT".into(),
            identification_number: "12.345.678-0".into(),
            ..documented_person("rut@example.com")
        })
        .await
        .unwrap_err();
    assert_eq!(
        fields(&error),
        [field("identification_number", "idNumber", "id.check_digit")]
    );
    assert_eq!(error.code(), "cryptopocket.invalid");
    // Nothing was created by any of these.
    assert_eq!(sandbox.inspect(|s| s.customers.len()), 41);
}

#[tokio::test]
async fn unknown_fields_and_bad_bodies_are_refused_in_laravel_s_shape() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    // A token, by way of any call.
    client.kyc_status(FIRST_ID).await.unwrap();
    let token = sandbox.inspect(|s| s.tokens[0].token.expose().to_owned());
    let mut body: Value = serde_json::from_str(CREATE_CUSTOMER_REQUEST).unwrap();
    body["phone"] = "+541145678901".into();
    body["is_admin"] = true.into();
    let response = raw()
        .post(format!("{}/registerUser", sandbox.base_url()))
        .header(AUTH_HEADER, &token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["errors"], json!({"is_admin": ["field.unknown"]}));
    let response = raw()
        .post(format!("{}/register/company", sandbox.base_url()))
        .header(AUTH_HEADER, &token)
        .json(&json!({"email": "", "company_name": " "}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(
        answer["message"], "field.required (and 1 more error)",
        "{answer}"
    );
}

#[tokio::test]
async fn a_company_gets_its_kyb_link_and_password() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let request = CompanyRequest {
        email: "kyb@panaderia-lupita.mx".into(),
        company_name: "Panadería Lupita S.A. de C.V.".into(),
    };
    let company = client.create_company(&request).await.unwrap();
    assert_eq!(company.password.expose().len(), 12);
    assert!(company.kyb_link.starts_with("https://"));
    assert!(company.kyb_link.ends_with(&company.uuid));
    assert_eq!(
        refusal(&client.create_company(&request).await.unwrap_err()),
        Refusal::UserAlreadyExists
    );
    let error = client
        .create_company(&CompanyRequest {
            email: "no-es-correo".into(),
            company_name: String::new(),
        })
        .await
        .unwrap_err();
    let forms: Vec<_> = fields(&error).into_iter().map(|f| f.1).collect();
    assert_eq!(forms, [Some("companyName".into()), Some("email".into())]);
    let (status, expires) = sandbox.inspect(|s| {
        let near = s
            .customers
            .iter()
            .find(|c| c.email == NEAR_EXPIRY_COMPANY_EMAIL)
            .unwrap();
        (
            near.kyc_status,
            near.company.as_ref().unwrap().kyb_link_expires_at,
        )
    });
    assert_eq!(status, KycStatus::Unused);
    assert!(expires > 0);
}

#[tokio::test]
async fn the_kyc_lifecycle_follows_the_documented_rule() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let ana = client
        .create_person(&documented_person("ana@example.com"))
        .await
        .unwrap();
    let beto = client
        .create_person(&documented_person("beto+fail@example.com"))
        .await
        .unwrap();
    // The first check opens the form.
    for id in [ana.id, beto.id] {
        let check = client.kyc_status(id).await.unwrap();
        assert_eq!(check.kyc_status, KycStatus::Processing);
        assert_eq!(check.user_id, Some(id));
        assert_eq!(check.kyc_valid, Some(false));
    }
    // Before two minutes nothing moves; then it settles.
    assert_eq!(
        client.kyc_status(ana.id).await.unwrap().kyc_status,
        KycStatus::Processing
    );
    sandbox
        .update(|s| {
            for c in &mut s.customers {
                c.status_since -= SETTLE_SECONDS;
            }
        })
        .unwrap();
    let settled = client.kyc_status(ana.id).await.unwrap();
    assert_eq!(settled.kyc_status, KycStatus::Valid);
    assert_eq!(settled.kyc_valid, Some(true));
    assert_eq!(
        client.kyc_status(beto.id).await.unwrap().kyc_status,
        KycStatus::Fail
    );
    // The admin route sets a state for tests and Ajustes → Sandbox.
    let url = format!(
        "{}/__sandbox/cryptopocket/customers/{}/kyc",
        sandbox.base_url(),
        beto.id
    );
    let response = raw()
        .post(&url)
        .json(&json!({"kyc_status": "valid"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        client.kyc_status(beto.id).await.unwrap().kyc_status,
        KycStatus::Valid
    );
    let unknown = raw()
        .post(url.replace(&beto.id.to_string(), "999999"))
        .json(&json!({"kyc_status": "fail"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn status_and_links_of_unknown_or_foreign_customers_are_refused() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let foreign = foreign_customer(&sandbox);
    for error in [
        client.kyc_status(999_999).await.unwrap_err(),
        client
            .enhanced_verification_link(999_999)
            .await
            .unwrap_err(),
    ] {
        assert_eq!(refusal(&error), Refusal::UserNotFound);
    }
    for error in [
        client.kyc_status(foreign).await.unwrap_err(),
        client
            .enhanced_verification_link(foreign)
            .await
            .unwrap_err(),
    ] {
        assert_eq!(refusal(&error), Refusal::UserNotInIntegration);
    }
    let link = client.enhanced_verification_link(FIRST_ID).await.unwrap();
    assert!(link.onboarding_link.starts_with("https://"), "{link:?}");
    // Asking again gives the same form.
    assert_eq!(
        client.enhanced_verification_link(FIRST_ID).await.unwrap(),
        link
    );
}

#[tokio::test]
async fn documents_upload_as_data_urls_and_every_refusal_is_typed() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    client
        .upload_document(
            FIRST_ID + 2,
            DocumentType::BankStatement,
            "application/pdf",
            PDF,
        )
        .await
        .unwrap();
    let stored = sandbox.inspect(|s| {
        s.customers
            .iter()
            .find(|c| c.id == FIRST_ID + 2)
            .unwrap()
            .documents
            .clone()
    });
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].document_type, DocumentType::BankStatement);
    assert_eq!(stored[0].bytes, PDF.len());

    let foreign = foreign_customer(&sandbox);
    let error = client
        .upload_document(foreign, DocumentType::Other, "application/pdf", PDF)
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::UserNotInIntegration);
    let error = client
        .upload_document(999_999, DocumentType::Other, "application/pdf", PDF)
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::UserNotFound);

    // Checked before sending: nothing reaches the double.
    let path = format!("/customers/{FIRST_ID}/documents");
    for (mime, bytes, code) in [
        ("image/gif", &b"GIF89a"[..], "document.type"),
        ("image/png", &b""[..], "document.empty"),
        ("image/png", PDF, "document.content"),
    ] {
        let error = client
            .upload_document(FIRST_ID, DocumentType::Invoice, mime, bytes)
            .await
            .unwrap_err();
        assert_eq!(fields(&error), [field("file", "file", code)]);
    }
    assert_eq!(seen(&sandbox, "POST", &path), 0);

    // The double refuses a bad file on its own too: 422 `invalid_file`.
    let token = sandbox.inspect(|s| s.tokens[0].token.expose().to_owned());
    let response = raw()
        .post(format!("{}{path}", sandbox.base_url()))
        .header(AUTH_HEADER, token)
        .json(&json!({"type": "invoice", "file": "data:image/png;base64,JVBERi0="}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["error"], "invalid_file");
}

#[tokio::test]
async fn the_list_follows_every_page_to_the_end() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    let customers = client.list_customers().await.unwrap();
    let own = sandbox.inspect(|s| {
        s.customers
            .iter()
            .filter(|c| c.integration == SANDBOX_INTEGRATION)
            .map(|c| c.id)
            .collect::<Vec<_>>()
    });
    assert_eq!(customers.iter().map(|c| c.id).collect::<Vec<_>>(), own);
    // The double caps pages below what the client asks for: two pages for 39 customers.
    assert!(own.len() as u32 <= PAGE_SIZE);
    assert_eq!(seen(&sandbox, "GET", "/customers/list"), 2);
    let company = customers
        .iter()
        .find(|c| c.email.as_deref() == Some(NEAR_EXPIRY_COMPANY_EMAIL))
        .unwrap();
    assert!(company.company_name.is_some());
    assert!(company.created_at.as_deref().unwrap().ends_with(".000000Z"));
}

#[tokio::test]
async fn an_expired_token_is_renewed_once_and_the_call_repeated_once() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    client.kyc_status(FIRST_ID).await.unwrap();
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 1);
    // The token is kept: no new authentication per call.
    client.kyc_status(FIRST_ID).await.unwrap();
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 1);

    let expire = format!(
        "{}/__sandbox/cryptopocket/tokens/expire",
        sandbox.base_url()
    );
    assert_eq!(raw().post(&expire).send().await.unwrap().status(), 204);
    sandbox.faults().clear_seen();
    let created = client
        .create_person(&documented_person("renovada@example.com"))
        .await
        .unwrap();
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 1);
    assert_eq!(seen(&sandbox, "POST", "/registerUser"), 2);
    // Refused the first time, applied the second: exactly one customer.
    let count = sandbox.inspect(|s| {
        s.customers
            .iter()
            .filter(|c| c.email == "renovada@example.com")
            .count()
    });
    assert_eq!(
        (count, created.email.as_deref()),
        (1, Some("renovada@example.com"))
    );
}

#[tokio::test]
async fn a_second_refusal_after_renewing_is_an_error_not_a_loop() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    client.kyc_status(FIRST_ID).await.unwrap();
    let url = format!(
        "{}/__sandbox/cryptopocket/tokens/allowlisted",
        sandbox.base_url()
    );
    let off = raw()
        .post(&url)
        .json(&json!({"allowlisted": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 204);
    sandbox.faults().clear_seen();
    let error = client.kyc_status(FIRST_ID).await.unwrap_err();
    assert_eq!(refusal(&error), Refusal::AuthorizationIncorrect);
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 1);
    assert_eq!(seen(&sandbox, "GET", "/kyc/check"), 2);
    // A write refused twice was not applied.
    let error = client
        .create_person(&documented_person("nunca@example.com"))
        .await
        .unwrap_err();
    assert_eq!(refusal(&error), Refusal::AuthorizationIncorrect);
    assert_eq!(error.verdict(), Verdict::Refused);
    assert_eq!(seen(&sandbox, "POST", "/registerUser"), 2);
    assert_eq!(seen(&sandbox, "POST", "/authenticate"), 2);
}

#[tokio::test]
async fn foreign_pages_and_unknown_codes_keep_their_meaning() {
    let sandbox = cp_sandbox().await;
    let client = cp_client(&sandbox);
    sandbox.faults().set_plan(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::ForeignPage { status: 404 },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: None,
                path_prefix: Some("/customers/find".into()),
            },
        }],
        ..FaultPlan::default()
    });
    let error = client.find_by_email("x@example.com").await.unwrap_err();
    assert!(
        matches!(&error, CryptoPocketError::Provider(e) if e.kind() == FailureKind::UnknownAddress),
        "{error:?}"
    );
    assert_eq!(error.code(), "cryptopocket.unknown_address");
    sandbox.faults().set_plan(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::Status {
                status: 503,
                retry_after: Some("0".into()),
            },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some("POST".into()),
                path_prefix: None,
            },
        }],
        ..FaultPlan::default()
    });
    let error = client
        .create_person(&documented_person("caida@example.com"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.provider_error");
}
