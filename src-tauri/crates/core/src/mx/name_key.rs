//! The four letters a persona física's CURP and RFC start with, derived from her names the way
//! each registry does, and whether a key's letters are those.
//!
//! Both registries take the first letter and first inner vowel of the first surname, the
//! initial of the second and the initial of the first given name; they skip particles (DE, LA,
//! MC, …) and a leading MARÍA or JOSÉ (MA., J., …) when another given name follows, use the
//! first word of a compound surname, drop accents and write X where a letter is missing. They
//! part ways on:
//!
//! - RENAPO ("Instructivo Normativo para la Asignación de la Clave Única de Registro de
//!   Población"): Ñ is written X; no second surname gives X; an inconvenient word
//!   ([`curp::INCONVENIENT_WORDS`]) has its second letter replaced by X; its particle list adds
//!   DA, DAS, DD, DER, DI, DIE, EL, LE and LES.
//! - SAT ("Algoritmo para generar el RFC con homoclave para personas físicas y morales", reglas
//!   1–9): a first surname of one or two letters gives its initial, the second surname's and the
//!   name's first two letters (regla 4); a single surname gives its first two letters and the
//!   name's first two (regla 7); an inconvenient word ([`rfc::INCONVENIENT_WORDS`]) has its last
//!   letter replaced by X (regla 9); its particle list adds MI (regla 8). Ñ is written Ñ or X.
//!
//! A key whose letters come from the other registry's variant of a rule, or from an older form
//! (a particle or MARÍA/JOSÉ kept, an inconvenient word left as is) is explained, not matched.

use serde::{Deserialize, Serialize};

use crate::mx::{curp, rfc};

/// A persona física's names as typed in the form; the second surname may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonNames {
    pub first_name: String,
    pub paternal_surname: String,
    pub maternal_surname: String,
}

/// Who builds the key: RENAPO the CURP, SAT the RFC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registry {
    Renapo,
    Sat,
}

/// What explains a key's letters that are not the ones its registry derives today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Divergence {
    /// The inconvenient word left as is, or replaced by the other registry's list or position.
    InconvenientWord,
    /// The other registry's form for a single surname or a first surname of one or two letters.
    SurnameForm,
    /// A particle kept, or skipped by the other registry's list.
    Particle,
    /// MARÍA or JOSÉ kept as the name's initial.
    Compound,
}

/// How a key's four letters compare with the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    Same,
    Explained(Divergence),
    Mismatch,
}

const RENAPO_PARTICLES: &[&str] = &[
    "DA", "DAS", "DD", "DE", "DEL", "DER", "DI", "DIE", "EL", "LA", "LAS", "LE", "LES", "LOS",
    "MAC", "MC", "VAN", "VON", "Y",
];
const SAT_PARTICLES: &[&str] = &[
    "DE", "DEL", "LA", "LAS", "LOS", "MAC", "MC", "MI", "VAN", "VON", "Y",
];
const NO_PARTICLES: &[&str] = &[];

/// Given names skipped when another follows: MARÍA and JOSÉ as written on documents.
const COMPOUND_FIRST: &[&str] = &["MARIA", "MA", "M", "JOSE", "J"];

const BOTH_INCONVENIENT: &[&[&str]] = &[curp::INCONVENIENT_WORDS, rfc::INCONVENIENT_WORDS];

impl Registry {
    fn other(self) -> Self {
        match self {
            Registry::Renapo => Registry::Sat,
            Registry::Sat => Registry::Renapo,
        }
    }

    fn particles(self) -> &'static [&'static str] {
        match self {
            Registry::Renapo => RENAPO_PARTICLES,
            Registry::Sat => SAT_PARTICLES,
        }
    }

    fn inconvenient_words(self) -> &'static [&'static [&'static str]] {
        match self {
            Registry::Renapo => &[curp::INCONVENIENT_WORDS],
            Registry::Sat => &[rfc::INCONVENIENT_WORDS],
        }
    }

    /// The letter an inconvenient word has replaced by X.
    fn inconvenient_at(self) -> usize {
        match self {
            Registry::Renapo => 1,
            Registry::Sat => 3,
        }
    }
}

