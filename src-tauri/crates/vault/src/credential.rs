//! What each keyring entry holds and how it is named: service "mostrador", account
//! `<profile_id>/<kind>[/<subject>]`.

use serde::{Deserialize, Serialize};

use crate::error::{Result, VaultError};

/// Every kind of credential the app keeps. Per-merchant and per-customer credentials name
/// their subject (the provider's merchant or customer id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CredentialKind {
    /// `BP-Api-Key`, to register merchants.
    BillpocketApiKey,
    /// `X-Api-Key`, for payment links.
    BillpocketXApiKey,
    /// `BP-User-Token` of one merchant.
    BillpocketUserToken {
        merchant_id: String,
    },
    CryptopocketApiKey,
    CryptopocketApiSecret,
    /// Password of a company's KYB form.
    CryptopocketKybPassword {
        customer_id: String,
    },
    /// `Authorization-ecommerce`.
    UndostresEcommerceToken,
    UndostresOauthToken {
        customer_id: String,
    },
    UndostresRefreshToken {
        customer_id: String,
    },
    UndostresPrivateKey {
        customer_id: String,
    },
}

/// The account name of the per-profile index entry; not a valid kind name.
const INDEX: &str = "index";

impl CredentialKind {
    fn parts(&self) -> (&'static str, Option<&str>) {
        match self {
            Self::BillpocketApiKey => ("billpocket.api_key", None),
            Self::BillpocketXApiKey => ("billpocket.x_api_key", None),
            Self::BillpocketUserToken { merchant_id } => {
                ("billpocket.user_token", Some(merchant_id))
            }
            Self::CryptopocketApiKey => ("cryptopocket.api_key", None),
            Self::CryptopocketApiSecret => ("cryptopocket.api_secret", None),
            Self::CryptopocketKybPassword { customer_id } => {
                ("cryptopocket.kyb_password", Some(customer_id))
            }
            Self::UndostresEcommerceToken => ("undostres.ecommerce_token", None),
            Self::UndostresOauthToken { customer_id } => {
                ("undostres.oauth_token", Some(customer_id))
            }
            Self::UndostresRefreshToken { customer_id } => {
                ("undostres.refresh_token", Some(customer_id))
            }
            Self::UndostresPrivateKey { customer_id } => {
                ("undostres.private_key", Some(customer_id))
            }
        }
    }

    /// Inverse of [`Self::parts`].
    fn from_parts(kind: &str, subject: Option<&str>) -> Option<Self> {
        let id = || subject.map(str::to_owned);
        Some(match (kind, subject.is_some()) {
            ("billpocket.api_key", false) => Self::BillpocketApiKey,
            ("billpocket.x_api_key", false) => Self::BillpocketXApiKey,
            ("billpocket.user_token", true) => Self::BillpocketUserToken { merchant_id: id()? },
            ("cryptopocket.api_key", false) => Self::CryptopocketApiKey,
            ("cryptopocket.api_secret", false) => Self::CryptopocketApiSecret,
            ("cryptopocket.kyb_password", true) => {
                Self::CryptopocketKybPassword { customer_id: id()? }
            }
            ("undostres.ecommerce_token", false) => Self::UndostresEcommerceToken,
            ("undostres.oauth_token", true) => Self::UndostresOauthToken { customer_id: id()? },
            ("undostres.refresh_token", true) => Self::UndostresRefreshToken { customer_id: id()? },
            ("undostres.private_key", true) => Self::UndostresPrivateKey { customer_id: id()? },
            _ => return None,
        })
    }
}

/// Keyring account name of one credential of a profile.
pub fn account_name(profile_id: &str, kind: &CredentialKind) -> Result<String> {
    check_segment(profile_id, "profile id")?;
    let (name, subject) = kind.parts();
    match subject {
        None => Ok(format!("{profile_id}/{name}")),
        Some(subject) => {
            check_segment(subject, "subject id")?;
            Ok(format!("{profile_id}/{name}/{subject}"))
        }
    }
}

pub(crate) fn index_account(profile_id: &str) -> Result<String> {
    check_segment(profile_id, "profile id")?;
    Ok(format!("{profile_id}/{INDEX}"))
}

/// The credential an account name of `profile_id` denotes, if it is one this build knows.
pub(crate) fn parse_account(profile_id: &str, account: &str) -> Option<CredentialKind> {
    let rest = account.strip_prefix(profile_id)?.strip_prefix('/')?;
    let mut parts = rest.splitn(2, '/');
    let kind = parts.next()?;
    CredentialKind::from_parts(kind, parts.next())
}

/// Ids become path-like segments of the account name, so they may not contain the separator.
fn check_segment(segment: &str, what: &'static str) -> Result<()> {
    let valid = !segment.is_empty()
        && segment.len() <= 128
        && !segment.contains('/')
        && !segment.chars().any(char::is_control);
    if valid {
        Ok(())
    } else {
        Err(VaultError::InvalidName(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mostrador_codes::Coded;

    fn all_kinds() -> Vec<CredentialKind> {
        let m = || "m-1".to_owned();
        vec![
            CredentialKind::BillpocketApiKey,
            CredentialKind::BillpocketXApiKey,
            CredentialKind::BillpocketUserToken { merchant_id: m() },
            CredentialKind::CryptopocketApiKey,
            CredentialKind::CryptopocketApiSecret,
            CredentialKind::CryptopocketKybPassword { customer_id: m() },
            CredentialKind::UndostresEcommerceToken,
            CredentialKind::UndostresOauthToken { customer_id: m() },
            CredentialKind::UndostresRefreshToken { customer_id: m() },
            CredentialKind::UndostresPrivateKey { customer_id: m() },
        ]
    }

    #[test]
    fn account_names_round_trip() {
        for kind in all_kinds() {
            let account = account_name("p1", &kind).unwrap();
            assert!(account.starts_with("p1/"), "{account}");
            assert_eq!(parse_account("p1", &account), Some(kind));
        }
        assert_eq!(
            account_name("p1", &CredentialKind::BillpocketApiKey).unwrap(),
            "p1/billpocket.api_key"
        );
        assert_eq!(parse_account("p1", "p1/index"), None);
        assert_eq!(parse_account("p1", "p10/billpocket.api_key"), None);
        assert_eq!(parse_account("p1", "p1/billpocket.api_key/x"), None);
    }

    #[test]
    fn separators_and_empty_ids_are_rejected() {
        assert!(account_name("a/b", &CredentialKind::BillpocketApiKey).is_err());
        assert!(account_name("", &CredentialKind::BillpocketApiKey).is_err());
        let kind = CredentialKind::UndostresOauthToken {
            customer_id: "x/y".into(),
        };
        assert_eq!(
            account_name("p", &kind).unwrap_err().code(),
            "vault.invalid_name"
        );
    }
}
