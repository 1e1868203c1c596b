//! Creating an UnDosTres account (person or business): an operation of the write engine. The
//! outbox keeps the checked form and the last customer id known when it was recorded, nothing
//! secret (the e-commerce token is read from the vault at send time; the `device_id` is this
//! installation's id, not a credential).
//!
//! - The answer is not taken on trust: the new account is read back by its id, and one that
//!   UnDosTres does not know was answered without being made (`not_applied`, nothing cached,
//!   its secrets dropped: they belong to no account).
//! - The customer's secrets in the answer are held by the operation, never by the answer the
//!   engine caches: they go to the vault after the settling transaction (`secrets`).
//! - A lost answer is looked for without sending again. UnDosTres has no list or search of
//!   accounts, only a read by id (assumed row of the endpoint table), and numbers accounts in
//!   creation order (assumed; the double does): the accounts after the last id known when the
//!   write was recorded are read one by one until the e-mail (unique at UnDosTres) appears, or
//!   an id UnDosTres does not know proves the end (absent), or the window ends (still
//!   uncertain, `undostres.lookup_inconclusive`, as when no account was cached to start
//!   after). Found, the account is cached but its secrets
//!   are lost (`undostres.secrets_lost`): only the create answer carries them. A wrong "absent"
//!   cannot make a duplicate either: sent again, an e-mail UnDosTres has is refused.

use std::sync::{Mutex, PoisonError};

use mostrador_codes::{ErrorCode, Provider};
use mostrador_providers::Verdict;
use mostrador_providers::undostres::types::{Account, AccountRequest};
use mostrador_providers::undostres::{CustomerSecrets, Refusal, UnDosTresClient, UnDosTresError};
use mostrador_store::{KycSource, StoreError, UndostresSecrets, UnixSeconds, Writer};
use serde::{Deserialize, Serialize};

use super::accounts::cache_row;
use crate::outbox::{Lookup, Operation, WriteFailure};

/// The outbox kind of an account creation.
pub const CREATE_KIND: &str = "undostres.create_account";
/// How many accounts after the last known one a lost creation is looked for among.
pub const LOOKUP_WINDOW: i64 = 20;
/// The `differences` of a creation answered but not kept.
pub const NOT_KEPT: &str = "account";

/// What the outbox keeps of an account creation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateIntent {
    /// Checked by the shared rules, with this installation's `device_id`.
    pub request: AccountRequest,
    /// The highest customer id cached when the write was recorded: a lost answer is looked for
    /// after it. `None` (no account cached) leaves nowhere to start: a lost answer stays
    /// uncertain.
    pub after_id: Option<i64>,
}

/// An account UnDosTres answered with, or showed when looked for.
#[derive(Debug)]
pub struct Created {
    pub account: Account,
    /// The create answer came back, with the customer's secrets (held by the operation);
    /// `false` for an account found by a lookup, whose secrets never reached the app.
    pub answered: bool,
    /// A read of the account finds it (`false`: answered without being made).
    pub kept: bool,
}

/// Why a creation failed, as the engine sorts it.
#[derive(Debug, thiserror::Error)]
pub enum CreateFailure {
    #[error(transparent)]
    UnDosTres(#[from] UnDosTresError),
    /// The lookup window ended without the account or the end of the accounts, or there was no
    /// known account to start after.
    #[error("the account was not among the {LOOKUP_WINDOW} accounts after {after_id:?}")]
    Inconclusive { after_id: Option<i64> },
}

impl WriteFailure for CreateFailure {
    fn verdict(&self) -> Verdict {
        match self {
            Self::UnDosTres(error) => error.verdict(),
            Self::Inconclusive { .. } => Verdict::Unknown,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::UnDosTres(UnDosTresError::Refused { refusal, .. }) => refusal.as_str(),
            Self::UnDosTres(UnDosTresError::Unknown { .. }) => {
                mostrador_providers::undostres::errors::UNKNOWN_ERROR
            }
            Self::UnDosTres(UnDosTresError::Provider(error)) => error.kind().as_str(),
            Self::Inconclusive { .. } => "lookup_inconclusive",
        }
    }
}

impl CreateFailure {
    /// The stable code of the failure.
    pub fn error_code(&self) -> ErrorCode {
        ErrorCode::of_provider(Provider::Undostres, WriteFailure::code(self))
    }
}

/// An account creation sent through `client`. The secrets of a create answer wait in the
/// operation until the caller hands them to the vault.
pub struct CreateAccountOp<'a> {
    client: &'a UnDosTresClient,
    secrets: Mutex<Option<CustomerSecrets>>,
}

