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
