//! One way for any error to say which code it is, and which provider a provider code belongs to.

use crate::ErrorCode;

/// What the command error needs from any error: its code, the form field it belongs to and the
/// values its message interpolates (named as in the code's [`ErrorCode::params`]).
pub trait Coded {
    fn code(&self) -> ErrorCode;

    fn field(&self) -> Option<&str> {
        None
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// The providers whose codes are prefixed with their name (`billpocket.timeout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    Billpocket,
    CryptoPocket,
    Undostres,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Self::Billpocket, Self::CryptoPocket, Self::Undostres];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Billpocket => "billpocket",
            Self::CryptoPocket => "cryptopocket",
            Self::Undostres => "undostres",
        }
    }
}

impl ErrorCode {
    /// The code `<provider>.<suffix>`, the one place a provider's codes are named. A suffix the
    /// list lacks answers `unknown`; each provider's tests check that all its suffixes are listed.
    pub fn of_provider(provider: Provider, suffix: &str) -> Self {
        Self::parse(&format!("{}.{suffix}", provider.as_str())).unwrap_or(Self::Unknown)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets a test or a stored text be compared with a code directly.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
