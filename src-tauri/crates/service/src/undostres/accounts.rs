//! UnDosTres accounts read into the cache: the account (level and status, mapped onto the
//! shared KYC status so the customers list and its history treat both providers alike) and its
//! composite balance parent. Each read lands in one transaction; a failed read changes nothing.

use std::sync::Arc;

use mostrador_providers::undostres::UnDosTresClient;
use mostrador_providers::undostres::types::{Account, STATUS_ACTIVE, STATUS_SUSPENDED};
use mostrador_store::{
    Customer, CustomerKind, KycStatus, ParentBalanceRead, Provider, Store, UndostresAccount,
    UndostresAccountView, UnixSeconds,
};

use super::UndostresServiceError;
use crate::blocking::blocking;

/// What an account status means for KYC: active is verified, suspended failed, anything
/// undocumented is still in progress.
pub fn kyc_status(account_status: Option<i64>) -> KycStatus {
    match account_status {
        Some(STATUS_ACTIVE) => KycStatus::Valid,
        Some(STATUS_SUSPENDED) => KycStatus::Fail,
        _ => KycStatus::Processing,
    }
}

/// The cache row of an account UnDosTres returned. A business's legal name (first name and
/// last name) is its company name; the RFC is its id number.
pub fn cache_row(
    account: &Account,
    created_at: UnixSeconds,
    updated_at: UnixSeconds,
) -> UndostresAccount {
    let business = account.is_business();
    let company_name = if business {
        format!("{} {}", account.first_name, account.last_name)
            .trim()
            .to_owned()
    } else {
        String::new()
    };
    let person_field = |value: &str| {
        if business {
            String::new()
        } else {
            value.to_owned()
        }
    };
    UndostresAccount {
        customer: Customer {
            provider: Provider::Undostres,
            id: account.id.to_string(),
            kind: if business {
                CustomerKind::Company
            } else {
                CustomerKind::Person
            },
            first_name: person_field(&account.first_name),
            last_name: person_field(&account.last_name),
            second_last_name: person_field(&account.second_last_name),
            company_name,
            email: account.email.clone(),
            id_type: "RFC".into(),
            id_number: account.rfc.clone(),
            country: "MEX".into(),
            kyc_status: kyc_status(account.account_status),
            kyc_level: Some(account.account_level),
            kyc_url: None,
            created_at,
            updated_at,
            synced_at: None,
        },
        account_status: account.account_status.unwrap_or_default(),
        mobile: account.mobile.clone(),
        curp: account.curp.clone(),
        ewallet_id: account.ewallet_id,
        parent_balance_id: account.parent_id().map(str::to_owned),
    }
}

/// Caches an account as UnDosTres returned it (create or get), observed at `now`: its level or
/// status change is recorded in the history. A known account keeps its creation time, and its
/// update time unless something changed.
pub fn cache_account(
    store: &Store,
    profile_id: &str,
    account: &Account,
    now: UnixSeconds,
) -> Result<UndostresAccount, UndostresServiceError> {
    let cached = store.undostres_account(profile_id, &account.id.to_string())?;
    let row = match cached {
        None => cache_row(account, now, now),
        Some(view) => {
            let before = view.account;
            let mut same = cache_row(
                account,
                before.customer.created_at,
                before.customer.updated_at,
            );
            same.customer.synced_at = before.customer.synced_at;
            same.ewallet_id = same.ewallet_id.or(before.ewallet_id);
            same.parent_balance_id = same.parent_balance_id.or(before.parent_balance_id.clone());
            if same != before {
                same.customer.updated_at = now;
            }
            same
        }
    };
    store.write(|w| w.upsert_undostres_accounts(profile_id, std::slice::from_ref(&row), now))?;
    Ok(row)
}

/// Reads the account from UnDosTres and caches it.
pub async fn refresh_account(
    store: &Arc<Store>,
    client: &UnDosTresClient,
    profile_id: &str,
    customer_id: i64,
    now: UnixSeconds,
) -> Result<UndostresAccount, UndostresServiceError> {
    let account = client.account(customer_id).await?;
    let profile_id = profile_id.to_owned();
    blocking(store, move |store| {
        cache_account(store, &profile_id, &account, now)
    })
    .await
}

/// Reads the account's composite balance parent (its id from the cache) and records it.
pub async fn refresh_balance(
    store: &Arc<Store>,
    client: &UnDosTresClient,
    profile_id: &str,
    customer_id: &str,
    now: UnixSeconds,
) -> Result<UndostresAccountView, UndostresServiceError> {
    let (profile, customer) = (profile_id.to_owned(), customer_id.to_owned());
    let parent_id = blocking::<_, _, UndostresServiceError>(store, move |store| {
        store
            .undostres_account(&profile, &customer)?
            .and_then(|view| view.account.parent_balance_id)
            .ok_or(UndostresServiceError::NotCached)
    })
    .await?;
    let balance = client.parent_balance(&parent_id).await?;
    let read = ParentBalanceRead {
        credit_line: balance.credit_line.get(),
        credit_limit: balance.credit_limit.get(),
        available_credit: balance.available_credit.get(),
        next_billing_date: balance.next_billing_date,
        next_due_date: balance.next_due_date,
        read_at: now,
    };
    let (profile, customer) = (profile_id.to_owned(), customer_id.to_owned());
    blocking(store, move |store| {
        store.write(|w| w.record_parent_balance(&profile, &customer, &read))?;
        store
            .undostres_account(&profile, &customer)?
            .ok_or(UndostresServiceError::NotCached)
    })
    .await
}
