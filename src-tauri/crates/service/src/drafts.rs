//! Form drafts: several per form and profile (e.g. merchant registrations in progress), each
//! resumable by id. A password never reaches a draft: every key named like `password` or
//! `passwordConfirmation` is removed from the form's JSON, at any depth, before it is stored.
//!
//! Blocking (SQLite): the app calls these from the blocking pool.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_store::{Draft, DraftInput, Store, StoreError, UnixSeconds};
use serde_json::Value;

/// Keys whose values are never drafted, compared ignoring ASCII case, `_` and `-`
/// (so `password_confirmation` and `Password` are removed too).
const SECRET_KEYS: [&str; 2] = ["password", "passwordconfirmation"];

/// Longest title kept, in characters (the list shows one line).
const MAX_TITLE_CHARS: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("a draft needs the kind of form it belongs to")]
    NoKind,
    #[error("draft {0} not found")]
    NotFound(String),
    #[error("unreadable draft body: {0}")]
    Body(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for DraftError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::NoKind => ErrorCode::DraftNoKind,
            Self::NotFound(_) => ErrorCode::DraftNotFound,
            Self::Body(_) => ErrorCode::DraftBody,
            Self::Store(error) => error.code(),
        }
    }
}

/// Saves the form `body` as a draft of `kind`: a new one (with a fresh UUID v4 id) when `id` is
/// `None`, else the draft with that id, replaced. Passwords are removed first. Returns the
/// draft as stored.
pub fn save_draft(
    store: &Store,
    profile_id: &str,
    id: Option<String>,
    kind: &str,
    title: &str,
    mut body: Value,
    now: UnixSeconds,
) -> Result<Draft, DraftError> {
    if kind.trim().is_empty() {
        return Err(DraftError::NoKind);
    }
    strip_secrets(&mut body);
    let body = serde_json::to_string(&body).map_err(|e| DraftError::Body(e.to_string()))?;
    let id = id
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let title: String = title.trim().chars().take(MAX_TITLE_CHARS).collect();
    store.write(|w| {
        w.save_draft(
            &DraftInput {
                id: &id,
                profile_id,
                kind,
                title: &title,
                body: &body,
            },
            now,
        )
    })?;
    load_draft(store, &id)
}

/// The profile's drafts of one form, most recently saved first.
pub fn list_drafts(store: &Store, profile_id: &str, kind: &str) -> Result<Vec<Draft>, DraftError> {
    Ok(store.drafts(profile_id, kind)?)
}

/// One draft, to resume it.
pub fn load_draft(store: &Store, id: &str) -> Result<Draft, DraftError> {
    store
        .draft(id)?
        .ok_or_else(|| DraftError::NotFound(id.to_owned()))
}

/// Deletes a draft; returns whether there was one.
pub fn discard_draft(store: &Store, id: &str) -> Result<bool, DraftError> {
    Ok(store.write(|w| w.discard_draft(id))?)
}

/// Deletes the profile's drafts of `kind` last saved before `before` (drafts nobody came back
/// to); returns how many.
pub fn discard_drafts_saved_before(
    store: &Store,
    profile_id: &str,
    kind: &str,
    before: UnixSeconds,
) -> Result<u32, DraftError> {
    let removed = store.write(|w| w.discard_drafts_saved_before(profile_id, kind, before))?;
    Ok(u32::try_from(removed).unwrap_or(u32::MAX))
}

/// Removes every secret key (see [`SECRET_KEYS`]) from objects at any depth, arrays included.
fn strip_secrets(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| !is_secret_key(key));
            map.values_mut().for_each(strip_secrets);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_secrets),
        _ => {}
    }
}

fn is_secret_key(key: &str) -> bool {
    let normal: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SECRET_KEYS.contains(&normal.as_str())
}

#[cfg(test)]
mod tests {
    use mostrador_codes::Coded;
    use mostrador_store::{Environment, Profile};
    use serde_json::json;

    use super::*;

