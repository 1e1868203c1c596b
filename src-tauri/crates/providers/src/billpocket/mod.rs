//! Billpocket (Kushki México): merchant registration and payment links.

pub mod client;
pub mod clock;
pub mod endpoints;
mod errors;
pub mod fields;
pub mod rules;
pub mod types;

pub use client::{BillpocketClient, BillpocketCredentials};
