//! Connecting a merchant that already exists at Billpocket: its token (from a login or pasted)
//! is validated before it is stored in the vault; nothing is written at Billpocket. A
//! registration of the same e-mail whose answer was lost is settled by it through the write
//! engine.

use mostrador_providers::billpocket::BillpocketCredentials;
use mostrador_providers::billpocket::types::{TokenRequest, UserToken};
use mostrador_providers::{Credential, ProviderError};
use mostrador_store::{Merchant, StoreError, UnixSeconds};
use mostrador_vault::Secret;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::register::{registered, settle_uncertain};
use super::{Context, MerchantError, keep_token, on_field};
use crate::blocking::blocking;

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
    let (profile, id) = (cx.profile_id.to_owned(), merchant_id.clone());
    let cached = blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        match store.merchant(&profile, &id) {
            Ok(cached) => Ok(Some(cached)),
            Err(StoreError::NotFound(_)) => Ok(None),
            Err(error) => Err(error),
        }
    })
    .await?;
    let known_email = match (&email, &cached) {
        (login, _) if !login.is_empty() => login.clone(),
        (_, Some(cached)) => cached.email.clone(),
        _ => String::new(),
    };
    // A registration whose answer was lost holds everything typed for this merchant.
    let answer = UserToken {
        user_token: token,
        user_id: validation.user_id,
    };
    let registration = settle_uncertain(cx, &known_email, &answer, now).await?;
    let known = cached
        .clone()
        .or_else(|| registration.map(|form| registered(&merchant_id, &form, now)));
    let merchant = connected(known.as_ref(), &merchant_id, &name, &email, now);
    let already_connected = cached.as_ref() == Some(&merchant);
    let profile = cx.profile_id.to_owned();
    blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
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
