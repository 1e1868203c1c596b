//! Secrets handed to the clients per call (from the vault). The type has no `Serialize` and no
//! `Display`, and its `Debug` prints `[redacted]`, so a credential cannot reach a log line, an error
//! or an export by accident; the only way out is the explicit [`Credential::expose`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serializer};

/// An API key, user token or password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential(String);

impl Credential {
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret itself: only for building a request header or body.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// For `#[serde(serialize_with = ...)]` on a wire field that must carry the secret (a request
    /// body's password, the sandbox's response token): opting in field by field keeps the type
    /// itself unserialisable.
    pub fn serialize_exposed<S: Serializer>(
        secret: &Self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&secret.0)
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

// Responses carry secrets (a new merchant's `userToken`): reading them into this type keeps them
// redacted from then on.
impl<'de> Deserialize<'de> for Credential {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let secret = Credential::new("sandbox-bp-api-key-0001");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
        assert_eq!(secret.expose(), "sandbox-bp-api-key-0001");
    }
}
