//! Collecting field problems for a provider request: core's validators give the codes, the
//! provider's rules modules decide which rule applies to which field. Shared by the app (before
//! anything is queued) and the sandbox doubles (as the provider).

use std::collections::BTreeMap;

use mostrador_codes::ErrorCode;
use mostrador_core::report::{FieldKind, FieldReport};
use mostrador_core::validate::{FieldContext, validate_field};

/// Provider field → codes.
pub type FieldProblems = BTreeMap<String, Vec<String>>;

#[derive(Default)]
pub struct Problems(FieldProblems);

impl Problems {
    pub fn add(&mut self, field: &str, code: impl Into<ErrorCode>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(code.into().as_str().to_owned());
    }

    /// Records core's blocking codes for `field`; returns the normalised value when valid.
    pub fn check(
        &mut self,
        field: &str,
        kind: FieldKind,
        value: &str,
        ctx: &FieldContext,
    ) -> Option<String> {
        let report = validate_field(kind, value, ctx);
        self.record(field, &report);
        report.value
    }

    pub fn record(&mut self, field: &str, report: &FieldReport) {
        for issue in report.errors() {
            self.add(field, issue.code);
        }
    }

    pub fn required(&mut self, field: &str, value: &str) -> bool {
        let present = !value.trim().is_empty();
        if !present {
            self.add(field, ErrorCode::FieldRequired);
        }
        present
    }

    pub fn finish<T>(self, value: T) -> Result<T, FieldProblems> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}
