//! HTTP face of the Billpocket double, mounted from the providers crate's endpoint table. Strict:
//! credentials by header (401 missing/wrong key or token, 403 wrong `X-Api-Key`), JSON content
//! type and syntax (400), field rules (422 on links, 400 on users), duplicates (409), unknown
//! links (404).

use std::sync::Arc;

use axum::Extension;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use mostrador_codes::ErrorCode;
use mostrador_providers::Endpoint;
use mostrador_providers::billpocket::endpoints::{
    self as ep, API_KEY_HEADER, USER_TOKEN_HEADER, X_API_KEY_HEADER,
};
use mostrador_providers::billpocket::types::{
    CatalogItem, ClabeAccount, ClabeRequest, CreateUserRequest, ErrorBody, LinkConfig,
    LinkConfigRequest, LinkRequest, LinkUpdate, TokenRequest, TokenValidation,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::seed::{SANDBOX_API_KEY, SANDBOX_X_API_KEY};
use super::state::{BillpocketState, Rejection};
use super::{catalogues, validate};
use crate::double::Double;
use crate::faults::IgnoreChanges;
use crate::json_body::{self, BodyError};
use crate::server::EndpointRoutes;

type Shared = Arc<Double<BillpocketState>>;

pub fn router(double: Shared) -> Router {
    Router::new()
        .endpoint(&ep::CREATE_USER, create_user)
        .endpoint(&ep::GET_TOKEN, get_token)
        .endpoint(&ep::VALIDATE_TOKEN, validate_token)
        .endpoint(&ep::STATES, states)
        .endpoint(&ep::MUNICIPALITIES, municipalities)
        .endpoint(&ep::COMMERCIAL_ACTIVITIES, commercial_activities)
        .endpoint(&ep::COMPANY_TYPES, company_types)
        .endpoint(&ep::CREATE_LINK, create_link)
        .endpoint(&ep::LIST_LINKS, list_links)
        .endpoint(&ep::UPDATE_LINK, update_link)
        .endpoint(&ep::DELETE_LINK, delete_link)
        .endpoint(&ep::CONFIGURE_LINKS, configure_links)
        .endpoint(&ep::GET_LINK_CONFIG, link_config)
        .endpoint(&ep::SET_CLABE, set_clabe)
        .with_state(double)
}

/// An error answer in the assumed Billpocket shape.
struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

impl ApiError {
    fn new(status: StatusCode, message: &str) -> Self {
        Self {
            status,
            body: ErrorBody {
                message: message.to_owned(),
                errors: Default::default(),
            },
        }
    }

    /// Maps a refusal; `invalid` is the status for field errors (422 links, 400 users).
    fn rejection(rejection: Rejection, invalid: StatusCode) -> Self {
        match rejection {
            Rejection::Invalid(errors) => Self {
                status: invalid,
                body: ErrorBody {
                    message: "Invalid data".into(),
                    errors,
                },
            },
            Rejection::Conflict(field) => Self {
                status: StatusCode::CONFLICT,
                body: ErrorBody {
                    message: format!("{field} already registered"),
                    errors: [(field.to_owned(), vec!["taken".to_owned()])].into(),
                },
            },
            Rejection::NotFound => Self::new(StatusCode::NOT_FOUND, "Not found"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

type Answer = Result<Response, ApiError>;

fn read(d: &Double<BillpocketState>, f: impl FnOnce(&BillpocketState) -> Answer) -> Answer {
    f(&d.lock())
}

type Ignore = Option<Extension<IgnoreChanges>>;

/// Runs a mutation and persists the state if it succeeded: an answer is only sent once the
/// change is saved. Under the `ignoreChanges` fault it runs on a copy that is thrown away.
fn write(
    d: &Double<BillpocketState>,
    ignore: &Ignore,
    f: impl FnOnce(&mut BillpocketState) -> Answer,
) -> Answer {
    if ignore.is_some() {
        let mut scratch = d.lock().clone();
        return f(&mut scratch);
    }
    d.write(f, || {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Could not save")
    })
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Answer {
    Ok((status, axum::Json(value)).into_response())
}

/// Checks every credential header the endpoint's row names. Returns the merchant's user id when
/// the row includes `BP-User-Token`.
fn authorize(
    state: &BillpocketState,
    endpoint: &Endpoint,
    headers: &HeaderMap,
) -> Result<Option<i64>, ApiError> {
    let unauthorized = || ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized");
    let mut user = None;
    let values = endpoint
        .auth
        .iter()
        .map(|name| {
            headers
                .get(*name)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .map(|v| (*name, v))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(unauthorized)?;
    for (name, value) in values {
        match name {
            API_KEY_HEADER if value != SANDBOX_API_KEY => return Err(unauthorized()),
            X_API_KEY_HEADER if value != SANDBOX_X_API_KEY => {
                return Err(ApiError::new(StatusCode::FORBIDDEN, "Forbidden"));
            }
            USER_TOKEN_HEADER => {
                user = Some(
                    state
                        .merchant_by_token(value)
                        .ok_or_else(unauthorized)?
                        .user_id,
                )
            }
            _ => {}
        }
    }
    Ok(user)
}

/// The merchant behind a row that requires a user token.
fn merchant(user: Option<i64>) -> Result<i64, ApiError> {
    user.ok_or_else(|| ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized"))
}

/// Strict JSON body: content type and syntax errors are 400; a wrong or missing field is `invalid`
/// naming the field.
fn body<T: DeserializeOwned>(
    headers: &HeaderMap,
    bytes: &Bytes,
    invalid: StatusCode,
) -> Result<T, ApiError> {
    json_body::parse(headers, bytes).map_err(|error| match error {
        BodyError::NotJson => ApiError::new(
            StatusCode::BAD_REQUEST,
            "Content-Type must be application/json",
        ),
        BodyError::Malformed => ApiError::new(StatusCode::BAD_REQUEST, "Malformed JSON"),
        BodyError::Field { field, .. } => {
            ApiError::rejection(Rejection::field(&field, ErrorCode::FieldInvalid), invalid)
        }
    })
}

async fn create_user(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    write(&d, &ignore, |state| {
        authorize(state, &ep::CREATE_USER, &headers)?;
        let request: CreateUserRequest = body(&headers, &bytes, StatusCode::BAD_REQUEST)?;
        let user =
            validate::user(request).map_err(|r| ApiError::rejection(r, StatusCode::BAD_REQUEST))?;
        let created = state
            .create_user(user)
            .map_err(|r| ApiError::rejection(r, StatusCode::BAD_REQUEST))?;
        tracing::debug!(
            user_id = created.user_id,
            "sandbox billpocket: user created"
        );
        json(StatusCode::CREATED, &created)
    })
}

async fn get_token(State(d): State<Shared>, headers: HeaderMap, bytes: Bytes) -> Answer {
    read(&d, |state| {
        authorize(state, &ep::GET_TOKEN, &headers)?;
        let login: TokenRequest = body(&headers, &bytes, StatusCode::BAD_REQUEST)?;
        let token = state
            .login(&login.email, &login.password)
            .ok_or_else(|| ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized"))?;
        json(StatusCode::OK, &token)
    })
}

async fn validate_token(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    read(&d, |state| {
        let user_id = merchant(authorize(state, &ep::VALIDATE_TOKEN, &headers)?)?;
        json(
            StatusCode::OK,
            &TokenValidation {
                valid: true,
                user_id,
            },
        )
    })
}

fn catalogue(
    d: &Double<BillpocketState>,
    endpoint: &Endpoint,
    headers: &HeaderMap,
    items: impl FnOnce() -> Vec<CatalogItem>,
) -> Answer {
    read(d, |state| {
        authorize(state, endpoint, headers)?;
        json(StatusCode::OK, &items())
    })
}

async fn states(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    catalogue(&d, &ep::STATES, &headers, catalogues::states)
}

async fn commercial_activities(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    catalogue(
        &d,
        &ep::COMMERCIAL_ACTIVITIES,
        &headers,
        catalogues::commercial_activities,
    )
}

async fn company_types(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    catalogue(&d, &ep::COMPANY_TYPES, &headers, catalogues::company_types)
}

async fn municipalities(
    State(d): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<std::collections::HashMap<String, String>>,
) -> Answer {
    read(&d, |state| {
        authorize(state, &ep::MUNICIPALITIES, &headers)?;
        let estado = query
            .get(ep::MUNICIPALITIES_STATE_PARAM)
            .map(String::as_str)
            .unwrap_or_default();
        let items = catalogues::municipalities(estado).ok_or_else(|| {
            ApiError::rejection(
                Rejection::field(ep::MUNICIPALITIES_STATE_PARAM, ErrorCode::CatalogueUnknown),
                StatusCode::BAD_REQUEST,
            )
        })?;
        json(StatusCode::OK, &items)
    })
}

async fn create_link(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    write(&d, &ignore, |state| {
        let user_id = merchant(authorize(state, &ep::CREATE_LINK, &headers)?)?;
        let request: LinkRequest = body(&headers, &bytes, StatusCode::UNPROCESSABLE_ENTITY)?;
        let now = super::now();
        let request = validate::link(request, now).map_err(unprocessable)?;
        let link = state
            .create_link(user_id, request, now)
            .map_err(unprocessable)?;
        tracing::debug!(user_id, link_id = %link.id, "sandbox billpocket: link created");
        // Documented: 202 Accepted with the link.
        json(StatusCode::ACCEPTED, &link)
    })
}

async fn list_links(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    read(&d, |state| {
        let user_id = merchant(authorize(state, &ep::LIST_LINKS, &headers)?)?;
        let links = state.links(user_id);
        if links.is_empty() {
            Ok(StatusCode::NO_CONTENT.into_response())
        } else {
            json(StatusCode::OK, &links)
        }
    })
}

async fn update_link(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Answer {
    write(&d, &ignore, |state| {
        let user_id = merchant(authorize(state, &ep::UPDATE_LINK, &headers)?)?;
        let changes: LinkUpdate = body(&headers, &bytes, StatusCode::UNPROCESSABLE_ENTITY)?;
        let now = super::now();
        let changes = validate::link_update(changes, now).map_err(unprocessable)?;
        if ignore.is_some() {
            let current = state.links(user_id).iter().find(|l| l.id == id);
            let current = current.ok_or_else(|| unprocessable(Rejection::NotFound))?;
            return json(StatusCode::OK, current);
        }
        let link = state
            .update_link(user_id, &id, changes, now)
            .map_err(unprocessable)?;
        json(StatusCode::OK, &link)
    })
}

async fn delete_link(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Answer {
    write(&d, &ignore, |state| {
        let user_id = merchant(authorize(state, &ep::DELETE_LINK, &headers)?)?;
        state.delete_link(user_id, &id).map_err(unprocessable)?;
        Ok(StatusCode::NO_CONTENT.into_response())
    })
}

async fn configure_links(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    write(&d, &ignore, |state| {
        let user_id = merchant(authorize(state, &ep::CONFIGURE_LINKS, &headers)?)?;
        let request: LinkConfigRequest = body(&headers, &bytes, StatusCode::UNPROCESSABLE_ENTITY)?;
        let main_link = validate::main_link(&request.main_link).map_err(unprocessable)?;
        if ignore.is_some() {
            let current = state.config(user_id).unwrap_or_else(|| LinkConfig {
                main_link: String::new(),
                domain: state.domain.clone(),
            });
            return json(StatusCode::OK, &current);
        }
        json(
            StatusCode::OK,
            &state
                .configure(user_id, &main_link)
                .map_err(unprocessable)?,
        )
    })
}

async fn link_config(State(d): State<Shared>, headers: HeaderMap) -> Answer {
    read(&d, |state| {
        let user_id = merchant(authorize(state, &ep::GET_LINK_CONFIG, &headers)?)?;
        let config = state
            .config(user_id)
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "Payment link not configured"))?;
        json(StatusCode::OK, &config)
    })
}

async fn set_clabe(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    write(&d, &ignore, |state| {
        let user_id = merchant(authorize(state, &ep::SET_CLABE, &headers)?)?;
        let request: ClabeRequest = body(&headers, &bytes, StatusCode::UNPROCESSABLE_ENTITY)?;
        let account = validate::clabe(&request.clabe).map_err(unprocessable)?;
        if ignore.is_some() {
            let current = state.clabe(user_id).unwrap_or_else(|| ClabeAccount {
                clabe: String::new(),
                bank: String::new(),
            });
            return json(StatusCode::OK, &current);
        }
        json(
            StatusCode::OK,
            &state.set_clabe(user_id, account).map_err(unprocessable)?,
        )
    })
}

fn unprocessable(rejection: Rejection) -> ApiError {
    ApiError::rejection(rejection, StatusCode::UNPROCESSABLE_ENTITY)
}
