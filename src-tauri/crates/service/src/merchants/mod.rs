//! Merchants: registering a new one with Billpocket (through the outbox), connecting an existing
//! one (e-mail and password, or a pasted user token, validated before it is stored), and its
//! CLABE. A merchant's user token goes to the vault; its registration data (never the password)
//! to the cache, so the Merchants list works offline.

pub mod form;

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode, Provider};
use mostrador_core::{FieldContext, FieldKind};
use mostrador_providers::billpocket::BillpocketCredentials;
use mostrador_providers::billpocket::fields::form_field;
use mostrador_providers::billpocket::rules::{CatalogueRef, Catalogues};
use mostrador_providers::billpocket::types::{TokenRequest, UserToken};
use mostrador_providers::{Credential, ProviderError};
use mostrador_store::{
    Environment, Merchant, NewOutboxEntry, OutboxEntry, OutboxState, Outcome, Store, StoreError,
    UnixSeconds,
};
use mostrador_vault::{CredentialKind, Secret, Vault, VaultError};
use serde::{Deserialize, Serialize};
use specta::Type;
use tokio::task::JoinError;

use self::form::{FieldIssue, MerchantForm, PersonKind};
use crate::billpocket_access::BillpocketAccess;
use crate::blocking::blocking;
use crate::catalogues::CatalogueName;
use crate::validation;

const PROVIDER: &str = "billpocket";
const REGISTER_KIND: &str = "billpocket.create_user";

/// What the outbox keeps of a registration: the form without the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
enum MerchantIntent {
    Register { registration: MerchantForm },
}

/// Where a registration stands; `merchant` once Billpocket confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RegisterOutcome {
    pub state: OutboxState,
    pub last_error_code: Option<ErrorCode>,
    pub merchant: Option<Merchant>,
}

#[derive(Debug, thiserror::Error)]
pub enum MerchantError {
    /// The form (or Billpocket) refused these fields.
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<FieldIssue>),
    /// Billpocket refused for a reason that is not one field's (credentials, its own error).
    #[error("refused by Billpocket: {0}")]
    Provider(#[from] ProviderError),
    #[error("no OS keyring to keep the merchant's token: {0}")]
    NoKeyring(String),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("background task failed: {0}")]
    Task(#[from] JoinError),
    #[error("unreadable outbox intent: {0}")]
    Intent(String),
}

impl Coded for MerchantError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid(issues) => issues
                .first()
                .map_or(ErrorCode::MerchantInvalid, |i| i.code),
            Self::Provider(error) => error.code(Provider::Billpocket),
            Self::NoKeyring(_) => ErrorCode::VaultUnavailable,
            Self::Vault(error) => error.code(),
            Self::Store(error) => error.code(),
            Self::Task(_) => ErrorCode::AppTask,
            Self::Intent(_) => ErrorCode::OutboxIntent,
        }
    }

    fn field(&self) -> Option<&str> {
        self.issues().first().map(|issue| issue.field.as_str())
    }
}

impl MerchantError {
    /// Every refused field with its code, for the form.
    pub fn issues(&self) -> &[FieldIssue] {
        match self {
            Self::Invalid(issues) => issues,
            _ => &[],
        }
    }
}

/// The profile a merchant call is made for, and whether the OS keyring is at hand.
pub struct Context<'a> {
    pub store: &'a Arc<Store>,
    pub vault: Option<Arc<Vault>>,
    pub access: &'a BillpocketAccess,
    pub profile_id: &'a str,
    pub environment: Environment,
}

impl Context<'_> {
    /// A real profile must be able to keep the token it is about to receive; the Sandbox can
    /// always ask its double again.
    fn require_keyring(&self) -> Result<(), MerchantError> {
        if self.vault.is_none() && self.environment != Environment::Sandbox {
            return Err(MerchantError::NoKeyring(
                "required for real profiles".into(),
            ));
        }
        Ok(())
    }
}

