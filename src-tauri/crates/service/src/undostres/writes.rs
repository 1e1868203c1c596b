//! Account creation as the app runs it: the form checked, the write recorded and sent by the
//! engine (`create`), then the customer's secrets handed to the vault, exactly once per
//! customer. When the keyring refuses them the account stays recorded (`secrets` `waiting`),
//! the user is told (`undostres.secrets_waiting`) and the secrets wait in memory
//! ([`WaitingSecrets`]) for [`store_waiting`]; a restart loses them (`lost`).

use std::sync::Arc;

use mostrador_codes::{Coded, ErrorCode};
use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::undostres::types::Gender;
use mostrador_store::{
    OutboxEntry, OutboxState, Store, StoreError, UndostresAccountView, UndostresSecrets,
    UnixSeconds,
};
use mostrador_vault::{Vault, VaultError};
use serde::Serialize;
use specta::Type;

use super::UndostresServiceError;
use super::create::{CREATE_KIND, CreateAccountOp, CreateFailure, CreateIntent};
use super::form::{self, AccountForm};
use super::secrets::{NotStored, UnstoredSecrets, WaitingSecrets, store_customer_secrets};
use crate::blocking::blocking;
use crate::merchants::form::FieldIssue;
use crate::outbox::{self, EngineError, OutboxError};

/// What a creation needs: the profile's store, client and keyring, and where refused secrets
/// wait.
pub struct Context<'a> {
    pub store: &'a Arc<Store>,
    pub vault: &'a Arc<Vault>,
    pub waiting: &'a WaitingSecrets,
    pub client: &'a UnDosTresClient,
    pub profile_id: &'a str,
}

/// An account creation as the UI shows it (nothing secret).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountWrite {
    #[specta(type = specta_typescript::Number)]
    pub seq: i64,
    pub state: OutboxState,
    /// What to tell the user: why the write is not done, or, once done, where the new
    /// account's credentials stand (`undostres.secrets_waiting`, `undostres.secrets_lost`).
    pub code: Option<ErrorCode>,
    pub differences: Vec<String>,
    pub account_type: Gender,
    /// The person's full name, or the business's legal name.
    pub name: String,
    pub email: String,
    pub rfc: String,
    /// The credit line as sent, exactly as typed in pesos ("$100,000.00").
    pub credit_line: String,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    /// UnDosTres' id of the account, once it has one.
    pub customer_id: Option<String>,
}

/// Where a creation stands, with the cached account once UnDosTres has it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountOutcome {
    pub write: AccountWrite,
    pub account: Option<UndostresAccountView>,
}

/// What a creation came to: submitted (done, or waiting to be settled), or refused with every
/// field to fix (by the form's rules or by UnDosTres).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum AccountAnswer {
    Submitted { outcome: Box<AccountOutcome> },
    Refused { issues: Vec<FieldIssue> },
}

/// Checks the form, records the creation under `key` and sends it. The same key again (a double
/// click, a second Enter) answers with the write as it stands and sends nothing.
pub async fn create(
    cx: &Context<'_>,
    key: &str,
    account: AccountForm,
    now: UnixSeconds,
) -> Result<AccountAnswer, UndostresServiceError> {
    let profile = cx.profile_id.to_owned();
    let (device_id, after_id) =
        blocking::<_, StoreError, UndostresServiceError>(cx.store, move |store| {
            Ok((store.device_id()?, store.last_undostres_id(&profile)?))
        })
        .await?;
    let request = match form::check(&account, &device_id) {
        Ok(request) => request,
        Err(issues) => return Ok(AccountAnswer::Refused { issues }),
    };
    let intent = CreateIntent { request, after_id };
    let op = CreateAccountOp::new(cx.client);
    let sent = outbox::submit(cx.store, &op, cx.profile_id, key, intent, now).await;
    finish(cx, &op, sent).await
}

/// Sends a queued or not-applied creation again, or looks for an uncertain one.
pub async fn retry(
    cx: &Context<'_>,
    seq: i64,
    now: UnixSeconds,
) -> Result<AccountAnswer, UndostresServiceError> {
    creation(cx.store, cx.profile_id, seq).await?;
    let op = CreateAccountOp::new(cx.client);
    let sent = outbox::retry(cx.store, &op, seq, now).await;
    finish(cx, &op, sent).await
}

