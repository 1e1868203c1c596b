//! Profiles as the app uses them: the built-in Sandbox profile that a fresh install opens on,
//! and which profile is active.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::http::is_loopback;
use mostrador_store::{Environment, Profile, Store, StoreError, UnixSeconds};
use mostrador_vault::{Vault, VaultError};
use serde::{Deserialize, Serialize};
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

/// What the profile form sends. Real profiles are `test` or `production`; there is one Sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub name: String,
    pub environment: Environment,
    pub billpocket_base_url: Option<String>,
    pub cryptopocket_base_url: Option<String>,
    pub undostres_base_url: Option<String>,
}

/// Why a profile change was refused; `field` names the form field to highlight.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("invalid profile field {field}: {code}")]
    Invalid {
        code: ErrorCode,
        field: &'static str,
    },
    #[error("the built-in Sandbox profile cannot be changed or deleted")]
    BuiltIn,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl Coded for ProfileError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid { code, .. } => *code,
            Self::BuiltIn => ErrorCode::ProfileBuiltin,
            Self::Store(error) => error.code(),
            Self::Vault(error) => error.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            // A duplicate name is the only uniqueness rule on profiles.
            Self::Store(StoreError::Conflict(_)) => Some("name"),
            _ => None,
        }
    }
}

const MAX_NAME: usize = 60;

/// Trims and checks the form; see [`clean_url`] for the base URLs.
fn clean(input: ProfileInput) -> Result<ProfileInput, ProfileError> {
    let name = input.name.trim().to_owned();
    if name.is_empty() {
        return Err(ProfileError::Invalid {
            code: ErrorCode::ProfileNameRequired,
            field: "name",
        });
    }
    if name.chars().count() > MAX_NAME {
        return Err(ProfileError::Invalid {
            code: ErrorCode::ProfileNameTooLong,
            field: "name",
        });
    }
    if input.environment == Environment::Sandbox {
        return Err(ProfileError::Invalid {
            code: ErrorCode::ProfileEnvironment,
            field: "environment",
        });
    }
    Ok(ProfileInput {
        name,
        environment: input.environment,
        billpocket_base_url: clean_url(input.billpocket_base_url, "billpocketBaseUrl")?,
        cryptopocket_base_url: clean_url(input.cryptopocket_base_url, "cryptopocketBaseUrl")?,
        undostres_base_url: clean_url(input.undostres_base_url, "undostresBaseUrl")?,
    })
}

/// A provider base URL, normalised: absolute `https://`, or `http://` only on this machine
/// (`localhost`, 127.0.0.0/8, `[::1]`: a standalone sandbox or a local staging server), without
/// credentials, query or fragment. Parsed as the HTTP client will parse it, so the host checked
/// here is the host called (`http://localhost@evil.com` is `evil.com` with a user name).
fn clean_url(url: Option<String>, field: &'static str) -> Result<Option<String>, ProfileError> {
    let Some(url) = url.map(|url| url.trim().to_owned()) else {
        return Ok(None);
    };
    if url.is_empty() {
        return Ok(None);
    }
    let invalid = |code| ProfileError::Invalid { code, field };
    let parsed = url::Url::parse(&url).map_err(|_| invalid(ErrorCode::ProfileUrlInvalid))?;
    let well_formed = parsed.has_host()
        && url.contains("://")
        && parsed.username().is_empty()
        && parsed.password().is_none()
        && parsed.query().is_none()
        && parsed.fragment().is_none()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !well_formed {
        return Err(invalid(ErrorCode::ProfileUrlInvalid));
    }
    match parsed.scheme() {
        "https" => {}
        "http" if is_loopback(&parsed) => {}
        "http" => return Err(invalid(ErrorCode::ProfileUrlHttpNotLocal)),
        _ => return Err(invalid(ErrorCode::ProfileUrlInvalid)),
    }
    Ok(Some(parsed.as_str().trim_end_matches('/').to_owned()))
}

/// A profile as the Perfiles screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    #[serde(flatten)]
    pub profile: Profile,
    /// Some provider URL points at this machine (shown with a "Local" badge).
    pub local: bool,
}

pub fn list_profiles(store: &Store) -> Result<Vec<ProfileSummary>, StoreError> {
    Ok(store
        .profiles()?
        .into_iter()
        .map(|profile| ProfileSummary {
            local: is_local(&profile),
            profile,
        })
        .collect())
}

