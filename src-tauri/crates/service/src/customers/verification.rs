//! What an agent sends a customer beyond the KYC form: the enhanced verification (regulatory
//! declaration) link, and documents uploaded on the customer's behalf. Both are writes of the
//! engine (`writes`); a document's type and size are checked before anything is recorded or
//! sent, and its bytes exist only for the call.

use mostrador_providers::cryptopocket::rules::{
    DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, document_data_url,
};
use mostrador_providers::cryptopocket::types::DocumentType;
use mostrador_store::UnixSeconds;
use serde::Serialize;
use specta::Type;

use super::CustomerError;
use super::kyc::user_id;
use super::writes::{self, CallParts, CustomerIntent, CustomerWriteOutcome, WriteContext};

/// What the upload form offers and checks before sending, from the rules the service applies
/// (so the page keeps no second copy of the limits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRules {
    /// The largest file accepted, in bytes.
    #[specta(type = specta_typescript::Number)]
    pub max_bytes: u64,
    /// The file types accepted (MIME).
    pub mime_types: Vec<String>,
    /// The documented document types, in the documentation's order.
    pub document_types: Vec<DocumentType>,
}

pub fn document_rules() -> DocumentRules {
    DocumentRules {
        max_bytes: u64::try_from(MAX_DOCUMENT_BYTES).unwrap_or(u64::MAX),
        mime_types: DOCUMENT_TYPES
            .iter()
            .map(|(mime, _)| (*mime).to_owned())
            .collect(),
        document_types: DocumentType::ALL.to_vec(),
    }
}

/// Asks for a link to the customer's enhanced verification form (`outcome.link` once answered).
/// The same request for the same customer within a second is one write (a double click).
pub async fn enhanced_verification_link(
    cx: &WriteContext<'_>,
    customer_id: &str,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let customer_id = user_id(customer_id)?.to_string();
    let key = format!("enhanced_link/{}/{customer_id}/{now}", cx.profile_id);
    let intent = CustomerIntent::EnhancedLink { customer_id };
    writes::submit(cx, &key, intent, CallParts::default(), now).await
}

/// Uploads one document under the UI's idempotency key (one per upload dialog); a file of the
/// wrong type or size is refused on the `file` field with its rule's code (`document.size`)
/// and never recorded nor sent.
pub async fn upload_document(
    cx: &WriteContext<'_>,
    key: &str,
    customer_id: &str,
    document_type: DocumentType,
    mime: &str,
    bytes: Vec<u8>,
    now: UnixSeconds,
) -> Result<CustomerWriteOutcome, CustomerError> {
    let customer_id = user_id(customer_id)?.to_string();
    document_data_url(mime, &bytes)
        .map_err(|problems| CustomerError::Invalid(writes::form::issues(problems)))?;
    let size = bytes.len();
    let intent = CustomerIntent::UploadDocument {
        customer_id,
        document_type,
        mime: mime.trim().to_ascii_lowercase(),
        size: u64::try_from(size).unwrap_or(u64::MAX),
    };
    let parts = CallParts {
        document: Some(bytes),
        ..CallParts::default()
    };
    let outcome = writes::submit(cx, key, intent, parts, now).await?;
    tracing::info!(?document_type, size, state = %outcome.write.state, "cryptopocket document upload");
    Ok(outcome)
}
