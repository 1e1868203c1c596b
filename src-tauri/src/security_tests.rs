//! The security baseline, checked on the shipped configuration: the main window is granted
//! exactly the app's commands (no plugin, no shell, no filesystem), and the CSP allows no remote
//! or evaluated script and no network host for the webview.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::bindings::COMMANDS;

/// Core permissions the window needs besides the commands: listening to the backend's events.
const EVENT_PERMISSIONS: [&str; 2] = ["core:event:allow-listen", "core:event:allow-unlisten"];

fn json(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_main_capability_grants_exactly_the_app_commands_and_event_listening() {
    let capability = json("src-tauri/capabilities/main.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|permission| permission.as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = COMMANDS
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .chain(EVENT_PERMISSIONS.map(str::to_owned))
        .collect();
    assert_eq!(granted, expected);
}

#[test]
fn only_the_main_capability_is_enabled() {
    let config = json("tauri.conf.json");
    assert_eq!(
        config["app"]["security"]["capabilities"],
        serde_json::json!(["main"])
    );
    assert_eq!(config["app"]["withGlobalTauri"], Value::Bool(false));
    assert_eq!(
        config["app"]["security"]["freezePrototype"],
        Value::Bool(true)
    );
}

#[test]
fn the_csp_allows_no_remote_inline_or_evaluated_script() {
    let config = json("tauri.conf.json");
    let csp = &config["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    // All provider traffic goes through Rust; the webview talks only to the IPC.
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost");
    for (directive, sources) in csp.as_object().unwrap() {
        let sources = sources.as_str().unwrap();
        assert!(!sources.contains("unsafe-eval"), "{directive}: {sources}");
        assert!(!sources.contains("https:"), "{directive}: {sources}");
        assert!(!sources.contains('*'), "{directive}: {sources}");
    }
}
