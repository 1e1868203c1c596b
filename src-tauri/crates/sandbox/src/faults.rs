//! Fault injection for any provider double: one axum middleware plus a controller handle that
//! tests (Rust API), the app's Sandbox settings and the `/__sandbox/faults` admin route drive.
//!
//! The plan is plain data (serde), applied per request in this order: record the request, add
//! latency, then at most one rule fires (the first that matches and triggers).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

/// What the sandbox should do wrong, and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultPlan {
    /// Added to every request before anything else.
    #[serde(default)]
    pub latency_ms: u32,
    /// Provider outage: the listener is closed (connections are refused) while this holds.
    #[serde(default)]
    pub outage: Option<Outage>,
    /// Seed of the generator behind `Trigger::Fraction`, so a plan replays identically.
    #[serde(default)]
    pub seed: u32,
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outage {
    /// Back up by itself after this long; `None` lasts until the plan changes (Rust API only:
    /// over HTTP nobody could lift it, so the admin route requires a duration).
    #[serde(default)]
    pub duration_ms: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    pub action: FaultAction,
    pub trigger: Trigger,
    /// Limits the rule to one method and/or a path prefix; empty matches every request.
    #[serde(default)]
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FaultAction {
    /// Answer with this status instead of running the handler (nothing is written). 503 and 429
    /// usually carry `retryAfter` (seconds; fractions allowed for tests).
    #[serde(rename_all = "camelCase")]
    Status {
        status: u16,
        retry_after: Option<String>,
    },
    /// Run the handler, then replace its body with broken JSON (same status).
    MalformedBody,
    /// Run the handler (the write happens), then never deliver the answer.
    #[serde(rename_all = "camelCase")]
    CommitThenDrop { mode: DropMode },
    /// Answer as a server that is not the provider would, with this status and an HTML page
    /// instead of the provider's error body (a wrong base URL, a proxy, a path that does not
    /// exist there). The handler does not run: nothing is written.
    #[serde(rename_all = "camelCase")]
    ForeignPage { status: u16 },
    /// Answer the write without making it (the handler sees [`IgnoreChanges`]): a change to
    /// something that exists is answered with it as it was, as a server that ignores a field it
    /// does not know would; anything new is answered as if made, and nothing is kept. The
    /// Billpocket and CryptoPocket doubles honour it, the UnDosTres double for account creation.
    IgnoreChanges,
}

/// Request extension set by [`FaultAction::IgnoreChanges`] for the double's write handlers.
#[derive(Clone, Copy, Debug)]
pub struct IgnoreChanges;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum DropMode {
    /// Hold the answer for `ms` (the client times out first), then close.
    Hang { ms: u32 },
    /// Start the answer, then abort the connection mid-body.
    Reset,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Trigger {
    /// The next `n` matching calls.
    Next(u32),
    /// This fraction (0–1) of matching calls, drawn from the plan's seed.
    Fraction(f64),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub path_prefix: Option<String>,
}

impl Scope {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| path.starts_with(p))
    }
}

/// A request as the double saw it (never its headers or body: they carry credentials).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeenRequest {
    pub method: String,
    pub path: String,
    /// The fault applied to it, if any.
    pub fault: Option<&'static str>,
}

#[derive(Default)]
struct FaultState {
    plan: FaultPlan,
    /// Remaining `Next(n)` budget per rule index.
    remaining: Vec<u32>,
    rng: u64,
    seen: Vec<SeenRequest>,
    /// Bumped by every new plan, so a timed outage only ends its own plan's outage.
    generation: u64,
}

/// Cloneable handle on a double's faults and request log.
#[derive(Clone)]
pub struct FaultController {
    state: Arc<Mutex<FaultState>>,
    outage: watch::Sender<bool>,
    /// Whether the server is accepting connections, as the server itself reports it: an outage
    /// takes effect when its listener and every open connection are closed, a little after the
    /// plan asked for it.
    listening: watch::Sender<bool>,
}

impl Default for FaultController {
    fn default() -> Self {
        Self {
            state: Arc::default(),
            outage: watch::Sender::new(false),
            listening: watch::Sender::new(false),
        }
    }
}

