//! UnDosTres accounts on the customers screen: creating one (person or business) through the
//! write engine, its open creations, retrying or discarding one, storing secrets the keyring
//! refused, and reading an account's level, status and composite balance again.

use std::sync::Arc;

use mostrador_store::{Provider, UndostresAccountView};
use mostrador_vault::Vault;

use super::links::outbox_seq;
use super::{App, ServiceError, unix_now};
use crate::profiles::ActiveProfile;
use crate::undostres::UndostresServiceError;
use crate::undostres::accounts;
use crate::undostres::form::AccountForm;
use crate::undostres::writes::{self, AccountAnswer, AccountWrite, Context};

impl App {
    /// Creates an account under the UI's idempotency key (one per form opening). The keyring
    /// is needed first: the new customer's secrets have nowhere else to go.
    pub async fn create_undostres_account(
        &self,
        idempotency_key: &str,
        form: AccountForm,
    ) -> Result<AccountAnswer, ServiceError> {
        let vault = self.keyring()?;
        let (profile, client) = self.undostres().await?;
        let cx = self.undostres_context(&profile, &client, &vault);
        let answer = writes::create(&cx, idempotency_key, form, unix_now()).await?;
        self.announce_account_write(&profile.id, &answer);
        Ok(answer)
    }

    /// Sends a queued or not-applied creation again, or looks for an uncertain one.
    pub async fn retry_undostres_write(&self, seq: f64) -> Result<AccountAnswer, ServiceError> {
        let seq = outbox_seq(seq)?;
        let vault = self.keyring()?;
        let (profile, client) = self.undostres().await?;
        let cx = self.undostres_context(&profile, &client, &vault);
        let answer = writes::retry(&cx, seq, unix_now()).await?;
        self.announce_account_write(&profile.id, &answer);
        Ok(answer)
    }

    /// Sends the creations queued while UnDosTres was unreachable and looks for the uncertain
    /// ones; each one settled is announced. Returns how many settled.
    pub async fn flush_undostres_writes(&self) -> Result<usize, ServiceError> {
        let vault = self.keyring()?;
        let (profile, client) = self.undostres().await?;
        let cx = self.undostres_context(&profile, &client, &vault);
        let settled = writes::flush(&cx, unix_now()).await?;
        for answer in &settled {
            self.announce_account_write(&profile.id, answer);
        }
        Ok(settled.len())
    }

    /// Gives up on an open creation.
    pub async fn discard_undostres_write(&self, seq: f64) -> Result<(), ServiceError> {
        let seq = outbox_seq(seq)?;
        let profile = self.active_profile().await?;
        Ok(writes::discard(&self.store, &profile.id, seq, unix_now()).await?)
    }

    /// The active profile's account creations still open, oldest first.
    pub async fn undostres_writes(&self) -> Result<Vec<AccountWrite>, ServiceError> {
        let profile = self.active_profile().await?;
        self.store(move |store| writes::open_writes(store, &profile.id))
            .await
    }

    /// Stores again the secrets the keyring refused for a new account (they waited in
    /// memory); `undostres.secrets_lost` when they are gone.
    pub async fn store_undostres_secrets(
        &self,
        customer_id: String,
    ) -> Result<UndostresAccountView, ServiceError> {
        let vault = self.keyring()?;
        let (profile, client) = self.undostres().await?;
        let cx = self.undostres_context(&profile, &client, &vault);
        Ok(writes::store_waiting(&cx, &customer_id).await?)
    }

    /// Reads an account's level and status (through the KYC tracker, which announces a change),
    /// then its composite balance, into the cache.
    pub async fn refresh_undostres_account(
        &self,
        customer_id: String,
    ) -> Result<UndostresAccountView, ServiceError> {
        self.refresh_customer(Provider::Undostres, customer_id.clone())
            .await?;
        let (profile, client) = self.undostres().await?;
        let (profile_id, cached) = (profile.id.clone(), customer_id.clone());
        let view = self
            .store(move |store| {
                store
                    .undostres_account(&profile_id, &cached)?
                    .ok_or(UndostresServiceError::NotCached)
            })
            .await?;
        if view.account.parent_balance_id.is_none() {
            return Ok(view);
        }
        let now = unix_now();
        let balance =
            accounts::refresh_balance(&self.store, &client, &profile.id, &customer_id, now);
        Ok(balance.await?)
    }

    fn keyring(&self) -> Result<Arc<Vault>, ServiceError> {
        self.vault.clone().map_err(ServiceError::NoKeyring)
    }

    fn undostres_context<'a>(
        &'a self,
        profile: &'a ActiveProfile,
        client: &'a mostrador_providers::undostres::UnDosTresClient,
        vault: &'a Arc<Vault>,
    ) -> Context<'a> {
        Context {
            store: &self.store,
            vault,
            waiting: &self.waiting_secrets,
            client,
            profile_id: &profile.id,
        }
    }

    /// A creation that left `sent` is announced (a refused form was never recorded).
    fn announce_account_write(&self, profile_id: &str, answer: &AccountAnswer) {
        if let AccountAnswer::Submitted { outcome } = answer {
            let provider = mostrador_codes::Provider::Undostres;
            let write = &outcome.write;
            self.events
                .customer_write_settled(profile_id, provider, write.seq, write.state);
        }
    }
}
