//! The CryptoPocket client: one method per row of the endpoint table. It authenticates with the
//! integration's key and secret, keeps the token in memory only, and when CryptoPocket refuses the
//! token it authenticates again once and repeats the call once; a second refusal is the error.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use tokio::sync::Mutex;

use super::endpoints::{self, AUTH_HEADER};
use super::errors::{CryptoPocketError, read_answer};
use super::rules::document_data_url;
use super::types::{
    AuthenticateRequest, Company, CompanyRequest, Customer, CustomerSummary, DocumentRequest,
    DocumentType, KycCheck, OnboardingLink, OnboardingRequest, Pagination, PersonRequest,
};
use crate::credential::Credential;
use crate::error::{FieldError, ProviderError};
use crate::http::{Call, Endpoint, HttpClient, HttpConfig, RequestBody, encode_json, unreadable};

/// The integration's key and secret, from the vault.
#[derive(Clone, Debug)]
pub struct CryptoPocketCredentials {
    pub api_key: Credential,
    pub api_secret: Credential,
}

/// Customers asked for per page when listing (assumed parameter; the provider may cap it).
pub const PAGE_SIZE: u32 = 100;
/// A list stops after this many pages whatever the provider says, so a paginator that never
/// ends cannot hold the app.
const MAX_PAGES: u32 = 1000;

pub struct CryptoPocketClient {
    http: HttpClient,
    credentials: CryptoPocketCredentials,
    /// The integration token: in memory only, replaced when CryptoPocket refuses it.
    token: Mutex<Option<Credential>>,
}

impl CryptoPocketClient {
    /// `base_url` comes from the profile (sandbox `https://sandbox.cryptopocket.io/api`; the
    /// Sandbox profile points at the embedded double).
    pub fn new(
        base_url: &str,
        config: HttpConfig,
        credentials: CryptoPocketCredentials,
    ) -> Result<Self, ProviderError> {
        Ok(Self {
            http: HttpClient::new("cryptopocket", base_url, config)?,
            credentials,
            token: Mutex::new(None),
        })
    }

    /// Registers a person and returns it with the link to its KYC form.
    pub async fn create_person(
        &self,
        person: &PersonRequest,
    ) -> Result<Customer, CryptoPocketError> {
        let answer = self
            .call(&endpoints::REGISTER_USER, &[], &[], Some(person))
            .await?;
        data(answer)
    }

    /// Registers a company: its KYB link (valid 90 days) and the form's password.
    pub async fn create_company(
        &self,
        company: &CompanyRequest,
    ) -> Result<Company, CryptoPocketError> {
        let answer = self
            .call(&endpoints::REGISTER_COMPANY, &[], &[], Some(company))
            .await?;
        data(answer)
    }

    /// Where the customer's KYC (or company's KYB) stands.
    pub async fn kyc_status(&self, user_id: i64) -> Result<KycCheck, CryptoPocketError> {
        let id = user_id.to_string();
        let query = [(endpoints::KYC_USER_PARAM, id.as_str())];
        let answer = self
            .call(&endpoints::KYC_CHECK, &[], &query, None::<&()>)
            .await?;
        data(answer)
    }

    /// A link to the enhanced verification (regulatory declaration) form.
    pub async fn enhanced_verification_link(
        &self,
        user_id: i64,
    ) -> Result<OnboardingLink, CryptoPocketError> {
        let body = OnboardingRequest { user_id };
        let answer = self
            .call(&endpoints::ONBOARDING_FORM, &[], &[], Some(&body))
            .await?;
        data(answer)
    }

    /// Uploads a document of the customer. Type and size are checked first: a refused file is an
    /// [`ProviderError::Invalid`] on `file` and nothing is sent.
    pub async fn upload_document(
        &self,
        user_id: i64,
        document_type: DocumentType,
        mime: &str,
        bytes: &[u8],
    ) -> Result<(), CryptoPocketError> {
        let file = document_data_url(mime, bytes).map_err(|problems| ProviderError::Invalid {
            fields: problems
                .into_iter()
                .map(|(field, codes)| FieldError::new(field, codes, super::fields::form_field))
                .collect(),
            message: "the document was not sent".into(),
        })?;
        let body = DocumentRequest {
            document_type,
            file,
        };
        let id = user_id.to_string();
        self.call(&endpoints::UPLOAD_DOCUMENT, &[&id], &[], Some(&body))
            .await?;
        Ok(())
    }

    /// Every customer of the integration, following the pages to the last one.
    pub async fn list_customers(&self) -> Result<Vec<CustomerSummary>, CryptoPocketError> {
        let mut customers = Vec::new();
        let per_page = PAGE_SIZE.to_string();
        for page in 1..=MAX_PAGES {
            let page_text = page.to_string();
            let query = [
                (endpoints::PAGE_PARAM, page_text.as_str()),
                (endpoints::PER_PAGE_PARAM, per_page.as_str()),
            ];
            let answer = self
                .call(&endpoints::LIST_CUSTOMERS, &[], &query, None::<&()>)
                .await?;
            let (items, pagination) = page_of(answer)?;
            let received = items.len();
            customers.extend(items);
            let last = pagination.last_page.unwrap_or(page);
            if received == 0 || page >= last {
                break;
            }
        }
        Ok(customers)
    }

