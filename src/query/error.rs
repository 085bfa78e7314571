//! Typed query errors: what went wrong as structured data ([`ErrorKind`]) plus the byte span in
//! the source. Line and column (counted in characters) and the caret under the source line are
//! worked out only when the error is rendered, at the edge ([`QueryError::render`]).

use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// One candidate of an ambiguous entity reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    /// The entity type's English name.
    pub kind: String,
    pub id: u32,
    /// What tells it apart where the name does not: a target's value, unit and year.
    pub detail: Option<String>,
}

/// What went wrong, by stage: lexing, parsing, planning (resolution against the graph).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ErrorKind {
    // ---- lexer
    #[error("unexpected character `{ch}`")]
    UnexpectedChar { ch: char },
    #[error("unterminated string: the closing quote is missing")]
    UnterminatedString,
    #[error("`#` must be followed by a node id, as in `#42`, found `{text}`")]
    BadId { text: String },
    // ---- parser
    #[error("expected {expected}, found {found}")]
    Expected { expected: String, found: String },
    #[error("expected a statement (show, neighbors, path, find, evidence, stats, schema, docs, dot), found `{found}`{}", hint(suggestion.as_deref()))]
    UnknownStatement {
        found: String,
        suggestion: Option<String>,
    },
    #[error("unexpected {found} after the end of the statement{}", trailing_hint(suggestion.as_deref()))]
    TrailingInput {
        found: String,
        /// A clause keyword the word is a likely misspelling of (`tpye` → `type`).
        suggestion: Option<String>,
    },
    #[error("`{clause}` is given twice")]
    Duplicate { clause: String },
    #[error("expression nested more than {limit} levels deep")]
    TooDeep { limit: usize },
    #[error("`{text}` is not a whole number")]
    BadInteger { text: String },
    #[error("{what} {value} is out of range ({min} to {max})")]
    OutOfRange {
        what: String,
        value: u64,
        min: u64,
        max: u64,
    },
    #[error("`dot` cannot draw another `dot`")]
    NestedDot,
    // ---- plan
    #[error(
        "unknown entity type `{name}` (one of {}, or their Chinese labels {})",
        english_types(),
        chinese_types()
    )]
    UnknownType { name: String },
    #[error(
        "unknown relation `{name}` (one of {}, or their Chinese labels)",
        relation_names()
    )]
    UnknownRelation { name: String },
    #[error("no entity named `{name}`{}", suggestions_text(suggestions))]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("`{name}` names {} entities: {}; use a full name or `#id`", candidates.len(), candidates_text(candidates))]
    AmbiguousEntity {
        name: String,
        candidates: Vec<Candidate>,
    },
    #[error("no node with id #{id} (the graph has {count} nodes)")]
    UnknownId { id: u32, count: usize },
    #[error("`dot` draws the result of show, neighbors, path, find or evidence; `{kind}` returns no part of the graph")]
    NotDrawable { kind: String },
}

fn trailing_hint(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("; did you mean `{s}`?"),
        None => " (quote a name that contains spaces, or separate statements with `;`)".into(),
    }
}

fn hint(s: Option<&str>) -> String {
    s.map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

fn english_types() -> String {
    crate::model::EntityType::ALL
        .iter()
        .filter(|t| **t != crate::model::EntityType::Unknown)
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn chinese_types() -> String {
    crate::model::EntityType::ALL
        .iter()
        .filter(|t| **t != crate::model::EntityType::Unknown)
        .map(|t| t.chinese())
        .collect::<Vec<_>>()
        .join("、")
}

fn relation_names() -> String {
    crate::model::RelationType::ALL
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn suggestions_text(s: &[String]) -> String {
    if s.is_empty() {
        " (and no similar name)".to_string()
    } else {
        format!("; closest: {}", s.join(", "))
    }
}

fn candidates_text(c: &[Candidate]) -> String {
    c.iter()
        .map(|c| match &c.detail {
            Some(d) => format!("{} ({} #{}, {d})", c.name, c.kind, c.id),
            None => format!("{} ({} #{})", c.name, c.kind, c.id),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A query error: its kind and its byte span in the source.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct QueryError {
    pub kind: ErrorKind,
    pub span: Range<usize>,
}

impl QueryError {
    pub fn new(kind: ErrorKind, span: Range<usize>) -> Self {
        QueryError { kind, span }
    }

    /// The 1-based line and column (in characters) where the error starts.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        let start = floor_char(source, self.span.start.min(source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = source[line_start..start].chars().count() + 1;
        (line, col)
    }

    /// `FILE:LINE:COL: message`, then the source line and a caret under the span (columns counted
    /// in characters; the caret placed by display width, so it sits under Chinese text).
    ///
    /// # Example
    /// ```
    /// use zhitu::query::parse_script;
    /// let src = "show 浪潮\nshow \"未闭合";
    /// let err = parse_script(src).unwrap_err();
    /// assert_eq!(
    ///     err.render(src, Some("a.kq")),
    ///     "a.kq:2:6: unterminated string: the closing quote is missing\n  show \"未闭合\n       ^^^^^^^\n"
    /// );
    /// ```
    pub fn render(&self, source: &str, file: Option<&str>) -> String {
        let (line, col) = self.line_col(source);
        let mut out = String::new();
        match file {
            Some(f) => {
                let _ = write!(out, "{f}:{line}:{col}: {}", self.kind);
            }
            None => {
                let _ = write!(out, "{line}:{col}: {}", self.kind);
            }
        }
        out.push('\n');
        let start = floor_char(source, self.span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let text = source[line_start..line_end].trim_end_matches('\r');
        let end =
            floor_char(source, self.span.end.clamp(start, line_end)).min(line_start + text.len());
        let pad: usize = source[line_start..start].chars().map(width).sum();
        let under: usize = source[start..end.max(start)].chars().map(width).sum();
        let _ = writeln!(out, "  {}", text.replace('\t', " "));
        let _ = writeln!(out, "  {}{}", " ".repeat(pad), "^".repeat(under.max(1)));
        out
    }
}

fn width(c: char) -> usize {
    if c == '\t' {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_chinese_text() {
        let src = "show 浪潮集";
        let e = QueryError::new(
            ErrorKind::UnknownEntity {
                name: "浪潮集".into(),
                suggestions: vec!["浪潮集团".into()],
            },
            5..src.len(),
        );
        assert_eq!(
            e.render(src, Some("x.kq")),
            "x.kq:1:6: no entity named `浪潮集`; closest: 浪潮集团\n  show 浪潮集\n       ^^^^^^\n"
        );
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let src = "-- 注释\nshow 济南 济南";
        let start = src.rfind("济南").unwrap();
        let e = QueryError::new(
            ErrorKind::TrailingInput {
                found: "`济南`".into(),
                suggestion: None,
            },
            start..src.len(),
        );
        assert_eq!(e.line_col(src), (2, 9));
    }

    #[test]
    fn out_of_bounds_span_does_not_panic() {
        let e = QueryError::new(ErrorKind::UnterminatedString, 100..200);
        let r = e.render("show 济", None);
        assert!(r.starts_with("1:7:"), "{r}");
    }
}
