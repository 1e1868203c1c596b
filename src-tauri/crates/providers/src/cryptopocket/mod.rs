//! CryptoPocket: customer registration (persons and companies) and KYC/KYB tracking.

pub mod client;
pub mod endpoints;
pub mod errors;
pub mod fields;
pub mod rules;
pub mod types;

pub use client::{CryptoPocketClient, CryptoPocketCredentials};
pub use errors::{CryptoPocketError, Refusal};
