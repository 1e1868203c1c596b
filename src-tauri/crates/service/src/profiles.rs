//! Profiles as the app uses them: the built-in Sandbox profile that a fresh install opens on,
//! and which profile is active.

use mostrador_store::{Environment, Profile, Store, StoreError, UnixSeconds};
use serde::Serialize;
use specta::Type;

/// The built-in profile backed by the embedded provider doubles. Its base URLs stay empty:
/// the doubles listen on a free port chosen at each start, resolved at call time.
pub const SANDBOX_PROFILE_ID: &str = "sandbox";
const SANDBOX_PROFILE_NAME: &str = "Sandbox";

/// What the shell shows about the active profile, always.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ActiveProfile {
    pub id: String,
    pub name: String,
    pub environment: Environment,
}

impl From<Profile> for ActiveProfile {
    fn from(profile: Profile) -> Self {
        Self {
            id: profile.id,
            name: profile.name,
            environment: profile.environment,
        }
    }
}

/// Creates the Sandbox profile on first run; later runs leave it (and any edits) alone.
pub fn ensure_sandbox_profile(store: &Store, now: UnixSeconds) -> Result<(), StoreError> {
    match store.profile(SANDBOX_PROFILE_ID) {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound(_)) => store.write(|writer| {
            writer.upsert_profile(&Profile {
                id: SANDBOX_PROFILE_ID.to_owned(),
                name: SANDBOX_PROFILE_NAME.to_owned(),
                environment: Environment::Sandbox,
                billpocket_base_url: None,
                cryptopocket_base_url: None,
                undostres_base_url: None,
                created_at: now,
                updated_at: now,
            })
        }),
        Err(error) => Err(error),
    }
}

/// The chosen profile if it still exists, else the Sandbox profile.
pub fn active_profile(store: &Store, chosen: Option<&str>) -> Result<ActiveProfile, StoreError> {
    if let Some(id) = chosen {
        match store.profile(id) {
            Ok(profile) => return Ok(profile.into()),
            Err(StoreError::NotFound(_)) => {
                tracing::warn!(profile = id, "the chosen profile is gone; using Sandbox");
            }
            Err(error) => return Err(error),
        }
    }
    store.profile(SANDBOX_PROFILE_ID).map(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_run_creates_the_sandbox_profile_once_and_it_is_active() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, 100).unwrap();
        ensure_sandbox_profile(&store, 200).unwrap();
        let profiles = store.profiles().unwrap();
        assert_eq!(profiles.len(), 1);
        assert_eq!(profiles[0].environment, Environment::Sandbox);
        assert_eq!(
            profiles[0].created_at, 100,
            "a later run must not recreate it"
        );
        let active = active_profile(&store, None).unwrap();
        assert_eq!(active.id, SANDBOX_PROFILE_ID);
        assert_eq!(active.name, "Sandbox");
    }

    #[test]
    fn a_vanished_choice_falls_back_to_sandbox() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, 1).unwrap();
        let active = active_profile(&store, Some("deleted-profile")).unwrap();
        assert_eq!(active.id, SANDBOX_PROFILE_ID);
    }
}
