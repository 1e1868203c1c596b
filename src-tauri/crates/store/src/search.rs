//! Shared machinery of the list screens: FTS5 match expressions from what the user typed,
//! filters as SQL fragments, and keyset pagination (the cursor is the last row's sort key and
//! rowid, so page N costs the same as page 1, unlike OFFSET).

use std::rc::Rc;

use rusqlite::ToSql;
use rusqlite::types::Value;
use rusqlite::vtab::array::Array;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

pub(crate) const DEFAULT_PAGE_SIZE: u32 = 50;
pub(crate) const MAX_PAGE_SIZE: u32 = 500;

/// Opaque position after the last row of a page; pass it back to get the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(transparent)]
pub struct Cursor(String);

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub items: Vec<T>,
    /// `None` on the last page.
    pub next: Option<Cursor>,
}

/// How a list is ordered: a SQL expression over the table alias `t`, ties broken by rowid.
pub(crate) struct Order {
    pub expr: &'static str,
    pub descending: bool,
}

impl Order {
    /// The SQL direction, and the comparison that means "after" in it (for keyset cursors).
    fn direction(&self) -> (&'static str, &'static str) {
        if self.descending {
            ("DESC", "<")
        } else {
            ("ASC", ">")
        }
    }
}

/// A searchable list: its table, its external-content FTS table and the columns selected.
pub(crate) struct Listing {
    pub table: &'static str,
    pub fts: &'static str,
    pub columns: &'static str,
}

/// A list query being assembled: `WHERE` fragments joined by AND, with their parameters.
pub(crate) struct ListQuery {
    listing: &'static Listing,
    clauses: Vec<String>,
    params: Vec<Value>,
    /// FTS5 expression of the typed text, if any.
    text: Option<String>,
}

/// Up to this many text matches, the query starts from the matches (each looked up, the few
/// sorted). Beyond, it walks the sort index against the set of matches and stops at one page: a
/// common word fills a page quickly, though building the set costs its size.
const SPARSE_MATCHES: usize = 4_000;

impl ListQuery {
    pub fn new(listing: &'static Listing, profile_id: &str) -> Self {
        Self {
            listing,
            clauses: vec!["t.profile_id = ?".into()],
            params: vec![Value::Text(profile_id.into())],
            text: None,
        }
    }

