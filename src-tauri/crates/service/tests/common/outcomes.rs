//! The answers a provider can give a write, as the outcome tables (`write_engine.rs`,
//! `cryptopocket_writes.rs`) play them on a double: each one a fault plan for the write's route.

use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, FaultRule, Outage, Scope, Trigger};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Applied,
    NotApplied,
    Refused,
    ServerError,
    RateLimited,
    ConnectionRefused,
    TimeoutAfterSend,
    DroppedAfterCommit,
}

pub const ANSWERS: [Answer; 8] = [
    Answer::Applied,
    Answer::NotApplied,
    Answer::Refused,
    Answer::ServerError,
    Answer::RateLimited,
    Answer::ConnectionRefused,
    Answer::TimeoutAfterSend,
    Answer::DroppedAfterCommit,
];

/// One fault for the next call of `method` on paths starting with `path`.
pub fn once(method: &str, path: &str, action: FaultAction) -> FaultRule {
    FaultRule {
        action,
        trigger: Trigger::Next(1),
        scope: Scope {
            method: Some(method.into()),
            path_prefix: Some(path.into()),
        },
    }
}

/// How the double gives `answer` to the write at `method path` (`None`: it just answers).
pub fn fault_plan(method: &str, path: &str, answer: Answer) -> Option<FaultPlan> {
    let rule = |action| FaultPlan {
        rules: vec![once(method, path, action)],
        ..FaultPlan::default()
    };
    let status = |status: u16, retry_after: Option<&str>| FaultAction::Status {
        status,
        retry_after: retry_after.map(str::to_owned),
    };
    Some(match answer {
        Answer::Applied => return None,
        Answer::NotApplied => rule(FaultAction::IgnoreChanges),
        Answer::Refused => rule(status(422, None)),
        Answer::ServerError => rule(status(503, None)),
        Answer::RateLimited => rule(status(429, Some("1"))),
        Answer::ConnectionRefused => FaultPlan {
            outage: Some(Outage { duration_ms: None }),
            ..FaultPlan::default()
        },
        // Every call is slower than the client waits, the look-up too.
        Answer::TimeoutAfterSend => FaultPlan {
            latency_ms: 1_500,
            ..FaultPlan::default()
        },
        Answer::DroppedAfterCommit => rule(FaultAction::CommitThenDrop {
            mode: DropMode::Reset,
        }),
    })
}
