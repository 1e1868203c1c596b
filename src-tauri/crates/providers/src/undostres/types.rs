//! UnDosTres request and response bodies, field for field as documented (undostres-research §4,
//! §6.1, §2.4). The account form is written as the integrator's collection sends it
//! (`multipart/form-data`, every value text) and read back strictly by the double; responses are
//! read tolerantly: unknown fields ignored, numbers as numbers or text, `null` strings as empty.

use mostrador_codes::ErrorCode;
use std::collections::BTreeMap;
use std::fmt;

use mostrador_core::Centavos;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};

use crate::credential::Credential;
use crate::rules::{FieldProblems, Problems};
use crate::wire::{number_or_string, optional_number_or_string, text};

/// `gender`: the account type is decided by it (1 female, 2 male, 3 business; the majority of
/// the sources, against one page that swaps 1 and 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Business,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Self::Female, Self::Male, Self::Business];

    pub fn number(self) -> u8 {
        match self {
            Self::Female => 1,
            Self::Male => 2,
            Self::Business => 3,
        }
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.number() == number)
    }

    pub fn is_business(self) -> bool {
        self == Self::Business
    }
}

/// `account_status` 1 is documented as "Active".
pub const STATUS_ACTIVE: i64 = 1;
/// assumed: no other value is documented; the double uses 2 for a suspended account.
pub const STATUS_SUSPENDED: i64 = 2;

/// The wire names of the account form. `composite_balance` travels as a JSON text
/// `{"parent":{"credit_line":<cents>}}` (assumed: how a nested object is put in a multipart form
/// is not documented; the object itself is).
pub mod form {
    pub const DEVICE_ID: &str = "device_id";
    pub const EMAIL: &str = "email";
    pub const FIRST_NAME: &str = "first_name";
    pub const MIDDLE_NAME: &str = "middle_name";
    pub const LAST_NAME: &str = "last_name";
    pub const SECOND_LAST_NAME: &str = "second_last_name";
    pub const GENDER: &str = "gender";
    pub const MOBILE: &str = "mobile";
    pub const MOBILE_COUNTRY_CODE: &str = "mobile_country_code";
    pub const RFC: &str = "rfc";
    pub const CURP: &str = "curp";
    pub const KYC_LEVEL: &str = "kyc_level";
    pub const ZIPCODE: &str = "zipcode";
    pub const CAMPAIGN_ID: &str = "campaign_id";
    pub const COMPOSITE_BALANCE: &str = "composite_balance";

    /// Every field the form may carry, in the order the client writes them.
    pub const ALL: [&str; 15] = [
        DEVICE_ID,
        EMAIL,
        FIRST_NAME,
        MIDDLE_NAME,
        LAST_NAME,
        SECOND_LAST_NAME,
        GENDER,
        MOBILE,
        MOBILE_COUNTRY_CODE,
        RFC,
        CURP,
        KYC_LEVEL,
        ZIPCODE,
        CAMPAIGN_ID,
        COMPOSITE_BALANCE,
    ];
}

pub const FIELD_UNKNOWN: ErrorCode = ErrorCode::FieldUnknown;
pub const FIELD_REPEATED: ErrorCode = ErrorCode::FieldRepeated;
pub const FIELD_INVALID: ErrorCode = ErrorCode::FieldInvalid;

/// `POST /user/v1/account/create`: a person (gender 1 or 2) or a business (gender 3; its name
/// in `first_name` + `last_name`, no middle or second last name, no CURP). Empty optional
/// fields are left out of the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountRequest {
    /// The installation's stable id: the customer's tokens are tied to it.
    pub device_id: String,
    pub email: String,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub second_last_name: String,
    pub gender: Gender,
    /// Ten-digit national number.
    pub mobile: String,
    /// "52"; optional.
    pub mobile_country_code: String,
    /// 13 characters for persons, 12 for businesses.
    pub rfc: String,
    /// Persons only, optional.
    pub curp: String,
    pub kyc_level: u8,
    pub zipcode: String,
    pub campaign_id: String,
    /// `composite_balance.parent.credit_line`, sent in cents.
    pub credit_line: Centavos,
}

