//! Refreshing the cache from the providers. The network part is async; writing the result is a
//! blocking store transaction the caller runs off the async threads. A failed refresh leaves the
//! cached rows untouched and records why, so lists keep working offline and can say so.

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_providers::ProviderError;
use mostrador_providers::billpocket::clock::to_unix;
use mostrador_providers::billpocket::types::{LINK_ACTIVE, Link as ProviderLink};
use mostrador_providers::billpocket::{BillpocketClient, BillpocketCredentials};
use mostrador_store::{Link, LinkStatus, Store, StoreError, UnixSeconds, Writer};
use serde::Serialize;
use specta::Type;

const LINKS_RESOURCE: &str = "links/";

/// The sync-state resource name of one merchant's links.
pub fn links_resource(merchant_id: &str) -> String {
    format!("{LINKS_RESOURCE}{merchant_id}")
}

/// The merchant whose links a sync-state resource is, if it is one.
pub fn links_merchant(resource: &str) -> Option<&str> {
    resource.strip_prefix(LINKS_RESOURCE)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkSyncReport {
    pub fetched: u32,
    /// Cached links the provider no longer lists.
    pub removed: u32,
    #[specta(type = specta_typescript::Number)]
    pub synced_at: UnixSeconds,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for SyncError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Provider(error) => error.code(Provider::Billpocket),
            Self::Store(error) => error.code(),
        }
    }
}

