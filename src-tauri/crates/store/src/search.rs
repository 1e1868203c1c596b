//! Shared machinery of the list screens: FTS5 match expressions from what the user typed,
//! filters as SQL fragments, and keyset pagination (the cursor is a row's sort key and rowid, so
//! page N costs the same as page 1, unlike OFFSET). Pages can be read in both directions, so a
//! screen can keep a bounded window of pages as its view moves through a long list.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::rc::Rc;

use rusqlite::ToSql;
use rusqlite::types::Value;
use rusqlite::vtab::array::Array;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

pub(crate) const DEFAULT_PAGE_SIZE: u32 = 50;
pub(crate) const MAX_PAGE_SIZE: u32 = 500;

/// Opaque position beside a row of a page: after its last row (`next`) or before its first
/// (`previous`); pass it back to get the page that follows or precedes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(transparent)]
pub struct Cursor(String);

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub items: Vec<T>,
    /// `None` on the last page.
    pub next: Option<Cursor>,
    /// `None` on the first page.
    pub previous: Option<Cursor>,
}

/// How a list is ordered: a SQL expression over the table alias `t`, ties broken by rowid.
#[derive(Clone, Copy)]
pub(crate) struct Order {
    pub expr: &'static str,
    pub descending: bool,
    /// Rows are inserted about in this order (creation time: `Writer::upsert_links` writes each
    /// batch oldest first), so a common word's pages can be read from the search index in
    /// rowid order; see [`ListQuery::rowid_walk`].
    pub follows_rowid: bool,
}

impl Order {
    /// The same order read from its end: a page before a row is the page after it in this one.
    fn reversed(self) -> Self {
        Self {
            descending: !self.descending,
            ..self
        }
    }

    /// The SQL direction, and the comparisons that mean "after" and "before" in it.
    fn direction(&self) -> (&'static str, &'static str, &'static str) {
        sql_direction(self.descending)
    }

    /// Sorts rows of a page in this order and keeps the first `keep`.
    fn merge<T>(
        &self,
        mut rows: Vec<Ranked<T>>,
        more: Vec<Ranked<T>>,
        keep: usize,
    ) -> Vec<Ranked<T>> {
        rows.extend(more);
        rows.sort_by(|a, b| {
            let ascending = compare_keys(&a.key, &b.key).then(a.rowid.cmp(&b.rowid));
            if self.descending {
                ascending.reverse()
            } else {
                ascending
            }
        });
        rows.truncate(keep);
        rows
    }
}

/// A descending order or not, as SQL: its direction, and the comparisons that mean "after" and
/// "before" in it.
fn sql_direction(descending: bool) -> (&'static str, &'static str, &'static str) {
    if descending {
        ("DESC", "<", ">")
    } else {
        ("ASC", ">", "<")
    }
}

/// SQLite's order of sort keys: NULL, then numbers, then text (BINARY collation).
fn compare_keys(a: &Value, b: &Value) -> Ordering {
    let class = |v: &Value| match v {
        Value::Null => 0,
        Value::Integer(_) | Value::Real(_) => 1,
        Value::Text(_) => 2,
        Value::Blob(_) => 3,
    };
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) => x.cmp(y),
        _ => class(a).cmp(&class(b)),
    }
}

/// A selected row with its place in the order.
struct Ranked<T> {
    item: T,
    key: Value,
    rowid: i64,
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
    /// Filters that an index answers with rowids alone (a range of its first column after the
    /// profile), candidates for a narrow text walk; see [`Self::narrowest`].
    narrowing: Vec<(String, Vec<Value>)>,
    /// The rowid of the cursor's row, where a page after (or before) it starts its rowid walk.
    cursor_rowid: Option<i64>,
}

/// Up to this many text matches, the query starts from the matches (each looked up, the few
/// sorted) unless a rowid walk costs less (see [`ListQuery::walk_beats_lookups`]). Beyond, it walks the
/// sort index against the set of matches and stops at one page: a common word fills a page
/// quickly, though building the set costs its size.
const SPARSE_MATCHES: usize = 4_000;

/// Sort index entries scanned for the cost of one match looked up and sorted (see
/// [`ListQuery::walk_beats_lookups`]).
const SCAN_STEPS_PER_LOOKUP: i64 = 30;

