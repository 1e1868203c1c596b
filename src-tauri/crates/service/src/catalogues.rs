//! Billpocket's catalogues (states, municipalities of a state, commercial activities, company
//! types) for the merchant registration form, kept in the store with their fetch time so the
//! form works offline. A copy younger than the caller's maximum age is answered without a call;
//! an older one is refreshed, and when the refresh fails the old copy is answered marked stale.

use std::cmp::Ordering;
use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_core::MxState;
use mostrador_providers::ProviderError;
use mostrador_providers::billpocket::types::CatalogItem;
use mostrador_store::{Catalogue, Store, StoreError, UnixSeconds};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::billpocket_access::BillpocketAccess;

/// The `provider` column of the cached catalogues.
const PROVIDER: &str = "billpocket";

/// A sensible maximum age for callers without an opinion: catalogues change rarely.
pub const DEFAULT_MAX_AGE_SECS: i64 = 7 * 86_400;

/// Which catalogue: `{"kind":"states"}`, `{"kind":"municipalities","state":"09"}`, …
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CatalogueName {
    States,
    /// Municipalities of a state, by its INEGI id (`"09"` is Ciudad de México).
    Municipalities {
        state: String,
    },
    CommercialActivities,
    CompanyTypes,
}

impl CatalogueName {
    /// The name the catalogue is cached under (per profile and provider).
    pub fn cache_key(&self) -> String {
        match self {
            Self::States => "estados".into(),
            Self::Municipalities { state } => format!("municipios/{state}"),
            Self::CommercialActivities => "actividades-comerciales".into(),
            Self::CompanyTypes => "tipos-sociedad".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueItem {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueAnswer {
    /// Sorted by name, ignoring case and accents (ñ after n).
    pub items: Vec<CatalogueItem>,
    /// When these items were fetched from Billpocket; `None` for the app's own copy of a fixed
    /// catalogue (the states), answered when Billpocket could not be asked and nothing was cached.
    #[specta(type = Option<specta_typescript::Number>)]
    pub fetched_at: Option<UnixSeconds>,
    /// The refresh failed and this is an older copy; the UI may say so.
    pub stale: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// A municipality catalogue was asked for an empty or malformed state id.
    #[error("invalid state id {0:?}")]
    InvalidState(String),
    /// Billpocket could not be asked and nothing was cached.
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("background task failed: {0}")]
    Task(String),
}

impl Coded for CatalogueError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidState(_) => ErrorCode::CatalogueInvalidState,
            Self::Provider(error) => error.code(Provider::Billpocket),
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
        }
    }
}

impl From<tokio::task::JoinError> for CatalogueError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Task(error.to_string())
    }
}

/// Answers the catalogue `name` of `profile_id`: from the cache when it was fetched less than
/// `max_age_secs` ago, else from Billpocket (caching the answer), else — the fetch failed — from
/// an older cached copy with `stale: true`. Without any copy the provider's error is returned
/// (`billpocket.network_unreachable` when offline), except for the states, which are fixed: the
/// app's own list answers them, so a fresh install can fill an address offline.
pub async fn catalogue(
    store: &Arc<Store>,
    access: &BillpocketAccess,
    profile_id: &str,
    name: CatalogueName,
    now: UnixSeconds,
    max_age_secs: i64,
) -> Result<CatalogueAnswer, CatalogueError> {
    if let CatalogueName::Municipalities { state } = &name
        && (state.is_empty()
            || state.len() > 8
            || !state.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return Err(CatalogueError::InvalidState(state.clone()));
    }
    let key = name.cache_key();
    let cached = {
        let (profile, key) = (profile_id.to_owned(), key.clone());
        blocking(store, move |store| {
            store.catalogue(&profile, PROVIDER, &key)
        })
        .await?
        .and_then(|catalogue| cached_items(&catalogue).map(|items| (items, catalogue.fetched_at)))
    };
    if let Some((items, fetched_at)) = &cached {
        let age = now - fetched_at;
        if (0..max_age_secs).contains(&age) {
            return Ok(answer(items.clone(), Some(*fetched_at), false));
        }
    }

    match fetch(access, &name).await {
        Ok(items) => {
            match serde_json::to_string(&items) {
                Ok(body) => {
                    let profile = profile_id.to_owned();
                    let catalogue = Catalogue {
                        provider: PROVIDER.into(),
                        name: key.clone(),
                        body,
                        fetched_at: now,
                    };
                    let stored: Result<(), CatalogueError> = blocking(store, move |store| {
                        store.write(|w| w.put_catalogue(&profile, &catalogue))
                    })
                    .await;
                    // The answer is good even when it could not be kept for later.
                    if let Err(error) = stored {
                        tracing::warn!(catalogue = %key, code = %error.code(), %error, "catalogue not cached");
                    }
                }
                Err(error) => {
                    tracing::warn!(catalogue = %key, %error, "catalogue not cached");
                }
            }
            Ok(answer(items, Some(now), false))
        }
        Err(error) => match cached {
            Some((items, fetched_at)) => {
                tracing::info!(
                    catalogue = %key,
                    code = error.kind().as_str(),
                    fetched_at,
                    "catalogue refresh failed; answering the cached copy"
                );
                Ok(answer(items, Some(fetched_at), true))
            }
            None if name == CatalogueName::States => {
                tracing::info!(
                    code = error.kind().as_str(),
                    "states not fetched; answering the built-in list"
                );
                Ok(answer(built_in_states(), None, false))
            }
            None => Err(error.into()),
        },
    }
}

