//! Mexican phone numbers: ten digits since the IFT's national dialling plan of 3 August 2019
//! (billpocket-research §6 [V4]); the old 01 / 044 / 045 prefixes are gone, and no area code
//! starts with 0 or 1.

use crate::check::plain_separators;
use crate::report::{Code, FieldKind, FieldReport};

/// Validates a 10-digit national number; accepts separators and a leading +52 / 52.
pub fn validate_phone_mx(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::PhoneMx);
    let input = plain_separators(input);
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let without_plus = trimmed.strip_prefix('+');
    let body = without_plus.unwrap_or(trimmed);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return report.with(Code::PhoneMxCharacters, &[]);
    }
    let mut number: String = body.chars().filter(char::is_ascii_digit).collect();
    // "+52 55 1234 5678" and "52 55 1234 5678" are the same national number.
    let international = (without_plus.is_some() || number.len() == 12) && number.starts_with("52");
    if international {
        number.drain(..2);
    }
    // 01 / 044 / 045 nationally, and the "1" mobiles once took after +52, were all dropped.
    let old_prefixes: &[&str] = if international {
        &["1"]
    } else {
        &["01", "044", "045"]
    };
    if number.len() > 10 && old_prefixes.iter().any(|p| number.starts_with(p)) {
        return report.with(Code::PhoneMxOldPrefix, &[]);
    }
    if number.len() != 10 {
        return report.with(Code::PhoneMxLength, &[("length", number.len().to_string())]);
    }
    if number.starts_with(['0', '1']) {
        return report.with(Code::PhoneMxAreaCode, &[]);
    }
    report.accept(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ten_digit_numbers() {
        // UnDosTres account-create `mobile` examples (undostres-research, request fields): 4958129198, 5056595854.
        for input in [
            "4958129198",
            "(495) 812-9198",
            "+52 495 812 9198",
            "52 4958129198",
            // Pasted from a PDF: a thin no-break space, an en dash, a zero-width space.
            "495\u{202F}812\u{2013}9198\u{200B}",
        ] {
            let report = validate_phone_mx(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
            assert_eq!(report.value.as_deref(), Some("4958129198"));
        }
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(validate_phone_mx("").codes(), [Code::FieldRequired]);
        assert_eq!(
            validate_phone_mx("55 1234 567a").codes(),
            [Code::PhoneMxCharacters]
        );
        let report = validate_phone_mx("551234567");
        assert_eq!(report.codes(), [Code::PhoneMxLength]);
        assert_eq!(report.issues[0].params["length"], "9");
        assert_eq!(
            validate_phone_mx("044 55 1234 5678").codes(),
            [Code::PhoneMxOldPrefix]
        );
        assert_eq!(
            validate_phone_mx("01 55 1234 5678").codes(),
            [Code::PhoneMxOldPrefix]
        );
        assert_eq!(
            validate_phone_mx("0551234567").codes(),
            [Code::PhoneMxAreaCode]
        );
    }
}
