//! The credential slots a profile shows: which provider keys are set, never their values.
//! Per-merchant and per-customer tokens arrive through onboarding, not through these slots.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_vault::{CredentialKind, Secret, SecretStatus, Vault, VaultError};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The profile-level credentials a person types in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum CredentialSlot {
    BillpocketApiKey,
    BillpocketXApiKey,
    CryptopocketApiKey,
    CryptopocketApiSecret,
    UndostresEcommerceToken,
}

impl CredentialSlot {
    pub const ALL: [CredentialSlot; 5] = [
        Self::BillpocketApiKey,
        Self::BillpocketXApiKey,
        Self::CryptopocketApiKey,
        Self::CryptopocketApiSecret,
        Self::UndostresEcommerceToken,
    ];

    fn kind(self) -> CredentialKind {
        match self {
            Self::BillpocketApiKey => CredentialKind::BillpocketApiKey,
            Self::BillpocketXApiKey => CredentialKind::BillpocketXApiKey,
            Self::CryptopocketApiKey => CredentialKind::CryptopocketApiKey,
            Self::CryptopocketApiSecret => CredentialKind::CryptopocketApiSecret,
            Self::UndostresEcommerceToken => CredentialKind::UndostresEcommerceToken,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SlotStatus {
    pub slot: CredentialSlot,
    pub status: SecretStatus,
}

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("a credential cannot be empty")]
    Empty,
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl Coded for CredentialError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Empty => ErrorCode::CredentialEmpty,
            Self::Vault(error) => error.code(),
        }
    }
}

pub fn slot_statuses(vault: &Vault, profile_id: &str) -> Result<Vec<SlotStatus>, VaultError> {
    CredentialSlot::ALL
        .into_iter()
        .map(|slot| {
            Ok(SlotStatus {
                slot,
                status: vault.status(profile_id, &slot.kind())?,
            })
        })
        .collect()
}

/// Sets or replaces one credential. Surrounding blanks (a common paste accident) are removed.
pub fn set_credential(
    vault: &Vault,
    profile_id: &str,
    slot: CredentialSlot,
    value: &str,
) -> Result<(), CredentialError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(CredentialError::Empty);
    }
    vault.put(profile_id, &slot.kind(), &Secret::new(value))?;
    Ok(())
}

pub fn clear_credential(
    vault: &Vault,
    profile_id: &str,
    slot: CredentialSlot,
) -> Result<(), VaultError> {
    vault.delete(profile_id, &slot.kind())
}

#[cfg(test)]
mod tests {
    use mostrador_codes::Coded;
    use std::sync::Arc;

    use mostrador_vault::MemoryStore;

    use super::*;

    #[test]
    fn slots_go_from_not_set_to_set_and_back_without_revealing_values() {
        let vault = Vault::new(Arc::new(MemoryStore::default()));
        let statuses = slot_statuses(&vault, "p1").unwrap();
        assert!(statuses.iter().all(|s| s.status == SecretStatus::NotSet));

        set_credential(
            &vault,
            "p1",
            CredentialSlot::CryptopocketApiSecret,
            "  s3cr3t \n",
        )
        .unwrap();
        let statuses = slot_statuses(&vault, "p1").unwrap();
        let set: Vec<_> = statuses
            .iter()
            .filter(|s| s.status == SecretStatus::Set)
            .map(|s| s.slot)
            .collect();
        assert_eq!(set, vec![CredentialSlot::CryptopocketApiSecret]);
        let json = serde_json::to_string(&statuses).unwrap();
        assert!(!json.contains("s3cr3t"));
        assert_eq!(
            vault
                .get("p1", &CredentialKind::CryptopocketApiSecret)
                .unwrap()
                .expose(),
            "s3cr3t"
        );

        clear_credential(&vault, "p1", CredentialSlot::CryptopocketApiSecret).unwrap();
        assert!(
            slot_statuses(&vault, "p1")
                .unwrap()
                .iter()
                .all(|s| s.status == SecretStatus::NotSet)
        );
    }

    #[test]
    fn an_empty_value_is_refused() {
        let vault = Vault::new(Arc::new(MemoryStore::default()));
        let error =
            set_credential(&vault, "p1", CredentialSlot::BillpocketApiKey, "   ").unwrap_err();
        assert_eq!(error.code(), "credential.empty");
    }
}
