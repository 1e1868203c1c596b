//! What the cache and the vault keep of a customer CryptoPocket just created: the row (with the
//! KYC form or KYB link) and its first status in the history, seen at creation. A company's KYB
//! password is a credential: it goes to the vault only, never to the database, a log or an error.

use mostrador_providers::Credential;
use mostrador_providers::cryptopocket::types::{
    CompanyRequest, Customer as Created, PersonRequest,
};
use mostrador_store::{
    Customer, CustomerKind, KycSource, KycStatus, Provider, StoreError, UnixSeconds, Writer,
};
use mostrador_vault::{CredentialKind, Secret, Vault};

use super::CustomerError;
use crate::billpocket_access::AccessError;

/// A created person as the cache keeps it, with its KYC form link.
pub fn person_row(request: &PersonRequest, created: &Created, now: UnixSeconds) -> Customer {
    let answered = |value: &Option<String>, asked: &str| {
        value
            .as_deref()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or(asked)
            .to_owned()
    };
    Customer {
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
    }
}

/// A created company as the cache keeps it, with its KYB link (never its password).
pub fn company_row(
    request: &CompanyRequest,
    id: i64,
    kyb_link: Option<&str>,
    now: UnixSeconds,
) -> Customer {
    Customer {
        company_name: request.company_name.clone(),
        email: request.email.clone(),
        kyc_url: kyb_link.map(str::to_owned),
        ..new_row(id, CustomerKind::Company, now)
    }
}

/// Writes a created customer and its first history entry, seen at creation.
pub fn write_created(
    w: &mut Writer<'_>,
    profile_id: &str,
    row: &Customer,
) -> Result<(), StoreError> {
    let rows = std::slice::from_ref(row);
    w.upsert_customers_seen(profile_id, rows, row.created_at, KycSource::Create)?;
    Ok(())
}

/// Keeps a company's KYB password in the vault under its customer id. Blocking (the keyring).
pub fn keep_kyb_password(
    vault: Result<&Vault, &str>,
    profile_id: &str,
    customer_id: &str,
    password: &Credential,
) -> Result<(), CustomerError> {
    let vault = vault.map_err(|why| AccessError::NoKeyring(why.to_owned()))?;
    vault
        .put(
            profile_id,
            &kyb_password(customer_id),
            &Secret::new(password.expose()),
        )
        .map_err(AccessError::from)?;
    Ok(())
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