/// One way of writing the letters: a registry's current rules, or a variant of them.
#[derive(Debug, Clone, Copy)]
struct Rules {
    layout: Registry,
    particles: &'static [&'static str],
    skip_compound: bool,
    inconvenient: Option<(&'static [&'static [&'static str]], usize)>,
}

/// The names as words of plain capitals (accents dropped, Ñ kept, dots and apostrophes gone).
#[derive(Debug)]
pub struct NameWords {
    given: Vec<String>,
    first: Vec<String>,
    second: Vec<String>,
}

impl NameWords {
    /// `None` until the first name and the first surname have a letter to derive from.
    pub fn parse(names: &PersonNames) -> Option<Self> {
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| c.is_whitespace() || c == '-')
                .map(|word| word.chars().filter_map(plain_capital).collect::<String>())
                .filter(|word| !word.is_empty())
                .collect()
        };
        let parsed = NameWords {
            given: words(&names.first_name),
            first: words(&names.paternal_surname),
            second: words(&names.maternal_surname),
        };
        (!parsed.given.is_empty() && !parsed.first.is_empty()).then_some(parsed)
    }

    /// How `key`'s first four letters compare with what `registry` derives from these names.
    pub fn compare(&self, registry: Registry, key: &[char]) -> NameMatch {
        let Some(key) = key.get(..4) else {
            return NameMatch::Mismatch;
        };
        let mut variants = variants(registry);
        // The fewest departures from today's rules that explain the key.
        variants.sort_by_key(|(_, departures)| departures.len());
        let found = variants.into_iter().find(|(rules, _)| {
            self.letters(*rules)
                .iter()
                .zip(key)
                .all(|(&derived, &written)| same_letter(derived, written))
        });
        match found {
            None => NameMatch::Mismatch,
            Some((_, departures)) => match departures.first() {
                None => NameMatch::Same,
                Some(&why) => NameMatch::Explained(why),
            },
        }
    }

    fn letters(&self, rules: Rules) -> [char; 4] {
        let first = without_particles(&self.first, rules.particles);
        let second = without_particles(&self.second, rules.particles);
        let mut given = without_particles(&self.given, rules.particles);
        if rules.skip_compound && given.len() > 1 && COMPOUND_FIRST.contains(&given[0]) {
            given.remove(0);
        }
        let letter =
            |word: Option<&&str>, at: usize| word.and_then(|w| w.chars().nth(at)).unwrap_or('X');
        let (surname, name) = (first.first(), given.first());
        let inner_vowel = surname
            .and_then(|w| w.chars().skip(1).find(|&c| is_vowel(c)))
            .unwrap_or('X');
        let short = surname.is_some_and(|w| w.chars().count() <= 2);
        let mut letters = match (rules.layout, second.first()) {
            (Registry::Renapo, second) => [
                letter(surname, 0),
                inner_vowel,
                letter(second, 0),
                letter(name, 0),
            ],
            // Regla 7: a single surname.
            (Registry::Sat, None) => [
                letter(surname, 0),
                letter(surname, 1),
                letter(name, 0),
                letter(name, 1),
            ],
            // Regla 4: a first surname of one or two letters.
            (Registry::Sat, second) if short => [
                letter(surname, 0),
                letter(second, 0),
                letter(name, 0),
                letter(name, 1),
            ],
            (Registry::Sat, second) => [
                letter(surname, 0),
                inner_vowel,
                letter(second, 0),
                letter(name, 0),
            ],
        };
        if let Some((lists, at)) = rules.inconvenient {
            // The lists are written with X for Ñ, as the keys are.
            let word: String = letters
                .iter()
                .map(|&c| if c == 'Ñ' { 'X' } else { c })
                .collect();
            if lists.iter().any(|list| list.contains(&word.as_str())) {
                letters[at] = 'X';
            }
        }
        letters
    }
}

/// The letter derived from a name (which may be Ñ) against the letter written in a key: Ñ is
/// written X by RENAPO, Ñ or X by SAT, and N when typed without the tilde.
pub(crate) fn same_letter(derived: char, written: char) -> bool {
    derived == written || (derived == 'Ñ' && matches!(written, 'X' | 'N'))
}

fn current_rules(registry: Registry) -> Rules {
    Rules {
        layout: registry,
        particles: registry.particles(),
        skip_compound: true,
        inconvenient: Some((registry.inconvenient_words(), registry.inconvenient_at())),
    }
}

