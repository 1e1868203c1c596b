use mostrador_codes::{Coded, ErrorCode};
use mostrador_store::OutboxState::{self, Done, Failed, NotApplied, Pending, Sent, Uncertain};
use mostrador_store::{NewOutboxEntry, Outcome, Store};

use crate::common::{PROFILE, T0, link, store};

fn enqueue(store: &Store, key: &str) -> i64 {
    let entry = NewOutboxEntry {
        profile_id: PROFILE,
        idempotency_key: key,
        kind: "billpocket.create_link",
        intent: r#"{"description":"Consulta","amount_centavos":55000}"#,
    };
    store.write(|w| w.enqueue(&entry, T0)).unwrap()
}

/// Walks a fresh entry to `state` along legal steps.
fn entry_in(store: &Store, key: &str, state: OutboxState) -> i64 {
    let seq = enqueue(store, key);
    let path: &[OutboxState] = match state {
        Pending => &[],
        Sent => &[Sent],
        Uncertain => &[Sent, Uncertain],
        NotApplied => &[Sent, NotApplied],
        Done => &[Sent, Done],
        Failed => &[Failed],
    };
    let mut from = Pending;
    for &to in path {
        store
            .write(|w| w.transition_outbox(seq, from, to, Outcome::default(), T0))
            .unwrap();
        from = to;
    }
    seq
}

const LEGAL: [(OutboxState, OutboxState); 13] = [
    (Pending, Sent),
    (Pending, Failed),
    (Sent, Done),
    (Sent, Failed),
    (Sent, Uncertain),
    // Not delivered (the connection never opened): queued again.
    (Sent, Pending),
    (Uncertain, Done),
    (Uncertain, Failed),
    (Uncertain, Pending),
    // Answered without the change: looked at again, sent again or discarded.
    (Sent, NotApplied),
    (Uncertain, NotApplied),
    (NotApplied, Sent),
    (NotApplied, Failed),
];

#[test]
fn every_pair_of_states_is_legal_or_refused_exactly_as_specified() {
    let (_dir, store) = store();
    for &from in OutboxState::ALL {
        for &to in OutboxState::ALL {
            let seq = entry_in(&store, &format!("{from}-{to}"), from);
            let result =
                store.write(|w| w.transition_outbox(seq, from, to, Outcome::default(), T0 + 1));
            let after = store.outbox_entry(seq).unwrap().state;
            if LEGAL.contains(&(from, to)) {
                result.unwrap();
                assert_eq!(after, to);
            } else {
                let err = result.expect_err(&format!("{from} -> {to} must be refused"));
                assert_eq!(
                    err.code(),
                    "store.illegal_transition",
                    "{from} -> {to}: {err}"
                );
                assert_eq!(after, from, "a refused transition changes nothing");
            }
        }
    }
}

#[test]
fn lifecycle_counts_attempts_and_keeps_error_and_result() {
    let (_dir, store) = store();
    let seq = enqueue(&store, "k1");
    let t =
        |from, to, outcome| store.write(|w| w.transition_outbox(seq, from, to, outcome, T0 + 1));
    t(Pending, Sent, Outcome::default()).unwrap();
    t(
        Sent,
        Uncertain,
        Outcome {
            error_code: Some(ErrorCode::BillpocketTimeout),
            ..Outcome::default()
        },
    )
    .unwrap();
    t(Uncertain, Pending, Outcome::default()).unwrap();
    t(Pending, Sent, Outcome::default()).unwrap();
    // Closing the entry and caching the created link commit together.
    store
        .write(|w| {
            w.upsert_links(PROFILE, &[link("L1", "Consulta", 55_000, T0)], T0 + 2)?;
            w.transition_outbox(
                seq,
                Sent,
                Done,
                Outcome {
                    result_ref: Some("L1"),
                    ..Outcome::default()
                },
                T0 + 2,
            )
        })
        .unwrap();
    let entry = store.outbox_entry(seq).unwrap();
    assert_eq!((entry.state, entry.attempts), (Done, 2));
    assert_eq!(entry.last_error_code, Some(ErrorCode::BillpocketTimeout));
    assert_eq!(entry.result_ref.as_deref(), Some("L1"));
    assert!(store.open_outbox(PROFILE).unwrap().is_empty());
}

#[test]
fn a_write_answered_without_the_change_keeps_the_differing_fields_until_sent_again() {
    let (_dir, store) = store();
    let seq = enqueue(&store, "k1");
    let differences = ["status".to_owned(), "amount".to_owned()];
    let t =
        |from, to, outcome| store.write(|w| w.transition_outbox(seq, from, to, outcome, T0 + 1));
    t(Pending, Sent, Outcome::default()).unwrap();
    t(
        Sent,
        NotApplied,
        Outcome {
            error_code: Some(ErrorCode::OutboxNotApplied),
            differences: &differences,
            ..Outcome::default()
        },
    )
    .unwrap();
    let entry = store.outbox_entry(seq).unwrap();
    assert_eq!(entry.differences, differences);
    assert_eq!(store.open_outbox(PROFILE).unwrap().len(), 1, "still open");
    t(NotApplied, Sent, Outcome::default()).unwrap();
    assert!(store.outbox_entry(seq).unwrap().differences.is_empty());
}

#[test]
fn stale_state_missing_entry_duplicate_key_and_bad_json_are_typed() {
    let (_dir, store) = store();
    let seq = enqueue(&store, "k1");
    // Another worker already sent it: our pending -> sent sees the row moved.
    store
        .write(|w| w.transition_outbox(seq, Pending, Sent, Outcome::default(), T0))
        .unwrap();
    let err = store
        .write(|w| w.transition_outbox(seq, Pending, Sent, Outcome::default(), T0))
        .unwrap_err();
    assert_eq!(err.code(), "store.conflict");
    let err = store
        .write(|w| w.transition_outbox(999, Pending, Sent, Outcome::default(), T0))
        .unwrap_err();
    assert_eq!(err.code(), "store.not_found");

    let duplicate = store.write(|w| {
        w.enqueue(
            &NewOutboxEntry {
                profile_id: PROFILE,
                idempotency_key: "k1",
                kind: "x",
                intent: "{}",
            },
            T0,
        )
    });
    assert_eq!(duplicate.unwrap_err().code(), "store.conflict");
    let not_json = store.write(|w| {
        w.enqueue(
            &NewOutboxEntry {
                profile_id: PROFILE,
                idempotency_key: "k2",
                kind: "x",
                intent: "{oops",
            },
            T0,
        )
    });
    assert_eq!(not_json.unwrap_err().code(), "store.conflict");

    let open: Vec<_> = store
        .open_outbox(PROFILE)
        .unwrap()
        .into_iter()
        .map(|e| (e.seq, e.state))
        .collect();
    assert_eq!(open, [(seq, Sent)]);
}