fn is_local(profile: &Profile) -> bool {
    [
        &profile.billpocket_base_url,
        &profile.cryptopocket_base_url,
        &profile.undostres_base_url,
    ]
    .into_iter()
    .flatten()
    .filter_map(|url| url::Url::parse(url).ok())
    .any(|url| is_loopback(&url))
}

/// Creates a real profile (credentials are set separately, into the keyring).
pub fn create_profile(
    store: &Store,
    input: ProfileInput,
    now: UnixSeconds,
) -> Result<Profile, ProfileError> {
    let input = clean(input)?;
    let profile = Profile {
        id: uuid::Uuid::new_v4().to_string(),
        name: input.name,
        environment: input.environment,
        billpocket_base_url: input.billpocket_base_url,
        cryptopocket_base_url: input.cryptopocket_base_url,
        undostres_base_url: input.undostres_base_url,
        created_at: now,
        updated_at: now,
    };
    store.write(|writer| writer.upsert_profile(&profile))?;
    Ok(profile)
}

pub fn update_profile(
    store: &Store,
    id: &str,
    input: ProfileInput,
    now: UnixSeconds,
) -> Result<Profile, ProfileError> {
    if id == SANDBOX_PROFILE_ID {
        return Err(ProfileError::BuiltIn);
    }
    let input = clean(input)?;
    let existing = store.profile(id)?;
    let profile = Profile {
        name: input.name,
        environment: input.environment,
        billpocket_base_url: input.billpocket_base_url,
        cryptopocket_base_url: input.cryptopocket_base_url,
        undostres_base_url: input.undostres_base_url,
        updated_at: now,
        ..existing
    };
    store.write(|writer| writer.upsert_profile(&profile))?;
    Ok(profile)
}