/// Every way of writing the letters the rules allow, each with the departures from
/// `registry`'s current rules it takes (none for the current rules themselves).
fn variants(registry: Registry) -> Vec<(Rules, Vec<Divergence>)> {
    let other = registry.other();
    let current = current_rules(registry);
    let inconvenient = [
        (current.inconvenient, None),
        (None, Some(Divergence::InconvenientWord)),
        (
            Some((BOTH_INCONVENIENT, registry.inconvenient_at())),
            Some(Divergence::InconvenientWord),
        ),
        (
            Some((BOTH_INCONVENIENT, other.inconvenient_at())),
            Some(Divergence::InconvenientWord),
        ),
    ];
    let layouts = [(registry, None), (other, Some(Divergence::SurnameForm))];
    let particles = [
        (registry.particles(), None),
        (other.particles(), Some(Divergence::Particle)),
        (NO_PARTICLES, Some(Divergence::Particle)),
    ];
    let compound = [(true, None), (false, Some(Divergence::Compound))];
    let mut all = Vec::new();
    for (inconvenient, why_inconvenient) in inconvenient {
        for (layout, why_layout) in layouts {
            for (particles, why_particles) in particles {
                for (skip_compound, why_compound) in compound {
                    let rules = Rules {
                        layout,
                        particles,
                        skip_compound,
                        inconvenient,
                    };
                    // The first departure names the reason: the particle or name the user
                    // typed before the surname form it leads to.
                    let departures = [why_particles, why_compound, why_inconvenient, why_layout]
                        .into_iter()
                        .flatten()
                        .collect();
                    all.push((rules, departures));
                }
            }
        }
    }
    all
}