    const PROFILE: &str = "p1";
    const NOW: i64 = 1_800_000_000;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .write(|w| {
                w.upsert_profile(&Profile {
                    id: PROFILE.into(),
                    name: "Soporte".into(),
                    environment: Environment::Sandbox,
                    billpocket_base_url: None,
                    cryptopocket_base_url: None,
                    undostres_base_url: None,
                    created_at: NOW,
                    updated_at: NOW,
                })
            })
            .unwrap();
        (dir, store)
    }

    #[test]
    fn passwords_never_reach_a_draft_at_any_depth() {
        let (dir, store) = store();
        let body = json!({
            "email": "tacos@example.mx",
            "password": "Sup3r-Secreta!1",
            "passwordConfirmation": "Sup3r-Secreta!1",
            "owner": {
                "name": "Guadalupe",
                "password": "Otra-Secreta!2",
                "contacts": [
                    {"phone": "5512345678", "passwordConfirmation": "Tercera!3"},
                    {"nested": {"Password": "Cuarta!4", "password_confirmation": "Quinta!5"}}
                ]
            },
            "passwordHint": "kept: not a password"
        });
        let saved = save_draft(
            &store,
            PROFILE,
            None,
            "merchant",
            "  Tacos El Güero ",
            body,
            NOW,
        )
        .unwrap();
        assert!(uuid::Uuid::parse_str(&saved.id).is_ok(), "{}", saved.id);
        assert_eq!(saved.title, "Tacos El Güero");
        let stored: Value = serde_json::from_str(&saved.body).unwrap();
        assert_eq!(
            stored,
            json!({
                "email": "tacos@example.mx",
                "owner": {
                    "name": "Guadalupe",
                    "contacts": [
                        {"phone": "5512345678"},
                        {"nested": {}}
                    ]
                },
                "passwordHint": "kept: not a password"
            })
        );

        // Nothing of them is in the database file or its WAL either.
        let db = store.path().to_owned();
        drop(store);
        let mut bytes = std::fs::read(&db).unwrap();
        if let Ok(wal) = std::fs::read(format!("{}-wal", db.display())) {
            bytes.extend(wal);
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("Guadalupe"), "the scan sees the draft");
        for secret in ["Sup3r", "Otra-Secreta", "Tercera", "Cuarta", "Quinta"] {
            assert!(!text.contains(secret), "{secret} stored");
        }
        drop(dir);
    }

    #[test]
    fn drafts_are_created_resumed_listed_and_discarded() {
        let (_dir, store) = store();
        let first = save_draft(
            &store,
            PROFILE,
            None,
            "merchant",
            "Tacos",
            json!({"name": "Ta"}),
            NOW,
        )
        .unwrap();
        let second = save_draft(
            &store,
            PROFILE,
            None,
            "merchant",
            "Flores",
            json!({"name": "Flo"}),
            NOW + 1,
        )
        .unwrap();
        assert_ne!(first.id, second.id);
        // Resuming the first and saving it again keeps its id and creation time.
        let resumed = load_draft(&store, &first.id).unwrap();
        let again = save_draft(
            &store,
            PROFILE,
            Some(resumed.id.clone()),
            "merchant",
            "Tacos El Güero",
            json!({"name": "Tacos El Güero", "password": "x"}),
            NOW + 10,
        )
        .unwrap();
        assert_eq!(
            (again.id.as_str(), again.created_at, again.updated_at),
            (first.id.as_str(), NOW, NOW + 10)
        );
        assert_eq!(again.body, r#"{"name":"Tacos El Güero"}"#);

        let listed: Vec<String> = list_drafts(&store, PROFILE, "merchant")
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(listed, [first.id.clone(), second.id.clone()]);
        assert!(list_drafts(&store, PROFILE, "link").unwrap().is_empty());

        // Only this profile's drafts of this form saved before the cut-off go.
        let other_kind =
            save_draft(&store, PROFILE, None, "link", "", json!({"a": 1}), NOW).unwrap();
        assert_eq!(
            discard_drafts_saved_before(&store, PROFILE, "merchant", NOW + 1).unwrap(),
            0,
            "the first was saved again at NOW + 10"
        );
        assert_eq!(
            discard_drafts_saved_before(&store, PROFILE, "merchant", NOW + 2).unwrap(),
            1
        );
        assert_eq!(
            load_draft(&store, &second.id).unwrap_err().code(),
            "draft.not_found"
        );
        assert!(load_draft(&store, &other_kind.id).is_ok());
        assert!(load_draft(&store, &first.id).is_ok());

        assert!(discard_draft(&store, &first.id).unwrap());
        assert!(!discard_draft(&store, &first.id).unwrap());
        assert_eq!(
            load_draft(&store, &first.id).unwrap_err().code(),
            "draft.not_found"
        );
        assert_eq!(
            save_draft(&store, PROFILE, None, " ", "", json!({}), NOW)
                .unwrap_err()
                .code(),
            "draft.no_kind"
        );
        assert_eq!(
            save_draft(&store, "nobody", None, "merchant", "", json!({}), NOW)
                .unwrap_err()
                .code(),
            "store.conflict",
            "unknown profile"
        );
    }
}
