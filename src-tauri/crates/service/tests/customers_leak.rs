//! Issue 15's leak scenario: a real (non-Sandbox) profile whose CryptoPocket key and secret come
//! from the vault, used for a list sync, status checks, a re-authentication after the token
//! expired, a person (with a password) and a company created through the write engine (the
//! KYB password kept in the vault), a company create whose answer was lost and which was found
//! again by its e-mail, and a refused secret. Afterwards the database, its WAL, TRACE-level
//! logs and the error texts hold neither the api secret, nor any token the double issued, nor
//! a KYB password, nor the person's password.

// Helpers unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use mostrador_codes::Coded;
use mostrador_providers::Credential;
use std::sync::Arc;

use common::outcomes::once;
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY, SANDBOX_API_SECRET};
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan};
use mostrador_service::customers::access::cryptopocket_client;
use mostrador_service::customers::created::kyb_password;
use mostrador_service::customers::kyc::check_status;
use mostrador_service::customers::sync::sync_customers;
use mostrador_service::customers::writes::{self, CompanyForm, PersonForm, WriteContext};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::{Environment, OutboxState, Profile, Provider, Store};
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

    let vault = Arc::new(vault);
    let cx = WriteContext {
        store: &store,
        client: &client,
        vault: Some(Arc::clone(&vault)),
        profile_id: &profile_id,
    };
    let person = PersonForm {
        first_name: "Lucía".into(),
        last_name: "Fernández".into(),
        email: "lucia.fugas@example.com".into(),
        country: "ARG".into(),
        id_type: "DNI".into(),
        id_number: "30111222".into(),
        ..PersonForm::default()
    };
    let password = Some(Credential::new("cliente-Password-Xy7"));
    let created = writes::create_person(&cx, "person", person, password, NOW + 2)
        .await
        .unwrap();
    assert!(
        created
            .customer
            .unwrap()
            .kyc_url
            .as_deref()
            .unwrap()
            .starts_with("https://forms.amlbot.com/")
    );

    let company = CompanyForm {
        email: "kyb@fugas.mx".into(),
        company_name: "Fugas Cero S.A. de C.V.".into(),
    };
    let created = writes::create_company(&cx, "company", company, NOW + 3)
        .await
        .unwrap();
    tracing::debug!(?created, "company created");
    let row = created.customer.unwrap();
    let kyb = vault
        .get(&profile_id, &kyb_password(&row.id))
        .unwrap()
        .expose()
        .to_owned();
    let at_double = sandbox.cryptopocket().inspect(|state| {
        let record = state.customers.iter().find(|c| c.email == "kyb@fugas.mx");
        record
            .unwrap()
            .company
            .as_ref()
            .unwrap()
            .password
            .expose()
            .to_owned()
    });
    assert_eq!(
        kyb, at_double,
        "the vault keeps the password CryptoPocket issued"
    );
    let cached = store
        .customer(&profile_id, Provider::Cryptopocket, &row.id)
        .unwrap();
    assert!(cached.kyc_url.as_deref().unwrap().contains("/kyb/"));
    let history = store
        .kyc_history(&profile_id, Provider::Cryptopocket, &row.id)
        .unwrap();
    assert_eq!(history[0].source, mostrador_store::KycSource::Create);

    // A company made while its answer was lost: found by its e-mail, never sent again. Its
    // password was issued (and is checked below) but never reached the app.
    let dropped = FaultAction::CommitThenDrop {
        mode: DropMode::Reset,
    };
    sandbox.cryptopocket().faults().set_plan(FaultPlan {
        rules: vec![once("POST", "/register/company", dropped)],
        ..FaultPlan::default()
    });
    let lost = CompanyForm {
        email: "kyb.perdida@fugas.mx".into(),
        company_name: "Fugas Perdidas S.A.".into(),
    };
    let found = writes::create_company(&cx, "lost", lost, NOW + 4)
        .await
        .unwrap();
    assert_eq!(found.write.state, OutboxState::Done);
    let lost_kyb = sandbox.cryptopocket().inspect(|state| {
        let record = state
            .customers
            .iter()
            .find(|c| c.email == "kyb.perdida@fugas.mx");
        record
            .unwrap()
            .company
            .as_ref()
            .unwrap()
            .password
            .expose()
            .to_owned()
    });
    let outbox: Vec<String> = ["person", "company", "lost"]
        .iter()
        .map(|key| store.outbox_by_key(key).unwrap().unwrap().intent)
        .collect();

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
    let errors = format!("{refused} {refused:?} {missing} {missing:?} {outbox:?}");
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
        lost_kyb.as_str(),
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