/// A rowid walk gives way to the set plan when its page would not fill within this many rows
/// looked up (a strict filter, a deep page), judged at the rate so far once it has read this
/// sample; when more rows than this sort before its page's end yet lie beyond the walk
/// (inserted out of order); or when reaching those rows means reading this many more matches.
const MAX_WALK_LOOKUPS: usize = 2_048;
const WALK_SAMPLE: usize = 256;
const MAX_STRAGGLERS: usize = 256;
const MAX_WALK_READS: usize = 8_192;

/// A filter that at most this many rows of the profile pass is narrow: a common word's walk
/// reads only the matches among them (see [`ListQuery::rowid_walk`]). Counting them reads at
/// most this many index entries, inside SQLite.
const NARROW_ROWS: i64 = 20_000;

impl ListQuery {
    pub fn new(listing: &'static Listing, profile_id: &str) -> Self {
        Self {
            listing,
            clauses: vec!["t.profile_id = ?".into()],
            params: vec![Value::Text(profile_id.into())],
            text: None,
            narrowing: Vec::new(),
            cursor_rowid: None,
        }
    }

    /// Declares that the filters imply `clause`, which an index answers alone (it reads only
    /// columns of an index that starts with the profile), so that a common word under it can
    /// be searched for among the rows that pass it when they are few. Not a filter itself: the
    /// filters stay as written, since SQLite plans `BETWEEN` and a pair of bounds differently.
    pub fn narrowed_by(&mut self, clause: &str, params: Vec<Value>) {
        self.narrowing.push((clause.into(), params));
    }

