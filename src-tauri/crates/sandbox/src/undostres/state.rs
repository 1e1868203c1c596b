//! The UnDosTres double's data (the e-commerce, its customers' accounts, wallets, composite
//! balance parents and tokens) and the operations on it. No HTTP here: routes translate
//! [`Rejection`]s into UnDosTres' answers. Times are Unix seconds, passed in by the caller.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Offset, SecondsFormat, Utc};
use mostrador_providers::Credential;
use mostrador_providers::undostres::Refusal;
use mostrador_providers::undostres::rules::{EMAIL_TAKEN, KYC_LEVELS};
use mostrador_providers::undostres::types::{
    AccountRequest, RefreshRequest, STATUS_ACTIVE, STATUS_SUSPENDED, form,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub use mostrador_providers::undostres::rules::FieldProblems;

/// How long a customer's OAuth token lasts (assumed: the lifetime is not documented).
pub const OAUTH_TTL_SECONDS: i64 = 60 * 60;
/// How long a refresh token lasts (assumed from the documented login's 90-day refresh JWT).
pub const REFRESH_TTL_SECONDS: i64 = 90 * 24 * 60 * 60;
/// The first hint of every validation error (documented).
pub const VALIDATION_HINT: &str =
    "Validations for the request failed, please check the parameters and try again";

/// Why an operation was refused.
#[derive(Debug, PartialEq)]
pub enum Rejection {
    /// Code 5000 with a `field:code` hint per problem.
    Invalid(FieldProblems),
    /// A business code with one hint (`incorrect parent_id`).
    Refused { refusal: Refusal, hint: String },
}

impl Rejection {
    fn refused(refusal: Refusal, hint: &str) -> Self {
        Self::Refused {
            refusal,
            hint: hint.to_owned(),
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
pub struct UnDosTresState {
    /// The documented example's e-commerce id.
    pub ecommerce_id: i64,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub ecommerce_token: Credential,
    pub next_customer_id: i64,
    pub next_ewallet_id: i64,
    /// xorshift64 state for ids and tokens: deterministic and persisted.
    pub rng: u64,
    /// In creation order.
    pub accounts: Vec<AccountRecord>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct AccountRecord {
    pub id: i64,
    /// As checked by the shared rules (normalised).
    pub request: AccountRequest,
    pub account_level: u8,
    pub account_status: i64,
    pub ewallet_id: i64,
    pub parent: ParentRecord,
    pub tokens: CustomerTokens,
    pub created_at: i64,
}

/// The composite balance parent: the credit line and what is used of it, in cents.
#[derive(Clone, Serialize, Deserialize)]
pub struct ParentRecord {
    /// 32 hex characters.
    pub id: String,
    pub credit_line: i64,
    pub used: i64,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct CustomerTokens {
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub oauth_token: Credential,
    pub oauth_expires_at: i64,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub refresh_token: Credential,
    pub refresh_expires_at: i64,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub private_key: Credential,
    /// The device the refresh token is linked to.
    pub device_id: String,
}

const HEX: &[u8] = b"0123456789abcdef";

/// The create answer's fields a fresh account has empty (addresses, documents, selfie, …).
const EMPTY_TEXT_FIELDS: [&str; 23] = [
    "address",
    "address_document_back",
    "address_document_back_url",
    "address_document_front",
    "address_document_front_url",
    "business_purpose",
    "clabe",
    "city",
    "colony",
    "constitution_date",
    "correspondence_address",
    "country_of_birth",
    "date_of_birth",
    "exterior",
    "identification_document_back",
    "identification_document_back_url",
    "identification_document_front",
    "identification_document_front_url",
    "interior",
    "selfie",
    "selfie_url",
    "street",
    "telephone",
];
/// … and at zero (document types, catalogue ids, risk level).
const ZERO_FIELDS: [&str; 7] = [
    "address_document_type",
    "identification_document_type",
    "nationality_id",
    "occupation_id",
    "risk_level",
    "society_type",
    "state_id",
];

/// The current time for the double, in Unix seconds.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// `unix` on Mexico City's clock (-06:00).
fn mexico_city(unix: i64) -> DateTime<FixedOffset> {
    let offset = FixedOffset::west_opt(6 * 3600).unwrap_or_else(|| Utc.fix());
    DateTime::from_timestamp(unix, 0)
        .unwrap_or(DateTime::UNIX_EPOCH)
        .with_timezone(&offset)
}

/// RFC 3339 on Mexico City's clock (-06:00) with nanoseconds, as UnDosTres writes timestamps.
pub fn timestamp(unix: i64) -> String {
    mexico_city(unix).to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// The words UnDosTres uses for an account status.
pub fn status_text(status: i64) -> &'static str {
    match status {
        STATUS_ACTIVE => "Active",
        STATUS_SUSPENDED => "Suspended",
        _ => "Unknown",
    }
}

impl UnDosTresState {
    pub fn empty(ecommerce_token: &str, first_id: i64, seed: u64) -> Self {
        Self {
            ecommerce_id: 91,
            ecommerce_token: Credential::new(ecommerce_token),
            next_customer_id: first_id,
            next_ewallet_id: first_id * 10,
            rng: seed.max(1),
            accounts: Vec::new(),
        }
    }

    pub fn is_ecommerce_token(&self, token: &str) -> bool {
        !token.is_empty() && token == self.ecommerce_token.expose()
    }

    /// Opens an account checked by the shared rules: customer, wallet, composite parent and
    /// tokens together, or nothing (the e-mail is unique).
    pub fn create_account(
        &mut self,
        request: AccountRequest,
        now: i64,
    ) -> Result<&AccountRecord, Rejection> {
        if self
            .accounts
            .iter()
            .any(|a| a.request.email.eq_ignore_ascii_case(&request.email))
        {
            let problems = FieldProblems::from([(
                form::EMAIL.to_owned(),
                vec![EMAIL_TAKEN.as_str().to_owned()],
            )]);
            return Err(Rejection::Invalid(problems));
        }
        let id = self.next_customer_id;
        self.next_customer_id += 1;
        let ewallet_id = self.next_ewallet_id;
        self.next_ewallet_id += 1;
        let parent = ParentRecord {
            id: self.random_hex(32),
            credit_line: request.credit_line.to_undostres_cents(),
            used: 0,
        };
        let tokens = self.issue_tokens(&request.device_id, now);
        self.accounts.push(AccountRecord {
            id,
            account_level: request.kyc_level,
            account_status: STATUS_ACTIVE,
            request,
            ewallet_id,
            parent,
            tokens,
            created_at: now,
        });
        Ok(&self.accounts[self.accounts.len() - 1])
    }

    pub(crate) fn issue_tokens(&mut self, device_id: &str, now: i64) -> CustomerTokens {
        CustomerTokens {
            oauth_token: Credential::new(self.random_hex(64)),
            oauth_expires_at: now + OAUTH_TTL_SECONDS,
            refresh_token: Credential::new(self.random_hex(64)),
            refresh_expires_at: now + REFRESH_TTL_SECONDS,
            private_key: Credential::new(format!("sk_{}", self.random_hex(64))),
            device_id: device_id.to_owned(),
        }
    }

    pub fn account(&self, id: i64) -> Result<&AccountRecord, Rejection> {
        self.accounts
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Rejection::refused(Refusal::ValidationError, "incorrect customer_id"))
    }

    pub fn parent(&self, parent_id: &str) -> Result<&AccountRecord, Rejection> {
        self.accounts
            .iter()
            .find(|a| a.parent.id == parent_id)
            .ok_or_else(|| Rejection::refused(Refusal::ValidationError, "incorrect parent_id"))
    }

    /// A new OAuth token for the device linked to the refresh token; every earlier one stops
    /// working. An expired OAuth token needs `extra_login_data`.
    pub fn refresh(
        &mut self,
        request: &RefreshRequest,
        now: i64,
    ) -> Result<(Credential, i64), Rejection> {
        if request.customer_refresh_token.expose().is_empty() || request.device_id.is_empty() {
            return Err(Rejection::refused(
                Refusal::IncompleteRequest,
                "customer_refresh_token and device_id are required",
            ));
        }
        let oauth_token = Credential::new(self.random_hex(64));
        let account = self
            .accounts
            .iter_mut()
            .find(|a| a.tokens.refresh_token == request.customer_refresh_token)
            .filter(|a| a.tokens.refresh_expires_at > now)
            .ok_or_else(|| {
                Rejection::refused(Refusal::RefreshTokenExpired, "customer_refresh_token")
            })?;
        let tokens = &mut account.tokens;
        if tokens.device_id != request.device_id {
            return Err(Rejection::refused(
                Refusal::DeviceNotLinked,
                "use get-customer-connection-token for a new device",
            ));
        }
        if tokens.oauth_expires_at <= now && request.extra_login_data.trim().is_empty() {
            return Err(Rejection::refused(
                Refusal::ExtraLoginDataRequired,
                "extra_login_data is required due to expired token",
            ));
        }
        tokens.oauth_token = oauth_token.clone();
        tokens.oauth_expires_at = now + OAUTH_TTL_SECONDS;
        Ok((oauth_token, tokens.oauth_expires_at))
    }

    /// Moves an account's level and/or status (admin route, tests, Ajustes → Sandbox): the
    /// real upgrade path is not documented. `Ok(false)` when there is no such account.
    pub fn set_account(
        &mut self,
        id: i64,
        level: Option<u8>,
        status: Option<i64>,
    ) -> Result<bool, &'static str> {
        if level.is_some_and(|l| !KYC_LEVELS.contains(&l)) {
            return Err("account_level must be 1, 2 or 3");
        }
        if status.is_some_and(|s| ![STATUS_ACTIVE, STATUS_SUSPENDED].contains(&s)) {
            return Err("account_status must be 1 (Active) or 2 (Suspended)");
        }
        let Some(account) = self.accounts.iter_mut().find(|a| a.id == id) else {
            return Ok(false);
        };
        if let Some(level) = level {
            account.account_level = level;
        }
        if let Some(status) = status {
            account.account_status = status;
        }
        Ok(true)
    }

    fn random_hex(&mut self, len: usize) -> String {
        crate::rng::chars(&mut self.rng, len, HEX)
    }
}

impl AccountRecord {
    fn is_business(&self) -> bool {
        self.request.gender.is_business()
    }

    /// The create answer's `rs`, every field of the documented example (fresh accounts have
    /// empty addresses and documents), the customer's secrets included.
    pub fn created_rs(&self, ecommerce_id: i64) -> Value {
        let r = &self.request;
        let gender_string = match r.gender.number() {
            1 => "Female",
            2 => "Male",
            _ => "Business",
        };
        let mut rs = json!({
            "account_level": self.account_level,
            "account_status": self.account_status,
            "account_status_string": status_text(self.account_status),
            "are_account_resources_of_user": false,
            "business_name": if self.is_business() { format!("{} {}", r.first_name, r.last_name) } else { String::new() },
            "ecommerce_id": ecommerce_id,
            "email": r.email,
            "first_name": r.first_name,
            "gender": r.gender.number(),
            "gender_string": gender_string,
            "id": self.id,
            "is_business": self.is_business(),
            "last_name": r.last_name,
            "mobile": r.mobile.parse::<i64>().map_or(Value::from(r.mobile.clone()), Value::from),
            "mobile_country_code": if r.mobile_country_code.is_empty() { "52" } else { r.mobile_country_code.as_str() },
            "person_type": if self.is_business() { 2 } else { 1 },
            "rfc": r.rfc,
            "second_last_name": r.second_last_name,
            "zipcode": r.zipcode,
            "ewallet_id": self.ewallet_id,
            "ewallet_status": 1,
            "composite_balance": { "parent": { "id": self.parent.id } },
        });
        for field in EMPTY_TEXT_FIELDS {
            rs[field] = "".into();
        }
        for field in ZERO_FIELDS {
            rs[field] = 0.into();
        }
        let secrets = [
            ("oauth_token", &self.tokens.oauth_token),
            ("refresh_token", &self.tokens.refresh_token),
            ("private_key", &self.tokens.private_key),
        ];
        for (field, secret) in secrets {
            rs[field] = secret.expose().into();
        }
        rs
    }

    /// The get-account answer's `rs` (the integrator's client's fields; `customer_status`).
    pub fn account_rs(&self) -> Value {
        let r = &self.request;
        json!({
            "id": self.id,
            "account_level": self.account_level,
            "customer_status": self.account_status,
            "email": r.email,
            "first_name": r.first_name,
            "middle_name": r.middle_name,
            "last_name": r.last_name,
            "second_last_name": r.second_last_name,
            "gender": r.gender.number(),
            "mobile": r.mobile.parse::<i64>().map_or(Value::from(r.mobile.clone()), Value::from),
            "rfc": r.rfc,
            "curp": r.curp,
            "zipcode": r.zipcode,
            "address": "", "address_detail": "", "city": "", "country_of_birth": "",
            "date_of_birth": "", "occupation_id": 0, "risk_level": 0, "state": 0,
        })
    }

    /// The parent balance payload. assumed: the limit equals the line, what is used is due,
    /// a tenth of it is the minimum; billing on the first of next month, due 20 days later.
    pub fn parent_payload(&self, now: i64) -> Value {
        let parent = &self.parent;
        let today: NaiveDate = mexico_city(now).date_naive();
        let billing = today
            .with_day(1)
            .and_then(|first| first.checked_add_days(Days::new(32)))
            .and_then(|next| next.with_day(1))
            .unwrap_or(today);
        let due = billing.checked_add_days(Days::new(20)).unwrap_or(billing);
        json!({
            "id": parent.id,
            "customer_id": self.id,
            "credit_line": parent.credit_line,
            "credit_limit": parent.credit_line,
            "available_credit": parent.credit_line - parent.used,
            "min_due_payment": parent.used / 10,
            "total_due_payment": parent.used,
            "next_billing_date": billing.to_string(),
            "next_due_date": due.to_string(),
            "status": 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use mostrador_core::Centavos;
    use mostrador_providers::undostres::types::Gender;

    use super::*;

    fn request(email: &str) -> AccountRequest {
        AccountRequest {
            device_id: "device-1".into(),
            email: email.into(),
            first_name: "Ana".into(),
            middle_name: String::new(),
            last_name: "López".into(),
            second_last_name: String::new(),
            gender: Gender::Female,
            mobile: "5512345678".into(),
            mobile_country_code: String::new(),
            rfc: "GOMG850312A14".into(),
            curp: String::new(),
            kyc_level: 1,
            zipcode: String::new(),
            campaign_id: String::new(),
            credit_line: Centavos::new(10_000_000),
        }
    }

    fn refresh(token: &Credential, device: &str, extra: &str) -> RefreshRequest {
        RefreshRequest {
            customer_refresh_token: token.clone(),
            device_id: device.into(),
            ecommerce_token: Credential::new("e"),
            extra_login_data: extra.into(),
        }
    }

    #[test]
    fn an_account_opens_active_at_its_level_with_the_line_available() {
        let mut s = UnDosTresState::empty("e", 85, 7);
        let account = s.create_account(request("ana@example.com"), 0).unwrap();
        assert_eq!(
            (account.id, account.account_level, account.account_status),
            (85, 1, 1)
        );
        let payload = account.parent_payload(0);
        assert_eq!(payload["credit_line"], 10_000_000);
        assert_eq!(payload["available_credit"], 10_000_000);
        let rs = account.created_rs(91);
        assert_eq!(rs["private_key"].as_str().unwrap().len(), 67);
        assert_eq!(rs["oauth_token"].as_str().unwrap().len(), 64);
        assert_eq!(
            rs["composite_balance"]["parent"]["id"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
        assert!(matches!(
            s.create_account(request("ANA@example.com"), 0),
            Err(Rejection::Invalid(problems)) if problems["email"] == [EMAIL_TAKEN.as_str()]
        ));
        assert_eq!(
            s.accounts.len(),
            1,
            "a refused account leaves nothing behind"
        );
        assert_eq!(s.next_customer_id, 86);
    }

    #[test]
    fn refresh_follows_the_device_and_the_token_lifetimes() {
        let mut s = UnDosTresState::empty("e", 1, 7);
        s.create_account(request("ana@example.com"), 0).unwrap();
        let old = s.accounts[0].tokens.oauth_token.clone();
        let token = s.accounts[0].tokens.refresh_token.clone();
        let code = |r: Result<(Credential, i64), Rejection>| match r {
            Err(Rejection::Refused { refusal, .. }) => refusal,
            other => panic!("{:?}", other.map(|(_, at)| at)),
        };
        assert_eq!(
            code(s.refresh(&refresh(&token, "device-2", ""), 10)),
            Refusal::DeviceNotLinked
        );
        assert_eq!(
            code(s.refresh(&refresh(&Credential::new("x"), "device-1", ""), 10)),
            Refusal::RefreshTokenExpired
        );
        assert_eq!(
            code(s.refresh(&refresh(&token, "", ""), 10)),
            Refusal::IncompleteRequest
        );
        let (new, expires) = s.refresh(&refresh(&token, "device-1", ""), 10).unwrap();
        assert_ne!(new, old);
        assert_eq!(expires, 10 + OAUTH_TTL_SECONDS);
        let later = expires + 1;
        assert_eq!(
            code(s.refresh(&refresh(&token, "device-1", ""), later)),
            Refusal::ExtraLoginDataRequired
        );
        assert!(
            s.refresh(&refresh(&token, "device-1", "{\"idAuth\":1}"), later)
                .is_ok()
        );
        assert_eq!(
            code(s.refresh(&refresh(&token, "device-1", "x"), REFRESH_TTL_SECONDS)),
            Refusal::RefreshTokenExpired
        );
    }

    #[test]
    fn the_admin_control_moves_level_and_status_within_their_values() {
        let mut s = UnDosTresState::empty("e", 1, 7);
        s.create_account(request("ana@example.com"), 0).unwrap();
        assert_eq!(s.set_account(1, Some(3), Some(STATUS_SUSPENDED)), Ok(true));
        assert_eq!(
            (s.accounts[0].account_level, s.accounts[0].account_status),
            (3, 2)
        );
        assert_eq!(s.set_account(2, Some(2), None), Ok(false));
        assert!(s.set_account(1, Some(4), None).is_err());
        assert!(s.set_account(1, None, Some(9)).is_err());
    }

    #[test]
    fn timestamps_are_on_mexico_city_clock() {
        assert_eq!(timestamp(1_796_083_200), "2026-11-30T18:00:00-06:00");
    }
}