impl AccountRequest {
    /// The form's fields as sent.
    pub fn to_form(&self) -> Vec<(&'static str, String)> {
        let composite =
            json!({ "parent": { "credit_line": self.credit_line.to_undostres_cents() } });
        let fields = [
            (form::DEVICE_ID, self.device_id.clone()),
            (form::EMAIL, self.email.clone()),
            (form::FIRST_NAME, self.first_name.clone()),
            (form::MIDDLE_NAME, self.middle_name.clone()),
            (form::LAST_NAME, self.last_name.clone()),
            (form::SECOND_LAST_NAME, self.second_last_name.clone()),
            (form::GENDER, self.gender.number().to_string()),
            (form::MOBILE, self.mobile.clone()),
            (form::MOBILE_COUNTRY_CODE, self.mobile_country_code.clone()),
            (form::RFC, self.rfc.clone()),
            (form::CURP, self.curp.clone()),
            (form::KYC_LEVEL, self.kyc_level.to_string()),
            (form::ZIPCODE, self.zipcode.clone()),
            (form::CAMPAIGN_ID, self.campaign_id.clone()),
            (form::COMPOSITE_BALANCE, composite.to_string()),
        ];
        fields
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .collect()
    }

    /// Reads a form as the provider does: every name known and given once, the required ones
    /// present, numbers and the composite balance readable. The field rules are
    /// [`super::rules::check_account`]'s.
    pub fn from_form(fields: Vec<(String, String)>) -> Result<Self, FieldProblems> {
        let mut p = Problems::default();
        let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
        for (name, value) in fields {
            match form::ALL.iter().find(|known| **known == name) {
                None => p.add(&name, FIELD_UNKNOWN),
                Some(known) if values.contains_key(known) => p.add(known, FIELD_REPEATED),
                Some(known) => {
                    values.insert(known, value);
                }
            }
        }
        let mut take = |name: &'static str| values.remove(name).unwrap_or_default();
        let request = Self {
            device_id: take(form::DEVICE_ID),
            email: take(form::EMAIL),
            first_name: take(form::FIRST_NAME),
            middle_name: take(form::MIDDLE_NAME),
            last_name: take(form::LAST_NAME),
            second_last_name: take(form::SECOND_LAST_NAME),
            gender: Gender::Female,
            mobile: take(form::MOBILE),
            mobile_country_code: take(form::MOBILE_COUNTRY_CODE),
            rfc: take(form::RFC),
            curp: take(form::CURP),
            kyc_level: 0,
            zipcode: take(form::ZIPCODE),
            campaign_id: take(form::CAMPAIGN_ID),
            credit_line: Centavos::ZERO,
        };
        let gender = take(form::GENDER);
        let kyc_level = take(form::KYC_LEVEL);
        let composite = take(form::COMPOSITE_BALANCE);
        let gender = number_field(&mut p, form::GENDER, &gender).and_then(|n| {
            let gender = Gender::from_number(n);
            if gender.is_none() {
                p.add(form::GENDER, FIELD_INVALID);
            }
            gender
        });
        let kyc_level = number_field(&mut p, form::KYC_LEVEL, &kyc_level);
        let credit_line = if p.required(form::COMPOSITE_BALANCE, &composite) {
            let line = composite_credit_line(&composite);
            if line.is_none() {
                p.add(form::COMPOSITE_BALANCE, FIELD_INVALID);
            }
            line
        } else {
            None
        };
        p.finish(Self {
            gender: gender.unwrap_or(Gender::Female),
            kyc_level: kyc_level.unwrap_or_default(),
            credit_line: credit_line.unwrap_or_default(),
            ..request
        })
    }
}

/// A required small number sent as text.
fn number_field(p: &mut Problems, field: &str, value: &str) -> Option<u8> {
    if !p.required(field, value) {
        return None;
    }
    let number = value.trim().parse().ok();
    if number.is_none() {
        p.add(field, FIELD_INVALID);
    }
    number
}

/// The credit line of `{"parent":{"credit_line":N}}`, or of the older `{"source":{"total_credit":N}}`.
fn composite_credit_line(text: &str) -> Option<Centavos> {
    let value: Value = serde_json::from_str(text).ok()?;
    let cents = value
        .pointer("/parent/credit_line")
        .or_else(|| value.pointer("/source/total_credit"))?
        .as_i64()?;
    Some(Centavos::from_undostres_cents(cents))
}

