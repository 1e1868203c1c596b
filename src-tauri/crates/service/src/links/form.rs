//! The link form as typed, checked with core's validators and turned into what Billpocket takes.
//! The UI runs the same validators per field as the user types; this is the last word before a
//! write is queued, so nothing malformed reaches the outbox.

use chrono::{DateTime, NaiveDateTime};
use mostrador_codes::{Coded, ErrorCode};
use mostrador_core::{Centavos, FieldContext, FieldKind, FieldReport};
use mostrador_providers::billpocket::clock::TIMESTAMP_OFFSET;
use mostrador_providers::billpocket::types::naive_datetime;
use mostrador_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::validation;

/// MSI terms Billpocket merchants offer (months).
pub const INSTALLMENT_TERMS: [u8; 5] = [3, 6, 9, 12, 18];
/// The only link `type` in Billpocket's documented samples.
pub const DEFAULT_LINK_TYPE: i64 = 2;
const DESCRIPTION_MAX: usize = 250;
const GENERATED_SLUG_LEN: usize = 8;

/// What the link form sends. Field names are the form's (the provider's errors are mapped to
/// them too, see `billpocket::fields`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkForm {
    /// Empty: the app picks an 8-character slug, so the write can be found again by its slug.
    pub slug: String,
    /// Pesos as typed ("1,234.50", "$55").
    pub amount: String,
    pub description: String,
    /// Local date and time ("2026-12-24T18:00"), or empty for no expiry.
    pub expires_at: String,
    #[specta(type = specta_typescript::Number)]
    pub link_type: i64,
    /// MSI terms in months; empty for a single payment.
    pub installments: Vec<u8>,
    pub fixed_term: bool,
}

/// A checked link, as the outbox keeps it (no secret in here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ValidLink {
    pub slug: String,
    #[specta(type = specta_typescript::Number)]
    pub amount_centavos: i64,
    pub description: String,
    /// Billpocket's clock ("2026-12-24T18:00:00", Mexico City), converted from the user's.
    pub expired_at: Option<String>,
    #[specta(type = specta_typescript::Number)]
    pub link_type: i64,
    pub months: Vec<u8>,
    pub is_fixed_term: bool,
}

impl ValidLink {
    pub fn amount(&self) -> Centavos {
        Centavos::new(self.amount_centavos)
    }

    pub fn expired_at(&self) -> Option<NaiveDateTime> {
        self.expired_at
            .as_deref()
            .and_then(|text| naive_datetime::parse(text).ok())
    }
}

/// Why a form was refused: the field to highlight and a stable code.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("{field}: {code}")]
    Field {
        field: &'static str,
        code: ErrorCode,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for FormError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Field { code, .. } => *code,
            Self::Store(error) => error.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            Self::Field { field, .. } => Some(field),
            Self::Store(_) => None,
        }
    }
}

impl FormError {
    fn on(field: &'static str, code: ErrorCode) -> Self {
        Self::Field { field, code }
    }

    /// The first error of a validator's report, on `field`.
    pub(crate) fn from_report(field: &'static str, report: &FieldReport) -> Self {
        Self::on(field, validation::first_error(report))
    }
}

/// Checks a form for `merchant_id`; `editing` is the id of the link being edited, whose own
/// slug does not count as taken.
pub fn check(
    store: &Store,
    profile_id: &str,
    merchant_id: &str,
    editing: Option<&str>,
    form: &LinkForm,
) -> Result<ValidLink, FormError> {
    let context = FieldContext::default();
    let slug = match form.slug.trim() {
        "" => generate_slug(store, profile_id, merchant_id)?,
        typed => {
            let report = validation::validate_field(FieldKind::UrlPath, typed, context.clone());
            let slug = report
                .value
                .clone()
                .ok_or_else(|| FormError::from_report("slug", &report))?;
            if store.slug_taken(profile_id, merchant_id, &slug, editing)? {
                return Err(FormError::on("slug", ErrorCode::UrlPathTaken));
            }
            slug
        }
    };
    let report = validation::validate_field(FieldKind::LinkAmount, &form.amount, context.clone());
    let amount = report
        .value
        .as_deref()
        .and_then(|value| Centavos::parse(value).ok())
        .ok_or_else(|| FormError::from_report("amount", &report))?;
    let description = form.description.trim().to_owned();
    if description.chars().count() > DESCRIPTION_MAX {
        return Err(FormError::on(
            "description",
            ErrorCode::LinkDescriptionLength,
        ));
    }
    let expired_at = match form.expires_at.trim() {
        "" => None,
        typed => {
            let report = validation::validate_field(FieldKind::ExpiryDate, typed, context);
            let local = report
                .value
                .as_deref()
                .and_then(|value| naive_datetime::parse(value).ok())
                .ok_or_else(|| FormError::from_report("expiresAt", &report))?;
            let provider = validation::local_to_unix(local)
                .and_then(|unix| DateTime::from_timestamp(unix, 0))
                .map(|at| at.with_timezone(&TIMESTAMP_OFFSET).naive_local())
                .ok_or_else(|| FormError::on("expiresAt", ErrorCode::ExpiryFormat))?;
            Some(naive_datetime::format(&provider))
        }
    };
    let mut months = form.installments.clone();
    months.sort_unstable();
    months.dedup();
    if months.iter().any(|m| !INSTALLMENT_TERMS.contains(m)) {
        return Err(FormError::on("installments", ErrorCode::LinkInstallments));
    }
    if form.link_type <= 0 {
        return Err(FormError::on("linkType", ErrorCode::LinkType));
    }
    Ok(ValidLink {
        slug,
        amount_centavos: amount.get(),
        description,
        expired_at,
        link_type: form.link_type,
        months,
        is_fixed_term: form.fixed_term,
    })
}

/// A free 8-character slug like the ones Billpocket generates (lowercase letters and digits).
fn generate_slug(store: &Store, profile_id: &str, merchant_id: &str) -> Result<String, FormError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    loop {
        let bytes = uuid::Uuid::new_v4().into_bytes();
        let slug: String = bytes[..GENERATED_SLUG_LEN]
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
            .collect();
        if !store.slug_taken(profile_id, merchant_id, &slug, None)? {
            return Ok(slug);
        }
    }
}
