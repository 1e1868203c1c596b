//! Clientes y KYC: the cached CryptoPocket customers, their sync, status checks and the history
//! of every status change the app observed.

use mostrador_store::{CustomerQuery, KycTransition, Provider, SyncState};

use super::{App, ServiceError, unix_now};
use crate::customers::export::{CustomerExport, export_customers};
use crate::customers::kyc::{self, KycCheckOutcome};
use crate::customers::sync::{self, CustomerSyncReport, RESOURCE};
use crate::customers::{self, CustomerPage};
use crate::links::csv::csv_locale;

impl App {
    /// One page of the cached customers (names, e-mail, id number); works offline. The query's
    /// profile is always the active one.
    pub async fn search_customers(
        &self,
        mut query: CustomerQuery,
    ) -> Result<CustomerPage, ServiceError> {
        query.profile_id = self.active_profile().await?.id;
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
}
