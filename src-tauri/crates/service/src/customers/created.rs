//! What the cache and the vault keep of a customer CryptoPocket just created: the row (with the
//! KYC form or KYB link) and its first status in the history, seen at creation. A company's KYB
//! password is a credential: it goes to the vault only, never to the database, a log or an error.
//! The create operations of the write engine apply their answers through these.

use mostrador_providers::cryptopocket::types::{
    Company, CompanyRequest, Customer as Created, PersonRequest,
};
use mostrador_store::{
    Customer, CustomerKind, KycSource, KycStatus, Provider, Store, StoreError, UnixSeconds,
};
use mostrador_vault::{CredentialKind, Secret, Vault};

use super::CustomerError;
use crate::billpocket_access::AccessError;

/// Caches a created person with its KYC form link.
pub fn cache_person(
    store: &Store,
    profile_id: &str,
    request: &PersonRequest,
    created: &Created,
    now: UnixSeconds,
) -> Result<Customer, StoreError> {
    let answered = |value: &Option<String>, asked: &str| {
        value
            .as_deref()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or(asked)
            .to_owned()
    };
    let row = Customer {
        first_name: answered(&created.name, &request.name),
        last_name: answered(&created.last_name, &request.last_name),
        second_last_name: request.last_name2.clone(),
        email: answered(&created.email, &request.email),
        id_type: request.identification_type.clone(),
        id_number: answered(
            &created.identification_number,
            &request.identification_number,
        ),
        country: answered(&created.country, &request.country),
        kyc_status: if created.kyc_valid {
            KycStatus::Valid
        } else {
            KycStatus::Unused
        },
        kyc_url: created.kyc_form_url.clone(),
        ..new_row(created.id, CustomerKind::Person, now)
    };
    cache(store, profile_id, row)
}

/// Caches a created company with its KYB link, and keeps the link's password in the vault under
/// the customer's id. The row is written first: if the keyring then fails, the company is still
/// listed and the error says the password could not be kept.
pub fn keep_company(
    store: &Store,
    vault: Result<&Vault, &str>,
    profile_id: &str,
    request: &CompanyRequest,
    created: &Company,
    now: UnixSeconds,
) -> Result<Customer, CustomerError> {
    let row = Customer {
        company_name: request.company_name.clone(),
        email: request.email.clone(),
        kyc_url: Some(created.kyb_link.clone()),
        ..new_row(created.id, CustomerKind::Company, now)
    };
    let row = cache(store, profile_id, row)?;
    let vault = vault.map_err(|why| AccessError::NoKeyring(why.to_owned()))?;
    vault
        .put(
            profile_id,
            &kyb_password(&row.id),
            &Secret::new(created.password.expose()),
        )
        .map_err(AccessError::from)?;
    Ok(row)
}

/// Where a company's KYB password lives in the vault.
pub fn kyb_password(customer_id: &str) -> CredentialKind {
    CredentialKind::CryptopocketKybPassword {
        customer_id: customer_id.to_owned(),
    }
}

fn new_row(id: i64, kind: CustomerKind, now: UnixSeconds) -> Customer {
    Customer {
        provider: Provider::Cryptopocket,
        id: id.to_string(),
        kind,
        first_name: String::new(),
        last_name: String::new(),
        second_last_name: String::new(),
        company_name: String::new(),
        email: String::new(),
        id_type: String::new(),
        id_number: String::new(),
        country: String::new(),
        kyc_status: KycStatus::Unused,
        kyc_level: None,
        kyc_url: None,
        created_at: now,
        updated_at: now,
        synced_at: None,
    }
}

/// Writes the row, its first history entry seen at creation, and reads it back stamped.
fn cache(store: &Store, profile_id: &str, row: Customer) -> Result<Customer, StoreError> {
    let rows = std::slice::from_ref(&row);
    store
        .write(|w| w.upsert_customers_seen(profile_id, rows, row.created_at, KycSource::Create))?;
    store.customer(profile_id, Provider::Cryptopocket, &row.id)
}
