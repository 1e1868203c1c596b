//! The customers view as a CSV file, Excel-ready like the links export (same writer, same
//! language and time helpers): every row the list's query matches, in its order. Only what the
//! list shows: no verification link (a company's KYB link goes with its password) and no
//! secret of any kind.

use mostrador_store::{
    Customer, CustomerKind, CustomerQuery, KycStatus, Provider, Store, StoreError, UnixSeconds,
};

use super::{DAY, display_name, every, pending_age};
use crate::links::csv::{CsvWriter, dated_file_name, local_time, written};
use crate::preferences::{KycPreferences, Locale};

/// A CSV file of customers, ready to be saved.
pub struct CustomerExport {
    pub csv: Vec<u8>,
    /// Customers in the file (the header not counted).
    pub rows: usize,
    /// The name to propose when asking where to save it.
    pub file_name: String,
}

/// Every customer `query` matches as CSV. `now` and the target age give each pending case its
/// age in days and whether it is past the target.
pub fn export_customers(
    store: &Store,
    query: &CustomerQuery,
    kyc: KycPreferences,
    now: UnixSeconds,
    lang: Locale,
) -> Result<CustomerExport, StoreError> {
    let mut csv = CsvWriter::new();
    csv.row(header(lang)).map_err(written)?;
    let mut rows = 0;
    every(store, query, |customer| {
        rows += 1;
        csv.row(record(&customer, kyc, now, lang)).map_err(written)
    })?;
    Ok(CustomerExport {
        csv: csv.into_bytes().map_err(written)?,
        rows,
        file_name: dated_file_name(
            match lang {
                Locale::EsMx => "clientes",
                Locale::En => "customers",
            },
            now,
        ),
    })
}

fn header(lang: Locale) -> [&'static str; 14] {
    match lang {
        Locale::EsMx => [
            "Proveedor",
            "Tipo",
            "Nombre",
            "Correo",
            "País",
            "Identificación",
            "Número",
            "Estado KYC",
            "Nivel",
            "Días pendiente",
            "Fuera de objetivo",
            "Alta",
            "Última revisión",
            "ID",
        ],
        Locale::En => [
            "Provider",
            "Type",
            "Name",
            "E-mail",
            "Country",
            "ID type",
            "ID number",
            "KYC status",
            "Level",
            "Days pending",
            "Past target",
            "Created",
            "Last checked",
            "ID",
        ],
    }
}

fn record(
    customer: &Customer,
    kyc: KycPreferences,
    now: UnixSeconds,
    lang: Locale,
) -> [String; 14] {
    let age = pending_age(customer, now);
    let pending_days = age.map(|age| (age / DAY).to_string());
    let target = i64::from(kyc.target_days) * DAY;
    let past_target = age.map(|age| yes_no(age > target, lang).to_owned());
    [
        provider(customer).to_owned(),
        kind(customer.kind, lang).to_owned(),
        display_name(customer),
        customer.email.clone(),
        customer.country.clone(),
        customer.id_type.clone(),
        customer.id_number.clone(),
        status(customer.kyc_status, lang).to_owned(),
        customer
            .kyc_level
            .map(|l| l.to_string())
            .unwrap_or_default(),
        pending_days.unwrap_or_default(),
        past_target.unwrap_or_default(),
        local_time(customer.created_at),
        customer.synced_at.map(local_time).unwrap_or_default(),
        customer.id.clone(),
    ]
}

fn provider(customer: &Customer) -> &'static str {
    match customer.provider {
        Provider::Cryptopocket => "CryptoPocket",
        Provider::Undostres => "UnDosTres",
    }
}

fn kind(kind: CustomerKind, lang: Locale) -> &'static str {
    match (kind, lang) {
        (CustomerKind::Person, Locale::EsMx) => "persona",
        (CustomerKind::Company, Locale::EsMx) => "empresa",
        (CustomerKind::Person, Locale::En) => "person",
        (CustomerKind::Company, Locale::En) => "company",
    }
}

fn status(status: KycStatus, lang: Locale) -> &'static str {
    match (status, lang) {
        (KycStatus::Unused, Locale::EsMx) => "sin iniciar",
        (KycStatus::Processing, Locale::EsMx) => "en revisión",
        (KycStatus::Valid, Locale::EsMx) => "verificado",
        (KycStatus::Fail, Locale::EsMx) => "rechazado",
        (KycStatus::Unused, Locale::En) => "not started",
        (KycStatus::Processing, Locale::En) => "in review",
        (KycStatus::Valid, Locale::En) => "verified",
        (KycStatus::Fail, Locale::En) => "failed",
    }
}

fn yes_no(yes: bool, lang: Locale) -> &'static str {
    match (yes, lang) {
        (true, Locale::EsMx) => "sí",
        (false, Locale::EsMx) => "no",
        (true, Locale::En) => "yes",
        (false, Locale::En) => "no",
    }
}