/// Writes a fetch outcome for one cached resource (`links/<merchant>`, `customers/cryptopocket`):
/// on success `write` runs in one transaction with the stamp of a good sync; on failure only the
/// attempt and its code are recorded (the cached rows stay usable) and the error is returned.
/// `now` is when the fetch started.
pub fn apply_fetch<T, R, E: Coded + From<StoreError>>(
    store: &Store,
    profile_id: &str,
    resource: &str,
    fetched: Result<T, E>,
    now: UnixSeconds,
    write: impl FnOnce(&mut Writer<'_>, T) -> Result<R, StoreError>,
) -> Result<R, E> {
    let fetched = match fetched {
        Ok(fetched) => fetched,
        Err(error) => {
            let code = error.code();
            store.write(|w| w.record_sync(profile_id, resource, now, Some(code)))?;
            return Err(error);
        }
    };
    Ok(store.write(|w| {
        let written = write(w, fetched)?;
        w.record_sync(profile_id, resource, now, None)?;
        Ok(written)
    })?)
}

/// Whether an error code shows its provider cannot be reached at all (as opposed to refusing).
pub fn is_unreachable(code: ErrorCode) -> bool {
    let code = code.as_str();
    code.ends_with(".network_unreachable") || code.ends_with(".timeout")
}

/// Records a failed call of any kind on the merchant's links; see [`record_unreachable_on`].
pub fn record_unreachable(
    w: &mut Writer<'_>,
    profile_id: &str,
    merchant_id: &str,
    code: ErrorCode,
    now: UnixSeconds,
) -> Result<(), StoreError> {
    record_unreachable_on(w, profile_id, &links_resource(merchant_id), code, now)
}

/// Records a failed call of any kind (a write, a check) as a failed attempt on a cached
/// resource when its code shows the provider cannot be reached: the screen then says it is
/// offline at once, rather than at the next sync, and the age it shows stays that of the last
/// good sync.
pub fn record_unreachable_on(
    w: &mut Writer<'_>,
    profile_id: &str,
    resource: &str,
    code: ErrorCode,
    now: UnixSeconds,
) -> Result<(), StoreError> {
    if !is_unreachable(code) {
        return Ok(());
    }
    w.record_sync(profile_id, resource, now, Some(code))
}

/// Fetches one merchant's links from Billpocket (reads are retried by the client).
pub async fn fetch_links(
    client: &BillpocketClient,
    credentials: &BillpocketCredentials,
) -> Result<Vec<ProviderLink>, ProviderError> {
    client.list_links(credentials).await
}

/// Links written or removed by one sync beyond which the store is optimised afterwards.
const LARGE_SYNC: usize = 10_000;

/// Writes a fetch outcome: on success the links replace the merchant's cached set in one
/// transaction; on failure only the sync state changes (cached links stay usable). The merchant
/// must already be cached (connected or onboarded); otherwise the write is a `store.conflict`.
/// `now` is when the fetch started: links written while it ran are newer and are kept. The links
/// are only read, so a caller can settle its uncertain writes against the same list afterwards.
pub fn apply_links(
    store: &Store,
    profile_id: &str,
    merchant_id: &str,
    fetched: Result<&[ProviderLink], ProviderError>,
    now: UnixSeconds,
) -> Result<LinkSyncReport, SyncError> {
    let cached = fetched.map_err(SyncError::Provider).map(|links| {
        links
            .iter()
            .map(|link| to_cache(link, merchant_id))
            .collect::<Vec<Link>>()
    });
    let resource = links_resource(merchant_id);
    let (fetched, written, removed) =
        apply_fetch(store, profile_id, &resource, cached, now, |w, cached| {
            let written = w.upsert_links(profile_id, &cached, now)?;
            let removed = w.delete_links_synced_before(profile_id, Some(merchant_id), now)?;
            Ok((cached.len(), written, removed))
        })?;
    if written + removed >= LARGE_SYNC {
        // Fresh statistics and merged search segments keep the next searches in milliseconds.
        store.optimize()?;
    }
    Ok(LinkSyncReport {
        fetched: u32::try_from(fetched).unwrap_or(u32::MAX),
        removed: u32::try_from(removed).unwrap_or(u32::MAX),
        synced_at: now,
    })
}

/// A provider link as the cache keeps it: integer centavos, Unix seconds, MSI months.
pub(crate) fn to_cache(link: &ProviderLink, merchant_id: &str) -> Link {
    Link {
        id: link.id.clone(),
        merchant_id: Some(merchant_id.to_owned()),
        description: link.description.clone(),
        amount_centavos: link.amount.0.get(),
        secondary_link: link.secondary_link.clone(),
        custom_link_path: link.custom_link_path.clone(),
        status: if link.status == LINK_ACTIVE {
            LinkStatus::Active
        } else {
            LinkStatus::Inactive
        },
        link_type: link.link_type,
        expired_at: link.expired_at.map(to_unix),
        months: link
            .available_rates
            .iter()
            .filter_map(|rate| u8::try_from(rate.months).ok())
            .collect(),
        is_fixed_term: link.is_fixed_term,
        created_at: to_unix(link.created_at),
        updated_at: to_unix(link.updated_at),
        synced_at: None,
    }
}

#[cfg(test)]
mod tests {
    use mostrador_codes::Coded;
    use mostrador_providers::{Credential, HttpConfig};
    use mostrador_sandbox::{FaultPlan, Outage};
    use mostrador_store::LinkQuery;

    use super::*;
    use crate::sandbox_host::EmbeddedSandbox;

    const PROFILE: &str = "p-sync";
    const MERCHANT: &str = "61234";

    fn merchant() -> BillpocketCredentials {
        BillpocketCredentials {
            api_key: None,
            user_token: Some(Credential::new("sandbox-bp-user-token-61234")),
            x_api_key: Some(Credential::new("sandbox-bp-x-api-key-0001")),
        }
    }

    fn cached(store: &Store) -> Vec<Link> {
        let query = LinkQuery {
            profile_id: PROFILE.into(),
            limit: 500,
            ..LinkQuery::default()
        };
        store.search_links(&query, 0).unwrap().items
    }

    async fn setup() -> (tempfile::TempDir, EmbeddedSandbox, Store, BillpocketClient) {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
        let store = Store::open(dir.path()).unwrap();
        // Links belong to a cached merchant (connected or onboarded before any sync).
        store
            .write(|w| {
                w.upsert_profile(&mostrador_store::Profile {
                    id: PROFILE.into(),
                    name: "Sync".into(),
                    environment: mostrador_store::Environment::Sandbox,
                    billpocket_base_url: None,
                    cryptopocket_base_url: None,
                    undostres_base_url: None,
                    created_at: 0,
                    updated_at: 0,
                })?;
                w.upsert_merchants(
                    PROFILE,
                    &[mostrador_store::Merchant {
                        id: MERCHANT.into(),
                        name: "La Esquina".into(),
                        email: "esquina@example.mx".into(),
                        rfc: "GODE561231GR8".into(),
                        main_link: Some("laesquina".into()),
                        domain: None,
                        created_at: 0,
                        updated_at: 0,
                        synced_at: None,
                        person_type: None,
                        clabe: None,
                        bank: None,
                        registration: None,
                    }],
                    0,
                )
            })
            .unwrap();
        let config = HttpConfig {
            read_retries: 0,
            ..HttpConfig::default()
        };
        let client = BillpocketClient::new(&sandbox.billpocket_url(), config).unwrap();
        (dir, sandbox, store, client)
    }

    #[tokio::test]
    async fn a_sync_caches_every_link_and_a_resync_drops_deleted_ones() {
        let (_dir, _sandbox, store, client) = setup().await;
        let provider_links = fetch_links(&client, &merchant()).await.unwrap();
        let report = apply_links(&store, PROFILE, MERCHANT, Ok(&provider_links), 1_000).unwrap();
        assert_eq!(report.fetched as usize, provider_links.len());
        assert_eq!(report.removed, 0);
        assert_eq!(cached(&store).len(), provider_links.len());

        // Amounts, status, MSI and times survive the mapping for every link.
        let first = &provider_links[0];
        let row = cached(&store)
            .into_iter()
            .find(|l| l.id == first.id)
            .unwrap();
        assert_eq!(row.amount_centavos, first.amount.0.get());
        assert_eq!(row.created_at, to_unix(first.created_at));
        assert_eq!(row.months.len(), first.available_rates.len());
        assert_eq!(row.merchant_id.as_deref(), Some(MERCHANT));

        client.delete_link(&merchant(), &first.id).await.unwrap();
        let again = fetch_links(&client, &merchant()).await.unwrap();
        let report = apply_links(&store, PROFILE, MERCHANT, Ok(&again), 2_000).unwrap();
        assert_eq!(report.removed, 1);
        assert!(cached(&store).iter().all(|l| l.id != first.id));
        let state = store.sync_states(PROFILE).unwrap();
        assert_eq!(state[0].resource, "links/61234");
        assert_eq!(state[0].synced_at, Some(2_000));
        assert_eq!(state[0].last_error_code, None);
    }

    #[tokio::test]
    async fn an_outage_keeps_the_cache_and_records_why() {
        let (_dir, sandbox, store, client) = setup().await;
        let fetched = fetch_links(&client, &merchant()).await.unwrap();
        apply_links(&store, PROFILE, MERCHANT, Ok(&fetched), 1_000).unwrap();
        let before = cached(&store);

        sandbox.set_faults(FaultPlan {
            outage: Some(Outage { duration_ms: None }),
            ..FaultPlan::default()
        });
        let failed = fetch_links(&client, &merchant()).await.unwrap_err();
        let error = apply_links(&store, PROFILE, MERCHANT, Err(failed), 2_000).unwrap_err();
        assert_eq!(error.code(), "billpocket.network_unreachable");
        assert_eq!(
            cached(&store),
            before,
            "the cached links must stay usable offline"
        );
        let state = store.sync_states(PROFILE).unwrap();
        assert_eq!(state[0].synced_at, Some(1_000), "still the last good sync");
        assert_eq!(state[0].attempted_at, 2_000);
        assert_eq!(
            state[0].last_error_code.map(ErrorCode::as_str),
            Some("billpocket.network_unreachable")
        );
    }

    /// Whether the planner has statistics (`PRAGMA optimize` ran its ANALYZE).
    fn has_statistics(dir: &std::path::Path) -> bool {
        let conn = rusqlite::Connection::open(dir.join(mostrador_store::DB_FILE_NAME)).unwrap();
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')",
            [],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[tokio::test]
    async fn a_large_sync_leaves_the_database_optimised_a_small_one_does_not() {
        let (dir, _sandbox, store, client) = setup().await;
        let fetched = fetch_links(&client, &merchant()).await.unwrap();
        apply_links(&store, PROFILE, MERCHANT, Ok(&fetched), 1_000).unwrap();
        assert!(!has_statistics(dir.path()), "a few links: no optimise");

        let many: Vec<_> = (0..LARGE_SYNC)
            .map(|i| {
                let mut link = fetched[i % fetched.len()].clone();
                link.id = format!("bulk{i:05}");
                link
            })
            .collect();
        let report = apply_links(&store, PROFILE, MERCHANT, Ok(&many), 2_000).unwrap();
        assert_eq!(report.fetched as usize, LARGE_SYNC);
        assert!(
            has_statistics(dir.path()),
            "10,000 links written: optimised"
        );
        assert_eq!(
            cached(&store).len(),
            500,
            "the list still reads (a full first page)"
        );
    }
}
