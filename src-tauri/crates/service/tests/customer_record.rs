//! The customers view and a customer's page through the opened app, as the shell calls them:
//! the filters the screen sends (a country by its code, pending cases, oldest first) over both
//! providers, and the agent's tags, notes and reminders kept across a restart in the timeline.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use mostrador_codes::Coded;
use mostrador_service::app::{App, AppDirs};
use mostrador_service::customers::record::{RecordChange, ReminderChannel, TimelineEntry};
use mostrador_service::events::Events;
use mostrador_store::{Customer, CustomerQuery, CustomerSort, KycStatus, Provider};
use mostrador_vault::{MemoryStore, Vault};

async fn open(dir: &tempfile::TempDir) -> App {
    let dirs = AppDirs {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let (sink, _events) = std::sync::mpsc::channel();
    let vault = Ok(Vault::new(Arc::new(MemoryStore::default())));
    App::open_with_vault(dirs, vault, Events::new(sink))
        .await
        .unwrap()
}

async fn all(app: &App, query: CustomerQuery) -> Vec<Customer> {
    let mut query = CustomerQuery {
        limit: 500,
        ..query
    };
    let mut found = Vec::new();
    loop {
        let page = app.search_customers(query.clone()).await.unwrap();
        found.extend(page.items);
        match page.next {
            Some(cursor) => query.cursor = Some(cursor),
            None => return found,
        }
    }
}

const fn pending(status: KycStatus) -> bool {
    matches!(status, KycStatus::Unused | KycStatus::Processing)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_view_filters_both_providers_and_a_page_keeps_tags_and_notes_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir).await;
    app.sync_customers().await.unwrap();

    // Mexico by its code: CryptoPocket's "Mexico" rows and UnDosTres's "MEX" accounts.
    let mexico = all(
        &app,
        CustomerQuery {
            countries: vec!["MEX".into()],
            sort: CustomerSort::OldestPending,
            ..Default::default()
        },
    )
    .await;
    let providers: Vec<Provider> = mexico.iter().map(|c| c.provider).collect();
    assert!(providers.contains(&Provider::Cryptopocket));
    assert!(providers.contains(&Provider::Undostres));
    assert!(
        mexico
            .iter()
            .all(|c| c.country == "MEX" || c.country == "Mexico"),
        "{mexico:?}"
    );
    // Oldest pending first: the pending cases lead, each older than the next.
    let leading: Vec<&Customer> = mexico
        .iter()
        .take_while(|c| pending(c.kyc_status))
        .collect();
    assert!(!leading.is_empty());
    assert!(
        leading
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at)
    );
    assert!(
        mexico[leading.len()..]
            .iter()
            .all(|c| !pending(c.kyc_status))
    );

    let customer = all(
        &app,
        CustomerQuery {
            provider: Some(Provider::Cryptopocket),
            text: "LOSC780715MNLPNR00".into(),
            ..Default::default()
        },
    )
    .await
    .remove(0);
    let id = customer.id.clone();
    let change = |change| app.change_customer_record(Provider::Cryptopocket, id.clone(), change);
    change(RecordChange::AddTag {
        tag: " llamar ".into(),
    })
    .await
    .unwrap();
    change(RecordChange::AddNote {
        text: "Pidió el enlace otra vez".into(),
    })
    .await
    .unwrap();
    change(RecordChange::Reminder {
        channel: ReminderChannel::Whatsapp,
    })
    .await
    .unwrap();
    let refused = change(RecordChange::AddNote { text: "   ".into() })
        .await
        .unwrap_err();
    assert_eq!(
        (refused.code().as_str(), refused.field()),
        ("customer_note.empty", Some("note"))
    );
    drop(app);

    let app = open(&dir).await;
    let record = app
        .customer_record(Provider::Cryptopocket, customer.id.clone())
        .await
        .unwrap();
    assert_eq!(record.customer.id_number, "LOSC780715MNLPNR00");
    assert_eq!(record.tags, ["llamar"]);
    assert_eq!(
        record.timeline.first(),
        Some(&TimelineEntry::Created {
            at: customer.created_at
        })
    );
    assert!(record.timeline.iter().any(|e| matches!(
        e,
        TimelineEntry::Status {
            from: None,
            to: KycStatus::Processing,
            ..
        }
    )));
    let agent: Vec<&TimelineEntry> = record
        .timeline
        .iter()
        .filter(|e| {
            !matches!(
                e,
                TimelineEntry::Created { .. } | TimelineEntry::Status { .. }
            )
        })
        .collect();
    assert!(matches!(agent[0], TimelineEntry::TagAdded { tag, .. } if tag == "llamar"));
    assert!(
        matches!(agent[1], TimelineEntry::Note { text, .. } if text == "Pidió el enlace otra vez")
    );
    assert!(matches!(agent[2], TimelineEntry::Reminder { channel, .. } if channel == "whatsapp"));
    assert_eq!(agent.len(), 3);
}
