//! Tauri commands: one-line adapters over the service crate, one file per area. Every command is
//! listed in `names.rs` (the ACL manifest) and registered in `crate::bindings::builder`.

pub mod app;
pub mod customers;
pub mod links;
pub mod merchants;
#[cfg(test)]
pub mod names;
pub mod preferences;
pub mod profiles;
pub mod sandbox;
pub mod share;
pub mod validation;