/// Registers a merchant. Checked first (core's rules, the cached catalogues); recorded in the
/// outbox under `key` without the password; then sent. The same key again answers with the
/// entry as it stands. A lost answer is settled by asking Billpocket for the merchant's token
/// with the same e-mail and password, never by registering again.
pub async fn register(
    cx: &Context<'_>,
    key: &str,
    registration: MerchantForm,
    password: Credential,
    now: UnixSeconds,
) -> Result<RegisterOutcome, MerchantError> {
    cx.require_keyring()?;
    let profile = cx.profile_id.to_owned();
    let form = registration.clone();
    let request = blocking::<_, MerchantError, MerchantError>(cx.store, move |store| {
        let catalogues = CachedCatalogues {
            store,
            profile_id: &profile,
        };
        form::check(&form, &password, &catalogues).map_err(MerchantError::Invalid)
    })
    .await?;

    let intent = serde_json::to_string(&MerchantIntent::Register {
        registration: registration.clone(),
    })
    .map_err(|e| MerchantError::Intent(e.to_string()))?;
    let (profile, key_owned) = (cx.profile_id.to_owned(), key.to_owned());
    let claimed = blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        if let Some(existing) = store.outbox_by_key(&key_owned)? {
            return Ok(Err(existing));
        }
        let entry = NewOutboxEntry {
            profile_id: &profile,
            idempotency_key: &key_owned,
            kind: REGISTER_KIND,
            intent: &intent,
        };
        let seq = match store.write(|w| w.enqueue(&entry, now)) {
            Ok(seq) => seq,
            Err(StoreError::Conflict(_)) => {
                return store
                    .outbox_by_key(&key_owned)?
                    .map(Err)
                    .ok_or(StoreError::NotFound("outbox entry"));
            }
            Err(error) => return Err(error),
        };
        store.write(|w| {
            w.transition_outbox(
                seq,
                OutboxState::Pending,
                OutboxState::Sent,
                Outcome::default(),
                now,
            )
        })?;
        Ok(Ok(store.outbox_entry(seq)?))
    })
    .await?;
    let entry = match claimed {
        Ok(entry) => entry,
        Err(existing) => return outcome(cx.store, cx.profile_id, existing).await,
    };

    let answer = cx
        .access
        .client
        .create_user(&cx.access.credentials, &request)
        .await;
    match answer {
        Ok(token) => {
            finish(cx, &entry, &registration, token, OutboxState::Sent, now).await?;
        }
        Err(error) => match error {
            ProviderError::UnknownOutcome { .. }
            | ProviderError::Timeout
            | ProviderError::Provider { .. }
            | ProviderError::UnreadableResponse { .. } => {
                settle(
                    cx,
                    &entry,
                    OutboxState::Sent,
                    OutboxState::Uncertain,
                    Some(error.code(Provider::Billpocket)),
                    now,
                )
                .await?;
                let login = TokenRequest {
                    email: request.email.clone(),
                    password: request.password.clone(),
                };
                match cx
                    .access
                    .client
                    .user_token(&cx.access.credentials, &login)
                    .await
                {
                    Ok(token) => {
                        finish(
                            cx,
                            &entry,
                            &registration,
                            token,
                            OutboxState::Uncertain,
                            now,
                        )
                        .await?;
                    }
                    // Not registered: it did not happen. Without the password the app cannot
                    // send it later, so it fails and the form (and its draft) stay for a retry.
                    Err(ProviderError::Unauthorized | ProviderError::NotFound) => {
                        settle(
                            cx,
                            &entry,
                            OutboxState::Uncertain,
                            OutboxState::Failed,
                            Some(crate::links::writes::NOT_APPLIED),
                            now,
                        )
                        .await?;
                    }
                    Err(_) => {} // Still unknown: connecting the merchant later settles it.
                }
            }
            other => {
                settle(
                    cx,
                    &entry,
                    OutboxState::Sent,
                    OutboxState::Failed,
                    Some(other.code(Provider::Billpocket)),
                    now,
                )
                .await?;
                return Err(refusal(other));
            }
        },
    }
    let seq = entry.seq;
    let entry =
        blocking::<_, StoreError, MerchantError>(cx.store, move |s| s.outbox_entry(seq)).await?;
    outcome(cx.store, cx.profile_id, entry).await
}

/// How to connect a merchant that already exists at Billpocket.
#[derive(Debug, Deserialize, Type)]
#[serde(tag = "by", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ConnectRequest {
    /// Its owner's e-mail and password (Billpocket answers with the user token).
    Login {
        email: String,
        #[specta(type = String)]
        password: Secret,
        name: String,
    },
    /// A user token the merchant already has.
    Token {
        #[specta(type = String)]
        token: Secret,
        name: String,
    },
}

/// What a connect came to: the merchant as cached now, and whether it was already connected
/// with nothing new to learn (the UI says so instead of "connected").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectOutcome {
    pub merchant: Merchant,
    pub already_connected: bool,
}

