//! A CSV file Excel and LibreOffice open as they should: UTF-8 with a byte-order mark (without
//! it, Excel reads accents as Latin-1), CRLF line endings and RFC 4180 quoting (the `csv`
//! crate's). Cells that a spreadsheet would run as a formula are neutralised.

use std::borrow::Cow;

use chrono::{DateTime, Local};
use mostrador_store::{StoreError, UnixSeconds};

use crate::preferences::Locale;

/// UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct CsvWriter {
    out: csv::Writer<Vec<u8>>,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// An empty file that starts with the byte-order mark.
    pub fn new() -> Self {
        let out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            // Records of any length, as any caller writes them; the crate checks by default.
            .flexible(true)
            .from_writer(BOM.to_vec());
        Self { out }
    }

    /// Appends one record. Writing to memory fails only on a bug in the writer.
    pub fn row<S: AsRef<str>>(
        &mut self,
        fields: impl IntoIterator<Item = S>,
    ) -> Result<(), csv::Error> {
        self.out.write_record(
            fields
                .into_iter()
                .map(|f| neutralised(f.as_ref()).into_owned()),
        )
    }

    pub fn into_bytes(self) -> Result<Vec<u8>, csv::Error> {
        self.out
            .into_inner()
            .map_err(|error| error.into_error().into())
    }
}

/// The CSV's language for a UI language tag: English for `en` and its regional variants,
/// Spanish (Mexico, the reference catalogue) for anything else.
pub fn csv_locale(tag: &str) -> Locale {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("en") {
        Locale::En
    } else {
        Locale::EsMx
    }
}

/// What the save dialog proposes for an export: `<stem>-YYYY-MM-DD.csv`, today's local date.
pub fn dated_file_name(stem: &str, now: UnixSeconds) -> String {
    let date = DateTime::from_timestamp(now, 0)
        .map(|utc| utc.with_timezone(&Local).format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    format!("{stem}-{date}.csv")
}

/// `2026-11-22 14:05` in the machine's time zone, as the UI shows times.
pub fn local_time(at: UnixSeconds) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|utc| {
            utc.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// A failure to write a CSV in memory, as the I/O error it is.
pub fn written(error: csv::Error) -> StoreError {
    std::io::Error::from(error).into()
}

/// The field with an apostrophe before it when a spreadsheet would take it for a formula (`=`,
/// `+`, `-`, `@`, a tab or a carriage return first: CSV injection, OWASP's advice). Quoting is
/// decided afterwards, on what is written.
fn neutralised(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn line(fields: &[&str]) -> String {
        let mut csv = CsvWriter::new();
        csv.row(fields).unwrap();
        String::from_utf8(csv.into_bytes().unwrap()[BOM.len()..].to_vec()).unwrap()
    }

    #[test]
    fn starts_with_a_bom_and_ends_rows_with_crlf() {
        let mut csv = CsvWriter::new();
        csv.row(["a", "b"]).unwrap();
        csv.row(["c"]).unwrap();
        assert_eq!(csv.into_bytes().unwrap(), b"\xEF\xBB\xBFa,b\r\nc\r\n");
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(
            line(&["plain", "con espacio", "añejo"]),
            "plain,con espacio,añejo\r\n"
        );
        assert_eq!(line(&["a,b"]), "\"a,b\"\r\n");
        assert_eq!(line(&["dijo \"hola\""]), "\"dijo \"\"hola\"\"\"\r\n");
        assert_eq!(line(&["dos\nlíneas"]), "\"dos\nlíneas\"\r\n");
        assert_eq!(line(&["cr\rlf"]), "\"cr\rlf\"\r\n");
        assert_eq!(line(&["", ""]), ",\r\n");
    }

    #[test]
    fn neutralises_formulas() {
        assert_eq!(line(&["=1+1"]), "'=1+1\r\n");
        assert_eq!(line(&["+52 55"]), "'+52 55\r\n");
        assert_eq!(line(&["-5"]), "'-5\r\n");
        assert_eq!(line(&["@SUM(A1)"]), "'@SUM(A1)\r\n");
        assert_eq!(line(&["\tx"]), "'\tx\r\n");
        assert_eq!(line(&["\rx"]), "\"'\rx\"\r\n");
        assert_eq!(
            line(&["=HYPERLINK(\"http://x\",\"y\")"]),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
        );
        assert_eq!(line(&["a=b", "1-2"]), "a=b,1-2\r\n");
    }
}
