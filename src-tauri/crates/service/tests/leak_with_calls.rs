//! Issue 5's leak scenario end to end: credentials for every provider in the vault, real calls
//! to the Billpocket double with them (successes and a rejected token), results written to the
//! store; afterwards the database, its WAL and TRACE-level logs hold none of the secret values.

// Helpers unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::Provider;
use mostrador_core::Centavos;
use mostrador_providers::billpocket::types::LinkRequest;
use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
use mostrador_providers::{Credential, HttpConfig};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::{Environment, NewOutboxEntry, Profile, Store};
use mostrador_vault::leak_check::{CapturedLogs, contains, vault_for_tests};
use mostrador_vault::{CredentialKind, Secret};

// current_thread: the double's tasks run on this thread, so the scoped subscriber sees them too.
#[tokio::test(flavor = "current_thread")]
async fn no_secret_reaches_the_database_wal_or_logs_after_real_calls() {
    let (logs, _guard) = CapturedLogs::install();

    let dir = tempfile::tempdir().unwrap();
    let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
    let store = Store::open(dir.path()).unwrap();
    let vault = vault_for_tests().unwrap();
    let profile_id = format!("leak-calls-{}", std::process::id());
    store
        .write(|w| {
            w.upsert_profile(&Profile {
                id: profile_id.clone(),
                name: "Pruebas con llamadas".into(),
                environment: Environment::Test,
                billpocket_base_url: Some(sandbox.billpocket_url()),
                cryptopocket_base_url: None,
                undostres_base_url: None,
                created_at: 1,
                updated_at: 1,
            })
        })
        .unwrap();

    // Every provider's credentials; Billpocket's are the double's seeded ones so calls succeed.
    let stored: Vec<(CredentialKind, String)> = vec![
        (
            CredentialKind::BillpocketApiKey,
            "sandbox-bp-api-key-0001".into(),
        ),
        (
            CredentialKind::BillpocketXApiKey,
            "sandbox-bp-x-api-key-0001".into(),
        ),
        (
            CredentialKind::BillpocketUserToken {
                merchant_id: "61234".into(),
            },
            "sandbox-bp-user-token-61234".into(),
        ),
        (CredentialKind::CryptopocketApiKey, "cp-key-Zq81mXw0".into()),
        (
            CredentialKind::CryptopocketApiSecret,
            "cp-secret-Pf4kT9sLd2".into(),
        ),
        (
            CredentialKind::UndostresEcommerceToken,
            "u23-ecommerce-Hh72Jq".into(),
        ),
        (
            CredentialKind::UndostresPrivateKey {
                customer_id: "8842".into(),
            },
            "u23-private-key-Lr6Vn".into(),
        ),
    ];
    for (kind, value) in &stored {
        vault
            .put(&profile_id, kind, &Secret::new(value.clone()))
            .unwrap();
    }

    // Credentials come from the vault per call, as the service will do.
    let from_vault = |kind: &CredentialKind| {
        Some(Credential::new(
            vault.get(&profile_id, kind).unwrap().expose(),
        ))
    };
    let merchant = BillpocketCredentials {
        api_key: from_vault(&CredentialKind::BillpocketApiKey),
        user_token: from_vault(&CredentialKind::BillpocketUserToken {
            merchant_id: "61234".into(),
        }),
        x_api_key: from_vault(&CredentialKind::BillpocketXApiKey),
    };
    let client = BillpocketClient::new(&sandbox.billpocket_url(), HttpConfig::default()).unwrap();
    let request = LinkRequest {
        url_path: None,
        expired_at: None,
        amount: Centavos::new(45_000).to_billpocket(),
        link_type: 1,
        description: "Pastel de tres leches".into(),
        rates: Vec::new(),
        is_fixed_term: false,
    };
    let created = client.create_link(&merchant, &request).await.unwrap();
    let listed = client.list_links(&merchant).await.unwrap();
    assert!(listed.iter().any(|link| link.id == created.id));
    client.states(&merchant).await.unwrap();

    // A rejected credential is a secret too, and its error must not carry it.
    let wrong_token = "wrong-user-token-Qm3x8RtY";
    let rejected = client
        .list_links(&BillpocketCredentials {
            user_token: Some(Credential::new(wrong_token)),
            ..merchant.clone()
        })
        .await
        .unwrap_err();
    tracing::warn!(error = %rejected, debug = ?rejected, "sync failed");

    // What the service keeps of those calls: an outbox row with the intent, the sync outcome.
    let intent = serde_json::to_string(&request).unwrap();
    store
        .write(|w| {
            w.enqueue(
                &NewOutboxEntry {
                    profile_id: &profile_id,
                    idempotency_key: "create-1",
                    kind: "billpocket.create_link",
                    intent: &intent,
                },
                2,
            )?;
            w.record_sync(
                &profile_id,
                "links",
                3,
                Some(rejected.code(Provider::Billpocket)),
            )
        })
        .unwrap();
    drop(store);
    sandbox.reset().unwrap();

    let logs = logs.bytes();
    assert!(
        contains(&logs, "custom-link"),
        "the calls were not logged at all"
    );
    let db = std::fs::read(dir.path().join("mostrador.sqlite3")).unwrap();
    let wal = std::fs::read(dir.path().join("mostrador.sqlite3-wal")).unwrap_or_default();
    for value in stored.iter().map(|(_, v)| v.as_str()).chain([wrong_token]) {
        assert!(!contains(&db, value), "{value} is in the database file");
        assert!(!contains(&wal, value), "{value} is in the WAL");
        assert!(!contains(&logs, value), "{value} is in the logs");
    }

    for (kind, _) in &stored {
        vault.delete(&profile_id, kind).unwrap();
    }
}
