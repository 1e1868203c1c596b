//! Merchant onboarding against the Billpocket double on a loopback port, with a real database
//! file and the vault (the real Secret Service under the test command, memory otherwise):
//! registration through the outbox (once per key, a lost answer settled by asking for the token,
//! refusals on the right field), connecting by login or token, and the CLABE.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::Coded;
use std::sync::Arc;
use std::time::Duration;

use mostrador_providers::{Credential, HttpConfig};
use mostrador_sandbox::billpocket::seed::{
    MERCHANT_1_USER_ID, MERCHANT_2_EMAIL, MERCHANT_2_PASSWORD, MERCHANT_2_USER_ID,
};
use mostrador_sandbox::{DropMode, FaultAction, FaultPlan, FaultRule, Outage, Scope, Trigger};
use mostrador_service::billpocket_access::integrator_access;
use mostrador_service::merchants::form::MerchantForm;
use mostrador_service::merchants::{self, ConnectRequest, Context, MerchantError};
use mostrador_service::profiles::{SANDBOX_PROFILE_ID, ensure_sandbox_profile};
use mostrador_service::sandbox_host::EmbeddedSandbox;
use mostrador_store::{Environment, Merchant, OutboxState, Store};
use mostrador_vault::leak_check::vault_for_tests;
use mostrador_vault::{CredentialKind, Secret, Vault};

mod common;
use common::{NOW, fisica};

struct World {
    _dir: tempfile::TempDir,
    sandbox: EmbeddedSandbox,
    store: Arc<Store>,
    vault: Arc<Vault>,
    access: mostrador_service::billpocket_access::BillpocketAccess,
    /// Keyring entries are per profile: a unique one per test keeps runs apart.
    profile: String,
}

impl World {
    fn cx(&self) -> Context<'_> {
        Context {
            store: &self.store,
            vault: Some(Arc::clone(&self.vault)),
            access: &self.access,
            profile_id: &self.profile,
            environment: Environment::Sandbox,
        }
    }

    fn posts(&self) -> usize {
        self.sandbox
            .seen_requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/v2/usuarios")
            .count()
    }
}

impl Drop for World {
    fn drop(&mut self) {
        let _ = self.vault.delete_profile(&self.profile);
    }
}

async fn world(name: &str) -> World {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = EmbeddedSandbox::start(dir.path()).await.unwrap();
    let store = Store::open(dir.path()).unwrap();
    ensure_sandbox_profile(&store, NOW).unwrap();
    // A Sandbox-environment profile of this test's own (keyring entries are per profile).
    let profile = format!("onboarding-{name}-{}", std::process::id());
    store
        .write(|w| {
            w.upsert_profile(&mostrador_store::Profile {
                id: profile.clone(),
                name: profile.clone(),
                environment: Environment::Sandbox,
                billpocket_base_url: None,
                cryptopocket_base_url: None,
                undostres_base_url: None,
                created_at: NOW,
                updated_at: NOW,
            })
        })
        .unwrap();
    let config = HttpConfig {
        total_timeout: Duration::from_millis(800),
        read_retries: 0,
        ..HttpConfig::default()
    };
    let access = integrator_access(&store, Err("unused"), &sandbox, &profile, config).unwrap();
    World {
        _dir: dir,
        sandbox,
        store: Arc::new(store),
        vault: Arc::new(vault_for_tests().unwrap()),
        access,
        profile,
    }
}

/// Caches the double's merchant in the test's profile the way the Sandbox start-up does, and
/// returns it as cached.
fn cache_seeded(w: &World, id: i64) -> Merchant {
    w.sandbox.cache_merchants(&w.store, NOW).unwrap();
    let seeded = w
        .store
        .merchant(SANDBOX_PROFILE_ID, &id.to_string())
        .unwrap();
    w.store
        .write(|wr| wr.upsert_merchants(&w.profile, std::slice::from_ref(&seeded), NOW))
        .unwrap();
    w.store.merchant(&w.profile, &seeded.id).unwrap()
}

fn password() -> Credential {
    Credential::new("Pan-dulce-2026")
}

fn merchants_at_sandbox(w: &World) -> u32 {
    w.sandbox.status().merchants
}

