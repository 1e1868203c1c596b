//! The new-account form as the UI sends it, checked before anything is queued: the credit line
//! typed in pesos becomes centavos (core's parser, integer arithmetic), then the shared rules
//! (`providers::undostres::rules`, the double's too) check the account for its type. Every
//! problem is named by the form's field.

use mostrador_codes::ErrorCode;
use mostrador_core::{Centavos, FieldContext, FieldKind};
use mostrador_providers::undostres::fields::form_field;
use mostrador_providers::undostres::rules::{FieldProblems, check_account};
use mostrador_providers::undostres::types::{AccountRequest, Gender};
use serde::Deserialize;
use specta::Type;

use crate::merchants::form::FieldIssue;
use crate::validation;

/// Mexico's calling code, the only one the rules accept.
const MEXICO: &str = "52";

/// A person (`female`/`male`, gender 1/2: 13-character RFC, optional CURP, middle and second
/// last names) or a business (`business`, gender 3: 12-character RFC, its legal name split over
/// first and last name, no CURP nor extra names).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountForm {
    pub account_type: Gender,
    pub email: String,
    pub first_name: String,
    #[serde(default)]
    pub middle_name: String,
    pub last_name: String,
    #[serde(default)]
    pub second_last_name: String,
    /// Ten digits; spaces, dashes and a +52 prefix are accepted.
    pub mobile: String,
    pub rfc: String,
    #[serde(default)]
    pub curp: String,
    /// 1 in every known integration; 1–3.
    pub kyc_level: u8,
    /// In pesos as typed ("100,000", "$2,500.50").
    pub credit_line: String,
}

/// The form checked and ready to send from this installation (`device_id`), or every field to
/// fix.
pub fn check(form: &AccountForm, device_id: &str) -> Result<AccountRequest, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let report = validation::validate_field(
        FieldKind::CreditLine,
        &form.credit_line,
        FieldContext::default(),
    );
    let credit_line = match report.value.as_deref().map(Centavos::parse) {
        Some(Ok(line)) => line,
        _ => {
            issues.push(issue("creditLine", validation::first_error(&report)));
            Centavos::ZERO
        }
    };
    let request = AccountRequest {
        device_id: device_id.to_owned(),
        email: form.email.clone(),
        first_name: form.first_name.clone(),
        middle_name: form.middle_name.clone(),
        last_name: form.last_name.clone(),
        second_last_name: form.second_last_name.clone(),
        gender: form.account_type,
        mobile: form.mobile.clone(),
        mobile_country_code: MEXICO.to_owned(),
        rfc: form.rfc.clone(),
        curp: form.curp.clone(),
        kyc_level: form.kyc_level,
        zipcode: String::new(),
        campaign_id: String::new(),
        credit_line,
    };
    match check_account(request) {
        Ok(request) if issues.is_empty() => Ok(request),
        Ok(_) => Err(issues),
        Err(problems) => {
            issues.extend(form_issues(&problems));
            Err(issues)
        }
    }
}

/// The rules' problems (keyed by UnDosTres' field names) on the form's fields.
pub fn form_issues(problems: &FieldProblems) -> Vec<FieldIssue> {
    problems
        .iter()
        .flat_map(|(field, codes)| {
            let field = form_field(field).unwrap_or(field.as_str());
            codes.iter().map(move |code| {
                issue(
                    field,
                    ErrorCode::parse(code).unwrap_or(ErrorCode::FieldInvalid),
                )
            })
        })
        .collect()
}

fn issue(field: &str, code: ErrorCode) -> FieldIssue {
    FieldIssue {
        field: field.to_owned(),
        code,
    }
}

#[cfg(test)]
mod tests {
    use mostrador_core::Code;

    use super::*;

    fn person() -> AccountForm {
        AccountForm {
            account_type: Gender::Female,
            email: "lupita@pasteleria.mx".into(),
            first_name: "Guadalupe".into(),
            middle_name: String::new(),
            last_name: "Domínguez".into(),
            second_last_name: "Espinoza".into(),
            mobile: "55 1234 5678".into(),
            rfc: "GODE561231GR8".into(),
            curp: String::new(),
            kyc_level: 1,
            credit_line: "100,000".into(),
        }
    }

    fn business() -> AccountForm {
        AccountForm {
            account_type: Gender::Business,
            first_name: "Materiales".into(),
            last_name: "del Bajío S.A. de C.V.".into(),
            second_last_name: String::new(),
            rfc: "MAB9307148T4".into(),
            ..person()
        }
    }

    fn fields(issues: &[FieldIssue]) -> Vec<(&str, &str)> {
        issues
            .iter()
            .map(|i| (i.field.as_str(), i.code.as_str()))
            .collect()
    }

    #[test]
    fn the_credit_line_typed_in_pesos_is_sent_in_exact_centavos() {
        let request = check(&person(), "mostrador-device").unwrap();
        assert_eq!(request.credit_line.to_undostres_cents(), 10_000_000);
        assert_eq!(request.credit_line.format_mxn(), "$100,000.00");
        assert_eq!(request.mobile, "5512345678");
        assert_eq!(request.mobile_country_code, "52");
        let cents = AccountForm {
            credit_line: "$2,500.05".into(),
            ..person()
        };
        let request = check(&cents, "mostrador-device").unwrap();
        assert_eq!(request.credit_line.to_undostres_cents(), 250_005);
        assert_eq!(check(&business(), "d").unwrap().gender.number(), 3);
    }

    #[test]
    fn each_problem_lands_on_its_form_field() {
        let wrong = AccountForm {
            rfc: "MAB9307148T4".into(),
            mobile: "55 1234".into(),
            credit_line: "1.999".into(),
            kyc_level: 4,
            ..person()
        };
        let issues = check(&wrong, "d").unwrap_err();
        let found = fields(&issues);
        assert!(
            found.contains(&("creditLine", "amount.decimals")),
            "{found:?}"
        );
        assert!(found.contains(&("rfc", Code::RfcExpectedFisica.as_str())));
        assert!(found.contains(&("mobile", Code::PhoneMxLength.as_str())));
        assert!(found.contains(&("kycLevel", "kyc_level.range")));
        let business = AccountForm {
            curp: "PEGJ800101HDFRRN03".into(),
            middle_name: "X".into(),
            rfc: "GODE561231GR8".into(),
            ..business()
        };
        let found = check(&business, "d").unwrap_err();
        let found = fields(&found);
        assert!(
            found.contains(&("curp", "field.not_for_business")),
            "{found:?}"
        );
        assert!(found.contains(&("middleName", "field.not_for_business")));
        assert!(found.contains(&("rfc", Code::RfcExpectedMoral.as_str())));
    }
}
