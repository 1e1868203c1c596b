//! What a validation says: stable codes, their severity and parameters, and the per-field report.
//!
//! The UI translates codes (i18next keys in `ui/src/i18n/locales/*/validation.json`), never
//! sentences; a test keeps both files and [`Code::ALL`] in step.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Whether an issue blocks the form or only asks the user to double-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

/// Declares every code once: variant, wire string, severity and the message parameters it
/// provides. The macro keeps `ALL`, `as_str`, `severity` and `params` from drifting apart.
macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $severity:ident, [$($param:literal),*]; )*) => {
        /// A stable validation code; serialised as its dotted string (`"curp.check_digit"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
        pub enum Code {
            $( $(#[$doc])* #[serde(rename = $text)] $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The dotted string the UI uses as its translation key.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// Errors block; warnings (e.g. an RFC check character) only inform.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Names of the parameters every issue with this code carries.
            pub const fn params(self) -> &'static [&'static str] {
                match self { $(Code::$variant => &[$($param),*],)* }
            }
        }
    };
}

codes! {
    /// Nothing was typed (after trimming).
    FieldRequired = "field.required", Error, [];

    CurpLength = "curp.length", Error, ["length"];
    CurpFormat = "curp.format", Error, [];
    CurpDate = "curp.date", Error, [];
    CurpSex = "curp.sex", Error, [];
    CurpState = "curp.state", Error, ["state"];
    CurpCheckDigit = "curp.check_digit", Error, [];
    /// RENAPO replaces the 2nd letter of these words with X, so a CURP never starts with one.
    CurpInconvenientWord = "curp.inconvenient_word", Error, ["word"];

    RfcLength = "rfc.length", Error, ["length"];
    RfcFormat = "rfc.format", Error, [];
    RfcDate = "rfc.date", Error, [];
    RfcHomoclave = "rfc.homoclave", Error, [];
    /// About 1.5 % of real RFCs fail the check character, so it never blocks.
    RfcCheckDigit = "rfc.check_digit", Warning, [];
    RfcInconvenientWord = "rfc.inconvenient_word", Error, ["word"];
    RfcExpectedFisica = "rfc.expected_fisica", Error, [];
    RfcExpectedMoral = "rfc.expected_moral", Error, [];
    /// XAXX010101000 / XEXX010101000: SAT's generic RFCs, valid but not a real taxpayer.
    RfcGeneric = "rfc.generic", Warning, [];
    RfcCurpDateMismatch = "rfc.curp_date_mismatch", Error, [];
    /// Without the names: the RFC's name letters differ from the CURP's in a way the keys
    /// alone show no registry rule explains.
    RfcCurpNameMismatch = "rfc.curp_name_mismatch", Error, [];
    /// Without the names: SAT and RENAPO replace an inconvenient word's letters differently.
    RfcCurpNameInconvenientWord = "rfc.curp_name_inconvenient_word", Warning, [];
    /// Without the names: with one surname, RENAPO writes X for the second and SAT takes two
    /// letters of the name.
    RfcCurpNameSingleSurname = "rfc.curp_name_single_surname", Warning, [];
    /// The RFC's letters are not what SAT derives from the names, nor a known variant.
    RfcNameMismatch = "rfc.name_mismatch", Error, [];
    /// The CURP's letters are not what RENAPO derives from the names, nor a known variant.
    CurpNameMismatch = "curp.name_mismatch", Error, [];
    /// A key's letters follow the other registry's or an older treatment of an inconvenient word.
    NameLettersInconvenientWord = "name_letters.inconvenient_word", Warning, [];
    /// A key's letters follow the other registry's form for a single or one- or two-letter surname.
    NameLettersSurnameForm = "name_letters.surname_form", Warning, [];
    /// A key kept a particle (DE, LA, MC, …) or skipped one by the other registry's list.
    NameLettersParticle = "name_letters.particle", Warning, [];
    /// A key kept MARÍA or JOSÉ of a compound first name.
    NameLettersCompound = "name_letters.compound", Warning, [];

    ClabeLength = "clabe.length", Error, ["length"];
    ClabeDigits = "clabe.digits", Error, [];
    ClabeCheckDigit = "clabe.check_digit", Error, [];
    /// The catalogue may lag Banxico's, so an unknown bank code only warns.
    ClabeBankUnknown = "clabe.bank_unknown", Warning, ["bank_code"];
    /// 000 is no bank: a CLABE starting with it was mistyped or made up.
    ClabeBankZero = "clabe.bank_zero", Error, [];

    PostalCodeFormat = "postal_code.format", Error, [];
    PostalCodeUnknownPrefix = "postal_code.unknown_prefix", Error, ["prefix"];
    PostalCodeStateMismatch = "postal_code.state_mismatch", Error, ["state"];

    PhoneMxLength = "phone_mx.length", Error, ["length"];
    PhoneMxCharacters = "phone_mx.characters", Error, [];
    PhoneMxOldPrefix = "phone_mx.old_prefix", Error, [];
    PhoneMxAreaCode = "phone_mx.area_code", Error, [];

    PhoneFormat = "phone.format", Error, [];
    PhoneLength = "phone.length", Error, ["min", "max"];

    EmailFormat = "email.format", Error, [];
    EmailTooLong = "email.too_long", Error, ["max"];

    NameCharacters = "name.characters", Error, [];
    NameTooLong = "name.too_long", Error, ["max"];

    UrlPathLength = "url_path.length", Error, ["min", "max"];
    UrlPathCharacters = "url_path.characters", Error, [];
    UrlPathEdge = "url_path.edge", Error, [];

    AmountFormat = "amount.format", Error, [];
    /// "$1 234,50", "1.234,50", "1,5": separators that read differently across locales.
    AmountAmbiguous = "amount.ambiguous", Error, [];
    AmountDecimals = "amount.decimals", Error, [];
    AmountPositive = "amount.positive", Error, [];
    AmountMax = "amount.max", Error, ["max"];

    CreditLineNegative = "credit_line.negative", Error, [];
    CreditLineMax = "credit_line.max", Error, ["max"];

    ExpiryFormat = "expiry.format", Error, [];
    ExpiryPast = "expiry.past", Error, [];
    /// The caller did not pass "now"; a programming error surfaced rather than skipped.
    ExpiryClockMissing = "expiry.clock_missing", Error, [];

    IdCountryRequired = "id.country_required", Error, [];
    IdTypeRequired = "id.type_required", Error, [];
    IdTypeUnknown = "id.type_unknown", Error, ["id_type"];
    IdTypeCountry = "id.type_country", Error, ["id_type"];
    IdLength = "id.length", Error, ["id_type", "min", "max"];
    IdDigits = "id.digits", Error, ["id_type"];
    IdCharacters = "id.characters", Error, ["id_type"];
    IdFormat = "id.format", Error, ["id_type"];
    IdPrefix = "id.prefix", Error, ["id_type", "prefix"];
    IdCheckDigit = "id.check_digit", Error, ["id_type"];
}

