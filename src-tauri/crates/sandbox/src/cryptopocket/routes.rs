//! HTTP face of the CryptoPocket double, mounted from the providers crate's endpoint table.
//! Strict: the `auth` token on every call but `/authenticate` (HTTP 200 `authorization_incorrect`
//! when missing, wrong, expired or not allow-listed), JSON bodies with no unknown field (logged,
//! then 422), Laravel 422 for field rules, the provider's codes for the rest: HTTP 200 on the
//! older endpoints, 403/404/422 on the document upload as documented.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use mostrador_codes::ErrorCode;
use mostrador_providers::cryptopocket::Refusal;
use mostrador_providers::cryptopocket::endpoints::{
    self as ep, AUTH_HEADER, FIND_EMAIL_PARAM, KYC_USER_PARAM, PAGE_PARAM, PER_PAGE_PARAM,
};
use mostrador_providers::cryptopocket::rules::{check_file, decode_data_url};
use mostrador_providers::cryptopocket::types::{
    AuthenticateRequest, DocumentRequest, KycCheck, KycStatus, OnboardingRequest,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::state::{CryptoPocketState, Rejection, StoredDocument, now};
use super::validate;
use crate::double::Double;
use crate::faults::IgnoreChanges;
use crate::json_body::{self, BodyError};
use crate::server::EndpointRoutes;

type Shared = Arc<Double<CryptoPocketState>>;

/// Laravel's default page size, and the largest page served (assumed: a cap below what the
/// client asks for, so the client must follow pages).
const DEFAULT_PER_PAGE: u32 = 15;
const MAX_PER_PAGE: u32 = 25;

pub fn router(double: Shared) -> Router {
    Router::new()
        .endpoint(&ep::AUTHENTICATE, authenticate)
        .endpoint(&ep::REGISTER_USER, register_user)
        .endpoint(&ep::REGISTER_COMPANY, register_company)
        .endpoint(&ep::KYC_CHECK, kyc_check)
        .endpoint(&ep::ONBOARDING_FORM, onboarding_form)
        .endpoint(&ep::UPLOAD_DOCUMENT, upload_document)
        .endpoint(&ep::LIST_CUSTOMERS, list_customers)
        .endpoint(&ep::FIND_USER, find_user)
        .with_state(double)
}

/// A refusal as CryptoPocket writes it.
struct ApiError {
    status: StatusCode,
    body: serde_json::Value,
}

impl ApiError {
    /// `{"status":"error","error":"<code>"}` with HTTP 200, the house style.
    fn refused(refusal: Refusal) -> Self {
        Self::refused_with(StatusCode::OK, refusal)
    }

    fn refused_with(status: StatusCode, refusal: Refusal) -> Self {
        Self {
            status,
            body: json!({ "status": "error", "error": refusal.as_str() }),
        }
    }

    /// Laravel's 422: the first message, "(and N more errors)", and every field's messages.
    fn invalid(errors: BTreeMap<String, Vec<String>>) -> Self {
        let mut messages = errors.values().flatten();
        let first = messages.next().cloned().unwrap_or_default();
        let more = messages.count();
        let message = match more {
            0 => first,
            1 => format!("{first} (and 1 more error)"),
            n => format!("{first} (and {n} more errors)"),
        };
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: json!({ "message": message, "errors": errors }),
        }
    }

    fn field(field: &str, code: ErrorCode) -> Self {
        Self::invalid(BTreeMap::from([(
            field.to_owned(),
            vec![code.as_str().to_owned()],
        )]))
    }

    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::Invalid(errors) => Self::invalid(errors),
            Rejection::Refused(refusal) => Self::refused(refusal),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

type Answer = Result<Response, ApiError>;

/// `{"status":"ok","data":…}`.
fn ok<T: Serialize>(data: &T) -> Answer {
    Ok(axum::Json(json!({ "status": "ok", "data": data })).into_response())
}

fn write(d: &Shared, f: impl FnOnce(&mut CryptoPocketState) -> Answer) -> Answer {
    d.write(f, || ApiError::refused(Refusal::UnexpectedError))
}

type Ignore = Option<Extension<IgnoreChanges>>;

/// A write a customer asked for (a registration, a link, a document). Under the
/// `ignoreChanges` fault it runs on a copy that is thrown away: answered, never made.
fn change(d: &Shared, ignore: &Ignore, f: impl FnOnce(&mut CryptoPocketState) -> Answer) -> Answer {
    if ignore.is_some() {
        let mut scratch = d.lock().clone();
        return f(&mut scratch);
    }
    write(d, f)
}

/// The integration behind the request's `auth` token.
fn authorize(state: &CryptoPocketState, headers: &HeaderMap) -> Result<u32, ApiError> {
    let token = headers
        .get(AUTH_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    state.integration_of(token, now()).map_err(ApiError::from)
}

/// Strict body: not JSON or broken JSON is a 422 like Laravel's; an unknown field is logged and
/// refused.
fn body<T: DeserializeOwned>(headers: &HeaderMap, bytes: &Bytes) -> Result<T, ApiError> {
    json_body::parse(headers, bytes).map_err(|error| match error {
        BodyError::NotJson | BodyError::Malformed => {
            ApiError::field("body", ErrorCode::FieldInvalid)
        }
        BodyError::Field {
            field,
            unknown: true,
        } => {
            tracing::warn!(%field, "sandbox cryptopocket: unknown field in request body refused");
            ApiError::field(&field, ErrorCode::FieldUnknown)
        }
        BodyError::Field { field, .. } => ApiError::field(&field, ErrorCode::FieldInvalid),
    })
}

async fn authenticate(State(d): State<Shared>, headers: HeaderMap, bytes: Bytes) -> Answer {
    let request: AuthenticateRequest = body(&headers, &bytes)?;
    write(&d, |state| {
        let token = state
            .authenticate(&request.api_key, &request.api_secret, now())
            .map_err(ApiError::from)?;
        ok(&json!({ "token": token.expose() }))
    })
}

async fn register_user(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    register(
        &d,
        &ignore,
        &headers,
        &bytes,
        validate::person,
        CryptoPocketState::create_person,
    )
}

async fn register_company(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    register(
        &d,
        &ignore,
        &headers,
        &bytes,
        validate::company,
        CryptoPocketState::create_company,
    )
}

/// A registration: token, strict body, the provider's rules, then the new customer.
fn register<R: DeserializeOwned, T: Serialize>(
    d: &Shared,
    ignore: &Ignore,
    headers: &HeaderMap,
    bytes: &Bytes,
    check: fn(R) -> Result<R, Rejection>,
    create: fn(&mut CryptoPocketState, u32, R, i64) -> Result<T, Rejection>,
) -> Answer {
    change(d, ignore, |state| {
        let integration = authorize(state, headers)?;
        let request = check(body(headers, bytes)?).map_err(ApiError::from)?;
        let created = create(state, integration, request, now()).map_err(ApiError::from)?;
        tracing::debug!("sandbox cryptopocket: customer registered");
        ok(&created)
    })
}

async fn kyc_check(
    State(d): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    write(&d, |state| {
        let integration = authorize(state, &headers)?;
        let user_id = query
            .get(KYC_USER_PARAM)
            .and_then(|id| id.trim().parse::<i64>().ok())
            .ok_or_else(|| ApiError::field(KYC_USER_PARAM, ErrorCode::FieldRequired))?;
        let status = state
            .check_kyc(integration, user_id, now())
            .map_err(ApiError::from)?;
        ok(&KycCheck {
            user_id: Some(user_id),
            kyc_status: status,
            kyc_valid: Some(status == KycStatus::Valid),
        })
    })
}

async fn onboarding_form(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    bytes: Bytes,
) -> Answer {
    change(&d, &ignore, |state| {
        let integration = authorize(state, &headers)?;
        let request: OnboardingRequest = body(&headers, &bytes)?;
        let link = state
            .onboarding_link(integration, request.user_id)
            .map_err(ApiError::from)?;
        ok(&json!({ "onboarding_link": link }))
    })
}

async fn upload_document(
    State(d): State<Shared>,
    ignore: Ignore,
    headers: HeaderMap,
    Path(user_id): Path<String>,
    bytes: Bytes,
) -> Answer {
    change(&d, &ignore, |state| {
        let integration = authorize(state, &headers)?;
        let customer = user_id
            .parse::<i64>()
            .map_err(|_| Rejection::Refused(Refusal::UserNotFound))
            .and_then(|id| state.customer_mut(integration, id))
            .map_err(|rejection| match rejection {
                Rejection::Refused(refusal @ Refusal::UserNotInIntegration) => {
                    ApiError::refused_with(StatusCode::FORBIDDEN, refusal)
                }
                Rejection::Refused(refusal) => {
                    ApiError::refused_with(StatusCode::NOT_FOUND, refusal)
                }
                other => ApiError::from(other),
            })?;
        let request: DocumentRequest = body(&headers, &bytes)?;
        if let Err(code) = check_file(&request.file) {
            tracing::debug!(
                code = code.as_str(),
                "sandbox cryptopocket: document refused"
            );
            let mut error =
                ApiError::refused_with(StatusCode::UNPROCESSABLE_ENTITY, Refusal::InvalidFile);
            error.body["message"] = code.as_str().into();
            return Err(error);
        }
        let (mime, size) = decode_data_url(&request.file)
            .map_or(("text/uri-list".to_owned(), 0), |(mime, bytes)| {
                (mime, bytes.len())
            });
        customer.documents.push(StoredDocument {
            document_type: request.document_type,
            mime,
            bytes: size,
        });
        Ok(axum::Json(json!({ "status": "ok" })).into_response())
    })
}

async fn list_customers(
    State(d): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    let state = d.lock();
    let integration = authorize(&state, &headers)?;
    let number = |key: &str| query.get(key).and_then(|v| v.trim().parse::<u32>().ok());
    let page = number(PAGE_PARAM).unwrap_or(1).max(1);
    let per_page = number(PER_PAGE_PARAM)
        .or_else(|| number("limit"))
        .unwrap_or(DEFAULT_PER_PAGE)
        .clamp(1, MAX_PER_PAGE);
    let (items, total) = state.page(integration, page, per_page);
    Ok(axum::Json(json!({
        "status": "ok",
        "data": items,
        "pagination": {
            "current_page": page,
            "per_page": per_page,
            "total": total,
            "last_page": total.div_ceil(per_page).max(1),
        },
    }))
    .into_response())
}

async fn find_user(
    State(d): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    let state = d.lock();
    let integration = authorize(&state, &headers)?;
    let email = query.get(FIND_EMAIL_PARAM).map_or("", String::as_str);
    if email.trim().is_empty() {
        return Err(ApiError::field(FIND_EMAIL_PARAM, ErrorCode::FieldRequired));
    }
    match state.find_by_email(integration, email) {
        Some(customer) => ok(&customer),
        None => Err(ApiError::refused(Refusal::UserNotFound)),
    }
}

/// The admin side: `POST /__sandbox/cryptopocket/customers/{id}/kyc` `{"kyc_status": "valid"}`,
/// `POST /__sandbox/cryptopocket/tokens/expire`, and
/// `POST /__sandbox/cryptopocket/tokens/allowlisted` `{"allowlisted": false}`.
pub fn admin(double: Shared) -> Router {
    use axum::routing::post;
    Router::new()
        .route("/__sandbox/cryptopocket/customers/{id}/kyc", post(set_kyc))
        .route("/__sandbox/cryptopocket/tokens/expire", post(expire_tokens))
        .route(
            "/__sandbox/cryptopocket/tokens/allowlisted",
            post(set_allowlisted),
        )
        .with_state(double)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SetKyc {
    kyc_status: KycStatus,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SetAllowlisted {
    allowlisted: bool,
}

fn admin_write(d: &Shared, f: impl FnOnce(&mut CryptoPocketState) -> bool) -> StatusCode {
    d.write(
        |state| {
            Ok(if f(state) {
                StatusCode::NO_CONTENT
            } else {
                StatusCode::NOT_FOUND
            })
        },
        || StatusCode::INTERNAL_SERVER_ERROR,
    )
    .unwrap_or_else(|status| status)
}

async fn set_kyc(
    State(d): State<Shared>,
    Path(id): Path<i64>,
    axum::Json(request): axum::Json<SetKyc>,
) -> StatusCode {
    admin_write(&d, |state| state.set_kyc(id, request.kyc_status, now()))
}

async fn expire_tokens(State(d): State<Shared>) -> StatusCode {
    admin_write(&d, |state| {
        state.expire_tokens();
        true
    })
}

async fn set_allowlisted(
    State(d): State<Shared>,
    axum::Json(request): axum::Json<SetAllowlisted>,
) -> StatusCode {
    admin_write(&d, |state| {
        state.set_allowlisted(request.allowlisted);
        true
    })
}
