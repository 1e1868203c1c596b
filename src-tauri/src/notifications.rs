//! Desktop notifications of KYC cases: the service decides what to say and when
//! (`customers::notify`); this shows it with Tauri's notification plugin, from Rust only, so the
//! window holds no notification permission. Desktop platforms grant notifications without
//! asking; a refusal reported by the plugin is logged and the notification dropped.
//!
//! Test hook `MOSTRADOR_NOTIFICATIONS_FILE`: each notification is appended to that file as one
//! JSON line instead of being shown, so the end-to-end suite can check them (a notification
//! daemon under Xvfb cannot be read back).

use std::io::Write;
use std::path::PathBuf;

use mostrador_service::customers::notify::{Notification, Notifier};
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

const RECORD_VAR: &str = "MOSTRADOR_NOTIFICATIONS_FILE";

pub struct DesktopNotifier<R: Runtime> {
    handle: AppHandle<R>,
    record_to: Option<PathBuf>,
}

impl<R: Runtime> DesktopNotifier<R> {
    pub fn new(handle: AppHandle<R>) -> Self {
        Self {
            handle,
            record_to: std::env::var_os(RECORD_VAR).map(PathBuf::from),
        }
    }
}

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn show(&self, notification: &Notification) {
        tracing::info!(kind = ?notification.kind, customers = notification.customers.len(), "notifying");
        if let Some(path) = &self.record_to {
            if let Err(error) = record(path, notification) {
                tracing::warn!(%error, "could not record a notification");
            }
            return;
        }
        let notifications = self.handle.notification();
        match notifications.permission_state() {
            Ok(PermissionState::Granted) => {}
            Ok(state) => {
                tracing::info!(?state, "notifications not allowed: not shown");
                return;
            }
            Err(error) => {
                tracing::warn!(%error, "notification permission unknown: not shown");
                return;
            }
        }
        if let Err(error) = notifications
            .builder()
            .title(&notification.title)
            .body(&notification.body)
            .show()
        {
            tracing::warn!(%error, "a notification could not be shown");
        }
    }
}

/// Appends one JSON line. The hook's file is the suite's, written by one process.
fn record(path: &PathBuf, notification: &Notification) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(notification)?;
    line.push(b'\n');
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?
        .write_all(&line)
}

#[cfg(test)]
mod tests {
    use mostrador_service::customers::notify::NotificationKind;

    use super::*;

    #[test]
    fn the_test_hook_appends_one_json_line_per_notification() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notifications.jsonl");
        let notification = Notification {
            kind: NotificationKind::Valid,
            title: "Verificación aprobada".into(),
            body: "Sofía López completó su verificación.".into(),
            customers: vec!["cryptopocket/7".into()],
        };
        record(&path, &notification).unwrap();
        record(&path, &notification).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["kind"], "valid");
        assert_eq!(lines[0]["customers"][0], "cryptopocket/7");
    }
}
