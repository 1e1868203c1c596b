//! The registration form for `POST /v2/usuarios`, arranged for a person: a persona física gives a
//! CURP; a persona moral its razón social, type of company, date of incorporation and legal
//! representative. Fields that do not apply are not sent. The password never lives here: it is
//! passed alongside, only for the call.

use chrono::Utc;
use mostrador_codes::ErrorCode;
use mostrador_core::dates::parse_date;
use mostrador_providers::Credential;
use mostrador_providers::billpocket::fields::form_field;
use mostrador_providers::billpocket::rules::{self, Catalogues};
use mostrador_providers::billpocket::types::{CreateUserRequest, PERSONA_FISICA, PERSONA_MORAL};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum PersonKind {
    Fisica,
    Moral,
}

/// Every field of the form but the password, as typed. Field names are the form's (Billpocket's
/// per-field errors are mapped to them by `billpocket::fields`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct MerchantForm {
    pub person_type: Option<PersonKind>,
    pub email: String,
    pub phone: String,
    pub first_name: String,
    pub paternal_surname: String,
    pub maternal_surname: String,
    pub commercial_activity: String,
    pub curp: String,
    pub street: String,
    pub exterior_number: String,
    pub interior_number: String,
    pub neighbourhood: String,
    pub postal_code: String,
    /// INEGI state id ("09").
    pub state: String,
    /// Municipality id within the state ("006").
    pub municipality: String,
    pub rfc: String,
    pub legal_name: String,
    pub company_type: String,
    /// "YYYY-MM-DD".
    pub incorporation_date: String,
    pub legal_representative: String,
}

/// One refused field of the form, with core's (or Billpocket's) stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldIssue {
    pub field: String,
    pub code: ErrorCode,
}

impl MerchantForm {
    /// The display name of the merchant: the company, or the person.
    pub fn display_name(&self) -> String {
        match self.person_type {
            Some(PersonKind::Moral) if !self.legal_name.trim().is_empty() => {
                self.legal_name.trim().to_owned()
            }
            _ => [
                &self.first_name,
                &self.paternal_surname,
                &self.maternal_surname,
            ]
            .iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        }
    }
}

/// The form a registration request was made from (its password left out): what a merchant
/// registered elsewhere, such as the Sandbox's own, shows in its detail.
impl From<&CreateUserRequest> for MerchantForm {
    fn from(r: &CreateUserRequest) -> Self {
        Self {
            person_type: Some(if r.tipo_persona == PERSONA_MORAL {
                PersonKind::Moral
            } else {
                PersonKind::Fisica
            }),
            email: r.email.clone(),
            phone: r.telefono.clone(),
            first_name: r.nombre.clone(),
            paternal_surname: r.apellido_paterno.clone(),
            maternal_surname: r.apellido_materno.clone(),
            commercial_activity: r.actividad_comercial.clone(),
            curp: r.curp.clone(),
            street: r.calle.clone(),
            exterior_number: r.exterior.clone(),
            interior_number: r.interior.clone(),
            neighbourhood: r.colonia.clone(),
            postal_code: r.codigo_postal.clone(),
            state: r.estado.clone(),
            municipality: r.municipio.clone(),
            rfc: r.rfc.clone(),
            legal_name: r.razon_social.clone(),
            company_type: r.tipo_sociedad.clone(),
            incorporation_date: r.fecha_constitucion.clone(),
            legal_representative: r.representante_legal.clone(),
        }
    }
}

/// Checks the form (and the password's presence) and builds Billpocket's request with the
/// identifiers normalised. Every problem is returned at once, each on its form field.
pub fn check(
    form: &MerchantForm,
    password: &Credential,
    catalogues: &impl Catalogues,
) -> Result<CreateUserRequest, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let moral = form.person_type == Some(PersonKind::Moral);
    if form.person_type.is_none() {
        issues.push(issue("personType", ErrorCode::FieldRequired));
    }
    if moral {
        check_incorporation(&form.incorporation_date, &mut issues);
    }
    let only_moral = |value: &str| {
        if moral {
            value.trim().to_owned()
        } else {
            String::new()
        }
    };
    let request = CreateUserRequest {
        email: form.email.trim().to_owned(),
        password: password.clone(),
        telefono: form.phone.trim().to_owned(),
        nombre: form.first_name.trim().to_owned(),
        apellido_paterno: form.paternal_surname.trim().to_owned(),
        apellido_materno: form.maternal_surname.trim().to_owned(),
        tipo_persona: if moral { PERSONA_MORAL } else { PERSONA_FISICA }.to_owned(),
        actividad_comercial: form.commercial_activity.trim().to_owned(),
        // A company has no CURP: the field is hidden and not sent.
        curp: if moral {
            String::new()
        } else {
            form.curp.trim().to_owned()
        },
        calle: form.street.trim().to_owned(),
        exterior: form.exterior_number.trim().to_owned(),
        interior: form.interior_number.trim().to_owned(),
        colonia: form.neighbourhood.trim().to_owned(),
        codigo_postal: form.postal_code.trim().to_owned(),
        estado: form.state.trim().to_owned(),
        municipio: form.municipality.trim().to_owned(),
        rfc: form.rfc.trim().to_owned(),
        razon_social: only_moral(&form.legal_name),
        tipo_sociedad: only_moral(&form.company_type),
        fecha_constitucion: only_moral(&form.incorporation_date),
        representante_legal: only_moral(&form.legal_representative),
    };
    match rules::check_user(request, catalogues) {
        Ok(request) if issues.is_empty() => Ok(request),
        Ok(_) => Err(issues),
        Err(problems) => {
            for (provider_field, codes) in problems {
                let field = form_field(&provider_field).unwrap_or("form");
                for code in codes {
                    let code = ErrorCode::parse(&code).unwrap_or(ErrorCode::FieldInvalid);
                    issues.push(issue(field, code));
                }
            }
            Err(issues)
        }
    }
}