impl FaultController {
    /// Replaces the plan (and resets its counters). Call from within a Tokio runtime when the
    /// plan has a timed outage.
    pub fn set_plan(&self, plan: FaultPlan) {
        let outage = plan.outage.clone();
        let generation = {
            let mut state = self.lock();
            state.remaining = plan
                .rules
                .iter()
                .map(|r| match r.trigger {
                    Trigger::Next(n) => n,
                    Trigger::Fraction(_) => u32::MAX,
                })
                .collect();
            // xorshift must not start at zero.
            state.rng = u64::from(plan.seed) | 0x9E37_79B9_0000_0000;
            state.plan = plan;
            state.generation += 1;
            state.generation
        };
        self.outage.send_replace(outage.is_some());
        if let Some(Outage {
            duration_ms: Some(ms),
        }) = outage
        {
            self.end_outage_after(Duration::from_millis(u64::from(ms)), generation);
        }
    }

    /// Lifts a timed outage, unless another plan replaced this one meanwhile.
    fn end_outage_after(&self, delay: Duration, generation: u64) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            tracing::warn!(
                "timed sandbox outage set outside a Tokio runtime: it lasts until the plan changes"
            );
            return;
        };
        let controller = self.clone();
        runtime.spawn(async move {
            tokio::time::sleep(delay).await;
            let mut state = controller.lock();
            if state.generation == generation {
                state.plan.outage = None;
                controller.outage.send_replace(false);
            }
        });
    }

    pub fn plan(&self) -> FaultPlan {
        self.lock().plan.clone()
    }

    pub fn clear(&self) {
        self.set_plan(FaultPlan::default());
    }

    /// Every request seen since start (or the last [`Self::clear_seen`]), in order.
    pub fn seen(&self) -> Vec<SeenRequest> {
        self.lock().seen.clone()
    }

    pub fn clear_seen(&self) {
        self.lock().seen.clear();
    }

    /// Whether the listener should be closed now.
    pub(crate) fn outage(&self) -> watch::Receiver<bool> {
        self.outage.subscribe()
    }

    /// The server's report of whether it is accepting connections.
    pub(crate) fn report_listening(&self, listening: bool) {
        self.listening.send_replace(listening);
    }

    /// Waits until the server matches the plan: closed (listener and connections) during an
    /// outage, accepting otherwise. Without it, a call made right after an outage is set can
    /// still reach a pooled connection the server is closing and lose its answer, which is
    /// another fault (a dropped answer) than the one asked for (a refused connection).
    pub async fn settled(&self) {
        let mut outage = self.outage.subscribe();
        let mut listening = self.listening.subscribe();
        loop {
            let want_listening = !*outage.borrow_and_update();
            if listening
                .wait_for(|listening| *listening == want_listening)
                .await
                .is_err()
            {
                return;
            }
            // The plan may have changed while this waited: then settle against the new one.
            if !outage.has_changed().unwrap_or(false) {
                return;
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, FaultState> {
        // A panic while holding the lock cannot leave the plan half-written; keep serving.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records the request and picks the fault for it.
    fn decide(&self, method: &str, path: &str) -> (Duration, Option<FaultAction>) {
        let mut state = self.lock();
        let latency = Duration::from_millis(u64::from(state.plan.latency_ms));
        let mut chosen = None;
        for index in 0..state.plan.rules.len() {
            let rule = &state.plan.rules[index];
            if !rule.scope.matches(method, path) || state.remaining[index] == 0 {
                continue;
            }
            // Only a write can be answered without being made: reads do not use up the rule.
            if rule.action == FaultAction::IgnoreChanges && method.eq_ignore_ascii_case("GET") {
                continue;
            }
            let fires = match rule.trigger {
                Trigger::Next(_) => true,
                Trigger::Fraction(fraction) => state.next_unit() < fraction,
            };
            if fires {
                chosen = Some(state.plan.rules[index].action.clone());
                if let Trigger::Next(_) = state.plan.rules[index].trigger {
                    state.remaining[index] -= 1;
                }
                break;
            }
        }
        let fault = chosen.as_ref().map(FaultAction::label);
        state.seen.push(SeenRequest {
            method: method.to_owned(),
            path: path.to_owned(),
            fault,
        });
        (latency, chosen)
    }
}

impl FaultState {
    /// Uniform in [0, 1) from a xorshift64 generator.
    fn next_unit(&mut self) -> f64 {
        (crate::rng::next(&mut self.rng) >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl FaultAction {
    fn label(&self) -> &'static str {
        match self {
            Self::Status { .. } => "status",
            Self::MalformedBody => "malformed_body",
            Self::CommitThenDrop { .. } => "commit_then_drop",
            Self::ForeignPage { .. } => "foreign_page",
            Self::IgnoreChanges => "ignore_changes",
        }
    }
}

/// The middleware; mount with `axum::middleware::from_fn_with_state(controller, inject_faults)`.
pub async fn inject_faults(
    State(faults): State<FaultController>,
    mut request: Request,
    next: Next,
) -> Response {
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    let (latency, action) = faults.decide(&method, &path);
    tracing::trace!(%method, %path, "sandbox request");
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let Some(action) = action else {
        return next.run(request).await;
    };
    tracing::debug!(%method, %path, fault = action.label(), "sandbox injecting fault");
    match action {
        FaultAction::Status {
            status,
            retry_after,
        } => status_response(status, retry_after.as_deref()),
        FaultAction::MalformedBody => {
            let (mut parts, _) = next.run(request).await.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            Response::from_parts(parts, Body::from(r#"{"id": "truncated"#))
        }
        FaultAction::ForeignPage { status } => foreign_page(status),
        FaultAction::IgnoreChanges => {
            request.extensions_mut().insert(IgnoreChanges);
            next.run(request).await
        }
        FaultAction::CommitThenDrop { mode } => {
            let committed = next.run(request).await;
            drop(committed);
            match mode {
                DropMode::Hang { ms } => {
                    tokio::time::sleep(Duration::from_millis(u64::from(ms))).await;
                    reset_response()
                }
                DropMode::Reset => reset_response(),
            }
        }
    }
}

/// `GET|POST|DELETE /__sandbox/faults` (the plan) and `GET /__sandbox/requests` (the request
/// log); mounted outside the fault layer so they always answer.
pub fn admin_routes(faults: FaultController) -> Router {
    Router::new()
        .route(
            "/__sandbox/faults",
            get(current_plan).post(replace_plan).delete(clear_plan),
        )
        .route("/__sandbox/requests", get(seen_requests))
        .with_state(faults)
}

async fn current_plan(State(faults): State<FaultController>) -> axum::Json<FaultPlan> {
    axum::Json(faults.plan())
}

async fn replace_plan(
    State(faults): State<FaultController>,
    axum::Json(plan): axum::Json<FaultPlan>,
) -> Response {
    if matches!(plan.outage, Some(Outage { duration_ms: None })) {
        let body = serde_json::json!({ "message": "an outage set over HTTP needs durationMs: nothing could lift it" });
        return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
    }
    faults.set_plan(plan);
    StatusCode::NO_CONTENT.into_response()
}

async fn clear_plan(State(faults): State<FaultController>) -> StatusCode {
    faults.clear();
    StatusCode::NO_CONTENT
}

async fn seen_requests(State(faults): State<FaultController>) -> axum::Json<Vec<SeenRequest>> {
    axum::Json(faults.seen())
}

fn status_response(status: u16, retry_after: Option<&str>) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body =
        serde_json::json!({ "message": code.canonical_reason().unwrap_or("Injected fault") });
    let mut response = (code, axum::Json(body)).into_response();
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(v).ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// What a web server that is not the provider answers: its own HTML page.
fn foreign_page(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::NOT_FOUND);
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>{code}</title></head><body><h1>{code}</h1></body></html>\n"
    );
    (
        code,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// A 200 whose body fails on first read: hyper aborts the connection, so the client never gets a
/// complete answer.
fn reset_response() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<Vec<u8>, _>(std::io::Error::other("sandbox: connection dropped"))
    });
    Response::new(Body::from_stream(failing))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(action: FaultAction, trigger: Trigger) -> FaultRule {
        FaultRule {
            action,
            trigger,
            scope: Scope::default(),
        }
    }

    #[test]
    fn next_n_fires_exactly_n_times_and_records_every_request() {
        let faults = FaultController::default();
        faults.set_plan(FaultPlan {
            rules: vec![rule(FaultAction::MalformedBody, Trigger::Next(2))],
            ..FaultPlan::default()
        });
        let fired: Vec<bool> = (0..4)
            .map(|_| faults.decide("GET", "/x").1.is_some())
            .collect();
        assert_eq!(fired, [true, true, false, false]);
        assert_eq!(faults.seen().len(), 4);
        assert_eq!(faults.seen()[0].fault, Some("malformed_body"));
    }

    #[test]
    fn fraction_is_deterministic_per_seed_and_roughly_right() {
        let plan = FaultPlan {
            seed: 7,
            rules: vec![rule(FaultAction::MalformedBody, Trigger::Fraction(0.3))],
            ..FaultPlan::default()
        };
        let run = || {
            let faults = FaultController::default();
            faults.set_plan(plan.clone());
            (0..1000)
                .map(|_| faults.decide("GET", "/x").1.is_some())
                .collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        let hits = first.iter().filter(|f| **f).count();
        assert!((250..350).contains(&hits), "{hits}");
    }

    #[test]
    fn scope_limits_rules() {
        let faults = FaultController::default();
        let mut only_posts = rule(FaultAction::MalformedBody, Trigger::Next(5));
        only_posts.scope = Scope {
            method: Some("post".into()),
            path_prefix: Some("/v1/".into()),
        };
        faults.set_plan(FaultPlan {
            rules: vec![only_posts],
            ..FaultPlan::default()
        });
        assert!(faults.decide("GET", "/v1/custom-link").1.is_none());
        assert!(faults.decide("POST", "/v2/usuarios").1.is_none());
        assert!(faults.decide("POST", "/v1/custom-link").1.is_some());
    }

    #[tokio::test]
    async fn a_timed_outage_does_not_end_a_later_plan() {
        let faults = FaultController::default();
        let outage = |duration_ms| FaultPlan {
            outage: Some(Outage { duration_ms }),
            ..FaultPlan::default()
        };
        faults.set_plan(outage(Some(20)));
        faults.set_plan(outage(None));
        tokio::time::sleep(Duration::from_millis(60)).await;
        assert!(*faults.outage().borrow());
        faults.set_plan(outage(Some(10)));
        tokio::time::sleep(Duration::from_millis(60)).await;
        assert!(!*faults.outage().borrow());
        assert_eq!(faults.plan().outage, None);
    }

    #[test]
    fn plan_json_shape_is_stable() {
        let json = r#"{"latencyMs":5,"rules":[
            {"action":{"kind":"status","status":503,"retryAfter":"0.05"},"trigger":{"next":2}},
            {"action":{"kind":"commitThenDrop","mode":{"hang":{"ms":500}}},"trigger":{"fraction":0.5},
             "scope":{"method":"POST"}}]}"#;
        let plan: FaultPlan = serde_json::from_str(json).unwrap();
        assert_eq!(
            plan.rules[0].action,
            FaultAction::Status {
                status: 503,
                retry_after: Some("0.05".into())
            }
        );
        assert_eq!(
            plan.rules[1].action,
            FaultAction::CommitThenDrop {
                mode: DropMode::Hang { ms: 500 }
            }
        );
        let back: FaultPlan = serde_json::from_value(serde_json::to_value(&plan).unwrap()).unwrap();
        assert_eq!(back, plan);
        let foreign: FaultAction =
            serde_json::from_str(r#"{"kind":"foreignPage","status":404}"#).unwrap();
        assert_eq!(foreign, FaultAction::ForeignPage { status: 404 });
    }
}
