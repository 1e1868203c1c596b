//! The Billpocket client against the double on a loopback port: every endpoint of the table, its
//! success shape and each error path.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use mostrador_core::{BillpocketAmount, Centavos};
use mostrador_providers::billpocket::BillpocketCredentials;
use mostrador_providers::billpocket::endpoints::{
    self, API_KEY_HEADER, USER_TOKEN_HEADER, X_API_KEY_HEADER,
};
use mostrador_providers::billpocket::types::{
    CreateUserRequest, LINK_INACTIVE, LinkUpdate, TokenRequest,
};
use mostrador_providers::{Credential, FailureKind, HttpMethod, ProviderError};
use mostrador_sandbox::billpocket::seed::{
    MERCHANT_1_EMAIL, MERCHANT_1_PASSWORD, MERCHANT_1_USER_ID, MERCHANT_2_USER_ID, SANDBOX_API_KEY,
    SANDBOX_X_API_KEY,
};
use serde_json::Value;

fn field_codes(error: &ProviderError) -> Vec<(String, Option<String>, Vec<String>)> {
    let fields = match error {
        ProviderError::Invalid { fields, .. } => fields.clone(),
        ProviderError::Conflict { field, .. } => field.iter().cloned().collect(),
        other => panic!("expected a field error, got {other:?}"),
    };
    fields
        .into_iter()
        .map(|f| (f.provider_field, f.form_field, f.messages))
        .collect()
}

#[tokio::test]
async fn every_endpoint_of_the_table_is_mounted_and_enforces_its_credentials() {
    let sandbox = sandbox().await;
    let http = raw();
    for endpoint in endpoints::ALL {
        let url = format!(
            "{}{}",
            sandbox.base_url(),
            endpoint.path.replace("{id}", "x")
        );
        let request = http.request(endpoint.method.as_http(), url);
        let status = request.send().await.unwrap().status().as_u16();
        assert_eq!(status, 401, "{endpoint:?} without credentials");
    }
    // Every write is a row that the client never retries.
    assert!(
        endpoints::ALL
            .iter()
            .filter(|e| !e.method.is_read())
            .all(|e| e.method != HttpMethod::Get)
    );
}

#[tokio::test]
async fn onboarding_a_merchant_end_to_end() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);

    let created = client.create_user(&partner(), &new_user()).await.unwrap();
    assert!(created.user_id > MERCHANT_2_USER_ID);
    let creds = BillpocketCredentials {
        user_token: Some(created.user_token.clone()),
        x_api_key: Some(Credential::new(SANDBOX_X_API_KEY)),
        ..partner()
    };
    let validation = client.validate_token(&creds).await.unwrap();
    assert!(validation.valid);
    assert_eq!(validation.user_id, created.user_id);
    let login = TokenRequest {
        email: new_user().email,
        password: Credential::new(NEW_USER_PASSWORD),
    };
    let token = client.user_token(&partner(), &login).await.unwrap();
    assert_eq!(token, created);

    // A new merchant has no links (204) and no link configuration (404 → None).
    assert!(client.list_links(&creds).await.unwrap().is_empty());
    assert_eq!(client.link_config(&creds).await.unwrap(), None);
    let not_configured = client
        .create_link(&creds, &documented_link())
        .await
        .unwrap_err();
    assert_eq!(field_codes(&not_configured)[0].0, "main_link");

    let config = client.configure_links(&creds, "tiendajuan").await.unwrap();
    assert_eq!(config.main_link, "tiendajuan");
    assert_eq!(config.domain, "https://test.pay.billpocket.com");
    assert_eq!(client.link_config(&creds).await.unwrap(), Some(config));

    let account = client
        .set_clabe(&creds, "002010077777777771")
        .await
        .unwrap();
    assert_eq!(account.clabe, "002010077777777771");
    assert!(!account.bank.is_empty());

    let link = client
        .create_link(&creds, &documented_link())
        .await
        .unwrap();
    assert_eq!(
        link.custom_link_path,
        "https://test.pay.billpocket.com/tiendajuan/customLink"
    );
    assert_eq!(client.list_links(&creds).await.unwrap(), vec![link]);
}

