//! Clientes y KYC: the cached CryptoPocket customers, their sync, status checks and the history
//! of every status change the app observed.

use mostrador_core::identity::Country;
use mostrador_store::{CustomerQuery, KycTransition, Provider, SyncState};

use super::{App, ServiceError, unix_now};
use crate::customers::kyc::{self, KycCheckOutcome};
use crate::customers::record::{self, CustomerRecord, RecordChange};
use crate::customers::sync::{self, CustomerSyncReport, RESOURCE};
use crate::customers::{self, CustomerPage};

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

    /// How fresh the cached CryptoPocket list is (`None` before the first sync attempt).
    pub async fn customers_sync_state(&self) -> Result<Option<SyncState>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| {
            let states = store.sync_states(&profile.id)?;
            Ok::<_, mostrador_store::StoreError>(
                states.into_iter().find(|s| s.resource == RESOURCE),
            )
        })
        .await
    }

    /// Fetches every CryptoPocket customer into the cache; a failure is recorded and returned.
    pub async fn sync_customers(&self) -> Result<CustomerSyncReport, ServiceError> {
        let (profile, client) = self.cryptopocket().await?;
        Ok(sync::sync_customers(&self.store, &client, &profile.id, unix_now()).await?)
    }

    /// Asks CryptoPocket where one cached customer's KYC/KYB stands and records a change.
    pub async fn check_customer_status(
        &self,
        customer_id: String,
    ) -> Result<KycCheckOutcome, ServiceError> {
        let (profile, client) = self.cryptopocket().await?;
        let store = &self.store;
        Ok(kyc::check_status(store, &client, &profile.id, &customer_id, unix_now()).await?)
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
