//! The desktop shell: window, state, and the commands the UI may call. Behaviour lives in the
//! GUI-free crates under `src-tauri/crates/`; this crate only wires them to Tauri.

mod bindings;
pub(crate) mod commands;
mod error;
mod events;
mod notifications;
mod rendering;
mod state;

#[cfg(test)]
mod security_tests;

use tauri::Manager;

pub use error::AppError;

/// Starts the app. Called from `main`; failures here happen before any window exists, so they
/// are reported on stderr and end the process.
pub fn run() {
    init_tracing();
    // `startup: …` lines mark the start-up's steps; the bench reads their times (BENCHMARKS.md).
    tracing::info!("startup: main");
    let builder = bindings::builder::<tauri::Wry>();
    let result = tauri::Builder::default()
        // Used only from Rust inside our commands (commands/share.rs): the capability grants the
        // webview none of their permissions. The opener's script that sends `target=_blank`
        // clicks to the OS is left out: the page opens nothing by itself.
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        // Shown from Rust only (notifications.rs); the capability grants the window none of it.
        .plugin(tauri_plugin_notification::init())
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .invoke_handler(builder.invoke_handler())
        // Tauri builds the configured window before it calls this.
        .setup(move |app| {
            tracing::info!("startup: window created");
            builder.mount_events(app);
            rendering::adapt(app);
            // A failed start still opens the window: the UI asks `startup_status` first and
            // explains what happened (e.g. data from a newer version) instead of vanishing.
            match state::open(app.handle()) {
                Ok(state) => {
                    tracing::info!(data_dir = %state.data_dir().display(), "Mostrador starting");
                    app.manage(state);
                    app.manage(state::Startup(None));
                    state::refresh_in_background(app.handle().clone());
                }
                Err(error) => {
                    tracing::error!(%error, "Mostrador could not start");
                    app.manage(state::Startup(Some(error)));
                }
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!(%error, "Mostrador could not start");
        eprintln!("Mostrador could not start: {error}");
        std::process::exit(1);
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("MOSTRADOR_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tao=warn,wry=warn"));
    let subscriber = tracing_subscriber::fmt().with_env_filter(filter);
    // `MOSTRADOR_LOG_FILE`: the log appended to that file instead of stderr, which a launcher
    // may drop (WebKitWebDriver does: the bench reads the start-up steps from the file).
    let file = std::env::var_os(LOG_FILE_VAR).and_then(|path| {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .inspect_err(|error| eprintln!("{LOG_FILE_VAR}: {error}"))
            .ok()
    });
    // A second call (tests) keeps the first subscriber.
    let _ = match file {
        Some(file) => subscriber
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(file))
            .try_init(),
        None => subscriber.try_init(),
    };
}

const LOG_FILE_VAR: &str = "MOSTRADOR_LOG_FILE";
