//! Every write the engine drives, against the Billpocket double on a loopback port with a real
//! database file, under every outcome a provider can give: answered and applied, answered
//! without the change, refused, 5xx, 429 with Retry-After, connection refused, a timeout after
//! the request left, and an answer dropped after the commit. Each case checks the outbox state,
//! the error code, the cache, and that the double received the write at most once.
//!
//! Connecting a merchant writes nothing at Billpocket (it reads and validates a token), so it is
//! not a row here; `merchants.rs` covers it, including settling a lost registration.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::Coded;
use std::time::Duration;

use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::FaultPlan;
use mostrador_service::billpocket_access::{BillpocketAccess, integrator_access};
use mostrador_service::links::form::{self, LinkForm};
use mostrador_service::links::writes::{self, LinkIntent};
use mostrador_service::merchants::{self, Context};
use mostrador_service::profiles::SANDBOX_PROFILE_ID;
use mostrador_store::{Environment, Link, LinkQuery, LinkStatus, OutboxState, Store};

mod common;
use common::outcomes::{ANSWERS, Answer, fault_plan};
use common::{MERCHANT, NOW, World, fisica, world};

use OutboxState::{Done, Failed, NotApplied, Pending, Uncertain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Create,
    Update,
    Deactivate,
    Delete,
    ConfigureMainLink,
    Register,
    Clabe,
}

const OPS: [Op; 7] = [
    Op::Create,
    Op::Update,
    Op::Deactivate,
    Op::Delete,
    Op::ConfigureMainLink,
    Op::Register,
    Op::Clabe,
];

/// What a case must end in.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    state: OutboxState,
    code: Option<String>,
    /// Whether the cache shows the change asked for.
    cached: bool,
    /// Writes the double received for this intent.
    writes: usize,
}

const NEW_SLUG: &str = "motorengine";
const NEW_MAIN_LINK: &str = "panaderia-lupita";
const CLABE: &str = "002010077777777771";
const EMAIL: &str = "motor@panaderia.mx";

impl Op {
    /// The idempotency key of the case's write (a CLABE's is derived from what it sets).
    fn key(self) -> String {
        match self {
            Op::Clabe => format!("clabe/{SANDBOX_PROFILE_ID}/{MERCHANT}/{CLABE}/{NOW}"),
            _ => "k".into(),
        }
    }

    /// The method and path prefix of the write at the double.
    fn route(self) -> (&'static str, &'static str) {
        match self {
            Op::Create => ("POST", "/v1/custom-link"),
            Op::Update | Op::Deactivate => ("PUT", "/v1/custom-link/"),
            Op::Delete => ("DELETE", "/v1/custom-link/"),
            Op::ConfigureMainLink => ("POST", "/v1/custom-link/config"),
            Op::Register => ("POST", "/v2/usuarios"),
            Op::Clabe => ("POST", "/v1/clabe"),
        }
    }

    /// A registration cannot wait in the outbox (its password is not kept), nor a CLABE (nothing
    /// would send it later); the CLABE cannot be looked for (Billpocket has no read of it).
    fn expected(self, answer: Answer) -> Expected {
        let queues = !matches!(self, Op::Register | Op::Clabe);
        let findable = self != Op::Clabe;
        let e = |state, code: Option<&str>, cached, writes| Expected {
            state,
            code: code.map(str::to_owned),
            cached,
            writes,
        };
        match answer {
            Answer::Applied => e(Done, None, true, 1),
            // Something new is answered as if made (the answer carries all that was asked);
            // a change to something that exists is answered without it.
            Answer::NotApplied => match self {
                Op::Create | Op::Delete | Op::Register => e(Done, None, true, 1),
                _ => e(NotApplied, Some("billpocket.not_applied"), false, 1),
            },
            Answer::Refused => e(Failed, Some("billpocket.invalid"), false, 1),
            // Nothing was made; looked for (absent) before anything is sent again.
            Answer::ServerError if !findable => {
                e(Uncertain, Some("billpocket.provider_error"), false, 1)
            }
            Answer::ServerError if queues => e(Pending, Some("outbox.not_applied"), false, 1),
            Answer::ServerError => e(Failed, Some("outbox.not_applied"), false, 1),
            Answer::RateLimited if queues => e(Pending, Some("billpocket.rate_limited"), false, 1),
            Answer::RateLimited => e(Failed, Some("billpocket.rate_limited"), false, 1),
            Answer::ConnectionRefused if queues => {
                e(Pending, Some("billpocket.network_unreachable"), false, 0)
            }
            Answer::ConnectionRefused => {
                e(Failed, Some("billpocket.network_unreachable"), false, 0)
            }
            // Still slow when looked for: it stays unknown, never sent twice.
            Answer::TimeoutAfterSend => e(Uncertain, Some("billpocket.unknown_outcome"), false, 1),
            Answer::DroppedAfterCommit if !findable => {
                e(Uncertain, Some("billpocket.unknown_outcome"), false, 1)
            }
            Answer::DroppedAfterCommit => e(Done, Some("billpocket.unknown_outcome"), true, 1),
        }
    }
}

