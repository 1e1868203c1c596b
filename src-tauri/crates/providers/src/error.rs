//! The typed failure of any provider call; its code is the provider's name and the failure's
//! kind (`billpocket.timeout`).

use std::time::Duration;

use mostrador_codes::{ErrorCode, Provider};
use serde::{Deserialize, Serialize};

/// What any provider call can fail with, whichever the provider: the part of its code after
/// the provider's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    NetworkUnreachable,
    Timeout,
    UnknownOutcome,
    Unauthorized,
    Forbidden,
    Conflict,
    Invalid,
    NotFound,
    RateLimited,
    ProviderError,
    UnreadableResponse,
    MissingCredential,
    InvalidConfiguration,
    InvalidPathId,
    UnknownAddress,
}

impl FailureKind {
    pub const ALL: [FailureKind; 15] = [
        Self::NetworkUnreachable,
        Self::Timeout,
        Self::UnknownOutcome,
        Self::Unauthorized,
        Self::Forbidden,
        Self::Conflict,
        Self::Invalid,
        Self::NotFound,
        Self::RateLimited,
        Self::ProviderError,
        Self::UnreadableResponse,
        Self::MissingCredential,
        Self::InvalidConfiguration,
        Self::InvalidPathId,
        Self::UnknownAddress,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NetworkUnreachable => "network_unreachable",
            Self::Timeout => "timeout",
            Self::UnknownOutcome => "unknown_outcome",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::Conflict => "conflict",
            Self::Invalid => "invalid",
            Self::NotFound => "not_found",
            Self::RateLimited => "rate_limited",
            Self::ProviderError => "provider_error",
            Self::UnreadableResponse => "unreadable_response",
            Self::MissingCredential => "missing_credential",
            Self::InvalidConfiguration => "invalid_configuration",
            Self::InvalidPathId => "invalid_path_id",
            Self::UnknownAddress => "unknown_address",
        }
    }
}

/// What a failed call proves about a write: the one rule the write engine sorts every failure
/// by (`ProviderError::verdict`, and each provider's own error type on top of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The provider refused it (or it could not be addressed): nothing changed, and sending it
    /// again unchanged would be refused again.
    Refused,
    /// It never reached the provider, or the provider asked us to come back later: safe to send
    /// again.
    RetryLater,
    /// It was sent and no usable answer came back (a lost or unreadable answer, a 5xx that may
    /// follow the change): it may have happened, so it is looked for before anything is sent
    /// again.
    Unknown,
}

/// One rejected field, named both as the provider calls it and as our form calls it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The provider's field name (`codigo_postal`, `url_path`, `rates.0.months`).
    pub provider_field: String,
    /// Our form's field name, or `None` when the provider field has no counterpart on our forms.
    pub form_field: Option<String>,
    pub messages: Vec<String>,
}

impl FieldError {
    /// A provider field's messages, with our form's name for it from `form_field`.
    pub fn new(
        provider_field: String,
        messages: Vec<String>,
        form_field: fn(&str) -> Option<&'static str>,
    ) -> Self {
        Self {
            form_field: form_field(&provider_field).map(str::to_owned),
            provider_field,
            messages,
        }
    }

    /// The first message when it is one of our codes (the doubles answer with them; a real
    /// provider's prose is not one).
    pub fn code(&self) -> Option<ErrorCode> {
        self.messages.first().and_then(|m| ErrorCode::parse(m))
    }
}