/// The fields the app validates; also names the offending field in an [`Issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    Curp,
    Rfc,
    Clabe,
    PostalCode,
    /// A Mexican 10-digit national number (Billpocket `telefono`, UnDosTres `mobile`).
    PhoneMx,
    /// An international E.164 number (CryptoPocket `phone`).
    PhoneInternational,
    Email,
    PersonName,
    /// The Billpocket link slug (`url_path`, the link's `secondary_link`).
    UrlPath,
    /// A payment-link amount in pesos as the user typed it.
    LinkAmount,
    /// An UnDosTres composite credit line in pesos as the user typed it.
    CreditLine,
    /// A link expiry, local time.
    ExpiryDate,
    /// A CryptoPocket `identification_type` (API value) for the context's country.
    IdentificationType,
    /// A CryptoPocket `identification_number` for the context's country and type.
    IdentificationNumber,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub code: Code,
    pub severity: Severity,
    pub field: FieldKind,
    /// Interpolation values for the message, keyed by the names in [`Code::params`].
    pub params: BTreeMap<String, String>,
}

impl Issue {
    /// Builds an issue; in debug builds asserts the parameters are exactly the code's.
    pub fn new(code: Code, field: FieldKind, params: &[(&str, String)]) -> Self {
        debug_assert!(
            params.len() == code.params().len()
                && params.iter().all(|(name, _)| code.params().contains(name)),
            "{} takes {:?}",
            code.as_str(),
            code.params()
        );
        Issue {
            code,
            severity: code.severity(),
            field,
            params: params
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone()))
                .collect(),
        }
    }
}

