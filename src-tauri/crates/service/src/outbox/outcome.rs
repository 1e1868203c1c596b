//! The one rule that sorts a failed write by what the failure proves about delivery: each
//! provider's error type states it (`ProviderError::verdict`), the engine only reads it.

use mostrador_providers::cryptopocket::CryptoPocketError;
use mostrador_providers::cryptopocket::errors::UNKNOWN_ERROR;
use mostrador_providers::{ProviderError, Verdict};

/// A failure the engine can sort: what it proves, and its stable code within its provider.
pub trait WriteFailure: std::error::Error {
    fn verdict(&self) -> Verdict;
    /// The code without the provider's prefix (`timeout`).
    fn code(&self) -> &'static str;
}

impl WriteFailure for ProviderError {
    fn verdict(&self) -> Verdict {
        ProviderError::verdict(self)
    }

    fn code(&self) -> &'static str {
        self.kind().as_str()
    }
}

impl WriteFailure for CryptoPocketError {
    fn verdict(&self) -> Verdict {
        CryptoPocketError::verdict(self)
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Refused(refusal) => refusal.as_str(),
            Self::Unknown { .. } => UNKNOWN_ERROR,
            Self::Provider(error) => error.kind().as_str(),
        }
    }
}
