//! The app as the shell opens it (a real data directory, the embedded doubles, an in-memory
//! keyring) tells its sink when a sync finishes and when a write settles, and its use cases do
//! what the commands used to do themselves: the status joins the sync state with the open
//! writes, a write's main link is checked again, a vanished profile cannot be switched to.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::mpsc::Receiver;
use std::time::Duration;

use mostrador_sandbox::{FaultPlan, Outage};
use mostrador_service::app::{App, ServiceError};
use mostrador_service::customers::writes::{CompanyForm, CustomerWriteAnswer, PersonForm};
use mostrador_service::events::AppEvent;
use mostrador_service::links::form::{DEFAULT_LINK_TYPE, FormError, LinkForm};
use mostrador_service::links::writes::LinkWrite;
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_store::OutboxState;

const MERCHANT: &str = "61234";

async fn open() -> (tempfile::TempDir, App, Receiver<AppEvent>) {
    common::open_app(common::memory_vault()).await
}

/// The customer writes announced as settled since the last read (provider, seq, state); every
/// one in the Sandbox profile with no merchant.
fn settled_writes(events: &Receiver<AppEvent>) -> Vec<(String, i64, OutboxState)> {
    std::iter::from_fn(|| events.try_recv().ok())
        .filter_map(|event| match event {
            AppEvent::WriteSettled {
                profile_id,
                provider,
                merchant_id,
                seq,
                state,
            } => {
                assert_eq!(
                    (profile_id.as_str(), merchant_id),
                    (SANDBOX_PROFILE_ID, None)
                );
                Some((provider, seq, state))
            }
            _ => None,
        })
        .collect()
}

fn create(slug: &str) -> LinkWrite<LinkForm> {
    LinkWrite::Create {
        merchant_id: MERCHANT.into(),
        link: LinkForm {
            slug: slug.into(),
            amount: "99.00".into(),
            description: "Galletas".into(),
            expires_at: String::new(),
            link_type: DEFAULT_LINK_TYPE,
            installments: vec![],
            fixed_term: false,
        },
    }
}

#[tokio::test]
async fn a_sync_is_announced_whether_it_worked_or_not() {
    let (_dir, app, events) = open().await;
    app.sync_links(MERCHANT).await.unwrap();
    assert_eq!(
        events.try_recv().unwrap(),
        AppEvent::SyncFinished {
            profile_id: SANDBOX_PROFILE_ID.into(),
            resource: format!("links/{MERCHANT}"),
            merchant_id: Some(MERCHANT.into()),
            error_code: None,
        }
    );
    let status = app.links_status(MERCHANT.into()).await.unwrap();
    assert!(status.sync.unwrap().synced_at.is_some());

    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.sync_links(MERCHANT).await.unwrap_err();
    let AppEvent::SyncFinished { error_code, .. } = events.try_recv().unwrap() else {
        panic!("expected a finished sync");
    };
    assert_eq!(
        error_code,
        Some(mostrador_codes::ErrorCode::BillpocketNetworkUnreachable)
    );
    assert!(events.try_recv().is_err(), "one event per sync");
}

#[tokio::test]
async fn a_settled_write_is_announced_and_a_queued_one_is_listed_in_the_status() {
    let (_dir, app, events) = open().await;
    let done = app
        .submit_link_write("key-1", create("galletas-1"))
        .await
        .unwrap();
    assert_eq!(done.write.state, OutboxState::Done);
    assert_eq!(
        events.try_recv().unwrap(),
        AppEvent::WriteSettled {
            profile_id: SANDBOX_PROFILE_ID.into(),
            provider: "billpocket".into(),
            merchant_id: Some(MERCHANT.into()),
            seq: done.write.seq,
            state: OutboxState::Done,
        }
    );

    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let queued = app
        .submit_link_write("key-2", create("galletas-2"))
        .await
        .unwrap();
    assert_eq!(queued.write.state, OutboxState::Pending);
    let AppEvent::WriteSettled { seq, state, .. } = events.try_recv().unwrap() else {
        panic!("expected a settled write");
    };
    assert_eq!((seq, state), (queued.write.seq, OutboxState::Pending));
    let status = app.links_status(MERCHANT.into()).await.unwrap();
    let open: Vec<i64> = status.writes.iter().map(|write| write.seq).collect();
    assert_eq!(open, vec![queued.write.seq]);
}

#[tokio::test]
async fn a_settled_customer_write_is_announced_with_its_provider_and_no_merchant() {
    let (_dir, app, events) = open().await;
    let form = CompanyForm {
        email: "kyb@tortilleria-sol.mx".into(),
        company_name: "Tortillería Sol S.A. de C.V.".into(),
    };
    let answer = app.create_cryptopocket_company("c-1", form).await.unwrap();
    let CustomerWriteAnswer::Submitted { outcome } = answer else {
        panic!("{answer:?}")
    };
    assert_eq!(
        events.try_recv().unwrap(),
        AppEvent::WriteSettled {
            profile_id: SANDBOX_PROFILE_ID.into(),
            provider: "cryptopocket".into(),
            merchant_id: None,
            seq: outcome.write.seq,
            state: OutboxState::Done,
        }
    );
    assert!(events.try_recv().is_err(), "one event per write");
}

