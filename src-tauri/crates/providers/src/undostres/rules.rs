//! Which of core's rules applies to which field of a new UnDosTres account, shared by the app
//! (before anything is queued) and the sandbox double (as the provider). Problems are keyed by
//! UnDosTres' field names with stable codes; `fields::form_field` maps them to forms.
//!
//! Documented: RFC 13 characters for persons and 12 for businesses; CURP for persons only;
//! no middle or second last name for businesses. The 10-digit mobile, the levels 1–3 and the
//! credit line's range are ours (the app's credit line rule).

use mostrador_codes::ErrorCode;
use mostrador_core::amount::MAX_AMOUNT;
use mostrador_core::report::FieldKind;
use mostrador_core::validate::FieldContext;
use mostrador_core::{Centavos, Code, PersonType};

use super::types::{AccountRequest, form};
pub use crate::rules::{FieldProblems, Problems};

/// A field a business account must not carry.
pub const NOT_FOR_BUSINESS: ErrorCode = ErrorCode::FieldNotForBusiness;
/// `kyc_level` outside 1–3.
pub const KYC_LEVEL_RANGE: ErrorCode = ErrorCode::KycLevelRange;
/// `mobile_country_code` other than Mexico's.
pub const COUNTRY_CODE: ErrorCode = ErrorCode::MobileCountryCodeUnsupported;
/// The e-mail belongs to another account (the double's uniqueness rule).
pub const EMAIL_TAKEN: ErrorCode = ErrorCode::EmailTaken;

/// The KYC levels an account can be created at or moved to.
pub const KYC_LEVELS: std::ops::RangeInclusive<u8> = 1..=3;

/// Checks a new account and returns it with normalised e-mail, names, mobile, RFC and CURP.
pub fn check_account(mut account: AccountRequest) -> Result<AccountRequest, FieldProblems> {
    let mut p = Problems::default();
    let none = FieldContext::default();
    let business = account.gender.is_business();
    account.device_id = account.device_id.trim().to_owned();
    p.required(form::DEVICE_ID, &account.device_id);
    if let Some(email) = p.check(form::EMAIL, FieldKind::Email, &account.email, &none) {
        account.email = email;
    }
    for (field, value) in [
        (form::FIRST_NAME, &mut account.first_name),
        (form::LAST_NAME, &mut account.last_name),
    ] {
        if business {
            // A business's legal name is split over both: any characters a name can have.
            *value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            p.required(field, value);
        } else if let Some(name) = p.check(field, FieldKind::PersonName, value, &none) {
            *value = name;
        }
    }
    for (field, value) in [
        (form::MIDDLE_NAME, &mut account.middle_name),
        (form::SECOND_LAST_NAME, &mut account.second_last_name),
        (form::CURP, &mut account.curp),
    ] {
        if value.trim().is_empty() {
            value.clear();
        } else if business {
            p.add(field, NOT_FOR_BUSINESS);
        } else {
            let kind = if field == form::CURP {
                FieldKind::Curp
            } else {
                FieldKind::PersonName
            };
            if let Some(normal) = p.check(field, kind, value, &none) {
                *value = normal;
            }
        }
    }
    if let Some(mobile) = p.check(form::MOBILE, FieldKind::PhoneMx, &account.mobile, &none) {
        account.mobile = mobile;
    }
    let code = account.mobile_country_code.trim();
    if !code.is_empty() && code.trim_start_matches('+') != "52" {
        p.add(form::MOBILE_COUNTRY_CODE, COUNTRY_CODE);
    }
    let person_type = if business {
        PersonType::Moral
    } else {
        PersonType::Fisica
    };
    let rfc_context = FieldContext {
        person_type: Some(person_type),
        ..FieldContext::default()
    };
    if let Some(rfc) = p.check(form::RFC, FieldKind::Rfc, &account.rfc, &rfc_context) {
        account.rfc = rfc;
    }
    if !KYC_LEVELS.contains(&account.kyc_level) {
        p.add(form::KYC_LEVEL, KYC_LEVEL_RANGE);
    }
    if let Some(code) = credit_line_problem(account.credit_line) {
        p.add(form::COMPOSITE_BALANCE, code);
    }
    p.finish(account)
}