/// Gives up on an open creation (it becomes `failed`, marked discarded).
pub async fn discard(
    store: &Arc<Store>,
    profile_id: &str,
    seq: i64,
    now: UnixSeconds,
) -> Result<(), UndostresServiceError> {
    creation(store, profile_id, seq).await?;
    Ok(outbox::discard::<CreateFailure>(store, seq, now).await?)
}

/// What a tracking run that reached UnDosTres does with the open creations: uncertain ones are
/// looked for, queued ones sent. Each failure is only logged; returns the answers whose state
/// changed, for the caller to announce.
pub async fn flush(
    cx: &Context<'_>,
    now: UnixSeconds,
) -> Result<Vec<AccountAnswer>, UndostresServiceError> {
    let open = outbox::settling_by_themselves(cx.store, cx.profile_id, |kind| kind == CREATE_KIND);
    let mut settled = Vec::new();
    for entry in open.await? {
        match retry(cx, entry.seq, now).await {
            Ok(answer) if state_of(&answer) != Some(entry.state) => settled.push(answer),
            Ok(_) => {}
            Err(error) => tracing::info!(seq = entry.seq, %error, "account creation still open"),
        }
    }
    Ok(settled)
}

fn state_of(answer: &AccountAnswer) -> Option<OutboxState> {
    match answer {
        AccountAnswer::Submitted { outcome } => Some(outcome.write.state),
        AccountAnswer::Refused { .. } => None,
    }
}

/// The profile's creations still open (pending, sent, uncertain, not applied), oldest first.
pub fn open_writes(
    store: &Store,
    profile_id: &str,
) -> Result<Vec<AccountWrite>, UndostresServiceError> {
    store
        .open_outbox(profile_id)?
        .into_iter()
        .filter(|entry| entry.kind == CREATE_KIND)
        .map(|entry| account_write(&entry, None))
        .collect()
}

/// Stores the secrets that wait in memory for an account the keyring refused them for. With
/// none waiting: done already, or lost (a restart since; the account's `secrets` says which).
pub async fn store_waiting(
    cx: &Context<'_>,
    customer_id: &str,
) -> Result<UndostresAccountView, UndostresServiceError> {
    match cx.waiting.take(cx.profile_id, customer_id) {
        Some(secrets) => {
            if let Some(error) = keep(cx, customer_id, secrets).await? {
                return Err(UndostresServiceError::SecretsWaiting(error));
            }
        }
        None => {
            let view = cached(cx.store, cx.profile_id, customer_id).await?;
            if view.secrets != Some(UndostresSecrets::Stored) {
                mark(cx.store, cx.profile_id, customer_id, UndostresSecrets::Lost).await?;
                return Err(UndostresServiceError::SecretsLost);
            }
        }
    }
    cached(cx.store, cx.profile_id, customer_id).await
}

/// Sorts the engine's answer, then hands a new account's secrets to the vault.
async fn finish(
    cx: &Context<'_>,
    op: &CreateAccountOp<'_>,
    sent: Result<OutboxEntry, EngineError<CreateFailure>>,
) -> Result<AccountAnswer, UndostresServiceError> {
    let entry = match sent {
        Ok(entry) => entry,
        Err(EngineError::Refused(failure)) => return refused(failure),
        Err(other) => return Err(other.into()),
    };
    if let (OutboxState::Done, Some(id), Some(secrets)) =
        (entry.state, &entry.result_ref, op.take_secrets())
    {
        keep(cx, id, secrets.into()).await?;
    }
    let profile = cx.profile_id.to_owned();
    let outcome =
        blocking::<_, UndostresServiceError, UndostresServiceError>(cx.store, move |store| {
            let account = match &entry.result_ref {
                Some(id) => store.undostres_account(&profile, id)?,
                None => None,
            };
            Ok(AccountOutcome {
                write: account_write(&entry, account.as_ref())?,
                account,
            })
        })
        .await?;
    Ok(AccountAnswer::Submitted {
        outcome: Box::new(outcome),
    })
}

