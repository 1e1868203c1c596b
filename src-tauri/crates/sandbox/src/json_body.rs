//! Strict reading of a JSON request body, for every double: the content type must be JSON, the
//! syntax valid, and a wrong, missing or unknown field is named.

use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    NotJson,
    Malformed,
    /// A field of the wrong type, or missing (`unknown` false), or not part of the request.
    Field {
        field: String,
        unknown: bool,
    },
}

pub(crate) fn parse<T: DeserializeOwned>(
    headers: &HeaderMap,
    bytes: &[u8],
) -> Result<T, BodyError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return Err(BodyError::NotJson);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        if !error.inner().is_data() {
            return BodyError::Malformed;
        }
        // A missing or unknown field is reported at its parent's path; name the field itself.
        let message = error.inner().to_string();
        let named = |prefix: &str| {
            message
                .strip_prefix(prefix)
                .and_then(|rest| rest.split('`').next())
                .map(str::to_owned)
        };
        if let Some(field) = named("unknown field `") {
            return BodyError::Field {
                field,
                unknown: true,
            };
        }
        let field = named("missing field `").unwrap_or_else(|| error.path().to_string());
        BodyError::Field {
            field,
            unknown: false,
        }
    })?;
    deserializer.end().map_err(|_| BodyError::Malformed)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        email: String,
    }

    #[test]
    fn names_the_field_or_says_what_is_wrong() {
        let mut json = HeaderMap::new();
        json.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        assert!(parse::<Body>(&json, br#"{"email":"a@b.mx"}"#).is_ok());
        assert_eq!(
            parse::<Body>(&json, br#"{"email":"a@b.mx","admin":true}"#).unwrap_err(),
            BodyError::Field {
                field: "admin".into(),
                unknown: true
            }
        );
        assert_eq!(
            parse::<Body>(&json, br#"{}"#).unwrap_err(),
            BodyError::Field {
                field: "email".into(),
                unknown: false
            }
        );
        assert_eq!(
            parse::<Body>(&json, b"{").unwrap_err(),
            BodyError::Malformed
        );
        assert_eq!(
            parse::<Body>(&HeaderMap::new(), b"{}").unwrap_err(),
            BodyError::NotJson
        );
    }
}
