//! Every code a CryptoPocket call can end in has a message in both languages'
//! `errors.json`, under `cryptopocket.<code>`, and every field code the CryptoPocket rules add
//! has one too.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_providers::ErrorCode;
use mostrador_providers::cryptopocket::Refusal;
use mostrador_providers::cryptopocket::errors::UNKNOWN_ERROR;
use mostrador_providers::cryptopocket::rules;

mod common;
use common::{assert_messages, catalogue};

#[test]
fn every_cryptopocket_code_has_a_message_in_both_languages() {
    let mut codes: Vec<String> = Refusal::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(ErrorCode::ALL.iter().map(|c| c.as_str()))
        .chain([UNKNOWN_ERROR])
        .map(|code| format!("cryptopocket.{code}"))
        .collect();
    codes.extend(
        [
            rules::COUNTRY_MISMATCH,
            rules::DOB_FORMAT,
            rules::URL_INVALID,
            rules::NAME_TOO_LONG,
            rules::DOCUMENT_TYPE,
            rules::DOCUMENT_SIZE,
            rules::DOCUMENT_EMPTY,
            rules::DOCUMENT_CONTENT,
            rules::DOCUMENT_ENCODING,
        ]
        .map(str::to_owned),
    );
    assert_messages(&codes);
    // The unknown code shows the provider's words.
    assert!(
        catalogue("es-MX")["cryptopocket.unknown_error"]
            .as_str()
            .unwrap()
            .contains("{{text}}")
    );
}
