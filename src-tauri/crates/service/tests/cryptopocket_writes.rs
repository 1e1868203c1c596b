//! Every CryptoPocket customer write the engine drives, against the CryptoPocket double on a
//! loopback port with a real database file, under every answer a provider can give: answered
//! and applied, answered without the change (`ignoreChanges`), refused, 5xx, 429, connection
//! refused, a timeout after the request left and an answer dropped after the commit. Each case
//! checks the outbox state, the error code, the cache, the requests the double received and
//! what the double holds: never a second customer for one e-mail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::CryptoPocketClient;
use mostrador_providers::cryptopocket::types::DocumentType;
use mostrador_sandbox::cryptopocket::seed::NEAR_EXPIRY_COMPANY_EMAIL;
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, Outage};
use mostrador_service::customers::CustomerError;
use mostrador_service::customers::created::kyb_password;
use mostrador_service::customers::sync;
use mostrador_service::customers::writes::{
    self, CallParts, CompanyForm, CustomerIntent, PersonForm, WriteContext,
};
use mostrador_service::profiles::SANDBOX_PROFILE_ID as PROFILE;
use mostrador_store::{JournalEntry, JournalKind, OutboxState, Provider};
use mostrador_vault::{MemoryStore, Vault};

mod common;
use common::outcomes::{ANSWERS, Answer, fault_plan, once};
use common::{NOW, World, cryptopocket, world};

use OutboxState::{Done, Failed, NotApplied, Pending, Uncertain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Person,
    Company,
    Upload,
    EnhancedLink,
}

const OPS: [Op; 4] = [Op::Person, Op::Company, Op::Upload, Op::EnhancedLink];

/// What a case must end in.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    state: OutboxState,
    code: Option<String>,
    /// Whether the cache holds the new customer (creates only).
    cached: bool,
    /// Requests the double received on the write's route.
    writes: usize,
    /// What the double holds of the write: customers with the e-mail, documents of the
    /// customer, enhanced links issued.
    made: usize,
    /// Entries the write put on the customer's timeline (a link issued, a document uploaded).
    journal: usize,
}

const PERSON_EMAIL: &str = "camila.rojas@example.cl";
const COMPANY_EMAIL: &str = "kyb@panaderia-lupita.mx";
/// A seeded person of the Sandbox integration (documents and links concern it).
const CUSTOMER: &str = "186";
const PDF: &[u8] = b"%PDF-1.7 estado de cuenta";

impl Op {
    fn route(self) -> (&'static str, String) {
        match self {
            Op::Person => ("POST", "/registerUser".into()),
            Op::Company => ("POST", "/register/company".into()),
            Op::Upload => ("POST", format!("/customers/{CUSTOMER}/documents")),
            Op::EnhancedLink => ("POST", "/onboarding-form".into()),
        }
    }

    /// Creates queue and are looked for by e-mail; an upload (its bytes are not kept) and a
    /// link request never wait, and CryptoPocket has no read of either, so a lost answer stays
    /// unknown.
    fn expected(self, answer: Answer) -> Expected {
        let create = matches!(self, Op::Person | Op::Company);
        // Only a write settled `done` goes on the timeline, once; a create found by its e-mail
        // after its answer was lost has no link to record (the find answer carries none).
        let found = create && answer == Answer::DroppedAfterCommit;
        let e = |state, code: Option<&str>, made: usize, writes| Expected {
            state,
            code: code.map(str::to_owned),
            cached: create && state == Done,
            writes,
            made,
            journal: usize::from(state == Done && !found),
        };
        match answer {
            Answer::Applied => e(Done, None, 1, 1),
            // A create is read back by its e-mail: answered but not found, it was not made.
            Answer::NotApplied if create => e(NotApplied, Some("cryptopocket.not_applied"), 0, 1),
            // CryptoPocket has no read of documents nor of the link: the answer is taken.
            Answer::NotApplied => e(Done, None, 0, 1),
            Answer::Refused => e(Failed, Some("cryptopocket.invalid"), 0, 1),
            Answer::ServerError if create => e(Pending, Some("outbox.not_applied"), 0, 1),
            Answer::ServerError => e(Uncertain, Some("cryptopocket.provider_error"), 0, 1),
            Answer::RateLimited if create => e(Pending, Some("cryptopocket.rate_limited"), 0, 1),
            Answer::RateLimited => e(Failed, Some("cryptopocket.rate_limited"), 0, 1),
            Answer::ConnectionRefused if create => {
                e(Pending, Some("cryptopocket.network_unreachable"), 0, 0)
            }
            Answer::ConnectionRefused => e(Failed, Some("cryptopocket.network_unreachable"), 0, 0),
            // Still slow when looked for: unknown, never sent twice (the double, delaying it,
            // drops it when the client hangs up).
            Answer::TimeoutAfterSend => e(Uncertain, Some("cryptopocket.unknown_outcome"), 0, 1),
            Answer::DroppedAfterCommit if create => {
                e(Done, Some("cryptopocket.unknown_outcome"), 1, 1)
            }
            Answer::DroppedAfterCommit => e(Uncertain, Some("cryptopocket.unknown_outcome"), 1, 1),
        }
    }
}

