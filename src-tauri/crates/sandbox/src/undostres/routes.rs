//! HTTP face of the UnDosTres double, mounted from the providers crate's endpoint table.
//! Strict: `Authorization-ecommerce` on every call (401 when missing or wrong), the account form
//! as `multipart/form-data` only (anything else is 400 code 4400), no unknown or repeated form
//! field, the shared field rules (400 code 5000 with a `field:code` hint per problem), unknown
//! ids as code 5000 `incorrect …`. Users answer `{rs, err}`, wallet `{text, timestamp, endpoint,
//! error, payload}`, oauth `{response, err}`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use mostrador_providers::form_data::{self, FormError};
use mostrador_providers::undostres::Refusal;
use mostrador_providers::undostres::endpoints::{self as ep, ECOMMERCE_HEADER};
use mostrador_providers::undostres::rules::check_account;
use mostrador_providers::undostres::types::{AccountRequest, FIELD_UNKNOWN, RefreshRequest};
use serde_json::{Value, json};

use super::state::{Rejection, UnDosTresState, VALIDATION_HINT, now, timestamp};
use crate::double::Double;
use crate::faults::IgnoreChanges;
use crate::json_body::{self, BodyError};
use crate::server::EndpointRoutes;

type Shared = Arc<Double<UnDosTresState>>;

pub fn router(double: Shared) -> Router {
    Router::new()
        .endpoint(&ep::CREATE_ACCOUNT, create_account)
        .endpoint(&ep::GET_ACCOUNT, get_account)
        .endpoint(&ep::GET_PARENT_BALANCE, get_parent_balance)
        .endpoint(&ep::REFRESH_CUSTOMER_TOKEN, refresh_customer_token)
        .with_state(double)
}

/// An error in UnDosTres' shape: its status, the error object, and which envelope carries it.
struct ApiError {
    status: StatusCode,
    error: Value,
}

impl ApiError {
    fn refused(refusal: Refusal, hints: Vec<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error: json!({ "code": refusal.number(), "text": refusal.text(), "hints": hints }),
        }
    }

    fn bad_parameters(hint: &str) -> Self {
        Self::refused(Refusal::BadParameters, vec![hint.to_owned()])
    }

    fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            error: json!({ "text": "Unauthorized", "hints": ["Authorization-ecommerce is missing or invalid"] }),
        }
    }

    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::Invalid(problems) => {
                let hints = std::iter::once(VALIDATION_HINT.to_owned())
                    .chain(problems.iter().flat_map(|(field, codes)| {
                        codes.iter().map(move |code| format!("{field}:{code}"))
                    }))
                    .collect();
                Self::refused(Refusal::ValidationError, hints)
            }
            Rejection::Refused { refusal, hint } => {
                let mut hints = vec![hint];
                if refusal == Refusal::ValidationError {
                    hints.insert(0, VALIDATION_HINT.to_owned());
                }
                Self::refused(refusal, hints)
            }
        }
    }

    /// `{rs: null, err}` (users).
    fn user(self) -> Response {
        (
            self.status,
            axum::Json(json!({ "rs": null, "err": self.error })),
        )
            .into_response()
    }

    /// `{response: null, err}` (oauth).
    fn oauth(self) -> Response {
        (
            self.status,
            axum::Json(json!({ "response": null, "err": self.error })),
        )
            .into_response()
    }

    /// `{timestamp, endpoint, error, payload: {}}` (wallet; no `text` on failure, as documented).
    fn wallet(self, endpoint: &str) -> Response {
        let body = json!({
            "timestamp": timestamp(now()),
            "endpoint": endpoint,
            "error": self.error,
            "payload": {},
        });
        (self.status, axum::Json(body)).into_response()
    }
}

fn authorize(state: &UnDosTresState, headers: &HeaderMap) -> Result<(), ApiError> {
    let token = headers
        .get(ECOMMERCE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if state.is_ecommerce_token(token) {
        Ok(())
    } else {
        Err(ApiError::unauthorized())
    }
}

/// The account form, strictly: multipart only, text fields only, every name known and once.
fn account_form(headers: &HeaderMap, bytes: &Bytes) -> Result<AccountRequest, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let fields = form_data::decode(content_type, bytes).map_err(|error| match error {
        FormError::NotMultipart => {
            ApiError::bad_parameters("Content-Type must be multipart/form-data")
        }
        FormError::Malformed => ApiError::bad_parameters("The form data cannot be read"),
        FormError::File { field } => {
            tracing::warn!(%field, "sandbox undostres: file in the account form refused");
            ApiError::from(Rejection::Invalid(
                [(field, vec![FIELD_UNKNOWN.as_str().to_owned()])].into(),
            ))
        }
    })?;
    let request = AccountRequest::from_form(fields).map_err(|problems| {
        for field in problems.keys() {
            tracing::debug!(%field, "sandbox undostres: form field refused");
        }
        ApiError::from(Rejection::Invalid(problems))
    })?;
    check_account(request).map_err(|problems| ApiError::from(Rejection::Invalid(problems)))
}

