//! Failure behaviour of the client under the double's injected faults: unknown outcomes, retry
//! policy (reads only, honouring Retry-After), outages, timeouts and unreadable bodies.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use mostrador_providers::billpocket::BillpocketClient;
use mostrador_providers::{FailureKind, HttpConfig, ProviderError, Verdict};
use mostrador_sandbox::billpocket::seed::MERCHANT_1_USER_ID;
use mostrador_sandbox::{
    BillpocketSandbox, DropMode, FaultAction, FaultPlan, FaultRule, Outage, Scope, Trigger,
};

fn plan(action: FaultAction, trigger: Trigger) -> FaultPlan {
    FaultPlan {
        rules: vec![FaultRule {
            action,
            trigger,
            scope: Scope::default(),
        }],
        ..FaultPlan::default()
    }
}

fn status(status: u16, retry_after: Option<&str>) -> FaultAction {
    FaultAction::Status {
        status,
        retry_after: retry_after.map(str::to_owned),
    }
}

fn link_count(sandbox: &BillpocketSandbox) -> usize {
    sandbox.inspect(|state| state.links(MERCHANT_1_USER_ID).len())
}

fn requests(sandbox: &BillpocketSandbox, method: &str) -> usize {
    sandbox
        .faults()
        .seen()
        .iter()
        .filter(|r| r.method == method)
        .count()
}

fn short_timeout_client(sandbox: &BillpocketSandbox, total: Duration) -> BillpocketClient {
    BillpocketClient::new(
        &sandbox.base_url(),
        HttpConfig {
            total_timeout: total,
            ..fast_config()
        },
    )
    .unwrap()
}

#[tokio::test]
async fn commit_then_hang_is_an_unknown_outcome_and_the_write_happened() {
    let sandbox = sandbox().await;
    let client = short_timeout_client(&sandbox, Duration::from_millis(300));
    let before = link_count(&sandbox);
    sandbox.faults().set_plan(plan(
        FaultAction::CommitThenDrop {
            mode: DropMode::Hang { ms: 2_000 },
        },
        Trigger::Next(1),
    ));

    let error = client
        .create_link(&merchant(MERCHANT_1_USER_ID), &plain_link("incierta"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, ProviderError::UnknownOutcome { .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), FailureKind::UnknownOutcome);
    assert_eq!(error.verdict(), Verdict::Unknown);
    assert_eq!(requests(&sandbox, "POST"), 1, "a write is never retried");
    assert_eq!(
        link_count(&sandbox),
        before + 1,
        "the double committed the write"
    );
}

#[tokio::test]
async fn commit_then_reset_is_an_unknown_outcome_and_the_write_happened() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let before = link_count(&sandbox);
    sandbox.faults().set_plan(plan(
        FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        },
        Trigger::Next(1),
    ));

    let error = client
        .create_link(&merchant(MERCHANT_1_USER_ID), &plain_link("cortada"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), FailureKind::UnknownOutcome, "{error:?}");
    assert_eq!(requests(&sandbox, "POST"), 1);
    assert_eq!(link_count(&sandbox), before + 1);
    // Reconciliation by listing finds it.
    let links = client
        .list_links(&merchant(MERCHANT_1_USER_ID))
        .await
        .unwrap();
    assert!(links[0].description.starts_with("cortada"));
}

#[tokio::test]
async fn a_dropped_read_is_retried_and_succeeds() {
    let sandbox = sandbox().await;
    sandbox.faults().set_plan(plan(
        FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        },
        Trigger::Next(2),
    ));
    let links = client(&sandbox)
        .list_links(&merchant(MERCHANT_1_USER_ID))
        .await
        .unwrap();
    assert_eq!(links.len(), 36);
    assert_eq!(requests(&sandbox, "GET"), 3);
}

#[tokio::test]
async fn reads_retry_on_503_and_429_honouring_retry_after() {
    for code in [503, 429] {
        let sandbox = sandbox().await;
        sandbox
            .faults()
            .set_plan(plan(status(code, Some("0.1")), Trigger::Next(2)));
        let started = Instant::now();
        let links = client(&sandbox)
            .list_links(&merchant(MERCHANT_1_USER_ID))
            .await
            .unwrap();
        let elapsed = started.elapsed();
        assert_eq!(links.len(), 36);
        assert_eq!(
            requests(&sandbox, "GET"),
            3,
            "{code}: two refusals, then the answer"
        );
        // Backoff alone would be ≤ 40 ms; two waits of Retry-After 0.1 s take ≥ 200 ms.
        assert!(
            elapsed >= Duration::from_millis(200),
            "{code}: waited only {elapsed:?}"
        );
    }
}

#[tokio::test]
async fn writes_are_never_retried() {
    for code in [503, 429, 500] {
        let sandbox = sandbox().await;
        let before = link_count(&sandbox);
        sandbox
            .faults()
            .set_plan(plan(status(code, Some("0")), Trigger::Next(1)));
        let error = client(&sandbox)
            .create_link(&merchant(MERCHANT_1_USER_ID), &plain_link("x"))
            .await
            .unwrap_err();
        let expected = if code == 429 {
            FailureKind::RateLimited
        } else {
            FailureKind::ProviderError
        };
        assert_eq!(error.kind(), expected);
        // Nothing was written here, but a real 5xx may follow the change: looked for first.
        let verdict = if code == 429 {
            Verdict::RetryLater
        } else {
            Verdict::Unknown
        };
        assert_eq!(error.verdict(), verdict);
        assert_eq!(requests(&sandbox, "POST"), 1, "{code}");
        assert_eq!(link_count(&sandbox), before);
    }
}