/// Deletes the profile's keyring entries first, then the profile and its cache: if the keyring
/// fails, nothing is deleted and no secret is orphaned.
pub fn delete_profile(store: &Store, vault: &Vault, id: &str) -> Result<(), ProfileError> {
    if id == SANDBOX_PROFILE_ID {
        return Err(ProfileError::BuiltIn);
    }
    store.profile(id)?;
    let removed = vault.delete_profile(id)?;
    store.write(|writer| writer.delete_profile(id))?;
    tracing::info!(
        profile = id,
        removed,
        "profile deleted with its keyring entries"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use mostrador_codes::Coded;
    use std::sync::Arc;

    use mostrador_vault::{CredentialKind, MemoryStore, Secret, SecretStatus};

    use super::*;

    fn input(name: &str, url: Option<&str>) -> ProfileInput {
        ProfileInput {
            name: name.into(),
            environment: Environment::Test,
            billpocket_base_url: url.map(Into::into),
            cryptopocket_base_url: None,
            undostres_base_url: Some("  ".into()),
        }
    }

    #[test]
    fn creates_updates_and_deletes_a_profile_with_its_keyring_entries() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, 1).unwrap();
        let vault = Vault::new(Arc::new(MemoryStore::default()));

        let created = create_profile(
            &store,
            input(" Lupita ", Some("https://api.example.mx/")),
            5,
        )
        .unwrap();
        assert_eq!(created.name, "Lupita");
        assert_eq!(
            created.billpocket_base_url.as_deref(),
            Some("https://api.example.mx")
        );
        assert_eq!(created.undostres_base_url, None, "blank URLs are unset");

        let renamed =
            update_profile(&store, &created.id, input("Lupita pruebas", None), 9).unwrap();
        assert_eq!(renamed.created_at, 5);
        assert_eq!(renamed.updated_at, 9);

        let key = CredentialKind::BillpocketApiKey;
        vault
            .put(&created.id, &key, &Secret::new("clave-de-prueba"))
            .unwrap();
        delete_profile(&store, &vault, &created.id).unwrap();
        assert_eq!(
            vault.status(&created.id, &key).unwrap(),
            SecretStatus::NotSet
        );
        assert!(matches!(
            store.profile(&created.id),
            Err(StoreError::NotFound(_))
        ));
    }

    #[test]
    fn refuses_bad_input_naming_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for (form, code, field) in [
            (input("  ", None), "profile.name_required", "name"),
            (
                input(&"x".repeat(61), None),
                "profile.name_too_long",
                "name",
            ),
            (
                input("A", Some("https://user:pw@api.mx")),
                "profile.url_invalid",
                "billpocketBaseUrl",
            ),
            (
                input("A", Some("https://api.mx/?x=1")),
                "profile.url_invalid",
                "billpocketBaseUrl",
            ),
        ] {
            match create_profile(&store, form, 1) {
                Err(ProfileError::Invalid { code: c, field: f }) => {
                    assert_eq!((c.as_str(), f), (code, field));
                }
                other => panic!("expected {code}, got {other:?}"),
            }
        }
        let sandbox = ProfileInput {
            environment: Environment::Sandbox,
            ..input("B", None)
        };
        assert_eq!(
            create_profile(&store, sandbox, 1).unwrap_err().code(),
            "profile.environment"
        );
    }

    fn checked(url: &str) -> Result<Option<String>, &'static str> {
        clean_url(Some(url.into()), "billpocketBaseUrl").map_err(|error| error.code().as_str())
    }

    #[test]
    fn https_anywhere_and_http_only_on_this_machine() {
        for (url, stored) in [
            ("https://x.example", "https://x.example"),
            ("https://api.example.mx/v2/", "https://api.example.mx/v2"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.5.6.7", "http://127.5.6.7"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("HTTP://LocalHost:3000", "http://localhost:3000"),
            ("http://[::1]:9000", "http://[::1]:9000"),
        ] {
            assert_eq!(checked(url), Ok(Some(stored.to_owned())), "{url}");
        }
        for url in [
            "http://192.168.1.5",
            "http://10.0.0.1",
            "http://example.com",
            "http://localhost.evil.com",
            "http://127.0.0.1.nip.io",
            "http://[::ffff:127.0.0.1]",
        ] {
            assert_eq!(checked(url), Err("profile.url_http_not_local"), "{url}");
        }
        for url in [
            "ftp://127.0.0.1/files",
            "ftp://example.com",
            "file:///etc/passwd",
            "http://localhost@evil.com",
            "http://127.0.0.1:80@evil.com",
            "https://user:pw@api.mx",
            "https://api.mx/?x=1",
            "https://api.mx/#top",
            "https:api.mx",
            "https://api mx",
            "localhost:3000",
            "https://",
        ] {
            assert_eq!(checked(url), Err("profile.url_invalid"), "{url}");
        }
    }

    #[test]
    fn a_profile_on_this_machine_is_listed_as_local() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, 1).unwrap();
        create_profile(&store, input("Remoto", Some("https://api.example.mx")), 2).unwrap();
        let local = ProfileInput {
            cryptopocket_base_url: Some("http://127.0.0.1:4010".into()),
            ..input("Local", Some("https://api.example.mx"))
        };
        create_profile(&store, local, 3).unwrap();
        let listed: Vec<(String, bool)> = list_profiles(&store)
            .unwrap()
            .into_iter()
            .map(|summary| (summary.profile.name, summary.local))
            .collect();
        assert_eq!(
            listed,
            [
                ("Local".to_owned(), true),
                ("Remoto".to_owned(), false),
                ("Sandbox".to_owned(), false),
            ]
        );
        let json = serde_json::to_value(&list_profiles(&store).unwrap()[0]).unwrap();
        assert_eq!(json["name"], "Local");
        assert_eq!(json["local"], true);
    }

    #[test]
    fn the_sandbox_profile_cannot_be_edited_or_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ensure_sandbox_profile(&store, 1).unwrap();
        let vault = Vault::new(Arc::new(MemoryStore::default()));
        let error = update_profile(&store, SANDBOX_PROFILE_ID, input("X", None), 2).unwrap_err();
        assert_eq!(error.code(), "profile.builtin");
        let error = delete_profile(&store, &vault, SANDBOX_PROFILE_ID).unwrap_err();
        assert_eq!(error.code(), "profile.builtin");
    }

    #[test]
    fn a_duplicate_name_is_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        create_profile(&store, input("Lupita", None), 1).unwrap();
        let error = create_profile(&store, input("Lupita", None), 2).unwrap_err();
        assert_eq!(error.code(), "store.conflict");
    }

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
