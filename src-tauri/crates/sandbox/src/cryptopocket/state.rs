//! The CryptoPocket double's data (integrations, their tokens, customers and documents) and the
//! operations on it, including the KYC lifecycle rule. No HTTP here: routes translate
//! [`Rejection`]s into CryptoPocket's answers. Times are Unix seconds, passed in by the caller so
//! the rule can be tested at any instant.

use chrono::{DateTime, Utc};
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::Refusal;
use mostrador_providers::cryptopocket::types::{
    Company, CompanyRequest, Customer, CustomerSummary, DocumentType, KycStatus, PersonRequest,
};
use serde::{Deserialize, Serialize};

pub use mostrador_providers::cryptopocket::rules::FieldProblems;

/// How long an integration token lasts (assumed: the real lifetime is not documented).
pub const TOKEN_TTL_SECONDS: i64 = 60 * 60;
/// How long a KYC case stays `processing` before it settles (AMLBot's fastest verification).
pub const SETTLE_SECONDS: i64 = 2 * 60;
/// Documented: a company's KYB link expires 90 days after creation.
pub const KYB_LINK_DAYS: i64 = 90;
/// An e-mail containing this settles as `fail`.
pub const FAIL_MARKER: &str = "+fail";
/// An e-mail containing this never settles (stays `processing`).
pub const PENDING_MARKER: &str = "+pending";

/// Why an operation was refused.
#[derive(Debug, PartialEq)]
pub enum Rejection {
    /// Laravel's 422 with field problems.
    Invalid(FieldProblems),
    /// One of CryptoPocket's codes.
    Refused(Refusal),
}

#[derive(Clone, Serialize, Deserialize)]
pub struct CryptoPocketState {
    pub next_id: i64,
    /// xorshift64 state for tokens, form ids and passwords: deterministic and persisted.
    pub rng: u64,
    pub integrations: Vec<Integration>,
    pub tokens: Vec<IssuedToken>,
    /// In creation order.
    pub customers: Vec<CustomerRecord>,
}