#[tokio::test]
async fn retries_give_up_with_a_typed_error() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);

    sandbox
        .faults()
        .set_plan(plan(status(500, None), Trigger::Next(100)));
    let error = client.list_links(&creds).await.unwrap_err();
    assert!(
        matches!(error, ProviderError::Provider { status: 500, .. }),
        "{error:?}"
    );
    assert_eq!(
        requests(&sandbox, "GET"),
        4,
        "one attempt and three retries"
    );

    // A Retry-After beyond what the client waits is handed back instead of slept on.
    sandbox.faults().clear_seen();
    sandbox
        .faults()
        .set_plan(plan(status(429, Some("120")), Trigger::Next(100)));
    let error = client.list_links(&creds).await.unwrap_err();
    assert!(
        matches!(error, ProviderError::RateLimited { retry_after: Some(d) } if d == Duration::from_secs(120)),
        "{error:?}"
    );
    assert_eq!(requests(&sandbox, "GET"), 1);

    // A fraction of calls failing: retries absorb it.
    sandbox.faults().set_plan(FaultPlan {
        seed: 3,
        ..plan(status(503, Some("0")), Trigger::Fraction(0.3))
    });
    for _ in 0..10 {
        client.states(&partner()).await.unwrap();
    }
}

#[tokio::test]
async fn outage_refuses_connections_until_it_is_over() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let creds = merchant(MERCHANT_1_USER_ID);
    client.states(&partner()).await.unwrap();

    sandbox.faults().set_plan(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    wait_until(|| async { std::net::TcpStream::connect(sandbox.addr()).is_err() }).await;
    let read = client.list_links(&creds).await.unwrap_err();
    assert_eq!(read.kind(), FailureKind::NetworkUnreachable, "{read:?}");
    // Refused before sending: a definite failure, not an unknown outcome.
    let write = client
        .create_link(&creds, &plain_link("x"))
        .await
        .unwrap_err();
    assert_eq!(write.kind(), FailureKind::NetworkUnreachable, "{write:?}");
    assert_eq!(write.verdict(), Verdict::RetryLater);

    sandbox.faults().clear();
    wait_until(|| async { std::net::TcpStream::connect(sandbox.addr()).is_ok() }).await;
    assert_eq!(client.list_links(&creds).await.unwrap().len(), 36);

    // A timed outage lifts itself.
    sandbox.faults().set_plan(FaultPlan {
        outage: Some(Outage {
            duration_ms: Some(100),
        }),
        ..FaultPlan::default()
    });
    wait_until(|| async { std::net::TcpStream::connect(sandbox.addr()).is_err() }).await;
    wait_until(|| async { std::net::TcpStream::connect(sandbox.addr()).is_ok() }).await;
    assert_eq!(sandbox.faults().plan().outage, None);
}

#[tokio::test]
async fn slow_reads_time_out_and_malformed_bodies_are_unreadable() {
    let sandbox = sandbox().await;
    let creds = merchant(MERCHANT_1_USER_ID);
    let slow = BillpocketClient::new(
        &sandbox.base_url(),
        HttpConfig {
            total_timeout: Duration::from_millis(100),
            read_retries: 1,
            ..fast_config()
        },
    )
    .unwrap();
    sandbox.faults().set_plan(FaultPlan {
        latency_ms: 300,
        ..FaultPlan::default()
    });
    assert_eq!(
        slow.list_links(&creds).await.unwrap_err().kind(),
        FailureKind::Timeout
    );
    assert_eq!(requests(&sandbox, "GET"), 2);

    let client = client(&sandbox);
    sandbox
        .faults()
        .set_plan(plan(FaultAction::MalformedBody, Trigger::Next(1)));
    let error = client.list_links(&creds).await.unwrap_err();
    assert!(
        matches!(error, ProviderError::UnreadableResponse { status: 200, .. }),
        "{error:?}"
    );

    // On a write the link exists although its answer was unreadable: reconcile, do not resend.
    let before = link_count(&sandbox);
    sandbox
        .faults()
        .set_plan(plan(FaultAction::MalformedBody, Trigger::Next(1)));
    let error = client
        .create_link(&creds, &plain_link("ilegible"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, ProviderError::UnreadableResponse { status: 202, .. }),
        "{error:?}"
    );
    assert_eq!(error.verdict(), Verdict::Unknown);
    assert_eq!(link_count(&sandbox), before + 1);
}

#[tokio::test]
async fn the_fault_plan_is_also_driven_over_http() {
    let sandbox = sandbox().await;
    let admin = format!("{}/__sandbox/faults", sandbox.base_url());
    let http = raw();
    let plan = serde_json::json!({
        "rules": [{ "action": { "kind": "status", "status": 503, "retryAfter": "0" }, "trigger": { "next": 1 },
                    "scope": { "method": "POST" } }]
    });
    assert_eq!(
        http.post(&admin).json(&plan).send().await.unwrap().status(),
        204
    );
    let current: FaultPlan = http.get(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(current.rules.len(), 1);
    let error = client(&sandbox)
        .create_link(&merchant(MERCHANT_1_USER_ID), &plain_link("x"))
        .await
        .unwrap_err();
    assert!(matches!(error, ProviderError::Provider { status: 503, .. }));

    let endless_outage = serde_json::json!({ "outage": {} });
    assert_eq!(
        http.post(&admin)
            .json(&endless_outage)
            .send()
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(http.delete(&admin).send().await.unwrap().status(), 204);
    assert_eq!(sandbox.faults().plan(), FaultPlan::default());
    let reset = format!("{}/__sandbox/reset", sandbox.base_url());
    assert_eq!(http.post(&reset).send().await.unwrap().status(), 204);
}

/// Polls `condition` every 10 ms for up to 2 s.
async fn wait_until<F, Fut>(condition: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if condition().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("condition not reached in 2 s");
}
