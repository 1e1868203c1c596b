//! Whether a persona física's RFC and CURP describe the same person. SAT and RENAPO build the
//! first four characters of both from the same surnames and first name, followed by the birth
//! date YYMMDD.
//!
//! The dates must match. With the names typed in the form, each key's letters are compared
//! with what its own registry derives from them ([`crate::mx::name_key`]): a difference is an
//! error on that key, unless the other registry's variant of a rule or an older form explains
//! it (a warning naming why). Without names the two keys' letters are compared with each other, and only what
//! the keys alone show to be a registry's rule warns: an inconvenient word (RENAPO writes X for
//! its second letter, SAT for its last) and a single surname (the CURP's X in third place, the
//! RFC's third letter the CURP's name initial). Whether a particle or MARÍA/JOSÉ explains a
//! letter depends on the names, so any other difference is taken as two different people.

use crate::check::compact;
use crate::mx::curp::INCONVENIENT_WORDS as RENAPO_INCONVENIENT_WORDS;
use crate::mx::name_key::{Divergence, NameMatch, NameWords, PersonNames, Registry, same_letter};
use crate::mx::rfc::INCONVENIENT_WORDS as SAT_INCONVENIENT_WORDS;
use crate::report::{Code, FieldKind, Issue};

/// Compares an RFC (13 characters) and a CURP with each other and, when given, with the names.
/// Run it once the fields are valid on their own; a value of the wrong length yields no issue
/// here, since the per-field report already explains it.
pub fn check_rfc_matches_curp(rfc: &str, curp: &str, names: Option<&PersonNames>) -> Vec<Issue> {
    let keep = |text: &str, length: usize| {
        let chars: Vec<char> = compact(text).chars().collect();
        (chars.len() == length).then_some(chars)
    };
    let (rfc, curp) = (keep(rfc, 13), keep(curp, 18));
    let mut issues = Vec::new();
    if let (Some(rfc), Some(curp)) = (&rfc, &curp)
        && rfc[4..10] != curp[4..10]
    {
        issues.push(Issue::new(Code::RfcCurpDateMismatch, FieldKind::Rfc, &[]));
    }
    match names.and_then(NameWords::parse) {
        Some(words) => {
            let keys = [
                (
                    curp,
                    Registry::Renapo,
                    FieldKind::Curp,
                    Code::CurpNameMismatch,
                ),
                (rfc, Registry::Sat, FieldKind::Rfc, Code::RfcNameMismatch),
            ];
            for (key, registry, field, mismatch) in keys {
                let Some(key) = key else { continue };
                let code = match words.compare(registry, &key) {
                    NameMatch::Same => continue,
                    NameMatch::Explained(why) => divergence_code(why),
                    NameMatch::Mismatch => mismatch,
                };
                issues.push(Issue::new(code, field, &[]));
            }
        }
        None => {
            if let (Some(rfc), Some(curp)) = (&rfc, &curp)
                && let Some(code) = compare_letters(&rfc[..4], &curp[..4])
            {
                issues.push(Issue::new(code, FieldKind::Rfc, &[]));
            }
        }
    }
    issues
}

fn divergence_code(why: Divergence) -> Code {
    match why {
        Divergence::InconvenientWord => Code::NameLettersInconvenientWord,
        Divergence::SurnameForm => Code::NameLettersSurnameForm,
        Divergence::Particle => Code::NameLettersParticle,
        Divergence::Compound => Code::NameLettersCompound,
    }
}