struct Case {
    w: World,
    integrator: BillpocketAccess,
    /// The seeded link an update, deactivation or deletion concerns.
    link_id: String,
}

impl Case {
    async fn new() -> Self {
        let w = world().await;
        writes::sync_merchant(&w.store, &w.access, SANDBOX_PROFILE_ID, MERCHANT, NOW)
            .await
            .unwrap();
        let link_id = links_of_merchant(&w.store)
            .into_iter()
            .find(|l| l.status == LinkStatus::Active && l.expired_at.is_none())
            .expect("an active seeded link")
            .id;
        let config = HttpConfig {
            total_timeout: Duration::from_millis(800),
            read_retries: 0,
            ..HttpConfig::default()
        };
        let integrator = integrator_access(
            &w.store,
            Err("unused"),
            &w.sandbox,
            SANDBOX_PROFILE_ID,
            config,
        )
        .unwrap();
        Self {
            w,
            integrator,
            link_id,
        }
    }

    fn cx<'a>(&'a self, access: &'a BillpocketAccess) -> Context<'a> {
        Context {
            store: &self.w.store,
            vault: None,
            access,
            profile_id: SANDBOX_PROFILE_ID,
            environment: Environment::Sandbox,
        }
    }

    fn link_form(&self, slug: &str, amount: &str) -> LinkIntent {
        let form = LinkForm {
            slug: slug.into(),
            amount: amount.into(),
            description: "Motor de escrituras".into(),
            expires_at: String::new(),
            link_type: form::DEFAULT_LINK_TYPE,
            installments: vec![],
            fixed_term: false,
        };
        let link_id = (slug != NEW_SLUG).then_some(self.link_id.as_str());
        let link =
            form::check(&self.w.store, SANDBOX_PROFILE_ID, MERCHANT, link_id, &form).unwrap();
        match link_id {
            None => LinkIntent::Create {
                merchant_id: MERCHANT.into(),
                link,
            },
            Some(id) => LinkIntent::Update {
                merchant_id: MERCHANT.into(),
                link_id: id.into(),
                link,
            },
        }
    }

    /// Runs the write under key `k`; returns the error code of the call, if it failed.
    async fn run(&self, op: Op) -> Option<String> {
        let (store, access) = (&self.w.store, &self.w.access);
        let link = |intent| writes::submit(store, access, SANDBOX_PROFILE_ID, "k", intent, NOW);
        let merchant = MERCHANT.to_owned();
        let result = match op {
            Op::Create => link(self.link_form(NEW_SLUG, "321.00")).await.map(drop),
            Op::Update => {
                let current = store.link(SANDBOX_PROFILE_ID, &self.link_id).unwrap();
                let intent = self.link_form(&current.secondary_link, "4,321.50");
                link(intent).await.map(drop)
            }
            Op::Deactivate => link(LinkIntent::SetActive {
                merchant_id: merchant,
                link_id: self.link_id.clone(),
                active: false,
            })
            .await
            .map(drop),
            Op::Delete => link(LinkIntent::Delete {
                merchant_id: merchant,
                link_id: self.link_id.clone(),
            })
            .await
            .map(drop),
            Op::ConfigureMainLink => link(LinkIntent::ConfigureMainLink {
                merchant_id: merchant,
                main_link: NEW_MAIN_LINK.into(),
            })
            .await
            .map(drop),
            Op::Register => {
                let cx = self.cx(&self.integrator);
                let password = Credential::new("Pan-dulce-2026");
                return merchants::register(&cx, "k", fisica(EMAIL), password, NOW)
                    .await
                    .err()
                    .map(|e| e.code().as_str().to_owned());
            }
            Op::Clabe => {
                let cx = self.cx(access);
                return merchants::set_clabe(&cx, MERCHANT, CLABE, NOW)
                    .await
                    .err()
                    .map(|e| e.code().as_str().to_owned());
            }
        };
        result.err().map(|e| e.code().as_str().to_owned())
    }

