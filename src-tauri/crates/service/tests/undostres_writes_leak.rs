//! A creation through the write engine leaks nothing: after one whose secrets were stored, one
//! whose secrets the keyring refused (and a failed retry), one whose answer was lost and one
//! refused, neither the e-commerce token nor any customer's secrets are in the database file,
//! its WAL, the TRACE logs, or any outcome or error as printed. Its own binary: the captured
//! logs are this thread's, and no other test registers log call sites meanwhile.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::Ordering;

use mostrador_sandbox::undostres::seed::SANDBOX_ECOMMERCE_TOKEN;
use mostrador_sandbox::{DropMode, FaultAction};
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_service::undostres::secrets::slot;
use mostrador_service::undostres::writes;
use mostrador_vault::leak_check::{CapturedLogs, contains};

mod common;
use common::undostres::*;

// current_thread: the double's tasks run on this thread, so the scoped subscriber sees them too.
#[tokio::test(flavor = "current_thread")]
async fn a_creation_through_the_engine_leaves_no_secret_in_the_database_logs_or_errors() {
    let (logs, _guard) = CapturedLogs::install();
    let case = Case::new().await;
    let mut printed = Vec::new();
    // Stored at once; kept waiting by a locked keyring; and lost with a dropped answer.
    let stored = submitted(case.create("k1", "uno@pasteleria.mx").await.unwrap());
    printed.push(format!("{stored:?}"));
    case.recorder.refuse.store(true, Ordering::SeqCst);
    let waiting = submitted(case.create("k2", "dos@pasteleria.mx").await.unwrap());
    printed.push(format!("{waiting:?}"));
    let id = waiting.write.customer_id.clone().unwrap();
    let error = writes::store_waiting(&case.cx(), &id).await.unwrap_err();
    printed.push(format!("{error:?} {error}"));
    printed.push(format!("{:?}", case.waiting.take(SANDBOX_PROFILE_ID, &id)));
    case.recorder.refuse.store(false, Ordering::SeqCst);
    case.faults(on_create(FaultAction::CommitThenDrop {
        mode: DropMode::Reset,
    }));
    let lost = submitted(case.create("k3", "tres@pasteleria.mx").await.unwrap());
    printed.push(format!("{lost:?}"));
    let refused = case.create("k4", TAKEN).await;
    printed.push(format!("{refused:?}"));

    let secrets: Vec<String> = case.sandbox.undostres().inspect(|s| {
        s.accounts
            .iter()
            .flat_map(|a| {
                [
                    a.tokens.oauth_token.expose().to_owned(),
                    a.tokens.refresh_token.expose().to_owned(),
                    a.tokens.private_key.expose().to_owned(),
                ]
            })
            .collect()
    });
    assert_eq!(secrets.len(), 18 * 3, "15 seeded accounts and 3 new ones");
    let logs = logs.bytes();
    assert!(contains(&logs, "write settled"), "no logs");
    let dir = case._dir.path().to_owned();
    let ids = [&stored, &waiting, &lost].map(|o| o.write.customer_id.clone().unwrap());
    drop(case.client);
    drop(case.store);
    let db = std::fs::read(dir.join("mostrador.sqlite3")).unwrap();
    let wal = std::fs::read(dir.join("mostrador.sqlite3-wal")).unwrap_or_default();
    for value in secrets
        .iter()
        .map(String::as_str)
        .chain([SANDBOX_ECOMMERCE_TOKEN])
    {
        assert!(!contains(&db, value), "{value} is in the database file");
        assert!(!contains(&wal, value), "{value} is in the WAL");
        assert!(!contains(&logs, value), "{value} is in the logs");
        for text in &printed {
            assert!(!text.contains(value), "{value} is in {text}");
        }
    }
    for id in ids {
        for secret in SECRETS {
            case.vault
                .delete(SANDBOX_PROFILE_ID, &slot(secret, &id))
                .unwrap();
        }
    }
}
