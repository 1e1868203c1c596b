//! `multipart/form-data` with text fields only (RFC 7578), both ways: the client writes UnDosTres'
//! account form with it and the sandbox double reads it back, so the wire format lives once.
//! Files are not part of any form we send; the reader refuses them.

use std::hash::{BuildHasher, RandomState};

use crate::http::RequestBody;

/// Why a body is not the form the reader expects.
#[derive(Debug, PartialEq, Eq)]
pub enum FormError {
    /// The content type is not `multipart/form-data` with a boundary.
    NotMultipart,
    /// The parts cannot be read (no closing boundary, a part without a name, not UTF-8).
    Malformed,
    /// A part is a file upload.
    File { field: String },
}

/// The form as one body: each field a part, in the order given.
pub(crate) fn encode(fields: &[(&str, String)]) -> RequestBody {
    let boundary = boundary(fields);
    let mut bytes = Vec::new();
    for (name, value) in fields {
        bytes.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    bytes.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    RequestBody {
        content_type: format!("multipart/form-data; boundary={boundary}"),
        bytes,
    }
}

/// A boundary that occurs in no value (random, tried again in the unlikely case it does).
fn boundary(fields: &[(&str, String)]) -> String {
    let state = RandomState::new();
    (0u64..)
        .map(|n| format!("mostrador-{:016x}{:04x}", state.hash_one(n), n))
        .find(|b| !fields.iter().any(|(_, value)| value.contains(b.as_str())))
        .unwrap_or_default()
}

/// The text fields of a `multipart/form-data` body, in order, names as sent (repeats kept: the
/// caller decides whether a repeated field is an error).
pub fn decode(content_type: &str, body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    let mut params = content_type.split(';').map(str::trim);
    if !params
        .next()
        .is_some_and(|t| t.eq_ignore_ascii_case("multipart/form-data"))
    {
        return Err(FormError::NotMultipart);
    }
    let boundary = params
        .find_map(|p| {
            let (key, value) = p.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("boundary")
                .then(|| value.trim().trim_matches('"'))
        })
        .filter(|b| !b.is_empty())
        .ok_or(FormError::NotMultipart)?;
    let text = std::str::from_utf8(body).map_err(|_| FormError::Malformed)?;
    let delimiter = format!("--{boundary}");
    let mut sections = text.split(delimiter.as_str());
    // Anything before the first delimiter is a preamble and ignored.
    sections.next();
    let mut fields = Vec::new();
    for section in sections {
        if section.starts_with("--") {
            return Ok(fields);
        }
        let part = section
            .strip_prefix("\r\n")
            .and_then(|p| p.strip_suffix("\r\n"))
            .ok_or(FormError::Malformed)?;
        let (head, value) = part.split_once("\r\n\r\n").ok_or(FormError::Malformed)?;
        let name = disposition_name(head)?;
        fields.push((name, value.to_owned()));
    }
    // No closing delimiter: the body was cut.
    Err(FormError::Malformed)
}

/// The `name` of a part's `Content-Disposition: form-data; name="…"` header.
fn disposition_name(head: &str) -> Result<String, FormError> {
    let disposition = head
        .split("\r\n")
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case("content-disposition")
                .then_some(value)
        })
        .ok_or(FormError::Malformed)?;
    let mut name = None;
    let mut file = false;
    for param in disposition.split(';').map(str::trim).skip(1) {
        match param.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("name") => {
                name = Some(value.trim().trim_matches('"').to_owned());
            }
            Some((key, _)) if key.trim().eq_ignore_ascii_case("filename") => file = true,
            _ => {}
        }
    }
    let name = name.filter(|n| !n.is_empty()).ok_or(FormError::Malformed)?;
    if file {
        return Err(FormError::File { field: name });
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_encoded_decodes_to_the_same_fields() {
        let fields = [
            ("email", "ana@example.com".to_owned()),
            ("first_name", "María José".to_owned()),
            (
                "composite_balance",
                r#"{"parent":{"credit_line":10000000}}"#.to_owned(),
            ),
            ("empty", String::new()),
            ("lines", "a\r\nb".to_owned()),
        ];
        let body = encode(&fields);
        assert!(
            body.content_type
                .starts_with("multipart/form-data; boundary=")
        );
        let decoded = decode(&body.content_type, &body.bytes).unwrap();
        let expected: Vec<_> = fields
            .iter()
            .map(|(n, v)| ((*n).to_owned(), v.clone()))
            .collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn other_content_types_cut_bodies_and_files_are_refused() {
        assert_eq!(
            decode("application/json", b"{}"),
            Err(FormError::NotMultipart)
        );
        assert_eq!(
            decode("multipart/form-data", b""),
            Err(FormError::NotMultipart)
        );
        let cut = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
        assert_eq!(
            decode("multipart/form-data; boundary=b", cut.as_bytes()),
            Err(FormError::Malformed)
        );
        let file = "--b\r\nContent-Disposition: form-data; name=\"selfie\"; filename=\"x.jpg\"\r\n\
                    Content-Type: image/jpeg\r\n\r\nJPEG\r\n--b--\r\n";
        assert_eq!(
            decode("multipart/form-data; boundary=\"b\"", file.as_bytes()),
            Err(FormError::File {
                field: "selfie".into()
            })
        );
    }
}
