//! CURP, Mexico's population registry key (18 characters).
//!
//! Rules from python-stdnum `stdnum/mx/curp.py` (billpocket-research §6 [V1], cryptopocket-research
//! §9): `AAAA YYMMDD S EE CCC H D` — four name letters, birth date, sex (H/M), RENAPO state code
//! (or NE, born abroad), three name consonants, a homonym character (digit before 2000, letter
//! from 2000) and a check digit.

use crate::check::{alphabet_index, compact, mod10_complement, weighted_sum};
use crate::mx::date::yymmdd;
use crate::mx::state::MxState;
use crate::report::{Code, FieldKind, FieldReport};

/// Words RENAPO never issues as the first four letters; it replaces the second letter with X
/// (stdnum's `_name_blacklist`, from RENAPO's "palabras inconvenientes" annex).
pub(crate) const INCONVENIENT_WORDS: &[&str] = &[
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
];

/// The check-digit alphabet: Ñ sits after N, written `&`.
const ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

/// Validates a CURP; the normalised value is uppercase without separators.
pub fn validate_curp(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::Curp);
    let curp = compact(input);
    if curp.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let length = curp.chars().count();
    if length != 18 {
        return report.with(Code::CurpLength, &[("length", length.to_string())]);
    }
    if !has_curp_shape(&curp) {
        return report.with(Code::CurpFormat, &[]);
    }
    // The shape check guarantees 18 ASCII characters, so byte slicing is safe from here on.
    let mut report = report;
    let word = &curp[0..4];
    if INCONVENIENT_WORDS.contains(&word) {
        report.push(Code::CurpInconvenientWord, &[("word", word.to_owned())]);
    }
    let century = if curp.as_bytes()[16].is_ascii_digit() {
        1900
    } else {
        2000
    };
    if yymmdd(&curp[4..10], century).is_none() {
        report.push(Code::CurpDate, &[]);
    }
    if !matches!(&curp[10..11], "H" | "M") {
        report.push(Code::CurpSex, &[]);
    }
    let state = &curp[11..13];
    if state != "NE" && MxState::from_curp_code(state).is_none() {
        report.push(Code::CurpState, &[("state", state.to_owned())]);
    }
    if check_digit(&curp[..17]) != curp[17..].chars().next() {
        report.push(Code::CurpCheckDigit, &[]);
    }
    report.accept(curp)
}

/// `^[A-Z]{4}[0-9]{6}[A-Z]{6}[0-9A-Z][0-9]$`
fn has_curp_shape(curp: &str) -> bool {
    let b = curp.as_bytes();
    b.len() == 18
        && b[0..4].iter().all(u8::is_ascii_uppercase)
        && b[4..10].iter().all(u8::is_ascii_digit)
        && b[10..16].iter().all(u8::is_ascii_uppercase)
        && (b[16].is_ascii_digit() || b[16].is_ascii_uppercase())
        && b[17].is_ascii_digit()
}

/// Σ index(cᵢ)·(18 − i) over the first 17 characters, rounded up to a multiple of ten.
pub(crate) fn check_digit(first17: &str) -> Option<char> {
    let values: Option<Vec<u32>> = first17
        .chars()
        .map(|c| alphabet_index(ALPHABET, c))
        .collect();
    let weights: Vec<u32> = (2..=18).rev().collect();
    let sum = weighted_sum(&values?, &weights);
    char::from_digit(mod10_complement(sum), 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(input: &str) -> Vec<Code> {
        validate_curp(input).codes()
    }

    #[test]
    fn accepts_real_curps() {
        // stdnum/mx/curp.py doctest and billpocket-research §6 ("Verified: BOXW310820HNERXN09").
        let report = validate_curp(" boxw-310820-hnerxn09 ");
        assert!(report.issues.is_empty(), "{report:?}");
        assert_eq!(report.value.as_deref(), Some("BOXW310820HNERXN09"));
        // A CURP from 2000 on carries a letter in position 17 (self-computed check digit).
        let mut born_2004 = "PEGJ040115MDFRRNA".to_owned();
        born_2004.push(check_digit(&born_2004).unwrap());
        assert!(validate_curp(&born_2004).is_valid());
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(codes(""), [Code::FieldRequired]);
        assert_eq!(codes("BOXW310820HNERXN0"), [Code::CurpLength]);
        assert_eq!(
            validate_curp("BOXW310820HNERXN0").issues[0].params["length"],
            "17"
        );
        assert_eq!(codes("BOXW31082OHNERXN09"), [Code::CurpFormat]);
        // stdnum doctest: BOXW310820HNERXN08 fails the checksum.
        assert_eq!(codes("BOXW310820HNERXN08"), [Code::CurpCheckDigit]);
    }

    fn with_check(first17: &str) -> String {
        format!("{first17}{}", check_digit(first17).unwrap())
    }

    #[test]
    fn rejects_components_even_with_a_correct_check_digit() {
        assert_eq!(codes(&with_check("BOXW311320HNERXN0")), [Code::CurpDate]);
        // 29 Feb 1900 does not exist (digit in position 17 → 1900s); 29 Feb 2000 does.
        assert_eq!(codes(&with_check("BOXW000229HNERXN0")), [Code::CurpDate]);
        assert!(validate_curp(&with_check("BOXW000229HNERXNA")).is_valid());
        assert_eq!(codes(&with_check("BOXW310820XNERXN0")), [Code::CurpSex]);
        let report = validate_curp(&with_check("BOXW310820HZZRXN0"));
        assert_eq!(report.codes(), [Code::CurpState]);
        assert_eq!(report.issues[0].params["state"], "ZZ");
        let report = validate_curp(&with_check("PUTO310820HNERXN0"));
        assert_eq!(report.codes(), [Code::CurpInconvenientWord]);
        assert_eq!(report.value, None);
    }
}
