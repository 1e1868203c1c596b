//! Sharing a link outside the app: the URLs the share menu opens (WhatsApp, e-mail, the browser),
//! the file names the save dialog proposes, and writing the chosen file. The shell opens the
//! URLs with the OS (Tauri's opener plugin, from Rust only); everything here is GUI-free.

use std::path::{Path, PathBuf};

use mostrador_codes::{Coded, ErrorCode};
use mostrador_core::contact::validate_email;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use specta::Type;

#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error("not a 10-digit Mexican phone number")]
    Phone,
    #[error("not a valid e-mail address")]
    Email,
    #[error("only https:// addresses can be opened")]
    Url,
    #[error("cannot make a QR code: {0}")]
    Qr(String),
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Coded for ShareError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Phone => ErrorCode::SharePhone,
            Self::Email => ErrorCode::ShareEmail,
            Self::Url => ErrorCode::ShareUrl,
            Self::Qr(_) => ErrorCode::ShareQr,
            Self::Io { .. } => ErrorCode::ShareIo,
        }
    }

    /// The [`ShareTarget`] field the error belongs to, when it belongs to one.
    fn field(&self) -> Option<&str> {
        match self {
            Self::Phone => Some("phone"),
            Self::Email => Some("to"),
            Self::Url => Some("url"),
            Self::Qr(_) | Self::Io { .. } => None,
        }
    }
}

/// Where the share menu sends a link. The shell turns it into a URL with [`ShareTarget::url`]
/// and hands that to the OS.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ShareTarget {
    /// The link itself in the default browser; `https://` only.
    Browser { url: String },
    /// WhatsApp (app or web) with the message typed in; to a chat with `phone` if given.
    #[serde(rename = "whatsapp")]
    WhatsApp {
        message: String,
        phone: Option<String>,
    },
    /// A new message in the default mail client.
    Email {
        subject: String,
        body: String,
        to: Option<String>,
    },
}

impl ShareTarget {
    pub fn url(&self) -> Result<String, ShareError> {
        match self {
            Self::Browser { url } => browser_url(url),
            Self::WhatsApp { message, phone } => whatsapp_url(message, phone.as_deref()),
            Self::Email { subject, body, to } => email_url(subject, body, to.as_deref()),
        }
    }
}

/// RFC 3986 component encoding: everything but the unreserved characters is percent-encoded
/// (a space is `%20`, never `+`, which mail clients would show literally).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// RFC 6068's `addr-spec` keeps `@` as is.
const ADDRESS: &AsciiSet = &COMPONENT.remove(b'@');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// `https://wa.me/?text=…`, or `https://wa.me/52XXXXXXXXXX?text=…` for a chat with a Mexican
/// number. A blank phone is no phone.
pub fn whatsapp_url(message: &str, phone: Option<&str>) -> Result<String, ShareError> {
    let chat = match phone.map(str::trim).filter(|p| !p.is_empty()) {
        Some(phone) => mexican_phone(phone)?,
        None => String::new(),
    };
    Ok(format!("https://wa.me/{chat}?text={}", encode(message)))
}

/// A Mexican number as WhatsApp wants it: `52` and the 10 national digits. Accepts the 10 digits
/// with spaces, dashes, dots or parentheses, with `52` / `+52` in front, and the old mobile
/// prefix `+52 1` (dropped since 2019, still in many address books).
pub fn mexican_phone(input: &str) -> Result<String, ShareError> {
    let input = input.trim();
    let (international, rest) = match input.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, input),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return Err(ShareError::Phone);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.len() {
        10 if !international => &digits[..],
        12 if digits.starts_with("52") => &digits[2..],
        13 if digits.starts_with("521") => &digits[3..],
        _ => return Err(ShareError::Phone),
    };
    // No Mexican area code starts with 0 (a leading 0 is a trunk or carrier prefix).
    if national.starts_with('0') {
        return Err(ShareError::Phone);
    }
    Ok(format!("52{national}"))
}

