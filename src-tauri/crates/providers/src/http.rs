//! What every provider client shares: the endpoint table's row type, timeouts, and the retry policy
//! (reads retry with backoff, jitter and `Retry-After`; writes are sent exactly once).

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};

use crate::credential::Credential;
use crate::error::ProviderError;

/// HTTP methods the providers use. Our own `Copy` type so endpoint tables can be `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Delete,
}

impl HttpMethod {
    pub fn as_http(self) -> reqwest::Method {
        match self {
            Self::Get => reqwest::Method::GET,
            Self::Post => reqwest::Method::POST,
            Self::Put => reqwest::Method::PUT,
            Self::Delete => reqwest::Method::DELETE,
        }
    }

    /// Only reads are retried: a write whose answer was lost may already have happened.
    pub fn is_read(self) -> bool {
        self == Self::Get
    }
}

/// One row of a provider's endpoint table. Paths use `{name}` placeholders (axum's syntax, so the
/// sandbox mounts the very same strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub method: HttpMethod,
    pub path: &'static str,
    /// Credential headers the provider expects, by name.
    pub auth: &'static [&'static str],
    /// False where the path, auth or shape is our assumption, not the provider's documentation.
    pub documented: bool,
}

/// A row whose method, path and auth the provider's documentation shows.
pub const fn documented(
    method: HttpMethod,
    path: &'static str,
    auth: &'static [&'static str],
) -> Endpoint {
    Endpoint {
        method,
        path,
        auth,
        documented: true,
    }
}

/// A row that is our assumption: correct it here when the real API says otherwise.
pub const fn assumed(
    method: HttpMethod,
    path: &'static str,
    auth: &'static [&'static str],
) -> Endpoint {
    Endpoint {
        documented: false,
        ..documented(method, path, auth)
    }
}

/// Timeouts and retry policy of a client.
#[derive(Clone, Debug)]
pub struct HttpConfig {
    pub connect_timeout: Duration,
    /// One attempt, from connecting to the last byte of the body (each retry gets its own).
    pub total_timeout: Duration,
    /// Extra attempts for reads (0 disables retries). Writes never get any.
    pub read_retries: u32,
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// A `Retry-After` longer than this is not waited for: the call fails as rate limited (or
    /// provider error) carrying the delay, for the caller to schedule.
    pub max_retry_after: Duration,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(20),
            read_retries: 3,
            backoff_base: Duration::from_millis(250),
            backoff_max: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

/// A request to send: the endpoint row, the concrete path segments, and the credentials already
/// paired with the header names the row asks for.
pub(crate) struct Call<'a> {
    pub endpoint: &'a Endpoint,
    /// Values for the `{…}` placeholders of the endpoint path, in order.
    pub path_params: &'a [&'a str],
    pub query: &'a [(&'a str, &'a str)],
    pub credentials: Vec<(&'static str, &'a Credential)>,
    pub body: Option<RequestBody>,
}

