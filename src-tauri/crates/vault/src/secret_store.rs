//! The storage interface under the vault: named secrets, nothing else.

use crate::error::Result;
use crate::secret::Secret;

/// A place that keeps secrets by account name. Implementations must persist securely or
/// fail; none may fall back to somewhere weaker.
pub trait SecretStore: Send + Sync {
    /// Stores or replaces.
    fn set(&self, account: &str, secret: &Secret) -> Result<()>;
    fn get(&self, account: &str) -> Result<Option<Secret>>;
    /// Removing an absent entry is not an error.
    fn delete(&self, account: &str) -> Result<()>;
}
