//! Every CryptoPocket customer write is an operation of the write engine (`crate::outbox`):
//! creating a person or a company, uploading a document, asking for the enhanced verification
//! link. The form is checked first (`form`); the outbox keeps the intent without any secret (a
//! person's password and a document's bytes exist only for the call, so such writes never wait
//! in the outbox); a company's KYB password goes from the answer to the vault. A create whose
//! answer was lost is looked for by its e-mail, never sent again.

pub mod form;
mod ops;

use std::sync::Arc;

use mostrador_codes::ErrorCode;
use mostrador_providers::ProviderError;
use mostrador_providers::cryptopocket::types::{CompanyRequest, DocumentType, PersonRequest};
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketError, Refusal};
use mostrador_store::{
    Customer, OutboxEntry, OutboxState, Provider, Store, StoreError, UnixSeconds,
};
use mostrador_vault::Vault;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use self::form::{CompanyForm, PersonForm};
pub use self::ops::{CallParts, CustomerAnswer, CustomerOps, NOT_KEPT};
use super::CustomerError;
use crate::blocking::blocking;
use crate::merchants::form::FieldIssue;
use crate::outbox::{self, EngineError, OutboxError};

/// What the outbox keeps of a customer write: no password, no file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum CustomerIntent {
    CreatePerson {
        person: Box<PersonRequest>,
    },
    CreateCompany {
        company: CompanyRequest,
    },
    UploadDocument {
        customer_id: String,
        document_type: DocumentType,
        mime: String,
        size: u64,
    },
    EnhancedLink {
        customer_id: String,
    },
}

/// The outbox kinds of customer writes, in [`CustomerWriteKind`] order.
const KINDS: [&str; 4] = [
    "cryptopocket.create_person",
    "cryptopocket.create_company",
    "cryptopocket.upload_document",
    "cryptopocket.enhanced_link",
];

/// Which customer write an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum CustomerWriteKind {
    CreatePerson,
    CreateCompany,
    UploadDocument,
    EnhancedLink,
}

impl CustomerIntent {
    fn write_kind(&self) -> CustomerWriteKind {
        match self {
            Self::CreatePerson { .. } => CustomerWriteKind::CreatePerson,
            Self::CreateCompany { .. } => CustomerWriteKind::CreateCompany,
            Self::UploadDocument { .. } => CustomerWriteKind::UploadDocument,
            Self::EnhancedLink { .. } => CustomerWriteKind::EnhancedLink,
        }
    }

    pub(crate) fn kind(&self) -> &'static str {
        KINDS[self.write_kind() as usize]
    }

    pub(crate) fn is_create(&self) -> bool {
        matches!(self, Self::CreatePerson { .. } | Self::CreateCompany { .. })
    }

    /// Whom the write concerns, as the agent knows them: a new customer's e-mail, or the id.
    fn subject(&self) -> &str {
        match self {
            Self::CreatePerson { person } => &person.email,
            Self::CreateCompany { company } => &company.email,
            Self::UploadDocument { customer_id, .. } | Self::EnhancedLink { customer_id } => {
                customer_id
            }
        }
    }

    /// The intent of an outbox entry, when it is a customer write.
    pub fn of_entry(entry: &OutboxEntry) -> Result<Option<Self>, CustomerError> {
        if !KINDS.contains(&entry.kind.as_str()) {
            return Ok(None);
        }
        serde_json::from_str(&entry.intent)
            .map(Some)
            .map_err(|e| OutboxError::Intent(e.to_string()).into())
    }
}

/// A customer write as the screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerWrite {
    #[specta(type = specta_typescript::Number)]
    pub seq: i64,
    pub kind: CustomerWriteKind,
    /// The new customer's e-mail, or the id of the customer the write concerns.
    pub subject: String,
    /// CryptoPocket's id once known.
    pub customer_id: Option<String>,
    pub state: OutboxState,
    pub last_error_code: Option<ErrorCode>,
    /// In `not_applied`: the form fields CryptoPocket answered differently.
    pub differences: Vec<String>,
    #[specta(type = specta_typescript::Number)]
    pub created_at: UnixSeconds,
    #[specta(type = specta_typescript::Number)]
    pub updated_at: UnixSeconds,
}

