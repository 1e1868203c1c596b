//! The app's state as one value, opened once from its two directories: the cache, the embedded
//! Sandbox, the OS keyring (or why there is none), the preferences file and the event sink. Its
//! methods are the use cases the shell's commands adapt, one each, so the shell holds no logic
//! and every path here is testable without a window.

mod customers;
mod error;
mod links;
mod merchants;
mod profiles;
mod tracking;
mod undostres;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use mostrador_providers::HttpConfig;
use mostrador_providers::cryptopocket::CryptoPocketClient;
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_store::{Store, UnixSeconds};
use mostrador_vault::{Vault, VaultError};

pub use self::error::ServiceError;
pub use self::links::{LinkExport, LinksStatus};
pub use self::merchants::RegisterAnswer;
use crate::billpocket_access::{BillpocketAccess, integrator_access, merchant_access};
use crate::blocking::blocking;
use crate::customers::access::{ClientCache, cryptopocket_client};
use crate::customers::notify::{Notifier, Silent};
use crate::customers::tracking::Tracker;
use crate::events::Events;
use crate::outbox::recover_interrupted;
use crate::preferences::PreferencesFile;
use crate::profiles::{ActiveProfile, ensure_sandbox_profile};
use crate::sandbox_host::EmbeddedSandbox;
use crate::undostres::access::client as undostres_client;
use crate::undostres::secrets::WaitingSecrets;

/// Where the app keeps its data (the cache, the Sandbox's state) and its preferences.
#[derive(Debug, Clone)]
pub struct AppDirs {
    pub data: PathBuf,
    pub config: PathBuf,
}

pub struct App {
    data_dir: PathBuf,
    preferences: PreferencesFile,
    store: Arc<Store>,
    sandbox: Arc<EmbeddedSandbox>,
    /// The OS keyring, or why there is none: the app still opens (the Sandbox needs no secret)
    /// and every credential action explains how to fix it.
    vault: Result<Arc<Vault>, Arc<VaultError>>,
    /// New UnDosTres accounts' secrets the keyring refused, until stored again (memory only).
    waiting_secrets: WaitingSecrets,
    events: Events,
    /// The KYC refreshes' shared limit and provider gates.
    tracker: Tracker,
    /// The desktop's notifications ([`App::with_notifier`]); silent until the shell sets one.
    notifier: Arc<dyn Notifier>,
    /// The active profile's CryptoPocket client with its token (see [`ClientCache`]).
    cryptopocket_clients: ClientCache,
}

impl App {
    /// The start-up sequence: creates the data directory, opens (and migrates) the cache, makes
    /// sure the Sandbox profile exists, starts the embedded doubles and caches their merchants,
    /// marks writes cut off by the last exit as uncertain, and opens the OS keyring.
    pub async fn open(dirs: AppDirs, events: Events) -> Result<Self, ServiceError> {
        let vault = Vault::open_os_keyring().inspect_err(|error| {
            tracing::warn!(%error, "no OS keyring: credentials cannot be stored");
        });
        tracing::info!("startup: keyring opened");
        Self::open_with_vault(dirs, vault, events).await
    }

