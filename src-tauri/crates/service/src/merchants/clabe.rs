//! The merchant's CLABE: checked with core (check digit, bank) before it is sent, then an
//! operation of the write engine. The cache keeps the account Billpocket answers; an answer
//! with another CLABE than the one sent ends the write `not_applied`.

use mostrador_codes::{ErrorCode, Provider};
use mostrador_core::{FieldContext, FieldKind};
use mostrador_providers::ProviderError;
use mostrador_providers::billpocket::types::ClabeAccount;
use mostrador_store::{Merchant, OutboxState, StoreError, UnixSeconds, Writer};
use serde::{Deserialize, Serialize};

use super::form::FieldIssue;
use super::{Context, MerchantError, refusal};
use crate::billpocket_access::BillpocketAccess;
use crate::blocking::blocking;
use crate::outbox::{self, EngineError, Lookup, Operation};
use crate::validation;

/// What the outbox keeps of a CLABE change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClabeIntent {
    pub merchant_id: String,
    pub clabe: String,
}

pub struct ClabeOp<'a> {
    pub access: &'a BillpocketAccess,
}

impl Operation for ClabeOp<'_> {
    type Intent = ClabeIntent;
    type Answer = ClabeAccount;
    type Error = ProviderError;

    const PROVIDER: Provider = Provider::Billpocket;

    fn kind(_: &ClabeIntent) -> &'static str {
        "billpocket.set_clabe"
    }

    /// Nothing shows a queued CLABE or sends it later: a CLABE that did not reach Billpocket
    /// fails at once and the user sends it again.
    fn can_queue(&self) -> bool {
        false
    }

    async fn send(&self, intent: &ClabeIntent) -> Result<ClabeAccount, ProviderError> {
        let access = self.access;
        access
            .client
            .set_clabe(&access.credentials, &intent.clabe)
            .await
    }

    fn differences(&self, intent: &ClabeIntent, answer: &ClabeAccount) -> Vec<String> {
        if answer.clabe == intent.clabe {
            Vec::new()
        } else {
            vec!["clabe".to_owned()]
        }
    }

    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &ClabeIntent,
        answer: &ClabeAccount,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError> {
        let bank = Some(answer.bank.as_str()).filter(|bank| !bank.is_empty());
        w.set_merchant_clabe(profile_id, &intent.merchant_id, &answer.clabe, bank, now)?;
        Ok(Some(intent.merchant_id.clone()))
    }

    /// Billpocket offers no read of the CLABE (none documented, none assumed): a lost answer
    /// stays unknown until the user sends the CLABE again or discards the write.
    async fn look_for(&self, _: &ClabeIntent) -> Result<Lookup<ClabeAccount>, ProviderError> {
        Err(ProviderError::UnknownOutcome {
            detail: "no read of the CLABE to look for it".into(),
        })
    }
}

/// Adds or replaces the merchant's CLABE after checking it (check digit, bank). The same CLABE
/// for the same merchant within a second is one write (a double click).
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
            code: crate::validation::first_error(&report),
        }]));
    };
    let key = format!("clabe/{}/{merchant_id}/{clabe}/{now}", cx.profile_id);
    let intent = ClabeIntent {
        merchant_id: merchant_id.to_owned(),
        clabe,
    };
    let op = ClabeOp { access: cx.access };
    let entry = match outbox::submit(cx.store, &op, cx.profile_id, &key, intent, now).await {
        Ok(entry) => entry,
        Err(EngineError::Refused(error)) => return Err(refusal(error)),
        Err(other) => return Err(other.into()),
    };
    if entry.state != OutboxState::Done {
        return Err(MerchantError::Unsettled {
            state: entry.state,
            code: entry.last_error_code.unwrap_or(ErrorCode::Unknown),
            differences: entry.differences,
        });
    }
    let (profile, merchant) = (cx.profile_id.to_owned(), merchant_id.to_owned());
    blocking::<_, StoreError, MerchantError>(cx.store, move |store| {
        store.merchant(&profile, &merchant)
    })
    .await
}