#[tokio::test]
async fn a_fisica_registers_once_and_its_token_goes_to_the_vault() {
    let w = world("fisica").await;
    let before = merchants_at_sandbox(&w);
    let form = fisica("lupita@panaderia.mx");
    let cx = w.cx();
    let (a, b) = tokio::join!(
        merchants::register(&cx, "k-reg", form.clone(), password(), NOW),
        merchants::register(&cx, "k-reg", form.clone(), password(), NOW),
    );
    let outcomes = [a.unwrap(), b.unwrap()];
    assert!(
        outcomes.iter().any(|o| o.state == OutboxState::Done),
        "{outcomes:?}"
    );
    assert_eq!(
        merchants_at_sandbox(&w),
        before + 1,
        "one merchant at Billpocket"
    );
    assert_eq!(w.posts(), 1);

    let merchant = merchants::register(&w.cx(), "k-reg", form, password(), NOW)
        .await
        .unwrap()
        .merchant
        .expect("the registered merchant, from the cache");
    assert_eq!(merchant.name, "Guadalupe Ramírez Soto");
    assert_eq!(merchant.person_type.as_deref(), Some("F"));
    let registration = merchant.registration.unwrap();
    assert!(registration.contains("RASG850312MDFMTD08"));
    assert!(
        !registration.contains("Pan-dulce-2026"),
        "no password in the cache"
    );
    let token = w
        .vault
        .get(
            &w.profile,
            &CredentialKind::BillpocketUserToken {
                merchant_id: merchant.id.clone(),
            },
        )
        .unwrap();
    assert!(token.expose().starts_with("sandbox-bp-user-token-"));
}

#[tokio::test]
async fn bad_fields_are_refused_before_sending_and_a_duplicate_names_its_field() {
    let w = world("refusals").await;
    let mut form = fisica("otra@panaderia.mx");
    form.curp = "RASG850312MDFMTD0".into();
    form.postal_code = "44100".into();
    let err = merchants::register(&w.cx(), "k-bad", form, password(), NOW)
        .await
        .unwrap_err();
    let fields: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.field.as_str(), i.code.as_str()))
        .collect();
    assert!(fields.iter().any(|(f, _)| *f == "curp"), "{fields:?}");
    assert!(
        fields.contains(&("postalCode", "postal_code.state_mismatch")),
        "{fields:?}"
    );
    assert_eq!(w.posts(), 0, "nothing was sent");

    // The e-mail of a seeded merchant: Billpocket's 409 lands on the e-mail field.
    let err = merchants::register(&w.cx(), "k-dup", fisica(MERCHANT_2_EMAIL), password(), NOW)
        .await
        .unwrap_err();
    assert!(matches!(err, MerchantError::Invalid(_)), "{err:?}");
    assert_eq!(err.issues()[0].field, "email");
    assert_eq!(err.issues()[0].code, "merchant.duplicate");
    let entry = w.store.outbox_by_key("k-dup").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Failed);
}

#[tokio::test]
async fn a_lost_answer_is_settled_by_asking_for_the_token_not_by_registering_again() {
    let w = world("lost").await;
    let before = merchants_at_sandbox(&w);
    w.sandbox.set_faults(FaultPlan {
        rules: vec![FaultRule {
            action: FaultAction::CommitThenDrop {
                mode: DropMode::Reset,
            },
            trigger: Trigger::Next(1),
            scope: Scope {
                method: Some("POST".into()),
                path_prefix: Some("/v2/usuarios".into()),
            },
        }],
        ..FaultPlan::default()
    });
    let outcome = merchants::register(
        &w.cx(),
        "k-lost",
        fisica("perdida@panaderia.mx"),
        password(),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(outcome.state, OutboxState::Done, "{outcome:?}");
    assert_eq!(merchants_at_sandbox(&w), before + 1);
    assert_eq!(w.posts(), 1, "registered once");
    assert!(outcome.merchant.is_some());
}

#[tokio::test]
async fn an_outage_fails_the_registration_without_queueing_a_password() {
    let w = world("outage").await;
    w.sandbox.set_faults(FaultPlan {
        outage: Some(Outage { duration_ms: None }),
        ..FaultPlan::default()
    });
    w.sandbox.faults_settled().await;
    let err = merchants::register(
        &w.cx(),
        "k-off",
        fisica("tren@panaderia.mx"),
        password(),
        NOW,
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "billpocket.network_unreachable");
    let entry = w.store.outbox_by_key("k-off").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Failed);
    assert!(
        !entry.intent.contains("Pan-dulce-2026"),
        "no password in the outbox"
    );
}