    /// [`App::open`] with a given keyring, or why there is none (tests use an in-memory one).
    pub async fn open_with_vault(
        dirs: AppDirs,
        vault: Result<Vault, VaultError>,
        events: Events,
    ) -> Result<Self, ServiceError> {
        let AppDirs { data, config } = dirs;
        std::fs::create_dir_all(&data).map_err(|source| ServiceError::DataDir {
            path: data.clone(),
            source,
        })?;
        let store = Store::open(&data)?;
        ensure_sandbox_profile(&store, unix_now())?;
        tracing::info!("startup: store opened");
        let sandbox = EmbeddedSandbox::start(&data).await?;
        tracing::info!("startup: embedded sandbox up");
        let now = unix_now();
        sandbox.cache_merchants(&store, now)?;
        sandbox.cache_undostres_accounts(&store, now)?;
        let interrupted = recover_interrupted(&store, now)?;
        // Secrets that waited in the memory of the last run went with it.
        let lost = store.write(|w| w.lose_waiting_undostres_secrets())?;
        if lost > 0 {
            tracing::warn!(lost, "undostres accounts whose secrets were never stored");
        }
        if interrupted > 0 {
            tracing::warn!(
                interrupted,
                "writes cut off by the last exit will be checked at sync"
            );
        }
        Ok(Self {
            data_dir: data,
            preferences: PreferencesFile::in_dir(&config),
            store: Arc::new(store),
            sandbox: Arc::new(sandbox),
            vault: vault.map(Arc::new).map_err(Arc::new),
            waiting_secrets: WaitingSecrets::default(),
            events,
            tracker: Tracker::default(),
            notifier: Arc::new(Silent),
            cryptopocket_clients: ClientCache::default(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The chosen profile if it still exists, else the Sandbox profile.
    pub async fn active_profile(&self) -> Result<ActiveProfile, ServiceError> {
        let chosen = self.preferences.load().active_profile_id;
        self.store(move |store| crate::profiles::active_profile(store, chosen.as_deref()))
            .await
    }

    /// Store work on the blocking pool: SQLite never runs on the async runtime's threads.
    async fn store<T, E>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, ServiceError>
    where
        T: Send + 'static,
        E: Into<ServiceError> + Send + 'static,
    {
        blocking(&self.store, work).await
    }

    /// Store and keyring work together on the blocking pool (D-Bus blocks too).
    async fn store_and_vault<T, E>(
        &self,
        work: impl FnOnce(&Store, &Vault) -> Result<T, E> + Send + 'static,
    ) -> Result<T, ServiceError>
    where
        T: Send + 'static,
        E: Into<ServiceError> + Send + 'static,
    {
        let vault = self.vault.clone().map_err(ServiceError::NoKeyring)?;
        blocking(&self.store, move |store| work(store, &vault)).await
    }

    /// The Billpocket client and credentials of a merchant (`Some`) or of the integrator
    /// (`None`: registering, connecting, catalogues) in the active profile.
    async fn billpocket(
        &self,
        merchant_id: Option<&str>,
    ) -> Result<(ActiveProfile, BillpocketAccess), ServiceError> {
        let merchant_id = merchant_id.map(str::to_owned);
        self.provider(move |store, vault, sandbox, profile_id| {
            let config = HttpConfig::default();
            match merchant_id {
                Some(id) => merchant_access(store, vault, sandbox, profile_id, &id, config),
                None => integrator_access(store, vault, sandbox, profile_id, config),
            }
        })
        .await
    }

    /// The UnDosTres client of the active profile.
    async fn undostres(&self) -> Result<(ActiveProfile, UnDosTresClient), ServiceError> {
        self.provider(|store, vault, sandbox, profile_id| {
            undostres_client(store, vault, sandbox, profile_id, HttpConfig::default())
        })
        .await
    }

    /// The CryptoPocket client of the active profile: the kept one, or a new one kept from now
    /// on (it authenticates at its first call).
    async fn cryptopocket(&self) -> Result<(ActiveProfile, Arc<CryptoPocketClient>), ServiceError> {
        let profile = self.active_profile().await?;
        if let Some(client) = self.cryptopocket_clients.get(&profile.id) {
            return Ok((profile, client));
        }
        let (profile, client) = self
            .provider(|store, vault, sandbox, profile_id| {
                cryptopocket_client(store, vault, sandbox, profile_id, HttpConfig::default())
            })
            .await?;
        let client = self.cryptopocket_clients.keep(&profile.id, client);
        Ok((profile, client))
    }

    /// A provider client for the active profile, resolved on the blocking pool: the profile
    /// comes from SQLite and real profiles' secrets from the keyring (D-Bus).
    async fn provider<T, E>(
        &self,
        resolve: impl FnOnce(&Store, Result<&Vault, &str>, &EmbeddedSandbox, &str) -> Result<T, E>
        + Send
        + 'static,
    ) -> Result<(ActiveProfile, T), ServiceError>
    where
        T: Send + 'static,
        E: Into<ServiceError> + Send + 'static,
    {
        let profile = self.active_profile().await?;
        let (vault, sandbox) = (self.vault.clone(), Arc::clone(&self.sandbox));
        let profile_id = profile.id.clone();
        let resolved = self
            .store(move |store| {
                let why = vault.as_ref().err().map(ToString::to_string);
                let vault = vault
                    .as_deref()
                    .map_err(|_| why.as_deref().unwrap_or_default());
                resolve(store, vault, &sandbox, &profile_id)
            })
            .await?;
        Ok((profile, resolved))
    }
}

/// Now, in Unix seconds, for stamping rows and judging expiry.
pub fn unix_now() -> UnixSeconds {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}
