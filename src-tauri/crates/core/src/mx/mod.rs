//! Mexican identifiers and contact data: CURP, RFC, CLABE, postal codes, phone numbers.

pub mod banks;
pub mod clabe;
pub mod curp;
mod date;
pub mod name_key;
pub mod phone;
pub mod postal;
pub mod rfc;
pub mod rfc_curp;
pub mod state;

use serde::{Deserialize, Serialize};

/// Persona física (an individual, 13-character RFC) or moral (a company, 12 characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PersonType {
    Fisica,
    Moral,
}
