//! The Billpocket double: merchants, payment links, link configuration, CLABE and catalogues.

pub mod catalogues;
mod routes;
pub mod seed;
pub mod state;
mod validate;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::StatusCode;
use axum::routing::post;
use time::PrimitiveDateTime;

use crate::faults::{FaultController, admin_routes};
use crate::persist::StateFile;
use crate::server::{self, ServerHandle};
use crate::{SandboxConfig, SandboxError};
use state::BillpocketState;

const STATE_FILE: &str = "billpocket-sandbox.json";

/// The double's state and where it is saved.
pub(crate) struct BillpocketDouble {
    state: Mutex<BillpocketState>,
    file: Option<StateFile>,
}

impl BillpocketDouble {
    fn lock(&self) -> MutexGuard<'_, BillpocketState> {
        // Handlers never leave the state half-changed across a panic point; keep serving.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn save(&self, state: &BillpocketState) -> Result<(), SandboxError> {
        self.file.as_ref().map_or(Ok(()), |file| file.save(state))
    }
}

/// A running Billpocket double on a loopback port.
pub struct BillpocketSandbox {
    double: Arc<BillpocketDouble>,
    faults: FaultController,
    server: ServerHandle,
}

impl BillpocketSandbox {
    /// Starts the double. With `data_dir`, state is loaded from (and saved to)
    /// `billpocket-sandbox.json` there; otherwise it lives in memory. Either way a fresh state is
    /// the seed ([`seed::seeded`]).
    pub async fn start(config: SandboxConfig) -> Result<Self, SandboxError> {
        let file = config
            .data_dir
            .as_deref()
            .map(|dir| StateFile::new(dir, STATE_FILE));
        let state = match &file {
            Some(file) => load_or_seed(file)?,
            None => seed::seeded(),
        };
        let double = Arc::new(BillpocketDouble {
            state: Mutex::new(state),
            file,
        });
        let faults = FaultController::default();
        let reset_target = double.clone();
        let admin = admin_routes(faults.clone()).route(
            "/__sandbox/reset",
            post(move || async move {
                match reset(&reset_target) {
                    Ok(()) => StatusCode::NO_CONTENT,
                    Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
                }
            }),
        );
        let server = server::spawn(
            config.bind,
            routes::router(double.clone()),
            admin,
            faults.clone(),
        )
        .await
        .map_err(|source| SandboxError::Bind {
            addr: config.bind,
            source,
        })?;
        Ok(Self {
            double,
            faults,
            server,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    /// The base URL to put in the Sandbox profile, `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr())
    }

    pub fn faults(&self) -> &FaultController {
        &self.faults
    }

    /// Back to the seed, saved.
    pub fn reset(&self) -> Result<(), SandboxError> {
        reset(&self.double)
    }

    /// Reads the current state (for tests and the app's Sandbox screen).
    pub fn inspect<R>(&self, f: impl FnOnce(&BillpocketState) -> R) -> R {
        f(&self.double.lock())
    }

    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}

fn reset(double: &BillpocketDouble) -> Result<(), SandboxError> {
    let mut state = double.lock();
    *state = seed::seeded();
    double.save(&state)
}

/// The saved state; a corrupt file is set aside (never deleted) and the seed used instead.
fn load_or_seed(file: &StateFile) -> Result<BillpocketState, SandboxError> {
    match file.load() {
        Ok(Some(state)) => Ok(state),
        Ok(None) => {
            let state = seed::seeded();
            file.save(&state)?;
            Ok(state)
        }
        Err(SandboxError::CorruptState { path, detail }) => {
            let aside = PathBuf::from(format!("{}.corrupt", path.display()));
            tracing::warn!(path = %path.display(), %detail, "sandbox state unreadable; set aside, starting from the seed");
            std::fs::rename(&path, &aside).map_err(|source| SandboxError::Io { path, source })?;
            let state = seed::seeded();
            file.save(&state)?;
            Ok(state)
        }
        Err(other) => Err(other),
    }
}

/// The double's clock: Billpocket's, from the providers crate (one assumption, one place).
fn now() -> PrimitiveDateTime {
    mostrador_providers::billpocket::clock::now()
}