/// Connects an existing merchant: obtains or takes its token, validates it with Billpocket,
/// stores it in the vault and caches the merchant. Billpocket answers only the merchant's id,
/// so what the cache knows of it (name, RFC, e-mail, registration) is kept, and an uncertain
/// registration with its e-mail is settled as done and supplies what the cache lacks; a typed
/// name and the login's e-mail are added.
pub async fn connect(
    cx: &Context<'_>,
    request: ConnectRequest,
    now: UnixSeconds,
) -> Result<ConnectOutcome, MerchantError> {
    cx.require_keyring()?;
    let (token, email, name, field) = match request {
        ConnectRequest::Login {
            email,
            password,
            name,
        } => {
            let login = TokenRequest {
                email: email.trim().to_owned(),
                password: Credential::new(password.expose()),
            };
            let answer = cx
                .access
                .client
                .user_token(&cx.access.credentials, &login)
                .await;
            let token = answer.map_err(|e| on_field(e, "password"))?;
            (token.user_token, login.email, name, "password")
        }
        ConnectRequest::Token { token, name } => (
            Credential::new(token.expose().trim()),
            String::new(),
            name,
            "token",
        ),
    };
    let credentials = BillpocketCredentials {
        user_token: Some(token.clone()),
        ..cx.access.credentials.clone()
    };
    let validation = cx
        .access
        .client
        .validate_token(&credentials)
        .await
        .map_err(|e| on_field(e, field))?;
    if !validation.valid {
        return Err(on_field(ProviderError::Unauthorized, field));
    }
    let merchant_id = validation.user_id.to_string();
    keep_token(cx, &merchant_id, &token).await?;
    let profile = cx.profile_id.to_owned();
    blocking::<_, MerchantError, MerchantError>(cx.store, move |store| {
        let cached = match store.merchant(&profile, &merchant_id) {
            Ok(cached) => Some(cached),
            Err(StoreError::NotFound(_)) => None,
            Err(error) => return Err(error.into()),
        };
        let known_email = match (&email, &cached) {
            (login, _) if !login.is_empty() => login.clone(),
            (_, Some(cached)) => cached.email.clone(),
            _ => String::new(),
        };
        // A registration whose answer was lost holds everything typed for this merchant.
        let registration =
            settle_uncertain_registrations(store, &profile, &known_email, &merchant_id, now)?;
        let known = cached
            .clone()
            .or_else(|| registration.map(|form| registered(&merchant_id, &form, now)));
        let merchant = connected(known.as_ref(), &merchant_id, &name, &email, now);
        let already_connected = cached.as_ref() == Some(&merchant);
        if !already_connected {
            store.write(|w| w.upsert_merchants(&profile, std::slice::from_ref(&merchant), now))?;
        }
        Ok(ConnectOutcome {
            merchant: store.merchant(&profile, &merchant_id)?,
            already_connected,
        })
    })
    .await
}

/// The merchant as a connect leaves it: the known record with a typed name and the login's
/// e-mail added (`updated_at` moves only when one of them is new), or a new record named by what
/// is known (the typed name, else the e-mail, else the id).
fn connected(
    known: Option<&Merchant>,
    id: &str,
    typed_name: &str,
    email: &str,
    now: UnixSeconds,
) -> Merchant {
    let typed_name = typed_name.trim();
    if let Some(known) = known {
        let mut merged = known.clone();
        if !typed_name.is_empty() {
            typed_name.clone_into(&mut merged.name);
        }
        if !email.is_empty() && !email.eq_ignore_ascii_case(&known.email) {
            email.clone_into(&mut merged.email);
        }
        if merged != *known {
            merged.updated_at = now;
            merged.synced_at = Some(now);
        }
        return merged;
    }
    let name = match typed_name {
        "" if !email.is_empty() => email.to_owned(),
        "" => format!("Comercio {id}"),
        typed => typed.to_owned(),
    };
    Merchant {
        id: id.to_owned(),
        name,
        email: email.to_owned(),
        rfc: String::new(),
        main_link: None,
        domain: None,
        created_at: now,
        updated_at: now,
        synced_at: Some(now),
        person_type: None,
        clabe: None,
        bank: None,
        registration: None,
    }
}

/// A merchant with how many of its links the cache holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MerchantSummary {
    pub merchant: Merchant,
    /// `None` until the merchant's links were synced once: before that the cache holds only the
    /// links written here, and a count of them would be a false number.
    pub links: Option<u32>,
}