    /// The narrowing filter that the fewest rows pass, if at most [`NARROW_ROWS`] do.
    fn narrowest(&self, conn: &Connection) -> Result<Option<&(String, Vec<Value>)>> {
        let table = self.listing.table;
        let mut best: Option<(i64, &(String, Vec<Value>))> = None;
        for narrowing in &self.narrowing {
            let (clause, params) = narrowing;
            let passing: i64 = conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {table} t                      WHERE t.profile_id = ? AND {clause} LIMIT {})",
                    NARROW_ROWS + 1
                ))?
                .query_row(
                    rusqlite::params_from_iter(self.params[..1].iter().chain(params)),
                    |r| r.get(0),
                )?;
            if passing <= NARROW_ROWS && best.is_none_or(|(fewest, _)| passing < fewest) {
                best = Some((passing, narrowing));
            }
        }
        Ok(best.map(|(_, narrowing)| narrowing))
    }

    pub fn filter(&mut self, clause: &str, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.into());
        self.params.extend(params);
    }

    /// Restricts to rows whose FTS entry matches every word typed, each as a prefix.
    pub fn text(&mut self, typed: &str) {
        self.text = match_expression(typed);
    }

    /// Narrows the typed text's matches, if any, by one more FTS5 expression (a superset of
    /// what a filter lets through, which the filter itself still checks).
    pub fn narrow_text(&mut self, expr: &str) {
        if let Some(text) = &mut self.text {
            text.push_str(&format!(" AND ({expr})"));
        }
    }

    /// [`Self::text`], or the typed text as one id number without its separators (see
    /// [`id_match_expression`]).
    pub fn text_or_id(&mut self, typed: &str) {
        self.text = id_match_expression(typed);
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

    /// Whether a rowid walk costs less than looking up every one of the sparse `matches` (all
    /// of them; `None` for a common word). The walk looks up about a page of matches but its
    /// check for rows out of order scans the sort index down to the page's end: a page's worth
    /// of the table's rows per match. Measured: a match looked up and sorted costs about 3 µs,
    /// a sort index entry scanned 0.1 µs (3,900 matches of 100,000 links: 12 ms looked up, 1 ms
    /// walked; 232 of 1,000,000: 1.2 ms looked up, 19 ms walked).
    fn walk_beats_lookups(
        &self,
        conn: &Connection,
        matches: Option<&[Value]>,
        fetch: usize,
    ) -> Result<bool> {
        let Some(matches) = matches else {
            return Ok(true);
        };
        // Fewer are read whole by the walk's first batches anyway.
        if matches.len() <= 4 * fetch {
            return Ok(false);
        }
        let table = self.listing.table;
        let rows: i64 = conn
            .prepare_cached(&format!(
                // Apart, as SQLite reads each from the end of the table; together they scan it.
                "SELECT coalesce((SELECT max(rowid) FROM {table}) - (SELECT min(rowid) FROM {table}) + 1, 0)"
            ))?
            .query_row([], |r| r.get(0))?;
        let found = matches.len() as i64;
        let scanned = fetch as i64 * rows / found;
        Ok(scanned < SCAN_STEPS_PER_LOOKUP * found)
    }

    /// Runs the query for one page: the first one, or the one after or before a cursor. The
    /// listing's columns are selected from table `t`; `map` reads them by index starting at 0.
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
        } as usize;
        let position = cursor.map(Cursor::decode).transpose()?;
        let backward = position.as_ref().is_some_and(|p| p.backward);
        // A page before a row is read as the page after it in the reverse order.
        let order = if backward { order.reversed() } else { *order };
        if let Some(Position { key, rowid, .. }) = position {
            self.cursor_rowid = Some(rowid);
            let (_, after, _) = order.direction();
            self.filter(
                &format!("({}, t.rowid) {after} (?, ?)", order.expr),
                [key, Value::Integer(rowid)],
            );
        }
        // One more row than the page tells whether there is a further one.
        let rows = self.ranked(conn, &order, limit + 1, &map)?;
        into_page(rows, limit, cursor.is_some(), backward)
    }

    /// The first `fetch` rows in `order` that pass the filters and match the text, by the
    /// cheapest plan for the text.
    fn ranked<T>(
        mut self,
        conn: &Connection,
        order: &Order,
        fetch: usize,
        map: &impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<Ranked<T>>> {
        let Some(expr) = self.text.take() else {
            return self.select(conn, None, order, fetch, map);
        };
        let sparse = self.sparse_matches(conn, &expr)?;
        if order.follows_rowid
            && self.walk_beats_lookups(conn, sparse.as_deref(), fetch)?
            && let Some(rows) = self.rowid_walk(conn, &expr, order, fetch, map)?
        {
            return Ok(rows);
        }
        // A sparse text's matches are read once and the rows looked up by them.
        if let Some(sparse) = sparse {
            return self.select(conn, Some(sparse), order, fetch, map);
        }
        // A common word's set is left to SQLite, which builds it once and walks the sort index
        // until a page is full (the unary + stops it from looking rows up by the set and
        // sorting them instead).
        let fts = self.listing.fts;
        self.filter(
            &format!("+t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"),
            [Value::Text(expr)],
        );
        self.select(conn, None, order, fetch, map)
    }

    /// The first `fetch` rows in `order` that pass the filters, from the whole table or only
    /// from the rows whose rowids are `among`.
    fn select<T>(
        &self,
        conn: &Connection,
        among: Option<Vec<Value>>,
        order: &Order,
        fetch: usize,
        map: &impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<Ranked<T>>> {
        let table = self.listing.table;
        let source = if among.is_some() {
            // CROSS JOIN keeps the array as the outer loop: look each row up, sort the few.
            format!("rarray(?) m CROSS JOIN {table} t ON t.rowid = m.value")
        } else {
            format!("{table} t")
        };
        let (direction, _, _) = order.direction();
        let sql = format!(
            "SELECT {columns}, {key} AS sort_key, t.rowid FROM {source} WHERE {clauses} \
             ORDER BY {key} {direction}, t.rowid {direction} LIMIT {fetch}",
            columns = self.listing.columns,
            key = order.expr,
            clauses = self.clauses.join(" AND "),
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let key_index = stmt.column_count() - 2;
        // The array, when there is one, is the first parameter (in FROM).
        let among: Option<Array> = among.map(Rc::new);
        let params: Vec<&dyn ToSql> = among
            .iter()
            .map(|m| m as &dyn ToSql)
            .chain(self.params.iter().map(|v| v as &dyn ToSql))
            .collect();
        let rows = stmt.query_map(params.as_slice(), |row| {
            Ok(Ranked {
                item: map(row)?,
                key: row.get(key_index)?,
                rowid: row.get(key_index + 1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A common word's page in an order that follows rowids, without building the set of its
    /// matches: reads the matches in rowid order (FTS5 returns them sorted, lazily) from the
    /// cursor's row on until a page of them passes the filters. Rows inserted out of order may
    /// still sort between the cursor and that page's last row: the sort index lists them (the
    /// rows there that lie outside the rowids walked) and they are looked for by walking on past
    /// the page, or back from the cursor. `None`, and the set plan runs instead, when there are
    /// too many of those or the walk grows too long.
    fn rowid_walk<T>(
        &self,
        conn: &Connection,
        expr: &str,
        order: &Order,
        fetch: usize,
        map: &impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<Vec<Ranked<T>>>> {
        let (_, after, before) = order.direction();
        // Under a narrow filter only the matches among the rows that pass it are looked up:
        // SQLite keeps those rowids in a temporary index and skips the other matches itself
        // (the unary + keeps FTS5 from probing each of them, about 40 µs apiece).
        let narrow = self.narrowest(conn)?;
        let among = narrow.map_or_else(String::new, |(clause, _)| {
            format!(
                "AND +rowid IN (SELECT t.rowid FROM {table} t WHERE t.profile_id = ? AND {clause})",
                table = self.listing.table
            )
        });
        let expr = Value::Text(expr.into());
        let start = self.cursor_rowid.map(Value::Integer);
        // The same both ways from the start: the text, the narrow filter's, the start if any.
        let walk_params: Vec<&Value> = std::iter::once(&expr)
            .chain(
                narrow
                    .into_iter()
                    .flat_map(|(_, params)| self.params[..1].iter().chain(params)),
            )
            .chain(&start)
            .collect();
        let mut walk = self.match_walk(conn, &among, order.descending, start.is_some())?;
        let mut matches = walk.query_map(rusqlite::params_from_iter(&walk_params), |r| {
            r.get::<_, i64>(0)
        })?;
        let mut best = Vec::new();
        let mut next_batch = fetch * 2;
        let mut read = 0;
        let walked_to = loop {
            let batch = next_batch.min(MAX_WALK_LOOKUPS - read);
            let rowids: Vec<i64> = matches
                .by_ref()
                .take(batch)
                .collect::<rusqlite::Result<_>>()?;
            read += rowids.len();
            let last = rowids.last().copied();
            let exhausted = rowids.len() < batch;
            let found = self.select(
                conn,
                Some(rowids.into_iter().map(Value::Integer).collect()),
                order,
                fetch,
                map,
            )?;
            best = order.merge(best, found, fetch);
            let projected = read * fetch / best.len().max(1);
            let hopeless =
                read >= MAX_WALK_LOOKUPS || (read >= WALK_SAMPLE && projected > MAX_WALK_LOOKUPS);
            match last {
                Some(last) if !exhausted && best.len() == fetch => break Some(last),
                Some(_) if !exhausted && !hopeless => next_batch *= 2,
                Some(_) if !exhausted => return Ok(None),
                // Every match on the walk's side of the cursor was read.
                _ => break None,
            }
        };
        if walked_to.is_none() && start.is_none() {
            return Ok(Some(best));
        }
        // The rows between the cursor (in the clauses) and the page's end, when it is full,
        // that lie beyond the walk or behind its start.
        let mut clauses = self.clauses.clone();
        let mut bounds = Vec::new();
        if let Some(end) = best.last().filter(|_| best.len() == fetch) {
            clauses.push(format!("({}, t.rowid) {before} (?, ?)", order.expr));
            bounds.extend([end.key.clone(), Value::Integer(end.rowid)]);
        }
        let mut outside = Vec::new();
        for (side, rowid) in [
            (after, walked_to.map(Value::Integer)),
            (before, start.clone()),
        ] {
            if let Some(rowid) = rowid {
                outside.push(format!("+t.rowid {side} ?"));
                bounds.push(rowid);
            }
        }
        clauses.push(format!("({})", outside.join(" OR ")));
        let sql = format!(
            "SELECT t.rowid FROM {table} t WHERE {clauses} LIMIT {limit}",
            table = self.listing.table,
            clauses = clauses.join(" AND "),
            limit = MAX_STRAGGLERS + 1,
        );
        let stragglers: Vec<i64> = conn
            .prepare_cached(&sql)?
            .query_map(
                rusqlite::params_from_iter(self.params.iter().chain(&bounds)),
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        if stragglers.len() > MAX_STRAGGLERS {
            return Ok(None);
        }
        // Those behind the start lie the other way in rowid order than those beyond the walk.
        let behind = |rowid: i64| {
            self.cursor_rowid
                .is_some_and(|start| (rowid > start) == order.descending)
        };
        let (behind, beyond): (HashSet<i64>, HashSet<i64>) =
            stragglers.into_iter().partition(|&rowid| behind(rowid));
        let Some(mut matching) = matching_among(matches, &beyond, order.descending)? else {
            return Ok(None);
        };
        if !behind.is_empty() {
            let mut back = self.match_walk(conn, &among, !order.descending, true)?;
            let back_matches = back.query_map(rusqlite::params_from_iter(&walk_params), |r| {
                r.get::<_, i64>(0)
            })?;
            let Some(more) = matching_among(back_matches, &behind, !order.descending)? else {
                return Ok(None);
            };
            matching.extend(more);
        }
        if !matching.is_empty() {
            let found = self.select(conn, Some(matching), order, fetch, map)?;
            best = order.merge(best, found, fetch);
        }
        Ok(Some(best))
    }

    /// The text's matches in rowid order, descending or not, among the rows of the narrow
    /// filter when `among` names one, and past a rowid (the last parameter) when `from`.
    fn match_walk<'c>(
        &self,
        conn: &'c Connection,
        among: &str,
        descending: bool,
        from: bool,
    ) -> Result<rusqlite::CachedStatement<'c>> {
        let fts = self.listing.fts;
        let (direction, after, _) = sql_direction(descending);
        let from = if from {
            format!("AND rowid {after} ?")
        } else {
            String::new()
        };
        Ok(conn.prepare_cached(&format!(
            "SELECT rowid FROM {fts} WHERE {fts} MATCH ? {among} {from} ORDER BY rowid {direction}"
        ))?)
    }
}

/// Reads `matches` (in rowid order, `descending` or not) until past the farthest of `wanted`,
/// and returns those of `wanted` read. `None` when that means reading more than
/// [`MAX_WALK_READS`] matches.
fn matching_among(
    matches: impl Iterator<Item = rusqlite::Result<i64>>,
    wanted: &HashSet<i64>,
    descending: bool,
) -> Result<Option<Vec<Value>>> {
    let farthest = if descending {
        wanted.iter().min()
    } else {
        wanted.iter().max()
    };
    let Some(&farthest) = farthest else {
        return Ok(Some(Vec::new()));
    };
    let mut matching = Vec::new();
    for (read, rowid) in matches.enumerate() {
        if read == MAX_WALK_READS {
            return Ok(None);
        }
        let rowid = rowid?;
        if wanted.contains(&rowid) {
            matching.push(Value::Integer(rowid));
        }
        if rowid == farthest || (rowid < farthest) == descending {
            break;
        }
    }
    Ok(Some(matching))
}

/// The page: up to `limit` of `rows` (read in the page's direction, one more than `limit` when
/// a further row exists), in list order, with a cursor on each side that has rows beyond it.
/// A page read from a cursor has rows on the cursor's side: at least the cursor's own row.
fn into_page<T>(
    mut rows: Vec<Ranked<T>>,
    limit: usize,
    from_cursor: bool,
    backward: bool,
) -> Result<Page<T>> {
    let further = rows.len() > limit;
    rows.truncate(limit);
    if backward {
        rows.reverse();
    }
    let (before, after) = if backward {
        (further, from_cursor)
    } else {
        (from_cursor, further)
    };
    let cursor = |row: Option<&Ranked<T>>, backward| {
        row.map(|r| Cursor::encode(&r.key, r.rowid, backward))
            .transpose()
    };
    Ok(Page {
        next: if after {
            cursor(rows.last(), false)?
        } else {
            None
        },
        previous: if before {
            cursor(rows.first(), true)?
        } else {
            None
        },
        items: rows.into_iter().map(|r| r.item).collect(),
    })
}

/// As received from the UI; validated when used.
impl From<String> for Cursor {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// A decoded cursor: the row's sort key and rowid, and which side of it the page lies on.
#[derive(Debug, PartialEq)]
struct Position {
    key: Value,
    rowid: i64,
    backward: bool,
}

impl Cursor {
    /// Whether the page asked for lies before the cursor's row (not after it).
    pub fn is_before(&self) -> bool {
        self.0.starts_with('<')
    }

    /// A page before the row is marked by a leading `<`.
    fn encode(key: &Value, rowid: i64, backward: bool) -> Result<Self> {
        let side = if backward { "<" } else { "" };
        match key {
            Value::Integer(n) => Ok(Self(format!("{side}i:{rowid}:{n}"))),
            Value::Text(s) => Ok(Self(format!("{side}t:{rowid}:{s}"))),
            _ => Err(StoreError::Invalid("sort key")),
        }
    }

    fn decode(&self) -> Result<Position> {
        let invalid = || StoreError::Invalid("cursor");
        let (backward, rest) = match self.0.strip_prefix('<') {
            Some(rest) => (true, rest),
            None => (false, self.0.as_str()),
        };
        let mut parts = rest.splitn(3, ':');
        let (kind, rowid, key) = (parts.next(), parts.next(), parts.next());
        let rowid = rowid.and_then(|r| r.parse().ok()).ok_or_else(invalid)?;
        let key = match (kind, key) {
            (Some("i"), Some(n)) => Value::Integer(n.parse().map_err(|_| invalid())?),
            (Some("t"), Some(s)) => Value::Text(s.into()),
            _ => return Err(invalid()),
        };
        Ok(Position {
            key,
            rowid,
            backward,
        })
    }
}

/// Turns typed text into an FTS5 query: every word must match as a prefix. Words are split
/// like the tokenizer does (on anything not alphanumeric) and quoted, so no input can inject
/// FTS syntax; terms are joined by an explicit AND, which FTS5 needs next to a parenthesised
/// group. An amount written as the app shows it ("$1,234.50") is looked for as the indexed
/// amount ("1234.50") too. Returns `None` when nothing searchable was typed.
pub(crate) fn match_expression(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split_whitespace()
        .filter_map(|chunk| grouped_amount(chunk).or_else(|| prefix_words(chunk)))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// [`match_expression`], or else the typed text with its separators removed as one prefix,
/// when it looks like an id number typed in parts (`12.345.678-5`, `GODE 561231 HDFRRN09`):
/// letters and digits, at least one digit, and something between them. The index holds id
/// numbers both as written and without separators (migration 0013), so `12345678-5` finds
/// `123456785` and `123456785` finds `12.345.678-5`.
pub(crate) fn id_match_expression(typed: &str) -> Option<String> {
    let words = match_expression(typed)?;
    let compact: String = typed.chars().filter(|c| c.is_alphanumeric()).collect();
    let in_parts = typed.trim().chars().any(|c| !c.is_alphanumeric());
    if !in_parts || !compact.chars().any(|c| c.is_ascii_digit()) {
        return Some(words);
    }
    Some(format!("({words}) OR \"{compact}\"*"))
}

/// Every word of `chunk` quoted as a prefix, `None` when it has none.
fn prefix_words(chunk: &str) -> Option<String> {
    let words: Vec<String> = chunk
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

/// An amount with thousands separators as the app displays it ("$1,234.50", "$1,234", or
/// "1,23" on the way to "1,234.50"): the indexed amount (whole pesos, then centavos as a
/// prefix: "1234" AND "5"* finds 1234.50; pesos alone, exactly once the last group is complete and
/// as a prefix while it is not), or the typed numbers as words of a text (each whole but the
/// last). Positions are not indexed (detail=none), so both are ANDs of terms, not phrases.
/// `None` when `chunk` is not such an amount: text without thousands separators is searched
/// word by word, which already finds "1234.50".
fn grouped_amount(chunk: &str) -> Option<String> {
    let number = chunk.strip_prefix('$').unwrap_or(chunk);
    let (pesos, centavos) = match number.split_once('.') {
        Some((pesos, centavos)) => (pesos, Some(centavos)),
        None => (number, None),
    };
    let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let groups: Vec<&str> = pesos.split(',').collect();
    let (first, rest) = groups.split_first()?;
    let (last, middle) = rest.split_last()?;
    // While typing the last group may be short, but not once the point follows it.
    let last_lengths = if centavos.is_some() { 3..=3 } else { 1..=3 };
    let grouped = digits(first, 1..=3)
        && middle.iter().all(|g| digits(g, 3..=3))
        && digits(last, last_lengths)
        && centavos.is_none_or(|c| digits(c, 0..=2));
    if !grouped {
        return None;
    }
    let pesos = groups.concat();
    let indexed = match centavos {
        Some("") => format!("\"{pesos}\""),
        Some(centavos) => format!("\"{pesos}\" AND \"{centavos}\"*"),
        None if last.len() == 3 => format!("\"{pesos}\""),
        None => format!("\"{pesos}\"*"),
    };
    Some(format!("(({indexed}) OR ({}))", words_as_typed(number)))
}

/// The numbers of a grouped amount as separate words: whole, the last one a prefix.
fn words_as_typed(number: &str) -> String {
    let mut quoted: Vec<String> = number
        .split([',', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if let Some(last) = quoted.last_mut() {
        last.push('*');
    }
    quoted.join(" AND ")
}

/// The indexed pesos of an amount range as FTS5 terms, when a few prefixes of three digits or
/// more cover it: `[10000, 10200]` is `"100"* OR "101"* OR "10200"`. Prefixes also match longer
/// numbers (`"100"*` finds 1000), so this is a superset of the range, cheap for FTS5 to
/// intersect with a common word through its prefix indexes. `None` for a range too wide.
pub(crate) fn pesos_range_terms(lo: i64, hi: i64) -> Option<String> {
    const MAX_TERMS: usize = 12;
    const MIN_PREFIX: u32 = 3;
    if lo < 0 || hi < lo {
        return None;
    }
    let mut terms = Vec::new();
    let mut x = lo;
    while x <= hi {
        let digits = x.checked_ilog10().unwrap_or(0) + 1;
        // The widest block of numbers with x's digits that starts at x and ends by hi.
        let mut k = 0;
        while k + 1 < digits {
            let block = 10_i64.pow(k + 1);
            if x % block != 0 || x + block - 1 > hi {
                break;
            }
            k += 1;
        }
        let prefix = x / 10_i64.pow(k);
        if k > 0 && digits - k < MIN_PREFIX {
            return None;
        }
        terms.push(if k == 0 {
            format!("\"{prefix}\"")
        } else {
            format!("\"{prefix}\"*")
        });
        if terms.len() > MAX_TERMS {
            return None;
        }
        x += 10_i64.pow(k);
    }
    Some(terms.join(" OR "))
}

/// A search index whose update triggers only keep the indexed values of changed rows in a
/// `stale` table (migrations 0006 and 0007), for [`reindex_stale`] to replace before commit.
pub(crate) struct StaleIndex {
    pub fts: &'static str,
    pub stale: &'static str,
    /// The view the index is built from.
    pub source: &'static str,
    /// The indexed columns, in the same order in `stale` and `source`.
    pub columns: &'static str,
}

/// Replaces the entries of the rows changed in this transaction: deletes then inserts, each in
/// rowid order, so that FTS5 buffers them instead of flushing per row.
pub(crate) fn reindex_stale(tx: &rusqlite::Transaction<'_>, index: &StaleIndex) -> Result<()> {
    let StaleIndex {
        fts,
        stale,
        source,
        columns,
    } = index;
    let count: i64 = tx
        .prepare_cached(&format!("SELECT count(*) FROM {stale}"))?
        .query_row([], |r| r.get(0))?;
    if count == 0 {
        return Ok(());
    }
    tx.execute_batch(&format!(
        "INSERT INTO {fts} ({fts}, rowid, {columns})
         SELECT 'delete', rowid, {columns} FROM {stale} ORDER BY rowid;
         INSERT INTO {fts} (rowid, {columns})
         SELECT rowid, {columns} FROM {source}
         WHERE rowid IN (SELECT rowid FROM {stale}) ORDER BY rowid;
         DELETE FROM {stale};"
    ))?;
    tracing::debug!(index = fts, count, "reindexed changed rows");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_number_typed_in_parts_is_also_looked_for_whole() {
        assert_eq!(
            id_match_expression(" 12345678-5 "),
            Some("(\"12345678\"* AND \"5\"*) OR \"123456785\"*".into())
        );
        assert_eq!(
            id_match_expression("GODE 561231"),
            Some("(\"GODE\"* AND \"561231\"*) OR \"GODE561231\"*".into())
        );
        assert_eq!(
            id_match_expression("sofia lopez"),
            match_expression("sofia lopez")
        );
        assert_eq!(
            id_match_expression("123456785"),
            match_expression("123456785")
        );
        assert_eq!(id_match_expression(" - "), None);
    }

    #[test]
    fn match_expression_quotes_words_as_prefixes() {
        assert_eq!(
            match_expression("Pérez  ga"),
            Some("\"Pérez\"* AND \"ga\"*".into())
        );
        assert_eq!(
            match_expression("a\"b OR c*"),
            Some("\"a\"* AND \"b\"* AND \"OR\"* AND \"c\"*".into())
        );
        assert_eq!(match_expression(" -* "), None);
    }

    #[test]
    fn displayed_amounts_also_match_their_indexed_form() {
        let q = |typed: &str| match_expression(typed).unwrap_or_default();
        assert_eq!(
            q("$1,234.50"),
            r#"(("1234" AND "50"*) OR ("1" AND "234" AND "50"*))"#
        );
        assert_eq!(
            q("1,234.5"),
            r#"(("1234" AND "5"*) OR ("1" AND "234" AND "5"*))"#
        );
        assert_eq!(
            q("pastel $1,234"),
            r#""pastel"* AND (("1234") OR ("1" AND "234"*))"#
        );
        assert_eq!(q("1,23"), r#"(("123"*) OR ("1" AND "23"*))"#);
        assert_eq!(
            q("12,345,678."),
            r#"(("12345678") OR ("12" AND "345" AND "678"*))"#
        );
        // Not grouped as an amount: words as before.
        assert_eq!(q("1234.50"), r#""1234"* AND "50"*"#);
        assert_eq!(q("$1234.5"), r#""1234"* AND "5"*"#);
        for typed in [
            "1,2,3",
            "1234,5",
            "1,2345",
            "1,23.50",
            "1,234.567",
            "a,bcd",
            "1,234x",
        ] {
            assert!(!q(typed).contains(" OR "), "{typed}: {}", q(typed));
        }
        assert_eq!(match_expression("$ ,"), None);
    }

    #[test]
    fn a_narrow_pesos_range_is_covered_by_a_few_prefixes() {
        assert_eq!(
            pesos_range_terms(10_000, 10_200),
            Some(r#""100"* OR "101"* OR "10200""#.into())
        );
        assert_eq!(
            pesos_range_terms(995, 1_001),
            Some(r#""995" OR "996" OR "997" OR "998" OR "999" OR "1000" OR "1001""#.into())
        );
        assert_eq!(pesos_range_terms(7, 7), Some(r#""7""#.into()));
        // Too wide: short prefixes (no prefix index below two letters) or too many terms.
        assert_eq!(pesos_range_terms(1_000, 5_000), None);
        assert_eq!(pesos_range_terms(0, 99), None);
        assert_eq!(pesos_range_terms(10_001, 10_098), None);
        assert_eq!(pesos_range_terms(5, 4), None);
    }

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let position = |key, rowid, backward| Position {
            key,
            rowid,
            backward,
        };
        let c = Cursor::encode(&Value::Text("a:b".into()), 7, false).unwrap();
        assert_eq!(
            c.decode().unwrap(),
            position(Value::Text("a:b".into()), 7, false)
        );
        let c = Cursor::encode(&Value::Integer(-5), 9, true).unwrap();
        assert_eq!(c.decode().unwrap(), position(Value::Integer(-5), 9, true));
        assert!(Cursor("x:1:2".into()).decode().is_err());
        assert!(Cursor("i:z:2".into()).decode().is_err());
        assert!(Cursor("<<i:1:2".into()).decode().is_err());
    }
}
