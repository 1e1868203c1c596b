//! UnDosTres account creation through the write engine, against the embedded double with a real
//! database file, under every answer: made, answered without being made, refused, 5xx, no
//! connection, a timeout after the account was made, an answer dropped after the commit, and a
//! keyring that refuses the new customer's secrets. Each case checks the outbox state, the code
//! the user is shown, the cache (and where the secrets stand on the account), the accounts at
//! the double (never two) and the writes of the secrets to the vault (exactly once, or never).
//!
//! The vault is the one the other service tests use (the real keyring under
//! `MOSTRADOR_REAL_KEYRING=1`, else memory) behind a recorder that counts each entry written
//! and, while told to, refuses writes the way a locked Secret Service does: with an error
//! (`common::undostres`). The leak check of these creations is `undostres_writes_leak.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::Ordering;

use mostrador_codes::Coded;
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, Outage};
use mostrador_service::app::{App, AppDirs};
use mostrador_service::events::Events;
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_service::undostres::secrets::slot;
use mostrador_service::undostres::writes::{self, AccountAnswer};
use mostrador_store::{KycSource, OutboxState, Provider, UndostresSecrets};
use mostrador_vault::Vault;

use OutboxState::{Done, Failed, NotApplied, Pending};
use UndostresSecrets::{Lost, Stored, Waiting};

mod common;
use common::undostres::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Applied,
    NotApplied,
    Refused,
    ServerError,
    ConnectionRefused,
    TimeoutAfterSend,
    DroppedAfterCommit,
    KeyringFailing,
}

const ANSWERS: [Answer; 8] = [
    Answer::Applied,
    Answer::NotApplied,
    Answer::Refused,
    Answer::ServerError,
    Answer::ConnectionRefused,
    Answer::TimeoutAfterSend,
    Answer::DroppedAfterCommit,
    Answer::KeyringFailing,
];

/// What a case must end in.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    state: OutboxState,
    /// What the user is told: the write's code, or where a new account's secrets stand.
    code: Option<String>,
    /// `Some` when the account is cached, with where its secrets stand.
    cached: Option<Option<UndostresSecrets>>,
    /// Accounts with the form's e-mail at the double.
    accounts: usize,
    /// Writes of each of the three secrets to the vault.
    vault_writes: usize,
}