    pub fn filter(&mut self, clause: &str, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.into());
        self.params.extend(params);
    }

    /// Restricts to rows whose FTS entry matches every word typed, each as a prefix.
    pub fn text(&mut self, typed: &str) {
        self.text = match_expression(typed);
    }

    /// The text's matches in rowid order if they are fewer than [`SPARSE_MATCHES`]; `None`
    /// (after reading no more than that many) for a common word.
    fn sparse_matches(&self, conn: &Connection, expr: &str) -> Result<Option<Vec<Value>>> {
        let fts = self.listing.fts;
        let matches = conn
            .prepare_cached(&format!(
                "SELECT rowid FROM {fts} WHERE {fts} MATCH ?1 LIMIT {SPARSE_MATCHES}"
            ))?
            .query_map([expr], |r| r.get(0).map(Value::Integer))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((matches.len() < SPARSE_MATCHES).then_some(matches))
    }

    /// Runs the query for one page. The listing's columns are selected from table `t`; `map`
    /// reads them by index starting at 0.
    pub fn page<T>(
        mut self,
        conn: &Connection,
        order: &Order,
        cursor: Option<&Cursor>,
        limit: u32,
        map: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let limit = match limit {
            0 => DEFAULT_PAGE_SIZE,
            n => n.min(MAX_PAGE_SIZE),
        };
        let (direction, after) = order.direction();
        if let Some(cursor) = cursor {
            let (key, rowid) = cursor.decode()?;
            self.filter(
                &format!("({}, t.rowid) {after} (?, ?)", order.expr),
                [key, Value::Integer(rowid)],
            );
        }
        // A sparse text's matches are read once and joined as an array; a common word's set is
        // left to SQLite, which builds it once and walks the sort index until a page is full
        // (the unary + stops it from looking rows up by the set and sorting them instead).
        let mut matches: Option<Array> = None;
        if let Some(expr) = self.text.take() {
            match self.sparse_matches(conn, &expr)? {
                Some(sparse) => matches = Some(Rc::new(sparse)),
                None => {
                    let fts = self.listing.fts;
                    self.filter(
                        &format!("+t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"),
                        [Value::Text(expr)],
                    );
                }
            }
        }
        let table = self.listing.table;
        let source = if matches.is_some() {
            // CROSS JOIN keeps the array as the outer loop: look each row up, sort the few.
            format!("rarray(?) m CROSS JOIN {table} t ON t.rowid = m.value")
        } else {
            format!("{table} t")
        };
        let sql = format!(
            "SELECT {columns}, {key} AS sort_key, t.rowid FROM {source} WHERE {clauses} \
             ORDER BY {key} {direction}, t.rowid {direction} LIMIT {fetch}",
            columns = self.listing.columns,
            key = order.expr,
            clauses = self.clauses.join(" AND "),
            fetch = limit + 1,
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let key_index = stmt.column_count() - 2;
        // The array, when there is one, is the first parameter (in FROM).
        let params: Vec<&dyn ToSql> = matches
            .iter()
            .map(|m| m as &dyn ToSql)
            .chain(self.params.iter().map(|v| v as &dyn ToSql))
            .collect();
        let mut rows = stmt.query(params.as_slice())?;
        let mut items = Vec::new();
        let mut last = None;
        while let Some(row) = rows.next()? {
            if items.len() == limit as usize {
                let next = last
                    .map(|(key, rowid)| Cursor::encode(&key, rowid))
                    .transpose()?;
                return Ok(Page { items, next });
            }
            last = Some((
                row.get::<_, Value>(key_index)?,
                row.get::<_, i64>(key_index + 1)?,
            ));
            items.push(map(row)?);
        }
        Ok(Page { items, next: None })
    }
}

/// As received from the UI; validated when used.
impl From<String> for Cursor {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl Cursor {
    fn encode(key: &Value, rowid: i64) -> Result<Self> {
        match key {
            Value::Integer(n) => Ok(Self(format!("i:{rowid}:{n}"))),
            Value::Text(s) => Ok(Self(format!("t:{rowid}:{s}"))),
            _ => Err(StoreError::Invalid("sort key")),
        }
    }

    fn decode(&self) -> Result<(Value, i64)> {
        let invalid = || StoreError::Invalid("cursor");
        let mut parts = self.0.splitn(3, ':');
        let (kind, rowid, key) = (parts.next(), parts.next(), parts.next());
        let rowid = rowid.and_then(|r| r.parse().ok()).ok_or_else(invalid)?;
        let key = match (kind, key) {
            (Some("i"), Some(n)) => Value::Integer(n.parse().map_err(|_| invalid())?),
            (Some("t"), Some(s)) => Value::Text(s.into()),
            _ => return Err(invalid()),
        };
        Ok((key, rowid))
    }
}

/// Turns typed text into an FTS5 query: every word must match as a prefix. Words are split
/// like the tokenizer does (on anything not alphanumeric) and quoted, so no input can inject
/// FTS syntax. Returns `None` when nothing searchable was typed.
pub(crate) fn match_expression(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_expression_quotes_words_as_prefixes() {
        assert_eq!(
            match_expression("Pérez  ga"),
            Some("\"Pérez\"* \"ga\"*".into())
        );
        assert_eq!(
            match_expression("a\"b OR c*"),
            Some("\"a\"* \"b\"* \"OR\"* \"c\"*".into())
        );
        assert_eq!(match_expression(" -* "), None);
    }

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = Cursor::encode(&Value::Text("a:b".into()), 7).unwrap();
        assert_eq!(c.decode().unwrap(), (Value::Text("a:b".into()), 7));
        let c = Cursor::encode(&Value::Integer(-5), 9).unwrap();
        assert_eq!(c.decode().unwrap(), (Value::Integer(-5), 9));
        assert!(Cursor("x:1:2".into()).decode().is_err());
        assert!(Cursor("i:z:2".into()).decode().is_err());
    }
}