/// `None` when the letters agree; else the warning naming what explains the difference, or
/// [`Code::RfcCurpNameMismatch`] when the keys alone show nothing that does.
fn compare_letters(rfc: &[char], curp: &[char]) -> Option<Code> {
    if rfc.iter().zip(curp).all(|(&r, &c)| same_letter(r, c)) {
        None
    } else if inconvenient_word(rfc, curp) {
        Some(Code::RfcCurpNameInconvenientWord)
    } else if single_surname(rfc, curp) {
        Some(Code::RfcCurpNameSingleSurname)
    } else {
        Some(Code::RfcCurpNameMismatch)
    }
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

/// RENAPO: surname letter, inner vowel, X, name initial. SAT (regla 7): the surname's first two
/// letters and the name's first two, so the RFC's third letter is the CURP's fourth.
fn single_surname(rfc: &[char], curp: &[char]) -> bool {
    curp[2] == 'X'
        && same_letter(rfc[0], curp[0])
        && (same_letter(rfc[1], curp[1]) || !is_vowel(rfc[1]))
        && same_letter(rfc[2], curp[3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mx::{curp, rfc};
    use crate::report::Severity;

    fn codes(rfc: &str, curp: &str) -> Vec<Code> {
        check_rfc_matches_curp(rfc, curp, None)
            .iter()
            .map(|i| i.code)
            .collect()
    }

    fn person(first: &str, paternal: &str, maternal: &str) -> PersonNames {
        PersonNames {
            first_name: first.into(),
            paternal_surname: paternal.into(),
            maternal_surname: maternal.into(),
        }
    }

    /// (field, code) of each issue found with these names.
    fn with_names(rfc: &str, curp: &str, names: &PersonNames) -> Vec<(FieldKind, Code)> {
        check_rfc_matches_curp(rfc, curp, Some(names))
            .iter()
            .map(|i| (i.field, i.code))
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
    fn issue_12_pair_with_the_names_refuses_the_rfc() {
        // CURP LONF… and RFC LOMF… of FERNANDA LÓPEZ NÚÑEZ: the CURP is hers, the RFC is not.
        let fernanda = person("Fernanda", "López", "Núñez");
        let found = check_rfc_matches_curp("LOMF920714K38", "LONF920714MDFPXR02", Some(&fernanda));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].field, found[0].code, found[0].severity),
            (FieldKind::Rfc, Code::RfcNameMismatch, Severity::Error)
        );
        assert!(with_names("LONF920714K38", "LONF920714MDFPXR02", &fernanda).is_empty());
        // Names of someone else: both keys are refused, each on its field.
        assert_eq!(
            with_names(
                "LONF920714K38",
                "LONF920714MDFPXR02",
                &person("Fernanda", "Lara", "Núñez")
            ),
            [
                (FieldKind::Curp, Code::CurpNameMismatch),
                (FieldKind::Rfc, Code::RfcNameMismatch)
            ]
        );
    }

    #[test]
    fn each_key_is_judged_by_its_own_registry() {
        // ANA PÉREZ, no second surname: RENAPO PEXA, SAT PEAN.
        let ana = person("Ana", "Pérez", "");
        let (curp, rfc) = (curp_of("PEXA", "900101"), rfc_of("PEAN", "900101"));
        assert!(with_names(&rfc, &curp, &ana).is_empty());
        // RENAPO's form in the RFC: the other registry's rule, a warning on the RFC.
        assert_eq!(
            with_names(&rfc_of("PEXA", "900101"), &curp, &ana),
            [(FieldKind::Rfc, Code::NameLettersSurnameForm)]
        );
        // An inconvenient word: PUGA TORRES OSCAR is PXTO at RENAPO and PUTX at SAT.
        let oscar = person("Oscar", "Puga", "Torres");
        assert!(
            with_names(
                &rfc_of("PUTX", "850312"),
                &curp_of("PXTO", "850312"),
                &oscar
            )
            .is_empty()
        );
        assert_eq!(
            with_names(
                &rfc_of("PXTO", "850312"),
                &curp_of("PXTO", "850312"),
                &oscar
            ),
            [(FieldKind::Rfc, Code::NameLettersInconvenientWord)]
        );
        // JOSÉ LUIS DE LA GARZA MORA with an older CURP that kept the particles.
        let jose_luis = person("José Luis", "de la Garza", "Mora");
        let found = check_rfc_matches_curp(
            &rfc_of("GAML", "700505"),
            &curp_of("DEML", "700505"),
            Some(&jose_luis),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].field, found[0].code, found[0].severity),
            (
                FieldKind::Curp,
                Code::NameLettersParticle,
                Severity::Warning
            )
        );
        // MARÍA FERNANDA LÓPEZ NÚÑEZ with MARÍA's initial in the RFC.
        let maria = person("María Fernanda", "López", "Núñez");
        assert_eq!(
            with_names(&rfc_of("LONM", "920714"), "LONF920714MDFPXR02", &maria),
            [(FieldKind::Rfc, Code::NameLettersCompound)]
        );
        // Ñ: RENAPO's X, SAT's Ñ.
        let inaki = person("Iñaki", "Ñúñez", "Peña");
        assert!(
            with_names(
                &rfc_of("ÑUPI", "800101"),
                &curp_of("XUPI", "800101"),
                &inaki
            )
            .is_empty()
        );
    }

    #[test]
    fn one_key_is_checked_against_the_names_without_the_other() {
        let fernanda = person("Fernanda", "López", "Núñez");
        assert_eq!(
            with_names("", &curp_of("LANF", "920714"), &fernanda),
            [(FieldKind::Curp, Code::CurpNameMismatch)]
        );
        assert_eq!(
            with_names("LOMF920714K38", "LONF9207", &fernanda),
            [(FieldKind::Rfc, Code::RfcNameMismatch)]
        );
    }

    #[test]
    fn names_too_incomplete_to_derive_fall_back_to_the_keys() {
        let no_surname = person("Fernanda", "", "");
        assert_eq!(
            with_names("LOMF920714K38", "LONF920714MDFPXR02", &no_surname),
            [(FieldKind::Rfc, Code::RfcCurpNameMismatch)]
        );
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
    fn without_names_different_letters_are_a_mismatch_that_blocks() {
        // Issue 12's pair: a kept particle (MC …) could explain the M only if the second
        // surname were known; without names it is two people.
        let found = check_rfc_matches_curp("LOMF920714K38", "LONF920714MDFPXR02", None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::RfcCurpNameMismatch);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].field, FieldKind::Rfc);
        for (rfc_letters, curp_letters) in [
            ("PERJ", "PEGJ"),
            ("GORE", "GOPE"),
            ("GOPA", "GOPE"),
            ("ROSA", "SARO"),
            // A particle or MARÍA in one key: unknowable without the names.
            ("DEML", "GAML"),
            ("LONM", "LONG"),
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
    fn without_names_what_the_keys_show_to_be_a_rule_warns() {
        let warns = |rfc_letters: &str, curp_letters: &str| -> Vec<Code> {
            let found = check_rfc_matches_curp(
                &rfc_of(rfc_letters, "310820"),
                &curp_of(curp_letters, "310820"),
                None,
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
        // MARTÍNEZ JUAN: SAT MAJU, RENAPO MAXJ; BRAVO LUIS: SAT BRLU, RENAPO BAXL.
        assert_eq!(warns("MAJU", "MAXJ"), [Code::RfcCurpNameSingleSurname]);
        assert_eq!(warns("BRLU", "BAXL"), [Code::RfcCurpNameSingleSurname]);
        // The RFC's third letter must be the CURP's name initial.
        assert_eq!(
            codes(&rfc_of("BRJO", "310820"), &curp_of("BAXL", "310820")),
            [Code::RfcCurpNameMismatch]
        );
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
