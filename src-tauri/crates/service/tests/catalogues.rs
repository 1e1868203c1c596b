//! Billpocket catalogues against the double on a loopback port, with a real database file:
//! fetched once and then answered from the cache while young, answered stale (with their old
//! fetch time) when a refresh fails, an error only when nothing was ever cached, and one cached
//! copy per state's municipalities.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::Coded;
use std::time::Duration;

use mostrador_sandbox::{FaultPlan, Outage};
use mostrador_service::catalogues::{CatalogueError, CatalogueName, catalogue};
use mostrador_service::profiles::SANDBOX_PROFILE_ID;

mod common;
use common::{NOW, World, world};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// Requests the double saw on catalogue paths.
fn catalogue_requests(w: &World, path: &str) -> usize {
    w.sandbox
        .seen_requests()
        .iter()
        .filter(|r| r.path.starts_with(path))
        .count()
}

/// Closes the double's port until the plan changes, and waits until it is closed.
async fn outage(w: &World) {
    w.sandbox.set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    w.sandbox.faults_settled().await;
}

async fn ask(
    w: &World,
    name: CatalogueName,
    now: i64,
) -> Result<mostrador_service::catalogues::CatalogueAnswer, CatalogueError> {
    catalogue(&w.store, &w.access, SANDBOX_PROFILE_ID, name, now, DAY).await
}

#[tokio::test]
async fn fetched_once_then_cached_then_stale_when_offline() {
    let w = world().await;
    let states_path = "/v2/catalogos/estados";

    let first = ask(&w, CatalogueName::States, NOW).await.unwrap();
    assert_eq!(catalogue_requests(&w, states_path), 1, "fetched");
    assert_eq!((first.fetched_at, first.stale), (Some(NOW), false));
    assert_eq!(first.items.len(), 32);
    let cdmx = first.items.iter().find(|i| i.id == "09").unwrap();
    assert_eq!(cdmx.name, "Ciudad de México");
    // Sorted by name (the provider lists them by INEGI id).
    let names: Vec<&str> = first.items.iter().map(|i| i.name.as_str()).collect();
    let position = |name: &str| names.iter().position(|n| *n == name).unwrap();
    assert_eq!(position("Aguascalientes"), 0, "{names:?}");
    assert!(
        position("Estado de México") < position("Guanajuato"),
        "{names:?}"
    );
    assert!(position("Michoacán") < position("Morelos"), "{names:?}");
    assert_eq!(position("Zacatecas"), 31, "{names:?}");

    // Within the maximum age: the cache answers, Billpocket is not asked.
    let second = ask(&w, CatalogueName::States, NOW + HOUR).await.unwrap();
    assert_eq!(
        catalogue_requests(&w, states_path),
        1,
        "served from the cache"
    );
    assert_eq!(second, first);

    // Older than the maximum age and Billpocket unreachable: the old copy, marked stale.
    outage(&w).await;
    let stale = ask(&w, CatalogueName::States, NOW + 2 * DAY).await.unwrap();
    assert!(stale.stale);
    assert_eq!(stale.fetched_at, Some(NOW), "the old fetch time");
    assert_eq!(stale.items, first.items);

    // Back online (the double reopens its port on its own task): refreshed, with the new fetch
    // time, and cached again.
    w.sandbox.set_faults(FaultPlan::default());
    let mut fresh = stale;
    for _ in 0..50 {
        fresh = ask(&w, CatalogueName::States, NOW + 2 * DAY).await.unwrap();
        if !fresh.stale {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        (fresh.fetched_at, fresh.stale),
        (Some(NOW + 2 * DAY), false)
    );
    assert_eq!(catalogue_requests(&w, states_path), 2);
    let cached = w
        .store
        .catalogue(SANDBOX_PROFILE_ID, "billpocket", "estados")
        .unwrap()
        .unwrap();
    assert_eq!(cached.fetched_at, NOW + 2 * DAY);
}

#[tokio::test]
async fn an_outage_with_nothing_cached_is_an_error() {
    let w = world().await;
    outage(&w).await;
    let err = ask(&w, CatalogueName::CommercialActivities, NOW)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "billpocket.network_unreachable");
    assert!(
        w.store
            .catalogue(SANDBOX_PROFILE_ID, "billpocket", "actividades-comerciales")
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_fresh_install_offline_has_the_states_from_the_app() {
    let w = world().await;
    let online = ask(&w, CatalogueName::States, NOW).await.unwrap();
    let w = world().await;
    outage(&w).await;
    let offline = ask(&w, CatalogueName::States, NOW).await.unwrap();
    assert_eq!((offline.fetched_at, offline.stale), (None, false));
    assert_eq!(offline.items, online.items, "the same ids, names and order");
    assert!(
        w.store
            .catalogue(SANDBOX_PROFILE_ID, "billpocket", "estados")
            .unwrap()
            .is_none(),
        "not cached: Billpocket's own list replaces it once reachable"
    );
}

#[tokio::test]
async fn municipalities_are_cached_per_state() {
    let w = world().await;
    let path = "/v2/catalogos/municipios";
    let municipalities = |state: &str| CatalogueName::Municipalities {
        state: state.into(),
    };

    let cdmx = ask(&w, municipalities("09"), NOW).await.unwrap();
    let jalisco = ask(&w, municipalities("14"), NOW).await.unwrap();
    assert_eq!(catalogue_requests(&w, path), 2, "one fetch per state");
    assert!(cdmx.items.iter().any(|i| i.name == "Coyoacán"), "{cdmx:?}");
    // Accents do not push a name to the end.
    assert_eq!(cdmx.items[0].name, "Álvaro Obregón", "{cdmx:?}");
    assert!(
        jalisco.items.iter().any(|i| i.name == "Guadalajara"),
        "{jalisco:?}"
    );
    assert_ne!(cdmx.items, jalisco.items);

    // Each is answered from its own cached copy.
    assert_eq!(ask(&w, municipalities("09"), NOW + 1).await.unwrap(), cdmx);
    assert_eq!(
        ask(&w, municipalities("14"), NOW + 1).await.unwrap(),
        jalisco
    );
    assert_eq!(catalogue_requests(&w, path), 2);

    // Offline, a state never fetched fails while a cached one is answered.
    outage(&w).await;
    assert_eq!(
        ask(&w, municipalities("19"), NOW + 1)
            .await
            .unwrap_err()
            .code(),
        "billpocket.network_unreachable"
    );
    assert_eq!(
        ask(&w, municipalities("14"), NOW + 1).await.unwrap(),
        jalisco
    );

    // A malformed state id never reaches Billpocket nor the cache.
    assert_eq!(
        ask(&w, municipalities("09/../x"), NOW)
            .await
            .unwrap_err()
            .code(),
        "catalogue.invalid_state"
    );
}

#[tokio::test]
async fn company_types_are_fetched_and_sorted() {
    let w = world().await;
    let answer = ask(&w, CatalogueName::CompanyTypes, NOW).await.unwrap();
    assert!(!answer.items.is_empty());
    let names: Vec<String> = answer.items.iter().map(|i| i.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| mostrador_service::catalogues::spanish_order(a, b));
    assert_eq!(names, sorted);
}