/// An API client of CryptoPocket (a business like the Sandbox profile's).
#[derive(Clone, Serialize, Deserialize)]
pub struct Integration {
    pub id: u32,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub api_key: Credential,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub api_secret: Credential,
    /// False: tokens are issued but every call is refused (a caller CryptoPocket has not
    /// allow-listed), which lets tests see a second refusal after a fresh authentication.
    pub allowlisted: bool,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct IssuedToken {
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub token: Credential,
    pub integration: u32,
    pub expires_at: i64,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct CustomerRecord {
    pub id: i64,
    pub integration: u32,
    pub email: String,
    /// Set for a person.
    pub person: Option<PersonRequest>,
    /// Set for a company.
    pub company: Option<CompanyRecord>,
    pub kyc_status: KycStatus,
    /// When the current status began.
    pub status_since: i64,
    pub created_at: i64,
    /// Schemeless, as documented (`forms.amlbot.com/<36 hex>`); persons only.
    pub kyc_form_url: Option<String>,
    pub onboarding_link: Option<String>,
    pub documents: Vec<StoredDocument>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct CompanyRecord {
    pub company_name: String,
    pub uuid: String,
    pub kyb_link: String,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub password: Credential,
    pub kyb_link_expires_at: i64,
}

/// What the double keeps of an upload: its type and size (not the content).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub document_type: DocumentType,
    pub mime: String,
    pub bytes: usize,
}

/// Tokens and generated values: labelled, never mistakable for a real secret.
const TOKEN_PREFIX: &str = "sandbox-cp-token-";
const HEX: &[u8] = b"0123456789abcdef";
const PASSWORD_CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/// The current time for the double, in Unix seconds.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

impl CryptoPocketState {
    pub fn empty(first_id: i64, seed: u64, integrations: Vec<Integration>) -> Self {
        Self {
            next_id: first_id,
            rng: seed.max(1),
            integrations,
            tokens: Vec::new(),
            customers: Vec::new(),
        }
    }

    /// A token for a known key and secret.
    pub fn authenticate(
        &mut self,
        api_key: &Credential,
        api_secret: &Credential,
        now: i64,
    ) -> Result<Credential, Rejection> {
        let integration = self
            .integrations
            .iter()
            .find(|i| &i.api_key == api_key && &i.api_secret == api_secret)
            .map(|i| i.id)
            .ok_or(Rejection::Refused(Refusal::AuthorizationIncorrect))?;
        self.tokens.retain(|t| t.expires_at > now);
        let token = Credential::new(format!("{TOKEN_PREFIX}{}", self.random_chars(32, HEX)));
        self.tokens.push(IssuedToken {
            token: token.clone(),
            integration,
            expires_at: now + TOKEN_TTL_SECONDS,
        });
        Ok(token)
    }

    /// The integration behind a live token of an allow-listed caller.
    pub fn integration_of(&self, token: &str, now: i64) -> Result<u32, Rejection> {
        self.tokens
            .iter()
            .find(|t| t.token.expose() == token && t.expires_at > now)
            .map(|t| t.integration)
            .filter(|id| {
                self.integrations
                    .iter()
                    .any(|i| i.id == *id && i.allowlisted)
            })
            .ok_or(Rejection::Refused(Refusal::AuthorizationIncorrect))
    }

    /// Ends every token now, as if they had all reached their lifetime.
    pub fn expire_tokens(&mut self) {
        self.tokens.clear();
    }

    pub fn set_allowlisted(&mut self, allowlisted: bool) {
        for integration in &mut self.integrations {
            integration.allowlisted = allowlisted;
        }
    }

    fn check_unique(&self, email: &str) -> Result<(), Rejection> {
        if self
            .customers
            .iter()
            .any(|c| c.email.eq_ignore_ascii_case(email))
        {
            return Err(Rejection::Refused(Refusal::UserAlreadyExists));
        }
        Ok(())
    }

    /// Registers a person whose fields were already validated.
    pub fn create_person(
        &mut self,
        integration: u32,
        person: PersonRequest,
        now: i64,
    ) -> Result<Customer, Rejection> {
        self.check_unique(&person.email)?;
        let id = self.take_id();
        let form = format!("forms.amlbot.com/{}", self.random_chars(36, HEX));
        let customer = Customer {
            id,
            email: Some(person.email.clone()),
            name: Some(person.name.clone()),
            last_name: Some(person.last_name.clone()),
            identification_number: Some(person.identification_number.clone()),
            country: Some(person.country.clone()),
            kyc_valid: false,
            kyc_form_url: Some(form.clone()),
        };
        self.customers.push(CustomerRecord {
            id,
            integration,
            email: person.email.clone(),
            person: Some(person),
            company: None,
            kyc_status: KycStatus::Unused,
            status_since: now,
            created_at: now,
            kyc_form_url: Some(form),
            onboarding_link: None,
            documents: Vec::new(),
        });
        Ok(customer)
    }

    /// Registers a company whose fields were already validated: a KYB link for 90 days and a
    /// 12-character password for it.
    pub fn create_company(
        &mut self,
        integration: u32,
        request: CompanyRequest,
        now: i64,
    ) -> Result<Company, Rejection> {
        self.check_unique(&request.email)?;
        let id = self.take_id();
        let uuid = self.random_uuid();
        let password = Credential::new(self.random_chars(12, PASSWORD_CHARS));
        let kyb_link = format!("https://b2b.sandbox.cryptopocket.test/kyb/{uuid}");
        self.customers.push(CustomerRecord {
            id,
            integration,
            email: request.email,
            person: None,
            company: Some(CompanyRecord {
                company_name: request.company_name,
                uuid: uuid.clone(),
                kyb_link: kyb_link.clone(),
                password: password.clone(),
                kyb_link_expires_at: now + KYB_LINK_DAYS * 24 * 60 * 60,
            }),
            kyc_status: KycStatus::Unused,
            status_since: now,
            created_at: now,
            kyc_form_url: None,
            onboarding_link: None,
            documents: Vec::new(),
        });
        Ok(Company {
            id,
            uuid,
            kyb_link,
            password,
        })
    }

    /// The integration's own customer; another integration's is `user_not_in_integration`.
    pub fn customer_mut(
        &mut self,
        integration: u32,
        id: i64,
    ) -> Result<&mut CustomerRecord, Rejection> {
        let customer = self
            .customers
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(Rejection::Refused(Refusal::UserNotFound))?;
        if customer.integration != integration {
            return Err(Rejection::Refused(Refusal::UserNotInIntegration));
        }
        Ok(customer)
    }

    /// The status check, which also advances the lifecycle (see [`CustomerRecord::advance`]).
    pub fn check_kyc(
        &mut self,
        integration: u32,
        id: i64,
        now: i64,
    ) -> Result<KycStatus, Rejection> {
        let customer = self.customer_mut(integration, id)?;
        customer.advance(now);
        Ok(customer.kyc_status)
    }

    /// Sets a customer's status directly (admin route, tests, Ajustes → Sandbox).
    pub fn set_kyc(&mut self, id: i64, status: KycStatus, now: i64) -> bool {
        match self.customers.iter_mut().find(|c| c.id == id) {
            Some(customer) => {
                customer.kyc_status = status;
                customer.status_since = now;
                true
            }
            None => false,
        }
    }

    pub fn onboarding_link(&mut self, integration: u32, id: i64) -> Result<String, Rejection> {
        let token = self.random_chars(32, HEX);
        let customer = self.customer_mut(integration, id)?;
        let link = customer.onboarding_link.get_or_insert_with(|| {
            format!("https://onboarding.sandbox.cryptopocket.test/form/{token}")
        });
        Ok(link.clone())
    }

    /// The integration's customers in id order, `per_page` at a time (pages from 1).
    pub fn page(&self, integration: u32, page: u32, per_page: u32) -> (Vec<CustomerSummary>, u32) {
        let own: Vec<&CustomerRecord> = self
            .customers
            .iter()
            .filter(|c| c.integration == integration)
            .collect();
        let per_page = per_page.max(1) as usize;
        let items = own
            .iter()
            .skip((page.max(1) as usize - 1) * per_page)
            .take(per_page)
            .map(|c| c.summary())
            .collect();
        (items, own.len() as u32)
    }

    pub fn find_by_email(&self, integration: u32, email: &str) -> Option<CustomerSummary> {
        self.customers
            .iter()
            .find(|c| c.integration == integration && c.email.eq_ignore_ascii_case(email.trim()))
            .map(CustomerRecord::summary)
    }

    fn take_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn random_uuid(&mut self) -> String {
        let hex = self.random_chars(32, HEX);
        format!(
            "{}-{}-4{}-a{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[13..16],
            &hex[17..20],
            &hex[20..]
        )
    }

    /// `len` characters from `alphabet`, from the persisted generator.
    fn random_chars(&mut self, len: usize, alphabet: &[u8]) -> String {
        crate::rng::chars(&mut self.rng, len, alphabet)
    }
}

impl CustomerRecord {
    /// The lifecycle rule, applied at each status check:
    /// - `unused` → `processing`: the first check counts as the customer opening the form;
    /// - `processing` settles [`SETTLE_SECONDS`] after it began: `fail` when the e-mail contains
    ///   [`FAIL_MARKER`], never when it contains [`PENDING_MARKER`], else `valid`;
    /// - `valid` and `fail` are final.
    pub fn advance(&mut self, now: i64) {
        let email = self.email.to_ascii_lowercase();
        let next = match self.kyc_status {
            KycStatus::Unused => KycStatus::Processing,
            KycStatus::Processing
                if now >= self.status_since + SETTLE_SECONDS && !email.contains(PENDING_MARKER) =>
            {
                if email.contains(FAIL_MARKER) {
                    KycStatus::Fail
                } else {
                    KycStatus::Valid
                }
            }
            _ => return,
        };
        self.kyc_status = next;
        self.status_since = now;
    }

    pub fn summary(&self) -> CustomerSummary {
        let person = self.person.as_ref();
        let text = |value: &str| (!value.is_empty()).then(|| value.to_owned());
        CustomerSummary {
            id: self.id,
            email: Some(self.email.clone()),
            name: person.and_then(|p| text(&p.name)),
            last_name: person.and_then(|p| text(&p.last_name)),
            company_name: self.company.as_ref().map(|c| c.company_name.clone()),
            country: person.and_then(|p| text(&p.country)),
            identification_type: person.and_then(|p| text(&p.identification_type)),
            identification_number: person.and_then(|p| text(&p.identification_number)),
            kyc_status: Some(self.kyc_status),
            created_at: Some(laravel_timestamp(self.created_at)),
        }
    }
}

/// `2026-06-26T10:30:00.000000Z`, the provider's timestamp format.
fn laravel_timestamp(unix: i64) -> String {
    let at = DateTime::from_timestamp(unix, 0).unwrap_or(DateTime::UNIX_EPOCH);
    at.format("%Y-%m-%dT%H:%M:%S.000000Z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> CryptoPocketState {
        CryptoPocketState::empty(
            100,
            7,
            vec![Integration {
                id: 1,
                api_key: Credential::new("k"),
                api_secret: Credential::new("s"),
                allowlisted: true,
            }],
        )
    }

    fn person(email: &str) -> PersonRequest {
        PersonRequest {
            name: "Ana".into(),
            email: email.into(),
            ..PersonRequest::default()
        }
    }

    #[test]
    fn the_lifecycle_opens_at_the_first_check_and_settles_two_minutes_later() {
        let mut s = state();
        let t0 = 1_800_000_000;
        for email in [
            "ana@example.com",
            "beto+fail@example.com",
            "ceci+pending@example.com",
        ] {
            s.create_person(1, person(email), t0).unwrap();
        }
        let check = |s: &mut CryptoPocketState, id, at| s.check_kyc(1, id, at).unwrap();
        // Created unused; nothing moves until someone checks.
        assert_eq!(s.customers[0].kyc_status, KycStatus::Unused);
        let t1 = t0 + 3600;
        assert_eq!(check(&mut s, 100, t1), KycStatus::Processing);
        assert_eq!(
            check(&mut s, 100, t1 + SETTLE_SECONDS - 1),
            KycStatus::Processing
        );
        assert_eq!(check(&mut s, 100, t1 + SETTLE_SECONDS), KycStatus::Valid);
        assert_eq!(
            check(&mut s, 100, t1 + 10 * SETTLE_SECONDS),
            KycStatus::Valid
        );
        assert_eq!(check(&mut s, 101, t1), KycStatus::Processing);
        assert_eq!(check(&mut s, 101, t1 + SETTLE_SECONDS), KycStatus::Fail);
        assert_eq!(check(&mut s, 102, t1), KycStatus::Processing);
        assert_eq!(
            check(&mut s, 102, t1 + 1000 * SETTLE_SECONDS),
            KycStatus::Processing
        );
        assert!(s.set_kyc(102, KycStatus::Valid, t1));
        assert_eq!(check(&mut s, 102, t1), KycStatus::Valid);
        assert!(!s.set_kyc(999, KycStatus::Valid, t1));
    }

    #[test]
    fn tokens_expire_and_belong_to_allowlisted_integrations() {
        let mut s = state();
        let token = s
            .authenticate(&Credential::new("k"), &Credential::new("s"), 0)
            .unwrap();
        assert_eq!(
            s.integration_of(token.expose(), TOKEN_TTL_SECONDS - 1),
            Ok(1)
        );
        assert!(s.integration_of(token.expose(), TOKEN_TTL_SECONDS).is_err());
        assert!(
            s.authenticate(&Credential::new("k"), &Credential::new("x"), 0)
                .is_err()
        );
        s.set_allowlisted(false);
        assert!(s.integration_of(token.expose(), 1).is_err());
    }

    #[test]
    fn a_company_gets_a_90_day_link_and_a_12_character_password() {
        let mut s = state();
        let request = CompanyRequest {
            email: "kyb@empresa.com".into(),
            company_name: "Empresa".into(),
        };
        let company = s.create_company(1, request.clone(), 0).unwrap();
        assert_eq!(company.password.expose().len(), 12);
        assert!(company.kyb_link.ends_with(&company.uuid));
        assert_eq!(company.uuid.len(), 36);
        let record = s.customers[0].company.as_ref().unwrap();
        assert_eq!(record.kyb_link_expires_at, 90 * 86_400);
        assert_eq!(
            s.create_company(1, request, 0).unwrap_err(),
            Rejection::Refused(Refusal::UserAlreadyExists)
        );
    }
}
