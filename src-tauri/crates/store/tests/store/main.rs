//! Store tests on real database files in temporary directories (one test binary).

// Helpers shared by tests unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod crash;
mod customers;
mod merchant_links;
mod migrations;
mod outbox;
mod records;
mod search;
mod undostres;
