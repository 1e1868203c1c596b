//! The world of the UnDosTres creation tests: the embedded double with its accounts cached in
//! the Sandbox profile, a short-timeout client, and the vault the other service tests use behind
//! a recorder that counts each entry written and, while told to, refuses writes the way a locked
//! Secret Service does (with an error).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mostrador_providers::HttpConfig;
pub use mostrador_providers::undostres::CustomerSecret;
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::undostres::types::Gender;
use mostrador_sandbox::{FaultAction, FaultPlan, FaultRule, Scope, Trigger};
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_service::undostres::form::AccountForm;
use mostrador_service::undostres::secrets::{WaitingSecrets, slot};
use mostrador_service::undostres::writes::{self, AccountAnswer, AccountOutcome, Context};
use mostrador_service::undostres::{UndostresServiceError, access};
use mostrador_store::{Store, UndostresAccountView};
use mostrador_vault::leak_check::secret_store_for_tests;
use mostrador_vault::{Secret, SecretStore, Vault, VaultError};
use tokio::sync::MutexGuard;

pub const NOW: i64 = 1_800_000_000;
pub const CREATE: &str = "/user/v1/account/create";
pub const EMAIL: &str = "lupita@pasteleria.mx";
/// A seeded account's e-mail: UnDosTres refuses it again.
pub const TAKEN: &str = "sofia.lopez@example.com";
pub const SECRETS: [CustomerSecret; 3] = [
    CustomerSecret::OauthToken,
    CustomerSecret::RefreshToken,
    CustomerSecret::PrivateKey,
];

/// The tests' vault backend, recording each entry written and refusing writes on demand.
pub struct Recorder {
    pub inner: Arc<dyn SecretStore>,
    pub written: Mutex<Vec<String>>,
    pub refuse: AtomicBool,
}

impl SecretStore for Recorder {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), VaultError> {
        if self.refuse.load(Ordering::SeqCst) {
            return Err(VaultError::Backend("the keyring is locked"));
        }
        self.inner.set(account, secret)?;
        self.written.lock().unwrap().push(account.to_owned());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, VaultError> {
        self.inner.get(account)
    }

    fn delete(&self, account: &str) -> Result<(), VaultError> {
        self.inner.delete(account)
    }
}

impl Recorder {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            inner: secret_store_for_tests().unwrap(),
            written: Mutex::default(),
            refuse: AtomicBool::new(false),
        })
    }

    /// How many times each of a customer's secrets was written.
    pub fn writes(&self, customer_id: &str) -> [usize; 3] {
        let written = self.written.lock().unwrap();
        SECRETS.map(|secret| {
            let name =
                mostrador_vault::account_name(SANDBOX_PROFILE_ID, &slot(secret, customer_id))
                    .unwrap();
            written.iter().filter(|w| **w == name).count()
        })
    }
}

/// Every double starts from the same seed, so every case's new account has the same id and
/// the same keyring entries: with the real keyring, one case at a time.
static KEYRING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub async fn keyring_turn() -> MutexGuard<'static, ()> {
    KEYRING.lock().await
}

pub struct Case {
    pub _dir: tempfile::TempDir,
    pub sandbox: EmbeddedSandbox,
    pub store: Arc<Store>,
    pub client: UnDosTresClient,
    pub recorder: Arc<Recorder>,
    pub vault: Arc<Vault>,
    pub waiting: WaitingSecrets,
    _keyring_turn: MutexGuard<'static, ()>,
}

impl Case {
    /// The Sandbox profile with the double's accounts cached, as the app opens it.
    pub async fn new() -> Self {
        let keyring_turn = keyring_turn().await;
        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, NOW).unwrap();
        sandbox.cache_undostres_accounts(&store, NOW).unwrap();
        let config = HttpConfig {
            total_timeout: Duration::from_millis(800),
            read_retries: 0,
            ..HttpConfig::default()
        };
        let client =
            access::client(&store, Err("unused"), &sandbox, SANDBOX_PROFILE_ID, config).unwrap();
        let recorder = Recorder::new();
        let vault = Arc::new(Vault::new(recorder.clone()));
        Self {
            _dir: dir,
            sandbox,
            store: Arc::new(store),
            client,
            recorder,
            vault,
            waiting: WaitingSecrets::default(),
            _keyring_turn: keyring_turn,
        }
    }

    pub fn cx(&self) -> Context<'_> {
        Context {
            store: &self.store,
            vault: &self.vault,
            waiting: &self.waiting,
            client: &self.client,
            profile_id: SANDBOX_PROFILE_ID,
        }
    }

    pub async fn create(
        &self,
        key: &str,
        email: &str,
    ) -> Result<AccountAnswer, UndostresServiceError> {
        writes::create(&self.cx(), key, person(email), NOW).await
    }

    pub fn faults(&self, plan: FaultPlan) {
        self.sandbox.undostres().faults().set_plan(plan);
    }

    /// The double's accounts with this e-mail, by id.
    pub fn at_double(&self, email: &str) -> Vec<i64> {
        self.sandbox.undostres().inspect(|state| {
            state
                .accounts
                .iter()
                .filter(|a| a.request.email.eq_ignore_ascii_case(email))
                .map(|a| a.id)
                .collect()
        })
    }

    pub fn cached(&self, customer_id: i64) -> Option<UndostresAccountView> {
        self.store
            .undostres_account(SANDBOX_PROFILE_ID, &customer_id.to_string())
            .unwrap()
    }

    /// Empties the real keyring of what a case wrote there.
    pub fn clean(&self, customer_id: i64) {
        for secret in SECRETS {
            let slot = slot(secret, &customer_id.to_string());
            self.vault.delete(SANDBOX_PROFILE_ID, &slot).unwrap();
        }
    }
}

pub fn person(email: &str) -> AccountForm {
    AccountForm {
        account_type: Gender::Female,
        email: email.into(),
        first_name: "Guadalupe".into(),
        middle_name: String::new(),
        last_name: "Domínguez".into(),
        second_last_name: "Espinoza".into(),
        mobile: "55 1234 5678".into(),
        rfc: "GODE561231GR8".into(),
        curp: String::new(),
        kyc_level: 1,
        credit_line: "100,000".into(),
    }
}

pub fn on_create(action: FaultAction) -> FaultPlan {
    FaultPlan {
        rules: vec![FaultRule {
            action,
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some("POST".into()),
                path_prefix: Some(CREATE.into()),
            },
        }],
        ..FaultPlan::default()
    }
}

pub fn submitted(answer: AccountAnswer) -> AccountOutcome {
    match answer {
        AccountAnswer::Submitted { outcome } => *outcome,
        AccountAnswer::Refused { issues } => panic!("refused: {issues:?}"),
    }
}