    /// Whether the cache shows the change `op` asked for.
    fn cached(&self, op: Op) -> bool {
        let store = &self.w.store;
        let link = store.link(SANDBOX_PROFILE_ID, &self.link_id);
        match op {
            Op::Create => links_of_merchant(store)
                .iter()
                .any(|l| l.secondary_link == NEW_SLUG),
            Op::Update => link.unwrap().amount_centavos == 432_150,
            Op::Deactivate => link.unwrap().status == LinkStatus::Inactive,
            Op::Delete => link.is_err(),
            Op::ConfigureMainLink => {
                store
                    .merchant(SANDBOX_PROFILE_ID, MERCHANT)
                    .unwrap()
                    .main_link
                    .as_deref()
                    == Some(NEW_MAIN_LINK)
            }
            Op::Register => store
                .merchants(SANDBOX_PROFILE_ID)
                .unwrap()
                .iter()
                .any(|m| m.email == EMAIL),
            Op::Clabe => {
                store
                    .merchant(SANDBOX_PROFILE_ID, MERCHANT)
                    .unwrap()
                    .clabe
                    .as_deref()
                    == Some(CLABE)
            }
        }
    }

    fn writes(&self, op: Op) -> usize {
        let (method, path) = op.route();
        self.w
            .sandbox
            .seen_requests()
            .iter()
            .filter(|r| r.method == method && r.path.starts_with(path))
            .filter(|r| op != Op::Create || r.path == path)
            .count()
    }
}

fn links_of_merchant(store: &Store) -> Vec<Link> {
    let query = LinkQuery {
        profile_id: SANDBOX_PROFILE_ID.into(),
        merchant_id: Some(MERCHANT.into()),
        ..LinkQuery::default()
    };
    store.search_links(&query, NOW).unwrap().items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_under_every_answer_ends_where_it_should() {
    let mut failures = Vec::new();
    for op in OPS {
        for answer in ANSWERS {
            let case = Case::new().await;
            let (method, path) = op.route();
            if let Some(plan) = fault_plan(method, path, answer) {
                case.w.sandbox.set_faults(plan);
                case.w.sandbox.faults_settled().await;
            }
            let call_code = case.run(op).await;
            case.w.sandbox.set_faults(FaultPlan::default());
            let entry = case
                .w
                .store
                .outbox_by_key(&op.key())
                .unwrap()
                .unwrap_or_else(|| panic!("{op:?} / {answer:?}: every write is recorded"));
            let got = Expected {
                state: entry.state,
                code: entry.last_error_code.map(|c| c.as_str().to_owned()),
                cached: case.cached(op),
                writes: case.writes(op),
            };
            let expected = op.expected(answer);
            if got != expected {
                failures.push(format!(
                    "{op:?} / {answer:?}: got {got:?}, expected {expected:?}"
                ));
            }
            // A refusal and a write that cannot wait answer the caller with the code.
            if matches!(expected.state, Failed) {
                assert_eq!(
                    call_code.as_deref(),
                    expected
                        .code
                        .as_deref()
                        .filter(|c| !c.starts_with("outbox.")),
                    "{op:?} / {answer:?}: the caller's error"
                );
            }
            if expected.state == NotApplied {
                assert!(
                    !entry.differences.is_empty(),
                    "{op:?}: the differing fields"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
