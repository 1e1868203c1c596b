//! CryptoPocket customer identification: which document types each country takes and the
//! local rules for their numbers (cryptopocket-research §9; API values from the create-customer
//! seed: "The identification type must match the selected country").
//!
//! Normalised numbers are compact (uppercase, no spaces, dots or hyphens, no country prefix),
//! as python-stdnum's `compact` writes them, whatever separators the user typed or pasted.

mod argentina;
mod chile;
mod colombia;
mod peru;
mod spain;

use serde::{Deserialize, Serialize};

use crate::check::compact;
use crate::mx::curp::validate_curp;
use crate::mx::rfc::validate_rfc;
use crate::report::{Code, FieldKind, FieldReport};

/// The countries CryptoPocket onboards customers from, serialised as ISO 3166 alpha-3
/// (its `country_code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub enum Country {
    #[serde(rename = "ARG")]
    Argentina,
    #[serde(rename = "CHL")]
    Chile,
    #[serde(rename = "COL")]
    Colombia,
    #[serde(rename = "ESP")]
    Spain,
    #[serde(rename = "MEX")]
    Mexico,
    #[serde(rename = "PER")]
    Peru,
}

impl Country {
    pub const ALL: [Country; 6] = [
        Country::Argentina,
        Country::Chile,
        Country::Colombia,
        Country::Spain,
        Country::Mexico,
        Country::Peru,
    ];

    /// ISO 3166 alpha-3, as serialised ("ARG").
    pub const fn code(self) -> &'static str {
        match self {
            Country::Argentina => "ARG",
            Country::Chile => "CHL",
            Country::Colombia => "COL",
            Country::Spain => "ESP",
            Country::Mexico => "MEX",
            Country::Peru => "PER",
        }
    }

    /// CryptoPocket's `country` field takes the English name ("Argentina", "Spain").
    pub const fn english_name(self) -> &'static str {
        match self {
            Country::Argentina => "Argentina",
            Country::Chile => "Chile",
            Country::Colombia => "Colombia",
            Country::Spain => "Spain",
            Country::Mexico => "Mexico",
            Country::Peru => "Peru",
        }
    }

    /// The identification types CryptoPocket accepts for this country, persons first.
    pub const fn id_types(self) -> &'static [IdType] {
        use IdType::*;
        match self {
            Country::Argentina => &[Dni, Cuit],
            Country::Chile => &[Rut],
            Country::Colombia => &[CedCiu, CedExt, Ti, Nuip, Te, Ppt, Pass, Pep, Rc, Nit],
            Country::Spain => &[GovernmentId, PermanentResidencePermit, Passport, Cif],
            Country::Mexico => &[Curp, Rfc],
            Country::Peru => &[Dni, Ce, Ruc],
        }
    }
}

/// A CryptoPocket `identification_type`, serialised as its API value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IdType {
    /// Spain's DNI.
    GovernmentId,
    /// Spain's NIE.
    PermanentResidencePermit,
    /// Spain's passport.
    Passport,
    /// Spain's company tax id.
    Cif,
    Rut,
    Curp,
    Rfc,
    CedCiu,
    CedExt,
    Ti,
    Nuip,
    Te,
    Ppt,
    Pass,
    Pep,
    Rc,
    Nit,
    /// Peru's or Argentina's DNI, depending on the country.
    Dni,
    Ce,
    Ruc,
    /// Argentina's CUIT, also used for a person's CUIL.
    Cuit,
}

impl IdType {
    pub const ALL: [IdType; 21] = {
        use IdType::*;
        [
            GovernmentId,
            PermanentResidencePermit,
            Passport,
            Cif,
            Rut,
            Curp,
            Rfc,
            CedCiu,
            CedExt,
            Ti,
            Nuip,
            Te,
            Ppt,
            Pass,
            Pep,
            Rc,
            Nit,
            Dni,
            Ce,
            Ruc,
            Cuit,
        ]
    };

