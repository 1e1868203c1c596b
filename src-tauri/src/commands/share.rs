//! Sharing and exporting links (and exporting customers): QR codes, the clipboard, the save dialog, and opening WhatsApp,
//! the mail client or the browser. The clipboard-manager, dialog and opener plugins are used
//! only through their Rust APIs here: the capability grants the webview none of their
//! permissions, so the page cannot reach the clipboard, the file system or the OS opener except
//! through these commands.

use mostrador_codes::ErrorCode;
use std::path::PathBuf;

use mostrador_service::app::App;
use mostrador_service::app::ServiceError;
use mostrador_service::blocking::run;
use mostrador_service::links::qr::{self, IMAGE_QUIET_ZONE, IMAGE_SCALE, QrCode};
use mostrador_service::links::share::{self, ShareTarget};
use mostrador_store::{CustomerQuery, LinkQuery};
use serde::Serialize;
use specta::Type;
use tauri::image::Image;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, CommandResult};

/// The QR code of a link's URL, for the UI to draw.
#[tauri::command]
#[specta::specta]
pub async fn link_qr(text: String) -> CommandResult<QrCode> {
    Ok(qr::qr_matrix(&text)?)
}

#[tauri::command]
#[specta::specta]
pub async fn copy_text<R: Runtime>(app: AppHandle<R>, text: String) -> CommandResult<()> {
    blocking(move || app.clipboard().write_text(text).map_err(clipboard_error)).await
}

/// Puts the QR code of `text` on the clipboard as an image.
#[tauri::command]
#[specta::specta]
pub async fn copy_link_qr<R: Runtime>(app: AppHandle<R>, text: String) -> CommandResult<()> {
    let bitmap = qr::qr_bitmap(&text, IMAGE_SCALE, IMAGE_QUIET_ZONE)?;
    blocking(move || {
        let image = Image::new_owned(bitmap.to_rgba(), bitmap.width, bitmap.height);
        app.clipboard().write_image(&image).map_err(clipboard_error)
    })
    .await
}

/// Saves the QR code of `text` as a PNG where the user chooses; `None` if they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_link_qr<R: Runtime>(
    app: AppHandle<R>,
    text: String,
    file_name: String,
) -> CommandResult<Option<String>> {
    let png = qr::qr_png(&text, IMAGE_SCALE, IMAGE_QUIET_ZONE)?;
    let name = share::file_name(&file_name, "qr", "png");
    let Some(path) = choose_save_path(&app, name, "PNG", "png").await? else {
        return Ok(None);
    };
    Ok(Some(write(path, png).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    /// Where the file was written.
    pub path: String,
    /// Rows in the file (the header not counted).
    pub rows: u32,
}

/// Every link of the filtered and sorted view (all pages) as a CSV file where the user chooses;
/// `None` if they cancelled. `lang` is the UI language (`es-MX` or `en`) of headers and states.
#[tauri::command]
#[specta::specta]
pub async fn export_links_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, App>,
    query: LinkQuery,
    lang: String,
) -> CommandResult<Option<ExportReport>> {
    let export = state.export_links(query, &lang).await?;
    save_csv(&app, export.file_name, export.csv, export.rows).await
}

/// Every customer of the view (the list's query, all pages) as a CSV file where the user
/// chooses; `None` if they cancelled. `lang` is the UI language of headers and statuses.
#[tauri::command]
#[specta::specta]
pub async fn export_customers_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, App>,
    query: CustomerQuery,
    lang: String,
) -> CommandResult<Option<ExportReport>> {
    let export = state.export_customers(query, &lang).await?;
    save_csv(&app, export.file_name, export.csv, export.rows).await
}

/// Saves an export where the user chooses (`file_name` proposed); `None` if they cancelled.
async fn save_csv<R: Runtime>(
    app: &AppHandle<R>,
    file_name: String,
    csv: Vec<u8>,
    rows: usize,
) -> CommandResult<Option<ExportReport>> {
    let Some(path) = choose_save_path(app, file_name, "CSV", "csv").await? else {
        return Ok(None);
    };
    Ok(Some(ExportReport {
        path: write(path, csv).await?,
        rows: u32::try_from(rows).unwrap_or(u32::MAX),
    }))
}

/// Opens WhatsApp, the mail client or the browser with a link. The URL is built and checked
/// here (the browser gets `https://` only), never taken as is from the page.
#[tauri::command]
#[specta::specta]
pub async fn open_share<R: Runtime>(app: AppHandle<R>, target: ShareTarget) -> CommandResult<()> {
    let url = target.url()?;
    blocking(move || {
        app.opener()
            .open_url(url, None::<&str>)
            .map_err(|error| AppError::new(ErrorCode::ShareOpener, error.to_string()))
    })
    .await
}

/// Test hook: when set, the save dialog is skipped and files go to `<dir>/<proposed name>`.
const SAVE_DIALOG_DIR: &str = "MOSTRADOR_SAVE_DIALOG_DIR";

/// Asks where to save a file, proposing `file_name`; `None` if the user cancelled.
///
/// `MOSTRADOR_SAVE_DIALOG_DIR` is the one place the app bypasses a native dialog: the end-to-end
/// suite drives the webview through WebDriver, which cannot reach a GTK file chooser, so with the
/// variable set the file is saved to `<that dir>/<proposed name>` (the directory is created if
/// missing) without asking. Clipboard and opener need no such hook (the suite reads the X
/// clipboard and sets `$BROWSER`).
async fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    file_name: String,
    filter: &str,
    extension: &str,
) -> CommandResult<Option<PathBuf>> {
    if let Some(dir) = std::env::var_os(SAVE_DIALOG_DIR).filter(|dir| !dir.is_empty()) {
        let dir = PathBuf::from(dir);
        return blocking(move || {
            std::fs::create_dir_all(&dir)
                .map(|()| Some(dir.join(file_name)))
                .map_err(|error| {
                    AppError::new(ErrorCode::ShareIo, format!("{}: {error}", dir.display()))
                })
        })
        .await;
    }
    let mut dialog = app
        .dialog()
        .file()
        .add_filter(filter, &[extension])
        .set_file_name(file_name);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    // The callback form: nothing waits on a thread while the dialog is open, and a dialog that
    // never answers (the event loop gone) is an error instead of a panic.
    let (answer, chosen) = tokio::sync::oneshot::channel();
    dialog.save_file(move |path| {
        let _ = answer.send(path);
    });
    let chosen = chosen.await.map_err(|_| {
        AppError::new(
            ErrorCode::ShareDialog,
            "the save dialog closed without answering",
        )
    })?;
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|error| AppError::new(ErrorCode::ShareDialog, error.to_string()))
        })
        .transpose()
}

/// Writes the file on the blocking pool and returns its path for the UI to show.
async fn write(path: PathBuf, bytes: Vec<u8>) -> CommandResult<String> {
    blocking(move || share::write_file(&path, &bytes).map(|()| path.display().to_string())).await
}

fn clipboard_error(error: tauri_plugin_clipboard_manager::Error) -> AppError {
    AppError::new(ErrorCode::ShareClipboard, error.to_string())
}

/// Clipboard, opener and file work on the blocking pool; a lost task is the service's `app.task`.
async fn blocking<T, E>(work: impl FnOnce() -> Result<T, E> + Send + 'static) -> CommandResult<T>
where
    T: Send + 'static,
    E: Into<AppError> + Send + 'static,
{
    run::<_, ServiceError, ServiceError>(move || Ok(work()))
        .await?
        .map_err(Into::into)
}
