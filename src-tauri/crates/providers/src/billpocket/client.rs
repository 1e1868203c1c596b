//! The Billpocket client: one method per row of the endpoint table.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::endpoints::{self, API_KEY_HEADER, USER_TOKEN_HEADER, X_API_KEY_HEADER};
use super::errors::from_status;
use super::types::{
    CatalogItem, ClabeAccount, ClabeRequest, CreateUserRequest, LINK_ACTIVE, LINK_INACTIVE, Link,
    LinkConfig, LinkConfigRequest, LinkRequest, LinkUpdate, TokenRequest, TokenValidation,
    UserToken,
};
use crate::credential::Credential;
use crate::error::ProviderError;
use crate::http::{
    Call, Endpoint, HttpClient, HttpConfig, RawResponse, decode_json, encode_json, is_success,
};

/// The credentials of one profile (and merchant), read from the vault for each call. The endpoint
/// table decides which of them are sent; a missing one fails the call before anything is sent.
#[derive(Clone, Debug, Default)]
pub struct BillpocketCredentials {
    /// `BP-Api-Key`: the integrator key (create user, tokens, catalogues).
    pub api_key: Option<Credential>,
    /// `BP-User-Token`: the merchant's user token (links, CLABE).
    pub user_token: Option<Credential>,
    /// `X-Api-Key`: sent with the user token on merchant calls.
    pub x_api_key: Option<Credential>,
}

impl BillpocketCredentials {
    fn for_header(&self, header: &str) -> Option<&Credential> {
        match header {
            API_KEY_HEADER => self.api_key.as_ref(),
            USER_TOKEN_HEADER => self.user_token.as_ref(),
            X_API_KEY_HEADER => self.x_api_key.as_ref(),
            _ => None,
        }
    }
}

pub struct BillpocketClient {
    http: HttpClient,
}

impl BillpocketClient {
    /// `base_url` comes from the profile (the API host is not public; the Sandbox profile points at
    /// the embedded double).
    pub fn new(base_url: &str, config: HttpConfig) -> Result<Self, ProviderError> {
        Ok(Self {
            http: HttpClient::new("billpocket", base_url, config)?,
        })
    }

    /// Registers a merchant (201 `{userToken, userId}`).
    pub async fn create_user(
        &self,
        creds: &BillpocketCredentials,
        user: &CreateUserRequest,
    ) -> Result<UserToken, ProviderError> {
        let raw = self
            .send(&endpoints::CREATE_USER, creds, &[], &[], Some(user))
            .await?;
        parse(&raw)
    }

    /// Obtains an existing merchant's user token.
    pub async fn user_token(
        &self,
        creds: &BillpocketCredentials,
        login: &TokenRequest,
    ) -> Result<UserToken, ProviderError> {
        let raw = self
            .send(&endpoints::GET_TOKEN, creds, &[], &[], Some(login))
            .await?;
        parse(&raw)
    }