#[tokio::test]
async fn create_user_errors_map_to_typed_errors() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);

    let wrong_key = BillpocketCredentials {
        api_key: Some(Credential::new("sandbox-bp-api-key-9999")),
        ..Default::default()
    };
    assert_eq!(
        client
            .create_user(&wrong_key, &new_user())
            .await
            .unwrap_err()
            .kind(),
        FailureKind::Unauthorized
    );

    // A missing credential fails before anything is sent.
    sandbox.faults().clear_seen();
    let missing = client
        .create_user(&BillpocketCredentials::default(), &new_user())
        .await
        .unwrap_err();
    assert!(matches!(
        missing,
        ProviderError::MissingCredential {
            header: API_KEY_HEADER
        }
    ));
    assert!(sandbox.faults().seen().is_empty());

    let mut invalid = new_user();
    invalid.curp = "PEGJ800101HDFRRN04".into();
    invalid.codigo_postal = "9999".into();
    invalid.municipio = "999".into();
    let error = client.create_user(&partner(), &invalid).await.unwrap_err();
    assert_eq!(error.kind(), FailureKind::Invalid);
    let fields = field_codes(&error);
    assert!(
        fields.contains(&(
            "curp".into(),
            Some("curp".into()),
            vec!["curp.check_digit".into()]
        )),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|(p, f, _)| p == "codigo_postal" && f.as_deref() == Some("postalCode")),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|(p, f, _)| p == "municipio" && f.as_deref() == Some("municipality")),
        "{fields:?}"
    );

    // Duplicates: e-mail alone; then the seeded merchant's RFC, and CURP (kept consistent with
    // each other and her names so only the duplicate is wrong).
    let same_email = CreateUserRequest {
        email: MERCHANT_1_EMAIL.into(),
        ..new_user()
    };
    let elena = || CreateUserRequest {
        nombre: "Elena".into(),
        apellido_paterno: "González".into(),
        apellido_materno: "Durán".into(),
        ..new_user()
    };
    let same_rfc = CreateUserRequest {
        rfc: "GODE561231GR8".into(),
        curp: "GODE561231MDFNRL01".into(),
        ..elena()
    };
    let same_curp_only = CreateUserRequest {
        curp: "GODE561231MDFNRL01".into(),
        rfc: "GODE561231AB5".into(),
        ..elena()
    };
    for (user, field, form) in [
        (same_email, "email", "email"),
        (same_rfc, "rfc", "rfc"),
        (same_curp_only, "curp", "curp"),
    ] {
        let error = client.create_user(&partner(), &user).await.unwrap_err();
        assert_eq!(error.kind(), FailureKind::Conflict, "{field}: {error:?}");
        assert_eq!(field_codes(&error)[0].0, field);
        assert_eq!(field_codes(&error)[0].1.as_deref(), Some(form));
    }
}