/// `mailto:<to>?subject=…&body=…` (RFC 6068). Line breaks in the body become CRLF as the RFC
/// asks; a blank `to` leaves the recipient for the user to fill in.
pub fn email_url(subject: &str, body: &str, to: Option<&str>) -> Result<String, ShareError> {
    let to = match to.map(str::trim).filter(|t| !t.is_empty()) {
        Some(to) => {
            let address = validate_email(to).value.ok_or(ShareError::Email)?;
            utf8_percent_encode(&address, ADDRESS).to_string()
        }
        None => String::new(),
    };
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    Ok(format!(
        "mailto:{to}?subject={}&body={}",
        encode(subject),
        encode(&body)
    ))
}

/// The address itself, normalised, if it is an `https://` URL with a host and no credentials.
pub fn browser_url(input: &str) -> Result<String, ShareError> {
    let url = url::Url::parse(input.trim()).map_err(|_| ShareError::Url)?;
    let acceptable = url.scheme() == "https"
        && url.host_str().is_some_and(|host| !host.is_empty())
        && url.username().is_empty()
        && url.password().is_none();
    if acceptable {
        Ok(url.into())
    } else {
        Err(ShareError::Url)
    }
}

/// A file name the save dialog can propose and a directory can hold: the last path component of
/// what was asked for, without characters Windows or shells reject, ending in `.<extension>`;
/// `fallback` (a stem) when nothing usable is left.
pub fn file_name(requested: &str, fallback: &str, extension: &str) -> String {
    let last = requested.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*'))
        .collect();
    let stem = cleaned.trim().trim_matches('.').trim();
    let stem = if stem.is_empty() { fallback } else { stem };
    let suffix = format!(".{extension}");
    if stem.to_lowercase().ends_with(&suffix.to_lowercase()) {
        stem.to_owned()
    } else {
        format!("{stem}{suffix}")
    }
}