/// The words that are not particles; all of them when nothing else is left ("De la O" keeps O,
/// a surname "Y" keeps Y).
fn without_particles<'a>(words: &'a [String], particles: &[&str]) -> Vec<&'a str> {
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !particles.contains(w))
        .collect();
    if kept.is_empty() {
        words.iter().map(String::as_str).collect()
    } else {
        kept
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// A name character as the registries write it: capital, accent dropped (Ü as U), Ñ kept;
/// `None` for what is not a Latin letter (dots, apostrophes, other scripts).
fn plain_capital(c: char) -> Option<char> {
    let upper = c.to_uppercase().next().unwrap_or(c);
    let plain = match upper {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ò'..='Ö' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' => 'Y',
        other => other,
    };
    (plain.is_ascii_uppercase() || plain == 'Ñ').then_some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(first: &str, paternal: &str, maternal: &str) -> NameWords {
        NameWords::parse(&PersonNames {
            first_name: first.into(),
            paternal_surname: paternal.into(),
            maternal_surname: maternal.into(),
        })
        .unwrap()
    }

    /// The letters `registry` writes today.
    fn current(words: &NameWords, registry: Registry) -> String {
        words.letters(current_rules(registry)).iter().collect()
    }

    fn compare(words: &NameWords, registry: Registry, key: &str) -> NameMatch {
        words.compare(registry, &key.chars().collect::<Vec<_>>())
    }

    use Divergence::*;
    use NameMatch::*;
    use Registry::*;

    #[test]
    fn both_registries_derive_the_same_letters_for_ordinary_names() {
        let elena = names("Elena", "González", "Durán");
        assert_eq!(current(&elena, Renapo), "GODE");
        assert_eq!(current(&elena, Sat), "GODE");
        // AGUILAR starts with a vowel: its inner vowel is the U.
        assert_eq!(current(&names("Martín", "Aguilar", "Becerra"), Sat), "AUBM");
    }

    #[test]
    fn maria_fernanda_lopez_nunez() {
        let words = names("María Fernanda", "López", "Núñez");
        // MARÍA is skipped before another name; Ñ stays a letter of its own.
        assert_eq!(current(&words, Renapo), "LONF");
        assert_eq!(current(&words, Sat), "LONF");
        assert_eq!(compare(&words, Renapo, "LONF"), Same);
        assert_eq!(compare(&words, Sat, "LONF"), Same);
        // Issue 12's RFC: no rule turns NÚÑEZ into an M.
        assert_eq!(compare(&words, Sat, "LOMF"), Mismatch);
        // An older key with MARÍA's initial.
        assert_eq!(compare(&words, Sat, "LONM"), Explained(Compound));
        assert_eq!(compare(&words, Renapo, "LONM"), Explained(Compound));
        // Another first surname, another name.
        assert_eq!(compare(&words, Renapo, "LENF"), Mismatch);
        assert_eq!(compare(&words, Renapo, "LONG"), Mismatch);
    }

    #[test]
    fn jose_luis_de_la_garza() {
        let words = names("José Luis", "de la Garza", "Mora");
        assert_eq!(current(&words, Renapo), "GAML");
        assert_eq!(current(&words, Sat), "GAML");
        assert_eq!(compare(&words, Sat, "GAML"), Same);
        // Particles kept, JOSÉ kept, or both: older keys.
        assert_eq!(compare(&words, Sat, "DEML"), Explained(Particle));
        assert_eq!(compare(&words, Renapo, "GAMJ"), Explained(Compound));
        assert_eq!(compare(&words, Renapo, "DEMJ"), Explained(Particle));
        // A particle that is not in the name explains nothing.
        assert_eq!(compare(&words, Sat, "GANL"), Mismatch);
        assert_eq!(compare(&words, Sat, "MAML"), Mismatch);
    }

    #[test]
    fn particles_each_registry_skips_on_its_own() {
        // DA is a particle for RENAPO, not for SAT, where it is a two-letter surname (regla 4).
        let words = names("Ana", "Da Silva", "Ruiz");
        assert_eq!(current(&words, Renapo), "SIRA");
        assert_eq!(current(&words, Sat), "DRAN");
        assert_eq!(compare(&words, Sat, "SIRA"), Explained(Particle));
        assert_eq!(compare(&words, Renapo, "DARA"), Explained(Particle));
    }

    #[test]
    fn ana_perez_with_one_surname() {
        let words = names("Ana", "Pérez", "");
        // RENAPO: X for the missing surname; SAT regla 7: PE + AN.
        assert_eq!(current(&words, Renapo), "PEXA");
        assert_eq!(current(&words, Sat), "PEAN");
        assert_eq!(compare(&words, Renapo, "PEXA"), Same);
        assert_eq!(compare(&words, Sat, "PEAN"), Same);
        // Each registry's form in the other's key.
        assert_eq!(compare(&words, Sat, "PEXA"), Explained(SurnameForm));
        assert_eq!(compare(&words, Renapo, "PEAN"), Explained(SurnameForm));
        assert_eq!(compare(&words, Sat, "PEGA"), Mismatch);
    }

    #[test]
    fn a_first_surname_of_two_letters() {
        // SAT regla 4 (ÁLVARO DE LA O LOZANO): O, L and the name's AL.
        let words = names("Álvaro", "de la O", "Lozano");
        assert_eq!(current(&words, Sat), "OLAL");
        assert_eq!(current(&words, Renapo), "OXLA");
        assert_eq!(compare(&words, Sat, "OXLA"), Explained(SurnameForm));
        assert_eq!(compare(&words, Renapo, "OLAL"), Explained(SurnameForm));
    }

    #[test]
    fn inconvenient_words() {
        // PUTO…: RENAPO PXTO, SAT PUTX.
        let words = names("Oscar", "Puga", "Torres");
        assert_eq!(current(&words, Renapo), "PXTO");
        assert_eq!(current(&words, Sat), "PUTX");
        assert_eq!(compare(&words, Renapo, "PXTO"), Same);
        assert_eq!(compare(&words, Sat, "PUTX"), Same);
        assert_eq!(compare(&words, Sat, "PXTO"), Explained(InconvenientWord));
        assert_eq!(compare(&words, Sat, "PUTO"), Explained(InconvenientWord));
        // BACA is on RENAPO's list only.
        let baca = names("Ana", "Baca", "Cano");
        assert_eq!(current(&baca, Renapo), "BXCA");
        assert_eq!(current(&baca, Sat), "BACA");
        assert_eq!(compare(&baca, Sat, "BXCA"), Explained(InconvenientWord));
        assert_eq!(compare(&baca, Sat, "BACX"), Explained(InconvenientWord));
        // An X anywhere else is no such rule.
        assert_eq!(compare(&baca, Sat, "BAXA"), Mismatch);
    }

    #[test]
    fn enye_and_accents() {
        // ÑÚÑEZ PEÑA IÑAKI (a first surname with Ñ): RENAPO writes X, SAT Ñ or X; a key typed
        // without the tilde has N.
        let words = names("Iñaki", "Ñúñez", "Peña");
        assert_eq!(current(&words, Renapo), "ÑUPI");
        for key in ["XUPI", "ÑUPI", "NUPI"] {
            assert_eq!(compare(&words, Renapo, key), Same, "{key}");
            assert_eq!(compare(&words, Sat, key), Same, "{key}");
        }
        assert_eq!(compare(&words, Sat, "MUPI"), Mismatch);
        // Accents, diaeresis, dots and apostrophes do not count; hyphenated surnames give
        // their first word.
        let words = names("Ma. Guadalupe", "Güemes-Íñiguez", "O'Connor");
        assert_eq!(current(&words, Sat), "GUOG");
        assert_eq!(current(&words, Renapo), "GUOG");
    }

    #[test]
    fn names_without_letters_cannot_be_compared() {
        let parse = |first: &str, paternal: &str| {
            NameWords::parse(&PersonNames {
                first_name: first.into(),
                paternal_surname: paternal.into(),
                maternal_surname: String::new(),
            })
        };
        assert!(parse("", "López").is_none());
        assert!(parse("Ana", " . ").is_none());
        assert!(parse("王", "李").is_none());
        assert!(parse("Ana", "López").is_some());
    }
}