#[tokio::test]
async fn tokens_and_catalogues() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);

    let login = TokenRequest {
        email: MERCHANT_1_EMAIL.into(),
        password: Credential::new(MERCHANT_1_PASSWORD),
    };
    assert_eq!(
        client.user_token(&partner(), &login).await.unwrap().user_id,
        MERCHANT_1_USER_ID
    );
    let wrong = TokenRequest {
        password: Credential::new("sandbox-password-wrong"),
        ..login
    };
    assert_eq!(
        client
            .user_token(&partner(), &wrong)
            .await
            .unwrap_err()
            .kind(),
        FailureKind::Unauthorized
    );
    let bad_token = BillpocketCredentials {
        user_token: Some(Credential::new("sandbox-bp-user-token-0")),
        ..partner()
    };
    assert_eq!(
        client.validate_token(&bad_token).await.unwrap_err().kind(),
        FailureKind::Unauthorized
    );

    let states = client.states(&partner()).await.unwrap();
    assert_eq!(states.len(), 32);
    assert!(
        states
            .iter()
            .any(|s| s.id == "09" && s.nombre == "Ciudad de México")
    );
    let cdmx = client.municipalities(&partner(), "09").await.unwrap();
    assert_eq!(cdmx.len(), 16);
    assert!(cdmx.iter().any(|m| m.nombre == "Cuauhtémoc"));
    for state in &states {
        assert!(
            !client
                .municipalities(&partner(), &state.id)
                .await
                .unwrap()
                .is_empty(),
            "{}",
            state.id
        );
    }
    let unknown = client.municipalities(&partner(), "40").await.unwrap_err();
    assert_eq!(field_codes(&unknown)[0].1.as_deref(), Some("state"));
    assert!(
        client
            .commercial_activities(&partner())
            .await
            .unwrap()
            .len()
            >= 10
    );
    assert!(
        client
            .company_types(&partner())
            .await
            .unwrap()
            .iter()
            .any(|t| t.nombre == "S.A. de C.V.")
    );
    assert_eq!(
        client
            .states(&BillpocketCredentials::default())
            .await
            .unwrap_err()
            .kind(),
        FailureKind::MissingCredential
    );
}

#[tokio::test]
async fn payment_links_lifecycle() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);

    let seeded = client.list_links(&creds).await.unwrap();
    assert_eq!(seeded.len(), 36);
    assert!(
        seeded
            .windows(2)
            .all(|w| w[0].created_at >= w[1].created_at),
        "newest first"
    );

    let documented = client
        .create_link(&creds, &documented_link())
        .await
        .unwrap();
    assert_eq!(documented.secondary_link, "customLink");
    assert_eq!(documented.available_rates[0].months, 12);
    assert_eq!(documented.status, 1);
    assert_eq!(
        documented.custom_link_path,
        "https://test.pay.billpocket.com/laesquina/customLink"
    );

    let generated = client.create_link(&creds, &plain_link("")).await.unwrap();
    assert_eq!(generated.secondary_link.len(), 8);
    assert!(
        generated
            .secondary_link
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    );
    assert_eq!(
        generated.description,
        format!(" ({})", generated.secondary_link.to_uppercase())
    );
    assert_eq!(client.list_links(&creds).await.unwrap()[0], generated);

    let duplicate = client
        .create_link(&creds, &documented_link())
        .await
        .unwrap_err();
    assert_eq!(field_codes(&duplicate)[0].1.as_deref(), Some("slug"));

    let changes = LinkUpdate {
        amount: Some(BillpocketAmount(Centavos::new(12_050))),
        status: Some(LINK_INACTIVE),
        ..LinkUpdate::default()
    };
    let updated = client
        .update_link(&creds, &documented.id, &changes)
        .await
        .unwrap();
    assert_eq!(updated.amount, BillpocketAmount(Centavos::new(12_050)));
    assert_eq!(updated.status, LINK_INACTIVE);
    assert!(updated.updated_at >= documented.updated_at);

    let zero = LinkUpdate {
        amount: Some(BillpocketAmount(Centavos::ZERO)),
        ..LinkUpdate::default()
    };
    let invalid = client
        .update_link(&creds, &documented.id, &zero)
        .await
        .unwrap_err();
    assert_eq!(
        field_codes(&invalid),
        vec![(
            "amount".into(),
            Some("amount".into()),
            vec!["amount.positive".into()]
        )]
    );
    assert_eq!(
        client
            .update_link(&creds, "doesnotexist", &changes)
            .await
            .unwrap_err()
            .kind(),
        FailureKind::NotFound
    );
    // Another merchant's link does not exist for this one.
    assert_eq!(
        client
            .update_link(&merchant(MERCHANT_2_USER_ID), &documented.id, &changes)
            .await
            .unwrap_err()
            .kind(),
        FailureKind::NotFound
    );

    client.delete_link(&creds, &documented.id).await.unwrap();
    assert_eq!(
        client
            .delete_link(&creds, &documented.id)
            .await
            .unwrap_err()
            .kind(),
        FailureKind::NotFound
    );
    assert_eq!(client.list_links(&creds).await.unwrap().len(), 37);
}

