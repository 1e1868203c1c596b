//! Contact data: e-mail addresses, international phone numbers and person names.

use crate::check::plain_separators;
use crate::report::{Code, FieldKind, FieldReport};

/// RFC 5321's limits: a path of at most 254 characters, a local part of at most 64.
const EMAIL_MAX: usize = 254;
const EMAIL_LOCAL_MAX: usize = 64;

/// E.164: at most 15 digits including the country code; the shortest national plans
/// (e.g. Saint Helena, +290 and four digits) give seven.
const PHONE_MIN_DIGITS: usize = 7;
const PHONE_MAX_DIGITS: usize = 15;

const NAME_MAX: usize = 100;

/// Validates an e-mail address; the domain is lowercased, the local part kept as typed.
///
/// Only ASCII addresses: providers' Laravel back ends reject internationalised ones, and
/// punycode domains (`xn--…`) still pass.
pub fn validate_email(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::Email);
    let email = input.trim();
    if email.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    if email.chars().count() > EMAIL_MAX {
        return report.with(Code::EmailTooLong, &[("max", EMAIL_MAX.to_string())]);
    }
    match email.split_once('@') {
        Some((local, domain)) if is_local_part(local) && is_domain(domain) => {
            report.accept(format!("{local}@{}", domain.to_ascii_lowercase()))
        }
        _ => report.with(Code::EmailFormat, &[]),
    }
}

fn is_local_part(local: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    (1..=EMAIL_LOCAL_MAX).contains(&local.len())
        && local.chars().all(allowed)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let is_label = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    labels.len() >= 2
        && labels.iter().all(is_label)
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && !tld.bytes().all(|b| b.is_ascii_digit()))
}

/// Validates an international number and normalises it to E.164 ("+525512345678").
/// Accepts spaces, dots, hyphens, parentheses and a leading "00" for "+".
pub fn validate_phone_international(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::PhoneInternational);
    let compact: String = plain_separators(input)
        .chars()
        .filter(|c| !matches!(c, '-' | '.' | '(' | ')') && !c.is_whitespace())
        .collect();
    if compact.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    let digits = compact
        .strip_prefix('+')
        .or_else(|| compact.strip_prefix("00"));
    let Some(digits) = digits
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0') && !d.is_empty())
    else {
        return report.with(Code::PhoneFormat, &[]);
    };
    if !(PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits.len()) {
        return report.with(
            Code::PhoneLength,
            &[
                ("min", PHONE_MIN_DIGITS.to_string()),
                ("max", PHONE_MAX_DIGITS.to_string()),
            ],
        );
    }
    report.accept(format!("+{digits}"))
}

/// Validates a person's name: letters in any script (with accents, ñ, ü), spaces,
/// apostrophes, hyphens and periods; whitespace is collapsed.
pub fn validate_person_name(input: &str) -> FieldReport {
    let report = FieldReport::new(FieldKind::PersonName);
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return report.with(Code::FieldRequired, &[]);
    }
    if name.chars().count() > NAME_MAX {
        return report.with(Code::NameTooLong, &[("max", NAME_MAX.to_string())]);
    }
    // Combining marks (U+0300–U+036F) let a decomposed "José" (e + ◌́) through.
    let allowed = |c: char| {
        c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.' | '\u{300}'..='\u{36f}')
    };
    if !name.chars().all(allowed) || !name.chars().any(char::is_alphabetic) {
        return report.with(Code::NameCharacters, &[]);
    }
    report.accept(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        let report = validate_email("  Lupita.Pasteles+ligas@Example.COM.mx ");
        assert!(report.issues.is_empty(), "{report:?}");
        assert_eq!(
            report.value.as_deref(),
            Some("Lupita.Pasteles+ligas@example.com.mx")
        );
        assert!(validate_email("a@xn--pastelera-n7a.mx").is_valid());
        assert_eq!(validate_email("").codes(), [Code::FieldRequired]);
        for bad in [
            "lupita",
            "lupita@",
            "@example.com",
            "lupita@example",
            "lupita@@example.com",
            "lu pita@example.com",
            ".lupita@example.com",
            "lu..pita@example.com",
            "lupita@-example.com",
            "lupita@example.c",
            "lupita@127.0.0.1",
            "lupita@pastelería.mx",
        ] {
            assert_eq!(validate_email(bad).codes(), [Code::EmailFormat], "{bad}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(validate_email(&long).codes(), [Code::EmailTooLong]);
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(validate_email(&long_local).codes(), [Code::EmailFormat]);
    }

    #[test]
    fn international_phones() {
        // CryptoPocket's `phone` is "+54xxxxxxxxx" (cryptopocket-research §3.2).
        for (input, e164) in [
            ("+54 9 11 2345-6789", "+5491123456789"),
            ("+52 (55) 1234 5678", "+525512345678"),
            ("0034 612 345 678", "+34612345678"),
            (
                "+54\u{00A0}9\u{00A0}11\u{00A0}2345\u{2011}6789\u{FEFF}",
                "+5491123456789",
            ),
        ] {
            let report = validate_phone_international(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(e164));
        }
        assert_eq!(
            validate_phone_international(" ").codes(),
            [Code::FieldRequired]
        );
        assert_eq!(
            validate_phone_international("5512345678").codes(),
            [Code::PhoneFormat]
        );
        assert_eq!(
            validate_phone_international("+0 5512345678").codes(),
            [Code::PhoneFormat]
        );
        assert_eq!(
            validate_phone_international("+52 55 12a4 5678").codes(),
            [Code::PhoneFormat]
        );
        assert_eq!(
            validate_phone_international("+").codes(),
            [Code::PhoneFormat]
        );
        let report = validate_phone_international("+52 1234");
        assert_eq!(report.codes(), [Code::PhoneLength]);
        assert_eq!(report.issues[0].params["max"], "15");
        assert_eq!(
            validate_phone_international("+52 1234 5678 9012 34").codes(),
            [Code::PhoneLength]
        );
    }

    #[test]
    fn person_names() {
        for (input, name) in [
            ("  María   José ", "María José"),
            ("Ñoño Peña-O'Brien", "Ñoño Peña-O'Brien"),
            ("Jose\u{301}", "Jose\u{301}"),
            ("Ma. Guadalupe", "Ma. Guadalupe"),
        ] {
            let report = validate_person_name(input);
            assert!(report.issues.is_empty(), "{input}: {report:?}");
            assert_eq!(report.value.as_deref(), Some(name));
        }
        assert_eq!(validate_person_name("").codes(), [Code::FieldRequired]);
        assert_eq!(validate_person_name("R2D2").codes(), [Code::NameCharacters]);
        assert_eq!(
            validate_person_name("Ana <b>").codes(),
            [Code::NameCharacters]
        );
        assert_eq!(validate_person_name("- .").codes(), [Code::NameCharacters]);
        let report = validate_person_name(&"a".repeat(101));
        assert_eq!(report.codes(), [Code::NameTooLong]);
        assert_eq!(report.issues[0].params["max"], "100");
    }
}
