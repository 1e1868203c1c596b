//! The single place that declares which commands exist for the UI. The same builder feeds Tauri's
//! invoke handler and the TypeScript bindings in `ui/src/bindings.ts`, which a test regenerates
//! and compares, so stale bindings fail the suite.

use tauri::Runtime;
use tauri_specta::{Builder, collect_commands};

use crate::commands;

pub fn builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new().commands(collect_commands![
        commands::app::app_info,
        commands::app::startup_status,
        commands::preferences::get_preferences,
        commands::preferences::set_locale,
        commands::validation::validate_field,
        commands::validation::validate_cross,
        commands::profiles::list_profiles,
        commands::profiles::create_profile,
        commands::profiles::update_profile,
        commands::profiles::delete_profile,
        commands::profiles::switch_profile,
        commands::profiles::credential_slots,
        commands::profiles::set_credential,
        commands::profiles::clear_credential,
        commands::sandbox::sandbox_status,
        commands::sandbox::sandbox_reset,
        commands::sandbox::sandbox_set_faults,
        commands::links::list_merchants,
        commands::links::search_links,
        commands::links::links_status,
        commands::links::sync_links,
        commands::links::submit_link_write,
        commands::links::retry_link_write,
        commands::links::discard_link_write,
        commands::share::link_qr,
        commands::share::copy_text::<tauri::Wry>,
        commands::share::copy_link_qr::<tauri::Wry>,
        commands::share::save_link_qr::<tauri::Wry>,
        commands::share::export_links_csv::<tauri::Wry>,
        commands::share::open_share::<tauri::Wry>,
        commands::merchants::merchants_overview,
        commands::merchants::merchant_catalogue,
        commands::merchants::register_merchant,
        commands::merchants::connect_merchant,
        commands::merchants::set_merchant_clabe,
        commands::merchants::list_drafts,
        commands::merchants::save_draft,
        commands::merchants::discard_draft,
        commands::merchants::discard_old_drafts,
        commands::customers::search_customers,
        commands::customers::customers_sync_state,
        commands::customers::sync_customers,
        commands::customers::check_customer_status,
        commands::customers::customer_status_history,
    ])
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use specta_typescript::Typescript;

    use super::*;
    use crate::commands::names::COMMANDS;

    /// Writes the TypeScript bindings for every command and the types they use.
    pub fn export(path: &Path) -> Result<(), String> {
        builder::<tauri::Wry>()
            .export(
                Typescript::default()
                    .header("// Generated from the Rust commands by `cargo test -p mostrador bindings`. Do not edit.\n/* eslint-disable */"),
                path,
            )
            .map_err(|error| error.to_string())
    }

    fn committed_bindings() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts")
    }

    /// Fails when the committed bindings differ from what the Rust code generates. Run with
    /// `UPDATE_BINDINGS=1` to rewrite them.
    #[test]
    fn bindings_are_current() {
        let committed = committed_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            export(&committed).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        export(&fresh).unwrap();
        let expected = std::fs::read_to_string(&fresh).unwrap();
        let actual = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            expected == actual,
            "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test --lib bindings` and commit it"
        );
    }

    /// The ACL manifest (names.rs) and the registered commands are the same set.
    #[test]
    fn every_registered_command_is_in_the_acl_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bindings.ts");
        export(&path).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let invoked: BTreeSet<&str> = text
            .split("__TAURI_INVOKE(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let declared: BTreeSet<&str> = COMMANDS.iter().copied().collect();
        assert_eq!(invoked, declared);
    }
}
