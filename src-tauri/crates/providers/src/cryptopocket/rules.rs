//! Which of core's rules applies to which field of a new CryptoPocket customer or document,
//! shared by the app (before anything is queued) and the sandbox double (as the provider).
//! Problems are keyed by CryptoPocket's field names with stable codes; `fields::form_field` maps
//! them to forms.
//!
//! Document limits are not documented: the accepted types and size below are assumed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use mostrador_codes::ErrorCode;
use mostrador_core::dates::parse_date;
use mostrador_core::identity::Country;
use mostrador_core::report::FieldKind;
use mostrador_core::validate::FieldContext;

use super::types::{CompanyRequest, PersonRequest};
pub use crate::rules::{FieldProblems, Problems};

/// Documented: a company's name has at most 255 characters.
pub const COMPANY_NAME_MAX: usize = 255;
/// assumed: the largest document accepted, decoded.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// assumed: the document types accepted, with the bytes each file starts with.
pub const DOCUMENT_TYPES: &[(&str, &[u8])] = &[
    ("application/pdf", b"%PDF-"),
    ("image/jpeg", &[0xFF, 0xD8, 0xFF]),
    ("image/png", &[0x89, b'P', b'N', b'G']),
];

/// Checks a new person and returns it with normalised e-mail, phone and identification.
pub fn check_person(mut person: PersonRequest) -> Result<PersonRequest, FieldProblems> {
    let mut p = Problems::default();
    let none = FieldContext::default();
    p.check("name", FieldKind::PersonName, &person.name, &none);
    for (field, value) in [
        ("last_name", &person.last_name),
        ("last_name2", &person.last_name2),
    ] {
        if !value.trim().is_empty() {
            p.check(field, FieldKind::PersonName, value, &none);
        }
    }
    if let Some(email) = p.check("email", FieldKind::Email, &person.email, &none) {
        person.email = email;
    }
    if !person.phone.trim().is_empty()
        && let Some(phone) = p.check("phone", FieldKind::PhoneInternational, &person.phone, &none)
    {
        person.phone = phone;
    }
    let country = country(&mut p, &mut person);
    let identified =
        !person.identification_type.trim().is_empty() || !person.identification_number.is_empty();
    if identified {
        let ctx = FieldContext {
            country,
            id_type: mostrador_core::identity::IdType::from_api_value(&person.identification_type),
            ..FieldContext::default()
        };
        let id_type = p.check(
            "identification_type",
            FieldKind::IdentificationType,
            &person.identification_type,
            &ctx,
        );
        if let Some(id_type) = id_type {
            person.identification_type = id_type;
            if let Some(number) = p.check(
                "identification_number",
                FieldKind::IdentificationNumber,
                &person.identification_number,
                &ctx,
            ) {
                person.identification_number = number;
            }
        }
    }
    if !person.dob.is_empty() && parse_date(&person.dob).is_none() {
        p.add("dob", ErrorCode::DobFormat);
    }
    if !person.callback_url.is_empty() && !is_web_url(&person.callback_url) {
        p.add("callback_url", ErrorCode::UrlInvalid);
    }
    p.finish(person)
}

/// The customer's country from `country_code` (ISO alpha-3) or the English `country` name; when
/// both are given they must agree. Fills in whichever is missing.
fn country(p: &mut Problems, person: &mut PersonRequest) -> Option<Country> {
    let by_code = (!person.country_code.trim().is_empty()).then(|| {
        serde_json::from_value::<Country>(person.country_code.trim().to_uppercase().into()).ok()
    });
    let by_name = (!person.country.trim().is_empty()).then(|| {
        Country::ALL
            .into_iter()
            .find(|c| c.english_name().eq_ignore_ascii_case(person.country.trim()))
    });
    let country = match (by_code, by_name) {
        (Some(None), _) => {
            p.add("country_code", ErrorCode::CatalogueUnknown);
            None
        }
        (_, Some(None)) => {
            p.add("country", ErrorCode::CatalogueUnknown);
            None
        }
        (Some(Some(a)), Some(Some(b))) if a != b => {
            p.add("country", ErrorCode::CountryMismatch);
            None
        }
        (Some(Some(c)), _) | (None, Some(Some(c))) => Some(c),
        (None, None) => None,
    }?;
    person.country = country.english_name().to_owned();
    person.country_code = serde_json::to_value(country)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    Some(country)
}

/// Checks a new company (documented: both fields required, e-mail ≤ 254, name ≤ 255).
pub fn check_company(mut company: CompanyRequest) -> Result<CompanyRequest, FieldProblems> {
    let mut p = Problems::default();
    if let Some(email) = p.check(
        "email",
        FieldKind::Email,
        &company.email,
        &FieldContext::default(),
    ) {
        company.email = email;
    }
    company.company_name = company.company_name.trim().to_owned();
    if p.required("company_name", &company.company_name)
        && company.company_name.chars().count() > COMPANY_NAME_MAX
    {
        p.add("company_name", ErrorCode::CompanyNameTooLong);
    }
    p.finish(company)
}

/// A document as the documented `data:{mime};base64,…` URL, once its type, size and first bytes
/// pass; otherwise the problem under `file`.
pub fn document_data_url(mime: &str, bytes: &[u8]) -> Result<String, FieldProblems> {
    let mime = mime.trim().to_ascii_lowercase();
    let mut p = Problems::default();
    if let Some(code) = document_problem(&mime, bytes) {
        p.add("file", code);
    }
    p.finish(format!("data:{mime};base64,{}", STANDARD.encode(bytes)))
}