/// Everything a provider call can end in besides success. Messages never contain credentials:
/// no header, no request body and no URL with secrets is ever put in here.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// Could not connect (refused, DNS, connect timeout): the request was not sent.
    #[error("provider unreachable: {detail}")]
    NetworkUnreachable { detail: String },
    /// A read timed out (after its retries).
    #[error("the provider did not answer in time")]
    Timeout,
    /// A write was sent but no answer came back (timeout or dropped connection): it may or may not
    /// have happened. Never retried here; the outbox reconciles it against the provider's list.
    #[error("the outcome of the request is unknown: {detail}")]
    UnknownOutcome { detail: String },
    #[error("credentials rejected (missing, wrong or expired)")]
    Unauthorized,
    #[error("credentials not allowed to do this")]
    Forbidden,
    #[error("conflict: {message}")]
    Conflict {
        field: Option<FieldError>,
        message: String,
    },
    #[error("invalid request: {message}")]
    Invalid {
        fields: Vec<FieldError>,
        message: String,
    },
    #[error("not found")]
    NotFound,
    #[error("rate limited by the provider")]
    RateLimited { retry_after: Option<Duration> },
    #[error("provider error (HTTP {status})")]
    Provider {
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("unreadable provider response (HTTP {status}): {detail}")]
    UnreadableResponse { status: u16, detail: String },
    #[error("missing credential for header {header}")]
    MissingCredential { header: &'static str },
    #[error("invalid configuration: {detail}")]
    InvalidConfiguration { detail: String },
    /// An id that cannot be one path segment (empty, `.`/`..`, a separator, a control character):
    /// refused before anything is sent, so an id never changes which address is called.
    #[error("an id cannot go in the request path: {reason}")]
    InvalidPathId { reason: &'static str },
    /// The address answered a status that is not the provider's (a 404 without its error body:
    /// an HTML page, an empty body). The base URL or the assumed path is wrong; nothing was done.
    #[error("the service does not know this address (HTTP {status} without a provider error body)")]
    UnknownAddress { status: u16 },
}

impl ProviderError {
    pub fn kind(&self) -> FailureKind {
        match self {
            Self::NetworkUnreachable { .. } => FailureKind::NetworkUnreachable,
            Self::Timeout => FailureKind::Timeout,
            Self::UnknownOutcome { .. } => FailureKind::UnknownOutcome,
            Self::Unauthorized => FailureKind::Unauthorized,
            Self::Forbidden => FailureKind::Forbidden,
            Self::Conflict { .. } => FailureKind::Conflict,
            Self::Invalid { .. } => FailureKind::Invalid,
            Self::NotFound => FailureKind::NotFound,
            Self::RateLimited { .. } => FailureKind::RateLimited,
            Self::Provider { .. } => FailureKind::ProviderError,
            Self::UnreadableResponse { .. } => FailureKind::UnreadableResponse,
            Self::MissingCredential { .. } => FailureKind::MissingCredential,
            Self::InvalidConfiguration { .. } => FailureKind::InvalidConfiguration,
            Self::InvalidPathId { .. } => FailureKind::InvalidPathId,
            Self::UnknownAddress { .. } => FailureKind::UnknownAddress,
        }
    }

    /// The stable code of this failure at `provider`.
    pub fn code(&self, provider: Provider) -> ErrorCode {
        ErrorCode::of_provider(provider, self.kind().as_str())
    }

    /// What this failure proves about a write.
    pub fn verdict(&self) -> Verdict {
        match self {
            Self::NetworkUnreachable { .. } | Self::RateLimited { .. } => Verdict::RetryLater,
            Self::UnknownOutcome { .. }
            | Self::Timeout
            | Self::Provider { .. }
            | Self::UnreadableResponse { .. } => Verdict::Unknown,
            // A definite refusal (an unknown address or a refused id: nothing reached it).
            Self::Unauthorized
            | Self::Forbidden
            | Self::Conflict { .. }
            | Self::Invalid { .. }
            | Self::NotFound
            | Self::MissingCredential { .. }
            | Self::InvalidConfiguration { .. }
            | Self::InvalidPathId { .. }
            | Self::UnknownAddress { .. } => Verdict::Refused,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_as_their_stable_string() {
        for kind in FailureKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn a_refused_id_or_an_unknown_address_means_the_write_did_not_happen() {
        let errors = [
            ProviderError::InvalidPathId { reason: "empty" },
            ProviderError::UnknownAddress { status: 404 },
        ];
        for error in errors {
            assert_eq!(error.verdict(), Verdict::Refused, "{error:?}");
        }
    }
}
