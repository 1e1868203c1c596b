//! CryptoPocket customers in the service against the embedded double: the list synced across
//! pages into the cache and searched offline, status checks recording each observed change once
//! (also when a slower list arrives after a check), the enhanced link and document uploads.

// Helpers unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{NOW, World, cryptopocket, world};
use mostrador_codes::Coded;
use mostrador_providers::cryptopocket::types::{DocumentType, KycStatus as ProviderStatus};
use mostrador_sandbox::{FaultPlan, Outage};
use mostrador_service::customers::kyc::{check_status, history};
use mostrador_service::customers::sync::{RESOURCE, apply_customers, sync_customers};
use mostrador_service::customers::verification::{enhanced_verification_link, upload_document};
use mostrador_service::customers::writes::WriteContext;
use mostrador_service::customers::{self, CustomerError};
use mostrador_service::profiles::SANDBOX_PROFILE_ID as PROFILE;
use mostrador_store::{Customer, CustomerQuery, KycSource, KycStatus, Provider};

/// The double's seed: 35 persons and 4 companies in the Sandbox integration.
const SEEDED: usize = 39;

fn search(world: &World, text: &str) -> Vec<Customer> {
    let query = CustomerQuery {
        profile_id: PROFILE.into(),
        text: text.into(),
        limit: 500,
        ..CustomerQuery::default()
    };
    customers::list(&world.store, &query).unwrap().items
}

/// The cached customer with this identification number.
fn by_id_number(world: &World, number: &str) -> Customer {
    let found = search(world, number);
    assert_eq!(found.len(), 1, "{number}: {found:?}");
    found.into_iter().next().unwrap()
}

fn set_status(world: &World, id: &str, status: ProviderStatus) {
    let id: i64 = id.parse().unwrap();
    let found = world
        .sandbox
        .cryptopocket()
        .update(|state| state.set_kyc(id, status, 0))
        .unwrap();
    assert!(found);
}