/// Checks a `file` value as the provider does: a `data:` URL whose content passes, or a public
/// http(s) URL. Returns the problem's code.
pub fn check_file(file: &str) -> Result<(), ErrorCode> {
    if is_web_url(file) {
        return Ok(());
    }
    let (mime, bytes) = decode_data_url(file).ok_or(ErrorCode::DocumentEncoding)?;
    document_problem(&mime, &bytes).map_or(Ok(()), Err)
}

/// `data:{mime};base64,{content}` → the MIME type and decoded bytes.
pub fn decode_data_url(file: &str) -> Option<(String, Vec<u8>)> {
    let (header, content) = file.strip_prefix("data:")?.split_once(',')?;
    let mime = header.strip_suffix(";base64")?;
    let bytes = STANDARD.decode(content.trim()).ok()?;
    Some((mime.trim().to_ascii_lowercase(), bytes))
}

fn document_problem(mime: &str, bytes: &[u8]) -> Option<ErrorCode> {
    let Some((_, magic)) = DOCUMENT_TYPES.iter().find(|(known, _)| *known == mime) else {
        return Some(ErrorCode::DocumentType);
    };
    if bytes.is_empty() {
        Some(ErrorCode::DocumentEmpty)
    } else if bytes.len() > MAX_DOCUMENT_BYTES {
        Some(ErrorCode::DocumentSize)
    } else if !bytes.starts_with(magic) {
        Some(ErrorCode::DocumentContent)
    } else {
        None
    }
}

fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    ["https://", "http://"]
        .iter()
        .any(|scheme| url.len() > scheme.len() && url[..scheme.len()].eq_ignore_ascii_case(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> PersonRequest {
        PersonRequest {
            name: "Alvaro".into(),
            email: "alvaro@example.com".into(),
            country_code: "arg".into(),
            identification_type: "dni".into(),
            identification_number: "20.123.456".into(),
            ..PersonRequest::default()
        }
    }

    #[test]
    fn a_person_comes_back_normalised() {
        let checked = check_person(person()).unwrap();
        assert_eq!(checked.country, "Argentina");
        assert_eq!(checked.country_code, "ARG");
        assert_eq!(checked.identification_type, "DNI");
        assert_eq!(checked.identification_number, "20123456");
        // The guide's minimal example: name and e-mail only.
        let minimal = PersonRequest {
            name: "Ana".into(),
            email: "ana@example.com".into(),
            ..PersonRequest::default()
        };
        assert!(check_person(minimal).is_ok());
    }

    #[test]
    fn the_identification_follows_the_country() {
        let problems = check_person(PersonRequest {
            identification_type: "RUT".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["identification_type"], ["id.type_country"]);
        let problems = check_person(PersonRequest {
            country_code: "CHL".into(),
            identification_type: "RUT".into(),
            identification_number: "12345678-0".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["identification_number"], ["id.check_digit"]);
        let problems = check_person(PersonRequest {
            country: "Spain".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["country"], [ErrorCode::CountryMismatch.as_str()]);
        let problems = check_person(PersonRequest {
            dob: "03/05/1986".into(),
            callback_url: "javascript:alert(1)".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["dob"], [ErrorCode::DobFormat.as_str()]);
        assert_eq!(problems["callback_url"], [ErrorCode::UrlInvalid.as_str()]);
    }

    #[test]
    fn a_company_needs_both_fields_within_their_lengths() {
        let problems = check_company(CompanyRequest {
            email: String::new(),
            company_name: "x".repeat(256),
        })
        .unwrap_err();
        assert_eq!(problems["email"], ["field.required"]);
        assert_eq!(
            problems["company_name"],
            [ErrorCode::CompanyNameTooLong.as_str()]
        );
    }

    #[test]
    fn documents_are_checked_before_they_become_a_data_url() {
        let pdf = b"%PDF-1.7 contents";
        let url = document_data_url("application/PDF", pdf).unwrap();
        assert_eq!(url, "data:application/pdf;base64,JVBERi0xLjcgY29udGVudHM=");
        assert_eq!(check_file(&url), Ok(()));
        assert_eq!(
            decode_data_url(&url),
            Some(("application/pdf".to_owned(), pdf.to_vec()))
        );
        let code = |mime: &str, bytes: &[u8]| {
            document_data_url(mime, bytes).unwrap_err()["file"][0].clone()
        };
        assert_eq!(
            code("image/gif", b"GIF89a"),
            ErrorCode::DocumentType.as_str()
        );
        assert_eq!(code("image/png", b""), ErrorCode::DocumentEmpty.as_str());
        assert_eq!(
            code("image/png", b"%PDF-"),
            ErrorCode::DocumentContent.as_str()
        );
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_DOCUMENT_BYTES + 1, 0);
        assert_eq!(
            code("application/pdf", &big),
            ErrorCode::DocumentSize.as_str()
        );
        assert_eq!(check_file("https://example.com/doc.pdf"), Ok(()));
        assert_eq!(
            check_file("data:application/pdf;base64,@@@"),
            Err(ErrorCode::DocumentEncoding)
        );
        assert_eq!(check_file("not a file"), Err(ErrorCode::DocumentEncoding));
    }
}
