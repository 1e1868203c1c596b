//! Every code an UnDosTres call can end in has a message in both languages' `errors.json`,
//! under `undostres.<code>`, and every field code the UnDosTres rules and form reader add has
//! one too.

// A whole test crate: helpers outside #[test] fns panic to report failures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_providers::ErrorCode;
use mostrador_providers::undostres::Refusal;
use mostrador_providers::undostres::errors::UNKNOWN_ERROR;
use mostrador_providers::undostres::{rules, types};

mod common;
use common::{assert_messages, catalogue};

#[test]
fn every_undostres_code_has_a_message_in_both_languages() {
    let mut codes: Vec<String> = Refusal::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(ErrorCode::ALL.iter().map(|c| c.as_str()))
        .chain([UNKNOWN_ERROR])
        .map(|code| format!("undostres.{code}"))
        .collect();
    codes.extend(
        [
            rules::NOT_FOR_BUSINESS,
            rules::KYC_LEVEL_RANGE,
            rules::COUNTRY_CODE,
            rules::EMAIL_TAKEN,
            types::FIELD_UNKNOWN,
            types::FIELD_REPEATED,
            types::FIELD_INVALID,
        ]
        .map(str::to_owned),
    );
    assert_messages(&codes);
    assert!(
        catalogue("es-MX")["undostres.unknown_error"]
            .as_str()
            .unwrap()
            .contains("{{text}}")
    );
}
