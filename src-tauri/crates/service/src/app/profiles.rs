//! Profiles, their credentials, the preferences and the embedded Sandbox.

use mostrador_providers::undostres::types::{STATUS_ACTIVE, STATUS_SUSPENDED};
use mostrador_sandbox::FaultPlan;
use mostrador_store::Profile;

use super::{App, ServiceError, unix_now};
use crate::credentials::{self, CredentialSlot, SlotStatus};
use crate::preferences::{Locale, Preferences};
use crate::profiles::{self, ActiveProfile, ProfileInput, ProfileSummary, SANDBOX_PROFILE_ID};
use crate::sandbox_host::SandboxStatus;

impl App {
    /// Every profile, for the Perfiles screen. Profiles hold no secrets.
    pub async fn list_profiles(&self) -> Result<Vec<ProfileSummary>, ServiceError> {
        self.store(profiles::list_profiles).await
    }

    pub async fn create_profile(&self, input: ProfileInput) -> Result<Profile, ServiceError> {
        let now = unix_now();
        self.store(move |store| profiles::create_profile(store, input, now))
            .await
    }

    pub async fn update_profile(
        &self,
        id: String,
        input: ProfileInput,
    ) -> Result<Profile, ServiceError> {
        let now = unix_now();
        let updated = self
            .store(move |store| profiles::update_profile(store, &id, input, now))
            .await;
        self.cryptopocket_clients.forget();
        updated
    }

    /// Deletes a profile with its keyring entries; if it was active, Sandbox becomes active.
    pub async fn delete_profile(&self, id: String) -> Result<(), ServiceError> {
        let deleted = self
            .store_and_vault(move |store, vault| profiles::delete_profile(store, vault, &id))
            .await;
        self.cryptopocket_clients.forget();
        deleted
    }

    /// Makes an existing profile the active one, remembered across restarts. Sandbox is the
    /// default, so choosing it is remembered as no choice.
    pub async fn switch_profile(&self, id: String) -> Result<ActiveProfile, ServiceError> {
        let chosen = id.clone();
        self.store(move |store| store.profile(&chosen).map(|_| ()))
            .await?;
        let active = (id != SANDBOX_PROFILE_ID).then_some(id);
        self.cryptopocket_clients.forget();
        self.preferences.set_active_profile(active)?;
        self.active_profile().await
    }

    /// Which credentials the profile has in the keyring (never their values).
    pub async fn credential_slots(
        &self,
        profile_id: String,
    ) -> Result<Vec<SlotStatus>, ServiceError> {
        self.store_and_vault(move |_, vault| credentials::slot_statuses(vault, &profile_id))
            .await
    }

    /// Sets or replaces one credential of an existing profile.
    pub async fn set_credential(
        &self,
        profile_id: String,
        slot: CredentialSlot,
        value: String,
    ) -> Result<Vec<SlotStatus>, ServiceError> {
        let slots = self
            .store_and_vault(move |store, vault| {
                store.profile(&profile_id)?;
                credentials::set_credential(vault, &profile_id, slot, &value)?;
                Ok::<_, ServiceError>(credentials::slot_statuses(vault, &profile_id)?)
            })
            .await;
        self.cryptopocket_clients.forget();
        slots
    }

    pub async fn clear_credential(
        &self,
        profile_id: String,
        slot: CredentialSlot,
    ) -> Result<Vec<SlotStatus>, ServiceError> {
        let slots = self
            .store_and_vault(move |_, vault| {
                credentials::clear_credential(vault, &profile_id, slot)?;
                credentials::slot_statuses(vault, &profile_id)
            })
            .await;
        self.cryptopocket_clients.forget();
        slots
    }

    pub fn preferences(&self) -> Preferences {
        self.preferences.load()
    }

    pub fn set_locale(&self, locale: Locale) -> Result<Preferences, ServiceError> {
        Ok(self.preferences.set_locale(locale)?)
    }

    pub fn sandbox_status(&self) -> SandboxStatus {
        self.sandbox.status()
    }

    /// Back to the seed data, with faults cleared.
    pub fn sandbox_reset(&self) -> Result<SandboxStatus, ServiceError> {
        Ok(self.sandbox.reset()?)
    }

    pub fn sandbox_set_faults(&self, plan: FaultPlan) -> SandboxStatus {
        self.sandbox.set_faults(plan)
    }

    /// Puts an account of the UnDosTres double at a KYC level (1–3), active or suspended: the
    /// double's stand-in for UnDosTres' undocumented upgrade path.
    pub fn sandbox_set_undostres_account(
        &self,
        customer_id: u32,
        level: u8,
        suspended: bool,
    ) -> Result<(), ServiceError> {
        let status = if suspended {
            STATUS_SUSPENDED
        } else {
            STATUS_ACTIVE
        };
        let id = i64::from(customer_id);
        if self
            .sandbox
            .set_undostres_account(id, Some(level), Some(status))?
        {
            Ok(())
        } else {
            Err(ServiceError::NoSandboxAccount(customer_id))
        }
    }
}
