//! The Billpocket double's data (merchants, their links, link configuration and CLABE) and the
//! operations on it. No HTTP here: routes translate [`Rejection`]s into statuses.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use mostrador_codes::ErrorCode;
use mostrador_providers::Credential;
use mostrador_providers::billpocket::types::{
    ClabeAccount, CreateUserRequest, LINK_ACTIVE, Link, LinkConfig, LinkRequest, LinkUpdate, Rate,
    RateRequest, UserToken,
};
use serde::{Deserialize, Serialize};

pub use mostrador_providers::billpocket::rules::FieldProblems;

/// Why an operation was refused.
#[derive(Debug, PartialEq)]
pub enum Rejection {
    Invalid(FieldProblems),
    /// A unique value already in use, by provider field name.
    Conflict(&'static str),
    NotFound,
}

impl Rejection {
    pub fn field(field: &str, code: ErrorCode) -> Self {
        Self::Invalid(BTreeMap::from([(
            field.to_owned(),
            vec![code.as_str().to_owned()],
        )]))
    }
}

#[derive(Clone, Serialize, Deserialize)]
pub struct BillpocketState {
    /// Value of `domain` in links: the hosted-link site of the test environment.
    pub domain: String,
    pub next_user_id: i64,
    /// xorshift64 state for slugs and ids: deterministic across runs and persisted.
    pub rng: u64,
    pub merchants: Vec<Merchant>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct Merchant {
    pub user_id: i64,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub user_token: Credential,
    pub profile: CreateUserRequest,
    pub main_link: Option<String>,
    pub clabe: Option<ClabeAccount>,
    /// Newest first, as the list endpoint returns them.
    pub links: Vec<Link>,
}

/// Tokens issued by the double: labelled, never mistakable for a real secret.
fn user_token_for(user_id: i64) -> Credential {
    Credential::new(format!("sandbox-bp-user-token-{user_id}"))
}

impl BillpocketState {
    pub fn empty(domain: &str, first_user_id: i64, seed: u64) -> Self {
        Self {
            domain: domain.to_owned(),
            next_user_id: first_user_id,
            rng: seed.max(1),
            merchants: Vec::new(),
        }
    }

    pub fn merchant_by_token(&self, token: &str) -> Option<&Merchant> {
        self.merchants
            .iter()
            .find(|m| m.user_token.expose() == token)
    }

    fn merchant_mut(&mut self, user_id: i64) -> Result<&mut Merchant, Rejection> {
        self.merchants
            .iter_mut()
            .find(|m| m.user_id == user_id)
            .ok_or(Rejection::NotFound)
    }

    /// Registers a merchant whose fields were already validated; refuses duplicates.
    pub fn create_user(&mut self, profile: CreateUserRequest) -> Result<UserToken, Rejection> {
        let same = |a: &str, b: &str| !a.is_empty() && a.eq_ignore_ascii_case(b);
        for existing in self.merchants.iter().map(|m| &m.profile) {
            if same(&profile.email, &existing.email) {
                return Err(Rejection::Conflict("email"));
            }
            if same(&profile.rfc, &existing.rfc) {
                return Err(Rejection::Conflict("rfc"));
            }
            if same(&profile.curp, &existing.curp) {
                return Err(Rejection::Conflict("curp"));
            }
        }
        let user_id = self.next_user_id;
        self.next_user_id += 1;
        let user_token = user_token_for(user_id);
        self.merchants.push(Merchant {
            user_id,
            user_token: user_token.clone(),
            profile,
            main_link: None,
            clabe: None,
            links: Vec::new(),
        });
        Ok(UserToken {
            user_token,
            user_id,
        })
    }

    pub fn login(&self, email: &str, password: &Credential) -> Option<UserToken> {
        self.merchants
            .iter()
            .find(|m| {
                m.profile.email.eq_ignore_ascii_case(email) && &m.profile.password == password
            })
            .map(|m| UserToken {
                user_token: m.user_token.clone(),
                user_id: m.user_id,
            })
    }

    pub fn configure(&mut self, user_id: i64, main_link: &str) -> Result<LinkConfig, Rejection> {
        if self
            .merchants
            .iter()
            .any(|m| m.user_id != user_id && m.main_link.as_deref() == Some(main_link))
        {
            return Err(Rejection::Conflict("main_link"));
        }
        let domain = self.domain.clone();
        let merchant = self.merchant_mut(user_id)?;
        merchant.main_link = Some(main_link.to_owned());
        // Existing links move with the merchant's first URL segment.
        for link in &mut merchant.links {
            link.main_link = main_link.to_owned();
            link.custom_link_path = format!("{domain}/{main_link}/{}", link.secondary_link);
        }
        Ok(LinkConfig {
            main_link: main_link.to_owned(),
            domain,
        })
    }

    pub fn config(&self, user_id: i64) -> Option<LinkConfig> {
        let merchant = self.merchants.iter().find(|m| m.user_id == user_id)?;
        merchant.main_link.as_ref().map(|main_link| LinkConfig {
            main_link: main_link.clone(),
            domain: self.domain.clone(),
        })
    }

