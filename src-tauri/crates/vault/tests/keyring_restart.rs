//! scripts/keyring-session.sh must survive its keyring daemon dying: the end-to-end tests kill
//! the app on purpose, and gnome-keyring-daemon (Debian 12) sometimes aborts when a client dies
//! with calls in flight. Before the session restarted it itself, D-Bus started the system's
//! daemon with a locked keyring, and every later write failed on a prompt nobody could answer
//! (a CI run lost six end-to-end tests that way). Own binary: it kills its session's daemon.
//! Runs only with MOSTRADOR_REAL_KEYRING=1, which only that script sets.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use mostrador_vault::{CredentialKind, Secret, Vault};

/// The gnome-keyring-daemon processes serving this test's D-Bus session: their environment holds
/// the same bus address (so daemons of other sessions on the machine are left alone).
fn session_daemons() -> Vec<u32> {
    let bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap();
    let wanted = format!("DBUS_SESSION_BUS_ADDRESS={bus}");
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        let dir = entry.path();
        // The kernel keeps 15 characters of the name; a zombie has an empty environment.
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        if comm.trim_end() == "gnome-keyring-d" && environ_has(&dir, &wanted) {
            pids.push(pid);
        }
    }
    pids
}

fn environ_has(process: &Path, wanted: &str) -> bool {
    std::fs::read(process.join("environ"))
        .unwrap_or_default()
        .split(|b| *b == 0)
        .any(|var| var == wanted.as_bytes())
}

#[test]
fn secrets_outlive_the_keyring_daemon_being_killed() {
    if !std::env::var("MOSTRADOR_REAL_KEYRING").is_ok_and(|v| v == "1") {
        eprintln!("SKIPPED: run inside scripts/keyring-session.sh");
        return;
    }
    let vault = Vault::open_os_keyring().unwrap();
    let kind = CredentialKind::BillpocketApiKey;
    vault
        .put("restart", &kind, &Secret::new("before-ñ"))
        .unwrap();

    let daemons = session_daemons();
    assert_eq!(
        daemons.len(),
        1,
        "one daemon serves the session: {daemons:?}"
    );
    let status = Command::new("kill")
        .args(["-KILL", &daemons[0].to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while session_daemons().contains(&daemons[0]) {
        assert!(Instant::now() < deadline, "the daemon did not die");
        std::thread::sleep(Duration::from_millis(20));
    }

    // The next call starts a daemon again; it must open the same keyring, unlocked.
    let again = Vault::open_os_keyring().unwrap();
    assert_eq!(again.get("restart", &kind).unwrap().expose(), "before-ñ");
    again.put("restart", &kind, &Secret::new("after")).unwrap();
    assert_eq!(vault.get("restart", &kind).unwrap().expose(), "after");
    let now = session_daemons();
    assert!(
        now.len() == 1 && now[0] != daemons[0],
        "a new daemon serves the session: {now:?}"
    );
    again.delete_profile("restart").unwrap();
}
