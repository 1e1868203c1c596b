//! Issue 15's leak scenario: a real (non-Sandbox) profile whose CryptoPocket key and secret come
//! from the vault, used for a list sync, status checks, a re-authentication after the token
//! expired, a person and a company created (the KYB password kept in the vault) and a refused
//! secret. Afterwards the database, its WAL, TRACE-level logs and the error texts hold neither
//! the api secret, nor any token the double issued, nor the KYB password.

// Helpers unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use mostrador_codes::Coded;
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::{CompanyRequest, PersonRequest};
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY, SANDBOX_API_SECRET};
use mostrador_service::customers::access::cryptopocket_client;
use mostrador_service::customers::created::{
    company_row, keep_kyb_password, kyb_password, person_row, write_created,
};
use mostrador_service::customers::kyc::check_status;
use mostrador_service::customers::sync::sync_customers;
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::{Environment, Profile, Provider, Store};
use mostrador_vault::leak_check::{CapturedLogs, contains, vault_for_tests};
use mostrador_vault::{CredentialKind, Secret};

const NOW: i64 = common::NOW;

// current_thread: the double's tasks run on this thread, so the scoped subscriber sees them too.
#[tokio::test(flavor = "current_thread")]
async fn no_secret_token_or_kyb_password_reaches_the_database_wal_logs_or_errors() {
    let (logs, _guard) = CapturedLogs::install();
    let dir = tempfile::tempdir().unwrap();
    let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let vault = vault_for_tests().unwrap();
    let profile_id = format!("leak-customers-{}", std::process::id());
    store
        .write(|w| {
            w.upsert_profile(&Profile {
                id: profile_id.clone(),
                name: "Pruebas CryptoPocket".into(),
                environment: Environment::Test,
                billpocket_base_url: None,
                cryptopocket_base_url: Some(sandbox.cryptopocket_url()),
                undostres_base_url: None,
                created_at: 1,
                updated_at: 1,
            })
        })
        .unwrap();
    let missing = cryptopocket_client(&store, Ok(&vault), &sandbox, &profile_id, common::config())
        .err()
        .unwrap();
    assert_eq!(missing.code(), "credential.missing.cryptopocketApiKey");
    for (kind, value) in [
        (CredentialKind::CryptopocketApiKey, SANDBOX_API_KEY),
        (CredentialKind::CryptopocketApiSecret, SANDBOX_API_SECRET),
    ] {
        vault.put(&profile_id, &kind, &Secret::new(value)).unwrap();
    }
    let client =
        cryptopocket_client(&store, Ok(&vault), &sandbox, &profile_id, common::config()).unwrap();
    let issued_tokens = || {
        sandbox.cryptopocket().inspect(|state| {
            state
                .tokens
                .iter()
                .map(|t| t.token.expose().to_owned())
                .collect::<Vec<_>>()
        })
    };

    sync_customers(&store, &client, &profile_id, NOW)
        .await
        .unwrap();
    let mut tokens = issued_tokens();
    sandbox
        .cryptopocket()
        .update(|state| state.expire_tokens())
        .unwrap();
    check_status(&store, &client, &profile_id, "186", NOW + 1)
        .await
        .unwrap();
    tokens.extend(issued_tokens());
    assert_eq!(tokens.len(), 2, "one re-authentication after the expiry");

    let person = PersonRequest {
        name: "Lucía".into(),
        last_name: "Fernández".into(),
        email: "lucia.fugas@example.com".into(),
        country: "Argentina".into(),
        country_code: "ARG".into(),
        identification_type: "DNI".into(),
        identification_number: "30111222".into(),
        password: Some(Credential::new("cliente-Password-Xy7")),
        ..PersonRequest::default()
    };
    let created = client.create_person(&person).await.unwrap();
    let row = person_row(&person, &created, NOW + 2);
    store
        .write(|w| write_created(w, &profile_id, &row))
        .unwrap();
    assert!(
        row.kyc_url
            .as_deref()
            .unwrap()
            .starts_with("https://forms.amlbot.com/")
    );

    let request = CompanyRequest {
        email: "kyb@fugas.mx".into(),
        company_name: "Fugas Cero S.A. de C.V.".into(),
    };
    let company = client.create_company(&request).await.unwrap();
    let kyb = company.password.expose().to_owned();
    tracing::debug!(?company, "company created");
    let row = company_row(&request, company.id, Some(&company.kyb_link), NOW + 3);
    store
        .write(|w| write_created(w, &profile_id, &row))
        .unwrap();
    keep_kyb_password(Ok(&vault), &profile_id, &row.id, &company.password).unwrap();
    let cached = store
        .customer(&profile_id, Provider::Cryptopocket, &row.id)
        .unwrap();
    assert_eq!(cached.kyc_url.as_deref(), Some(company.kyb_link.as_str()));
    assert_eq!(
        vault
            .get(&profile_id, &kyb_password(&row.id))
            .unwrap()
            .expose(),
        kyb
    );
    let history = store
        .kyc_history(&profile_id, Provider::Cryptopocket, &row.id)
        .unwrap();
    assert_eq!(history[0].source, mostrador_store::KycSource::Create);

    // A refused secret: its error must not carry it.
    let wrong_secret = "wrong-cp-secret-Tz91LmQ";
    let refused = CryptoPocketClient::new(
        &sandbox.cryptopocket_url(),
        common::config(),
        CryptoPocketCredentials {
            api_key: Credential::new(SANDBOX_API_KEY),
            api_secret: Credential::new(wrong_secret),
        },
    )
    .unwrap()
    .list_customers()
    .await
    .unwrap_err();
    let errors = format!("{refused} {refused:?} {missing} {missing:?}");
    tracing::warn!(error = %refused, debug = ?refused, "sync failed");
    drop(store);

    let logs = logs.bytes();
    assert!(
        contains(&logs, "/customers/list"),
        "the calls were not logged at all"
    );
    let db = std::fs::read(dir.path().join(mostrador_store::DB_FILE_NAME)).unwrap();
    let wal = std::fs::read(dir.path().join("mostrador.sqlite3-wal")).unwrap_or_default();
    assert!(contains(&db, "kyb@fugas.mx") || contains(&wal, "kyb@fugas.mx"));
    let secrets = [
        SANDBOX_API_SECRET,
        wrong_secret,
        kyb.as_str(),
        "cliente-Password-Xy7",
    ];
    for value in tokens.iter().map(String::as_str).chain(secrets) {
        assert!(!contains(&db, value), "{value} is in the database file");
        assert!(!contains(&wal, value), "{value} is in the WAL");
        assert!(!contains(&logs, value), "{value} is in the logs");
        assert!(!errors.contains(value), "{value} is in an error text");
    }
    for kind in [
        CredentialKind::CryptopocketApiKey,
        CredentialKind::CryptopocketApiSecret,
        kyb_password(&row.id),
    ] {
        vault.delete(&profile_id, &kind).unwrap();
    }
}