async fn fetch(
    access: &BillpocketAccess,
    name: &CatalogueName,
) -> Result<Vec<CatalogItem>, ProviderError> {
    let (client, creds) = (&access.client, &access.credentials);
    match name {
        CatalogueName::States => client.states(creds).await,
        CatalogueName::Municipalities { state } => client.municipalities(creds, state).await,
        CatalogueName::CommercialActivities => client.commercial_activities(creds).await,
        CatalogueName::CompanyTypes => client.company_types(creds).await,
    }
}

/// The cached provider list; an unreadable body counts as no copy (it is fetched again).
fn cached_items(catalogue: &Catalogue) -> Option<Vec<CatalogItem>> {
    match serde_json::from_str(&catalogue.body) {
        Ok(items) => Some(items),
        Err(error) => {
            tracing::warn!(catalogue = %catalogue.name, %error, "unreadable cached catalogue ignored");
            None
        }
    }
}

/// Mexico's 32 states by INEGI id, the ids Billpocket uses.
fn built_in_states() -> Vec<CatalogItem> {
    MxState::ALL
        .into_iter()
        .map(|state| CatalogItem {
            id: state.inegi_id().to_owned(),
            nombre: state.name().to_owned(),
        })
        .collect()
}

fn answer(
    items: Vec<CatalogItem>,
    fetched_at: Option<UnixSeconds>,
    stale: bool,
) -> CatalogueAnswer {
    let mut items: Vec<CatalogueItem> = items
        .into_iter()
        .map(|item| CatalogueItem {
            id: item.id,
            name: item.nombre,
        })
        .collect();
    items.sort_by(|a, b| spanish_order(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    CatalogueAnswer {
        items,
        fetched_at,
        stale,
    }
}

/// Dictionary order for Spanish names: case and accents ignored, `ñ` right after `n`; equal keys
/// fall back to plain order so sorting is deterministic.
pub fn spanish_order(a: &str, b: &str) -> Ordering {
    collation_key(a)
        .cmp(&collation_key(b))
        .then_with(|| a.cmp(b))
}

/// Each character becomes a weight: twice its folded code point, and `ñ` one more than `n`.
fn collation_key(text: &str) -> Vec<u32> {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            let folded = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => return u32::from('n') * 2 + 1,
                other => other,
            };
            u32::from(folded) * 2
        })
        .collect()
}

/// Store work on the blocking pool (see [`crate::blocking`]), failing as a [`CatalogueError`].
async fn blocking<T: Send + 'static, E: Into<CatalogueError> + Send + 'static>(
    store: &Arc<Store>,
    work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, CatalogueError> {
    crate::blocking::blocking(store, work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_like_a_spanish_dictionary() {
        let mut names = vec![
            "Zacatecas",
            "ocho",
            "Ñandú",
            "Nuevo León",
            "azúcar",
            "Ábside",
            "nz",
            "México",
            "Mexicali",
            "Michoacán",
        ];
        names.sort_by(|a, b| spanish_order(a, b));
        assert_eq!(
            names,
            [
                "Ábside",
                "azúcar",
                "Mexicali",
                "México",
                "Michoacán",
                "Nuevo León",
                "nz",
                "Ñandú",
                "ocho",
                "Zacatecas",
            ]
        );
    }

    #[test]
    fn names_serialize_tagged_in_camel_case() {
        let json = |name: &CatalogueName| serde_json::to_string(name).unwrap_or_default();
        assert_eq!(json(&CatalogueName::States), r#"{"kind":"states"}"#);
        assert_eq!(
            json(&CatalogueName::Municipalities { state: "09".into() }),
            r#"{"kind":"municipalities","state":"09"}"#
        );
        assert_eq!(
            json(&CatalogueName::CommercialActivities),
            r#"{"kind":"commercialActivities"}"#
        );
        let back: CatalogueName =
            serde_json::from_str(r#"{"kind":"companyTypes"}"#).unwrap_or(CatalogueName::States);
        assert_eq!(back, CatalogueName::CompanyTypes);
    }
}
