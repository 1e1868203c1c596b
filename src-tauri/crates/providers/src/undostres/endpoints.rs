//! The UnDosTres endpoint table: the one place that says which method, path and credential
//! header each call uses (paths are appended to the profile's base URL, e.g.
//! `https://sandcaas.undostres.com.mx`). The sandbox mounts its routes from these same rows.

use crate::http::{Endpoint, HttpMethod, assumed, documented};

/// The e-commerce's (integrator's) token, sent raw (no `Bearer `) on every call.
pub const ECOMMERCE_HEADER: &str = "Authorization-ecommerce";

const ECOMMERCE: &[&str] = &[ECOMMERCE_HEADER];

use HttpMethod::{Get, Post};

/// `multipart/form-data`; answer `{rs, err}` with the customer's secrets.
pub const CREATE_ACCOUNT: Endpoint = documented(Post, "/user/v1/account/create", ECOMMERCE);
/// Known from an integrator's client only: path, header and the `{rs}` shape are assumed.
pub const GET_ACCOUNT: Endpoint = assumed(Get, "/user/v1/account/{customer_id}", ECOMMERCE);
/// Documented path and answer; the header is assumed (the page shows none).
pub const GET_PARENT_BALANCE: Endpoint = documented(
    Get,
    "/wallet/v1/composite-balance/parent/{parent_id}",
    ECOMMERCE,
);
/// JSON body `{customer_refresh_token, device_id, ecommerce_token, extra_login_data}`; the
/// header is sent as the integrator's collection does (whether it is required is unknown).
pub const REFRESH_CUSTOMER_TOKEN: Endpoint =
    documented(Post, "/oauth/v1/refresh-customer-token", ECOMMERCE);

pub const ALL: [Endpoint; 4] = [
    CREATE_ACCOUNT,
    GET_ACCOUNT,
    GET_PARENT_BALANCE,
    REFRESH_CUSTOMER_TOKEN,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_get_account_is_assumed_and_every_call_takes_the_ecommerce_token() {
        let assumed: Vec<_> = ALL
            .iter()
            .filter(|e| !e.documented)
            .map(|e| e.path)
            .collect();
        assert_eq!(assumed, ["/user/v1/account/{customer_id}"]);
        for endpoint in ALL {
            assert_eq!(endpoint.auth, ECOMMERCE, "{endpoint:?}");
        }
    }
}
