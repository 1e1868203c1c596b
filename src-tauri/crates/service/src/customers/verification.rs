//! What an agent sends a customer beyond the KYC form: the enhanced verification (regulatory
//! declaration) link, and documents uploaded on the customer's behalf. The client checks a
//! document's type and size before anything is sent.

use mostrador_providers::cryptopocket::CryptoPocketClient;
use mostrador_providers::cryptopocket::types::DocumentType;

use super::CustomerError;
use super::kyc::user_id;

/// A link to the customer's enhanced verification form.
pub async fn enhanced_verification_link(
    client: &CryptoPocketClient,
    customer_id: &str,
) -> Result<String, CustomerError> {
    let link = client
        .enhanced_verification_link(user_id(customer_id)?)
        .await?;
    Ok(link.onboarding_link)
}

/// Uploads one document; a file of the wrong type or size is refused on the `file` field with
/// its rule's code (`document.size`) and never sent.
pub async fn upload_document(
    client: &CryptoPocketClient,
    customer_id: &str,
    document_type: DocumentType,
    mime: &str,
    bytes: &[u8],
) -> Result<(), CustomerError> {
    client
        .upload_document(user_id(customer_id)?, document_type, mime, bytes)
        .await?;
    tracing::info!(
        ?document_type,
        size = bytes.len(),
        "cryptopocket document uploaded"
    );
    Ok(())
}
