//! Typed vault errors; `code()` is the stable string the UI translates. No variant carries a
//! secret value.

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

impl VaultError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unavailable { .. } => "vault.unavailable",
            Self::NotSet(_) => "vault.not_set",
            Self::InvalidName(_) => "vault.invalid_name",
            Self::Backend(_) => "vault.backend",
        }
    }

    /// How the user can fix it, when there is something to do.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Self::Unavailable { hint, .. } => Some(hint),
            _ => None,
        }
    }
}