fn outage(world: &World) {
    world.sandbox.cryptopocket().faults().set_plan(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
}

#[tokio::test]
async fn a_sync_follows_every_page_and_the_list_works_offline() {
    let world = world().await;
    let client = cryptopocket(&world);
    let report = sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    // The double serves at most 25 per page: the second page was fetched too.
    assert_eq!(report.fetched as usize, SEEDED);
    assert_eq!(report.written as usize, SEEDED);
    assert_eq!(report.status_changes.len(), SEEDED, "each first sighting");
    assert_eq!(search(&world, "").len(), SEEDED);
    let sofia = by_id_number(&world, "LOSC780715MNLPNR00");
    assert_eq!(
        (sofia.first_name.as_str(), sofia.kyc_status),
        ("Sofía", KycStatus::Processing)
    );
    let companies = search(&world, "tortilleria");
    assert_eq!(companies[0].kind, mostrador_store::CustomerKind::Company);

    // A second sync with nothing new writes nothing and observes no change.
    let again = sync_customers(&world.store, &client, PROFILE, NOW + 60)
        .await
        .unwrap();
    assert_eq!((again.written, again.status_changes.len()), (0, 0));

    outage(&world);
    let error = sync_customers(&world.store, &client, PROFILE, NOW + 120)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.network_unreachable");
    let state = world.store.sync_states(PROFILE).unwrap();
    let state = state.iter().find(|s| s.resource == RESOURCE).unwrap();
    assert_eq!(state.synced_at, Some(NOW + 60), "still the last good sync");
    assert_eq!(
        state
            .last_error_code
            .map(mostrador_codes::ErrorCode::as_str),
        Some("cryptopocket.network_unreachable")
    );
    // Offline: names without accents, e-mail and id numbers still find customers.
    assert_eq!(search(&world, "lopez sofia")[0].id, sofia.id);
    assert_eq!(by_id_number(&world, "10117410").first_name, "Rosa");
    let by_email = search(&world, "javiera.munoz@sandbox.mostrador.test");
    assert_eq!(by_email.len(), 1);
    assert_eq!(
        by_email[0].id_number, "123456785",
        "the double keeps RUTs without the dash"
    );
    assert_eq!(search(&world, "").len(), SEEDED);
}

#[tokio::test]
async fn each_observed_status_change_is_recorded_once_with_its_time_and_source() {
    let world = world().await;
    let client = cryptopocket(&world);
    sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    let juan = by_id_number(&world, "RAMJ020228HJCMRNA7");
    assert_eq!(juan.kyc_status, KycStatus::Unused);

    // The double's rule: the first check counts as the customer opening the form.
    let opened = check_status(&world.store, &client, PROFILE, &juan.id, NOW + 10)
        .await
        .unwrap();
    assert_eq!(opened.status, KycStatus::Processing);
    assert!(opened.change.is_some());
    let same = check_status(&world.store, &client, PROFILE, &juan.id, NOW + 20)
        .await
        .unwrap();
    assert_eq!((same.status, same.change), (KycStatus::Processing, None));

    // A list fetched now but written after the next check is older than that check.
    let stale_list = client.list_customers().await;
    set_status(&world, &juan.id, ProviderStatus::Valid);
    let settled = check_status(&world.store, &client, PROFILE, &juan.id, NOW + 40)
        .await
        .unwrap();
    assert_eq!(settled.status, KycStatus::Valid);
    let report = apply_customers(
        &world.store,
        PROFILE,
        stale_list.map_err(CustomerError::from),
        NOW + 30,
    )
    .unwrap();
    assert!(
        report
            .status_changes
            .iter()
            .all(|c| c.customer_id != juan.id)
    );
    // Nor does a fresh list or another check see anything new.
    sync_customers(&world.store, &client, PROFILE, NOW + 50)
        .await
        .unwrap();
    let again = check_status(&world.store, &client, PROFILE, &juan.id, NOW + 60)
        .await
        .unwrap();
    assert_eq!(again.change, None);

    let seen: Vec<_> = history(&world.store, PROFILE, &juan.id)
        .unwrap()
        .into_iter()
        .map(|t| (t.from_status, t.to_status, t.observed_at, t.source))
        .collect();
    assert_eq!(
        seen,
        [
            (None, KycStatus::Unused, NOW, KycSource::Sync),
            (
                Some(KycStatus::Unused),
                KycStatus::Processing,
                NOW + 10,
                KycSource::Check
            ),
            (
                Some(KycStatus::Processing),
                KycStatus::Valid,
                NOW + 40,
                KycSource::Check
            ),
        ]
    );
    let row = world
        .store
        .customer(PROFILE, Provider::Cryptopocket, &juan.id)
        .unwrap();
    assert_eq!(
        (row.kyc_status, row.synced_at),
        (KycStatus::Valid, Some(NOW + 60)),
        "the last check is when the status was last confirmed"
    );
    // A change the provider made between checks is seen by the list too, once.
    let lucia = by_id_number(&world, "20123456");
    set_status(&world, &lucia.id, ProviderStatus::Fail);
    let report = sync_customers(&world.store, &client, PROFILE, NOW + 70)
        .await
        .unwrap();
    let changes: Vec<_> = report
        .status_changes
        .iter()
        .map(|c| (c.customer_id.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        changes,
        [(lucia.id.as_str(), Some(KycStatus::Unused), KycStatus::Fail)]
    );
    assert_eq!(history(&world.store, PROFILE, &lucia.id).unwrap().len(), 2);
}

#[tokio::test]
async fn a_check_that_cannot_be_answered_records_nothing() {
    let world = world().await;
    let client = cryptopocket(&world);
    let error = check_status(&world.store, &client, PROFILE, "x/../1", NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.invalid_path_id");
    let error = check_status(&world.store, &client, PROFILE, "999999", NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.user_not_found");
    outage(&world);
    let error = check_status(&world.store, &client, PROFILE, "186", NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.network_unreachable");
    assert!(search(&world, "").is_empty());
    // Nor is the outage recorded here: the tracker, through which every check goes, keeps each
    // provider's offline mark (`kyc_tracking.rs`).
    assert!(world.store.sync_states(PROFILE).unwrap().is_empty());
}

#[tokio::test]
async fn documents_are_checked_before_sending_and_the_enhanced_link_is_https() {
    let world = world().await;
    let client = cryptopocket(&world);
    sync_customers(&world.store, &client, PROFILE, NOW)
        .await
        .unwrap();
    let guadalupe = by_id_number(&world, "GOME850312MJCNRL06");
    let id: i64 = guadalupe.id.parse().unwrap();
    let documents = |world: &World| {
        world.sandbox.cryptopocket().inspect(|state| {
            state
                .customers
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.documents.len())
                .unwrap()
        })
    };
    let before = documents(&world);
    let cx = WriteContext {
        store: &world.store,
        client: &client,
        vault: None,
        profile_id: PROFILE,
    };

    let mut big = b"%PDF-1.7".to_vec();
    big.resize(11 * 1024 * 1024, b' ');
    let upload = |key: &'static str, kind, mime: &'static str, bytes: Vec<u8>| {
        upload_document(&cx, key, &guadalupe.id, kind, mime, bytes, NOW)
    };
    let error = upload("big", DocumentType::BankStatement, "application/pdf", big)
        .await
        .unwrap_err();
    assert_eq!(
        (error.code().as_str(), error.field()),
        ("document.size", Some("file"))
    );
    let error = upload(
        "gif",
        DocumentType::Payslip,
        "image/gif",
        b"GIF89a".to_vec(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (error.code().as_str(), error.field()),
        ("document.type", Some("file"))
    );
    assert_eq!(documents(&world), before, "nothing was sent");
    assert!(
        world.store.outbox_by_key("big").unwrap().is_none(),
        "nor recorded"
    );

    let payslip = b"%PDF-1.7 recibo de nomina".to_vec();
    let uploaded = upload("pdf", DocumentType::Payslip, "application/pdf", payslip)
        .await
        .unwrap();
    assert_eq!(uploaded.write.state, mostrador_store::OutboxState::Done);
    assert_eq!(documents(&world), before + 1);

    let asked = enhanced_verification_link(&cx, &guadalupe.id, NOW)
        .await
        .unwrap();
    let link = asked.link.unwrap();
    assert!(link.starts_with("https://"), "{link}");
    let error = enhanced_verification_link(&cx, "999999", NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cryptopocket.user_not_found");
}
