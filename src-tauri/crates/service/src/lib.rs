//! Use cases behind the Tauri commands. Each command in the app crate is a one-line adapter over a
//! function here, so behaviour is tested without WebKit.

pub mod billpocket_access;
mod blocking;
pub mod catalogues;
pub mod credentials;
pub mod customers;
pub mod drafts;
pub mod links;
pub mod merchants;
pub mod preferences;
pub mod profiles;
pub mod sandbox_host;
pub mod sync;
pub mod validation;