/// A person queued while CryptoPocket was unreachable is sent by the next customers sync, and
/// that settlement is announced like one made from the form.
#[tokio::test]
async fn a_customer_write_settled_by_a_sync_is_announced() {
    let (_dir, app, events) = open().await;
    let outage = FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    };
    app.sandbox_set_faults(outage);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let form = PersonForm {
        first_name: "Camila".into(),
        last_name: "Rojas".into(),
        email: "camila.rojas@example.cl".into(),
        country: "CHL".into(),
        id_type: "RUT".into(),
        id_number: "12.345.678-5".into(),
        ..PersonForm::default()
    };
    let answer = app.create_cryptopocket_person("p-1", form, None).await;
    let Ok(CustomerWriteAnswer::Submitted { outcome }) = answer else {
        panic!("{answer:?}")
    };
    assert_eq!(outcome.write.state, OutboxState::Pending);
    while events.try_recv().is_ok() {}

    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.sync_customers().await.unwrap();
    assert_eq!(
        settled_writes(&events),
        vec![(
            "cryptopocket".to_owned(),
            outcome.write.seq,
            OutboxState::Done
        )]
    );
}

/// UnDosTres has no list sync: an account creation queued while it was unreachable is sent by
/// the next background tracking run, and announced.
#[tokio::test]
async fn an_account_creation_queued_offline_is_sent_by_the_next_tracking_run() {
    let (_dir, app, events) = open().await;
    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let form = common::undostres::person("cola@tienda-lupita.mx");
    let queued =
        common::undostres::submitted(app.create_undostres_account("u-1", form).await.unwrap());
    assert_eq!(queued.write.state, OutboxState::Pending);
    app.track_customers().await.unwrap();
    let open = app.undostres_writes().await.unwrap();
    assert_eq!(
        open[0].state,
        OutboxState::Pending,
        "nothing sent while paused"
    );
    while events.try_recv().is_ok() {}

    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.track_customers().await.unwrap();
    assert!(app.undostres_writes().await.unwrap().is_empty());
    assert_eq!(
        settled_writes(&events),
        vec![("undostres".to_owned(), queued.write.seq, OutboxState::Done)]
    );
}

/// Ajustes → Sandbox's outage reaches every double: CryptoPocket and UnDosTres are unreachable
/// through the app too, and back once the plan is cleared.
#[tokio::test]
async fn an_outage_set_through_the_app_makes_every_provider_unreachable() {
    use mostrador_codes::{Coded, ErrorCode};
    use mostrador_sandbox::undostres::seed::FIRST_ID;

    let (_dir, app, _events) = open().await;
    let account = FIRST_ID.to_string();
    app.sandbox_set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let customers = app.sync_customers().await.unwrap_err();
    assert_eq!(customers.code(), ErrorCode::CryptopocketNetworkUnreachable);
    let refreshed = app.refresh_undostres_account(account.clone()).await;
    assert_eq!(
        refreshed.unwrap_err().code(),
        ErrorCode::UndostresNetworkUnreachable
    );
    app.sync_links(MERCHANT).await.unwrap_err();

    app.sandbox_set_faults(FaultPlan::default());
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.sync_customers().await.unwrap();
    app.refresh_undostres_account(account).await.unwrap();
}

#[tokio::test]
async fn a_bad_main_link_is_refused_on_its_field_before_the_outbox() {
    let (_dir, app, events) = open().await;
    let request = LinkWrite::ConfigureMainLink {
        merchant_id: MERCHANT.into(),
        main_link: "no spaces/allowed".into(),
    };
    let error = app.submit_link_write("key-3", request).await.unwrap_err();
    assert!(
        matches!(
            error,
            ServiceError::Form(FormError::Field {
                field: "mainLink",
                ..
            })
        ),
        "{error:?}"
    );
    assert!(events.try_recv().is_err(), "nothing was written");
    let status = app.links_status(MERCHANT.into()).await.unwrap();
    assert!(status.writes.is_empty());
}

#[tokio::test]
async fn only_an_existing_profile_can_become_active() {
    let (_dir, app, _events) = open().await;
    let error = app.switch_profile("gone".into()).await.unwrap_err();
    assert!(matches!(error, ServiceError::Store(_)), "{error:?}");
    let active = app.switch_profile(SANDBOX_PROFILE_ID.into()).await.unwrap();
    assert_eq!(active.id, SANDBOX_PROFILE_ID);
    assert_eq!(app.preferences().active_profile_id, None);
}
