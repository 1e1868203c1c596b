//! RFC, Mexico's taxpayer registry key: 13 characters for a persona física, 12 for a moral.
//!
//! Rules from python-stdnum `stdnum/mx/rfc.py` (billpocket-research §6 [V1]): name letters
//! (`[A-Z&Ñ]`, 4 or 3), the birth or incorporation date YYMMDD, and a three-character homoclave
//! `[1-9A-V][1-9A-Z][0-9A]` whose last character is a check character. About 1.5 % of real RFCs
//! fail that check, so a mismatch is only a warning.

use crate::check::{alphabet_index, compact, weighted_sum};
use crate::mx::PersonType;
use crate::mx::date::yymmdd_any_century;
use crate::report::{Code, FieldKind, FieldReport};

/// First four letters SAT never issues to a persona física (stdnum's `_name_blacklist`).
pub(crate) const INCONVENIENT_WORDS: &[&str] = &[
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI",
    "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO",
    "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE",
    "PUTA", "PUTO", "QULO", "RATA", "RUIN",
];

/// SAT's generic RFCs for the general public and for foreigners.
const GENERIC: &[&str] = &["XAXX010101000", "XEXX010101000"];

const ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// Validates an RFC; when `person_type` is known the length must match it.
pub fn validate_rfc(input: &str, person_type: Option<PersonType>) -> FieldReport {
    let mut report = FieldReport::new(FieldKind::Rfc);
    let rfc = compact(input);
    if rfc.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    if GENERIC.contains(&rfc.as_str()) {
        return report.with(Code::RfcGeneric, &[]).accept(rfc);
    }
    let chars: Vec<char> = rfc.chars().collect();
    let found = match chars.len() {
        13 => PersonType::Fisica,
        12 => PersonType::Moral,
        length => return report.with(Code::RfcLength, &[("length", length.to_string())]),
    };
    match person_type {
        Some(PersonType::Fisica) if found == PersonType::Moral => {
            return report.with(Code::RfcExpectedFisica, &[]);
        }
        Some(PersonType::Moral) if found == PersonType::Fisica => {
            return report.with(Code::RfcExpectedMoral, &[]);
        }
        _ => {}
    }
    let letters = chars.len() - 9;
    let is_name_char = |c: &char| c.is_ascii_uppercase() || matches!(c, '&' | 'Ñ');
    if !chars[..letters].iter().all(is_name_char)
        || !chars[letters..letters + 6].iter().all(char::is_ascii_digit)
        || !chars[letters + 6..]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return report.with(Code::RfcFormat, &[]);
    }
    let name: String = chars[..letters].iter().collect();
    if found == PersonType::Fisica && INCONVENIENT_WORDS.contains(&name.as_str()) {
        report.push(Code::RfcInconvenientWord, &[("word", name)]);
    }
    let date: String = chars[letters..letters + 6].iter().collect();
    if !yymmdd_any_century(&date) {
        report.push(Code::RfcDate, &[]);
    }
    let homoclave = &chars[letters + 6..];
    if is_homoclave(homoclave) {
        if check_character(&chars[..chars.len() - 1]) != Some(homoclave[2]) {
            report.push(Code::RfcCheckDigit, &[]);
        }
    } else {
        report.push(Code::RfcHomoclave, &[]);
    }
    report.accept(rfc)
}

/// `[1-9A-V][1-9A-Z][0-9A]`
fn is_homoclave(h: &[char]) -> bool {
    let in_range = |c: char, ranges: &[(char, char)]| ranges.iter().any(|&(a, b)| a <= c && c <= b);
    matches!(h, [a, b, c]
        if in_range(*a, &[('1', '9'), ('A', 'V')])
            && in_range(*b, &[('1', '9'), ('A', 'Z')])
            && in_range(*c, &[('0', '9'), ('A', 'A')]))
}

/// The check character over all but the last character, left-padded with spaces to 12.
pub(crate) fn check_character(body: &[char]) -> Option<char> {
    let padding = 12usize.checked_sub(body.len())?;
    let values: Option<Vec<u32>> = std::iter::repeat_n(' ', padding)
        .chain(body.iter().copied())
        .map(|c| alphabet_index(ALPHABET, c))
        .collect();
    let weights: Vec<u32> = (2..=13).rev().collect();
    let sum = weighted_sum(&values?, &weights);
    let index = (11 - sum % 11) % 11;
    ALPHABET.chars().nth(usize::try_from(index).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(input: &str, person_type: Option<PersonType>) -> Vec<Code> {
        validate_rfc(input, person_type).codes()
    }

    fn with_check(body: &str) -> String {
        let chars: Vec<char> = body.chars().collect();
        format!("{body}{}", check_character(&chars).unwrap())
    }

    #[test]
    fn accepts_real_rfcs() {
        // stdnum/mx/rfc.py doctests, verified in billpocket-research §6.
        let fisica = validate_rfc("GODE 561231 GR8", Some(PersonType::Fisica));
        assert!(fisica.issues.is_empty(), "{fisica:?}");
        assert_eq!(fisica.value.as_deref(), Some("GODE561231GR8"));
        let moral = validate_rfc("MAB-930714-8T4", Some(PersonType::Moral));
        assert!(moral.issues.is_empty(), "{moral:?}");
        assert_eq!(moral.value.as_deref(), Some("MAB9307148T4"));
        // Ñ and & are name characters (e.g. a company whose name starts with "Ñ&").
        assert!(validate_rfc(&with_check("ÑA&0101011A"), None).is_valid());
    }

    #[test]
    fn a_failing_check_character_only_warns() {
        // stdnum doctest: VACE460910SX6 is a real RFC whose check character does not match.
        let report = validate_rfc("VACE-460910-SX6", None);
        assert!(report.is_valid());
        assert_eq!(report.codes(), [Code::RfcCheckDigit]);
        assert_eq!(report.value.as_deref(), Some("VACE460910SX6"));
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(codes(" ", None), [Code::FieldRequired]);
        assert_eq!(codes("COMG600703", None), [Code::RfcLength]);
        assert_eq!(
            codes("GODE561231GR8", Some(PersonType::Moral)),
            [Code::RfcExpectedMoral]
        );
        assert_eq!(
            codes("MAB9307148T4", Some(PersonType::Fisica)),
            [Code::RfcExpectedFisica]
        );
        assert_eq!(codes("GOD1561231GR8", None), [Code::RfcFormat]);
        assert_eq!(codes("GODE56123AGR8", None), [Code::RfcFormat]);
        assert_eq!(codes(&with_check("GODE561331GR"), None), [Code::RfcDate]);
        assert_eq!(codes(&with_check("MAB010229GR"), None), [Code::RfcDate]);
        assert_eq!(
            codes(&with_check("GODE5612310R"), None),
            [Code::RfcHomoclave]
        );
        assert_eq!(codes("GODE561231GRB", None), [Code::RfcHomoclave]);
        let report = validate_rfc(&with_check("PUTO561231GR"), None);
        assert_eq!(report.codes(), [Code::RfcInconvenientWord]);
        assert_eq!(report.issues[0].params["word"], "PUTO");
        // The same letters are fine for a company (the list is for personas físicas).
        assert!(validate_rfc(&with_check("PUT561231GR"), None).is_valid());
    }

    #[test]
    fn generic_rfcs_warn() {
        let report = validate_rfc("XAXX010101000", Some(PersonType::Moral));
        assert!(report.is_valid());
        assert_eq!(report.codes(), [Code::RfcGeneric]);
    }
}
