//! What the backend tells the UI by itself: a sync ended, a write settled, a customer's status
//! changed. The service knows no window: it hands events to a sink, and the shell's sink forwards
//! them to the webview, where each one invalidates exactly the queries it affects.

use mostrador_codes::{ErrorCode, Provider};
use std::sync::Arc;

use mostrador_store::{KycStatus, OutboxState, Provider as CustomerProvider};
use serde::Serialize;
use specta::Type;

/// One change the UI may be showing stale data for; each names the profile it happened in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum AppEvent {
    /// A sync of `resource` (e.g. `links/<merchant>`) ended: its cached rows and its sync state
    /// may have changed. `error_code` is set when it failed (the cache was left as it was).
    SyncFinished {
        profile_id: String,
        resource: String,
        merchant_id: Option<String>,
        error_code: Option<ErrorCode>,
    },
    /// An outbox write left `sent`: the list it concerns and its open writes changed. A link
    /// write names its merchant; a customer write (`cryptopocket`, `undostres`) names none.
    WriteSettled {
        profile_id: String,
        provider: String,
        merchant_id: Option<String>,
        #[specta(type = specta_typescript::Number)]
        seq: i64,
        state: OutboxState,
    },
    /// A customer's KYC status or level changed at its provider, as a refresh (background, on
    /// demand or one customer checked by hand) observed it; the change is in its history.
    CustomerStatusChanged {
        profile_id: String,
        provider: CustomerProvider,
        customer_id: String,
        status: KycStatus,
        level: Option<u8>,
    },
}

/// Where events go. The shell forwards them to the window; tests collect them.
pub trait EventSink: Send + Sync + 'static {
    fn emit(&self, event: AppEvent);
}

/// A channel is a sink: the receiver sees every event in order. Once the receiver is gone,
/// events are dropped, since nobody is listening.
impl EventSink for std::sync::mpsc::Sender<AppEvent> {
    fn emit(&self, event: AppEvent) {
        let _ = self.send(event);
    }
}

/// The service's handle on the sink; cheap to clone.
#[derive(Clone)]
pub struct Events(Arc<dyn EventSink>);

impl Events {
    pub fn new(sink: impl EventSink) -> Self {
        Self(Arc::new(sink))
    }

    /// A sync of one merchant's links ended, well (`error_code` `None`) or not.
    pub fn links_synced(&self, profile_id: &str, merchant_id: &str, error_code: Option<ErrorCode>) {
        let resource = crate::sync::links_resource(merchant_id);
        self.synced(profile_id, resource, Some(merchant_id), error_code);
    }

    /// A customers resource (`customers/cryptopocket`, `customers/undostres`) changed: its list
    /// was synced, well or not, or another call found its provider unreachable or back.
    pub fn customers_synced(
        &self,
        profile_id: &str,
        resource: &str,
        error_code: Option<ErrorCode>,
    ) {
        self.synced(profile_id, resource.to_owned(), None, error_code);
    }

    fn synced(
        &self,
        profile_id: &str,
        resource: String,
        merchant_id: Option<&str>,
        error_code: Option<ErrorCode>,
    ) {
        self.emit(AppEvent::SyncFinished {
            profile_id: profile_id.to_owned(),
            resource,
            merchant_id: merchant_id.map(str::to_owned),
            error_code,
        });
    }

    /// The one place a settled write is announced; every settle point calls it.
    pub fn write_settled(&self, profile_id: &str, merchant_id: &str, seq: i64, state: OutboxState) {
        self.settled(
            profile_id,
            Provider::Billpocket,
            Some(merchant_id),
            seq,
            state,
        );
    }

    /// A customer write at `provider` settled (a `sent` one is still in flight: not announced).
    pub fn customer_write_settled(
        &self,
        profile_id: &str,
        provider: Provider,
        seq: i64,
        state: OutboxState,
    ) {
        if state != OutboxState::Sent {
            self.settled(profile_id, provider, None, seq, state);
        }
    }

    fn settled(
        &self,
        profile_id: &str,
        provider: Provider,
        merchant_id: Option<&str>,
        seq: i64,
        state: OutboxState,
    ) {
        self.emit(AppEvent::WriteSettled {
            profile_id: profile_id.to_owned(),
            provider: provider.as_str().to_owned(),
            merchant_id: merchant_id.map(str::to_owned),
            seq,
            state,
        });
    }

    /// The one place an observed KYC change is announced.
    pub fn customer_status_changed(
        &self,
        profile_id: &str,
        provider: CustomerProvider,
        customer_id: &str,
        status: KycStatus,
        level: Option<u8>,
    ) {
        self.emit(AppEvent::CustomerStatusChanged {
            profile_id: profile_id.to_owned(),
            provider,
            customer_id: customer_id.to_owned(),
            status,
            level,
        });
    }

    fn emit(&self, event: AppEvent) {
        tracing::debug!(?event, "event");
        self.0.emit(event);
    }
}
