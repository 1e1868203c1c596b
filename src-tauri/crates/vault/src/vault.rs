//! Credentials per profile on top of a `SecretStore`, with an index entry per profile (in the
//! keyring too) so that deleting a profile finds every entry without SQLite knowing them.

use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::credential::{CredentialKind, account_name, index_account, parse_account};
use crate::error::{Result, VaultError};
use crate::keyring_store::KeyringStore;
use crate::secret::Secret;
use crate::secret_store::SecretStore;

/// Keyring service name of every entry.
pub const SERVICE: &str = "mostrador";

/// What the UI may know about a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SecretStatus {
    Set,
    NotSet,
}

pub struct Vault {
    store: Arc<dyn SecretStore>,
    /// Serialises read-modify-write of the index entries within the process.
    index_lock: Mutex<()>,
}

impl Vault {
    pub fn new(store: Arc<dyn SecretStore>) -> Self {
        Self {
            store,
            index_lock: Mutex::new(()),
        }
    }

    /// The OS keyring under [`SERVICE`], probed first: `vault.unavailable` (with a hint) when
    /// there is none.
    pub fn open_os_keyring() -> Result<Self> {
        Ok(Self::new(Arc::new(KeyringStore::probe(SERVICE)?)))
    }

    /// Stores or replaces a credential.
    pub fn put(&self, profile_id: &str, kind: &CredentialKind, secret: &Secret) -> Result<()> {
        let account = account_name(profile_id, kind)?;
        // Indexed before written: an entry can be listed but missing, never stored but unlisted.
        self.update_index(profile_id, |accounts| {
            if !accounts.contains(&account) {
                accounts.push(account.clone());
            }
        })?;
        self.store.set(&account, secret)?;
        tracing::debug!(%account, ?secret, "credential stored");
        Ok(())
    }

    /// Whether a credential is set; the UI never gets more than this.
    pub fn status(&self, profile_id: &str, kind: &CredentialKind) -> Result<SecretStatus> {
        let account = account_name(profile_id, kind)?;
        Ok(match self.store.get(&account)? {
            Some(_) => SecretStatus::Set,
            None => SecretStatus::NotSet,
        })
    }

    /// The secret itself, for provider clients; `vault.not_set` when absent. Not for the UI.
    pub fn get(&self, profile_id: &str, kind: &CredentialKind) -> Result<Secret> {
        let account = account_name(profile_id, kind)?;
        self.store.get(&account)?.ok_or(VaultError::NotSet(account))
    }

    /// Removes a credential; absent is fine.
    pub fn delete(&self, profile_id: &str, kind: &CredentialKind) -> Result<()> {
        let account = account_name(profile_id, kind)?;
        self.store.delete(&account)?;
        self.update_index(profile_id, |accounts| accounts.retain(|a| *a != account))?;
        tracing::debug!(%account, "credential deleted");
        Ok(())
    }

    /// The credentials recorded for a profile.
    pub fn credentials(&self, profile_id: &str) -> Result<Vec<CredentialKind>> {
        Ok(self
            .read_index(profile_id)?
            .iter()
            .filter_map(|a| parse_account(profile_id, a))
            .collect())
    }

    /// Deletes every entry of the profile, then its index. Returns how many entries went.
    pub fn delete_profile(&self, profile_id: &str) -> Result<usize> {
        let _guard = self.lock_index();
        let index = index_account(profile_id)?;
        let accounts = self.read_index(profile_id)?;
        for account in &accounts {
            self.store.delete(account)?;
        }
        self.store.delete(&index)?;
        tracing::info!(
            profile_id,
            count = accounts.len(),
            "profile credentials deleted"
        );
        Ok(accounts.len())
    }

    fn lock_index(&self) -> std::sync::MutexGuard<'_, ()> {
        self.index_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn read_index(&self, profile_id: &str) -> Result<Vec<String>> {
        let index = self.store.get(&index_account(profile_id)?)?;
        Ok(index
            .map(|s| s.expose().lines().map(str::to_owned).collect())
            .unwrap_or_default())
    }

    fn update_index(&self, profile_id: &str, change: impl FnOnce(&mut Vec<String>)) -> Result<()> {
        let _guard = self.lock_index();
        let mut accounts = self.read_index(profile_id)?;
        let before = accounts.clone();
        change(&mut accounts);
        if accounts == before {
            return Ok(());
        }
        let index = index_account(profile_id)?;
        if accounts.is_empty() {
            self.store.delete(&index)
        } else {
            self.store.set(&index, &Secret::new(accounts.join("\n")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::MemoryStore;
    use mostrador_codes::Coded;

    fn vault() -> (Arc<MemoryStore>, Vault) {
        let store = Arc::new(MemoryStore::default());
        (store.clone(), Vault::new(store))
    }

    fn token(customer: &str) -> CredentialKind {
        CredentialKind::UndostresOauthToken {
            customer_id: customer.into(),
        }
    }

    #[test]
    fn put_status_get_replace_delete() {
        let (_, vault) = vault();
        let kind = CredentialKind::BillpocketApiKey;
        assert_eq!(vault.status("p1", &kind).unwrap(), SecretStatus::NotSet);
        assert_eq!(vault.get("p1", &kind).unwrap_err().code(), "vault.not_set");
        vault.put("p1", &kind, &Secret::new("k1")).unwrap();
        assert_eq!(vault.status("p1", &kind).unwrap(), SecretStatus::Set);
        assert_eq!(
            vault.status("p2", &kind).unwrap(),
            SecretStatus::NotSet,
            "profiles are separate"
        );
        vault.put("p1", &kind, &Secret::new("k2")).unwrap();
        assert_eq!(vault.get("p1", &kind).unwrap().expose(), "k2");
        assert_eq!(
            vault.credentials("p1").unwrap(),
            std::slice::from_ref(&kind),
            "replacing does not duplicate"
        );
        vault.delete("p1", &kind).unwrap();
        vault.delete("p1", &kind).unwrap();
        assert_eq!(vault.status("p1", &kind).unwrap(), SecretStatus::NotSet);
        assert!(vault.credentials("p1").unwrap().is_empty());
    }

    #[test]
    fn deleting_a_profile_deletes_all_its_entries_and_index_only() {
        let (store, vault) = vault();
        for (profile, kind) in [
            ("p1", CredentialKind::CryptopocketApiKey),
            ("p1", token("c1")),
            ("p1", token("c2")),
            ("p2", CredentialKind::CryptopocketApiKey),
        ] {
            vault.put(profile, &kind, &Secret::new("s")).unwrap();
        }
        assert_eq!(vault.credentials("p1").unwrap().len(), 3);
        assert_eq!(vault.delete_profile("p1").unwrap(), 3);
        assert_eq!(store.accounts(), ["p2/cryptopocket.api_key", "p2/index"]);
        assert_eq!(vault.delete_profile("p1").unwrap(), 0);
    }

    #[test]
    fn invalid_names_are_refused_before_touching_the_store() {
        let (store, vault) = vault();
        let err = vault
            .put("p1", &token("a/b"), &Secret::new("s"))
            .unwrap_err();
        assert_eq!(err.code(), "vault.invalid_name");
        assert!(store.accounts().is_empty());
    }
}