    /// The value the API takes ("GOVERNMENT_ID", "CED_CIU").
    pub const fn api_value(self) -> &'static str {
        use IdType::*;
        match self {
            GovernmentId => "GOVERNMENT_ID",
            PermanentResidencePermit => "PERMANENT_RESIDENCE_PERMIT",
            Passport => "PASSPORT",
            Cif => "CIF",
            Rut => "RUT",
            Curp => "CURP",
            Rfc => "RFC",
            CedCiu => "CED_CIU",
            CedExt => "CED_EXT",
            Ti => "TI",
            Nuip => "NUIP",
            Te => "TE",
            Ppt => "PPT",
            Pass => "PASS",
            Pep => "PEP",
            Rc => "RC",
            Nit => "NIT",
            Dni => "DNI",
            Ce => "CE",
            Ruc => "RUC",
            Cuit => "CUIT",
        }
    }

    /// The name people use for the document, for messages ("DNI", "NIE", "CUIT").
    pub const fn label(self) -> &'static str {
        match self {
            IdType::GovernmentId => "DNI",
            IdType::PermanentResidencePermit => "NIE",
            other => other.api_value(),
        }
    }

    /// The country code the number's own format may carry in front: "CL" before a Chilean RUT,
    /// "ES" before a Spanish NIF (DNI, NIE or CIF) written as its VAT number.
    const fn country_prefix(self) -> Option<&'static str> {
        match self {
            IdType::Rut => Some("CL"),
            IdType::GovernmentId | IdType::PermanentResidencePermit | IdType::Cif => Some("ES"),
            _ => None,
        }
    }

    /// Reads an API value, ignoring case and surrounding spaces.
    pub fn from_api_value(value: &str) -> Option<IdType> {
        let value = value.trim();
        Self::ALL
            .into_iter()
            .find(|t| t.api_value().eq_ignore_ascii_case(value))
    }
}

/// Validates an `identification_type` against the chosen country.
pub fn validate_identification_type(input: &str, country: Option<Country>) -> FieldReport {
    let report = FieldReport::new(FieldKind::IdentificationType);
    if input.trim().is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let Some(id_type) = IdType::from_api_value(input) else {
        return report.with(Code::IdTypeUnknown, &[("id_type", input.trim().to_owned())]);
    };
    match type_for_country(report, country, Some(id_type)) {
        Ok((report, _, id_type)) => report.accept(id_type.api_value().to_owned()),
        Err(report) => report,
    }
}

/// Validates an `identification_number` by the rules of its country and type.
pub fn validate_identification_number(
    input: &str,
    country: Option<Country>,
    id_type: Option<IdType>,
) -> FieldReport {
    let report = FieldReport::new(FieldKind::IdentificationNumber);
    let (report, country, id_type) = match type_for_country(report, country, id_type) {
        Ok(known) => known,
        Err(report) => return report,
    };
    let mut number = compact(input);
    if let Some(rest) = id_type
        .country_prefix()
        .and_then(|prefix| number.strip_prefix(prefix))
        .filter(|rest| !rest.is_empty())
    {
        number = rest.to_owned();
    }
    if number.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    use IdType::*;
    match (country, id_type) {
        (_, Curp) => validate_curp(input).reported_as(FieldKind::IdentificationNumber),
        (_, Rfc) => validate_rfc(input, None).reported_as(FieldKind::IdentificationNumber),
        (_, Rut) => chile::rut(report, &number),
        (_, Cuit) => argentina::cuit(report, &number),
        (Country::Argentina, Dni) => digits(report, number, id_type, 7, 8),
        (_, Dni) => digits(report, number, id_type, 8, 8),
        (_, Ce) => digits(report, number, id_type, 9, 12),
        (_, Ruc) => peru::ruc(report, &number),
        (_, Nit) => colombia::nit(report, &number),
        (_, CedCiu | CedExt | Ti | Nuip | Te | Ppt | Pep | Rc) => {
            colombia::person_document(report, number, id_type)
        }
        (_, Passport | Pass) => alphanumeric(report, number, id_type, 6, 12),
        (_, GovernmentId) => spain::dni(report, &number),
        (_, PermanentResidencePermit) => spain::nie(report, &number),
        (_, Cif) => spain::cif(report, &number),
    }
}

