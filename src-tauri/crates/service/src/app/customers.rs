//! Clientes y KYC: the cached CryptoPocket customers, their sync, status checks and the history
//! of every status change the app observed.

use mostrador_codes::{Coded, ErrorCode};
use mostrador_core::identity::Country;
use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::CryptoPocketClient;
use mostrador_providers::cryptopocket::rules::decode_data_url;
use mostrador_providers::cryptopocket::types::DocumentType;
use mostrador_store::{CustomerQuery, KycTransition, Provider};

use super::links::outbox_seq;
use super::{App, ServiceError, unix_now};
use crate::customers::created::kyb_password;
use crate::customers::export::{CustomerExport, export_customers};
use crate::customers::kyc::{self, KycCheckOutcome};
use crate::customers::record::{self, CustomerRecord, RecordChange};
use crate::customers::sync::{self, CustomerSyncReport, CustomersSyncState, RESOURCE};
use crate::customers::verification;
use crate::customers::writes::{
    self, CompanyForm, CustomerWrite, CustomerWriteAnswer, CustomerWriteOutcome, PersonForm,
    WriteContext,
};
use crate::customers::{self, CustomerError, CustomerPage};
use crate::links::csv::csv_locale;
use crate::merchants::form::FieldIssue;
use crate::profiles::ActiveProfile;

impl App {
    /// One page of the cached customers (names, e-mail, id number); works offline. The query's
    /// profile is always the active one.
    pub async fn search_customers(
        &self,
        mut query: CustomerQuery,
    ) -> Result<CustomerPage, ServiceError> {
        query.profile_id = self.active_profile().await?.id;
        query.countries = with_other_spellings(query.countries);
        self.store(move |store| customers::list(store, &query))
            .await
    }

