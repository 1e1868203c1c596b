//! Shared set-up for the contract tests: a double on a loopback port and clients with short
//! timeouts.
#![allow(dead_code)] // each test binary uses a different subset

use std::time::Duration;

use mostrador_providers::billpocket::types::{CreateUserRequest, LinkRequest, PERSONA_FISICA};
use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::billpocket::seed::{
    MERCHANT_1_USER_ID, MERCHANT_2_USER_ID, SANDBOX_API_KEY, SANDBOX_X_API_KEY,
};
use mostrador_sandbox::{BillpocketSandbox, SandboxConfig};

pub const CREATE_LINK_REQUEST: &str =
    include_str!("../fixtures/billpocket_create_link_request.json");
pub const CREATE_LINK_RESPONSE: &str =
    include_str!("../fixtures/billpocket_create_link_response.json");

pub async fn sandbox() -> BillpocketSandbox {
    BillpocketSandbox::start(SandboxConfig::default())
        .await
        .unwrap()
}

/// Short timeouts and backoff so fault tests stay fast.
pub fn fast_config() -> HttpConfig {
    HttpConfig {
        connect_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_millis(1500),
        read_retries: 3,
        backoff_base: Duration::from_millis(5),
        backoff_max: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(1),
    }
}

pub fn client(sandbox: &BillpocketSandbox) -> BillpocketClient {
    BillpocketClient::new(&sandbox.base_url(), fast_config()).unwrap()
}

pub fn user_token(user_id: i64) -> String {
    format!("sandbox-bp-user-token-{user_id}")
}

/// Every credential the double knows about, to search logs and messages for.
pub fn all_secrets() -> Vec<String> {
    vec![
        SANDBOX_API_KEY.to_owned(),
        SANDBOX_X_API_KEY.to_owned(),
        user_token(MERCHANT_1_USER_ID),
        user_token(MERCHANT_2_USER_ID),
        "sandbox-password-0001".to_owned(),
        "sandbox-password-0002".to_owned(),
        NEW_USER_PASSWORD.to_owned(),
    ]
}

pub fn partner() -> BillpocketCredentials {
    BillpocketCredentials {
        api_key: Some(Credential::new(SANDBOX_API_KEY)),
        ..Default::default()
    }
}

pub fn merchant(user_id: i64) -> BillpocketCredentials {
    BillpocketCredentials {
        api_key: Some(Credential::new(SANDBOX_API_KEY)),
        user_token: Some(Credential::new(user_token(user_id))),
        x_api_key: Some(Credential::new(SANDBOX_X_API_KEY)),
    }
}

pub const NEW_USER_PASSWORD: &str = "sandbox-password-new-user";

/// A valid persona física not in the seed.
pub fn new_user() -> CreateUserRequest {
    CreateUserRequest {
        email: "juan.perez@sandbox.mostrador.test".into(),
        password: Credential::new(NEW_USER_PASSWORD),
        telefono: "5598765432".into(),
        nombre: "Juan".into(),
        apellido_paterno: "Pérez".into(),
        apellido_materno: "García".into(),
        tipo_persona: PERSONA_FISICA.into(),
        actividad_comercial: "01".into(),
        curp: "PEGJ800101HDFRRN03".into(),
        calle: "Calle Durango".into(),
        exterior: "45".into(),
        interior: String::new(),
        colonia: "Roma Norte".into(),
        codigo_postal: "06700".into(),
        estado: "09".into(),
        municipio: "006".into(),
        rfc: "PEGJ8001014H1".into(),
        razon_social: String::new(),
        tipo_sociedad: String::new(),
        fecha_constitucion: String::new(),
        representante_legal: String::new(),
    }
}

/// The documented create-link example, verbatim.
pub fn documented_link() -> LinkRequest {
    serde_json::from_str(CREATE_LINK_REQUEST).unwrap()
}

/// A link with a generated slug.
pub fn plain_link(description: &str) -> LinkRequest {
    LinkRequest {
        url_path: None,
        expired_at: None,
        rates: vec![],
        description: description.into(),
        ..documented_link()
    }
}

