//! Customer writes as one operation of the write engine: how each is sent, checked, mirrored in
//! the cache and looked for. A create whose answer was lost is looked for by its e-mail (never
//! sent again). CryptoPocket offers no read of a customer's documents nor of the enhanced
//! verification link, so those stay uncertain when their answer is lost, like the CLABE.
//!
//! A create's answer is not taken on trust: the new customer is read back by its e-mail, and
//! one CryptoPocket does not find was answered without being made (`not_applied`, nothing
//! cached, a company's KYB password never kept: it belongs to no customer).

use std::sync::{Arc, Mutex, PoisonError};

use mostrador_codes::Provider;
use mostrador_providers::cryptopocket::types::{
    Company, Customer as Created, CustomerSummary, KycStatus as ProviderStatus,
};
use mostrador_providers::cryptopocket::{CryptoPocketClient, CryptoPocketError};
use mostrador_providers::{Credential, ProviderError};
use mostrador_store::{
    JournalEntry, JournalKind, Provider as StoreProvider, StoreError, UnixSeconds, Writer,
};
use mostrador_vault::Vault;

use super::CustomerIntent;
use crate::customers::created::{company_row, keep_kyb_password, person_row, write_created};
use crate::customers::kyc::user_id;
use crate::customers::{CustomerError, cached_status};
use crate::outbox::{Lookup, Operation};

/// The `differences` of a create answered but not made.
pub const NOT_KEPT: &str = "customer";

/// What CryptoPocket answered to a customer write, or showed when it was looked for.
#[derive(Debug)]
pub enum CustomerAnswer {
    Person(Created),
    /// A created company; its KYB password already went to the vault.
    Company {
        id: i64,
        kyb_link: String,
    },
    /// A customer found by its e-mail: a create whose answer was lost.
    Found(CustomerSummary),
    /// A create answered, but the customer is not found by its e-mail.
    NotKept,
    Uploaded,
    EnhancedLink(String),
}

/// What a call needs besides its intent, which the outbox never keeps: the person's password,
/// the document's bytes.
#[derive(Default)]
pub struct CallParts {
    pub password: Option<Credential>,
    pub document: Option<Vec<u8>>,
}

/// What a call learnt that the outbox does not keep.
#[derive(Default)]
struct Held {
    link: Option<String>,
    kyb_not_kept: Option<CustomerError>,
}

pub struct CustomerOps<'a> {
    client: &'a CryptoPocketClient,
    profile_id: String,
    vault: Option<Arc<Vault>>,
    parts: CallParts,
    /// A create without a secret part may wait in the outbox; an upload (its bytes are not
    /// kept) or a link request (the agent wants it now) may not.
    queueable: bool,
    held: Mutex<Held>,
}

impl<'a> CustomerOps<'a> {
    pub fn new(
        client: &'a CryptoPocketClient,
        profile_id: &str,
        vault: Option<Arc<Vault>>,
        intent: &CustomerIntent,
        parts: CallParts,
    ) -> Self {
        let queueable = intent.is_create() && parts.password.is_none();
        Self {
            client,
            profile_id: profile_id.to_owned(),
            vault,
            parts,
            queueable,
            held: Mutex::default(),
        }
    }

    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The enhanced verification link this call was answered with.
    pub fn link(&self) -> Option<String> {
        self.held().link.clone()
    }

    /// Why a created company's KYB password could not be kept, if it could not.
    pub fn kyb_not_kept(&self) -> Option<CustomerError> {
        self.held().kyb_not_kept.take()
    }

    /// The KYB password goes to the vault before the write settles, so no crash between the
    /// answer and the commit can lose it; it goes nowhere else.
    async fn keep_kyb(&self, company: &Company) {
        let kept = match self.vault.clone() {
            Some(vault) => {
                let (profile, id) = (self.profile_id.clone(), company.id.to_string());
                let password = company.password.clone();
                crate::blocking::run::<_, CustomerError, CustomerError>(move || {
                    keep_kyb_password(Ok(&vault), &profile, &id, &password)
                })
                .await
            }
            None => Err(crate::billpocket_access::AccessError::NoKeyring(
                "no keyring to keep the KYB password".into(),
            )
            .into()),
        };
        if let Err(error) = kept {
            tracing::warn!(customer_id = company.id, %error, "KYB password not kept");
            self.held().kyb_not_kept = Some(error);
        }
    }

