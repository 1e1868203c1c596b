//! The one way blocking work leaves the async threads: SQLite, the keyring (D-Bus), files and the
//! clipboard all run on Tokio's blocking pool. Every caller, the shell included, goes through
//! `run`; each picks its own error type.

use std::sync::Arc;

use mostrador_store::Store;
use tokio::task::JoinError;

/// Runs `work` on Tokio's blocking pool. Its error becomes the caller's error type `X`, and so
/// does a panicked or cancelled task.
pub async fn run<T, E, X>(work: impl FnOnce() -> Result<T, E> + Send + 'static) -> Result<T, X>
where
    T: Send + 'static,
    E: Into<X> + Send + 'static,
    X: From<JoinError>,
{
    tokio::task::spawn_blocking(work).await?.map_err(Into::into)
}

/// [`run`] with its own handle on the store.
pub(crate) async fn blocking<T, E, X>(
    store: &Arc<Store>,
    work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, X>
where
    T: Send + 'static,
    E: Into<X> + Send + 'static,
    X: From<JoinError>,
{
    let store = Arc::clone(store);
    run(move || work(&store)).await
}