/// The app's credit line rule on an amount already in centavos: zero or more, at most
/// [`MAX_AMOUNT`] (core's `validate_credit_line` applies it to what the user typed).
fn credit_line_problem(line: Centavos) -> Option<Code> {
    if line < Centavos::ZERO {
        Some(Code::CreditLineNegative)
    } else if line > MAX_AMOUNT {
        Some(Code::CreditLineMax)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::undostres::types::Gender;

    fn person() -> AccountRequest {
        AccountRequest {
            device_id: " mostrador-device-1 ".into(),
            email: " Juan@Example.com ".into(),
            first_name: "Juan".into(),
            middle_name: "Carlos".into(),
            last_name: "Pérez".into(),
            second_last_name: "Gómez".into(),
            gender: Gender::Male,
            mobile: "+52 55 1234 5678".into(),
            mobile_country_code: "52".into(),
            rfc: "PEGJ-800101-4H1".into(),
            curp: "PEGJ800101HDFRRN03".into(),
            kyc_level: 1,
            zipcode: String::new(),
            campaign_id: String::new(),
            credit_line: Centavos::new(10_000_000),
        }
    }

    fn business() -> AccountRequest {
        AccountRequest {
            first_name: "Materiales".into(),
            last_name: "del  Bajío S.A. de C.V.".into(),
            middle_name: String::new(),
            second_last_name: String::new(),
            gender: Gender::Business,
            rfc: "MAB9307148T4".into(),
            curp: String::new(),
            ..person()
        }
    }

    #[test]
    fn a_person_comes_back_normalised() {
        let checked = check_account(person()).unwrap();
        assert_eq!(checked.device_id, "mostrador-device-1");
        assert_eq!(
            checked.email, "Juan@example.com",
            "trimmed; the domain lowercased"
        );
        assert_eq!(checked.mobile, "5512345678");
        assert_eq!(checked.rfc, "PEGJ8001014H1");
        let checked = check_account(business()).unwrap();
        assert_eq!(checked.last_name, "del Bajío S.A. de C.V.");
    }

    #[test]
    fn the_rfc_length_follows_the_account_type() {
        let problems = check_account(AccountRequest {
            rfc: "MAB9307148T4".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["rfc"], [Code::RfcExpectedFisica.as_str()]);
        let problems = check_account(AccountRequest {
            rfc: "PEGJ8001014H1".into(),
            ..business()
        })
        .unwrap_err();
        assert_eq!(problems["rfc"], [Code::RfcExpectedMoral.as_str()]);
    }

    #[test]
    fn a_business_has_no_curp_nor_middle_or_second_last_name() {
        let problems = check_account(AccountRequest {
            middle_name: "X".into(),
            second_last_name: "Y".into(),
            curp: "PEGJ800101HDFRRN03".into(),
            ..business()
        })
        .unwrap_err();
        for field in ["middle_name", "second_last_name", "curp"] {
            assert_eq!(problems[field], [NOT_FOR_BUSINESS.as_str()], "{field}");
        }
    }

    #[test]
    fn mobile_level_credit_line_and_device_are_checked() {
        let problems = check_account(AccountRequest {
            device_id: "  ".into(),
            mobile: "55 1234 567".into(),
            mobile_country_code: "+1".into(),
            kyc_level: 4,
            credit_line: Centavos::new(-1),
            curp: "PEGJ800101HDFRRN0X".into(),
            ..person()
        })
        .unwrap_err();
        assert_eq!(problems["device_id"], ["field.required"]);
        assert_eq!(problems["mobile"], [Code::PhoneMxLength.as_str()]);
        assert_eq!(problems["mobile_country_code"], [COUNTRY_CODE.as_str()]);
        assert_eq!(problems["kyc_level"], [KYC_LEVEL_RANGE.as_str()]);
        assert_eq!(
            problems["composite_balance"],
            [Code::CreditLineNegative.as_str()]
        );
        assert!(problems.contains_key("curp"));
        let too_much = check_account(AccountRequest {
            credit_line: Centavos::new(MAX_AMOUNT.get() + 1),
            ..person()
        })
        .unwrap_err();
        assert_eq!(
            too_much["composite_balance"],
            [Code::CreditLineMax.as_str()]
        );
    }
}
