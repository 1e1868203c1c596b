//! The backend's events on their way to the window: the service hands each one to this sink,
//! which emits it as the typed `BackendEvent` of the bindings (`events.backendEvent` in TS).

use mostrador_service::events::{AppEvent, EventSink};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime};
use tauri_specta::Event as _;

/// Every backend event travels as this one typed event; the UI switches on its `kind`.
#[derive(Debug, Clone, Serialize, Type, tauri_specta::Event)]
pub struct BackendEvent(pub AppEvent);

/// Forwards the service's events to every window of the app.
pub struct WindowSink<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> EventSink for WindowSink<R> {
    fn emit(&self, event: AppEvent) {
        if let Err(error) = BackendEvent(event).emit(&self.0) {
            tracing::warn!(%error, "an event did not reach the window");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use mostrador_store::OutboxState;
    use tauri::Listener;

    use super::*;

    /// The window hears the service's event under the name and shape the bindings declare.
    #[test]
    fn the_sink_emits_the_typed_event_the_bindings_declare() {
        let app = tauri::test::mock_app();
        tauri_specta::Builder::<tauri::test::MockRuntime>::new()
            .events(tauri_specta::collect_events![BackendEvent])
            .mount_events(&app);
        let (heard, payloads) = channel();
        app.listen_any("backend-event", move |event| {
            let _ = heard.send(event.payload().to_owned());
        });
        WindowSink(app.handle().clone()).emit(AppEvent::WriteSettled {
            profile_id: "sandbox".into(),
            provider: "billpocket".into(),
            merchant_id: Some("61234".into()),
            seq: 7,
            state: OutboxState::Done,
        });
        let payload = payloads.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&payload).unwrap(),
            serde_json::json!({
                "kind": "writeSettled",
                "profileId": "sandbox",
                "provider": "billpocket",
                "merchantId": "61234",
                "seq": 7,
                "state": "done",
            })
        );
    }
}
