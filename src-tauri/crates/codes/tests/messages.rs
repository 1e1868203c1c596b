//! Every code has a message in both languages, every message belongs to a code, and a message
//! interpolates only what its error supplies.

use std::collections::{BTreeMap, BTreeSet};

use mostrador_codes::{Code, ErrorCode};

const LOCALES: [&str; 2] = ["es-MX", "en"];

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

fn catalogue(locale: &str, namespace: &str) -> BTreeMap<String, String> {
    let path = format!(
        "{}/../../../ui/src/i18n/locales/{locale}/{namespace}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Problems with one message: empty, or a placeholder the code does not supply.
fn check_message(
    problems: &mut Vec<String>,
    place: &str,
    code: &str,
    message: &str,
    params: &[&str],
) {
    if message.trim().is_empty() {
        problems.push(format!("{place}: empty message for {code}"));
    }
    for name in placeholders(message) {
        if !params.contains(&name.as_str()) {
            problems.push(format!(
                "{place}: {code} uses {{{{{name}}}}} but the error supplies {params:?}"
            ));
        }
    }
}

#[test]
fn every_code_has_a_message_in_both_languages_and_every_message_a_code() {
    let mut problems = Vec::new();
    for locale in LOCALES {
        let errors = catalogue(locale, "errors");
        let validation = catalogue(locale, "validation");
        for code in ErrorCode::ALL {
            let key = code.as_str();
            let (namespace, found, params) = match code.validation() {
                Some(v) => ("validation", validation.get(key), v.params()),
                None => ("errors", errors.get(key), code.params()),
            };
            let place = format!("{locale}/{namespace}.json");
            match found {
                Some(message) => check_message(&mut problems, &place, key, message, params),
                None => problems.push(format!("{place}: no message for {key}")),
            }
        }
        for (key, message) in &errors {
            match ErrorCode::parse(key) {
                // A validator's code may have a shorter message for when a command returns it
                // without its parameters.
                Some(code) => check_message(
                    &mut problems,
                    &format!("{locale}/errors.json"),
                    key,
                    message,
                    code.params(),
                ),
                None => problems.push(format!("{locale}/errors.json: {key} is not a code")),
            }
        }
        for key in validation.keys() {
            if !Code::ALL.iter().any(|c| c.as_str() == key) {
                problems.push(format!(
                    "{locale}/validation.json: {key} is not a validator code"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
    let unique: BTreeSet<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(unique.len(), ErrorCode::ALL.len());
    for code in ErrorCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        let back: ErrorCode = serde_json::from_value(code.as_str().into()).unwrap();
        assert_eq!(back, *code);
        assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
    }
    for code in Code::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        assert_eq!(ErrorCode::from(*code).as_str(), code.as_str());
        assert_eq!(ErrorCode::from(*code).validation(), Some(*code));
    }
}