impl Answer {
    fn email(self) -> &'static str {
        if self == Answer::Refused {
            TAKEN
        } else {
            EMAIL
        }
    }

    fn plan(self) -> Option<FaultPlan> {
        Some(match self {
            Answer::Applied | Answer::Refused | Answer::KeyringFailing => return None,
            Answer::NotApplied => on_create(FaultAction::IgnoreChanges),
            Answer::ServerError => on_create(FaultAction::Status {
                status: 503,
                retry_after: None,
            }),
            Answer::ConnectionRefused => FaultPlan {
                outage: Some(Outage { duration_ms: None }),
                ..FaultPlan::default()
            },
            // Made, then the answer waits longer than the client.
            Answer::TimeoutAfterSend => on_create(FaultAction::CommitThenDrop {
                mode: DropMode::Hang { ms: 1_500 },
            }),
            Answer::DroppedAfterCommit => on_create(FaultAction::CommitThenDrop {
                mode: DropMode::Reset,
            }),
        })
    }

    fn expected(self) -> Expected {
        let e = |state, code: Option<&str>, cached, accounts, vault_writes| Expected {
            state,
            code: code.map(str::to_owned),
            cached,
            accounts,
            vault_writes,
        };
        match self {
            Answer::Applied => e(Done, None, Some(Some(Stored)), 1, 1),
            // Read back by its id, the account is not there: nothing cached, secrets dropped.
            Answer::NotApplied => e(NotApplied, Some("undostres.not_applied"), None, 0, 0),
            // The seeded account keeps its e-mail: one account, not a second.
            Answer::Refused => e(Failed, Some("undostres.validation_error"), None, 1, 0),
            // Looked for at once: absent, so it waits for the user, never resent by itself.
            Answer::ServerError => e(Pending, Some("outbox.not_applied"), None, 0, 0),
            // Never left: queued until the user sends it again.
            Answer::ConnectionRefused => {
                e(Pending, Some("undostres.network_unreachable"), None, 0, 0)
            }
            // Found after the last known account; only the lost answer had its secrets.
            Answer::TimeoutAfterSend | Answer::DroppedAfterCommit => {
                e(Done, Some("undostres.secrets_lost"), Some(Some(Lost)), 1, 0)
            }
            Answer::KeyringFailing => e(
                Done,
                Some("undostres.secrets_waiting"),
                Some(Some(Waiting)),
                1,
                0,
            ),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creation_under_every_answer_ends_where_it_should() {
    let mut failures = Vec::new();
    for answer in ANSWERS {
        let case = Case::new().await;
        if let Some(plan) = answer.plan() {
            case.faults(plan);
            case.sandbox.undostres().faults().settled().await;
        }
        case.recorder
            .refuse
            .store(answer == Answer::KeyringFailing, Ordering::SeqCst);
        let result = case.create("k", answer.email()).await;
        case.faults(FaultPlan::default());
        case.sandbox.undostres().faults().settled().await;
        let entry = case.store.outbox_by_key("k").unwrap().expect("recorded");
        let code = match &result {
            Ok(AccountAnswer::Submitted { outcome }) => outcome.write.code,
            _ => entry.last_error_code,
        };
        let ids = case.at_double(answer.email());
        let id = ids.first().copied();
        let writes = id.map_or([0; 3], |id| case.recorder.writes(&id.to_string()));
        let got = Expected {
            state: entry.state,
            code: code.map(|c| c.as_str().to_owned()),
            cached: id
                .and_then(|id| case.cached(id))
                .filter(|_| answer != Answer::Refused)
                .map(|view| view.secrets),
            accounts: ids.len(),
            vault_writes: writes[0],
        };
        let expected = answer.expected();
        if got != expected || writes.iter().any(|w| *w != writes[0]) {
            failures.push(format!(
                "{answer:?}: got {got:?} (each secret {writes:?}), expected {expected:?}"
            ));
        }
        match (answer, &result) {
            (Answer::Refused, Ok(AccountAnswer::Refused { issues })) => {
                let issue = &issues[0];
                assert_eq!(
                    (issue.field.as_str(), issue.code.as_str()),
                    ("email", "email.taken")
                );
            }
            (Answer::Refused, other) => panic!("a refusal on the e-mail field: {other:?}"),
            (_, Ok(AccountAnswer::Submitted { outcome })) => {
                assert_eq!(outcome.write.credit_line, "$100,000.00", "{answer:?}");
                if entry.state == NotApplied {
                    assert_eq!(outcome.write.differences, ["account"]);
                }
            }
            (_, other) => panic!("{answer:?}: submitted, got {other:?}"),
        }
        if let Some(id) = id {
            case.clean(id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn writes_left_open_are_sent_once_by_the_users_retry() {
    // Queued without a connection, then sent when the user retries: one account.
    let case = Case::new().await;
    case.faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    case.sandbox.undostres().faults().settled().await;
    let queued = submitted(case.create("k", EMAIL).await.unwrap());
    assert_eq!(queued.write.state, Pending);
    let open = writes::open_writes(&case.store, SANDBOX_PROFILE_ID).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(
        (open[0].email.as_str(), open[0].name.as_str()),
        (EMAIL, "Guadalupe Domínguez Espinoza")
    );
    case.faults(FaultPlan::default());
    case.sandbox.undostres().faults().settled().await;
    let done = submitted(
        writes::retry(&case.cx(), queued.write.seq, NOW)
            .await
            .unwrap(),
    );
    assert_eq!(done.write.state, Done);
    let id = done.write.customer_id.clone().unwrap();
    assert_eq!(case.at_double(EMAIL).len(), 1);
    assert_eq!(case.recorder.writes(&id), [1, 1, 1]);
    assert!(
        writes::open_writes(&case.store, SANDBOX_PROFILE_ID)
            .unwrap()
            .is_empty()
    );
    // The same key again answers with the write as it stands: nothing sent, nothing stored.
    let again = submitted(case.create("k", EMAIL).await.unwrap());
    assert_eq!((again.write.state, again.write.seq), (Done, done.write.seq));
    assert_eq!(case.at_double(EMAIL).len(), 1);
    assert_eq!(case.recorder.writes(&id), [1, 1, 1]);
    case.clean(id.parse().unwrap());

    // Answered without being made, then sent again by the user: made once.
    drop(case);
    let case = Case::new().await;
    case.faults(on_create(FaultAction::IgnoreChanges));
    let ignored = submitted(case.create("k", EMAIL).await.unwrap());
    assert_eq!(ignored.write.state, NotApplied);
    let made = submitted(
        writes::retry(&case.cx(), ignored.write.seq, NOW)
            .await
            .unwrap(),
    );
    assert_eq!(made.write.state, Done);
    let id = made.write.customer_id.clone().unwrap();
    assert_eq!(case.at_double(EMAIL).len(), 1);
    assert_eq!(case.recorder.writes(&id), [1, 1, 1]);
    let account = made.account.unwrap();
    assert_eq!(account.secrets, Some(Stored));
    assert_eq!(account.account.customer.email, EMAIL);
    case.clean(id.parse().unwrap());

    // A 5xx left it waiting for the user, who discards it: nothing is sent again.
    drop(case);
    let case = Case::new().await;
    case.faults(on_create(FaultAction::Status {
        status: 503,
        retry_after: None,
    }));
    let absent = submitted(case.create("k", EMAIL).await.unwrap());
    assert_eq!(absent.write.state, Pending);
    writes::discard(&case.store, SANDBOX_PROFILE_ID, absent.write.seq, NOW)
        .await
        .unwrap();
    let entry = case.store.outbox_by_key("k").unwrap().unwrap();
    assert_eq!(
        (entry.state, entry.last_error_code.map(|c| c.as_str())),
        (Failed, Some("outbox.discarded"))
    );
    assert!(case.at_double(EMAIL).is_empty());
    let error = writes::retry(&case.cx(), absent.write.seq, NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "outbox.not_open");
}

#[tokio::test]
async fn secrets_the_keyring_refused_are_stored_once_when_it_works_again() {
    let case = Case::new().await;
    case.recorder.refuse.store(true, Ordering::SeqCst);
    let created = submitted(case.create("k", EMAIL).await.unwrap());
    let id = created.write.customer_id.clone().unwrap();
    assert_eq!(created.account.unwrap().secrets, Some(Waiting));
    let history: Vec<_> = case
        .store
        .kyc_history(SANDBOX_PROFILE_ID, Provider::Undostres, &id)
        .unwrap()
        .into_iter()
        .map(|t| (t.source, t.kyc_level, t.observed_at))
        .collect();
    assert_eq!(
        history,
        [(KycSource::Create, Some(1), NOW)],
        "seen in the create answer"
    );

    // Still locked: they keep waiting, and the user is told so.
    let error = writes::store_waiting(&case.cx(), &id).await.unwrap_err();
    assert_eq!(error.code(), "undostres.secrets_waiting");
    assert_eq!(case.recorder.writes(&id), [0, 0, 0]);

    case.recorder.refuse.store(false, Ordering::SeqCst);
    let stored = writes::store_waiting(&case.cx(), &id).await.unwrap();
    assert_eq!(stored.secrets, Some(Stored));
    assert_eq!(case.recorder.writes(&id), [1, 1, 1]);
    let oauth = case
        .vault
        .get(SANDBOX_PROFILE_ID, &slot(CustomerSecret::OauthToken, &id))
        .unwrap();
    let at_double = case.sandbox.undostres().inspect(|s| {
        s.accounts
            .last()
            .unwrap()
            .tokens
            .oauth_token
            .expose()
            .to_owned()
    });
    assert_eq!(oauth.expose(), at_double, "the secrets of this account");
    // Nothing waits any more: storing again writes nothing.
    writes::store_waiting(&case.cx(), &id).await.unwrap();
    assert_eq!(case.recorder.writes(&id), [1, 1, 1]);
    assert_eq!(case.at_double(EMAIL).len(), 1);
    case.clean(id.parse().unwrap());
}

#[tokio::test]
async fn secrets_waiting_in_memory_are_lost_at_a_restart_and_the_user_is_told() {
    let _turn = keyring_turn().await;
    let dir = tempfile::tempdir().unwrap();
    let dirs = AppDirs {
        data: dir.path().join("data"),
        config: dir.path().join("config"),
    };
    let recorder = Recorder::new();
    recorder.refuse.store(true, Ordering::SeqCst);
    let vault = Ok(Vault::new(recorder.clone()));
    let app = App::open_with_vault(
        dirs.clone(),
        vault,
        Events::new(std::sync::mpsc::channel().0),
    )
    .await
    .unwrap();
    let AccountAnswer::Submitted { outcome } = app
        .create_undostres_account("k", person(EMAIL))
        .await
        .unwrap()
    else {
        panic!("submitted")
    };
    let id = outcome.write.customer_id.clone().unwrap();
    assert_eq!(
        outcome.write.code.unwrap().as_str(),
        "undostres.secrets_waiting"
    );
    drop(app);

    recorder.refuse.store(false, Ordering::SeqCst);
    let vault = Ok(Vault::new(recorder.clone()));
    let app = App::open_with_vault(dirs, vault, Events::new(std::sync::mpsc::channel().0))
        .await
        .unwrap();
    let error = app.store_undostres_secrets(id.clone()).await.unwrap_err();
    assert_eq!(error.code(), "undostres.secrets_lost");
    let view = app.refresh_undostres_account(id.clone()).await.unwrap();
    assert_eq!(view.secrets, Some(Lost), "the account says so");
    assert_eq!(view.balance.unwrap().credit_line, 10_000_000);
    assert_eq!(recorder.writes(&id), [0, 0, 0]);
}