    /// How fresh the cached CryptoPocket list is, and whether either provider was unreachable
    /// at its last call.
    pub async fn customers_sync_state(&self) -> Result<CustomersSyncState, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| {
            Ok::<_, mostrador_store::StoreError>(CustomersSyncState::from_states(
                store.sync_states(&profile.id)?,
            ))
        })
        .await
    }

    /// Fetches every CryptoPocket customer into the cache; a failure is recorded and returned.
    /// Once CryptoPocket answered, the customer writes left open are settled (uncertain ones
    /// looked for, queued ones sent) and each one settled is announced. The sync is announced
    /// (`customers/cryptopocket`), and so is every status change the list showed, notified when
    /// it settled a case, as a refresh would have.
    pub async fn sync_customers(&self) -> Result<CustomerSyncReport, ServiceError> {
        let (profile, client) = self.cryptopocket().await?;
        let now = unix_now();
        let synced = sync::sync_customers(&self.store, &client, &profile.id, now).await;
        let error_code = synced.as_ref().err().map(Coded::code);
        self.events
            .customers_synced(&profile.id, RESOURCE, error_code);
        let report = synced?;
        self.announce_listed(&report.status_changes).await?;
        let cx = self.customer_writes(&profile, &client);
        for write in writes::flush(&cx, now).await? {
            self.announce_customer_write(&profile.id, &write);
        }
        Ok(report)
    }

    /// Asks CryptoPocket where one cached customer's KYC/KYB stands, records and announces a
    /// change (through the tracker: its limit, gate and notifications).
    pub async fn check_customer_status(
        &self,
        customer_id: String,
    ) -> Result<KycCheckOutcome, ServiceError> {
        self.refresh_customer(Provider::Cryptopocket, customer_id)
            .await
    }

    /// Every status change the app observed for one customer, oldest first.
    pub async fn customer_status_history(
        &self,
        customer_id: String,
    ) -> Result<Vec<KycTransition>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| kyc::history(store, &profile.id, &customer_id))
            .await
    }

    /// Every customer of the view (`query`, all pages) as a CSV file in the UI language `lang`.
    pub async fn export_customers(
        &self,
        mut query: CustomerQuery,
        lang: &str,
    ) -> Result<CustomerExport, ServiceError> {
        query.profile_id = self.active_profile().await?.id;
        let (now, locale, kyc) = (unix_now(), csv_locale(lang), self.preferences.load().kyc);
        self.store(move |store| export_customers(store, &query, kyc, now, locale))
            .await
    }

    /// A customer's page: the cached row, its tags and its timeline (works offline).
    pub async fn customer_record(
        &self,
        provider: Provider,
        customer_id: String,
    ) -> Result<CustomerRecord, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| record::read(store, &profile.id, provider, &customer_id))
            .await
    }

    /// Adds a note or a tag, removes a tag, or records a reminder sent; answers the page again.
    pub async fn change_customer_record(
        &self,
        provider: Provider,
        customer_id: String,
        change: RecordChange,
    ) -> Result<CustomerRecord, ServiceError> {
        let profile = self.active_profile().await?;
        let now = unix_now();
        self.store(move |store| {
            record::change(store, &profile.id, provider, &customer_id, change, now)
        })
        .await
    }
    /// Creates a CryptoPocket person under the UI's idempotency key (one per form opening).
    /// The optional password is used for the call only: it is in no outbox entry, no log.
    pub async fn create_cryptopocket_person(
        &self,
        idempotency_key: &str,
        form: PersonForm,
        password: Option<Credential>,
    ) -> Result<CustomerWriteAnswer, ServiceError> {
        let (profile, client) = self.cryptopocket().await?;
        let cx = self.customer_writes(&profile, &client);
        let created = writes::create_person(&cx, idempotency_key, form, password, unix_now());
        self.answer(&profile.id, created.await)
    }

    /// Creates a CryptoPocket company; its KYB password goes to the vault, so without a keyring
    /// nothing is sent (CryptoPocket answers the password once, to this call only).
    pub async fn create_cryptopocket_company(
        &self,
        idempotency_key: &str,
        form: CompanyForm,
    ) -> Result<CustomerWriteAnswer, ServiceError> {
        self.vault
            .as_ref()
            .map_err(|e| ServiceError::NoKeyring(e.clone()))?;
        let (profile, client) = self.cryptopocket().await?;
        let cx = self.customer_writes(&profile, &client);
        let created = writes::create_company(&cx, idempotency_key, form, unix_now()).await;
        self.answer(&profile.id, created)
    }

    /// Asks CryptoPocket for a customer's enhanced verification link (`link` once answered).
    pub async fn request_enhanced_link(
        &self,
        customer_id: String,
    ) -> Result<CustomerWriteOutcome, ServiceError> {
        let (profile, client) = self.cryptopocket().await?;
        let cx = self.customer_writes(&profile, &client);
        let asked = verification::enhanced_verification_link(&cx, &customer_id, unix_now());
        let outcome = asked.await?;
        self.announce_customer_write(&profile.id, &outcome.write);
        Ok(outcome)
    }

    /// Uploads a document of a customer under the UI's idempotency key. `file` is the data URL
    /// the page read (`data:<type>;base64,…`); its type and size are checked before anything is
    /// recorded or sent.
    pub async fn upload_customer_document(
        &self,
        idempotency_key: &str,
        customer_id: String,
        document_type: DocumentType,
        file: &str,
    ) -> Result<CustomerWriteAnswer, ServiceError> {
        let Some((mime, bytes)) = decode_data_url(file) else {
            let issues = vec![FieldIssue {
                field: "file".into(),
                code: ErrorCode::DocumentEncoding,
            }];
            return Ok(CustomerWriteAnswer::Refused { issues });
        };
        let (profile, client) = self.cryptopocket().await?;
        let cx = self.customer_writes(&profile, &client);
        let (key, now) = (idempotency_key, unix_now());
        let upload =
            verification::upload_document(&cx, key, &customer_id, document_type, &mime, bytes, now);
        self.answer(&profile.id, upload.await)
    }

    /// Sends a queued customer write again, or looks for an uncertain one at CryptoPocket.
    pub async fn retry_customer_write(
        &self,
        seq: f64,
    ) -> Result<CustomerWriteOutcome, ServiceError> {
        let seq = outbox_seq(seq)?;
        let (profile, client) = self.cryptopocket().await?;
        let cx = self.customer_writes(&profile, &client);
        let outcome = writes::retry(&cx, seq, unix_now()).await?;
        self.announce_customer_write(&profile.id, &outcome.write);
        Ok(outcome)
    }

    /// Gives up on an open customer write.
    pub async fn discard_customer_write(&self, seq: f64) -> Result<(), ServiceError> {
        let seq = outbox_seq(seq)?;
        Ok(writes::discard(&self.store, seq, unix_now()).await?)
    }

    /// The active profile's open customer writes, oldest first.
    pub async fn customer_writes_open(&self) -> Result<Vec<CustomerWrite>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| writes::open_writes(store, &profile.id))
            .await
    }

    /// A company's KYB password, read from the vault only on this explicit call.
    pub async fn reveal_kyb_password(&self, customer_id: String) -> Result<String, ServiceError> {
        let profile = self.active_profile().await?;
        let vault = self.vault.clone().map_err(ServiceError::NoKeyring)?;
        let secret = crate::blocking::run::<_, _, ServiceError>(move || {
            vault.get(&profile.id, &kyb_password(&customer_id))
        })
        .await?;
        Ok(secret.expose().to_owned())
    }

    fn customer_writes<'a>(
        &'a self,
        profile: &'a ActiveProfile,
        client: &'a CryptoPocketClient,
    ) -> WriteContext<'a> {
        WriteContext {
            store: &self.store,
            client,
            vault: self.vault.as_ref().ok().cloned(),
            profile_id: &profile.id,
        }
    }
}

/// A form refused before (or by) CryptoPocket is an answer with its fields, not an error.
impl App {
    /// The answer to a customer write, announced once it left `sent`.
    fn answer(
        &self,
        profile_id: &str,
        created: Result<CustomerWriteOutcome, CustomerError>,
    ) -> Result<CustomerWriteAnswer, ServiceError> {
        match created {
            Ok(outcome) => {
                self.announce_customer_write(profile_id, &outcome.write);
                Ok(CustomerWriteAnswer::Submitted {
                    outcome: Box::new(outcome),
                })
            }
            Err(CustomerError::Invalid(issues)) => Ok(CustomerWriteAnswer::Refused { issues }),
            Err(other) => Err(other.into()),
        }
    }

    fn announce_customer_write(&self, profile_id: &str, write: &writes::CustomerWrite) {
        let provider = mostrador_codes::Provider::CryptoPocket;
        self.events
            .customer_write_settled(profile_id, provider, write.seq, write.state);
    }
}

/// The filter's countries as the cache may spell them: CryptoPocket's list gives English names,
/// UnDosTres rows and the UI use ISO codes ("MEX" also matches "Mexico").
fn with_other_spellings(countries: Vec<String>) -> Vec<String> {
    let mut spellings = countries.clone();
    for country in Country::ALL {
        if countries.iter().any(|c| c == country.code()) {
            spellings.push(country.english_name().to_owned());
        }
    }
    spellings
}
