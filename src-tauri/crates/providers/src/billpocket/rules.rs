//! Which of core's rules applies to which field of a new Billpocket merchant, shared by the app
//! (before anything is queued) and the sandbox double (as the provider). Problems are keyed by
//! Billpocket's field names with core's stable codes; `fields::form_field` maps them to forms.

use mostrador_codes::ErrorCode;
use mostrador_core::mx::PersonType;
use mostrador_core::mx::name_key::PersonNames;
use mostrador_core::mx::state::MxState;
use mostrador_core::report::{FieldKind, Severity};
use mostrador_core::validate::{CrossCheck, FieldContext, validate_cross};

use super::types::{CreateUserRequest, PERSONA_FISICA, PERSONA_MORAL};
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
            p.add("tipo_persona", ErrorCode::CatalogueUnknown);
            None
        }
    };
    let state: Option<MxState> =
        serde_json::from_value(serde_json::Value::from(user.estado.as_str())).ok();
    if state.is_none() {
        p.add("estado", ErrorCode::CatalogueUnknown);
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
    let rfc_valid = match p.check("rfc", FieldKind::Rfc, &user.rfc, &ctx) {
        Some(rfc) => {
            user.rfc = rfc;
            true
        }
        None => false,
    };
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
            p.add("municipio", ErrorCode::CatalogueUnknown);
        }
    }
    if catalogues.knows(
        CatalogueRef::CommercialActivities,
        &user.actividad_comercial,
    ) == Some(false)
    {
        p.add("actividad_comercial", ErrorCode::CatalogueUnknown);
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
            let curp_valid = match p.check("curp", FieldKind::Curp, &user.curp, &ctx) {
                Some(curp) => {
                    user.curp = curp;
                    true
                }
                None => false,
            };
            // Each valid key against the other and against the names, as the form shows it;
            // an invalid one is already refused on its own.
            let cross = validate_cross(&CrossCheck::RfcCurp {
                rfc: if rfc_valid {
                    user.rfc.clone()
                } else {
                    String::new()
                },
                curp: if curp_valid {
                    user.curp.clone()
                } else {
                    String::new()
                },
                names: Some(PersonNames {
                    first_name: user.nombre.clone(),
                    paternal_surname: user.apellido_paterno.clone(),
                    maternal_surname: user.apellido_materno.clone(),
                }),
            });
            for issue in cross.iter().filter(|i| i.severity == Severity::Error) {
                let field = if issue.field == FieldKind::Curp {
                    "curp"
                } else {
                    "rfc"
                };
                p.add(field, issue.code);
            }
        }
        Some(PersonType::Moral) => {
            p.required("razon_social", &user.razon_social);
            p.required("representante_legal", &user.representante_legal);
            if catalogues.knows(CatalogueRef::CompanyTypes, &user.tipo_sociedad) == Some(false) {
                p.add("tipo_sociedad", ErrorCode::CatalogueUnknown);
            }
        }
        None => {}
    }
    p.finish(user)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Credential;

    struct NoCatalogues;

    impl Catalogues for NoCatalogues {
        fn knows(&self, _: CatalogueRef<'_>, _: &str) -> Option<bool> {
            None
        }
    }

    /// FERNANDA LÓPEZ NÚÑEZ with her own CURP and RFC.
    fn fernanda() -> CreateUserRequest {
        CreateUserRequest {
            email: "fernanda@tortas.mx".into(),
            password: Credential::new("Tortas-2026"),
            telefono: "5512345678".into(),
            nombre: "Fernanda".into(),
            apellido_paterno: "López".into(),
            apellido_materno: "Núñez".into(),
            tipo_persona: PERSONA_FISICA.into(),
            actividad_comercial: "02".into(),
            curp: "LONF920714MDFPXR02".into(),
            calle: "Calle Durango".into(),
            exterior: "45".into(),
            interior: String::new(),
            colonia: "Roma Norte".into(),
            codigo_postal: "06700".into(),
            estado: "09".into(),
            municipio: "015".into(),
            rfc: "LONF920714K38".into(),
            razon_social: String::new(),
            tipo_sociedad: String::new(),
            fecha_constitucion: String::new(),
            representante_legal: String::new(),
        }
    }

    fn problems(user: CreateUserRequest) -> FieldProblems {
        check_user(user, &NoCatalogues).err().unwrap_or_default()
    }

    #[test]
    fn a_key_that_is_not_the_persons_is_refused_on_its_field() {
        assert!(check_user(fernanda(), &NoCatalogues).is_ok());
        // Issue 12's RFC with her names and CURP: refused on the RFC only.
        let other_rfc = CreateUserRequest {
            rfc: "LOMF920714K38".into(),
            ..fernanda()
        };
        assert_eq!(
            problems(other_rfc),
            FieldProblems::from([("rfc".into(), vec!["rfc.name_mismatch".into()])])
        );
        // Another person's CURP (same date): refused on the CURP.
        let other_curp = CreateUserRequest {
            curp: "LANF920714MDFPXR07".into(),
            ..fernanda()
        };
        assert_eq!(
            problems(other_curp),
            FieldProblems::from([("curp".into(), vec!["curp.name_mismatch".into()])])
        );
    }

    #[test]
    fn a_divergence_the_rules_explain_only_warns_and_passes() {
        // MARÍA FERNANDA with an older RFC that kept MARÍA's initial.
        let user = CreateUserRequest {
            nombre: "María Fernanda".into(),
            rfc: "LONM920714K38".into(),
            ..fernanda()
        };
        assert_eq!(problems(user), FieldProblems::new());
    }
}
