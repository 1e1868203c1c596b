//! The CryptoPocket endpoint table: the one place that says which method, path and credential
//! header each call uses (paths are appended to the profile's base URL, e.g.
//! `https://sandbox.cryptopocket.io/api`). The sandbox mounts its routes from these same rows.

use crate::http::{Endpoint, HttpMethod, assumed, documented};

/// The integration token, sent raw (no `Bearer `).
pub const AUTH_HEADER: &str = "auth";

const TOKEN: &[&str] = &[AUTH_HEADER];

use HttpMethod::{Get, Post};

/// Body `{api_key, api_secret}` (documented); answer assumed `{status, data: {token}}`.
pub const AUTHENTICATE: Endpoint = documented(Post, "/authenticate", &[]);
pub const REGISTER_USER: Endpoint = documented(Post, "/registerUser", TOKEN);
pub const REGISTER_COMPANY: Endpoint = documented(Post, "/register/company", TOKEN);
pub const KYC_CHECK: Endpoint = documented(Get, "/kyc/check", TOKEN); // assumed: envelope, extra fields
pub const ONBOARDING_FORM: Endpoint = documented(Post, "/onboarding-form", TOKEN); // assumed: `onboarding_link`
pub const UPLOAD_DOCUMENT: Endpoint = documented(Post, "/customers/{user_id}/documents", TOKEN);
pub const LIST_CUSTOMERS: Endpoint = documented(Get, "/customers/list", TOKEN); // assumed: params, page shape
pub const FIND_USER: Endpoint = assumed(Get, "/customers/find", TOKEN); // assumed: path, `email`, shape

/// Query parameter of [`KYC_CHECK`] (documented).
pub const KYC_USER_PARAM: &str = "user_id";
/// Query parameters of [`LIST_CUSTOMERS`] (assumed).
pub const PAGE_PARAM: &str = "page";
pub const PER_PAGE_PARAM: &str = "per_page";
/// Query parameter of [`FIND_USER`] (assumed).
pub const FIND_EMAIL_PARAM: &str = "email";

pub const ALL: [Endpoint; 8] = [
    AUTHENTICATE,
    REGISTER_USER,
    REGISTER_COMPANY,
    KYC_CHECK,
    ONBOARDING_FORM,
    UPLOAD_DOCUMENT,
    LIST_CUSTOMERS,
    FIND_USER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_find_user_is_assumed_and_every_call_but_authenticate_takes_the_token() {
        let assumed: Vec<_> = ALL
            .iter()
            .filter(|e| !e.documented)
            .map(|e| e.path)
            .collect();
        assert_eq!(assumed, ["/customers/find"]);
        for endpoint in ALL {
            let expected: &[&str] = if endpoint == AUTHENTICATE { &[] } else { TOKEN };
            assert_eq!(endpoint.auth, expected, "{endpoint:?}");
        }
    }
}