/// A request body with its content type: JSON for most calls, `multipart/form-data` where a
/// provider documents a form (UnDosTres' account creation).
#[derive(Clone)]
pub(crate) struct RequestBody {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl RequestBody {
    pub fn json(bytes: Vec<u8>) -> Self {
        Self {
            content_type: "application/json".into(),
            bytes,
        }
    }
}

/// A complete answer (status and whole body), whatever its status.
pub(crate) struct RawResponse {
    pub status: u16,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

impl RawResponse {
    /// What a failure status means when the body says nothing more: credentials refused, an
    /// address that is not the provider's (a 404 without its error body), throttling, or the
    /// provider's own failure. Each provider module handles its own bodies first.
    pub(crate) fn status_error(&self) -> ProviderError {
        match self.status {
            401 => ProviderError::Unauthorized,
            403 => ProviderError::Forbidden,
            404 => ProviderError::UnknownAddress { status: 404 },
            429 => ProviderError::RateLimited {
                retry_after: self.retry_after,
            },
            status => ProviderError::Provider {
                status,
                retry_after: self.retry_after,
            },
        }
    }
}

#[cfg(test)]
impl RawResponse {
    /// An answer with this status and body, for the provider modules' mapping tests.
    pub fn for_test(status: u16, body: &str) -> Self {
        Self {
            status,
            retry_after: None,
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Why an attempt got no HTTP answer.
enum TransportFailure {
    /// Never connected: nothing was sent.
    Connect,
    Timeout,
    /// Connection dropped while sending or receiving.
    Dropped,
}

pub(crate) struct HttpClient {
    client: reqwest::Client,
    base_url: reqwest::Url,
    config: HttpConfig,
    provider: &'static str,
}

impl HttpClient {
    pub fn new(
        provider: &'static str,
        base_url: &str,
        config: HttpConfig,
    ) -> Result<Self, ProviderError> {
        let base_url =
            reqwest::Url::parse(base_url).map_err(|e| ProviderError::InvalidConfiguration {
                detail: format!("base URL: {e}"),
            })?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.cannot_be_a_base() {
            return Err(ProviderError::InvalidConfiguration {
                detail: "base URL must be http(s)".into(),
            });
        }
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout);
        // The embedded sandbox is on loopback: a system proxy must not swallow those requests.
        if is_loopback(&base_url) {
            builder = builder.no_proxy();
        }
        let client = builder
            .build()
            .map_err(|e| ProviderError::InvalidConfiguration {
                detail: format!("HTTP client: {e}"),
            })?;
        Ok(Self {
            client,
            base_url,
            config,
            provider,
        })
    }

    /// Sends the call; reads are retried on transport failures and on 429/5xx. Returns the last
    /// answer whatever its status: the provider module maps statuses to results.
    pub async fn send(&self, call: Call<'_>) -> Result<RawResponse, ProviderError> {
        let url = self.url(&call)?;
        let headers = credential_headers(&call)?;
        let method = call.endpoint.method;
        let retries = if method.is_read() {
            self.config.read_retries
        } else {
            0
        };
        let mut attempt = 0;
        loop {
            let started = Instant::now();
            let outcome = self.attempt(&call, url.clone(), &headers).await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let wait = match outcome {
                Ok(raw) => {
                    tracing::debug!(
                        provider = self.provider,
                        ?method,
                        path = call.endpoint.path,
                        status = raw.status,
                        attempt,
                        elapsed_ms,
                        body_len = raw.body.len(),
                        "provider answered"
                    );
                    if attempt >= retries || !is_retryable_status(raw.status) {
                        return Ok(raw);
                    }
                    match raw.retry_after {
                        Some(delay) if delay > self.config.max_retry_after => return Ok(raw),
                        Some(delay) => delay,
                        None => self.backoff(attempt),
                    }
                }
                Err(failure) => {
                    tracing::debug!(
                        provider = self.provider,
                        ?method,
                        path = call.endpoint.path,
                        failure = failure.label(),
                        attempt,
                        elapsed_ms,
                        "provider call failed"
                    );
                    if attempt >= retries {
                        return Err(failure.into_error(method));
                    }
                    self.backoff(attempt)
                }
            };
            tracing::trace!(
                provider = self.provider,
                path = call.endpoint.path,
                wait_ms = wait.as_millis() as u64,
                "retrying read"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        call: &Call<'_>,
        url: reqwest::Url,
        headers: &HeaderMap,
    ) -> Result<RawResponse, TransportFailure> {
        let mut request = self
            .client
            .request(call.endpoint.method.as_http(), url)
            .headers(headers.clone());
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, body.content_type.as_str())
                .body(body.bytes.clone());
        }
        let response = request
            .send()
            .await
            .map_err(|e| TransportFailure::from_reqwest(&e))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = response
            .bytes()
            .await
            .map_err(|e| TransportFailure::from_reqwest(&e))?;
        Ok(RawResponse {
            status,
            retry_after,
            body: body.to_vec(),
        })
    }

    fn url(&self, call: &Call<'_>) -> Result<reqwest::Url, ProviderError> {
        let mut url = self.base_url.clone();
        let mut params = call.path_params.iter();
        {
            let mut segments =
                url.path_segments_mut()
                    .map_err(|()| ProviderError::InvalidConfiguration {
                        detail: "base URL cannot take a path".into(),
                    })?;
            segments.pop_if_empty();
            for template in call.endpoint.path.split('/').filter(|s| !s.is_empty()) {
                let segment = if template.starts_with('{') {
                    path_id(params.next().copied().unwrap_or_default())?
                } else {
                    template
                };
                segments.push(segment);
            }
        }
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(call.query);
        }
        Ok(url)
    }

    /// Exponential backoff with jitter in [half, full], so clients that failed together do not
    /// retry together.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .config
            .backoff_base
            .saturating_mul(2u32.saturating_pow(attempt));
        let full = exp.min(self.config.backoff_max);
        let half = full / 2;
        let jitter_ns = random_u64() % (half.as_nanos() as u64).max(1);
        half + Duration::from_nanos(jitter_ns)
    }
}

impl TransportFailure {
    fn from_reqwest(error: &reqwest::Error) -> Self {
        if error.is_connect() {
            Self::Connect
        } else if error.is_timeout() {
            Self::Timeout
        } else {
            Self::Dropped
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Self::Connect => "connect",
            Self::Timeout => "timeout",
            Self::Dropped => "connection dropped",
        }
    }

