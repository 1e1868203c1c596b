//! An in-memory `SecretStore` for unit tests only (cfg(test) or feature `test-util`).

use std::collections::HashMap;
use std::sync::Mutex;

use zeroize::Zeroizing;

use crate::error::Result;
use crate::secret::Secret;
use crate::secret_store::SecretStore;

#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, Zeroizing<String>>>,
}

impl MemoryStore {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Zeroizing<String>>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Every account name held, for assertions.
    pub fn accounts(&self) -> Vec<String> {
        let mut accounts: Vec<String> = self.entries().keys().cloned().collect();
        accounts.sort();
        accounts
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.entries().insert(
            account.to_owned(),
            Zeroizing::new(secret.expose().to_owned()),
        );
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        Ok(self.entries().get(account).map(|v| Secret::new(v.as_str())))
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.entries().remove(account);
        Ok(())
    }
}