struct Case {
    w: World,
    client: CryptoPocketClient,
    vault: Arc<Vault>,
    secrets: Arc<MemoryStore>,
}

impl Case {
    /// A fresh double and database with its customers cached (a document or a link concerns
    /// one of them), and a client that already holds its token (so a fault meets the write,
    /// not the authentication).
    async fn new() -> Self {
        let w = world().await;
        let client = cryptopocket(&w);
        sync::sync_customers(&w.store, &client, PROFILE, NOW)
            .await
            .unwrap();
        let secrets = Arc::new(MemoryStore::default());
        Self {
            w,
            client,
            vault: Arc::new(Vault::new(Arc::clone(&secrets) as _)),
            secrets,
        }
    }

    fn cx(&self) -> WriteContext<'_> {
        WriteContext {
            store: &self.w.store,
            client: &self.client,
            vault: Some(Arc::clone(&self.vault)),
            profile_id: PROFILE,
        }
    }

    async fn faults(&self, plan: FaultPlan) {
        let faults = self.w.sandbox.cryptopocket().faults();
        faults.set_plan(plan);
        faults.settled().await;
    }

    /// Runs the write under key `k`; returns the error code of the call, if it failed.
    async fn run(&self, op: Op) -> Option<String> {
        let cx = self.cx();
        let result = match op {
            Op::Person => writes::create_person(&cx, "k", person(), None, NOW).await,
            Op::Company => writes::create_company(&cx, "k", company(), NOW).await,
            Op::Upload => {
                let intent = CustomerIntent::UploadDocument {
                    customer_id: CUSTOMER.into(),
                    document_type: DocumentType::BankStatement,
                    mime: "application/pdf".into(),
                    size: PDF.len() as u64,
                };
                let parts = CallParts {
                    document: Some(PDF.to_vec()),
                    ..CallParts::default()
                };
                writes::submit(&cx, "k", intent, parts, NOW).await
            }
            Op::EnhancedLink => {
                let intent = CustomerIntent::EnhancedLink {
                    customer_id: CUSTOMER.into(),
                };
                writes::submit(&cx, "k", intent, CallParts::default(), NOW).await
            }
        };
        result.err().map(|e| e.code().as_str().to_owned())
    }

    fn cached(&self, op: Op) -> bool {
        let email = match op {
            Op::Person => PERSON_EMAIL,
            Op::Company => COMPANY_EMAIL,
            Op::Upload | Op::EnhancedLink => return false,
        };
        let store = self
            .w
            .store
            .write(|w| w.customers_of(PROFILE, Provider::Cryptopocket));
        store.unwrap().iter().any(|c| c.email == email)
    }

    /// The customer's journal, as its timeline shows it.
    fn journal(&self, op: Op) -> Vec<JournalEntry> {
        let id = match op {
            Op::Person | Op::Company => {
                let email = if op == Op::Person {
                    PERSON_EMAIL
                } else {
                    COMPANY_EMAIL
                };
                let customers =
                    (self.w.store).write(|w| w.customers_of(PROFILE, Provider::Cryptopocket));
                match customers.unwrap().into_iter().find(|c| c.email == email) {
                    Some(customer) => customer.id,
                    None => return Vec::new(),
                }
            }
            Op::Upload | Op::EnhancedLink => CUSTOMER.into(),
        };
        self.w
            .store
            .customer_journal(PROFILE, Provider::Cryptopocket, &id)
            .unwrap()
    }

    fn writes(&self, op: Op) -> usize {
        let (method, path) = op.route();
        self.w
            .sandbox
            .cryptopocket()
            .faults()
            .seen()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }

    fn made(&self, op: Op) -> usize {
        self.w.sandbox.cryptopocket().inspect(|state| {
            let customer = || {
                state
                    .customers
                    .iter()
                    .find(|c| c.id.to_string() == CUSTOMER)
            };
            match op {
                Op::Person => state
                    .customers
                    .iter()
                    .filter(|c| c.email == PERSON_EMAIL)
                    .count(),
                Op::Company => state
                    .customers
                    .iter()
                    .filter(|c| c.email == COMPANY_EMAIL)
                    .count(),
                Op::Upload => customer().unwrap().documents.len(),
                Op::EnhancedLink => usize::from(customer().unwrap().onboarding_link.is_some()),
            }
        })
    }
}

