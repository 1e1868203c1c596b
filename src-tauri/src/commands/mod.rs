//! Tauri commands: adapters of a line or two over the service's `App`, one file per area. Every
//! command is listed once, in `list.rs`, which both `build.rs` (the ACL manifest) and
//! `crate::bindings` (tauri-specta) include.

pub mod app;
pub mod customers;
pub mod links;
pub mod merchants;
pub mod preferences;
pub mod profiles;
pub mod sandbox;
pub mod share;
pub mod undostres;
pub mod validation;