/// Every log line of the test binary at TRACE, kept for searching (call once per binary).
#[derive(Clone, Default)]
pub struct LogBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogBuffer {
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

pub fn capture_logs() -> LogBuffer {
    let logs = LogBuffer::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    logs
}

/// Fails naming the first secret found in the logs or in a printed text.
pub fn assert_no_secret(secrets: &[String], logs: &str, printed: &[String]) {
    for secret in secrets {
        assert!(
            !logs.contains(secret.as_str()),
            "a log line contains {secret}"
        );
        for text in printed {
            assert!(
                !text.contains(secret.as_str()),
                "printed output contains {secret}: {text}"
            );
        }
    }
}

/// A fault plan that applies `action` to the next matching call only.
pub fn next_call(action: mostrador_sandbox::FaultAction) -> mostrador_sandbox::FaultPlan {
    mostrador_sandbox::FaultPlan {
        rules: vec![mostrador_sandbox::FaultRule {
            action,
            trigger: mostrador_sandbox::Trigger::Next(1),
            scope: mostrador_sandbox::Scope::default(),
        }],
        ..mostrador_sandbox::FaultPlan::default()
    }
}

/// A raw HTTP client, for asserting exact statuses and bodies the typed client hides.
pub fn raw() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

// CryptoPocket.

use mostrador_providers::cryptopocket::types::PersonRequest;
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
use mostrador_sandbox::CryptoPocketSandbox;
use mostrador_sandbox::cryptopocket::seed::{SANDBOX_API_KEY as CP_API_KEY, SANDBOX_API_SECRET};

pub const CREATE_CUSTOMER_REQUEST: &str =
    include_str!("../fixtures/cryptopocket_create_customer_request.json");

pub async fn cp_sandbox() -> CryptoPocketSandbox {
    CryptoPocketSandbox::start(SandboxConfig::default())
        .await
        .unwrap()
}

pub fn cp_credentials() -> CryptoPocketCredentials {
    CryptoPocketCredentials {
        api_key: Credential::new(CP_API_KEY),
        api_secret: Credential::new(SANDBOX_API_SECRET),
    }
}

pub fn cp_client(sandbox: &CryptoPocketSandbox) -> CryptoPocketClient {
    CryptoPocketClient::new(&sandbox.base_url(), fast_config(), cp_credentials()).unwrap()
}

/// A client whose secret the double does not know.
pub fn cp_client_with_secret(sandbox: &CryptoPocketSandbox, secret: &str) -> CryptoPocketClient {
    let credentials = CryptoPocketCredentials {
        api_secret: Credential::new(secret),
        ..cp_credentials()
    };
    CryptoPocketClient::new(&sandbox.base_url(), fast_config(), credentials).unwrap()
}

/// The seed page's example with every documented field, made valid where the example is a
/// placeholder (`+54xxxxxxxxx`) and with a fresh e-mail.
pub fn documented_person(email: &str) -> PersonRequest {
    PersonRequest {
        phone: "+541145678901".into(),
        email: email.into(),
        callback_url: "https://mostrador.test/kyc/vuelta".into(),
        ..serde_json::from_str(CREATE_CUSTOMER_REQUEST).unwrap()
    }
}

/// How many requests a double saw for this method and path.
pub fn seen<S: mostrador_sandbox::DoubleState>(
    sandbox: &mostrador_sandbox::Sandbox<S>,
    method: &str,
    path: &str,
) -> usize {
    sandbox
        .faults()
        .seen()
        .iter()
        .filter(|r| r.method == method && r.path == path)
        .count()
}

// UnDosTres.

use mostrador_core::Centavos;
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::undostres::types::{AccountRequest, Gender};
use mostrador_sandbox::UnDosTresSandbox;
use mostrador_sandbox::undostres::seed::SANDBOX_ECOMMERCE_TOKEN;

/// This installation's device in the UnDosTres tests.
pub const UDT_DEVICE_ID: &str = "mostrador-test-device-0001";

pub async fn udt_sandbox() -> UnDosTresSandbox {
    UnDosTresSandbox::start(SandboxConfig::default())
        .await
        .unwrap()
}

pub fn udt_client_with_token(sandbox: &UnDosTresSandbox, token: &str) -> UnDosTresClient {
    UnDosTresClient::new(&sandbox.base_url(), fast_config(), Credential::new(token)).unwrap()
}

pub fn udt_client(sandbox: &UnDosTresSandbox) -> UnDosTresClient {
    udt_client_with_token(sandbox, SANDBOX_ECOMMERCE_TOKEN)
}

/// A valid person with the credit line typed in pesos, converted with integer arithmetic.
pub fn udt_person(email: &str, credit_line_pesos: &str) -> AccountRequest {
    AccountRequest {
        device_id: UDT_DEVICE_ID.into(),
        email: email.into(),
        first_name: "Juan".into(),
        middle_name: "Carlos".into(),
        last_name: "Pérez".into(),
        second_last_name: "Gómez".into(),
        gender: Gender::Male,
        mobile: "4958129198".into(),
        mobile_country_code: "52".into(),
        rfc: "PEGJ8001014H1".into(),
        curp: "PEGJ800101HDFRRN03".into(),
        kyc_level: 1,
        zipcode: "06700".into(),
        campaign_id: String::new(),
        credit_line: Centavos::parse(credit_line_pesos).unwrap(),
    }
}

/// A valid business (gender 3, 12-character RFC, no CURP, no middle or second last name).
pub fn udt_business(email: &str) -> AccountRequest {
    AccountRequest {
        first_name: "Materiales del Bajío".into(),
        middle_name: String::new(),
        last_name: "S.A. de C.V.".into(),
        second_last_name: String::new(),
        gender: Gender::Business,
        rfc: "MAB9307148T4".into(),
        curp: String::new(),
        ..udt_person(email, "250,000.50")
    }
}
