//! The provider doubles embedded in the app for the Sandbox profile: started with the app, state
//! kept in the app's data directory, reset and fault injection driven from the Sandbox settings.

use std::collections::HashSet;
use std::path::Path;

use mostrador_providers::Credential;
use mostrador_sandbox::{
    BillpocketSandbox, CryptoPocketSandbox, FaultController, FaultPlan, SandboxConfig,
    SandboxError, UnDosTresSandbox,
};
use mostrador_store::{Merchant, Provider, Store, StoreError, UnixSeconds};
use serde::Serialize;
use specta::Type;

use mostrador_providers::undostres::types::{Account, CompositeBalanceRef, ParentRef};

use crate::merchants::form::MerchantForm;
use crate::profiles::SANDBOX_PROFILE_ID;
use crate::undostres::UndostresServiceError;
use crate::undostres::accounts::cache_account;

/// The embedded doubles of the three providers.
pub struct EmbeddedSandbox {
    billpocket: BillpocketSandbox,
    cryptopocket: CryptoPocketSandbox,
    undostres: UnDosTresSandbox,
}

/// What the Sandbox settings show.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SandboxStatus {
    pub billpocket_url: String,
    /// The CryptoPocket and UnDosTres doubles' addresses (their admin routes, for the
    /// end-to-end suite, are there too).
    pub cryptopocket_url: String,
    pub undostres_url: String,
    pub merchants: u32,
    pub links: u32,
    pub faults: FaultPlan,
}

impl EmbeddedSandbox {
    /// Starts the doubles on free loopback ports, with state under `data_dir/sandbox`. Must run
    /// inside a Tokio runtime (the servers are spawned on it).
    pub async fn start(data_dir: &Path) -> Result<Self, SandboxError> {
        let config = SandboxConfig {
            data_dir: Some(data_dir.join("sandbox")),
            ..SandboxConfig::default()
        };
        let billpocket = BillpocketSandbox::start(config.clone()).await?;
        tracing::info!(url = %billpocket.base_url(), "embedded Billpocket sandbox listening");
        let cryptopocket = CryptoPocketSandbox::start(config.clone()).await?;
        tracing::info!(url = %cryptopocket.base_url(), "embedded CryptoPocket sandbox listening");
        let undostres = UnDosTresSandbox::start(config).await?;
        tracing::info!(url = %undostres.base_url(), "embedded UnDosTres sandbox listening");
        Ok(Self {
            billpocket,
            cryptopocket,
            undostres,
        })
    }

    pub fn billpocket_url(&self) -> String {
        self.billpocket.base_url()
    }

    /// The base URL for the Sandbox profile's CryptoPocket client.
    pub fn cryptopocket_url(&self) -> String {
        self.cryptopocket.base_url()
    }

    /// The base URL for the Sandbox profile's UnDosTres client.
    pub fn undostres_url(&self) -> String {
        self.undostres.base_url()
    }

    /// Moves an UnDosTres account's KYC level (1–3) and/or status (1 Active, 2 Suspended), the
    /// double's stand-in for UnDosTres' undocumented upgrade path (Ajustes → Sandbox). `false`
    /// when the double has no such account.
    pub fn set_undostres_account(
        &self,
        customer_id: i64,
        level: Option<u8>,
        status: Option<i64>,
    ) -> Result<bool, SandboxError> {
        self.undostres
            .update(|state| state.set_account(customer_id, level, status))?
            .map_err(|reason| SandboxError::Refused { reason })
    }

    /// The embedded CryptoPocket double itself: its faults, and its state for the KYC admin
    /// controls and tests.
    pub fn cryptopocket(&self) -> &CryptoPocketSandbox {
        &self.cryptopocket
    }

    /// The embedded UnDosTres double itself: its faults and its accounts, for tests.
    pub fn undostres(&self) -> &UnDosTresSandbox {
        &self.undostres
    }