/// Checks that country and type are given and belong together.
fn type_for_country(
    report: FieldReport,
    country: Option<Country>,
    id_type: Option<IdType>,
) -> Result<(FieldReport, Country, IdType), FieldReport> {
    let Some(country) = country else {
        return Err(report.with(Code::IdCountryRequired, &[]));
    };
    let Some(id_type) = id_type else {
        return Err(report.with(Code::IdTypeRequired, &[]));
    };
    if !country.id_types().contains(&id_type) {
        return Err(report.with(
            Code::IdTypeCountry,
            &[("id_type", id_type.api_value().to_owned())],
        ));
    }
    Ok((report, country, id_type))
}

/// A number of `min..=max` ASCII digits, with no public check digit.
fn digits(
    report: FieldReport,
    number: String,
    id_type: IdType,
    min: usize,
    max: usize,
) -> FieldReport {
    match require_digits(report, &number, id_type, min, max) {
        Ok((report, _)) => report.accept(number),
        Err(report) => report,
    }
}

/// The digit values of a `min..=max`-digit number, or the report saying why not.
fn require_digits(
    report: FieldReport,
    number: &str,
    id_type: IdType,
    min: usize,
    max: usize,
) -> Result<(FieldReport, Vec<u32>), FieldReport> {
    let Some(values) = crate::check::digits(number) else {
        return Err(report.with(Code::IdDigits, &[id_param(id_type)]));
    };
    if !(min..=max).contains(&values.len()) {
        return Err(length_error(report, id_type, min, max));
    }
    Ok((report, values))
}

/// A number of `min..=max` ASCII letters and digits (passports, permits).
fn alphanumeric(
    report: FieldReport,
    number: String,
    id_type: IdType,
    min: usize,
    max: usize,
) -> FieldReport {
    if !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return report.with(Code::IdCharacters, &[id_param(id_type)]);
    }
    if !(min..=max).contains(&number.len()) {
        return length_error(report, id_type, min, max);
    }
    report.accept(number)
}

fn length_error(report: FieldReport, id_type: IdType, min: usize, max: usize) -> FieldReport {
    report.with(
        Code::IdLength,
        &[
            id_param(id_type),
            ("min", min.to_string()),
            ("max", max.to_string()),
        ],
    )
}

/// The `id_type` message parameter: the document's usual name.
fn id_param(id_type: IdType) -> (&'static str, String) {
    ("id_type", id_type.label().to_owned())
}

/// `id.format` for this type.
fn format_error(report: FieldReport, id_type: IdType) -> FieldReport {
    report.with(Code::IdFormat, &[id_param(id_type)])
}

/// `id.check_digit` for this type, or the accepted number when `matches`.
fn check_digit(report: FieldReport, id_type: IdType, matches: bool, number: &str) -> FieldReport {
    if matches {
        return report.accept(number.to_owned());
    }
    report.with(Code::IdCheckDigit, &[id_param(id_type)])
}

