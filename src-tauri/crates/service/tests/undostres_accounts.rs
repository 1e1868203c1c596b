//! UnDosTres in the service against the embedded double: a new account created with this
//! installation's device id is cached with its secrets in the vault, its balance read into the
//! cache, a level and status change made through the Sandbox control shows in the history, a
//! refresh replaces the OAuth token in the vault; and afterwards the database, its WAL and the
//! TRACE logs hold neither the e-commerce token nor any of the customer's secrets.

// Helpers unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use mostrador_core::Centavos;
use mostrador_providers::HttpConfig;
use mostrador_providers::undostres::CustomerSecret;
use mostrador_providers::undostres::types::{AccountRequest, Gender};
use mostrador_sandbox::undostres::seed::SANDBOX_ECOMMERCE_TOKEN;
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_service::undostres::{access, accounts, secrets};
use mostrador_store::{KycStatus, Provider, Store};
use mostrador_vault::leak_check::{CapturedLogs, contains, vault_for_tests};

const NOW: i64 = 1_800_000_000;

// current_thread: the double's tasks run on this thread, so the scoped subscriber sees them too.
#[tokio::test(flavor = "current_thread")]
async fn an_account_is_cached_tracked_and_its_secrets_stay_in_the_vault() {
    let (logs, _guard) = CapturedLogs::install();
    let dir = tempfile::tempdir().unwrap();
    let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
    let store = Arc::new(Store::open(dir.path()).unwrap());
    ensure_sandbox_profile(&store, NOW).unwrap();
    let vault = Arc::new(vault_for_tests().unwrap());
    let client = access::client(
        &store,
        Err("not needed for the Sandbox profile"),
        &sandbox,
        SANDBOX_PROFILE_ID,
        HttpConfig::default(),
    )
    .unwrap();

    let device_id = store.device_id().unwrap();
    let request = AccountRequest {
        device_id: device_id.clone(),
        email: "lupita@pasteleria.mx".into(),
        first_name: "Guadalupe".into(),
        middle_name: String::new(),
        last_name: "Domínguez".into(),
        second_last_name: "Espinoza".into(),
        gender: Gender::Female,
        mobile: "55 1234 5678".into(),
        mobile_country_code: "52".into(),
        rfc: "GODE561231GR8".into(),
        curp: String::new(),
        kyc_level: 1,
        zipcode: String::new(),
        campaign_id: String::new(),
        credit_line: Centavos::parse("$25,000.50").unwrap(),
    };
    let request = mostrador_providers::undostres::rules::check_account(request).unwrap();
    let created = client.create_account(&request).await.unwrap();
    let id = created.account.id.to_string();
    accounts::cache_account(&store, SANDBOX_PROFILE_ID, &created.account, NOW).unwrap();
    secrets::store_customer_secrets(&vault, SANDBOX_PROFILE_ID, &id, created.secrets).unwrap();

    let oauth = vault_value(&vault, CustomerSecret::OauthToken, &id);
    let refresh = vault_value(&vault, CustomerSecret::RefreshToken, &id);
    let private_key = vault_value(&vault, CustomerSecret::PrivateKey, &id);
    assert_eq!((oauth.len(), refresh.len()), (64, 64));
    assert!(private_key.starts_with("sk_"));

    let view = accounts::refresh_balance(&store, &client, SANDBOX_PROFILE_ID, &id, NOW + 1)
        .await
        .unwrap();
    let balance = view.balance.unwrap();
    assert_eq!(balance.credit_line, 2_500_050);
    assert_eq!(balance.available_credit, 2_500_050);
    assert_eq!(view.account.mobile, "5512345678");
    assert_eq!(view.account.customer.kyc_level, Some(1));

    // Reading it again changes nothing; the Sandbox control moves it, and that is recorded.
    accounts::refresh_account(
        &store,
        &client,
        SANDBOX_PROFILE_ID,
        created.account.id,
        NOW + 2,
    )
    .await
    .unwrap();
    assert!(
        sandbox
            .set_undostres_account(created.account.id, Some(2), Some(2))
            .unwrap()
    );
    let moved = accounts::refresh_account(
        &store,
        &client,
        SANDBOX_PROFILE_ID,
        created.account.id,
        NOW + 3,
    )
    .await
    .unwrap();
    assert_eq!(moved.customer.kyc_status, KycStatus::Fail);
    assert_eq!(moved.customer.updated_at, NOW + 3);
    let history: Vec<_> = store
        .kyc_history(SANDBOX_PROFILE_ID, Provider::Undostres, &id)
        .unwrap()
        .into_iter()
        .map(|t| (t.to_status, t.kyc_level, t.observed_at))
        .collect();
    assert_eq!(
        history,
        [
            (KycStatus::Valid, Some(1), NOW),
            (KycStatus::Fail, Some(2), NOW + 3)
        ]
    );

    // A refresh works from this installation only (the double linked the tokens to its
    // device id) and replaces the OAuth token in the vault.
    secrets::refresh_customer_token(&store, &vault, &client, SANDBOX_PROFILE_ID, &id, "")
        .await
        .unwrap();
    let new_oauth = vault_value(&vault, CustomerSecret::OauthToken, &id);
    assert_ne!(new_oauth, oauth);
    assert_eq!(new_oauth.len(), 64);

    let logs = logs.bytes();
    assert!(contains(&logs, "undostres account created"), "no logs");
    drop(client);
    drop(store);
    let db = std::fs::read(dir.path().join("mostrador.sqlite3")).unwrap();
    let wal = std::fs::read(dir.path().join("mostrador.sqlite3-wal")).unwrap_or_default();
    for value in [
        SANDBOX_ECOMMERCE_TOKEN,
        &oauth,
        &new_oauth,
        &refresh,
        &private_key,
    ] {
        assert!(!contains(&db, value), "{value} is in the database file");
        assert!(!contains(&wal, value), "{value} is in the WAL");
        assert!(!contains(&logs, value), "{value} is in the logs");
    }
    assert!(
        contains(&db, &device_id),
        "the device id is kept in the app's data"
    );
    for secret in [
        CustomerSecret::OauthToken,
        CustomerSecret::RefreshToken,
        CustomerSecret::PrivateKey,
    ] {
        vault
            .delete(SANDBOX_PROFILE_ID, &secrets::slot(secret, &id))
            .unwrap();
    }
}

fn vault_value(vault: &mostrador_vault::Vault, secret: CustomerSecret, id: &str) -> String {
    vault
        .get(SANDBOX_PROFILE_ID, &secrets::slot(secret, id))
        .unwrap()
        .expose()
        .to_owned()
}