    fn into_error(self, method: HttpMethod) -> ProviderError {
        match (self, method.is_read()) {
            (Self::Connect, _) => ProviderError::NetworkUnreachable {
                detail: "could not connect".into(),
            },
            (Self::Timeout, true) => ProviderError::Timeout,
            (Self::Dropped, true) => ProviderError::NetworkUnreachable {
                detail: "connection dropped".into(),
            },
            (failure, false) => ProviderError::UnknownOutcome {
                detail: format!("{} after the request was sent", failure.label()),
            },
        }
    }
}

/// The call's credentials as sensitive header values (kept out of hyper's own debug output).
fn credential_headers(call: &Call<'_>) -> Result<HeaderMap, ProviderError> {
    let mut headers = HeaderMap::new();
    for (name, secret) in &call.credentials {
        let invalid = || ProviderError::InvalidConfiguration {
            detail: format!("the credential for {name} is not a valid header value"),
        };
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
        let mut value = HeaderValue::from_str(secret.expose()).map_err(|_| invalid())?;
        value.set_sensitive(true);
        headers.insert(name, value);
    }
    Ok(headers)
}

/// The one check of every id placed in a path, so an id can never change which address is called.
/// `push` percent-encodes what would end a segment (`/`, `?`, `#`, `%`, spaces), but the URL rules
/// still act on whole segments: `.` and `..` are dropped or climb a level and an empty id leaves a
/// trailing slash; `\` is a separator to many servers. Those ids, and control characters, are
/// refused before anything is sent.
fn path_id(id: &str) -> Result<&str, ProviderError> {
    let reason = if id.is_empty() {
        "empty"
    } else if matches!(id, "." | "..") {
        "dot segment"
    } else if id.contains(['/', '\\']) {
        "path separator"
    } else if id.chars().any(char::is_control) {
        "control character"
    } else {
        return Ok(id);
    };
    Err(ProviderError::InvalidPathId { reason })
}

pub(crate) fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// A request body as JSON.
pub(crate) fn encode_json<B: serde::Serialize>(body: &B) -> Result<RequestBody, ProviderError> {
    serde_json::to_vec(body)
        .map(RequestBody::json)
        .map_err(|e| ProviderError::InvalidConfiguration {
            detail: format!("request body: {e}"),
        })
}

/// A 2xx body as `T`. serde's own message can quote the offending value (a token, say): only
/// where it broke is kept.
pub(crate) fn decode_json<T: serde::de::DeserializeOwned>(
    status: u16,
    body: &[u8],
) -> Result<T, ProviderError> {
    serde_json::from_slice(body).map_err(|e| unreadable(status, &e))
}

/// The error for a body that is not what we expected, without the body's content.
pub(crate) fn unreadable(status: u16, error: &serde_json::Error) -> ProviderError {
    ProviderError::UnreadableResponse {
        status,
        detail: format!(
            "{:?} error at line {} column {}",
            error.classify(),
            error.line(),
            error.column()
        ),
    }
}

fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After` in seconds. Fractions are accepted (tolerant reader; lets tests use short waits);
/// an HTTP-date falls back to our own backoff.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// Whether a URL points at this machine: `localhost` or a loopback address (127.0.0.0/8, `::1`).
/// Such calls bypass any system proxy, and profiles may reach them over plain `http://`.
pub fn is_loopback(url: &reqwest::Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Randomness for jitter without a dependency: `RandomState` is seeded per instance by std.
fn random_u64() -> u64 {
    RandomState::new().hash_one(Instant::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_accepts_seconds_and_fractions() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after(" 0.05 "), Some(Duration::from_millis(50)));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn backoff_stays_within_half_and_full_and_is_capped() {
        let client = HttpClient::new("test", "http://127.0.0.1:1", HttpConfig::default()).unwrap();
        for attempt in 0..10 {
            let full = (Duration::from_millis(250) * 2u32.pow(attempt)).min(Duration::from_secs(4));
            let wait = client.backoff(attempt);
            assert!(
                wait >= full / 2 && wait <= full,
                "attempt {attempt}: {wait:?}"
            );
        }
    }

    const BY_ID: Endpoint = Endpoint {
        method: HttpMethod::Delete,
        path: "/v1/custom-link/{id}",
        auth: &[],
        documented: false,
    };

    fn url_for(base: &str, id: &str) -> Result<String, ProviderError> {
        let client = HttpClient::new("test", base, HttpConfig::default()).unwrap();
        let call = Call {
            endpoint: &BY_ID,
            path_params: &[id],
            query: &[],
            credentials: vec![],
            body: None,
        };
        client.url(&call).map(String::from)
    }

    #[test]
    fn an_id_is_one_percent_encoded_segment() {
        for (id, path) in [
            ("lnk_123", "/v1/custom-link/lnk_123"),
            ("a b?c#d", "/v1/custom-link/a%20b%3Fc%23d"),
            ("%2e%2e", "/v1/custom-link/%252e%252e"),
            ("...", "/v1/custom-link/..."),
            ("ñandú", "/v1/custom-link/%C3%B1and%C3%BA"),
        ] {
            assert_eq!(
                url_for("http://127.0.0.1:1/api/", id).unwrap(),
                format!("http://127.0.0.1:1/api{path}"),
                "{id:?}"
            );
        }
    }

    #[test]
    fn an_id_that_would_change_the_path_is_refused() {
        for id in [
            "", ".", "..", "a/b", "/", "a\\b", "a\nb", "\u{0}", "a\u{7f}", "x\u{85}",
        ] {
            let error = url_for("http://127.0.0.1:1", id).unwrap_err();
            assert_eq!(error.kind(), crate::FailureKind::InvalidPathId, "{id:?}");
        }
    }

    #[test]
    fn rejects_a_base_url_that_is_not_http() {
        let err = HttpClient::new("test", "ftp://example.test", HttpConfig::default())
            .err()
            .unwrap();
        assert_eq!(err.kind(), crate::FailureKind::InvalidConfiguration);
    }
}
