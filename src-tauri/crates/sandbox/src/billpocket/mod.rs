//! The Billpocket double: merchants, payment links, link configuration, CLABE and catalogues.

pub mod catalogues;
mod routes;
pub mod seed;
pub mod state;
mod validate;

use std::sync::Arc;

use axum::Router;
use chrono::NaiveDateTime;

use crate::double::{Double, DoubleState, Sandbox};
use state::BillpocketState;

/// A running Billpocket double on a loopback port; state in `billpocket-sandbox.json`.
pub type BillpocketSandbox = Sandbox<BillpocketState>;

impl DoubleState for BillpocketState {
    const PROVIDER: &'static str = "billpocket";
    const STATE_FILE: &'static str = "billpocket-sandbox.json";

    fn seeded() -> Self {
        seed::seeded()
    }

    fn routes(double: Arc<Double<Self>>) -> Router {
        routes::router(double)
    }
}

/// The double's clock: Billpocket's, from the providers crate (one assumption, one place).
fn now() -> NaiveDateTime {
    mostrador_providers::billpocket::clock::now()
}
