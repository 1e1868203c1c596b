//! The CryptoPocket double: integrations and their tokens, person and company customers, KYC/KYB
//! status, enhanced verification links and documents. It serves the providers crate's endpoint
//! table (`mostrador_providers::cryptopocket::endpoints`) on its own loopback port, behind the
//! shared fault layer, with its state in `cryptopocket-sandbox.json`.
//!
//! Seeded credentials: api key `sandbox-cp-api-key-0001`, secret `sandbox-cp-api-secret-0001`
//! (`POST /authenticate` gives a token for the `auth` header, valid one hour). The second
//! integration (`…-0002`) owns two customers, for `user_not_in_integration`.
//!
//! # KYC lifecycle rule
//!
//! A customer starts `unused`. Its **first** `GET /kyc/check` counts as the customer opening the
//! form: it answers `processing`. The case settles **2 minutes** after that, seen at the next
//! check: `fail` when the e-mail contains `+fail`, never when it contains `+pending` (it stays
//! `processing`), otherwise `valid`. `valid` and `fail` are final. Companies (KYB) follow the
//! same rule; their `kyb_link` expires 90 days after creation.
//!
//! # Admin routes (never faulted)
//!
//! - `POST /__sandbox/cryptopocket/customers/{id}/kyc` `{"kyc_status":"valid"}`: sets a status.
//! - `POST /__sandbox/cryptopocket/tokens/expire`: every issued token stops working (the client
//!   must authenticate again).
//! - `POST /__sandbox/cryptopocket/tokens/allowlisted` `{"allowlisted":false}`: tokens are still
//!   issued but every call is refused with `authorization_incorrect`, as for a caller CryptoPocket
//!   has not allow-listed.
//! - Shared with every double: `/__sandbox/faults`, `/__sandbox/requests`, `/__sandbox/reset`.

mod routes;
pub mod seed;
pub mod state;
mod validate;

use std::sync::Arc;

use axum::Router;

use crate::double::{Double, DoubleState, Sandbox};
use state::CryptoPocketState;

pub use validate::DISPOSABLE_DOMAINS;

/// A running CryptoPocket double on a loopback port.
pub type CryptoPocketSandbox = Sandbox<CryptoPocketState>;

impl DoubleState for CryptoPocketState {
    const PROVIDER: &'static str = "cryptopocket";
    const STATE_FILE: &'static str = "cryptopocket-sandbox.json";

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