fn person() -> PersonForm {
    PersonForm {
        first_name: "Camila".into(),
        last_name: "Rojas".into(),
        email: PERSON_EMAIL.into(),
        country: "CHL".into(),
        id_type: "RUT".into(),
        id_number: "12.345.678-5".into(),
        ..PersonForm::default()
    }
}

fn company() -> CompanyForm {
    CompanyForm {
        email: COMPANY_EMAIL.into(),
        company_name: "Panadería Lupita S.A. de C.V.".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_customer_write_under_every_answer_ends_where_it_should() {
    let mut failures = Vec::new();
    for op in OPS {
        for answer in ANSWERS {
            let case = Case::new().await;
            let made_before = case.made(op);
            let (method, path) = op.route();
            if let Some(plan) = fault_plan(method, &path, answer) {
                case.faults(plan).await;
            }
            let call_code = case.run(op).await;
            case.faults(FaultPlan::default()).await;
            let entry = case
                .w
                .store
                .outbox_by_key("k")
                .unwrap()
                .unwrap_or_else(|| panic!("{op:?} / {answer:?}: every write is recorded"));
            let got = Expected {
                state: entry.state,
                code: entry.last_error_code.map(|c| c.as_str().to_owned()),
                cached: case.cached(op),
                writes: case.writes(op),
                made: case.made(op).saturating_sub(made_before),
                journal: case.journal(op).len(),
            };
            let expected = op.expected(answer);
            if got != expected {
                failures.push(format!(
                    "{op:?} / {answer:?}: got {got:?}, expected {expected:?}"
                ));
            }
            if matches!(expected.state, Failed) {
                assert_eq!(
                    call_code.as_deref(),
                    expected.code.as_deref(),
                    "{op:?} / {answer:?}: the caller's error"
                );
            }
            assert!(
                !entry.intent.contains("password"),
                "{op:?}: {}",
                entry.intent
            );
            for recorded in case.journal(op) {
                let (kind, text) = (recorded.kind, recorded.text.as_str());
                let right = match op {
                    Op::Person => kind == JournalKind::KycLinkIssued && text.starts_with("http"),
                    Op::Company => kind == JournalKind::KybLinkIssued && text.starts_with("http"),
                    Op::EnhancedLink => {
                        kind == JournalKind::EnhancedLinkIssued && text.starts_with("http")
                    }
                    Op::Upload => kind == JournalKind::DocumentUploaded && text == "bank_statement",
                };
                assert!(right, "{op:?} / {answer:?}: journaled {kind:?} {text:?}");
                assert_eq!(recorded.at, NOW, "{op:?} / {answer:?}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn a_form_problem_is_refused_on_its_field_before_anything_is_sent() {
    let case = Case::new().await;
    let bad = PersonForm {
        id_number: "12.345.678-0".into(),
        ..person()
    };
    let error = writes::create_person(&case.cx(), "k", bad, None, NOW)
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("idNumber"));
    assert_eq!(error.code(), ErrorCode::IdCheckDigit);
    let wrong_type = PersonForm {
        id_type: "DNI".into(),
        ..person()
    };
    let error = writes::create_person(&case.cx(), "k", wrong_type, None, NOW)
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("idType"));
    assert_eq!(case.writes(Op::Person), 0);
    assert!(case.w.store.outbox_by_key("k").unwrap().is_none());
}

#[tokio::test]
async fn an_email_already_registered_is_refused_on_the_email_field() {
    let case = Case::new().await;
    let taken = CompanyForm {
        email: NEAR_EXPIRY_COMPANY_EMAIL.into(),
        ..company()
    };
    let error = writes::create_company(&case.cx(), "k", taken, NOW)
        .await
        .unwrap_err();
    let CustomerError::Invalid(issues) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(issues[0].field, "email");
    assert_eq!(issues[0].code, ErrorCode::CryptopocketUserAlreadyExists);
    let entry = case.w.store.outbox_by_key("k").unwrap().unwrap();
    assert_eq!(entry.state, Failed);
}

#[tokio::test]
async fn a_company_keeps_its_kyb_password_in_the_vault_only_and_one_key_creates_once() {
    let case = Case::new().await;
    let first = writes::create_company(&case.cx(), "k", company(), NOW)
        .await
        .unwrap();
    let again = writes::create_company(&case.cx(), "k", company(), NOW + 1)
        .await
        .unwrap();
    assert_eq!(first.write.seq, again.write.seq);
    assert_eq!(
        case.writes(Op::Company),
        1,
        "the same key never sends twice"
    );
    let customer = first.customer.expect("cached when done");
    assert!(customer.kyc_url.as_deref().unwrap().contains("/kyb/"));
    let at_double = case.w.sandbox.cryptopocket().inspect(|state| {
        let record = state.customers.iter().find(|c| c.email == COMPANY_EMAIL);
        record.unwrap().company.as_ref().unwrap().password.clone()
    });
    let kept = case
        .vault
        .get(PROFILE, &kyb_password(&customer.id))
        .unwrap();
    assert_eq!(kept.expose(), at_double.expose());
    let entry = case.w.store.outbox_by_key("k").unwrap().unwrap();
    assert!(!entry.intent.contains(at_double.expose()));
    assert!(
        writes::open_writes(&case.w.store, PROFILE)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_company_answered_but_not_made_is_not_applied_and_keeps_no_password() {
    let case = Case::new().await;
    let (method, path) = Op::Company.route();
    case.faults(fault_plan(method, &path, Answer::NotApplied).unwrap())
        .await;
    let outcome = writes::create_company(&case.cx(), "k", company(), NOW)
        .await
        .unwrap();
    assert_eq!(outcome.write.state, NotApplied);
    assert_eq!(outcome.write.differences, [writes::NOT_KEPT]);
    assert!(outcome.customer.is_none());
    assert!(!case.cached(Op::Company));
    assert_eq!(case.made(Op::Company), 0);
    assert!(
        case.secrets.accounts().is_empty(),
        "{:?}",
        case.secrets.accounts()
    );
}

#[tokio::test]
async fn a_queued_create_is_sent_by_the_next_flush_and_a_person_with_a_password_never_waits() {
    let case = Case::new().await;
    case.faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    })
    .await;
    let queued = writes::create_person(&case.cx(), "k", person(), None, NOW)
        .await
        .unwrap();
    assert_eq!(queued.write.state, Pending);
    let with_password = PersonForm {
        email: "con.clave@example.cl".into(),
        ..person()
    };
    let password = Some(Credential::new("Clave-cliente-2026"));
    let error = writes::create_person(&case.cx(), "p", with_password, password, NOW)
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::CryptopocketNetworkUnreachable);
    let refused = case.w.store.outbox_by_key("p").unwrap().unwrap();
    assert_eq!(refused.state, Failed);
    assert!(!refused.intent.contains("Clave-cliente-2026"));
    let open = writes::open_writes(&case.w.store, PROFILE).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].subject, PERSON_EMAIL);

    case.faults(FaultPlan::default()).await;
    let flushed = writes::flush(&case.cx(), NOW + 60).await.unwrap();
    let entry = case.w.store.outbox_by_key("k").unwrap().unwrap();
    let settled: Vec<_> = flushed.iter().map(|w| (w.seq, w.state)).collect();
    assert_eq!(settled, vec![(entry.seq, Done)]);
    assert_eq!(entry.state, Done);
    assert_eq!(case.made(Op::Person), 1);
    assert!(case.cached(Op::Person));
    assert!(
        writes::open_writes(&case.w.store, PROFILE)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn an_uncertain_create_is_settled_by_its_email_and_can_be_discarded_otherwise() {
    let case = Case::new().await;
    // Made, its answer lost, and the first look-up fails too.
    let dropped = FaultAction::CommitThenDrop {
        mode: DropMode::Reset,
    };
    let unavailable = FaultAction::Status {
        status: 503,
        retry_after: None,
    };
    case.faults(FaultPlan {
        rules: vec![
            once("POST", "/registerUser", dropped),
            once("GET", "/customers/find", unavailable),
        ],
        ..FaultPlan::default()
    })
    .await;
    let lost = writes::create_person(&case.cx(), "k", person(), None, NOW)
        .await
        .unwrap();
    assert_eq!(lost.write.state, Uncertain);
    case.faults(FaultPlan::default()).await;
    let settled = writes::retry(&case.cx(), lost.write.seq, NOW + 5)
        .await
        .unwrap();
    assert_eq!(settled.write.state, Done, "found by its e-mail");
    assert_eq!(settled.customer.unwrap().email, PERSON_EMAIL);
    assert_eq!(case.writes(Op::Person), 1, "never sent again");

    case.faults(FaultPlan {
        latency_ms: 1_500,
        ..FaultPlan::default()
    })
    .await;
    let intent = CustomerIntent::EnhancedLink {
        customer_id: CUSTOMER.into(),
    };
    let link = writes::submit(&case.cx(), "l", intent, CallParts::default(), NOW)
        .await
        .unwrap();
    assert_eq!(link.write.state, Uncertain);
    case.faults(FaultPlan::default()).await;
    let still = writes::retry(&case.cx(), link.write.seq, NOW + 5)
        .await
        .unwrap();
    assert_eq!(
        still.write.state, Uncertain,
        "no read of the link to look for"
    );
    writes::discard(&case.w.store, link.write.seq, NOW + 6)
        .await
        .unwrap();
    let entry = case.w.store.outbox_by_key("l").unwrap().unwrap();
    assert_eq!(entry.state, Failed);
    assert_eq!(entry.last_error_code, Some(ErrorCode::OutboxDiscarded));
}

/// The tokens the App's embedded double issued, read from its state file.
fn issued_tokens(data: &std::path::Path) -> usize {
    let file = data.join("sandbox").join("cryptopocket-sandbox.json");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    state["tokens"].as_array().unwrap().len()
}

/// The app as the shell opens it (the embedded doubles, a data directory) with `vault`.
async fn open_app(
    vault: Result<Vault, mostrador_vault::VaultError>,
) -> (tempfile::TempDir, mostrador_service::app::App) {
    let (dir, app, _events) = common::open_app(vault).await;
    (dir, app)
}

#[tokio::test]
async fn without_a_keyring_no_company_is_created_since_its_password_could_not_be_kept() {
    let no_keyring = mostrador_vault::VaultError::Unavailable {
        detail: "no Secret Service in this test".into(),
        hint: "",
    };
    let (dir, app) = open_app(Err(no_keyring)).await;
    let error = app
        .create_cryptopocket_company("c", company())
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::VaultUnavailable);
    let state = std::fs::read(dir.path().join("data/sandbox/cryptopocket-sandbox.json"));
    let state = String::from_utf8(state.unwrap_or_default()).unwrap();
    assert!(!state.contains(COMPANY_EMAIL), "nothing was sent");
}

#[tokio::test]
async fn the_app_creates_through_the_engine_reveals_on_demand_and_keeps_one_client() {
    use mostrador_service::customers::writes::CustomerWriteAnswer;

    let vault = Ok(Vault::new(Arc::new(MemoryStore::default())));
    let (dir, app) = open_app(vault).await;

    let refused = app
        .create_cryptopocket_person(
            "p",
            PersonForm {
                id_number: "12.345.678-0".into(),
                ..person()
            },
            None,
        )
        .await
        .unwrap();
    let CustomerWriteAnswer::Refused { issues } = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(issues[0].field, "idNumber");

    let created = app
        .create_cryptopocket_company("c", company())
        .await
        .unwrap();
    let CustomerWriteAnswer::Submitted { outcome } = created else {
        panic!("{created:?}")
    };
    assert_eq!(outcome.write.state, Done);
    let id = outcome.customer.unwrap().id;
    let password = app.reveal_kyb_password(id.clone()).await.unwrap();
    assert_eq!(password.chars().count(), 12);
    app.sync_customers().await.unwrap();
    app.check_customer_status(id).await.unwrap();
    let asked = app.request_enhanced_link("186".into()).await.unwrap();
    assert!(asked.link.unwrap().starts_with("https://"));
    assert!(app.customer_writes_open().await.unwrap().is_empty());
    assert_eq!(
        issued_tokens(&dir.path().join("data")),
        1,
        "one authentication for every command"
    );

    app.switch_profile(PROFILE.into()).await.unwrap();
    app.sync_customers().await.unwrap();
    assert_eq!(
        issued_tokens(&dir.path().join("data")),
        2,
        "a profile switch drops the client and its token"
    );
    let error = app.reveal_kyb_password("186".into()).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::VaultNotSet);
}
