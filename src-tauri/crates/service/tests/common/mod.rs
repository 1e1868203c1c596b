//! The world most service tests run in: the embedded Billpocket double on a loopback port, a
//! real database file with the Sandbox profile and its merchants cached, and the access of the
//! first Sandbox merchant with short timeouts and no read retries.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod outcomes;

use std::sync::Arc;
use std::time::Duration;

use mostrador_providers::HttpConfig;
use mostrador_service::billpocket_access::{BillpocketAccess, merchant_access};
use mostrador_service::merchants::form::{MerchantForm, PersonKind};
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::Store;

pub const MERCHANT: &str = "61234";
pub const NOW: i64 = 1_800_000_000;

pub struct World {
    pub _dir: tempfile::TempDir,
    pub sandbox: EmbeddedSandbox,
    pub store: Arc<Store>,
    pub access: BillpocketAccess,
}

pub async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
    let store = Store::open(dir.path()).unwrap();
    ensure_sandbox_profile(&store, NOW).unwrap();
    sandbox.cache_merchants(&store, NOW).unwrap();
    let access = merchant_access(
        &store,
        Err("no keyring in this test"),
        &sandbox,
        SANDBOX_PROFILE_ID,
        MERCHANT,
        config(),
    )
    .unwrap();
    World {
        _dir: dir,
        sandbox,
        store: Arc::new(store),
        access,
    }
}

/// A persona física's registration that passes every check (catalogue ids from the double).
pub fn fisica(email: &str) -> MerchantForm {
    MerchantForm {
        person_type: Some(PersonKind::Fisica),
        email: email.into(),
        phone: "55 8765 4321".into(),
        first_name: "Guadalupe".into(),
        paternal_surname: "Ramírez".into(),
        maternal_surname: "Soto".into(),
        commercial_activity: "01".into(),
        curp: "RASG850312MDFMTD08".into(),
        street: "Calle Durango".into(),
        exterior_number: "45".into(),
        neighbourhood: "Roma Norte".into(),
        postal_code: "06700".into(),
        state: "09".into(),
        municipality: "015".into(),
        rfc: "RASG850312AB1".into(),
        ..MerchantForm::default()
    }
}

/// A CryptoPocket client of the Sandbox profile (the embedded double, its test key and secret).
pub fn cryptopocket(world: &World) -> mostrador_providers::cryptopocket::CryptoPocketClient {
    mostrador_service::customers::access::cryptopocket_client(
        &world.store,
        Err("no keyring in this test"),
        &world.sandbox,
        SANDBOX_PROFILE_ID,
        config(),
    )
    .unwrap()
}

/// Short timeouts and no read retries, so fault tests finish quickly.
pub fn config() -> HttpConfig {
    HttpConfig {
        total_timeout: Duration::from_millis(800),
        read_retries: 0,
        ..HttpConfig::default()
    }
}
pub mod undostres;

/// The app as the shell opens it (a data directory with the embedded doubles) with `vault`, and
/// the events it announces.
pub async fn open_app(
    vault: Result<mostrador_vault::Vault, mostrador_vault::VaultError>,
) -> (
    tempfile::TempDir,
    mostrador_service::app::App,
    std::sync::mpsc::Receiver<mostrador_service::events::AppEvent>,
) {
    use mostrador_service::app::{App, AppDirs};
    use mostrador_service::events::Events;

    let dir = tempfile::tempdir().unwrap();
    let dirs = AppDirs {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let (sink, events) = std::sync::mpsc::channel();
    let app = App::open_with_vault(dirs, vault, Events::new(sink))
        .await
        .unwrap();
    (dir, app, events)
}

/// An in-memory keyring.
pub fn memory_vault() -> Result<mostrador_vault::Vault, mostrador_vault::VaultError> {
    Ok(mostrador_vault::Vault::new(Arc::new(
        mostrador_vault::MemoryStore::default(),
    )))
}

/// `n` more customers at CryptoPocket's double, each `unused` (a first status check opens
/// their form): a large pending list for the tracking test and bench.
pub fn add_pending_persons(double: &mostrador_sandbox::CryptoPocketSandbox, n: usize) {
    use mostrador_providers::cryptopocket::types::PersonRequest;
    use mostrador_sandbox::cryptopocket::seed::SANDBOX_INTEGRATION;
    double
        .update(|state| {
            for i in 0..n {
                let person = PersonRequest {
                    name: format!("Cliente {i}"),
                    last_name: "Pendiente".into(),
                    email: format!("pendiente{i}@sandbox.mostrador.test"),
                    country_code: "MEX".into(),
                    identification_type: "CURP".into(),
                    identification_number: format!("PEND{i:06}HDFRRN09"),
                    ..PersonRequest::default()
                };
                state
                    .create_person(SANDBOX_INTEGRATION, person, NOW)
                    .unwrap();
            }
        })
        .unwrap();
}