/// A customer account, as the create answer's `rs` and the get-account answer's `rs` give it
/// (get-account says `customer_status` where create says `account_status`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    #[serde(deserialize_with = "number_or_string")]
    pub id: i64,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub ecommerce_id: Option<i64>,
    #[serde(default, deserialize_with = "text")]
    pub email: String,
    #[serde(default, deserialize_with = "text")]
    pub first_name: String,
    #[serde(default, deserialize_with = "text")]
    pub middle_name: String,
    #[serde(default, deserialize_with = "text")]
    pub last_name: String,
    #[serde(default, deserialize_with = "text")]
    pub second_last_name: String,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub gender: Option<u8>,
    /// Echoed as a number.
    #[serde(default, deserialize_with = "text")]
    pub mobile: String,
    #[serde(default, deserialize_with = "text")]
    pub mobile_country_code: String,
    #[serde(default, deserialize_with = "text")]
    pub rfc: String,
    #[serde(default, deserialize_with = "text")]
    pub curp: String,
    #[serde(deserialize_with = "number_or_string")]
    pub account_level: u8,
    #[serde(
        default,
        alias = "customer_status",
        deserialize_with = "optional_number_or_string"
    )]
    pub account_status: Option<i64>,
    #[serde(default, deserialize_with = "text")]
    pub account_status_string: String,
    #[serde(default)]
    pub is_business: Option<bool>,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub ewallet_id: Option<i64>,
    #[serde(default)]
    pub composite_balance: Option<CompositeBalanceRef>,
}

impl Account {
    /// A business account: `is_business`, or gender 3 when the flag is absent.
    pub fn is_business(&self) -> bool {
        self.is_business
            .unwrap_or(self.gender == Some(Gender::Business.number()))
    }

    /// The composite balance parent's id, when the e-commerce has composite balances.
    pub fn parent_id(&self) -> Option<&str> {
        self.composite_balance
            .as_ref()
            .and_then(|c| c.parent.as_ref())
            .map(|p| p.id.as_str())
            .filter(|id| !id.is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CompositeBalanceRef {
    #[serde(default)]
    pub parent: Option<ParentRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ParentRef {
    #[serde(deserialize_with = "text")]
    pub id: String,
}

/// One of the customer's credentials that account creation returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomerSecret {
    /// `Authorization-customer` on customer-scoped calls.
    OauthToken,
    /// With the `device_id`, gets a new OAuth token.
    RefreshToken,
    /// With the customer id, gets a new refresh token for a new device.
    PrivateKey,
}

impl CustomerSecret {
    /// The answer's field name.
    pub fn field(self) -> &'static str {
        match self {
            Self::OauthToken => "oauth_token",
            Self::RefreshToken => "refresh_token",
            Self::PrivateKey => "private_key",
        }
    }
}

/// The customer's `oauth_token`, `refresh_token` and `private_key`. No `Clone`, no `Serialize`
/// and a redacted `Debug`: the only way out is [`CustomerSecrets::into_entries`], by value, for
/// the vault to store them.
pub struct CustomerSecrets {
    oauth_token: Credential,
    refresh_token: Credential,
    private_key: Credential,
}

impl CustomerSecrets {
    /// Takes the three fields out of the answer's `rs`, so nothing else that reads it holds them.
    pub(crate) fn take_from(rs: &mut serde_json::Map<String, Value>) -> Option<Self> {
        let mut take = |secret: CustomerSecret| match rs.remove(secret.field()) {
            Some(Value::String(value)) if !value.is_empty() => Some(Credential::new(value)),
            _ => None,
        };
        Some(Self {
            oauth_token: take(CustomerSecret::OauthToken)?,
            refresh_token: take(CustomerSecret::RefreshToken)?,
            private_key: take(CustomerSecret::PrivateKey)?,
        })
    }

    /// Each secret with what it is, for the vault.
    pub fn into_entries(self) -> [(CustomerSecret, Credential); 3] {
        [
            (CustomerSecret::OauthToken, self.oauth_token),
            (CustomerSecret::RefreshToken, self.refresh_token),
            (CustomerSecret::PrivateKey, self.private_key),
        ]
    }
}

impl fmt::Debug for CustomerSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CustomerSecrets([redacted])")
    }
}

/// The create answer: the account, and the customer's secrets apart from it.
#[derive(Debug)]
pub struct CreatedAccount {
    pub account: Account,
    pub secrets: CustomerSecrets,
}

/// `GET /wallet/v1/composite-balance/parent/{parent_id}` payload. Credit amounts are cents on the
/// wire (documented); the due payments are read the same way (assumed).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ParentBalance {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub customer_id: Option<i64>,
    #[serde(deserialize_with = "cents")]
    pub credit_line: Centavos,
    #[serde(deserialize_with = "cents")]
    pub credit_limit: Centavos,
    #[serde(deserialize_with = "cents")]
    pub available_credit: Centavos,
    #[serde(default, deserialize_with = "optional_cents")]
    pub min_due_payment: Option<Centavos>,
    #[serde(default, deserialize_with = "optional_cents")]
    pub total_due_payment: Option<Centavos>,
    /// `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "text")]
    pub next_billing_date: String,
    #[serde(default, deserialize_with = "text")]
    pub next_due_date: String,
    #[serde(default, deserialize_with = "optional_number_or_string")]
    pub status: Option<i64>,
}