/// Under the `ignoreChanges` fault the account is made on a copy of the state that is thrown
/// away: answered as created (secrets included), and nothing kept. The token refresh does not
/// honour the fault: its answer is a new token either way, so nothing would tell it apart.
async fn create_account(
    State(d): State<Shared>,
    ignore: Option<Extension<IgnoreChanges>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    let create = |state: &mut UnDosTresState| {
        authorize(state, &headers)?;
        let request = account_form(&headers, &bytes)?;
        let ecommerce_id = state.ecommerce_id;
        let account = state
            .create_account(request, now())
            .map_err(ApiError::from)?;
        tracing::debug!("sandbox undostres: account created");
        Ok(account.created_rs(ecommerce_id))
    };
    let answer = if ignore.is_some() {
        let mut scratch = d.lock().clone();
        create(&mut scratch)
    } else {
        d.write(create, || {
            ApiError::refused(
                Refusal::DatabaseError,
                vec!["the account was not saved".into()],
            )
        })
    };
    match answer {
        Ok(rs) => axum::Json(json!({ "rs": rs, "err": null })).into_response(),
        Err(error) => error.user(),
    }
}

async fn get_account(
    State(d): State<Shared>,
    headers: HeaderMap,
    Path(customer_id): Path<String>,
) -> Response {
    let state = d.lock();
    let answer = authorize(&state, &headers).and_then(|()| {
        customer_id
            .parse::<i64>()
            .map_err(|_| Rejection::Refused {
                refusal: Refusal::ValidationError,
                hint: "incorrect customer_id".into(),
            })
            .and_then(|id| state.account(id))
            .map(|account| account.account_rs())
            .map_err(ApiError::from)
    });
    match answer {
        Ok(rs) => axum::Json(json!({ "rs": rs, "err": null })).into_response(),
        Err(error) => error.user(),
    }
}

async fn get_parent_balance(
    State(d): State<Shared>,
    headers: HeaderMap,
    Path(parent_id): Path<String>,
) -> Response {
    let endpoint = format!("/wallet/v1/composite-balance/parent/{parent_id}");
    let state = d.lock();
    let at = now();
    let answer = authorize(&state, &headers).and_then(|()| {
        state
            .parent(&parent_id)
            .map(|account| account.parent_payload(at))
            .map_err(ApiError::from)
    });
    match answer {
        Ok(payload) => axum::Json(json!({
            "text": "Success",
            "timestamp": timestamp(at),
            "endpoint": endpoint,
            "error": {},
            "payload": payload,
        }))
        .into_response(),
        Err(error) => error.wallet(&endpoint),
    }
}

async fn refresh_customer_token(
    State(d): State<Shared>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    let answer = d.write(
        |state| {
            authorize(state, &headers)?;
            let request: RefreshRequest =
                json_body::parse(&headers, &bytes).map_err(|error| match error {
                    BodyError::NotJson | BodyError::Malformed => {
                        ApiError::bad_parameters("The body must be JSON")
                    }
                    BodyError::Field {
                        field,
                        unknown: true,
                    } => ApiError::bad_parameters(&format!("{field}:{FIELD_UNKNOWN}")),
                    BodyError::Field { field, .. } => ApiError::refused(
                        Refusal::IncompleteRequest,
                        vec![format!("{field}:field.required")],
                    ),
                })?;
            if !state.is_ecommerce_token(request.ecommerce_token.expose()) {
                return Err(ApiError::unauthorized());
            }
            let (token, expires_at) = state.refresh(&request, now()).map_err(ApiError::from)?;
            Ok(json!({
                "oauth_token": token.expose(),
                "expiration_timestamp": timestamp(expires_at),
            }))
        },
        || {
            ApiError::refused(
                Refusal::DatabaseError,
                vec!["the token was not saved".into()],
            )
        },
    );
    match answer {
        Ok(response) => axum::Json(json!({ "response": response, "err": null })).into_response(),
        Err(error) => error.oauth(),
    }
}

/// The admin side: `POST /__sandbox/undostres/accounts/{id}` `{"account_level": 2,
/// "account_status": 2}` (either may be left out) moves an account's level and status.
pub fn admin(double: Shared) -> Router {
    use axum::routing::post;
    Router::new()
        .route("/__sandbox/undostres/accounts/{id}", post(set_account))
        .with_state(double)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SetAccount {
    #[serde(default)]
    account_level: Option<u8>,
    #[serde(default)]
    account_status: Option<i64>,
}

async fn set_account(
    State(d): State<Shared>,
    Path(id): Path<i64>,
    axum::Json(request): axum::Json<SetAccount>,
) -> StatusCode {
    d.write(
        |state| match state.set_account(id, request.account_level, request.account_status) {
            Ok(true) => Ok(StatusCode::NO_CONTENT),
            Ok(false) => Ok(StatusCode::NOT_FOUND),
            Err(_) => Ok(StatusCode::UNPROCESSABLE_ENTITY),
        },
        || StatusCode::INTERNAL_SERVER_ERROR,
    )
    .unwrap_or_else(|status| status)
}