#[tokio::test]
async fn link_validation_uses_core_codes_and_maps_to_form_fields() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);

    let mut link = documented_link();
    link.url_path = Some("-bad slug".into());
    link.amount = BillpocketAmount(Centavos::new(-100));
    link.expired_at = Some(
        mostrador_providers::billpocket::types::naive_datetime::parse("2020-01-01T00:00:00")
            .unwrap(),
    );
    link.rates[0].months = "doce".into();
    let error = client.create_link(&creds, &link).await.unwrap_err();
    let fields = field_codes(&error);
    let form: Vec<_> = fields
        .iter()
        .map(|(_, form, _)| form.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        form,
        ["amount", "expiresAt", "installments", "slug"],
        "{fields:?}"
    );
    assert!(fields.iter().any(|(_, _, codes)| codes == &["expiry.past"]));
    assert!(
        fields
            .iter()
            .any(|(_, _, codes)| codes == &["url_path.characters"])
    );

    let taken = client
        .configure_links(&creds, "mueblesbajio")
        .await
        .unwrap_err();
    assert_eq!(taken.kind(), FailureKind::Conflict);
    assert_eq!(field_codes(&taken)[0].1.as_deref(), Some("mainLink"));
    assert_eq!(
        client
            .configure_links(&creds, "a")
            .await
            .unwrap_err()
            .kind(),
        FailureKind::Invalid
    );

    let clabe = client
        .set_clabe(&creds, "002010077777777772")
        .await
        .unwrap_err();
    assert_eq!(
        field_codes(&clabe),
        vec![(
            "clabe".into(),
            Some("clabe".into()),
            vec!["clabe.check_digit".into()]
        )]
    );
}

#[tokio::test]
async fn merchant_credentials_are_checked_header_by_header() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let good = merchant(MERCHANT_1_USER_ID);

    let wrong_x = BillpocketCredentials {
        x_api_key: Some(Credential::new("sandbox-bp-x-api-key-9999")),
        ..good.clone()
    };
    assert_eq!(
        client.list_links(&wrong_x).await.unwrap_err().kind(),
        FailureKind::Forbidden
    );
    let wrong_token = BillpocketCredentials {
        user_token: Some(Credential::new("sandbox-bp-user-token-1")),
        ..good.clone()
    };
    assert_eq!(
        client.list_links(&wrong_token).await.unwrap_err().kind(),
        FailureKind::Unauthorized
    );
    let no_x = BillpocketCredentials {
        x_api_key: None,
        ..good.clone()
    };
    assert!(matches!(
        client.list_links(&no_x).await.unwrap_err(),
        ProviderError::MissingCredential {
            header: X_API_KEY_HEADER
        }
    ));

    // Headers missing on the wire are 401, whichever is missing.
    let url = format!("{}{}", sandbox.base_url(), endpoints::LIST_LINKS.path);
    let only_token = raw()
        .get(&url)
        .header(USER_TOKEN_HEADER, user_token(MERCHANT_1_USER_ID))
        .send()
        .await
        .unwrap();
    assert_eq!(only_token.status(), 401);
    let only_key = raw()
        .get(&url)
        .header(X_API_KEY_HEADER, SANDBOX_X_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(only_key.status(), 401);
}