fn issue(field: &str, code: ErrorCode) -> FieldIssue {
    FieldIssue {
        field: field.to_owned(),
        code,
    }
}

/// A company's date of incorporation: a real calendar day, not in the future.
fn check_incorporation(text: &str, issues: &mut Vec<FieldIssue>) {
    let text = text.trim();
    if text.is_empty() {
        issues.push(issue("incorporationDate", ErrorCode::FieldRequired));
        return;
    }
    match parse_date(text) {
        Some(day) if day > Utc::now().date_naive() => {
            issues.push(issue("incorporationDate", ErrorCode::DateFuture));
        }
        Some(_) => {}
        None => issues.push(issue("incorporationDate", ErrorCode::DateFormat)),
    }
}

#[cfg(test)]
mod tests {
    use mostrador_providers::billpocket::rules::CatalogueRef;

    use super::*;

    /// Accepts every id: catalogue membership is the provider's (or the cache's) business.
    struct AnyCatalogue;

    impl Catalogues for AnyCatalogue {
        fn knows(&self, _: CatalogueRef<'_>, _: &str) -> Option<bool> {
            None
        }
    }

    fn fisica() -> MerchantForm {
        MerchantForm {
            person_type: Some(PersonKind::Fisica),
            email: "lupita@panaderia.mx".into(),
            phone: "55 1234 5678".into(),
            first_name: "Elena".into(),
            paternal_surname: "González".into(),
            maternal_surname: "Durán".into(),
            commercial_activity: "02".into(),
            curp: "gode561231mdfnrl01".into(),
            street: "Av. Álvaro Obregón".into(),
            exterior_number: "121".into(),
            interior_number: String::new(),
            neighbourhood: "Roma Norte".into(),
            postal_code: "06700".into(),
            state: "09".into(),
            municipality: "015".into(),
            rfc: "GODE561231GR8".into(),
            legal_name: "Ignorada S.A.".into(),
            company_type: "01".into(),
            incorporation_date: "2001-01-01".into(),
            legal_representative: "Nadie".into(),
        }
    }

    #[test]
    fn a_fisica_sends_its_curp_and_none_of_the_company_fields() {
        let request = check(&fisica(), &Credential::new("s3creta!"), &AnyCatalogue).unwrap();
        assert_eq!(request.tipo_persona, "F");
        assert_eq!(request.curp, "GODE561231MDFNRL01", "normalised");
        assert_eq!(request.telefono, "5512345678");
        assert!(request.razon_social.is_empty() && request.tipo_sociedad.is_empty());
        assert!(request.fecha_constitucion.is_empty() && request.representante_legal.is_empty());
        assert_eq!(fisica().display_name(), "Elena González Durán");
    }

    #[test]
    fn a_moral_needs_its_company_fields_and_sends_no_curp() {
        let mut form = fisica();
        form.person_type = Some(PersonKind::Moral);
        form.rfc = "MAB9307148T4".into();
        form.incorporation_date = "2999-01-01".into();
        form.legal_representative = String::new();
        let issues = check(&form, &Credential::new("x"), &AnyCatalogue).unwrap_err();
        assert!(
            issues.contains(&issue("incorporationDate", ErrorCode::DateFuture)),
            "{issues:?}"
        );
        assert!(
            issues.contains(&issue("legalRepresentative", ErrorCode::FieldRequired)),
            "{issues:?}"
        );

        form.incorporation_date = "1993-07-14".into();
        form.legal_representative = "Martín Aguilar Becerra".into();
        let request = check(&form, &Credential::new("x"), &AnyCatalogue).unwrap();
        assert_eq!(
            (request.tipo_persona.as_str(), request.curp.as_str()),
            ("M", "")
        );
        assert_eq!(request.razon_social, "Ignorada S.A.");
        assert_eq!(form.display_name(), "Ignorada S.A.");
    }

    #[test]
    fn every_bad_field_is_reported_on_its_form_field() {
        let mut form = fisica();
        form.curp = "GODE561231MDFNRL0".into();
        form.postal_code = "99999".into();
        form.email = "lupita@".into();
        form.person_type = None;
        let issues = check(&form, &Credential::new(""), &AnyCatalogue).unwrap_err();
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        for field in ["personType", "email", "password", "postalCode"] {
            assert!(fields.contains(&field), "{field} missing from {issues:?}");
        }
    }
}