/// The profile's merchants for the Comercios list, with their link counts. Blocking (SQLite).
pub fn overview(store: &Store, profile_id: &str) -> Result<Vec<MerchantSummary>, StoreError> {
    let counts = store.merchant_link_counts(profile_id)?;
    let synced: Vec<String> = store
        .sync_states(profile_id)?
        .into_iter()
        .filter(|state| state.synced_at.is_some())
        .map(|state| state.resource)
        .collect();
    Ok(store
        .merchants(profile_id)?
        .into_iter()
        .map(|merchant| {
            let links = synced
                .contains(&crate::sync::links_resource(&merchant.id))
                .then(|| {
                    counts
                        .iter()
                        .find(|(id, _)| *id == merchant.id)
                        .map_or(0, |(_, n)| *n)
                });
            MerchantSummary { merchant, links }
        })
        .collect())
}

/// Adds or replaces the merchant's CLABE after checking it (check digit, bank).
pub async fn set_clabe(
    cx: &Context<'_>,
    merchant_id: &str,
    clabe: &str,
    now: UnixSeconds,
) -> Result<Merchant, MerchantError> {
    let report = validation::validate_field(FieldKind::Clabe, clabe, FieldContext::default());
    let Some(clabe) = report.value.clone() else {
        return Err(MerchantError::Invalid(vec![FieldIssue {
            field: "clabe".into(),
            code: validation::first_error(&report),
        }]));
    };
    let account = cx
        .access
        .client
        .set_clabe(&cx.access.credentials, &clabe)
        .await
        .map_err(refusal)?;
    let (profile, merchant) = (cx.profile_id.to_owned(), merchant_id.to_owned());
    blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        store.write(|w| {
            w.set_merchant_clabe(
                &profile,
                &merchant,
                &account.clabe,
                Some(&account.bank),
                now,
            )
        })?;
        store.merchant(&profile, &merchant)
    })
    .await
}

/// Stores the token, caches the merchant with its registration, and closes the entry.
async fn finish(
    cx: &Context<'_>,
    entry: &OutboxEntry,
    registration: &MerchantForm,
    token: UserToken,
    from: OutboxState,
    now: UnixSeconds,
) -> Result<(), MerchantError> {
    let merchant_id = token.user_id.to_string();
    keep_token(cx, &merchant_id, &token.user_token).await?;
    let merchant = registered(&merchant_id, registration, now);
    let (profile, seq) = (cx.profile_id.to_owned(), entry.seq);
    blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        store.write(|w| {
            w.upsert_merchants(&profile, std::slice::from_ref(&merchant), now)?;
            w.transition_outbox(
                seq,
                from,
                OutboxState::Done,
                Outcome {
                    error_code: None,
                    result_ref: Some(&merchant_id),
                },
                now,
            )
        })
    })
    .await
}

/// A merchant as its registration form describes it (the password is never in the form).
fn registered(id: &str, registration: &MerchantForm, now: UnixSeconds) -> Merchant {
    Merchant {
        id: id.to_owned(),
        name: registration.display_name(),
        email: registration.email.trim().to_owned(),
        rfc: registration.rfc.trim().to_uppercase(),
        main_link: None,
        domain: None,
        created_at: now,
        updated_at: now,
        synced_at: Some(now),
        person_type: Some(match registration.person_type {
            Some(PersonKind::Moral) => "M".into(),
            _ => "F".into(),
        }),
        clabe: None,
        bank: None,
        registration: serde_json::to_string(registration).ok(),
    }
}

/// The token to the vault when there is one (always for real profiles, see `require_keyring`).
async fn keep_token(
    cx: &Context<'_>,
    merchant_id: &str,
    token: &Credential,
) -> Result<(), MerchantError> {
    let Some(vault) = cx.vault.clone() else {
        return Ok(());
    };
    let (profile, kind, secret) = (
        cx.profile_id.to_owned(),
        CredentialKind::BillpocketUserToken {
            merchant_id: merchant_id.to_owned(),
        },
        Secret::new(token.expose()),
    );
    tokio::task::spawn_blocking(move || vault.put(&profile, &kind, &secret)).await??;
    Ok(())
}

async fn settle(
    cx: &Context<'_>,
    entry: &OutboxEntry,
    from: OutboxState,
    to: OutboxState,
    error_code: Option<ErrorCode>,
    now: UnixSeconds,
) -> Result<(), MerchantError> {
    let seq = entry.seq;
    blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        store.write(|w| {
            w.transition_outbox(
                seq,
                from,
                to,
                Outcome {
                    error_code,
                    result_ref: None,
                },
                now,
            )
        })
    })
    .await
}

