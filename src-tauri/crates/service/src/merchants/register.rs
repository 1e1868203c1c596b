//! Registering a merchant: an operation of the write engine whose intent is the form without the
//! password (the password exists only for the call). A registration that never left fails
//! instead of queueing; a lost answer is settled by asking Billpocket for the merchant's token
//! with the same e-mail and password, never by registering again.

use std::sync::{Arc, Mutex, PoisonError};

use mostrador_codes::{ErrorCode, Provider};
use mostrador_providers::Credential;
use mostrador_providers::ProviderError;
use mostrador_providers::billpocket::types::{CreateUserRequest, TokenRequest, UserToken};
use mostrador_store::{Merchant, OutboxEntry, OutboxState, Store, StoreError, UnixSeconds, Writer};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::form::{self, MerchantForm, PersonKind};
use super::{CachedCatalogues, Context, MerchantError, keep_token, refusal};
use crate::blocking::blocking;
use crate::outbox::{self, EngineError, Lookup, Operation, OutboxError};

const REGISTER_KIND: &str = "billpocket.create_user";

/// What the outbox keeps of a registration: the form without the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub(super) enum MerchantIntent {
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

/// A registration sent with its password (`None` when only settling one found by a connect).
/// The token Billpocket answers waits in `token` until the entry is settled, then goes to the
/// vault: the outbox never holds it.
pub(super) struct RegisterOp<'a> {
    pub(super) cx: &'a Context<'a>,
    pub(super) request: Option<CreateUserRequest>,
    pub(super) token: Mutex<Option<UserToken>>,
}

impl RegisterOp<'_> {
    fn hold(&self, token: &UserToken) {
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
    }

    fn request(&self) -> Result<&CreateUserRequest, ProviderError> {
        self.request
            .as_ref()
            .ok_or_else(|| ProviderError::InvalidConfiguration {
                detail: "a registration is sent only with its password".into(),
            })
    }
}

impl Operation for RegisterOp<'_> {
    type Intent = MerchantIntent;
    type Answer = UserToken;
    type Error = ProviderError;

    const PROVIDER: Provider = Provider::Billpocket;

    fn kind(_: &MerchantIntent) -> &'static str {
        REGISTER_KIND
    }

    /// Without the password it cannot be sent later.
    fn can_queue(&self) -> bool {
        false
    }

    async fn send(&self, _: &MerchantIntent) -> Result<UserToken, ProviderError> {
        let access = self.cx.access;
        let token = access
            .client
            .create_user(&access.credentials, self.request()?)
            .await?;
        self.hold(&token);
        Ok(token)
    }

    /// Billpocket answers only the new merchant's id and token: nothing to compare.
    fn differences(&self, _: &MerchantIntent, _: &UserToken) -> Vec<String> {
        Vec::new()
    }

    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &MerchantIntent,
        answer: &UserToken,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError> {
        let MerchantIntent::Register { registration } = intent;
        let merchant = registered(&answer.user_id.to_string(), registration, now);
        w.upsert_merchants(profile_id, std::slice::from_ref(&merchant), now)?;
        Ok(Some(merchant.id))
    }

    async fn look_for(&self, _: &MerchantIntent) -> Result<Lookup<UserToken>, ProviderError> {
        let request = self.request()?;
        let login = TokenRequest {
            email: request.email.clone(),
            password: request.password.clone(),
        };
        let access = self.cx.access;
        match access.client.user_token(&access.credentials, &login).await {
            Ok(token) => {
                self.hold(&token);
                Ok(Lookup::Applied(token))
            }
            // Not registered: it did not happen.
            Err(ProviderError::Unauthorized | ProviderError::NotFound) => Ok(Lookup::Absent),
            Err(error) => Err(error),
        }
    }
}

/// Registers a merchant. Checked first (core's rules, the cached catalogues); recorded in the
/// outbox under `key` without the password; then sent. The same key again answers with the
/// entry as it stands.
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
    let op = RegisterOp {
        cx,
        request: Some(request),
        token: Mutex::default(),
    };
    let intent = MerchantIntent::Register { registration };
    let entry = match outbox::submit(cx.store, &op, cx.profile_id, key, intent, now).await {
        Ok(entry) => entry,
        Err(EngineError::Refused(error)) => return Err(refusal(error)),
        Err(other) => return Err(other.into()),
    };
    let token = op
        .token
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let (Some(token), OutboxState::Done) = (token, entry.state) {
        keep_token(cx, &token.user_id.to_string(), &token.user_token).await?;
    }
    outcome(cx.store, cx.profile_id, entry).await
}

/// Uncertain registrations of `email` are done: the merchant exists (its token was just
/// validated) and is now connected. Returns the form of the last one settled.
pub(super) async fn settle_uncertain(
    cx: &Context<'_>,
    email: &str,
    token: &UserToken,
    now: UnixSeconds,
) -> Result<Option<MerchantForm>, MerchantError> {
    if email.is_empty() {
        return Ok(None);
    }
    let profile = cx.profile_id.to_owned();
    let open = blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        store.open_outbox(&profile)
    })
    .await?;
    let op = RegisterOp {
        cx,
        request: None,
        token: Mutex::default(),
    };
    let mut settled = None;
    for entry in open {
        if entry.kind != REGISTER_KIND || entry.state != OutboxState::Uncertain {
            continue;
        }
        let intent: MerchantIntent =
            serde_json::from_str(&entry.intent).map_err(|e| OutboxError::Intent(e.to_string()))?;
        let MerchantIntent::Register { registration } = &intent;
        if !registration.email.trim().eq_ignore_ascii_case(email) {
            continue;
        }
        let found = Lookup::Applied(token.clone());
        outbox::settle_lookup(cx.store, &op, &entry, &intent, found, now).await?;
        settled = Some(registration.clone());
    }
    Ok(settled)
}

/// A merchant as its registration form describes it (the password is never in the form).
pub(super) fn registered(id: &str, registration: &MerchantForm, now: UnixSeconds) -> Merchant {
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