/// Exact statuses and bodies the typed client folds together.
#[tokio::test]
async fn the_double_answers_with_documented_statuses_and_shapes() {
    let sandbox = sandbox().await;
    let http = raw();
    let links = format!("{}{}", sandbox.base_url(), endpoints::CREATE_LINK.path);
    let users = format!("{}{}", sandbox.base_url(), endpoints::CREATE_USER.path);
    let merchant_request = |builder: reqwest::RequestBuilder, user_id: i64| {
        builder
            .header(USER_TOKEN_HEADER, user_token(user_id))
            .header(X_API_KEY_HEADER, SANDBOX_X_API_KEY)
    };
    let post_link = |body: String, content_type: &'static str| {
        merchant_request(http.post(&links), MERCHANT_2_USER_ID)
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    // The documented request, verbatim: 202 and exactly the documented response keys.
    let created = post_link(CREATE_LINK_REQUEST.to_owned(), "application/json")
        .await
        .unwrap();
    assert_eq!(created.status(), 202);
    let created: Value = created.json().await.unwrap();
    let documented: Value = serde_json::from_str(CREATE_LINK_RESPONSE).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&created), keys(&documented));
    assert_eq!(created["available_rates"], documented["available_rates"]);
    assert!(created["months"].is_null() && created["available_rates"][0]["months"].is_u64());
    let id = created["id"].as_str().unwrap();
    assert_eq!(id.len(), 37);
    assert!(
        created["created_at"].as_str().unwrap().len() == 19,
        "no offset, no fraction"
    );

    // Content type and syntax: 400. Wrong field types on links: 422 naming the field.
    assert_eq!(
        post_link(CREATE_LINK_REQUEST.to_owned(), "text/plain")
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        post_link("{\"amount\": ".to_owned(), "application/json")
            .await
            .unwrap()
            .status(),
        400
    );
    let months_as_number = CREATE_LINK_REQUEST.replace("\"months\": \"12\"", "\"months\": 12");
    let response = post_link(months_as_number, "application/json")
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert!(body["errors"]["rates[0].months"].is_array(), "{body}");
    let missing_amount = r#"{"type": 2, "description": "x"}"#.to_owned();
    let body: Value = post_link(missing_amount, "application/json")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body["errors"]["amount"].is_array(), "{body}");

    // Invalid users are 400, not 422.
    let mut user = serde_json::to_value(new_user()).unwrap();
    user["telefono"] = Value::from("123");
    let response = http
        .post(&users)
        .header(API_KEY_HEADER, SANDBOX_API_KEY)
        .json(&user)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["errors"]["telefono"][0]
            .as_str()
            .unwrap()
            .starts_with("phone_mx."),
        "{body}"
    );

    // A merchant without links: 204 with an empty body.
    let created = http
        .post(&users)
        .header(API_KEY_HEADER, SANDBOX_API_KEY)
        .json(&serde_json::to_value(new_user()).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let new_id = created.json::<Value>().await.unwrap()["userId"]
        .as_i64()
        .unwrap();
    let empty = merchant_request(http.get(&links), new_id)
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 204);
    assert!(empty.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn state_persists_in_the_data_directory_and_resets_to_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let config = mostrador_sandbox::SandboxConfig {
        data_dir: Some(dir.path().to_owned()),
        ..Default::default()
    };
    let creds = merchant(MERCHANT_1_USER_ID);

    let first = mostrador_sandbox::BillpocketSandbox::start(config.clone())
        .await
        .unwrap();
    let link = client(&first)
        .create_link(&creds, &plain_link("persistida"))
        .await
        .unwrap();
    first.shutdown().await;

    let second = mostrador_sandbox::BillpocketSandbox::start(config.clone())
        .await
        .unwrap();
    let links = client(&second).list_links(&creds).await.unwrap();
    assert_eq!(links[0], link);
    second.reset().unwrap();
    assert_eq!(client(&second).list_links(&creds).await.unwrap().len(), 36);
    second.shutdown().await;

    // The reset was saved too; a corrupt file is set aside and the seed used.
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("persistida")
    );
    std::fs::write(&file, "{broken").unwrap();
    let third = mostrador_sandbox::BillpocketSandbox::start(config)
        .await
        .unwrap();
    assert_eq!(client(&third).list_links(&creds).await.unwrap().len(), 36);
    assert!(
        dir.path()
            .join(format!(
                "{}.corrupt",
                file.file_name().unwrap().to_string_lossy()
            ))
            .exists()
    );
    third.shutdown().await;
}