/// Where a customer write stands, with the cached customer once it is done.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerWriteOutcome {
    pub write: CustomerWrite,
    pub customer: Option<Customer>,
    /// The enhanced verification link, when this call was answered with it.
    pub link: Option<String>,
}

/// What a create came to: submitted (done, or still being settled), or refused with every
/// field to fix.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CustomerWriteAnswer {
    Submitted { outcome: Box<CustomerWriteOutcome> },
    Refused { issues: Vec<FieldIssue> },
}

/// The profile a customer write is made for: its client, and the vault a KYB password goes to
/// (`None` without a keyring).
pub struct WriteContext<'a> {
    pub store: &'a Arc<Store>,
    pub client: &'a CryptoPocketClient,
    pub vault: Option<Arc<Vault>>,
    pub profile_id: &'a str,
}

impl WriteContext<'_> {
    fn ops(&self, intent: &CustomerIntent, parts: CallParts) -> CustomerOps<'_> {
        CustomerOps::new(
            self.client,
            self.profile_id,
            self.vault.clone(),
            intent,
            parts,
        )
    }
}

/// Creates a person: the form is checked, recorded under `key` without the password, then sent.
/// The same key again answers with the entry as it stands.
pub async fn create_person(
    cx: &WriteContext<'_>,
    key: &str,
    form: PersonForm,
    password: Option<mostrador_providers::Credential>,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let person = form::check_person(form).map_err(CustomerError::Invalid)?;
    let password = password.filter(|p| !p.expose().is_empty());
    let intent = CustomerIntent::CreatePerson {
        person: Box::new(person),
    };
    let parts = CallParts {
        password,
        ..CallParts::default()
    };
    submit(cx, key, intent, parts, now).await
}

/// Creates a company; its KYB password goes from the answer to the vault under its id.
pub async fn create_company(
    cx: &WriteContext<'_>,
    key: &str,
    form: CompanyForm,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let company = form::check_company(form).map_err(CustomerError::Invalid)?;
    let intent = CustomerIntent::CreateCompany { company };
    submit(cx, key, intent, CallParts::default(), now).await
}

/// Records `intent` under `key` and sends it with `parts`.
pub async fn submit(
    cx: &WriteContext<'_>,
    key: &str,
    intent: CustomerIntent,
    parts: CallParts,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let ops = cx.ops(&intent, parts);
    let entry = outbox::submit(cx.store, &ops, cx.profile_id, key, intent, now)
        .await
        .map_err(engine_error)?;
    settled(cx.store, &ops, entry).await
}

/// Sends a queued or not-applied customer write again, or looks for an uncertain one.
pub async fn retry(
    cx: &WriteContext<'_>,
    seq: i64,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let entry = blocking::<_, _, CustomerError>(cx.store, move |s| s.outbox_entry(seq)).await?;
    let intent = CustomerIntent::of_entry(&entry)?.ok_or(OutboxError::NotOpen(seq))?;
    let ops = cx.ops(&intent, CallParts::default());
    let entry = outbox::retry(cx.store, &ops, seq, now)
        .await
        .map_err(engine_error)?;
    settled(cx.store, &ops, entry).await
}

/// Gives up on an open customer write (it becomes `failed`, marked discarded).
pub async fn discard(store: &Arc<Store>, seq: i64, now: UnixSeconds) -> Result<(), CustomerError> {
    let entry = blocking::<_, _, CustomerError>(store, move |s| s.outbox_entry(seq)).await?;
    CustomerIntent::of_entry(&entry)?.ok_or(OutboxError::NotOpen(seq))?;
    outbox::discard::<CryptoPocketError>(store, seq, now)
        .await
        .map_err(engine_error)
}

/// The profile's open customer writes, oldest first. Blocking (SQLite).
pub fn open_writes(store: &Store, profile_id: &str) -> Result<Vec<CustomerWrite>, CustomerError> {
    let mut writes = Vec::new();
    for entry in store.open_outbox(profile_id)? {
        if let Some(intent) = CustomerIntent::of_entry(&entry)? {
            writes.push(listed(&entry, &intent));
        }
    }
    Ok(writes)
}

