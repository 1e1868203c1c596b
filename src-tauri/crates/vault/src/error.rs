//! Typed vault errors, each with its stable code (see [`Coded`]). No variant carries a secret
//! value.

use mostrador_codes::{Coded, ErrorCode};

pub type Result<T, E = VaultError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// No usable OS keyring; nothing is stored anywhere else.
    #[error("the OS keyring is not available ({detail}). {hint}")]
    Unavailable { detail: String, hint: &'static str },
    #[error("no secret is set for {0}")]
    NotSet(String),
    #[error("invalid credential name: {0}")]
    InvalidName(&'static str),
    #[error("keyring error: {0}")]
    Backend(&'static str),
}

impl Coded for VaultError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Unavailable { .. } => ErrorCode::VaultUnavailable,
            Self::NotSet(_) => ErrorCode::VaultNotSet,
            Self::InvalidName(_) => ErrorCode::VaultInvalidName,
            Self::Backend(_) => ErrorCode::VaultBackend,
        }
    }
}

impl VaultError {
    /// How the user can fix it, when there is something to do.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Self::Unavailable { hint, .. } => Some(hint),
            _ => None,
        }
    }
}
