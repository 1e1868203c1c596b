//! A CSV file Excel and LibreOffice open as they should: UTF-8 with a byte-order mark (without
//! it, Excel reads accents as Latin-1), CRLF line endings and RFC 4180 quoting. Cells that a
//! spreadsheet would run as a formula are neutralised.

/// UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct CsvWriter {
    out: Vec<u8>,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    /// An empty file that starts with the byte-order mark.
    pub fn new() -> Self {
        Self { out: BOM.to_vec() }
    }

    /// Appends one record.
    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            push_field(&mut self.out, field.as_ref());
        }
        self.out.extend_from_slice(b"\r\n");
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }
}

/// Quotes a field when it holds a comma, a quote or a line break (quotes doubled), after
/// prefixing an apostrophe to one a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a
/// tab or a carriage return first: CSV injection, OWASP's advice).
fn push_field(out: &mut Vec<u8>, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push(b'"');
    }
    if formula {
        out.push(b'\'');
    }
    if quoted {
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn line(fields: &[&str]) -> String {
        let mut csv = CsvWriter::new();
        csv.row(fields);
        String::from_utf8(csv.into_bytes()[BOM.len()..].to_vec()).unwrap()
    }

    #[test]
    fn starts_with_a_bom_and_ends_rows_with_crlf() {
        let mut csv = CsvWriter::new();
        csv.row(["a", "b"]);
        csv.row(["c"]);
        assert_eq!(csv.into_bytes(), b"\xEF\xBB\xBFa,b\r\nc\r\n");
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
