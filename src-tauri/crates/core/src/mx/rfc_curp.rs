//! Whether a persona física's RFC and CURP describe the same person. SAT and RENAPO build the
//! first four characters of both from the same surnames and first name (first letter and first
//! inner vowel of the first surname, initial of the second, initial of the name), followed by
//! the birth date YYMMDD.
//!
//! The dates must match. The letters may differ where the two registries' rules diverge, or
//! where one key was written by older or hand-applied rules: an inconvenient word (RENAPO writes
//! X for its second letter, SAT for its last), a person with one surname (RENAPO writes X for
//! the missing one, SAT takes two letters of the surname and two of the name), a particle kept
//! by one and skipped by the other ("DE LA GARZA": DE… or GA…), a compound first name
//! ("MARÍA GUADALUPE": M… or G…) and Ñ (RENAPO writes X). Such a difference warns, naming the
//! likely reason; any other is taken as two different people.

use crate::check::compact;
use crate::mx::curp::INCONVENIENT_WORDS as RENAPO_INCONVENIENT_WORDS;
use crate::mx::rfc::INCONVENIENT_WORDS as SAT_INCONVENIENT_WORDS;
use crate::report::{Code, FieldKind, Issue};

/// Particles skipped in names: both registries skip DE, DEL, LA, LAS, LOS, MAC, MC, VAN, VON
/// and Y; RENAPO also DA, DAS, DD, DER, DI, DIE, EL, LE and LES; SAT also MI. Older keys were
/// not always written by these lists. A key that kept one shows its letters where the other
/// shows the next word's.
const PARTICLES: &[&str] = &[
    "DA", "DAS", "DD", "DE", "DEL", "DER", "DI", "DIE", "EL", "LA", "LAS", "LE", "LES", "LOS",
    "MAC", "MC", "MI", "VAN", "VON", "Y",
];

/// Initials of MARÍA (MA., M.) and JOSÉ (J.), which both registries skip when another name
/// follows, and which older keys still carry.
const COMPOUND_NAME_INITIALS: [char; 2] = ['M', 'J'];

/// Compares an RFC (13 characters) with a CURP. Run it once both fields are valid on their own;
/// malformed values yield no issue here, since the per-field report already explains them.
pub fn check_rfc_matches_curp(rfc: &str, curp: &str) -> Vec<Issue> {
    let rfc: Vec<char> = compact(rfc).chars().collect();
    let curp: Vec<char> = compact(curp).chars().collect();
    if rfc.len() != 13 || curp.len() != 18 {
        return Vec::new();
    }
    let mut issues = Vec::new();
    if rfc[4..10] != curp[4..10] {
        issues.push(Issue::new(Code::RfcCurpDateMismatch, FieldKind::Rfc, &[]));
    }
    if let Some(code) = compare_letters(&rfc[..4], &curp[..4]) {
        issues.push(Issue::new(code, FieldKind::Rfc, &[]));
    }
    issues
}

/// `None` when the letters agree; else the warning naming what explains the difference, or
/// [`Code::RfcCurpNameMismatch`] when nothing does.
fn compare_letters(rfc: &[char], curp: &[char]) -> Option<Code> {
    let differs = |at: std::ops::Range<usize>| {
        rfc[at.clone()]
            .iter()
            .zip(&curp[at])
            .any(|(&r, &c)| !same_letter(r, c))
    };
    if !differs(0..4) {
        return None;
    }
    if inconvenient_word(rfc, curp) {
        return Some(Code::RfcCurpNameInconvenientWord);
    }
    if single_surname(rfc, curp) {
        return Some(Code::RfcCurpNameSingleSurname);
    }
    // Two surnames and a name, each part explained on its own.
    let either = |test: &dyn Fn(&[char]) -> bool| test(rfc) || test(curp);
    let parts = [
        (
            0..2,
            either(&|k| kept_particle(k[0], k[1])),
            Code::RfcCurpNameParticle,
        ),
        (
            2..3,
            either(&|k| particle_initial(k[2])),
            Code::RfcCurpNameParticle,
        ),
        (
            3..4,
            either(&|k| COMPOUND_NAME_INITIALS.contains(&k[3])),
            Code::RfcCurpNameCompound,
        ),
    ];
    let mut reason = None;
    for (at, explained, code) in parts {
        if differs(at) {
            if !explained {
                return Some(Code::RfcCurpNameMismatch);
            }
            reason.get_or_insert(code);
        }
    }
    reason
}

