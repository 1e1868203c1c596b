//! Which of core's rules applies to which field of a new Billpocket merchant, shared by the app
//! (before anything is queued) and the sandbox double (as the provider). Problems are keyed by
//! Billpocket's field names with core's stable codes; `fields::form_field` maps them to forms.

use mostrador_core::mx::PersonType;
use mostrador_core::mx::state::MxState;
use mostrador_core::report::{FieldKind, Severity};
use mostrador_core::validate::{CrossCheck, FieldContext, validate_cross};

use super::types::{CreateUserRequest, PERSONA_FISICA, PERSONA_MORAL};
use crate::rules::CATALOGUE_UNKNOWN;
pub use crate::rules::{FieldProblems, Problems};

/// The catalogues a registration refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueRef<'a> {
    Municipalities { state: &'a str },
    CommercialActivities,
    CompanyTypes,
}

/// Answers whether an id belongs to a catalogue; `None` when the catalogue is not at hand (the
/// provider then judges it).
pub trait Catalogues {
    fn knows(&self, catalogue: CatalogueRef<'_>, id: &str) -> Option<bool>;
}

/// Checks a new merchant and returns it with normalised identifiers.
pub fn check_user(
    mut user: CreateUserRequest,
    catalogues: &impl Catalogues,
) -> Result<CreateUserRequest, FieldProblems> {
    let mut p = Problems::default();
    let person_type = match user.tipo_persona.as_str() {
        PERSONA_FISICA => Some(PersonType::Fisica),
        PERSONA_MORAL => Some(PersonType::Moral),
        _ => {
            p.add("tipo_persona", CATALOGUE_UNKNOWN);
            None
        }
    };
    let state: Option<MxState> =
        serde_json::from_value(serde_json::Value::from(user.estado.as_str())).ok();
    if state.is_none() {
        p.add("estado", CATALOGUE_UNKNOWN);
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
    if let Some(state) = state {
        let catalogue = CatalogueRef::Municipalities {
            state: state.inegi_id(),
        };
        if catalogues.knows(catalogue, &user.municipio) == Some(false) {
            p.add("municipio", CATALOGUE_UNKNOWN);
        }
    }
    if catalogues.knows(
        CatalogueRef::CommercialActivities,
        &user.actividad_comercial,
    ) == Some(false)
    {
        p.add("actividad_comercial", CATALOGUE_UNKNOWN);
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
            if catalogues.knows(CatalogueRef::CompanyTypes, &user.tipo_sociedad) == Some(false) {
                p.add("tipo_sociedad", CATALOGUE_UNKNOWN);
            }
        }
        None => {}
    }
    p.finish(user)
}