#[tokio::test]
async fn an_existing_merchant_connects_by_login_or_token_and_sets_its_clabe() {
    let w = world("connect").await;
    let wrong = merchants::connect(
        &w.cx(),
        ConnectRequest::Login {
            email: MERCHANT_2_EMAIL.into(),
            password: Secret::new("no-es-esta"),
            name: String::new(),
        },
        NOW,
    )
    .await
    .unwrap_err();
    assert_eq!(wrong.issues()[0].field, "password");
    assert_eq!(wrong.issues()[0].code, "merchant.credentials");

    let merchant = merchants::connect(
        &w.cx(),
        ConnectRequest::Login {
            email: MERCHANT_2_EMAIL.into(),
            password: Secret::new(MERCHANT_2_PASSWORD),
            name: "Muebles del Bajío".into(),
        },
        NOW,
    )
    .await
    .unwrap()
    .merchant;
    assert_eq!(merchant.id, "61235");
    assert_eq!(merchant.name, "Muebles del Bajío");

    let by_token = merchants::connect(
        &w.cx(),
        ConnectRequest::Token {
            token: Secret::new(" sandbox-bp-user-token-61234 "),
            name: String::new(),
        },
        NOW,
    )
    .await
    .unwrap()
    .merchant;
    assert_eq!(by_token.id, "61234");
    let bad_token = merchants::connect(
        &w.cx(),
        ConnectRequest::Token {
            token: Secret::new("sandbox-bp-user-token-00000"),
            name: String::new(),
        },
        NOW,
    )
    .await
    .unwrap_err();
    assert_eq!(bad_token.issues()[0].field, "token");

    // The CLABE is set with the merchant's own token.
    let access = mostrador_service::billpocket_access::merchant_access(
        &w.store,
        Ok(&w.vault),
        &w.sandbox,
        &w.profile,
        "61235",
        HttpConfig::default(),
    )
    .unwrap();
    let cx = Context {
        access: &access,
        ..w.cx()
    };
    let bad = merchants::set_clabe(&cx, "61235", "002010077777777772", NOW)
        .await
        .unwrap_err();
    assert_eq!(
        (
            bad.issues()[0].field.as_str(),
            bad.issues()[0].code.as_str()
        ),
        ("clabe", "clabe.check_digit")
    );
    let merchant = merchants::set_clabe(&cx, "61235", "002010077777777771", NOW)
        .await
        .unwrap();
    assert_eq!(merchant.clabe.as_deref(), Some("002010077777777771"));
    assert_eq!(merchant.bank.as_deref(), Some("Banamex"));
}

#[tokio::test]
async fn connecting_a_cached_merchant_keeps_what_we_know_and_says_so() {
    let w = world("known").await;
    let known = cache_seeded(&w, MERCHANT_2_USER_ID);
    assert!(!known.rfc.is_empty() && !known.name.is_empty(), "{known:?}");
    assert_eq!(known.email, MERCHANT_2_EMAIL);

    let by_login = merchants::connect(
        &w.cx(),
        ConnectRequest::Login {
            email: MERCHANT_2_EMAIL.into(),
            password: Secret::new(MERCHANT_2_PASSWORD),
            name: String::new(),
        },
        NOW + 60,
    )
    .await
    .unwrap();
    assert!(by_login.already_connected);
    assert_eq!(
        by_login.merchant, known,
        "nothing overwritten, not even updated_at"
    );

    let by_token = merchants::connect(
        &w.cx(),
        ConnectRequest::Token {
            token: Secret::new(format!("sandbox-bp-user-token-{MERCHANT_2_USER_ID}")),
            name: " ".into(),
        },
        NOW + 120,
    )
    .await
    .unwrap();
    assert!(by_token.already_connected);
    assert_eq!(by_token.merchant, known);
    assert_eq!(w.store.merchant(&w.profile, &known.id).unwrap(), known);

    // A typed name is news: it is taken, and everything else is kept.
    let renamed = merchants::connect(
        &w.cx(),
        ConnectRequest::Token {
            token: Secret::new(format!("sandbox-bp-user-token-{MERCHANT_2_USER_ID}")),
            name: "Muebles del Bajío".into(),
        },
        NOW + 180,
    )
    .await
    .unwrap();
    assert!(!renamed.already_connected);
    assert_eq!(
        renamed.merchant,
        Merchant {
            name: "Muebles del Bajío".into(),
            updated_at: NOW + 180,
            synced_at: Some(NOW + 180),
            ..known
        }
    );
}

