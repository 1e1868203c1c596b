//! Store work on the blocking pool: SQLite (and the keyring) never run on the async runtime's
//! threads. Shared by every async use case; each module picks its own error type.

use std::sync::Arc;

use mostrador_store::Store;
use tokio::task::JoinError;

/// Runs `work` on Tokio's blocking pool with its own handle on the store. Its error becomes the
/// caller's error type `X`, and so does a panicked or cancelled task.
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
    tokio::task::spawn_blocking(move || work(&store))
        .await?
        .map_err(Into::into)
}