    pub fn clabe(&self, user_id: i64) -> Option<ClabeAccount> {
        let merchant = self.merchants.iter().find(|m| m.user_id == user_id)?;
        merchant.clabe.clone()
    }

    pub fn set_clabe(
        &mut self,
        user_id: i64,
        account: ClabeAccount,
    ) -> Result<ClabeAccount, Rejection> {
        self.merchant_mut(user_id)?.clabe = Some(account.clone());
        Ok(account)
    }

    /// Creates a link from a validated request.
    pub fn create_link(
        &mut self,
        user_id: i64,
        request: LinkRequest,
        now: NaiveDateTime,
    ) -> Result<Link, Rejection> {
        let id = self.random_chars(37, HEX);
        let generated = self.random_chars(8, SLUG);
        let domain = self.domain.clone();
        let merchant = self.merchant_mut(user_id)?;
        let main_link = merchant
            .main_link
            .clone()
            .ok_or_else(|| Rejection::field("main_link", ErrorCode::MainLinkNotConfigured))?;
        let (secondary_link, description) = match request.url_path {
            Some(path) => (path, request.description),
            // Documented samples: an auto slug shows as " (SLUG)" after the description.
            None => (
                generated.clone(),
                format!("{} ({})", request.description, generated.to_uppercase()),
            ),
        };
        if merchant
            .links
            .iter()
            .any(|l| l.secondary_link.eq_ignore_ascii_case(&secondary_link))
        {
            return Err(Rejection::field("url_path", ErrorCode::UrlPathTaken));
        }
        let link = Link {
            id,
            user_id,
            description,
            link_type: request.link_type,
            amount: request.amount,
            currency: "MXN".to_owned(),
            available_rates: rates(&request.rates),
            expired_at: request.expired_at,
            is_fixed_term: request.is_fixed_term,
            status: LINK_ACTIVE,
            purchase_id: None,
            extra_info: None,
            custom_link_path: format!("{domain}/{main_link}/{secondary_link}"),
            domain,
            main_link,
            secondary_link,
            created_at: now,
            updated_at: now,
        };
        merchant.links.insert(0, link.clone());
        Ok(link)
    }

    pub fn links(&self, user_id: i64) -> &[Link] {
        self.merchants
            .iter()
            .find(|m| m.user_id == user_id)
            .map_or(&[], |m| &m.links)
    }

    /// Applies a validated update. Another merchant's link is "not found".
    pub fn update_link(
        &mut self,
        user_id: i64,
        id: &str,
        changes: LinkUpdate,
        now: NaiveDateTime,
    ) -> Result<Link, Rejection> {
        let merchant = self.merchant_mut(user_id)?;
        if let Some(path) = &changes.url_path
            && merchant
                .links
                .iter()
                .any(|l| l.id != id && l.secondary_link.eq_ignore_ascii_case(path))
        {
            return Err(Rejection::field("url_path", ErrorCode::UrlPathTaken));
        }
        let link = merchant
            .links
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or(Rejection::NotFound)?;
        if let Some(path) = changes.url_path {
            link.custom_link_path = format!("{}/{}/{path}", link.domain, link.main_link);
            link.secondary_link = path;
        }
        if changes.expired_at.is_some() {
            link.expired_at = changes.expired_at;
        }
        if let Some(amount) = changes.amount {
            link.amount = amount;
        }
        if let Some(link_type) = changes.link_type {
            link.link_type = link_type;
        }
        if let Some(description) = changes.description {
            link.description = description;
        }
        if let Some(requested) = changes.rates {
            link.available_rates = rates(&requested);
        }
        if let Some(fixed) = changes.is_fixed_term {
            link.is_fixed_term = fixed;
        }
        if let Some(status) = changes.status {
            link.status = status;
        }
        link.updated_at = now;
        Ok(link.clone())
    }

    pub fn delete_link(&mut self, user_id: i64, id: &str) -> Result<(), Rejection> {
        let merchant = self.merchant_mut(user_id)?;
        let before = merchant.links.len();
        merchant.links.retain(|l| l.id != id);
        if merchant.links.len() == before {
            Err(Rejection::NotFound)
        } else {
            Ok(())
        }
    }

    /// `len` characters from `alphabet`, from the persisted generator.
    pub fn random_chars(&mut self, len: usize, alphabet: &[u8]) -> String {
        crate::rng::chars(&mut self.rng, len, alphabet)
    }
}

pub const SLUG: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &[u8] = b"0123456789abcdef";

/// Request rates (`months` as text, already validated) → stored rates (`months` as a number).
fn rates(requested: &[RateRequest]) -> Vec<Rate> {
    requested
        .iter()
        .filter_map(|r| {
            Some(Rate {
                rate_type: r.rate_type.clone(),
                months: r.months.trim().parse().ok()?,
            })
        })
        .collect()
}
