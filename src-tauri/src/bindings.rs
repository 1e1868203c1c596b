//! The app's commands and events for tauri-specta. The same builder feeds Tauri's invoke handler
//! and the TypeScript bindings in `ui/src/bindings.ts`, which a test regenerates and compares, so
//! stale bindings fail the suite. The commands come from `commands/list.rs`, the list `build.rs`
//! also reads.

use tauri::Runtime;
use tauri_specta::{Builder, collect_commands, collect_events};

use crate::commands;
use crate::events::BackendEvent;

/// Registers the commands of `commands/list.rs` and keeps their names for the tests.
macro_rules! app_commands {
    ($($module:ident :: $name:ident $(<$runtime:path>)?),* $(,)?) => {
        pub fn builder<R: Runtime>() -> Builder<R> {
            Builder::<R>::new()
                .commands(collect_commands![$(commands::$module::$name $(::<$runtime>)?),*])
                .events(collect_events![BackendEvent])
        }

        /// The command names, as `build.rs` declares them to Tauri.
        #[cfg(test)]
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("commands/list.rs");

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use specta_typescript::Typescript;

    use super::*;

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

    /// The names `build.rs` declares to Tauri are the names the bindings invoke.
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