    /// Checks `creds.user_token`; a rejected token is [`ProviderError::Unauthorized`].
    pub async fn validate_token(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<TokenValidation, ProviderError> {
        self.get(&endpoints::VALIDATE_TOKEN, creds, &[], &[]).await
    }

    pub async fn states(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<Vec<CatalogItem>, ProviderError> {
        self.get(&endpoints::STATES, creds, &[], &[]).await
    }

    /// Municipalities of a state, by its INEGI id (`"09"`).
    pub async fn municipalities(
        &self,
        creds: &BillpocketCredentials,
        estado: &str,
    ) -> Result<Vec<CatalogItem>, ProviderError> {
        self.get(
            &endpoints::MUNICIPALITIES,
            creds,
            &[],
            &[(endpoints::MUNICIPALITIES_STATE_PARAM, estado)],
        )
        .await
    }

    pub async fn commercial_activities(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<Vec<CatalogItem>, ProviderError> {
        self.get(&endpoints::COMMERCIAL_ACTIVITIES, creds, &[], &[])
            .await
    }

    pub async fn company_types(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<Vec<CatalogItem>, ProviderError> {
        self.get(&endpoints::COMPANY_TYPES, creds, &[], &[]).await
    }

    /// Creates a payment link (documented answer: 202 with the link).
    pub async fn create_link(
        &self,
        creds: &BillpocketCredentials,
        link: &LinkRequest,
    ) -> Result<Link, ProviderError> {
        let raw = self
            .send(&endpoints::CREATE_LINK, creds, &[], &[], Some(link))
            .await?;
        parse(&raw)
    }

    /// All the merchant's links (a bare array; 204 means none).
    pub async fn list_links(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<Vec<Link>, ProviderError> {
        let raw = self
            .send(&endpoints::LIST_LINKS, creds, &[], &[], None::<&()>)
            .await?;
        if raw.status == 204
            || (is_success(raw.status) && raw.body.iter().all(u8::is_ascii_whitespace))
        {
            return Ok(Vec::new());
        }
        parse(&raw)
    }

    pub async fn update_link(
        &self,
        creds: &BillpocketCredentials,
        id: &str,
        changes: &LinkUpdate,
    ) -> Result<Link, ProviderError> {
        let raw = self
            .send(&endpoints::UPDATE_LINK, creds, &[id], &[], Some(changes))
            .await?;
        parse(&raw)
    }

    /// Switches a link on or off (see [`endpoints::SET_LINK_STATUS`]: an assumed body).
    pub async fn set_link_active(
        &self,
        creds: &BillpocketCredentials,
        id: &str,
        active: bool,
    ) -> Result<Link, ProviderError> {
        let changes = LinkUpdate {
            status: Some(if active { LINK_ACTIVE } else { LINK_INACTIVE }),
            ..LinkUpdate::default()
        };
        let raw = self
            .send(
                &endpoints::SET_LINK_STATUS,
                creds,
                &[id],
                &[],
                Some(&changes),
            )
            .await?;
        parse(&raw)
    }

    pub async fn delete_link(
        &self,
        creds: &BillpocketCredentials,
        id: &str,
    ) -> Result<(), ProviderError> {
        let raw = self
            .send(&endpoints::DELETE_LINK, creds, &[id], &[], None::<&()>)
            .await?;
        if is_success(raw.status) {
            Ok(())
        } else {
            Err(from_status(&raw))
        }
    }

    /// Sets the merchant's `main_link` slug (the first segment of every link URL).
    pub async fn configure_links(
        &self,
        creds: &BillpocketCredentials,
        main_link: &str,
    ) -> Result<LinkConfig, ProviderError> {
        let body = LinkConfigRequest {
            main_link: main_link.to_owned(),
        };
        let raw = self
            .send(&endpoints::CONFIGURE_LINKS, creds, &[], &[], Some(&body))
            .await?;
        parse(&raw)
    }

    /// The merchant's link configuration, `None` when not configured yet (a 404 with Billpocket's
    /// error body; any other 404 is [`ProviderError::UnknownAddress`]).
    pub async fn link_config(
        &self,
        creds: &BillpocketCredentials,
    ) -> Result<Option<LinkConfig>, ProviderError> {
        match self.get(&endpoints::GET_LINK_CONFIG, creds, &[], &[]).await {
            Ok(config) => Ok(Some(config)),
            Err(ProviderError::NotFound) => Ok(None),
            Err(other) => Err(other),
        }
    }

    /// Adds or replaces the CLABE account where sales are deposited.
    pub async fn set_clabe(
        &self,
        creds: &BillpocketCredentials,
        clabe: &str,
    ) -> Result<ClabeAccount, ProviderError> {
        let body = ClabeRequest {
            clabe: clabe.to_owned(),
        };
        let raw = self
            .send(&endpoints::SET_CLABE, creds, &[], &[], Some(&body))
            .await?;
        parse(&raw)
    }

    async fn get<T: DeserializeOwned>(
        &self,
        endpoint: &Endpoint,
        creds: &BillpocketCredentials,
        path_params: &[&str],
        query: &[(&str, &str)],
    ) -> Result<T, ProviderError> {
        let raw = self
            .send(endpoint, creds, path_params, query, None::<&()>)
            .await?;
        parse(&raw)
    }

    async fn send<B: Serialize>(
        &self,
        endpoint: &Endpoint,
        creds: &BillpocketCredentials,
        path_params: &[&str],
        query: &[(&str, &str)],
        body: Option<&B>,
    ) -> Result<RawResponse, ProviderError> {
        let credentials = endpoint
            .auth
            .iter()
            .map(|header| {
                creds
                    .for_header(header)
                    .map(|c| (*header, c))
                    .ok_or(ProviderError::MissingCredential { header })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let json_body = body.map(encode_json).transpose()?;
        self.http
            .send(Call {
                endpoint,
                path_params,
                query,
                credentials,
                body: json_body,
            })
            .await
    }
}

/// A 2xx body as `T`, any other status as its typed error.
fn parse<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, ProviderError> {
    if !is_success(raw.status) {
        return Err(from_status(raw));
    }
    decode_json(raw.status, &raw.body)
}
