//! Billpocket request and response bodies, field for field as documented (Spanish names where the
//! API has them). Responses are read tolerantly (unknown fields ignored, `months` as number or
//! string); requests are written exactly as the documentation shows.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
pub use mostrador_core::BillpocketAmount;
use serde::{Deserialize, Serialize};

use crate::credential::Credential;

/// `POST /v2/usuarios` body: all 21 documented fields, all strings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateUserRequest {
    pub email: String,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub password: Credential,
    pub telefono: String,
    pub nombre: String,
    pub apellido_paterno: String,
    pub apellido_materno: String,
    pub tipo_persona: String,
    pub actividad_comercial: String,
    pub curp: String,
    pub calle: String,
    pub exterior: String,
    pub interior: String,
    pub colonia: String,
    pub codigo_postal: String,
    pub estado: String,
    pub municipio: String,
    pub rfc: String,
    pub razon_social: String,
    pub tipo_sociedad: String,
    pub fecha_constitucion: String,
    pub representante_legal: String,
}

/// `tipo_persona` values (assumed: the documentation only shows a one-character field).
pub const PERSONA_FISICA: &str = "F";
pub const PERSONA_MORAL: &str = "M";

/// A merchant's user token with its user id: the 201 of create user, and the answer of get token.
/// The token is a credential: it goes to the vault and stays redacted everywhere else.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserToken {
    #[serde(rename = "userToken", serialize_with = "Credential::serialize_exposed")]
    pub user_token: Credential,
    #[serde(rename = "userId")]
    pub user_id: i64,
}

/// `POST /v2/token` body (assumed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenRequest {
    pub email: String,
    #[serde(serialize_with = "Credential::serialize_exposed")]
    pub password: Credential,
}

/// `GET /v2/token/validate` answer (assumed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenValidation {
    pub valid: bool,
    #[serde(rename = "userId")]
    pub user_id: i64,
}

/// One entry of a catalogue (states, municipalities, commercial activities, types of company).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogItem {
    pub id: String,
    pub nombre: String,
}

/// `POST /v1/custom-link` body. `months` travels as a string here and comes back as an integer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkRequest {
    /// Becomes the link's `secondary_link`; without it the provider generates an 8-character slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_path: Option<String>,
    #[serde(
        default,
        with = "naive_datetime::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expired_at: Option<NaiveDateTime>,
    /// Pesos as an exact JSON number (`55`, `55.5`), held as integer centavos by core.
    pub amount: BillpocketAmount,
    #[serde(rename = "type")]
    pub link_type: i64,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub rates: Vec<RateRequest>,
    #[serde(default)]
    pub is_fixed_term: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateRequest {
    pub months: String,
    #[serde(rename = "type")]
    pub rate_type: String,
}

/// `PUT /v1/custom-link/{id}` body (assumed): the create fields, all optional, plus `status`
/// (assumed) to activate or deactivate a link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_path: Option<String>,
    #[serde(
        default,
        with = "naive_datetime::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expired_at: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<BillpocketAmount>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub link_type: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<Vec<RateRequest>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_fixed_term: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
}

/// A payment link as the provider returns it (202 of create, items of list).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: String,
    pub user_id: i64,
    pub description: String,
    pub link_type: i64,
    /// Pesos as an exact JSON number (`55`, `55.5`), held as integer centavos by core.
    pub amount: BillpocketAmount,
    pub currency: String,
    #[serde(default)]
    pub available_rates: Vec<Rate>,
    #[serde(default, with = "naive_datetime::option")]
    pub expired_at: Option<NaiveDateTime>,
    pub is_fixed_term: bool,
    /// 1 active, 0 inactive (inferred from samples).
    pub status: i64,
    #[serde(default)]
    pub purchase_id: Option<serde_json::Value>,
    #[serde(default)]
    pub extra_info: Option<serde_json::Value>,
    pub domain: String,
    pub main_link: String,
    pub secondary_link: String,
    pub custom_link_path: String,
    #[serde(with = "naive_datetime")]
    pub created_at: NaiveDateTime,
    #[serde(with = "naive_datetime")]
    pub updated_at: NaiveDateTime,
}

pub const LINK_ACTIVE: i64 = 1;
pub const LINK_INACTIVE: i64 = 0;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    #[serde(rename = "type")]
    pub rate_type: String,
    /// Documented as an integer in responses; a string is accepted too.
    #[serde(deserialize_with = "crate::wire::number_or_string")]
    pub months: u32,
}

/// Body of configure payment link, and answer of both config endpoints (assumed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkConfigRequest {
    pub main_link: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkConfig {
    pub main_link: String,
    pub domain: String,
}

/// Add or update CLABE account (assumed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClabeRequest {
    pub clabe: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClabeAccount {
    pub clabe: String,
    pub bank: String,
}

/// The assumed 4xx body: `{"message": "...", "errors": {"field": ["..."]}}`. The sandbox writes it;
/// the client reads it (and the documented Cloud Terminal shape) tolerantly in `errors.rs`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub message: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

/// Billpocket timestamps: `2024-06-13T21:57:43`, no offset, no fraction (a fraction is accepted).
pub mod naive_datetime {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
    /// `%.f`: an optional fraction, dot included.
    const FRACTION_ALLOWED: &str = "%Y-%m-%dT%H:%M:%S%.f";

    pub fn format(value: &NaiveDateTime) -> String {
        value.format(FORMAT).to_string()
    }

    pub fn parse(text: &str) -> Result<NaiveDateTime, chrono::ParseError> {
        NaiveDateTime::parse_from_str(text, FRACTION_ALLOWED)
    }

    pub fn serialize<S: Serializer>(
        value: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).map_err(serde::de::Error::custom)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            value: &Option<NaiveDateTime>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(value) => super::serialize(value, serializer),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDateTime>, D::Error> {
            Option::<String>::deserialize(deserializer)?
                .map(|text| parse(&text).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}
