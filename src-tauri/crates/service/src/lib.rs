//! Use cases behind the Tauri commands. `app::App` is the app's state, opened once; each command
//! in the app crate adapts one of its methods, so behaviour is tested without WebKit.

pub mod app;
pub mod billpocket_access;
pub mod blocking;
pub mod catalogues;
pub mod credentials;
pub mod customers;
pub mod drafts;
pub mod events;
pub mod links;
pub mod merchants;
pub mod outbox;
pub mod preferences;
pub mod profiles;
pub mod sandbox_host;
pub mod sync;
pub mod undostres;
pub mod validation;
