//! Typed HTTP clients for the providers Mostrador talks to. GUI-free: credentials come in per call
//! (from the vault) and base URLs from the profile.

pub mod billpocket;
pub mod credential;
pub mod cryptopocket;
pub mod error;
mod fields;
pub mod http;
pub mod rules;
mod wire;

pub use credential::Credential;
pub use error::{FailureKind, FieldError, ProviderError};
pub use http::{Endpoint, HttpConfig, HttpMethod};