/// What a sync does with the open customer writes once CryptoPocket answers: uncertain ones are
/// looked for, queued ones sent. Each failure is only logged (the sync's own answer stands);
/// returns the writes whose state changed, for the caller to announce.
pub async fn flush(
    cx: &WriteContext<'_>,
    now: UnixSeconds,
) -> Result<Vec<CustomerWrite>, CustomerError> {
    let open =
        outbox::settling_by_themselves(cx.store, cx.profile_id, |kind| KINDS.contains(&kind));
    let mut settled = Vec::new();
    for entry in open.await? {
        match retry(cx, entry.seq, now).await {
            Ok(outcome) if outcome.write.state != entry.state => settled.push(outcome.write),
            Ok(_) => {}
            Err(error) => tracing::info!(seq = entry.seq, %error, "customer write still open"),
        }
    }
    Ok(settled)
}

fn listed(entry: &OutboxEntry, intent: &CustomerIntent) -> CustomerWrite {
    let customer_id = entry.result_ref.clone().or_else(|| match intent {
        CustomerIntent::UploadDocument { customer_id, .. }
        | CustomerIntent::EnhancedLink { customer_id } => Some(customer_id.clone()),
        _ => None,
    });
    CustomerWrite {
        seq: entry.seq,
        kind: intent.write_kind(),
        subject: intent.subject().to_owned(),
        customer_id,
        state: entry.state,
        last_error_code: entry.last_error_code,
        differences: entry.differences.clone(),
        created_at: entry.created_at,
        updated_at: entry.updated_at,
    }
}

/// The entry as the screen shows it, with the cached customer when done. A company created
/// without its KYB password kept is done, and the call says why the password is missing.
async fn settled(
    store: &Arc<Store>,
    ops: &CustomerOps<'_>,
    entry: OutboxEntry,
) -> Result<CustomerWriteOutcome, CustomerError> {
    if let Some(error) = ops.kyb_not_kept() {
        return Err(error);
    }
    let intent = CustomerIntent::of_entry(&entry)?.ok_or(OutboxError::NotOpen(entry.seq))?;
    let write = listed(&entry, &intent);
    let customer = match (&write.customer_id, entry.state) {
        (Some(id), OutboxState::Done) => {
            let (profile, id) = (entry.profile_id.clone(), id.clone());
            blocking::<_, _, CustomerError>(store, move |s| {
                match s.customer(&profile, Provider::Cryptopocket, &id) {
                    Ok(customer) => Ok(Some(customer)),
                    Err(StoreError::NotFound(_)) => Ok(None),
                    Err(error) => Err(error),
                }
            })
            .await?
        }
        _ => None,
    };
    Ok(CustomerWriteOutcome {
        write,
        customer,
        link: ops.link(),
    })
}

fn engine_error(error: EngineError<CryptoPocketError>) -> CustomerError {
    match error {
        EngineError::Refused(error) => refusal(error),
        EngineError::Outbox(error) => error.into(),
    }
}

/// A refusal as the form shows it: the fields CryptoPocket named (the double speaks the app's
/// codes), an e-mail already registered or not allowed on the e-mail field; anything else as
/// CryptoPocket's error.
fn refusal(error: CryptoPocketError) -> CustomerError {
    let issue = |field: &str, code| FieldIssue {
        field: field.to_owned(),
        code,
    };
    let issues: Vec<FieldIssue> = match &error {
        CryptoPocketError::Refused(
            refusal @ (Refusal::UserAlreadyExists | Refusal::EmailNotAllowed),
        ) => vec![issue(
            "email",
            ErrorCode::of_provider(mostrador_codes::Provider::CryptoPocket, refusal.as_str()),
        )],
        CryptoPocketError::Provider(ProviderError::Invalid { fields, .. }) => fields
            .iter()
            .filter_map(|f| Some(issue(f.form_field.as_deref()?, f.code()?)))
            .collect(),
        _ => Vec::new(),
    };
    if issues.is_empty() {
        CustomerError::CryptoPocket(error)
    } else {
        CustomerError::Invalid(issues)
    }
}