/// A refusal on the form's fields when UnDosTres named them, else the refusal itself.
fn refused(failure: CreateFailure) -> Result<AccountAnswer, UndostresServiceError> {
    let CreateFailure::UnDosTres(error) = &failure else {
        return Err(UndostresServiceError::Refused(failure));
    };
    let code = failure.error_code();
    let issues: Vec<FieldIssue> = error
        .fields()
        .iter()
        .flat_map(|field| {
            let name = field
                .form_field
                .clone()
                .unwrap_or_else(|| field.provider_field.clone());
            let codes: Vec<ErrorCode> = match field.messages.as_slice() {
                [] => vec![code],
                messages => messages
                    .iter()
                    .map(|m| ErrorCode::parse(m).unwrap_or(code))
                    .collect(),
            };
            codes.into_iter().map(move |code| FieldIssue {
                field: name.clone(),
                code,
            })
        })
        .collect();
    if issues.is_empty() {
        Err(UndostresServiceError::Refused(failure))
    } else {
        Ok(AccountAnswer::Refused { issues })
    }
}

/// Puts the secrets in the vault and records that they are there; when the keyring refuses,
/// what it did not store waits in memory and the refusal is returned (the account's `secrets`
/// stays `waiting`, as the settling transaction wrote it).
async fn keep(
    cx: &Context<'_>,
    customer_id: &str,
    secrets: UnstoredSecrets,
) -> Result<Option<VaultError>, UndostresServiceError> {
    let (vault, profile, customer) = (
        Arc::clone(cx.vault),
        cx.profile_id.to_owned(),
        customer_id.to_owned(),
    );
    let stored = tokio::task::spawn_blocking(move || {
        store_customer_secrets(&vault, &profile, &customer, secrets)
    })
    .await?;
    match stored {
        Ok(()) => {
            mark(
                cx.store,
                cx.profile_id,
                customer_id,
                UndostresSecrets::Stored,
            )
            .await?;
            Ok(None)
        }
        Err(NotStored { error, left }) => {
            tracing::warn!(customer_id, code = %error.code(), "undostres secrets wait in memory: the keyring refused them");
            cx.waiting.hold(cx.profile_id, customer_id, left);
            Ok(Some(error))
        }
    }
}

async fn mark(
    store: &Arc<Store>,
    profile_id: &str,
    customer_id: &str,
    secrets: UndostresSecrets,
) -> Result<(), UndostresServiceError> {
    let (profile, customer) = (profile_id.to_owned(), customer_id.to_owned());
    blocking::<_, StoreError, UndostresServiceError>(store, move |store| {
        store.write(|w| w.set_undostres_secrets(&profile, &customer, secrets))
    })
    .await
}

async fn cached(
    store: &Arc<Store>,
    profile_id: &str,
    customer_id: &str,
) -> Result<UndostresAccountView, UndostresServiceError> {
    let (profile, customer) = (profile_id.to_owned(), customer_id.to_owned());
    blocking::<_, UndostresServiceError, UndostresServiceError>(store, move |store| {
        store
            .undostres_account(&profile, &customer)?
            .ok_or(UndostresServiceError::NotCached)
    })
    .await
}

/// The outbox entry `seq` when it is an account creation of this profile.
async fn creation(
    store: &Arc<Store>,
    profile_id: &str,
    seq: i64,
) -> Result<OutboxEntry, UndostresServiceError> {
    let profile = profile_id.to_owned();
    blocking::<_, UndostresServiceError, UndostresServiceError>(store, move |store| {
        let entry = store.outbox_entry(seq)?;
        if entry.kind == CREATE_KIND && entry.profile_id == profile {
            Ok(entry)
        } else {
            Err(UndostresServiceError::NoSuchWrite(seq))
        }
    })
    .await
}

fn account_write(
    entry: &OutboxEntry,
    account: Option<&UndostresAccountView>,
) -> Result<AccountWrite, UndostresServiceError> {
    let intent: CreateIntent =
        serde_json::from_str(&entry.intent).map_err(|e| OutboxError::Intent(e.to_string()))?;
    let request = intent.request;
    let code = match entry.state {
        OutboxState::Done => match account.and_then(|view| view.secrets) {
            Some(UndostresSecrets::Waiting) => Some(ErrorCode::UndostresSecretsWaiting),
            Some(UndostresSecrets::Lost) => Some(ErrorCode::UndostresSecretsLost),
            _ => None,
        },
        _ => entry.last_error_code,
    };
    let name = [
        request.first_name.as_str(),
        &request.middle_name,
        &request.last_name,
        &request.second_last_name,
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    Ok(AccountWrite {
        seq: entry.seq,
        state: entry.state,
        code,
        differences: entry.differences.clone(),
        account_type: request.gender,
        name,
        email: request.email,
        rfc: request.rfc,
        credit_line: request.credit_line.format_mxn(),
        created_at: entry.created_at,
        customer_id: entry.result_ref.clone(),
    })
}