    /// Whether CryptoPocket finds the customer just created: only an answer that it has no
    /// such e-mail says no; any other failure to read leaves the create answer standing.
    async fn kept(&self, email: &str) -> bool {
        match self.client.find_by_email(email).await {
            Ok(found) => found.is_some(),
            Err(error) => {
                tracing::info!(%error, "new cryptopocket customer not read back");
                true
            }
        }
    }

    async fn find(&self, email: &str) -> Result<Lookup<CustomerAnswer>, CryptoPocketError> {
        Ok(match self.client.find_by_email(email).await? {
            Some(found) => Lookup::Applied(CustomerAnswer::Found(found)),
            None => Lookup::Absent,
        })
    }
}

impl Operation for CustomerOps<'_> {
    type Intent = CustomerIntent;
    type Answer = CustomerAnswer;
    type Error = CryptoPocketError;

    const PROVIDER: Provider = Provider::CryptoPocket;

    fn kind(intent: &CustomerIntent) -> &'static str {
        intent.kind()
    }

    fn can_queue(&self) -> bool {
        self.queueable
    }

    async fn send(&self, intent: &CustomerIntent) -> Result<CustomerAnswer, CryptoPocketError> {
        let client = self.client;
        match intent {
            CustomerIntent::CreatePerson { person } => {
                let mut request = person.clone();
                request.password.clone_from(&self.parts.password);
                let created = client.create_person(&request).await?;
                if !self.kept(&person.email).await {
                    return Ok(CustomerAnswer::NotKept);
                }
                Ok(CustomerAnswer::Person(created))
            }
            CustomerIntent::CreateCompany { company } => {
                let created = client.create_company(company).await?;
                if !self.kept(&company.email).await {
                    return Ok(CustomerAnswer::NotKept);
                }
                self.keep_kyb(&created).await;
                Ok(CustomerAnswer::Company {
                    id: created.id,
                    kyb_link: created.kyb_link,
                })
            }
            CustomerIntent::UploadDocument {
                customer_id,
                document_type,
                mime,
                ..
            } => {
                let bytes = self.parts.document.as_deref().ok_or_else(|| {
                    ProviderError::InvalidConfiguration {
                        detail: "a document is sent only with its file".into(),
                    }
                })?;
                let id = customer_number(customer_id)?;
                client
                    .upload_document(id, *document_type, mime, bytes)
                    .await?;
                Ok(CustomerAnswer::Uploaded)
            }
            CustomerIntent::EnhancedLink { customer_id } => {
                let id = customer_number(customer_id)?;
                let link = client.enhanced_verification_link(id).await?;
                self.held().link = Some(link.onboarding_link.clone());
                Ok(CustomerAnswer::EnhancedLink(link.onboarding_link))
            }
        }
    }

    fn differences(&self, intent: &CustomerIntent, answer: &CustomerAnswer) -> Vec<String> {
        let mut differing = Vec::new();
        let mut compare = |field: &str, answered: &Option<String>, asked: &str| {
            let answered = answered.as_deref().map(str::trim).unwrap_or_default();
            if !answered.is_empty() && !answered.eq_ignore_ascii_case(asked.trim()) {
                differing.push(field.to_owned());
            }
        };
        match (intent, answer) {
            (CustomerIntent::CreatePerson { person }, CustomerAnswer::Person(created)) => {
                compare("email", &created.email, &person.email);
                compare("firstName", &created.name, &person.name);
                compare(
                    "idNumber",
                    &created.identification_number,
                    &person.identification_number,
                );
            }
            (CustomerIntent::CreatePerson { person }, CustomerAnswer::Found(found)) => {
                compare("firstName", &found.name, &person.name);
            }
            (CustomerIntent::CreateCompany { company }, CustomerAnswer::Found(found)) => {
                compare("companyName", &found.company_name, &company.company_name);
            }
            (_, CustomerAnswer::NotKept) => differing.push(NOT_KEPT.to_owned()),
            (CustomerIntent::EnhancedLink { .. }, CustomerAnswer::EnhancedLink(link))
                if link.trim().is_empty() =>
            {
                differing.push("link".to_owned());
            }
            _ => {}
        }
        differing
    }

    fn apply(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &CustomerIntent,
        answer: &CustomerAnswer,
        now: UnixSeconds,
    ) -> Result<Option<String>, StoreError> {
        let row = match (intent, answer) {
            (CustomerIntent::CreatePerson { person }, CustomerAnswer::Person(created)) => {
                person_row(person, created, now)
            }
            (CustomerIntent::CreatePerson { person }, CustomerAnswer::Found(found)) => {
                let mut row = person_row(person, &as_created(found), now);
                row.kyc_status = cached_status(found.kyc_status.unwrap_or(ProviderStatus::Unused));
                row
            }
            (
                CustomerIntent::CreateCompany { company },
                CustomerAnswer::Company { id, kyb_link },
            ) => company_row(company, *id, Some(kyb_link), now),
            (CustomerIntent::CreateCompany { company }, CustomerAnswer::Found(found)) => {
                let mut row = company_row(company, found.id, None, now);
                row.kyc_status = cached_status(found.kyc_status.unwrap_or(ProviderStatus::Unused));
                row
            }
            (
                CustomerIntent::UploadDocument { customer_id, .. }
                | CustomerIntent::EnhancedLink { customer_id },
                _,
            ) => return Ok(Some(customer_id.clone())),
            _ => return Ok(None),
        };
        write_created(w, profile_id, &row)?;
        Ok(Some(row.id))
    }

    /// A link issued or a document uploaded goes on the customer's timeline once, as the write
    /// settles `done`: the KYC form link of a new person, the KYB link of a new company (never
    /// its password), an enhanced link, a document's type. A create found by its e-mail has no
    /// link to record (the find answer carries none); an upload or link for a customer not
    /// cached here has no timeline to go on.
    fn record_applied(
        w: &mut Writer<'_>,
        profile_id: &str,
        intent: &CustomerIntent,
        answer: &CustomerAnswer,
        now: UnixSeconds,
    ) -> Result<(), StoreError> {
        let Some((id, kind, text)) = issued(intent, answer) else {
            return Ok(());
        };
        let entry = JournalEntry {
            kind,
            text,
            at: now,
        };
        match w.add_journal_entry(profile_id, StoreProvider::Cryptopocket, &id, &entry) {
            Err(StoreError::NotFound(_)) => Ok(()),
            other => other,
        }
    }

    async fn look_for(
        &self,
        intent: &CustomerIntent,
    ) -> Result<Lookup<CustomerAnswer>, CryptoPocketError> {
        match intent {
            CustomerIntent::CreatePerson { person } => self.find(&person.email).await,
            CustomerIntent::CreateCompany { company } => self.find(&company.email).await,
            CustomerIntent::UploadDocument { .. } => Err(no_read("a customer's documents")),
            CustomerIntent::EnhancedLink { .. } => Err(no_read("the enhanced verification link")),
        }
    }
}

