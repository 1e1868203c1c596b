//! What a validation says: stable codes, their severity and parameters, and the per-field report.
//!
//! The codes themselves are declared in `mostrador-codes` with every other code the backend can
//! return; the UI translates them (i18next keys in `ui/src/i18n/locales/*/validation.json`),
//! never sentences.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use mostrador_codes::{Code, Severity};

/// The fields the app validates; also names the offending field in an [`Issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    Curp,
    Rfc,
    Clabe,
    PostalCode,
    /// A Mexican 10-digit national number (Billpocket `telefono`, UnDosTres `mobile`).
    PhoneMx,
    /// An international E.164 number (CryptoPocket `phone`).
    PhoneInternational,
    Email,
    PersonName,
    /// The Billpocket link slug (`url_path`, the link's `secondary_link`).
    UrlPath,
    /// A payment-link amount in pesos as the user typed it.
    LinkAmount,
    /// An UnDosTres composite credit line in pesos as the user typed it.
    CreditLine,
    /// A link expiry, local time.
    ExpiryDate,
    /// A CryptoPocket `identification_type` (API value) for the context's country.
    IdentificationType,
    /// A CryptoPocket `identification_number` for the context's country and type.
    IdentificationNumber,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub code: Code,
    pub severity: Severity,
    pub field: FieldKind,
    /// Interpolation values for the message, keyed by the names in [`Code::params`].
    pub params: BTreeMap<String, String>,
}

impl Issue {
    /// Builds an issue; in debug builds asserts the parameters are exactly the code's.
    pub fn new(code: Code, field: FieldKind, params: &[(&str, String)]) -> Self {
        debug_assert!(
            params.len() == code.params().len()
                && params.iter().all(|(name, _)| code.params().contains(name)),
            "{} takes {:?}",
            code.as_str(),
            code.params()
        );
        Issue {
            code,
            severity: code.severity(),
            field,
            params: params
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone()))
                .collect(),
        }
    }
}

/// Facts derived from a valid value that the UI shows next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FieldDetail {
    /// The bank a CLABE belongs to, from Banxico's institution catalogue.
    Bank { code: String, name: String },
}

/// The outcome of validating one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldReport {
    pub field: FieldKind,
    /// The normalised value to store, send and show; `None` when any error was found.
    pub value: Option<String>,
    /// Errors and warnings, in the order they were found.
    pub issues: Vec<Issue>,
    pub detail: Option<FieldDetail>,
}

impl FieldReport {
    pub(crate) fn new(field: FieldKind) -> Self {
        FieldReport {
            field,
            value: None,
            issues: Vec::new(),
            detail: None,
        }
    }

    /// True when nothing blocks the value (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// The codes found, in order; handy for callers and tests.
    pub fn codes(&self) -> Vec<Code> {
        self.issues.iter().map(|i| i.code).collect()
    }

    pub(crate) fn push(&mut self, code: Code, params: &[(&str, String)]) {
        self.issues.push(Issue::new(code, self.field, params));
    }

    /// Adds an issue and returns the report, for early exits.
    pub(crate) fn with(mut self, code: Code, params: &[(&str, String)]) -> Self {
        self.push(code, params);
        self
    }

    /// The same findings attributed to another field (a CURP typed as an identification number).
    pub(crate) fn reported_as(mut self, field: FieldKind) -> Self {
        self.field = field;
        for issue in &mut self.issues {
            issue.field = field;
        }
        self
    }

    /// Sets the normalised value unless an error was found.
    pub(crate) fn accept(mut self, value: String) -> Self {
        if self.is_valid() {
            self.value = Some(value);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "curp.length takes")]
    #[cfg(debug_assertions)]
    fn issues_must_carry_their_codes_parameters() {
        let _ = Issue::new(Code::CurpLength, FieldKind::Curp, &[]);
    }
}
