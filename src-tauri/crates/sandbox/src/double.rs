//! What every provider double shares: its state behind a lock, saved to its state file after
//! each change (saves shared by the changes made while one is written), the seed it starts from
//! and returns to, and the running server with its fault controller and admin routes. A
//! provider plugs in its state type through [`DoubleState`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
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
/// `Clone`: a save serialises a copy, so that requests need not wait for it.
pub trait DoubleState: Clone + Serialize + DeserializeOwned + Send + Sized + 'static {
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
    /// Changes made through [`Double::write`], counted under the state's lock.
    changes: AtomicU64,
    /// How many of those the state file holds; locked while a save is written.
    saved: Mutex<u64>,
}

impl<S: DoubleState> Double<S> {
    pub(crate) fn lock(&self) -> MutexGuard<'_, S> {
        // Handlers never leave the state half-changed across a panic point; keep serving.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Counts a change made while holding the state's lock; its number for [`Self::save_through`].
    fn changed(&self) -> u64 {
        self.changes.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Runs a change and saves the state if it succeeded: an answer only leaves once the change
    /// is saved. `save_failed` is the answer when saving fails.
    ///
    /// Saves are shared (group commit): while one is written, the changes made meanwhile wait
    /// and the next save covers them all. A save copies the state under its lock and serialises
    /// and writes the copy outside it, so a save that takes longer than the requests in flight
    /// (a large state, a slow disk) no longer makes them wait one behind the other.
    pub(crate) fn write<R, E>(
        &self,
        change: impl FnOnce(&mut S) -> Result<R, E>,
        save_failed: impl FnOnce() -> E,
    ) -> Result<R, E> {
        let (answer, change_number) = {
            let mut state = self.lock();
            (change(&mut state)?, self.changed())
        };
        if let Err(error) = self.save_through(change_number) {
            tracing::error!(provider = S::PROVIDER, %error, "sandbox: could not save state");
            return Err(save_failed());
        }
        Ok(answer)
    }

    /// Returns once the state file holds change `number` (saving it unless a save since did).
    fn save_through(&self, number: u64) -> Result<(), SandboxError> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut saved = self
            .saved
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *saved >= number {
            return Ok(());
        }
        let (copy, covered) = {
            let state = self.lock();
            (state.clone(), self.changes.load(Ordering::SeqCst))
        };
        file.save(&copy)?;
        *saved = covered;
        Ok(())
    }

    fn reset(&self) -> Result<(), SandboxError> {
        let number = {
            let mut state = self.lock();
            *state = S::seeded();
            self.changed()
        };
        self.save_through(number)
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
            changes: AtomicU64::new(0),
            saved: Mutex::new(0),
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
        let (answer, number) = {
            let mut state = self.double.lock();
            (f(&mut state), self.double.changed())
        };
        self.double.save_through(number)?;
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::CryptoPocketSandbox;
    use crate::cryptopocket::seed::SANDBOX_INTEGRATION;
    use mostrador_providers::cryptopocket::types::PersonRequest;

    fn person(n: usize) -> PersonRequest {
        PersonRequest {
            name: format!("Cliente {n}"),
            last_name: "Guardado".into(),
            email: format!("guardado{n}@sandbox.mostrador.test"),
            ..Default::default()
        }
    }

    /// Changes made from many threads at once, each answered only after a shared save: all of
    /// them are in the file a restarted double loads.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_change_answered_is_in_the_state_file_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let config = || SandboxConfig {
            data_dir: Some(dir.path().to_path_buf()),
            ..SandboxConfig::default()
        };
        let sandbox = CryptoPocketSandbox::start(config()).await.unwrap();
        let before = sandbox.inspect(|state| state.customers.len());
        let double = Arc::clone(&sandbox.double);
        let writers: Vec<_> = (0..8)
            .map(|thread| {
                let double = Arc::clone(&double);
                std::thread::spawn(move || {
                    for n in 0..25 {
                        double
                            .write(
                                |state| {
                                    state
                                        .create_person(
                                            SANDBOX_INTEGRATION,
                                            person(thread * 100 + n),
                                            0,
                                        )
                                        .map(|_| ())
                                },
                                || unreachable!("the save failed"),
                            )
                            .unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        sandbox.shutdown().await;

        let restarted = CryptoPocketSandbox::start(config()).await.unwrap();
        assert_eq!(
            restarted.inspect(|state| state.customers.len()),
            before + 200
        );
    }
}