/// What an applied write puts on the customer's timeline: the customer, the journal kind and
/// its text (a link, or a document's type).
fn issued(
    intent: &CustomerIntent,
    answer: &CustomerAnswer,
) -> Option<(String, JournalKind, String)> {
    let (id, kind, text) = match (intent, answer) {
        (CustomerIntent::CreatePerson { .. }, CustomerAnswer::Person(created)) => (
            created.id.to_string(),
            JournalKind::KycLinkIssued,
            created.kyc_form_url.clone()?,
        ),
        (CustomerIntent::CreateCompany { .. }, CustomerAnswer::Company { id, kyb_link }) => {
            (id.to_string(), JournalKind::KybLinkIssued, kyb_link.clone())
        }
        (CustomerIntent::EnhancedLink { customer_id }, CustomerAnswer::EnhancedLink(link)) => (
            customer_id.clone(),
            JournalKind::EnhancedLinkIssued,
            link.clone(),
        ),
        (
            CustomerIntent::UploadDocument {
                customer_id,
                document_type,
                ..
            },
            CustomerAnswer::Uploaded,
        ) => (
            customer_id.clone(),
            JournalKind::DocumentUploaded,
            document_type.as_str().to_owned(),
        ),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some((id, kind, text))
}

/// CryptoPocket's numeric id of a customer, as a provider error when it is not one.
fn customer_number(customer_id: &str) -> Result<i64, CryptoPocketError> {
    user_id(customer_id).map_err(|_| {
        ProviderError::InvalidPathId {
            reason: "not a CryptoPocket customer id",
        }
        .into()
    })
}

/// The provider documents no read of `what`: a lost answer stays unknown until the agent sends
/// the write again or discards it.
fn no_read(what: &str) -> CryptoPocketError {
    ProviderError::UnknownOutcome {
        detail: format!("CryptoPocket offers no read of {what}"),
    }
    .into()
}

/// A customer found by e-mail, read as the create answer it stands for (no KYC form link: the
/// find answer carries none).
fn as_created(found: &CustomerSummary) -> Created {
    Created {
        id: found.id,
        email: found.email.clone(),
        name: found.name.clone(),
        last_name: found.last_name.clone(),
        identification_number: found.identification_number.clone(),
        country: found.country.clone(),
        kyc_valid: found.kyc_status == Some(ProviderStatus::Valid),
        kyc_form_url: None,
    }
}

#[cfg(test)]
mod tests {
    use mostrador_providers::HttpConfig;
    use mostrador_providers::cryptopocket::CryptoPocketCredentials;
    use mostrador_providers::cryptopocket::types::PersonRequest;

    use super::*;

    fn client() -> CryptoPocketClient {
        let credentials = CryptoPocketCredentials {
            api_key: Credential::new("k"),
            api_secret: Credential::new("s"),
        };
        CryptoPocketClient::new("http://127.0.0.1:9", HttpConfig::default(), credentials).unwrap()
    }

    fn answered(email: &str, name: &str) -> CustomerAnswer {
        CustomerAnswer::Person(Created {
            id: 7,
            email: Some(email.into()),
            name: Some(name.into()),
            last_name: None,
            identification_number: Some(String::new()),
            country: None,
            kyc_valid: false,
            kyc_form_url: None,
        })
    }

    #[test]
    fn a_person_answered_with_other_values_names_those_fields_and_only_creates_queue() {
        let client = client();
        let intent = CustomerIntent::CreatePerson {
            person: Box::new(PersonRequest {
                name: "Camila".into(),
                email: "camila@example.cl".into(),
                identification_number: "123456785".into(),
                ..PersonRequest::default()
            }),
        };
        let ops = CustomerOps::new(&client, "p", None, &intent, CallParts::default());
        assert!(ops.can_queue());
        let same = answered("CAMILA@example.cl", "Camila");
        assert!(
            ops.differences(&intent, &same).is_empty(),
            "case and blanks aside"
        );
        let other = answered("otra@example.cl", "Camilo");
        assert_eq!(ops.differences(&intent, &other), ["email", "firstName"]);

        let secret = CallParts {
            password: Some(Credential::new("x")),
            ..CallParts::default()
        };
        assert!(!CustomerOps::new(&client, "p", None, &intent, secret).can_queue());
        let link = CustomerIntent::EnhancedLink {
            customer_id: "7".into(),
        };
        let ops = CustomerOps::new(&client, "p", None, &link, CallParts::default());
        assert!(!ops.can_queue());
        let empty = CustomerAnswer::EnhancedLink(" ".into());
        assert_eq!(ops.differences(&link, &empty), ["link"]);
    }
}
