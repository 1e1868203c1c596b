//! Mexican postal codes: five digits whose first two name the state (billpocket-research §6 [V3]).

use crate::check::plain_separators;
use crate::mx::state::MxState;
use crate::report::{Code, FieldKind, FieldReport};

/// Validates a código postal; with a state, the prefix must be one of that state's.
pub fn validate_postal_code(input: &str, state: Option<MxState>) -> FieldReport {
    let report = FieldReport::new(FieldKind::PostalCode);
    let code = plain_separators(input);
    let code = code.trim();
    if code.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return report.with(Code::PostalCodeFormat, &[]);
    }
    let prefix = &code[..2];
    let Some(owner) = prefix.parse().ok().and_then(MxState::from_postal_prefix) else {
        return report.with(
            Code::PostalCodeUnknownPrefix,
            &[("prefix", prefix.to_owned())],
        );
    };
    match state {
        Some(state) if state != owner => report.with(
            Code::PostalCodeStateMismatch,
            &[("state", state.name().to_owned())],
        ),
        _ => report.accept(code.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_of_the_chosen_state() {
        // 06600 Juárez (CDMX), 64000 Monterrey centro, 44100 Guadalajara centro, 97000 Mérida.
        for (code, state) in [
            ("06600", MxState::CiudadDeMexico),
            ("64000", MxState::NuevoLeon),
            ("44100", MxState::Jalisco),
            ("97000", MxState::Yucatan),
        ] {
            let report = validate_postal_code(code, Some(state));
            assert!(report.issues.is_empty(), "{code}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(code));
        }
        assert!(validate_postal_code(" 01000 ", None).is_valid());
        // Pasted with a no-break space before and a zero-width space inside.
        let pasted = validate_postal_code("\u{00A0}06\u{200B}600", None);
        assert_eq!(pasted.value.as_deref(), Some("06600"));
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(
            validate_postal_code("", None).codes(),
            [Code::FieldRequired]
        );
        assert_eq!(
            validate_postal_code("0660", None).codes(),
            [Code::PostalCodeFormat]
        );
        assert_eq!(
            validate_postal_code("06 600", None).codes(),
            [Code::PostalCodeFormat]
        );
        assert_eq!(
            validate_postal_code("０６６００", None).codes(),
            [Code::PostalCodeFormat]
        );
        let report = validate_postal_code("18000", None);
        assert_eq!(report.codes(), [Code::PostalCodeUnknownPrefix]);
        assert_eq!(report.issues[0].params["prefix"], "18");
        assert_eq!(
            validate_postal_code("00100", None).codes(),
            [Code::PostalCodeUnknownPrefix]
        );
        let report = validate_postal_code("64000", Some(MxState::Jalisco));
        assert_eq!(report.codes(), [Code::PostalCodeStateMismatch]);
        assert_eq!(report.issues[0].params["state"], "Jalisco");
        assert_eq!(report.value, None);
    }
}
