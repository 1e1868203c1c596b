//! Typed HTTP clients for the providers Mostrador talks to. GUI-free: credentials come in per call
//! (from the vault) and base URLs from the profile.

pub mod billpocket;
pub mod credential;
pub mod cryptopocket;
pub mod error;
mod fields;
pub mod form_data;
pub mod http;
pub mod rules;
pub mod undostres;
mod wire;

pub use credential::Credential;
pub use error::{FailureKind, FieldError, ProviderError, Verdict};
pub use http::{Endpoint, HttpConfig, HttpMethod};