/// Uncertain registrations of `email` are done: the merchant exists and is now connected.
/// Returns the form of the last one settled.
fn settle_uncertain_registrations(
    store: &Store,
    profile_id: &str,
    email: &str,
    merchant_id: &str,
    now: UnixSeconds,
) -> Result<Option<MerchantForm>, MerchantError> {
    let mut settled = None;
    if email.is_empty() {
        return Ok(settled);
    }
    for entry in store.open_outbox(profile_id)? {
        if entry.kind != REGISTER_KIND || entry.state != OutboxState::Uncertain {
            continue;
        }
        let MerchantIntent::Register { registration } = intent_of(&entry)?;
        if registration.email.trim().eq_ignore_ascii_case(email) {
            store.write(|w| {
                w.transition_outbox(
                    entry.seq,
                    OutboxState::Uncertain,
                    OutboxState::Done,
                    Outcome {
                        error_code: None,
                        result_ref: Some(merchant_id),
                    },
                    now,
                )
            })?;
            settled = Some(registration);
        }
    }
    Ok(settled)
}

fn intent_of(entry: &OutboxEntry) -> Result<MerchantIntent, MerchantError> {
    serde_json::from_str(&entry.intent).map_err(|e| MerchantError::Intent(e.to_string()))
}

async fn outcome(
    store: &Arc<Store>,
    profile_id: &str,
    entry: OutboxEntry,
) -> Result<RegisterOutcome, MerchantError> {
    let (profile, id) = (profile_id.to_owned(), entry.result_ref.clone());
    let merchant = match (id, entry.state) {
        (Some(id), OutboxState::Done) => {
            blocking::<_, StoreError, MerchantError>(store, move |s| s.merchant(&profile, &id))
                .await
                .ok()
        }
        _ => None,
    };
    Ok(RegisterOutcome {
        state: entry.state,
        last_error_code: entry.last_error_code,
        merchant,
    })
}

/// A refusal as the form shows it: each field Billpocket named, with its code (the double
/// speaks the app's codes; a real provider's prose becomes the generic one). A 409 names the
/// value that already exists.
fn refusal(error: ProviderError) -> MerchantError {
    let fields = match &error {
        ProviderError::Invalid { fields, .. } => fields.clone(),
        ProviderError::Conflict {
            field: Some(field), ..
        } => vec![field.clone()],
        _ => return MerchantError::Provider(error),
    };
    let conflict = matches!(error, ProviderError::Conflict { .. });
    let issues: Vec<FieldIssue> = fields
        .iter()
        .map(|f| FieldIssue {
            field: f
                .form_field
                .clone()
                .or_else(|| form_field(&f.provider_field).map(str::to_owned))
                .unwrap_or_else(|| "form".into()),
            code: if conflict {
                ErrorCode::MerchantDuplicate
            } else {
                f.code().unwrap_or(ErrorCode::BillpocketInvalid)
            },
        })
        .collect();
    if issues.is_empty() {
        MerchantError::Provider(error)
    } else {
        MerchantError::Invalid(issues)
    }
}

/// A provider error on one field of the connect form (a wrong password or token).
fn on_field(error: ProviderError, field: &str) -> MerchantError {
    match error {
        ProviderError::Unauthorized | ProviderError::Forbidden | ProviderError::NotFound => {
            MerchantError::Invalid(vec![FieldIssue {
                field: field.into(),
                code: ErrorCode::MerchantCredentials,
            }])
        }
        other => refusal(other),
    }
}

/// The catalogues cached for the profile: ids outside a cached catalogue are refused before
/// sending; a catalogue never fetched is left to Billpocket.
struct CachedCatalogues<'a> {
    store: &'a Store,
    profile_id: &'a str,
}

impl Catalogues for CachedCatalogues<'_> {
    fn knows(&self, catalogue: CatalogueRef<'_>, id: &str) -> Option<bool> {
        let name = match catalogue {
            CatalogueRef::Municipalities { state } => CatalogueName::Municipalities {
                state: state.to_owned(),
            },
            CatalogueRef::CommercialActivities => CatalogueName::CommercialActivities,
            CatalogueRef::CompanyTypes => CatalogueName::CompanyTypes,
        };
        let cached = self
            .store
            .catalogue(self.profile_id, PROVIDER, &name.cache_key())
            .ok()??;
        let items: Vec<serde_json::Value> = serde_json::from_str(&cached.body).ok()?;
        Some(items.iter().any(|item| item["id"] == id))
    }
}
