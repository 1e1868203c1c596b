//! No secret reaches the database file, its WAL or the logs, even when every credential kind
//! is stored and profiles, links and outbox rows refer to them.

// Helpers shared by tests unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_store::{DraftInput, Environment, Link, LinkStatus, NewOutboxEntry, Profile, Store};
use mostrador_vault::leak_check::{CapturedLogs, contains, vault_for_tests};
use mostrador_vault::{CredentialKind, Secret, account_name};

fn every_kind() -> Vec<CredentialKind> {
    vec![
        CredentialKind::BillpocketApiKey,
        CredentialKind::BillpocketXApiKey,
        CredentialKind::BillpocketUserToken {
            merchant_id: "61234".into(),
        },
        CredentialKind::CryptopocketApiKey,
        CredentialKind::CryptopocketApiSecret,
        CredentialKind::CryptopocketKybPassword {
            customer_id: "1234".into(),
        },
        CredentialKind::UndostresEcommerceToken,
        CredentialKind::UndostresOauthToken {
            customer_id: "8842".into(),
        },
        CredentialKind::UndostresRefreshToken {
            customer_id: "8842".into(),
        },
        CredentialKind::UndostresPrivateKey {
            customer_id: "8842".into(),
        },
    ]
}

#[test]
fn secrets_never_reach_the_database_wal_or_logs() {
    let (logs, _guard) = CapturedLogs::install();

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let vault = vault_for_tests().unwrap();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let profile_id = format!("leak-{}-{nanos}", std::process::id());
    let now = 1_767_225_600;

    store
        .write(|w| {
            w.upsert_profile(&Profile {
                id: profile_id.clone(),
                name: "Producción".into(),
                environment: Environment::Production,
                billpocket_base_url: Some("https://api.example.mx".into()),
                cryptopocket_base_url: Some("https://sandbox.cryptopocket.io/api".into()),
                undostres_base_url: Some("https://sandcaas.undostres.com.mx".into()),
                created_at: now,
                updated_at: now,
            })
        })
        .unwrap();

    let mut secrets = Vec::new();
    for (i, kind) in every_kind().iter().enumerate() {
        let value = format!("SeCrEt{i:02}x{nanos}");
        let secret = Secret::new(value.clone());
        vault.put(&profile_id, kind, &secret).unwrap();
        // What careless code would do: log it, put it in an error, format it.
        tracing::info!(?secret, %secret, "about to call the provider");
        tracing::warn!(error = %vault.get(&profile_id, kind).unwrap(), "provider call failed");
        let account = account_name(&profile_id, kind).unwrap();
        store
            .write(|w| {
                w.put_credential_ref(&profile_id, &account, now)?;
                let mut link = Link {
                    id: format!("L{i}"),
                    merchant_id: None,
                    description: format!("MARKER-{i} pagado con {secret}"),
                    amount_centavos: 5_500,
                    secondary_link: format!("s{i}"),
                    custom_link_path: format!("https://pay.billpocket.com/m/s{i}"),
                    status: LinkStatus::Active,
                    link_type: 2,
                    expired_at: None,
                    months: vec![3],
                    is_fixed_term: false,
                    created_at: now,
                    updated_at: now,
                    synced_at: None,
                };
                w.upsert_links(&profile_id, std::slice::from_ref(&link), now)?;
                link.description.push_str(" (editado)");
                w.upsert_links(&profile_id, std::slice::from_ref(&link), now + 1)?;
                let intent = format!(r#"{{"credential":"{account}","debug":"{secret:?}"}}"#);
                w.enqueue(
                    &NewOutboxEntry {
                        profile_id: &profile_id,
                        idempotency_key: &format!("k{i}"),
                        kind: "x",
                        intent: &intent,
                    },
                    now,
                )?;
                w.save_draft(
                    &DraftInput {
                        id: &format!("d{i}"),
                        profile_id: &profile_id,
                        kind: &format!("form{i}"),
                        title: "",
                        body: &format!(r#"{{"token":"{secret}"}}"#),
                    },
                    now,
                )
            })
            .unwrap();
        // Errors carry names, not values.
        let missing = vault.get("nobody", kind).unwrap_err();
        tracing::error!(%missing, "lookup failed");
        secrets.push(value);
    }
    vault.delete_profile(&profile_id).unwrap();

    let db_path = store.path().to_owned();
    let db = std::fs::read(&db_path).unwrap();
    let wal = std::fs::read(format!("{}-wal", db_path.display())).unwrap();
    let logs = logs.bytes();
    // The scan itself works: rows and log lines we expect are visible in these bytes.
    let db_and_wal = [db.as_slice(), wal.as_slice()].concat();
    assert!(contains(&db_and_wal, "MARKER-9 pagado con [redacted]"));
    assert!(contains(&logs, "about to call the provider") && contains(&logs, "[redacted]"));
    assert!(contains(&logs, &profile_id), "logs name accounts");
    for secret in &secrets {
        assert!(!contains(&db, secret), "secret in the database file");
        assert!(!contains(&wal, secret), "secret in the WAL");
        assert!(!contains(&logs, secret), "secret in the logs");
    }
    drop(store);
}
