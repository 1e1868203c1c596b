//! Field rules the double enforces, all delegated to `mostrador-core` (the one implementation of
//! CURP, RFC, CLABE, postal code, phone, e-mail, amount, slug and expiry rules). This module only
//! decides which rule applies to which Billpocket field and collects core's codes per field.

use mostrador_core::mx::PersonType;
use mostrador_core::mx::banks::bank_name;
use mostrador_core::mx::state::MxState;
use mostrador_core::report::{FieldKind, FieldReport, Severity};
use mostrador_core::validate::{CrossCheck, FieldContext, validate_cross, validate_field};
use mostrador_providers::billpocket::types::{
    ClabeAccount, CreateUserRequest, LinkRequest, LinkUpdate, PERSONA_FISICA, PERSONA_MORAL,
    RateRequest, naive_datetime,
};
use mostrador_providers::billpocket::types::{LINK_ACTIVE, LINK_INACTIVE};
use time::PrimitiveDateTime;

use super::catalogues;
use super::state::{FieldProblems, Rejection};

const REQUIRED: &str = "field.required";
const UNKNOWN: &str = "catalogue.unknown";

#[derive(Default)]
struct Problems(FieldProblems);

impl Problems {
    fn add(&mut self, field: &str, code: &str) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(code.to_owned());
    }

    /// Records core's blocking codes for `field`; returns the normalised value when valid.
    fn check(
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

    fn record(&mut self, field: &str, report: &FieldReport) {
        for issue in report.errors() {
            self.add(field, issue.code.as_str());
        }
    }

    fn required(&mut self, field: &str, value: &str) -> bool {
        let present = !value.trim().is_empty();
        if !present {
            self.add(field, REQUIRED);
        }
        present
    }

    fn finish<T>(self, value: T) -> Result<T, Rejection> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Rejection::Invalid(self.0))
        }
    }
}

/// Checks a new merchant and returns it with normalised identifiers.
pub fn user(mut user: CreateUserRequest) -> Result<CreateUserRequest, Rejection> {
    let mut p = Problems::default();
    let person_type = match user.tipo_persona.as_str() {
        PERSONA_FISICA => Some(PersonType::Fisica),
        PERSONA_MORAL => Some(PersonType::Moral),
        _ => {
            p.add("tipo_persona", UNKNOWN);
            None
        }
    };
    let state: Option<MxState> =
        serde_json::from_value(serde_json::Value::from(user.estado.as_str())).ok();
    if state.is_none() {
        p.add("estado", UNKNOWN);
    }
    let ctx = FieldContext {
        state,
        person_type,
        ..FieldContext::default()
    };

    if let Some(email) = p.check("email", FieldKind::Email, &user.email, &ctx) {
        user.email = email;
    }
    p.required("password", user.password.expose());
    if let Some(phone) = p.check("telefono", FieldKind::PhoneMx, &user.telefono, &ctx) {
        user.telefono = phone;
    }
    for (field, name) in [
        ("nombre", &user.nombre),
        ("apellido_paterno", &user.apellido_paterno),
    ] {
        p.check(field, FieldKind::PersonName, name, &ctx);
    }
    if !user.apellido_materno.trim().is_empty() {
        p.check(
            "apellido_materno",
            FieldKind::PersonName,
            &user.apellido_materno,
            &ctx,
        );
    }
    if let Some(rfc) = p.check("rfc", FieldKind::Rfc, &user.rfc, &ctx) {
        user.rfc = rfc;
    }
    if let Some(cp) = p.check(
        "codigo_postal",
        FieldKind::PostalCode,
        &user.codigo_postal,
        &ctx,
    ) {
        user.codigo_postal = cp;
    }
    if let Some(state) = state
        && !catalogues::municipalities(state.inegi_id())
            .is_some_and(|m| catalogues::contains(&m, &user.municipio))
    {
        p.add("municipio", UNKNOWN);
    }
    if !catalogues::contains(
        &catalogues::commercial_activities(),
        &user.actividad_comercial,
    ) {
        p.add("actividad_comercial", UNKNOWN);
    }
    for (field, value) in [
        ("calle", &user.calle),
        ("exterior", &user.exterior),
        ("colonia", &user.colonia),
    ] {
        p.required(field, value);
    }
    match person_type {
        Some(PersonType::Fisica) => {
            if let Some(curp) = p.check("curp", FieldKind::Curp, &user.curp, &ctx) {
                user.curp = curp;
                let cross = validate_cross(&CrossCheck::RfcCurp {
                    rfc: user.rfc.clone(),
                    curp: user.curp.clone(),
                });
                for issue in cross.iter().filter(|i| i.severity == Severity::Error) {
                    p.add("rfc", issue.code.as_str());
                }
            }
        }
        Some(PersonType::Moral) => {
            p.required("razon_social", &user.razon_social);
            p.required("representante_legal", &user.representante_legal);
            if !catalogues::contains(&catalogues::company_types(), &user.tipo_sociedad) {
                p.add("tipo_sociedad", UNKNOWN);
            }
        }
        None => {}
    }
    p.finish(user)
}

/// Checks a new link at `now` (the sandbox clock; expiry must lie ahead).
pub fn link(link: LinkRequest, now: PrimitiveDateTime) -> Result<LinkRequest, Rejection> {
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
    p.finish(link)
}

/// Checks the fields an update carries.
pub fn link_update(update: LinkUpdate, now: PrimitiveDateTime) -> Result<LinkUpdate, Rejection> {
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
        p.add("status", "status.unknown");
    }
    p.finish(update)
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
}

fn check_expiry(p: &mut Problems, expiry: &PrimitiveDateTime, now: PrimitiveDateTime) {
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
            p.add(&format!("rates.{i}.months"), "rates.months");
        }
        if rate.rate_type != "MSI" {
            p.add(&format!("rates.{i}.type"), "rates.type");
        }
    }
}