impl<'a> CreateAccountOp<'a> {
    pub fn new(client: &'a UnDosTresClient) -> Self {
        Self {
            client,
            secrets: Mutex::default(),
        }
    }

    /// The secrets of the account just created, once: `None` when no create answer came back
    /// in this operation (a repeated key, a lookup, a failure, an account not kept).
    pub fn take_secrets(&self) -> Option<CustomerSecrets> {
        self.secrets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Whether UnDosTres knows the account: a read that names the id unknown says no; any other
    /// failure to read leaves the answer standing.
    async fn kept(&self, customer_id: i64) -> bool {
        match self.client.account(customer_id).await {
            Ok(_) => true,
            Err(error) if unknown_id(&error) => false,
            Err(error) => {
                tracing::info!(customer_id, %error, "new undostres account not read back");
                true
            }
        }
    }
}

/// UnDosTres' answer to a read of an id it does not have: code 5000, hint `incorrect
/// customer_id`.
fn unknown_id(error: &UnDosTresError) -> bool {
    matches!(error, UnDosTresError::Refused { refusal: Refusal::ValidationError, fields }
        if fields.iter().any(|f| f.provider_field == "customer_id"))
}

impl Operation for CreateAccountOp<'_> {
    type Intent = CreateIntent;
    type Answer = Created;
    type Error = CreateFailure;

    const PROVIDER: Provider = Provider::Undostres;

    fn kind(_: &CreateIntent) -> &'static str {
        CREATE_KIND
    }

    async fn send(&self, intent: &CreateIntent) -> Result<Created, CreateFailure> {
        let created = self.client.create_account(&intent.request).await?;
        let kept = self.kept(created.account.id).await;
        if kept {
            *self.secrets.lock().unwrap_or_else(PoisonError::into_inner) = Some(created.secrets);
        }
        Ok(Created {
            account: created.account,
            answered: true,
            kept,
        })
    }

    /// A creation carries what was asked by definition; only one UnDosTres does not keep
    /// differs.
    fn differences(&self, _: &CreateIntent, answer: &Created) -> Vec<String> {
        if answer.kept {
            Vec::new()
        } else {
            vec![NOT_KEPT.to_owned()]
        }
    }

    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        _: &CreateIntent,
        answer: &Created,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError> {
        if !answer.kept {
            return Ok(None);
        }
        let row = cache_row(&answer.account, now, now);
        let rows = std::slice::from_ref(&row);
        w.upsert_undostres_accounts_seen(profile_id, rows, now, KycSource::Create)?;
        let secrets = if answer.answered {
            UndostresSecrets::Waiting
        } else {
            UndostresSecrets::Lost
        };
        w.set_undostres_secrets(profile_id, &row.customer.id, secrets)?;
        Ok(Some(row.customer.id))
    }

    async fn look_for(&self, intent: &CreateIntent) -> Result<Lookup<Created>, CreateFailure> {
        let Some(after_id) = intent.after_id else {
            return Err(CreateFailure::Inconclusive { after_id: None });
        };
        for customer_id in after_id + 1..=after_id + LOOKUP_WINDOW {
            match self.client.account(customer_id).await {
                Ok(account) if account.email.eq_ignore_ascii_case(&intent.request.email) => {
                    tracing::info!(customer_id, "lost undostres account creation found");
                    return Ok(Lookup::Applied(Created {
                        account,
                        answered: false,
                        kept: true,
                    }));
                }
                Ok(_) => {}
                Err(error) if unknown_id(&error) => return Ok(Lookup::Absent),
                Err(error) => return Err(error.into()),
            }
        }
        Err(CreateFailure::Inconclusive {
            after_id: Some(after_id),
        })
    }
}
