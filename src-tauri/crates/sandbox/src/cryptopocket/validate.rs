//! Field rules the double enforces: the shared rules of the providers crate (core's validators
//! for names, e-mail, phone, country and identification) plus what only the provider knows, the
//! disposable e-mail domains it refuses.

use mostrador_providers::cryptopocket::Refusal;
use mostrador_providers::cryptopocket::rules;
use mostrador_providers::cryptopocket::types::{CompanyRequest, PersonRequest};

use super::state::Rejection;

/// Temporary-mailbox domains refused with `email_not_allowed` (a sample of the well-known ones).
pub const DISPOSABLE_DOMAINS: &[&str] = &[
    "mailinator.com",
    "guerrillamail.com",
    "10minutemail.com",
    "yopmail.com",
    "tempmail.com",
    "trashmail.com",
    "temp-mail.org",
];

pub fn person(person: PersonRequest) -> Result<PersonRequest, Rejection> {
    let person = rules::check_person(person).map_err(Rejection::Invalid)?;
    allowed_email(&person.email)?;
    Ok(person)
}

pub fn company(company: CompanyRequest) -> Result<CompanyRequest, Rejection> {
    let company = rules::check_company(company).map_err(Rejection::Invalid)?;
    allowed_email(&company.email)?;
    Ok(company)
}

fn allowed_email(email: &str) -> Result<(), Rejection> {
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    if DISPOSABLE_DOMAINS
        .iter()
        .any(|d| domain.eq_ignore_ascii_case(d))
    {
        return Err(Rejection::Refused(Refusal::EmailNotAllowed));
    }
    Ok(())
}
