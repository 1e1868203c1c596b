//! How the webview draws on a machine without a GPU (a VM, an old laptop, a remote desktop).
//!
//! WebKitGTK 2.50's default there composites every frame through Mesa's software GL and its
//! DMA-BUF renderer: 7–12× the web process's CPU per scrolled frame of the links table, against
//! painting without accelerated compositing (docs/BENCHMARKS.md, "The window (§3)"). Accelerated
//! compositing buys nothing without a GPU, so the main webview turns it off there; a machine with
//! a GPU keeps WebKit's default.

use tauri::{Manager, Runtime};

/// Turns accelerated compositing off in the main webview when GL would be software.
pub fn adapt<R: Runtime>(app: &tauri::App<R>) {
    if !software_gl() {
        return;
    }
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let applied = window.with_webview(|webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = webview;
    });
    match applied {
        Ok(()) => tracing::info!("no GPU: the webview paints without accelerated compositing"),
        Err(error) => tracing::warn!(%error, "could not reach the webview's settings"),
    }
}

/// True where Mesa would render GL in software: no GPU render node, or software forced.
fn software_gl() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let forced = std::env::var("LIBGL_ALWAYS_SOFTWARE").is_ok_and(|value| value != "0");
    forced || !has_render_node(std::path::Path::new("/dev/dri"))
}

/// Whether `dri` (normally /dev/dri) holds a GPU render node (`renderD128`, …).
fn has_render_node(dri: &std::path::Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_render_node_is_a_gpu_and_its_absence_or_a_card_alone_is_not() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(&dri.path().join("missing")));
        std::fs::write(dri.path().join("card0"), b"").unwrap();
        assert!(!has_render_node(dri.path()));
        std::fs::write(dri.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dri.path()));
    }
}
