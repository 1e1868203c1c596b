//! Against the real OS keyring (on Linux the Secret Service). Runs only with
//! MOSTRADOR_REAL_KEYRING=1, e.g. `scripts/keyring-session.sh env MOSTRADOR_REAL_KEYRING=1
//! cargo test -p mostrador-vault`.

// Helpers shared by tests unwrap too (clippy.toml only exempts #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mostrador_codes::Coded;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use mostrador_vault::{
    CredentialKind, KeyringStore, SERVICE, Secret, SecretStatus, SecretStore, Vault, account_name,
};

fn real_keyring_enabled() -> bool {
    let enabled = std::env::var("MOSTRADOR_REAL_KEYRING").is_ok_and(|v| v == "1");
    if !enabled {
        eprintln!(
            "SKIPPED: set MOSTRADOR_REAL_KEYRING=1 (inside scripts/keyring-session.sh) to test the real keyring"
        );
    }
    enabled
}

/// A profile id no other run uses, so runs never see each other's entries.
fn unique_profile(tag: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("test-{tag}-{}-{nanos}", std::process::id())
}

#[test]
fn store_read_replace_delete_in_the_os_keyring() {
    if !real_keyring_enabled() {
        return;
    }
    let vault = Vault::open_os_keyring().unwrap();
    let profile = unique_profile("crud");
    let kind = CredentialKind::BillpocketUserToken {
        merchant_id: "61234".into(),
    };

    assert_eq!(vault.status(&profile, &kind).unwrap(), SecretStatus::NotSet);
    vault
        .put(&profile, &kind, &Secret::new("token-ñ-1"))
        .unwrap();
    assert_eq!(vault.status(&profile, &kind).unwrap(), SecretStatus::Set);
    assert_eq!(vault.get(&profile, &kind).unwrap().expose(), "token-ñ-1");

    vault.put(&profile, &kind, &Secret::new("token-2")).unwrap();
    assert_eq!(vault.get(&profile, &kind).unwrap().expose(), "token-2");

    // A second handle (as after an app restart) sees the same entry.
    let again = Vault::open_os_keyring().unwrap();
    assert_eq!(again.get(&profile, &kind).unwrap().expose(), "token-2");

    vault.delete(&profile, &kind).unwrap();
    assert_eq!(vault.status(&profile, &kind).unwrap(), SecretStatus::NotSet);
    assert_eq!(
        vault.get(&profile, &kind).unwrap_err().code(),
        "vault.not_set"
    );
    assert!(vault.credentials(&profile).unwrap().is_empty());
}

#[test]
fn deleting_a_profile_removes_all_its_keyring_entries() {
    if !real_keyring_enabled() {
        return;
    }
    let vault = Vault::open_os_keyring().unwrap();
    let (gone, kept) = (unique_profile("gone"), unique_profile("kept"));
    let kinds = [
        CredentialKind::BillpocketApiKey,
        CredentialKind::BillpocketXApiKey,
        CredentialKind::UndostresPrivateKey {
            customer_id: "8842".into(),
        },
    ];
    for kind in &kinds {
        vault.put(&gone, kind, &Secret::new("s")).unwrap();
    }
    vault.put(&kept, &kinds[0], &Secret::new("k")).unwrap();

    assert_eq!(vault.delete_profile(&gone).unwrap(), kinds.len());

    // Checked straight in the keyring, not through the vault's index.
    let raw = KeyringStore::probe(SERVICE).unwrap();
    for kind in &kinds {
        assert!(
            raw.get(&account_name(&gone, kind).unwrap())
                .unwrap()
                .is_none(),
            "{kind:?} left behind"
        );
    }
    assert!(
        raw.get(&format!("{gone}/index")).unwrap().is_none(),
        "index left behind"
    );
    assert_eq!(vault.get(&kept, &kinds[0]).unwrap().expose(), "k");
    vault.delete_profile(&kept).unwrap();
}

const NO_BUS_CHILD: &str = "MOSTRADOR_VAULT_NO_BUS_CHILD";

/// Child mode only: with the session bus pointing nowhere, opening must fail with
/// `vault.unavailable` and a hint.
#[test]
fn child_probe_without_bus() {
    if std::env::var(NO_BUS_CHILD).is_err() {
        return;
    }
    let err = Vault::open_os_keyring()
        .err()
        .expect("opening must fail without a keyring");
    assert_eq!(err.code(), "vault.unavailable", "{err}");
    assert!(
        err.hint()
            .is_some_and(|h| h.contains("gnome-keyring-daemon")),
        "{err}"
    );
    println!("child saw: {err}");
}

#[test]
#[cfg(target_os = "linux")]
fn no_keyring_service_is_a_typed_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_probe_without_bus",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(NO_BUS_CHILD, "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus", dir.path().display()),
        )
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("child saw: the OS keyring is not available"),
        "{stdout}"
    );
}