/// RENAPO writes X for Ñ; keys typed without the tilde carry N.
fn same_letter(rfc: char, curp: char) -> bool {
    rfc == curp || (rfc == 'Ñ' && matches!(curp, 'X' | 'N'))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// Both keys are one word from either list, each written as is or as its own registry
/// replaces it (RENAPO: second letter X; SAT: fourth letter X).
fn inconvenient_word(rfc: &[char], curp: &[char]) -> bool {
    let with_x = |word: &str, at: usize| -> Vec<char> {
        word.chars()
            .enumerate()
            .map(|(i, c)| if i == at { 'X' } else { c })
            .collect()
    };
    RENAPO_INCONVENIENT_WORDS
        .iter()
        .chain(SAT_INCONVENIENT_WORDS)
        .any(|word| {
            let plain: Vec<char> = word.chars().collect();
            (curp == plain.as_slice() || curp == with_x(word, 1).as_slice())
                && (rfc == plain.as_slice() || rfc == with_x(word, 3).as_slice())
        })
}

/// RENAPO: surname letter, inner vowel, X, name initial. SAT: the surname's first two letters
/// and the name's first two.
fn single_surname(rfc: &[char], curp: &[char]) -> bool {
    curp[2] == 'X'
        && same_letter(rfc[0], curp[0])
        && (same_letter(rfc[1], curp[1]) || !is_vowel(rfc[1]))
        && (same_letter(rfc[2], curp[3])
            || COMPOUND_NAME_INITIALS.contains(&rfc[2])
            || COMPOUND_NAME_INITIALS.contains(&curp[3]))
}

/// The first two letters a key gets from a particle it kept: its initial and its first vowel
/// after it, or any letter when the particle has none (DD, EL, MC, Y: the next word's vowel).
fn kept_particle(first: char, second: char) -> bool {
    PARTICLES.iter().any(|particle| {
        let mut letters = particle.chars();
        letters.next() == Some(first) && letters.find(|&c| is_vowel(c)).is_none_or(|v| v == second)
    })
}

fn particle_initial(letter: char) -> bool {
    PARTICLES.iter().any(|p| p.starts_with(letter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mx::{curp, rfc};
    use crate::report::Severity;

    fn codes(rfc: &str, curp: &str) -> Vec<Code> {
        check_rfc_matches_curp(rfc, curp)
            .iter()
            .map(|i| i.code)
            .collect()
    }

    /// A CURP with these letters and date; the rest is a real-looking tail.
    fn curp_of(letters: &str, date: &str) -> String {
        let first17 = format!("{letters}{date}MDFRRN0");
        format!("{first17}{}", curp::check_digit(&first17).unwrap_or('0'))
    }

    /// An RFC with these letters and date, homoclave "K3" and its check character.
    fn rfc_of(letters: &str, date: &str) -> String {
        let body: Vec<char> = format!("{letters}{date}K3").chars().collect();
        let check = rfc::check_character(&body).unwrap_or('0');
        format!("{}{check}", body.iter().collect::<String>())
    }

    #[test]
    fn same_person() {
        // stdnum's CURP example BOXW310820HNERXN09 and an RFC with its letters and date.
        assert!(codes("BOXW310820AB1", "BOXW310820HNERXN09").is_empty());
        // GONZÁLEZ DÍAZ ELENA: GODE in both; separators and case do not matter.
        assert!(codes("gode-561231-gr8", "GODE 561231 MDFNRL01").is_empty());
        // NÚÑEZ: SAT keeps the Ñ, RENAPO writes X; a key typed without the tilde has N.
        assert!(codes(&rfc_of("ÑUPA", "800101"), &curp_of("XUPA", "800101")).is_empty());
        assert!(codes(&rfc_of("ÑUPA", "800101"), &curp_of("NUPA", "800101")).is_empty());
    }

    #[test]
    fn different_people_are_a_mismatch_that_blocks() {
        // LÓPEZ NAVA F… against LÓPEZ PARRA F…: no rule turns an N into a P.
        let found = check_rfc_matches_curp("LOPF920714K38", "LONF920714MDFPXR02");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::RfcCurpNameMismatch);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].field, FieldKind::Rfc);
        // Another first surname, another name, a swapped surname order.
        for (rfc_letters, curp_letters) in [
            ("PERJ", "PEGJ"),
            ("GORE", "GOPE"),
            ("GOPA", "GOPE"),
            ("ROSA", "SARO"),
        ] {
            assert_eq!(
                codes(
                    &rfc_of(rfc_letters, "850312"),
                    &curp_of(curp_letters, "850312")
                ),
                [Code::RfcCurpNameMismatch],
                "{rfc_letters} / {curp_letters}"
            );
        }
    }

    #[test]
    fn the_issue_pair_is_not_passed() {
        // LOMF / LONF: only a kept "MC"/"MAC"/"MI" before the second surname explains an M
        // where the CURP has N, so it warns instead of reading as the same person.
        let found = check_rfc_matches_curp("LOMF920714K38", "LONF920714MDFPXR02");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::RfcCurpNameParticle);
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn legitimately_divergent_letters_warn_and_name_the_reason() {
        let warns = |rfc_letters: &str, curp_letters: &str| -> Vec<Code> {
            let found = check_rfc_matches_curp(
                &rfc_of(rfc_letters, "310820"),
                &curp_of(curp_letters, "310820"),
            );
            assert!(
                found.iter().all(|i| i.severity == Severity::Warning),
                "{found:?}"
            );
            found.iter().map(|i| i.code).collect()
        };
        // BACA ROMO ANA: RENAPO lists BACA (BXCA), SAT does not (BACA); PUTO…: RENAPO PXTO,
        // SAT PUTX; both replaced at once.
        assert_eq!(warns("BACA", "BXCA"), [Code::RfcCurpNameInconvenientWord]);
        assert_eq!(warns("PUTX", "PXTO"), [Code::RfcCurpNameInconvenientWord]);
        assert_eq!(warns("BACX", "BXCA"), [Code::RfcCurpNameInconvenientWord]);
        // MARTÍNEZ JUAN: SAT MAJU, RENAPO MAXJ; BRAVO JOSÉ LUIS: SAT BRLU, RENAPO BAXL.
        assert_eq!(warns("MAJU", "MAXJ"), [Code::RfcCurpNameSingleSurname]);
        assert_eq!(warns("BRLU", "BAXL"), [Code::RfcCurpNameSingleSurname]);
        assert_eq!(warns("BRJO", "BAXL"), [Code::RfcCurpNameSingleSurname]);
        // DE LA GARZA MORA LUIS: DEML with the particles kept, GAML without; DÍAZ DEL VALLE
        // ANA: DIDA or DIVA; VON BERTRAB SAENZ EVA: VOSE or BESE.
        assert_eq!(warns("DEML", "GAML"), [Code::RfcCurpNameParticle]);
        assert_eq!(warns("GAML", "DEML"), [Code::RfcCurpNameParticle]);
        assert_eq!(warns("DIDA", "DIVA"), [Code::RfcCurpNameParticle]);
        assert_eq!(warns("VOSE", "BESE"), [Code::RfcCurpNameParticle]);
        // MARÍA GUADALUPE LÓPEZ NÚÑEZ: LONM with MARÍA, LONG without; JOSÉ LUIS: J or L.
        assert_eq!(warns("LONM", "LONG"), [Code::RfcCurpNameCompound]);
        assert_eq!(warns("PEGL", "PEGJ"), [Code::RfcCurpNameCompound]);
        // A particle and a compound name at once.
        assert_eq!(warns("DEMM", "GAMG"), [Code::RfcCurpNameParticle]);
    }

    #[test]
    fn a_date_mismatch_blocks_whatever_the_letters() {
        assert_eq!(
            codes("BOXW310821AB1", "BOXW310820HNERXN09"),
            [Code::RfcCurpDateMismatch]
        );
        assert_eq!(
            codes(&rfc_of("PERJ", "850313"), &curp_of("PEGJ", "850312")),
            [Code::RfcCurpDateMismatch, Code::RfcCurpNameMismatch]
        );
    }

    #[test]
    fn malformed_or_moral_inputs_are_left_to_the_field_validators() {
        assert!(codes("MAB9307148T4", "BOXW310820HNERXN09").is_empty());
        assert!(codes("", "BOXW310820HNERXN09").is_empty());
        assert!(codes("ÑÑÑ", "Ñ").is_empty());
        // Ñ is one character: the date still lines up.
        assert!(codes("ÑAXX310820AB1", "XAXX310820HNERXN09").is_empty());
    }
}
