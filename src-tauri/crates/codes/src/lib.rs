//! The closed list of every code Mostrador's backend can return, and the trait that gives an
//! error its code.
//!
//! [`ErrorCode`] is one enum: core's validator codes ([`Code`], translated in `validation.json`)
//! and every other error's (ours and each provider's, translated in `errors.json`). It crosses
//! IPC as its dotted string and the TypeScript bindings see it as a string union. To add a code,
//! add one line to the list in `list.rs` and its message in both languages; the test
//! `tests/messages.rs` fails until both catalogues have it.

mod coded;
mod declare;
mod list;

pub use coded::{Coded, Provider};
pub use list::{Code, ErrorCode, Severity};