    pub fn status(&self) -> SandboxStatus {
        let (merchants, links) = self.billpocket.inspect(|state| {
            let links: usize = state.merchants.iter().map(|m| m.links.len()).sum();
            (state.merchants.len(), links)
        });
        SandboxStatus {
            billpocket_url: self.billpocket.base_url(),
            cryptopocket_url: self.cryptopocket.base_url(),
            undostres_url: self.undostres.base_url(),
            merchants: u32::try_from(merchants).unwrap_or(u32::MAX),
            links: u32::try_from(links).unwrap_or(u32::MAX),
            faults: self.billpocket.faults().plan(),
        }
    }

    /// Back to the seed data, saved; faults are cleared too, so the sandbox behaves again.
    pub fn reset(&self) -> Result<SandboxStatus, SandboxError> {
        self.billpocket.faults().clear();
        self.billpocket.reset()?;
        self.cryptopocket.faults().clear();
        self.cryptopocket.reset()?;
        self.undostres.faults().clear();
        self.undostres.reset()?;
        Ok(self.status())
    }

    /// Sets the fault plan of every double: an outage makes all three providers unreachable;
    /// a rule meets the requests its method and path match, at whichever double they reach
    /// (each double counts a rule's triggers on its own).
    pub fn set_faults(&self, plan: FaultPlan) -> SandboxStatus {
        for faults in self.every_faults() {
            faults.set_plan(plan.clone());
        }
        self.status()
    }

    /// Waits until every double's server matches its plan (closed during an outage): see
    /// `FaultController::settled`.
    pub async fn faults_settled(&self) {
        for faults in self.every_faults() {
            faults.settled().await;
        }
    }

    fn every_faults(&self) -> [&FaultController; 3] {
        [
            self.billpocket.faults(),
            self.cryptopocket.faults(),
            self.undostres.faults(),
        ]
    }

    /// The requests the Billpocket double saw (method and path only), oldest first.
    pub fn seen_requests(&self) -> Vec<mostrador_sandbox::SeenRequest> {
        self.billpocket.faults().seen()
    }

    /// The user token the double issued to a merchant (its test data, not a user's secret).
    pub fn billpocket_user_token(&self, merchant_id: &str) -> Option<Credential> {
        let user_id: i64 = merchant_id.parse().ok()?;
        self.billpocket.inspect(|state| {
            state
                .merchants
                .iter()
                .find(|m| m.user_id == user_id)
                .map(|m| m.user_token.clone())
        })
    }

    /// Caches the UnDosTres double's accounts in the Sandbox profile, each as a get-account read
    /// would (UnDosTres has no "list accounts" call), with the wallet and parent balance ids the
    /// create answer gave: the customers screen shows them at once. A cached account changes only
    /// when the double's differs (a level moved from the settings).
    pub fn cache_undostres_accounts(
        &self,
        store: &Store,
        now: UnixSeconds,
    ) -> Result<usize, UndostresServiceError> {
        self.cache_undostres(store, now, |_| true)
    }

    /// Caches the double's accounts the Sandbox profile does not hold yet (created by another
    /// client of the double), as [`Self::cache_undostres_accounts`] does: the background
    /// refresh's stand-in for the list UnDosTres does not offer. Known accounts are left to KYC
    /// tracking, which announces and notifies what changed. Answers how many were new.
    pub fn cache_new_undostres_accounts(
        &self,
        store: &Store,
        now: UnixSeconds,
    ) -> Result<usize, UndostresServiceError> {
        let cached: HashSet<String> = store
            .write(|w| w.customers_of(SANDBOX_PROFILE_ID, Provider::Undostres))?
            .into_iter()
            .map(|customer| customer.id)
            .collect();
        self.cache_undostres(store, now, |id| !cached.contains(&id.to_string()))
    }