/// `POST /oauth/v1/refresh-customer-token` body (the integrator's collection's fields).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub customer_refresh_token: Credential,
    pub device_id: String,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub ecommerce_token: Credential,
    /// Only needed when the current token has expired (e-commerces that do not use
    /// UnDosTres-wallet authentication).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub extra_login_data: String,
}

/// The refresh answer's `response`: the new OAuth token (a customer secret, for the vault).
#[derive(Debug, Deserialize)]
pub struct RefreshedToken {
    pub oauth_token: Credential,
    /// Format undocumented: kept as sent.
    #[serde(default, deserialize_with = "text")]
    pub expiration_timestamp: String,
}

fn cents<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Centavos, D::Error> {
    number_or_string::<D, i64>(deserializer).map(Centavos::from_undostres_cents)
}

fn optional_cents<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Centavos>, D::Error> {
    optional_number_or_string::<D, i64>(deserializer)
        .map(|cents| cents.map(Centavos::from_undostres_cents))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> AccountRequest {
        AccountRequest {
            device_id: "mostrador-0123456789abcdef".into(),
            email: "juan@example.com".into(),
            first_name: "Juan".into(),
            middle_name: String::new(),
            last_name: "Pérez".into(),
            second_last_name: "Gómez".into(),
            gender: Gender::Male,
            mobile: "4958129198".into(),
            mobile_country_code: "52".into(),
            rfc: "PEGJ8001014H1".into(),
            curp: String::new(),
            kyc_level: 1,
            zipcode: String::new(),
            campaign_id: String::new(),
            credit_line: Centavos::parse("100,000").unwrap(),
        }
    }

    fn owned(fields: Vec<(&'static str, String)>) -> Vec<(String, String)> {
        fields.into_iter().map(|(n, v)| (n.to_owned(), v)).collect()
    }

    #[test]
    fn the_form_carries_the_credit_line_in_cents_and_reads_back() {
        let request = person();
        let form = request.to_form();
        let composite = form
            .iter()
            .find(|(name, _)| *name == form::COMPOSITE_BALANCE)
            .unwrap();
        assert_eq!(composite.1, r#"{"parent":{"credit_line":10000000}}"#);
        assert!(!form.iter().any(|(name, _)| *name == form::CURP));
        assert_eq!(AccountRequest::from_form(owned(form)).unwrap(), request);
    }

    #[test]
    fn a_form_with_unknown_repeated_or_unreadable_fields_is_refused() {
        let mut form = owned(person().to_form());
        form.push(("password".into(), "x".into()));
        form.push(("email".into(), "otro@example.com".into()));
        for (name, value) in &mut form {
            match name.as_str() {
                "gender" => *value = "4".into(),
                "kyc_level" => *value = "uno".into(),
                "composite_balance" => *value = r#"{"source":{"total_credit":"x"}}"#.into(),
                _ => {}
            }
        }
        form.retain(|(name, _)| name != "device_id");
        let problems = AccountRequest::from_form(form).unwrap_err();
        assert_eq!(problems["password"], [FIELD_UNKNOWN.as_str()]);
        assert_eq!(problems["email"], [FIELD_REPEATED.as_str()]);
        assert_eq!(problems["gender"], [FIELD_INVALID.as_str()]);
        assert_eq!(problems["kyc_level"], [FIELD_INVALID.as_str()]);
        assert_eq!(problems["composite_balance"], [FIELD_INVALID.as_str()]);
        assert!(!problems.contains_key("device_id"), "rules check presence");
        let older = r#"{"source":{"total_credit":500}}"#;
        assert_eq!(composite_credit_line(older), Some(Centavos::new(500)));
    }

    #[test]
    fn secrets_print_nothing_and_leave_by_value() {
        let mut rs = serde_json::from_str::<serde_json::Map<String, Value>>(
            r#"{"id":1,"oauth_token":"o-1","refresh_token":"r-1","private_key":"sk_1"}"#,
        )
        .unwrap();
        let secrets = CustomerSecrets::take_from(&mut rs).unwrap();
        assert_eq!(rs.len(), 1, "the secrets left the answer");
        assert_eq!(format!("{secrets:?}"), "CustomerSecrets([redacted])");
        let exposed: Vec<_> = secrets
            .into_entries()
            .iter()
            .map(|(kind, value)| format!("{}={}", kind.field(), value.expose()))
            .collect();
        assert_eq!(
            exposed,
            ["oauth_token=o-1", "refresh_token=r-1", "private_key=sk_1"]
        );
    }
}
