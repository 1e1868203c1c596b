//! The Billpocket endpoint table: the one place that says which method, path and credential
//! headers each call uses. The sandbox mounts its routes from these same rows, so correcting an
//! assumption against the real API is a one-line change here.

use crate::http::{Endpoint, HttpMethod, assumed, documented};

pub const API_KEY_HEADER: &str = "BP-Api-Key";
pub const USER_TOKEN_HEADER: &str = "BP-User-Token";
pub const X_API_KEY_HEADER: &str = "X-Api-Key";

const PARTNER: &[&str] = &[API_KEY_HEADER];
const MERCHANT: &[&str] = &[USER_TOKEN_HEADER, X_API_KEY_HEADER];

use HttpMethod::{Delete, Get, Post, Put};

pub const CREATE_USER: Endpoint = documented(Post, "/v2/usuarios", PARTNER);
pub const CREATE_LINK: Endpoint = documented(Post, "/v1/custom-link", MERCHANT);
pub const LIST_LINKS: Endpoint = documented(Get, "/v1/custom-link", MERCHANT);
pub const UPDATE_LINK: Endpoint = assumed(Put, "/v1/custom-link/{id}", MERCHANT); // assumed: path
/// Switching a link off or on: [`UPDATE_LINK`] with only `{"status": 0|1}`. Assumed: the decided
/// contract (`../shared/providers/README.md`: an update takes the "same fields as create, all
/// optional") lists no `status` field, so a server may answer 200 and ignore it. The write
/// engine compares the answered status with the one asked and ends such a write `not_applied`.
pub const SET_LINK_STATUS: Endpoint = UPDATE_LINK; // assumed: body field `status`
pub const DELETE_LINK: Endpoint = assumed(Delete, "/v1/custom-link/{id}", MERCHANT); // assumed: path
pub const CONFIGURE_LINKS: Endpoint = assumed(Post, "/v1/custom-link/config", MERCHANT); // assumed: path, body
pub const GET_LINK_CONFIG: Endpoint = assumed(Get, "/v1/custom-link/config", MERCHANT); // assumed: path, shape
pub const GET_TOKEN: Endpoint = assumed(Post, "/v2/token", PARTNER); // assumed: path, body
pub const VALIDATE_TOKEN: Endpoint = assumed(
    Get,
    "/v2/token/validate",
    &[API_KEY_HEADER, USER_TOKEN_HEADER],
); // assumed: path, auth
pub const STATES: Endpoint = assumed(Get, "/v2/catalogos/estados", PARTNER); // assumed: path, auth, shape
pub const MUNICIPALITIES: Endpoint = assumed(Get, "/v2/catalogos/municipios", PARTNER); // assumed: path, `estado` query
pub const COMMERCIAL_ACTIVITIES: Endpoint =
    assumed(Get, "/v2/catalogos/actividades-comerciales", PARTNER); // assumed: path
pub const COMPANY_TYPES: Endpoint = assumed(Get, "/v2/catalogos/tipos-sociedad", PARTNER); // assumed: path
pub const SET_CLABE: Endpoint = assumed(Post, "/v1/clabe", MERCHANT); // assumed: path, body, shape

/// Query parameter of [`MUNICIPALITIES`] (assumed).
pub const MUNICIPALITIES_STATE_PARAM: &str = "estado";

pub const ALL: [Endpoint; 14] = [
    CREATE_USER,
    CREATE_LINK,
    LIST_LINKS,
    UPDATE_LINK,
    DELETE_LINK,
    CONFIGURE_LINKS,
    GET_LINK_CONFIG,
    GET_TOKEN,
    VALIDATE_TOKEN,
    STATES,
    MUNICIPALITIES,
    COMMERCIAL_ACTIVITIES,
    COMPANY_TYPES,
    SET_CLABE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_seeded_pages_are_documented_and_rows_are_unique() {
        let documented: Vec<_> = ALL
            .iter()
            .filter(|e| e.documented)
            .map(|e| e.path)
            .collect();
        assert_eq!(
            documented,
            ["/v2/usuarios", "/v1/custom-link", "/v1/custom-link"]
        );
        for (i, a) in ALL.iter().enumerate() {
            assert!(
                ALL[i + 1..]
                    .iter()
                    .all(|b| (a.method, a.path) != (b.method, b.path)),
                "{a:?}"
            );
        }
    }
}
