//! Build script: Tauri's codegen plus the app's ACL manifest. Declaring the app's commands here
//! makes Tauri check every app command against the capabilities, so the window can call exactly
//! the commands its capability grants.

/// The command names of `src/commands/list.rs`.
macro_rules! app_commands {
    ($($module:ident :: $name:ident $(<$runtime:path>)?),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/commands/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/list.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // Build scripts report by panicking; the message is what cargo shows.
        panic!("tauri-build failed: {error:#}");
    }
}