/// Facts derived from a valid value that the UI shows next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FieldDetail {
    /// The bank a CLABE belongs to, from Banxico's institution catalogue.
    Bank { code: String, name: String },
}

/// The outcome of validating one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldReport {
    pub field: FieldKind,
    /// The normalised value to store, send and show; `None` when any error was found.
    pub value: Option<String>,
    /// Errors and warnings, in the order they were found.
    pub issues: Vec<Issue>,
    pub detail: Option<FieldDetail>,
}

impl FieldReport {
    pub(crate) fn new(field: FieldKind) -> Self {
        FieldReport {
            field,
            value: None,
            issues: Vec::new(),
            detail: None,
        }
    }

    /// True when nothing blocks the value (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// The codes found, in order; handy for callers and tests.
    pub fn codes(&self) -> Vec<Code> {
        self.issues.iter().map(|i| i.code).collect()
    }

    pub(crate) fn push(&mut self, code: Code, params: &[(&str, String)]) {
        self.issues.push(Issue::new(code, self.field, params));
    }

    /// Adds an issue and returns the report, for early exits.
    pub(crate) fn with(mut self, code: Code, params: &[(&str, String)]) -> Self {
        self.push(code, params);
        self
    }

    /// The same findings attributed to another field (a CURP typed as an identification number).
    pub(crate) fn reported_as(mut self, field: FieldKind) -> Self {
        self.field = field;
        for issue in &mut self.issues {
            issue.field = field;
        }
        self
    }

    /// Sets the normalised value unless an error was found.
    pub(crate) fn accept(mut self, value: String) -> Self {
        if self.is_valid() {
            self.value = Some(value);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// The `{{param}}` names a message interpolates (i18next also allows `{{- p}}`, `{{p, fmt}}`).
    fn placeholders(message: &str) -> BTreeSet<String> {
        message
            .split("{{")
            .skip(1)
            .filter_map(|rest| rest.split_once("}}"))
            .map(|(inner, _)| {
                let name = inner.split(',').next().unwrap_or_default();
                name.trim().trim_start_matches('-').trim().to_owned()
            })
            .collect()
    }

    fn messages(locale: &str) -> BTreeMap<String, String> {
        let path = format!(
            "{}/../../../ui/src/i18n/locales/{locale}/validation.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_code_has_a_message_in_both_languages_and_nothing_else() {
        for locale in ["es-MX", "en"] {
            let messages = messages(locale);
            for code in Code::ALL {
                let message = messages
                    .get(code.as_str())
                    .unwrap_or_else(|| panic!("{locale}: no message for {}", code.as_str()));
                assert!(
                    !message.trim().is_empty(),
                    "{locale}: empty {}",
                    code.as_str()
                );
                for name in placeholders(message) {
                    assert!(
                        code.params().contains(&name.as_str()),
                        "{locale}: {} uses {{{{{name}}}}} but the code provides {:?}",
                        code.as_str(),
                        code.params()
                    );
                }
            }
            for key in messages.keys() {
                assert!(
                    Code::ALL.iter().any(|c| c.as_str() == key),
                    "{locale}: message {key} is not a code"
                );
            }
        }
    }

    #[test]
    fn placeholder_parsing() {
        let found = placeholders("a {{x}} b {{- y}} c {{ z, number }} {{broken");
        assert_eq!(
            found,
            ["x", "y", "z"].map(String::from).into_iter().collect()
        );
    }

    #[test]
    fn codes_are_unique_and_serialise_as_their_string() {
        let unique: BTreeSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(unique.len(), Code::ALL.len());
        for code in Code::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
            let back: Code = serde_json::from_value(code.as_str().into()).unwrap();
            assert_eq!(back, *code);
        }
    }

    #[test]
    #[should_panic(expected = "curp.length takes")]
    #[cfg(debug_assertions)]
    fn issues_must_carry_their_codes_parameters() {
        let _ = Issue::new(Code::CurpLength, FieldKind::Curp, &[]);
    }
}
