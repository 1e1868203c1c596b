//! UnDosTres CaaS: customer accounts (persons and businesses) with a KYC level and a composite
//! balance parent holding the customer's credit line, and the customer token refresh.

pub mod client;
pub mod endpoints;
pub mod errors;
pub mod fields;
pub mod rules;
pub mod types;

pub use client::UnDosTresClient;
pub use errors::{Refusal, UnDosTresError};
pub use types::{CustomerSecret, CustomerSecrets};