#[tokio::test]
async fn link_counts_are_unknown_until_the_links_were_synced_once() {
    let w = world("counts").await;
    let merchant = cache_seeded(&w, MERCHANT_1_USER_ID);
    let count = |w: &World| {
        merchants::overview(&w.store, &w.profile)
            .unwrap()
            .into_iter()
            .find(|s| s.merchant.id == merchant.id)
            .unwrap()
            .links
    };
    assert_eq!(count(&w), None, "never synced: not a false 0");

    let access = mostrador_service::billpocket_access::merchant_access(
        &w.store,
        Ok(&w.vault),
        &w.sandbox,
        &w.profile,
        &merchant.id,
        HttpConfig::default(),
    )
    .unwrap();
    let report = mostrador_service::links::writes::sync_merchant(
        &w.store,
        &access,
        &w.profile,
        &merchant.id,
        NOW,
    )
    .await
    .unwrap()
    .report;
    assert!(report.fetched > 0);
    assert_eq!(count(&w), Some(report.fetched));
}

#[tokio::test]
async fn the_sandbox_caches_its_merchants_with_what_the_double_knows() {
    let w = world("seeded").await;
    let elena = cache_seeded(&w, MERCHANT_1_USER_ID);
    assert_eq!(elena.clabe.as_deref(), Some("012180000118359713"));
    assert_eq!(elena.bank.as_deref(), Some("BBVA México"));
    let registration: MerchantForm =
        serde_json::from_str(elena.registration.as_deref().unwrap()).unwrap();
    assert_eq!(registration.display_name(), elena.name);
    assert!(!registration.state.is_empty() && !registration.municipality.is_empty());
    assert!(!registration.commercial_activity.is_empty());
}

#[tokio::test]
async fn connecting_after_a_lost_registration_caches_what_was_registered() {
    let w = world("lost-then-connect").await;
    let drop_once = |method: &str, path: &str, action: FaultAction| FaultRule {
        action,
        trigger: Trigger::Next(1),
        scope: Scope {
            method: Some(method.into()),
            path_prefix: Some(path.into()),
        },
    };
    // The registration is written but its answer lost, and the token lookup fails too.
    w.sandbox.set_faults(FaultPlan {
        rules: vec![
            drop_once(
                "POST",
                "/v2/usuarios",
                FaultAction::CommitThenDrop {
                    mode: DropMode::Reset,
                },
            ),
            drop_once(
                "POST",
                "/v2/token",
                FaultAction::Status {
                    status: 503,
                    retry_after: None,
                },
            ),
        ],
        ..FaultPlan::default()
    });
    let form = fisica("sin-respuesta@panaderia.mx");
    let outcome = merchants::register(&w.cx(), "k-unknown", form.clone(), password(), NOW)
        .await
        .unwrap();
    assert_eq!(outcome.state, OutboxState::Uncertain, "{outcome:?}");

    let connected = merchants::connect(
        &w.cx(),
        ConnectRequest::Login {
            email: form.email.clone(),
            password: Secret::new("Pan-dulce-2026"),
            name: String::new(),
        },
        NOW + 60,
    )
    .await
    .unwrap();
    assert!(!connected.already_connected);
    let merchant = connected.merchant;
    assert_eq!(merchant.name, "Guadalupe Ramírez Soto", "not the e-mail");
    assert_eq!(merchant.rfc, "RASG850312AB1");
    assert_eq!(merchant.person_type.as_deref(), Some("F"));
    assert!(
        merchant
            .registration
            .unwrap()
            .contains("RASG850312MDFMTD08")
    );
    let entry = w.store.outbox_by_key("k-unknown").unwrap().unwrap();
    assert_eq!(entry.state, OutboxState::Done);
}