/// `id.prefix` for this type.
fn prefix_error(report: FieldReport, id_type: IdType, prefix: &str) -> FieldReport {
    report.with(
        Code::IdPrefix,
        &[id_param(id_type), ("prefix", prefix.to_owned())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(input: &str, country: Country, id_type: IdType) -> FieldReport {
        validate_identification_number(input, Some(country), Some(id_type))
    }

    #[test]
    fn every_type_belongs_to_a_country_and_round_trips() {
        for id_type in IdType::ALL {
            assert!(Country::ALL.iter().any(|c| c.id_types().contains(&id_type)));
            let json = serde_json::to_string(&id_type).unwrap();
            assert_eq!(json, format!("\"{}\"", id_type.api_value()));
            assert_eq!(
                IdType::from_api_value(&id_type.api_value().to_lowercase()),
                Some(id_type)
            );
        }
        for country in Country::ALL {
            let json = serde_json::to_string(&country).unwrap();
            assert_eq!(json, format!("\"{}\"", country.code()));
        }
    }

    #[test]
    fn types_must_match_the_country() {
        let report = validate_identification_type(" rut ", Some(Country::Chile));
        assert_eq!(report.value.as_deref(), Some("RUT"));
        let report = validate_identification_type("DNI", Some(Country::Chile));
        assert_eq!(report.codes(), [Code::IdTypeCountry]);
        assert_eq!(report.issues[0].params["id_type"], "DNI");
        assert_eq!(
            validate_identification_type("DNI", None).codes(),
            [Code::IdCountryRequired]
        );
        assert_eq!(
            validate_identification_type("INE", Some(Country::Mexico)).codes(),
            [Code::IdTypeUnknown]
        );
        assert_eq!(
            validate_identification_type("", Some(Country::Mexico)).codes(),
            [Code::FieldRequired]
        );
        assert_eq!(
            number("12345678-5", Country::Peru, IdType::Rut).codes(),
            [Code::IdTypeCountry]
        );
        assert_eq!(
            validate_identification_number("1", Some(Country::Peru), None).codes(),
            [Code::IdTypeRequired]
        );
        assert_eq!(
            validate_identification_number("1", None, Some(IdType::Dni)).codes(),
            [Code::IdCountryRequired]
        );
    }

    #[test]
    fn mexico_reuses_curp_and_rfc_under_this_field() {
        let report = number("BOXW310820HNERXN09", Country::Mexico, IdType::Curp);
        assert!(report.issues.is_empty());
        let report = number("BOXW310820HNERXN08", Country::Mexico, IdType::Curp);
        assert_eq!(report.codes(), [Code::CurpCheckDigit]);
        assert_eq!(report.field, FieldKind::IdentificationNumber);
        assert_eq!(report.issues[0].field, FieldKind::IdentificationNumber);
        assert!(
            number("MAB-930714-8T4", Country::Mexico, IdType::Rfc)
                .issues
                .is_empty()
        );
    }

    #[test]
    fn dni_rules_depend_on_the_country() {
        // The create-customer seed's own example: an Argentine DNI "11111111".
        assert_eq!(
            number("11111111", Country::Argentina, IdType::Dni)
                .value
                .as_deref(),
            Some("11111111")
        );
        assert!(number("20.123.456", Country::Argentina, IdType::Dni).is_valid());
        assert!(number("1234567", Country::Argentina, IdType::Dni).is_valid());
        assert_eq!(
            number("1234567", Country::Peru, IdType::Dni).codes(),
            [Code::IdLength]
        );
        assert!(number("10117410", Country::Peru, IdType::Dni).is_valid());
        assert_eq!(
            number("1011741A", Country::Peru, IdType::Dni).codes(),
            [Code::IdDigits]
        );
        assert!(number("001234567", Country::Peru, IdType::Ce).is_valid());
        assert_eq!(
            number("12345678", Country::Peru, IdType::Ce).codes(),
            [Code::IdLength]
        );
        assert_eq!(
            number("", Country::Peru, IdType::Ce).codes(),
            [Code::FieldRequired]
        );
    }

    #[test]
    fn passports_are_format_only() {
        assert_eq!(
            number("xdc 123456", Country::Spain, IdType::Passport)
                .value
                .as_deref(),
            Some("XDC123456")
        );
        assert!(number("AB123456", Country::Colombia, IdType::Pass).is_valid());
        assert_eq!(
            number("AB12", Country::Spain, IdType::Passport).codes(),
            [Code::IdLength]
        );
        assert_eq!(
            number("AB12/3456", Country::Spain, IdType::Passport).codes(),
            [Code::IdCharacters]
        );
    }
}