    fn cache_undostres(
        &self,
        store: &Store,
        now: UnixSeconds,
        wanted: impl Fn(i64) -> bool,
    ) -> Result<usize, UndostresServiceError> {
        let accounts: Vec<Account> = self.undostres.inspect(|state| {
            state
                .accounts
                .iter()
                .filter(|record| wanted(record.id))
                .filter_map(|record| {
                    let mut account: Account = serde_json::from_value(record.account_rs()).ok()?;
                    account.ewallet_id = Some(record.ewallet_id);
                    account.composite_balance = Some(CompositeBalanceRef {
                        parent: Some(ParentRef {
                            id: record.parent.id.clone(),
                        }),
                    });
                    Some(account)
                })
                .collect()
        });
        for account in &accounts {
            cache_account(store, SANDBOX_PROFILE_ID, account, now)?;
        }
        Ok(accounts.len())
    }

    /// Caches the double's merchants in the Sandbox profile, as if an agent had registered them
    /// here (with their registration data and CLABE): Billpocket has no "list merchants" call,
    /// and a fresh install should show links at once.
    pub fn cache_merchants(&self, store: &Store, now: UnixSeconds) -> Result<usize, StoreError> {
        let merchants: Vec<Merchant> = self.billpocket.inspect(|state| {
            state
                .merchants
                .iter()
                .map(|m| {
                    let registration = MerchantForm::from(&m.profile);
                    Merchant {
                        id: m.user_id.to_string(),
                        name: registration.display_name(),
                        email: registration.email.clone(),
                        rfc: registration.rfc.clone(),
                        main_link: m.main_link.clone(),
                        domain: Some(state.domain.clone()),
                        created_at: now,
                        updated_at: now,
                        synced_at: None,
                        person_type: Some(m.profile.tipo_persona.clone())
                            .filter(|t| t == "F" || t == "M"),
                        clabe: m.clabe.as_ref().map(|account| account.clabe.clone()),
                        bank: m.clabe.as_ref().map(|account| account.bank.clone()),
                        registration: serde_json::to_string(&registration).ok(),
                    }
                })
                .collect()
        });
        store.write(|w| w.upsert_merchants(SANDBOX_PROFILE_ID, &merchants, now))
    }
}