/// Writes a file the user chose (or the test hook named).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ShareError> {
    std::fs::write(path, bytes).map_err(|source| ShareError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn whatsapp_without_phone_encodes_the_message_rfc3986() {
        let url = whatsapp_url(
            "Paga tu pastel: https://x.mx/a?b=1&c=2 #5 — ¡gracias!",
            None,
        )
        .unwrap();
        assert_eq!(
            url,
            "https://wa.me/?text=Paga%20tu%20pastel%3A%20https%3A%2F%2Fx.mx%2Fa%3Fb%3D1%26c%3D2%20%235%20%E2%80%94%20%C2%A1gracias%21"
        );
        assert_eq!(
            whatsapp_url("hola", Some("  ")).unwrap(),
            "https://wa.me/?text=hola"
        );
    }

    #[test]
    fn whatsapp_with_a_mexican_phone() {
        for phone in [
            "5512345678",
            "55 1234 5678",
            "(55) 1234-5678",
            "55.1234.5678",
            "+52 55 1234 5678",
            "+525512345678",
            "52 55 1234 5678",
            "+52 1 55 1234 5678",
        ] {
            assert_eq!(
                whatsapp_url("a b", Some(phone)).unwrap(),
                "https://wa.me/525512345678?text=a%20b",
                "{phone}"
            );
        }
    }

    #[test]
    fn other_phones_are_refused() {
        for phone in [
            "1234",
            "551234567",
            "551234567890",
            "+1 415 555 0100",
            "+5512345678",
            "0551234567",
            "55 1234 5678 ext 2",
            "55-1234-567x",
            "++525512345678",
            "+53 55 1234 5678",
        ] {
            let error = whatsapp_url("a", Some(phone)).unwrap_err();
            assert_eq!(error.code(), "share.phone", "{phone}");
            assert_eq!(error.field(), Some("phone"));
        }
    }

    #[test]
    fn email_encodes_spaces_as_percent_20_and_breaks_as_crlf() {
        let url = email_url(
            "Tu liga de pago & más",
            "Hola,\npaga aquí: https://x.mx/a?b=1+2",
            Some(" lupita+ligas@Pasteles.MX "),
        )
        .unwrap();
        assert_eq!(
            url,
            "mailto:lupita%2Bligas@pasteles.mx?subject=Tu%20liga%20de%20pago%20%26%20m%C3%A1s\
             &body=Hola%2C%0D%0Apaga%20aqu%C3%AD%3A%20https%3A%2F%2Fx.mx%2Fa%3Fb%3D1%2B2"
        );
        assert!(!url.contains('+'));
        assert_eq!(
            email_url("a", "b", None).unwrap(),
            "mailto:?subject=a&body=b"
        );
        assert_eq!(
            email_url("a", "b", Some("")).unwrap(),
            "mailto:?subject=a&body=b"
        );
    }

    #[test]
    fn a_bad_recipient_cannot_inject_headers() {
        for to in ["a@b.mx?cc=x@y.mx", "not an address", "a@b.mx&body=x"] {
            assert_eq!(
                email_url("s", "b", Some(to)).unwrap_err().code(),
                "share.email"
            );
        }
    }

    #[test]
    fn only_https_urls_open_in_the_browser() {
        assert_eq!(
            browser_url(" https://test.pay.billpocket.com/laesquina/abc12345 ").unwrap(),
            "https://test.pay.billpocket.com/laesquina/abc12345"
        );
        for bad in [
            "http://test.pay.billpocket.com/x",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "mailto:a@b.mx",
            "https://user:pw@x.mx/",
            "/relative",
            "",
        ] {
            let error = browser_url(bad).unwrap_err();
            assert_eq!(error.code(), "share.url", "{bad}");
        }
    }

    #[test]
    fn targets_build_their_urls() {
        let target = ShareTarget::WhatsApp {
            message: "x".into(),
            phone: Some("55 1234 5678".into()),
        };
        assert_eq!(target.url().unwrap(), "https://wa.me/525512345678?text=x");
        let target = ShareTarget::Browser {
            url: "ftp://x.mx".into(),
        };
        assert_eq!(target.url().unwrap_err().code(), "share.url");
    }

    #[test]
    fn targets_deserialise_from_the_ui_shape() {
        let target: ShareTarget = serde_json::from_value(serde_json::json!({
            "kind": "whatsapp", "message": "hola", "phone": null
        }))
        .unwrap();
        assert_eq!(
            target,
            ShareTarget::WhatsApp {
                message: "hola".into(),
                phone: None
            }
        );
        let target: ShareTarget = serde_json::from_value(serde_json::json!({
            "kind": "email", "subject": "s", "body": "b", "to": "a@b.mx"
        }))
        .unwrap();
        assert!(matches!(target, ShareTarget::Email { .. }));
    }

    #[test]
    fn file_names_stay_in_the_chosen_directory() {
        assert_eq!(file_name("qr-abc12345", "qr", "png"), "qr-abc12345.png");
        assert_eq!(file_name("QR.PNG", "qr", "png"), "QR.PNG");
        assert_eq!(file_name("../../etc/passwd", "qr", "png"), "passwd.png");
        assert_eq!(file_name("..\\..\\x:y*z?.png", "qr", "png"), "xyz.png");
        assert_eq!(file_name("a/..", "qr", "png"), "qr.png");
        assert_eq!(file_name("  ", "qr", "png"), "qr.png");
        assert_eq!(file_name("liga\n\u{0}", "qr", "png"), "liga.png");
        assert_eq!(
            file_name("Pastel de 3 leches", "qr", "png"),
            "Pastel de 3 leches.png"
        );
    }

    #[test]
    fn writing_to_a_missing_directory_is_share_io() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("x.png");
        let error = write_file(&path, b"x").unwrap_err();
        assert_eq!(error.code(), "share.io");
        let path = dir.path().join("x.png");
        write_file(&path, b"x").unwrap();
        assert_eq!(std::fs::read(path).unwrap(), b"x");
    }
}
