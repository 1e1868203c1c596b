//! Helpers for leak tests (feature `test-util`): capture every log line at TRACE, pick the vault
//! the test command provides, and search bytes for secret values.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use tracing::subscriber::DefaultGuard;

use crate::{KeyringStore, MemoryStore, SERVICE, SecretStore, Vault};

/// Everything logged on this thread while the guard lives.
#[derive(Clone, Default)]
pub struct CapturedLogs(Arc<Mutex<Vec<u8>>>);

impl CapturedLogs {
    /// Installs a TRACE-level subscriber for the current thread that writes here.
    pub fn install() -> (Self, DefaultGuard) {
        let logs = Self::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Write for CapturedLogs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The real OS keyring when the test command provides one (`MOSTRADOR_REAL_KEYRING=1`), else
/// memory: what leak tests check is what our code writes elsewhere.
pub fn vault_for_tests() -> crate::Result<Vault> {
    Ok(Vault::new(secret_store_for_tests()?))
}

/// The backend of [`vault_for_tests`], for a test that wraps it (to count or refuse writes).
pub fn secret_store_for_tests() -> crate::Result<Arc<dyn SecretStore>> {
    if std::env::var("MOSTRADOR_REAL_KEYRING").is_ok_and(|v| v == "1") {
        Ok(Arc::new(KeyringStore::probe(SERVICE)?))
    } else {
        Ok(Arc::new(MemoryStore::default()))
    }
}

/// Whether `needle` occurs anywhere in `haystack`.
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}
