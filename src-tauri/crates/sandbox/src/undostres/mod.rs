//! The UnDosTres double: the e-commerce's customer accounts (persons and businesses), their
//! wallets, composite balance parents and tokens. It serves the providers crate's endpoint
//! table (`mostrador_providers::undostres::endpoints`) on its own loopback port, behind the
//! shared fault layer, with its state in `undostres-sandbox.json`.
//!
//! Seeded credential: e-commerce token `sandbox-udt-ecommerce-token-0001` in the
//! `Authorization-ecommerce` header. Fifteen accounts (persons and businesses, levels 1–3, one
//! suspended) start at id 1001.
//!
//! # Account rules
//!
//! A new account starts at the `kyc_level` it was created with (1 in every known integration)
//! and `account_status` 1 ("Active"); its composite parent holds the credit line in cents, all
//! of it available. Creation is all or nothing: a refused form leaves no account, wallet, parent
//! or id behind. The customer's OAuth token lasts one hour and its refresh token 90 days
//! (both assumed); a refresh works only from the device the account was created on (8000
//! otherwise), and once the OAuth token has expired it needs `extra_login_data` (8005).
//!
//! Under the `ignoreChanges` fault an account creation is answered as made (secrets included)
//! and nothing is kept: a read of the answered id finds no account.
//!
//! # Admin routes (never faulted)
//!
//! - `POST /__sandbox/undostres/accounts/{id}` `{"account_level": 2, "account_status": 2}`:
//!   raises or lowers an account's level (1–3) and sets its status (1 Active, 2 Suspended),
//!   standing in for UnDosTres' undocumented upgrade path. 204, 404 (no such account) or 422.
//! - Shared with every double: `/__sandbox/faults`, `/__sandbox/requests`, `/__sandbox/reset`.

mod routes;
pub mod seed;
pub mod state;

use std::sync::Arc;

use axum::Router;

use crate::double::{Double, DoubleState, Sandbox};
use state::UnDosTresState;

/// A running UnDosTres double on a loopback port.
pub type UnDosTresSandbox = Sandbox<UnDosTresState>;

impl DoubleState for UnDosTresState {
    const PROVIDER: &'static str = "undostres";
    const STATE_FILE: &'static str = "undostres-sandbox.json";

    fn seeded() -> Self {
        seed::seeded()
    }

    fn routes(double: Arc<Double<Self>>) -> Router {
        routes::router(double)
    }

    fn admin_routes(double: Arc<Double<Self>>) -> Router {
        routes::admin(double)
    }
}
