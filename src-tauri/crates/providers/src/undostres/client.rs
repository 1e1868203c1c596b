//! The UnDosTres client: one method per row of the endpoint table. Every call carries the
//! e-commerce's token (from the vault) in `Authorization-ecommerce`; the customer's secrets that
//! account creation returns come back apart from the account, for the vault.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::endpoints::{self, ECOMMERCE_HEADER};
use super::errors::{Envelope, UnDosTresError, read_answer};
use super::types::{
    Account, AccountRequest, CreatedAccount, CustomerSecrets, ParentBalance, RefreshRequest,
    RefreshedToken,
};
use crate::credential::Credential;
use crate::error::ProviderError;
use crate::form_data;
use crate::http::{Call, Endpoint, HttpClient, HttpConfig, RequestBody, encode_json, unreadable};

pub struct UnDosTresClient {
    http: HttpClient,
    /// `Authorization-ecommerce`.
    ecommerce_token: Credential,
}

impl UnDosTresClient {
    /// `base_url` comes from the profile (sandbox `https://sandcaas.undostres.com.mx`; the
    /// Sandbox profile points at the embedded double).
    pub fn new(
        base_url: &str,
        config: HttpConfig,
        ecommerce_token: Credential,
    ) -> Result<Self, ProviderError> {
        Ok(Self {
            http: HttpClient::new("undostres", base_url, config)?,
            ecommerce_token,
        })
    }

    /// Creates the customer, its wallet and its composite balance parent (all or nothing at
    /// UnDosTres). Sent once: a lost answer is an unknown outcome for the caller to settle.
    pub async fn create_account(
        &self,
        request: &AccountRequest,
    ) -> Result<CreatedAccount, UnDosTresError> {
        let body = form_data::encode(&request.to_form());
        let rs = self
            .call(&endpoints::CREATE_ACCOUNT, &[], Some(body), Envelope::User)
            .await?;
        let created = created(rs)?;
        tracing::debug!("undostres account created");
        Ok(created)
    }

    /// The account's level and status (and what else UnDosTres keeps of it).
    pub async fn account(&self, customer_id: i64) -> Result<Account, UnDosTresError> {
        let id = customer_id.to_string();
        let rs = self
            .call(&endpoints::GET_ACCOUNT, &[&id], None, Envelope::User)
            .await?;
        Ok(read(rs)?)
    }

    /// The composite balance parent: credit line, limit, available credit, billing dates.
    pub async fn parent_balance(&self, parent_id: &str) -> Result<ParentBalance, UnDosTresError> {
        let payload = self
            .call(
                &endpoints::GET_PARENT_BALANCE,
                &[parent_id],
                None,
                Envelope::Wallet,
            )
            .await?;
        Ok(read(payload)?)
    }

    /// A new OAuth token for a customer on this installation's device (every other device's
    /// token stops working). `extra_login_data` is needed only once the current token expired.
    pub async fn refresh_customer_token(
        &self,
        refresh_token: &Credential,
        device_id: &str,
        extra_login_data: &str,
    ) -> Result<RefreshedToken, UnDosTresError> {
        let body = RefreshRequest {
            customer_refresh_token: refresh_token.clone(),
            device_id: device_id.to_owned(),
            ecommerce_token: self.ecommerce_token.clone(),
            extra_login_data: extra_login_data.to_owned(),
        };
        let response = self
            .call(
                &endpoints::REFRESH_CUSTOMER_TOKEN,
                &[],
                Some(encode_json(&body)?),
                Envelope::OAuth,
            )
            .await?;
        Ok(read(response)?)
    }

    async fn call(
        &self,
        endpoint: &Endpoint,
        path_params: &[&str],
        body: Option<RequestBody>,
        envelope: Envelope,
    ) -> Result<Map<String, Value>, UnDosTresError> {
        let raw = self
            .http
            .send(Call {
                endpoint,
                path_params,
                query: &[],
                credentials: vec![(ECOMMERCE_HEADER, &self.ecommerce_token)],
                body,
            })
            .await?;
        read_answer(&raw, envelope)
    }
}

/// The create answer's `rs` as the account and, apart from it, the customer's secrets.
fn created(mut rs: Map<String, Value>) -> Result<CreatedAccount, ProviderError> {
    let secrets = CustomerSecrets::take_from(&mut rs).ok_or(ProviderError::UnreadableResponse {
        status: 200,
        detail: "the new account's secrets are missing from the answer".into(),
    })?;
    Ok(CreatedAccount {
        account: read(rs)?,
        secrets,
    })
}

fn read<T: DeserializeOwned>(data: Map<String, Value>) -> Result<T, ProviderError> {
    serde_json::from_value(Value::Object(data)).map_err(|e| unreadable(200, &e))
}

#[cfg(test)]
mod tests {
    use mostrador_core::Centavos;

    use super::*;
    use crate::http::RawResponse;
    use crate::undostres::types::CustomerSecret;

    #[test]
    fn the_seed_example_parses_verbatim() {
        let body = include_str!("../../tests/fixtures/undostres_create_account_response.json");
        let rs = read_answer(&RawResponse::for_test(200, body), Envelope::User).unwrap();
        let CreatedAccount { account, secrets } = created(rs).unwrap();
        assert_eq!(account.id, 85);
        assert_eq!(account.ecommerce_id, Some(91));
        assert_eq!(
            (account.account_level, account.account_status),
            (1, Some(1))
        );
        assert_eq!(account.account_status_string, "Active");
        assert_eq!(account.gender, Some(2));
        assert!(!account.is_business());
        assert_eq!(account.mobile, "4958129198");
        assert_eq!(account.mobile_country_code, "52");
        assert_eq!(account.last_name, "Pérez");
        assert_eq!(account.second_last_name, "Gómez");
        assert_eq!(
            account.parent_id(),
            Some("66acce83856147e791206ca90a6e4b6d")
        );
        let [(kind, oauth), _, (_, private_key)] = secrets.into_entries();
        assert_eq!(kind, CustomerSecret::OauthToken);
        assert_eq!(oauth.expose().len(), 64);
        assert!(private_key.expose().starts_with("sk_"));
        // The page's composite table: credit_line 10000000 cents is $100,000.00.
        let line = Centavos::from_undostres_cents(10_000_000);
        assert_eq!(line.format_mxn(), "$100,000.00");
    }

    #[test]
    fn an_answer_without_the_secrets_is_unreadable() {
        let rs = serde_json::from_str(r#"{"id":1,"account_level":1,"oauth_token":"x"}"#).unwrap();
        let error = created(rs).unwrap_err();
        assert_eq!(error.kind(), crate::FailureKind::UnreadableResponse);
    }
}
