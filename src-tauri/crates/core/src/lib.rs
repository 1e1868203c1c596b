//! Mostrador's GUI-free core: money as integer centavos and every validation rule, once.
//!
//! No IO, no async, no Tauri. The app's `validate` commands call [`validate_field`] and
//! [`validate_cross`]; the sandbox calls the same functions to reject what a provider would.
//! Issues carry stable [`Code`]s that the UI translates.

pub mod amount;
mod check;
pub mod contact;
pub mod dates;
pub mod identity;
pub mod link;
pub mod money;
pub mod mx;
#[cfg(test)]
mod proptests;
pub mod report;
pub mod validate;

pub use identity::{Country, IdType};
pub use money::{BillpocketAmount, Centavos, MoneyParseError};
pub use mx::PersonType;
pub use mx::state::MxState;
pub use report::{Code, FieldDetail, FieldKind, FieldReport, Issue, Severity};
pub use validate::{CrossCheck, FieldContext, validate_cross, validate_field};