    /// The customer with this e-mail, `None` when CryptoPocket has none (`user_not_found`).
    pub async fn find_by_email(
        &self,
        email: &str,
    ) -> Result<Option<CustomerSummary>, CryptoPocketError> {
        let query = [(endpoints::FIND_EMAIL_PARAM, email)];
        match self
            .call(&endpoints::FIND_USER, &[], &query, None::<&()>)
            .await
        {
            Ok(answer) => data(answer).map(Some),
            Err(CryptoPocketError::Refused(super::Refusal::UserNotFound)) => Ok(None),
            Err(other) => Err(other),
        }
    }

    /// Sends the call with the current token; when the token is refused, authenticates again and
    /// repeats the call exactly once.
    async fn call<B: Serialize>(
        &self,
        endpoint: &Endpoint,
        path_params: &[&str],
        query: &[(&str, &str)],
        body: Option<&B>,
    ) -> Result<Map<String, Value>, CryptoPocketError> {
        let json_body = body.map(encode_json).transpose()?;
        let token = self.token().await?;
        match self
            .send(endpoint, path_params, query, json_body.clone(), &token)
            .await
        {
            Err(error) if error.is_token_refusal() => {
                tracing::debug!(
                    path = endpoint.path,
                    "cryptopocket token refused; authenticating again"
                );
                let token = self.renew(&token).await?;
                self.send(endpoint, path_params, query, json_body, &token)
                    .await
            }
            answer => answer,
        }
    }

    async fn send(
        &self,
        endpoint: &Endpoint,
        path_params: &[&str],
        query: &[(&str, &str)],
        json_body: Option<RequestBody>,
        token: &Credential,
    ) -> Result<Map<String, Value>, CryptoPocketError> {
        let raw = self
            .http
            .send(Call {
                endpoint,
                path_params,
                query,
                credentials: vec![(AUTH_HEADER, token)],
                body: json_body,
            })
            .await?;
        read_answer(&raw)
    }

    /// The token in memory, or a new one.
    async fn token(&self) -> Result<Credential, CryptoPocketError> {
        let mut current = self.token.lock().await;
        if let Some(token) = current.as_ref() {
            return Ok(token.clone());
        }
        let token = self.authenticate().await?;
        *current = Some(token.clone());
        Ok(token)
    }

    /// A token other than `refused`: another call's fresh one, or a new one.
    async fn renew(&self, refused: &Credential) -> Result<Credential, CryptoPocketError> {
        let mut current = self.token.lock().await;
        if let Some(token) = current.as_ref().filter(|token| *token != refused) {
            return Ok(token.clone());
        }
        *current = None;
        let token = self.authenticate().await?;
        *current = Some(token.clone());
        Ok(token)
    }

    async fn authenticate(&self) -> Result<Credential, CryptoPocketError> {
        let body = AuthenticateRequest {
            api_key: self.credentials.api_key.clone(),
            api_secret: self.credentials.api_secret.clone(),
        };
        let raw = self
            .http
            .send(Call {
                endpoint: &endpoints::AUTHENTICATE,
                path_params: &[],
                query: &[],
                credentials: vec![],
                body: Some(encode_json(&body)?),
            })
            .await?;
        let answer = read_answer(&raw)?;
        // The answer's shape is not documented: `data.token`, `data.auth` or a top-level `token`.
        let token = answer
            .get("data")
            .and_then(|data| data.get("token").or_else(|| data.get("auth")))
            .or_else(|| answer.get("token"))
            .and_then(Value::as_str)
            .filter(|token| !token.is_empty())
            .ok_or(ProviderError::UnreadableResponse {
                status: raw.status,
                detail: "no token in the authentication answer".into(),
            })?;
        tracing::debug!("cryptopocket authenticated");
        Ok(Credential::new(token))
    }
}

fn read<T: DeserializeOwned>(value: Value) -> Result<T, ProviderError> {
    serde_json::from_value(value).map_err(|e| unreadable(200, &e))
}

/// The `data` of an answer as `T`.
fn data<T: DeserializeOwned>(mut answer: Map<String, Value>) -> Result<T, CryptoPocketError> {
    Ok(read(answer.remove("data").unwrap_or(Value::Null))?)
}

/// One page of customers: `data` as the array with `pagination` (or `meta`) beside it, or a
/// Laravel paginator object in `data` (both assumed; read either).
fn page_of(
    mut answer: Map<String, Value>,
) -> Result<(Vec<CustomerSummary>, Pagination), CryptoPocketError> {
    match answer.remove("data").unwrap_or(Value::Null) {
        Value::Object(mut paginator) => {
            let items = read(paginator.remove("data").unwrap_or(Value::Array(vec![])))?;
            Ok((items, read(Value::Object(paginator))?))
        }
        items => {
            let pagination = answer
                .remove("pagination")
                .or_else(|| answer.remove("meta"))
                .unwrap_or(Value::Object(Map::new()));
            Ok((read(items)?, read(pagination)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_page_reads_in_either_assumed_shape() {
        let (items, page) = page_of(object(
            r#"{"status":"ok","data":[{"id":1},{"id":"2"}],"pagination":{"current_page":1,"last_page":3}}"#,
        ))
        .unwrap();
        assert_eq!(items.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(page.last_page, Some(3));
        let (items, page) = page_of(object(
            r#"{"status":"ok","data":{"current_page":2,"last_page":2,"data":[{"id":3,"kyc_status":"valid"}]}}"#,
        ))
        .unwrap();
        assert_eq!(items[0].id, 3);
        assert_eq!(page.current_page, Some(2));
    }
}
