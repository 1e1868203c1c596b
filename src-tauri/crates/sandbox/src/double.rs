//! What every provider double shares: its state behind a lock, saved to its state file after
//! each change, the seed it starts from and returns to, and the running server with its fault
//! controller and admin routes. A provider plugs in its state type through [`DoubleState`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::post;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::faults::{FaultController, admin_routes};
use crate::persist::StateFile;
use crate::server::{self, ServerHandle};
use crate::{SandboxConfig, SandboxError};

/// A provider double's data: where it is saved, what it starts from, and its routes.
pub trait DoubleState: Serialize + DeserializeOwned + Send + Sized + 'static {
    /// For log lines.
    const PROVIDER: &'static str;
    /// The state file's name in the data directory.
    const STATE_FILE: &'static str;
    /// The starting data (also what a reset returns to).
    fn seeded() -> Self;
    /// The provider's API, mounted behind the fault layer.
    fn routes(double: Arc<Double<Self>>) -> Router;
    /// Extra `/__sandbox/...` routes for tests and the Sandbox settings (never faulted).
    fn admin_routes(_double: Arc<Double<Self>>) -> Router {
        Router::new()
    }
}

/// A double's state and where it is saved.
pub struct Double<S> {
    state: Mutex<S>,
    file: Option<StateFile>,
}

impl<S: DoubleState> Double<S> {
    pub(crate) fn lock(&self) -> MutexGuard<'_, S> {
        // Handlers never leave the state half-changed across a panic point; keep serving.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn save(&self, state: &S) -> Result<(), SandboxError> {
        self.file.as_ref().map_or(Ok(()), |file| file.save(state))
    }

    /// Runs a change and saves the state if it succeeded: an answer only leaves once the change
    /// is saved. `save_failed` is the answer when saving fails.
    pub(crate) fn write<R, E>(
        &self,
        change: impl FnOnce(&mut S) -> Result<R, E>,
        save_failed: impl FnOnce() -> E,
    ) -> Result<R, E> {
        let mut state = self.lock();
        let answer = change(&mut state)?;
        if let Err(error) = self.save(&state) {
            tracing::error!(provider = S::PROVIDER, %error, "sandbox: could not save state");
            return Err(save_failed());
        }
        Ok(answer)
    }

    fn reset(&self) -> Result<(), SandboxError> {
        let mut state = self.lock();
        *state = S::seeded();
        self.save(&state)
    }
}

/// A running double on a loopback port.
pub struct Sandbox<S: DoubleState> {
    double: Arc<Double<S>>,
    faults: FaultController,
    server: ServerHandle,
}

impl<S: DoubleState> Sandbox<S> {
    /// Starts the double. With `data_dir`, state is loaded from (and saved to) its state file
    /// there; otherwise it lives in memory. Either way a fresh state is the seed.
    pub async fn start(config: SandboxConfig) -> Result<Self, SandboxError> {
        let file = config
            .data_dir
            .as_deref()
            .map(|dir| StateFile::new(dir, S::STATE_FILE));
        let state = match &file {
            Some(file) => load_or_seed(file)?,
            None => S::seeded(),
        };
        let double = Arc::new(Double {
            state: Mutex::new(state),
            file,
        });
        let faults = FaultController::default();
        let reset_target = double.clone();
        let admin = admin_routes(faults.clone())
            .route(
                "/__sandbox/reset",
                post(move || async move {
                    match reset_target.reset() {
                        Ok(()) => StatusCode::NO_CONTENT,
                        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
                    }
                }),
            )
            .merge(S::admin_routes(double.clone()));
        let server = server::spawn(
            config.bind,
            S::routes(double.clone()),
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
        self.double.reset()
    }

    /// Reads the current state (for tests and the app's Sandbox screen).
    pub fn inspect<R>(&self, f: impl FnOnce(&S) -> R) -> R {
        f(&self.double.lock())
    }

    /// Changes the state directly and saves it (for tests and the Sandbox settings, like the
    /// admin routes).
    pub fn update<R>(&self, f: impl FnOnce(&mut S) -> R) -> Result<R, SandboxError> {
        let mut state = self.double.lock();
        let answer = f(&mut state);
        self.double.save(&state)?;
        Ok(answer)
    }

    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}

/// The saved state; a corrupt file is set aside (never deleted) and the seed used instead.
fn load_or_seed<S: DoubleState>(file: &StateFile) -> Result<S, SandboxError> {
    match file.load() {
        Ok(Some(state)) => Ok(state),
        Ok(None) => {
            let state = S::seeded();
            file.save(&state)?;
            Ok(state)
        }
        Err(SandboxError::CorruptState { path, detail }) => {
            let aside = PathBuf::from(format!("{}.corrupt", path.display()));
            tracing::warn!(provider = S::PROVIDER, path = %path.display(), %detail, "sandbox state unreadable; set aside, starting from the seed");
            std::fs::rename(&path, &aside).map_err(|source| SandboxError::Io { path, source })?;
            let state = S::seeded();
            file.save(&state)?;
            Ok(state)
        }
        Err(other) => Err(other),
    }
}