#[cfg(test)]
mod tests {
    use mostrador_core::Centavos;
    use mostrador_providers::billpocket::types::LinkRequest;
    use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
    use mostrador_providers::cryptopocket::types::CompanyRequest;
    use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketCredentials};
    use mostrador_providers::{Credential, HttpConfig};
    use mostrador_sandbox::{FaultAction, FaultRule, Outage, Scope, Trigger};

    use super::*;

    #[tokio::test]
    async fn starts_seeded_keeps_state_on_disk_and_resets() {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        let seeded = sandbox.status();
        assert_eq!(seeded.merchants, 2);
        assert!(seeded.links >= 50, "{seeded:?}");
        assert!(seeded.billpocket_url.starts_with("http://127.0.0.1:"));

        // A write through the real client lands in the state file under the data dir.
        let client =
            BillpocketClient::new(&sandbox.billpocket_url(), HttpConfig::default()).unwrap();
        let merchant = BillpocketCredentials {
            api_key: None,
            user_token: Some(Credential::new("sandbox-bp-user-token-61234")),
            x_api_key: Some(Credential::new("sandbox-bp-x-api-key-0001")),
        };
        let request = LinkRequest {
            url_path: None,
            expired_at: None,
            amount: Centavos::new(12_550).to_billpocket(),
            link_type: 1,
            description: "Pastel de chocolate".into(),
            rates: Vec::new(),
            is_fixed_term: false,
        };
        client.create_link(&merchant, &request).await.unwrap();
        assert_eq!(sandbox.status().links, seeded.links + 1);
        assert!(
            dir.path()
                .join("sandbox")
                .read_dir()
                .unwrap()
                .next()
                .is_some()
        );

        let reset = sandbox.reset().unwrap();
        assert_eq!(reset.links, seeded.links);
    }

    #[tokio::test]
    async fn the_cryptopocket_double_runs_beside_it_and_resets_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        assert_ne!(sandbox.cryptopocket_url(), sandbox.billpocket_url());
        let client = CryptoPocketClient::new(
            &sandbox.cryptopocket_url(),
            HttpConfig::default(),
            CryptoPocketCredentials {
                api_key: Credential::new("sandbox-cp-api-key-0001"),
                api_secret: Credential::new("sandbox-cp-api-secret-0001"),
            },
        )
        .unwrap();
        let company = CompanyRequest {
            email: "kyb@embebido.mx".into(),
            company_name: "Embebido S.A.".into(),
        };
        client.create_company(&company).await.unwrap();
        let file = dir.path().join("sandbox").join("cryptopocket-sandbox.json");
        assert!(
            std::fs::read_to_string(&file)
                .unwrap()
                .contains("kyb@embebido.mx")
        );
        sandbox.reset().unwrap();
        // Back to the seed: the company can be registered again.
        client.create_company(&company).await.unwrap();
    }

    #[tokio::test]
    async fn the_undostres_double_runs_beside_them_and_its_levels_move_from_settings() {
        use mostrador_providers::undostres::UnDosTresClient;
        use mostrador_sandbox::undostres::seed::{FIRST_ID, SANDBOX_ECOMMERCE_TOKEN};

        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        assert_ne!(sandbox.undostres_url(), sandbox.cryptopocket_url());
        let client = UnDosTresClient::new(
            &sandbox.undostres_url(),
            HttpConfig::default(),
            Credential::new(SANDBOX_ECOMMERCE_TOKEN),
        )
        .unwrap();
        let seeded = client.account(FIRST_ID).await.unwrap();
        assert!(
            sandbox
                .set_undostres_account(FIRST_ID, Some(1), Some(2))
                .unwrap()
        );
        let moved = client.account(FIRST_ID).await.unwrap();
        assert_eq!((moved.account_level, moved.account_status), (1, Some(2)));
        assert!(!sandbox.set_undostres_account(1, Some(2), None).unwrap());
        assert_eq!(
            mostrador_codes::Coded::code(
                &sandbox
                    .set_undostres_account(FIRST_ID, Some(5), None)
                    .unwrap_err()
            ),
            mostrador_codes::ErrorCode::SandboxRefused
        );
        assert!(
            dir.path()
                .join("sandbox")
                .join("undostres-sandbox.json")
                .exists()
        );

        // The Sandbox profile caches the double's accounts, the moved one as it is now.
        let store = Store::open(dir.path()).unwrap();
        crate::profiles::ensure_sandbox_profile(&store, 1).unwrap();
        assert_eq!(sandbox.cache_undostres_accounts(&store, 2).unwrap(), 15);
        let cached = store
            .undostres_account(SANDBOX_PROFILE_ID, &FIRST_ID.to_string())
            .unwrap()
            .unwrap();
        assert_eq!(cached.account.customer.kyc_level, Some(1));
        assert_eq!(cached.account.account_status, 2);
        assert!(cached.account.parent_balance_id.is_some());
        assert_eq!(sandbox.cache_undostres_accounts(&store, 3).unwrap(), 15);
        let again = store
            .undostres_account(SANDBOX_PROFILE_ID, &FIRST_ID.to_string())
            .unwrap()
            .unwrap();
        assert_eq!(
            again.account.customer.updated_at, 2,
            "unchanged: not rewritten"
        );
        sandbox.reset().unwrap();
        let reset = client.account(FIRST_ID).await.unwrap();
        assert_eq!(reset.account_level, seeded.account_level);
    }

    #[tokio::test]
    async fn faults_set_from_settings_are_reported_and_cleared_by_reset() {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        let plan = FaultPlan {
            latency_ms: 250,
            outage: Some(Outage { duration_ms: None }),
            seed: 0,
            rules: vec![FaultRule {
                action: FaultAction::Status {
                    status: 503,
                    retry_after: Some("2".into()),
                },
                trigger: Trigger::Next(3),
                scope: Scope::default(),
            }],
        };
        assert_eq!(sandbox.set_faults(plan.clone()).faults, plan);
        assert_eq!(sandbox.reset().unwrap().faults, FaultPlan::default());
    }
}
