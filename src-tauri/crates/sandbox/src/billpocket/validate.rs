//! Field rules the double enforces, all delegated to `mostrador-core` (the one implementation of
//! CURP, RFC, CLABE, postal code, phone, e-mail, amount, slug and expiry rules). This module only
//! decides which rule applies to which Billpocket field and collects core's codes per field; the
//! registration rules are shared with the app (`providers::billpocket::rules`).

use chrono::NaiveDateTime;
use mostrador_codes::ErrorCode;
use mostrador_core::mx::banks::bank_name;
use mostrador_core::report::FieldKind;
use mostrador_core::validate::{FieldContext, validate_field};
use mostrador_providers::billpocket::rules::{self, CatalogueRef, Problems};
use mostrador_providers::billpocket::types::{
    ClabeAccount, CreateUserRequest, LINK_ACTIVE, LINK_INACTIVE, LinkRequest, LinkUpdate,
    RateRequest, naive_datetime,
};

use super::catalogues;
use super::state::Rejection;

/// Checks a new merchant against the double's own catalogues.
pub fn user(user: CreateUserRequest) -> Result<CreateUserRequest, Rejection> {
    rules::check_user(user, &SeedCatalogues).map_err(Rejection::Invalid)
}

/// The catalogues the double serves.
struct SeedCatalogues;

impl rules::Catalogues for SeedCatalogues {
    fn knows(&self, catalogue: CatalogueRef<'_>, id: &str) -> Option<bool> {
        let list = match catalogue {
            CatalogueRef::Municipalities { state } => catalogues::municipalities(state)?,
            CatalogueRef::CommercialActivities => catalogues::commercial_activities(),
            CatalogueRef::CompanyTypes => catalogues::company_types(),
        };
        Some(catalogues::contains(&list, id))
    }
}

/// Checks a new link at `now` (the sandbox clock; expiry must lie ahead).
pub fn link(link: LinkRequest, now: NaiveDateTime) -> Result<LinkRequest, Rejection> {
    let mut p = Problems::default();
    if let Some(path) = &link.url_path {
        p.check(
            "url_path",
            FieldKind::UrlPath,
            path,
            &FieldContext::default(),
        );
    }
    p.check(
        "amount",
        FieldKind::LinkAmount,
        &link.amount.0.to_decimal_string(),
        &FieldContext::default(),
    );
    if let Some(expiry) = &link.expired_at {
        check_expiry(&mut p, expiry, now);
    }
    check_rates(&mut p, &link.rates);
    p.finish(link).map_err(Rejection::Invalid)
}

/// Checks the fields an update carries.
pub fn link_update(update: LinkUpdate, now: NaiveDateTime) -> Result<LinkUpdate, Rejection> {
    let mut p = Problems::default();
    if let Some(path) = &update.url_path {
        p.check(
            "url_path",
            FieldKind::UrlPath,
            path,
            &FieldContext::default(),
        );
    }
    if let Some(amount) = &update.amount {
        p.check(
            "amount",
            FieldKind::LinkAmount,
            &amount.0.to_decimal_string(),
            &FieldContext::default(),
        );
    }
    if let Some(expiry) = &update.expired_at {
        check_expiry(&mut p, expiry, now);
    }
    if let Some(rates) = &update.rates {
        check_rates(&mut p, rates);
    }
    if update
        .status
        .is_some_and(|s| s != LINK_ACTIVE && s != LINK_INACTIVE)
    {
        p.add("status", ErrorCode::StatusUnknown);
    }
    p.finish(update).map_err(Rejection::Invalid)
}

/// The merchant's `main_link` follows the same slug rules as a link's `url_path`.
pub fn main_link(slug: &str) -> Result<String, Rejection> {
    let mut p = Problems::default();
    let value = p.check(
        "main_link",
        FieldKind::UrlPath,
        slug,
        &FieldContext::default(),
    );
    p.finish(value.unwrap_or_default())
        .map_err(Rejection::Invalid)
}

/// A valid CLABE with the name of its bank.
pub fn clabe(clabe: &str) -> Result<ClabeAccount, Rejection> {
    let mut p = Problems::default();
    let report = validate_field(FieldKind::Clabe, clabe, &FieldContext::default());
    p.record("clabe", &report);
    let value = report.value.unwrap_or_default();
    let bank = value
        .get(..3)
        .and_then(bank_name)
        .unwrap_or("Banco desconocido")
        .to_owned();
    p.finish(ClabeAccount { clabe: value, bank })
        .map_err(Rejection::Invalid)
}

fn check_expiry(p: &mut Problems, expiry: &NaiveDateTime, now: NaiveDateTime) {
    let ctx = FieldContext {
        now: Some(now),
        ..FieldContext::default()
    };
    p.check(
        "expired_at",
        FieldKind::ExpiryDate,
        &naive_datetime::format(expiry),
        &ctx,
    );
}

/// `months` must be a positive whole number (sent as text); only MSI is known.
fn check_rates(p: &mut Problems, rates: &[RateRequest]) {
    for (i, rate) in rates.iter().enumerate() {
        if !rate.months.trim().parse::<u32>().is_ok_and(|m| m > 0) {
            p.add(&format!("rates.{i}.months"), ErrorCode::RatesMonths);
        }
        if rate.rate_type != "MSI" {
            p.add(&format!("rates.{i}.type"), ErrorCode::RatesType);
        }
    }
}
