//! Spain: DNI, NIE and CIF (cryptopocket-research §9, stdnum `es/dni.py`, `es/nie.py`,
//! `es/cif.py`).

use super::{IdType, check_digit, format_error};
use crate::check::{digits, weighted_sum};
use crate::report::FieldReport;

const DNI_LETTERS: &str = "TRWAGMYFPDXBNJZSQVHLCKE";

/// DNI: 8 digits and the letter `DNI_LETTERS[n mod 23]`.
pub(super) fn dni(report: FieldReport, number: &str) -> FieldReport {
    dni_rule(report, IdType::GovernmentId, number, number)
}

/// NIE: X, Y or Z (standing for 0, 1, 2), 7 digits and the DNI letter of the 8-digit number.
pub(super) fn nie(report: FieldReport, number: &str) -> FieldReport {
    let as_dni = match number.chars().next() {
        Some('X') => number.replacen('X', "0", 1),
        Some('Y') => number.replacen('Y', "1", 1),
        Some('Z') => number.replacen('Z', "2", 1),
        _ => return format_error(report, IdType::PermanentResidencePermit),
    };
    dni_rule(report, IdType::PermanentResidencePermit, &as_dni, number)
}

fn dni_rule(report: FieldReport, id_type: IdType, as_dni: &str, number: &str) -> FieldReport {
    let Some((body, letter)) = as_dni.split_at_checked(8) else {
        return format_error(report, id_type);
    };
    let value = digits(body).map(|d| d.iter().fold(0, |n, d| n * 10 + d));
    let is_letter = letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase());
    let (Some(value), true) = (value, is_letter) else {
        return format_error(report, id_type);
    };
    let expected = DNI_LETTERS.chars().nth(value as usize % 23);
    check_digit(report, id_type, letter.chars().next() == expected, number)
}

/// CIF: an entity letter, 7 digits and a control that is the digit c or `"JABCDEFGHI"[c]`
/// (stdnum accepts either form for every entity letter).
pub(super) fn cif(report: FieldReport, number: &str) -> FieldReport {
    let bytes = number.as_bytes();
    let shape = bytes.len() == 9
        && b"ABCDEFGHJNPQRSUVW".contains(&bytes[0])
        && bytes[1..8].iter().all(u8::is_ascii_digit)
        && (bytes[8].is_ascii_digit() || b"JABCDEFGHI".contains(&bytes[8]));
    let Some(values) = digits(number.get(1..8).unwrap_or_default()).filter(|_| shape) else {
        return format_error(report, IdType::Cif);
    };
    // Luhn-style: double the 1st, 3rd, 5th and 7th digits (summing a product's digits).
    let doubled: Vec<u32> = values
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                (2 * d) / 10 + (2 * d) % 10
            } else {
                d
            }
        })
        .collect();
    let c = (10 - weighted_sum(&doubled, &[1]) % 10) % 10;
    let control = char::from(bytes[8]);
    let matches = char::from_digit(c, 10) == Some(control)
        || "JABCDEFGHI".chars().nth(c as usize) == Some(control);
    check_digit(report, IdType::Cif, matches, number)
}

#[cfg(test)]
mod tests {
    use super::super::validate_identification_number as number;
    use super::super::{Country, IdType};
    use crate::report::Code;

    fn spain(input: &str, id_type: IdType) -> crate::report::FieldReport {
        number(input, Some(Country::Spain), Some(id_type))
    }

    #[test]
    fn accepts_real_numbers() {
        // stdnum examples quoted in cryptopocket-research §9: 54362315K, X2482300W, J99216582.
        for (input, id_type) in [
            ("54362315-k", IdType::GovernmentId),
            ("X-2482300-W", IdType::PermanentResidencePermit),
            ("J99216582", IdType::Cif),
            ("J9921658B", IdType::Cif),
        ] {
            let report = spain(input, id_type);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
        }
        assert_eq!(
            spain("54362315-k", IdType::GovernmentId).value.as_deref(),
            Some("54362315K")
        );
        // The NIF as a VAT number carries "ES" in front.
        for (input, id_type, value) in [
            ("ES54362315K", IdType::GovernmentId, "54362315K"),
            (
                "ES X2482300W",
                IdType::PermanentResidencePermit,
                "X2482300W",
            ),
            ("es-J99216582", IdType::Cif, "J99216582"),
        ] {
            assert_eq!(
                spain(input, id_type).value.as_deref(),
                Some(value),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_each_rule() {
        use IdType::*;
        let report = spain("54362315Z", GovernmentId);
        assert_eq!(report.codes(), [Code::IdCheckDigit]);
        assert_eq!(report.issues[0].params["id_type"], "DNI");
        assert_eq!(spain("5436231K", GovernmentId).codes(), [Code::IdFormat]);
        assert_eq!(spain("543623151", GovernmentId).codes(), [Code::IdFormat]);
        assert_eq!(
            spain("X2482300T", PermanentResidencePermit).codes(),
            [Code::IdCheckDigit]
        );
        assert_eq!(
            spain("A2482300W", PermanentResidencePermit).codes(),
            [Code::IdFormat]
        );
        assert_eq!(
            spain("X248230W", PermanentResidencePermit).codes(),
            [Code::IdFormat]
        );
        assert_eq!(spain("J99216583", Cif).codes(), [Code::IdCheckDigit]);
        assert_eq!(spain("J9921658C", Cif).codes(), [Code::IdCheckDigit]);
        assert_eq!(spain("I99216582", Cif).codes(), [Code::IdFormat]);
        assert_eq!(spain("J9921658", Cif).codes(), [Code::IdFormat]);
        assert_eq!(spain("Jñ9216582", Cif).codes(), [Code::IdFormat]);
    }
}
