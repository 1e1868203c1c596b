//! The person and company forms as the screen sends them, checked with the rules CryptoPocket
//! applies (shared with the double: the country's identification types, the number by that
//! country's rules, core's validators) before anything is queued. Problems come back on the
//! form's own field names.

use mostrador_codes::ErrorCode;
use mostrador_providers::cryptopocket::fields::form_field;
use mostrador_providers::cryptopocket::rules::{self, FieldProblems};
use mostrador_providers::cryptopocket::types::{CompanyRequest, PersonRequest};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::merchants::form::FieldIssue;

/// A new person, every documented field of `POST /registerUser` but the password (which is
/// never kept: the command takes it apart). Empty optional fields are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonForm {
    pub first_name: String,
    pub last_name: String,
    pub second_last_name: String,
    pub email: String,
    /// E.164 or with the country's prefix.
    pub phone: String,
    /// ISO 3166 alpha-3 (`MEX`, `ARG`), chosen first: it decides the identification types.
    pub country: String,
    /// An identification type of that country, as the API spells it (`CURP`, `DNI`, `RUT`).
    pub id_type: String,
    pub id_number: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub city: String,
    pub address: String,
    pub state: String,
    pub postal_code: String,
    pub profession: String,
    pub iban: String,
    /// Where the customer returns after the KYC form.
    pub callback_url: String,
}

/// A new company (KYB): both fields are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct CompanyForm {
    pub email: String,
    pub company_name: String,
}

impl PersonForm {
    fn request(self) -> PersonRequest {
        let t = |s: String| s.trim().to_owned();
        PersonRequest {
            name: t(self.first_name),
            last_name: t(self.last_name),
            last_name2: t(self.second_last_name),
            phone: t(self.phone),
            country_code: t(self.country),
            city: t(self.city),
            address: t(self.address),
            email: t(self.email),
            identification_number: t(self.id_number),
            professional_activity: t(self.profession),
            address_state: t(self.state),
            zipcode: t(self.postal_code),
            dob: t(self.birth_date),
            identification_type: t(self.id_type),
            iban: t(self.iban),
            callback_url: t(self.callback_url),
            ..PersonRequest::default()
        }
    }
}

/// The person as CryptoPocket will receive it (normalised, without a password), or every
/// problem on its form field.
pub fn check_person(form: PersonForm) -> Result<PersonRequest, Vec<FieldIssue>> {
    rules::check_person(form.request()).map_err(issues)
}

/// The company as CryptoPocket will receive it, or every problem on its form field.
pub fn check_company(form: CompanyForm) -> Result<CompanyRequest, Vec<FieldIssue>> {
    let request = CompanyRequest {
        email: form.email,
        company_name: form.company_name,
    };
    rules::check_company(request).map_err(issues)
}

/// CryptoPocket's field names → the form's, each problem's code read back into the list.
pub(crate) fn issues(problems: FieldProblems) -> Vec<FieldIssue> {
    problems
        .into_iter()
        .flat_map(|(field, codes)| {
            let field = form_field(&field).unwrap_or(&field).to_owned();
            codes.into_iter().map(move |code| FieldIssue {
                field: field.clone(),
                code: ErrorCode::parse(&code).unwrap_or(ErrorCode::FieldInvalid),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chilean() -> PersonForm {
        PersonForm {
            first_name: "Camila".into(),
            last_name: "Rojas".into(),
            email: "camila@example.cl".into(),
            country: "CHL".into(),
            id_type: "RUT".into(),
            id_number: "12.345.678-5".into(),
            ..PersonForm::default()
        }
    }

    #[test]
    fn a_valid_person_is_normalised_for_the_provider() {
        let request = check_person(chilean()).unwrap();
        assert_eq!(request.country, "Chile");
        assert_eq!(request.identification_type, "RUT");
        assert!(request.password.is_none());
    }

    #[test]
    fn problems_land_on_the_form_fields() {
        let issues = check_person(PersonForm {
            id_number: "12.345.678-0".into(),
            email: "no es correo".into(),
            ..chilean()
        })
        .unwrap_err();
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["email", "idNumber"]);
        assert_eq!(issues[1].code, ErrorCode::IdCheckDigit);
        let issues = check_person(PersonForm {
            id_type: "CURP".into(),
            ..chilean()
        })
        .unwrap_err();
        assert_eq!(issues[0].field, "idType");
        let issues = check_company(CompanyForm::default()).unwrap_err();
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["companyName", "email"]);
    }
}
