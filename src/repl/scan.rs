//! A forgiving scanner of REPL input, for what the editor needs while the user types: token
//! kinds for highlighting, the word under the cursor for completion, and whether the input is
//! complete (no open quote or parenthesis, no trailing `\`). It never fails and never panics on
//! any input; the real lexer and parser live in `query`.

use std::ops::Range;

use crate::model::{EntityType, RelationType};

/// Statement keywords: what a statement starts with.
pub use crate::query::STATEMENTS;

/// Every keyword of the language (statements and their clauses).
pub use crate::query::KEYWORDS;

/// Fields `find … where` compares, for completion after `where`, `and`, `or` (any other word
/// names a node attribute).
pub const ATTRIBUTES: [&str; 10] = [
    "name",
    "alias",
    "type",
    "id",
    "doc",
    "year",
    "value",
    "unit",
    "metric",
    "comparator",
];

/// What a token is, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keyword,
    Type,
    Relation,
    Str,
    Id,
    Number,
    Comment,
    /// A `:` command such as `:help`.
    Command,
    Word,
    Punct,
    Space,
}

/// One token: its kind and byte span in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// What the query lexer reads as a bare word.
pub use crate::query::lexer::{is_word_char, is_word_start};

/// Whether `word` is a keyword (ASCII case-insensitive).
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Whether `word` names an entity type: English (any case) or Chinese, not `Unknown`.
pub fn is_type(word: &str) -> bool {
    matches!(EntityType::parse(word), Some(t) if t != EntityType::Unknown)
}

/// Whether `word` names a relation (`LOCATED_IN`, `located_in`, or its Chinese label).
pub fn is_relation(word: &str) -> bool {
    RelationType::parse(word).is_some()
}

/// Splits `input` into tokens covering it entirely (spans are contiguous and on char boundaries).
///
/// # Example
/// ```
/// use zhitu::repl::scan::{scan, Kind};
/// let kinds: Vec<Kind> = scan("show #3").into_iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [Kind::Keyword, Kind::Space, Kind::Id]);
/// ```
pub fn scan(input: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut rest = input.char_indices().peekable();
    let mut line_start = true;
    while let Some(&(start, c)) = rest.peek() {
        let next_is = |s: &str| input[start..].starts_with(s);
        let (kind, end) = if c.is_whitespace() {
            (Kind::Space, run_end(input, start, char::is_whitespace))
        } else if next_is("--") || (c == '#' && !next_digit(input, start + 1)) {
            (
                Kind::Comment,
                input[start..].find('\n').map_or(input.len(), |i| start + i),
            )
        } else if c == '#' {
            (Kind::Id, word_end(input, start + 1))
        } else if c == '"' {
            (Kind::Str, string_end(input, start, '"', '"'))
        } else if c == '“' {
            (Kind::Str, string_end(input, start, '“', '”'))
        } else if c == ':' && line_start {
            (
                Kind::Command,
                run_end(input, start + 1, |c| !c.is_whitespace()),
            )
        } else if next_is("->") {
            (Kind::Punct, start + 2)
        } else if is_word_start(c) || (c == '-' && next_digit(input, start + 1)) {
            let end = word_end(input, start + c.len_utf8());
            let w = &input[start..end];
            let kind = if w.parse::<f64>().is_ok() {
                Kind::Number
            } else if is_keyword(w) {
                Kind::Keyword
            } else if is_type(w) {
                Kind::Type
            } else if is_relation(w) {
                Kind::Relation
            } else {
                Kind::Word
            };
            (kind, end)
        } else {
            (Kind::Punct, start + c.len_utf8())
        };
        let end = end.max(start + c.len_utf8());
        line_start = match kind {
            Kind::Space => line_start || input[start..end].contains('\n'),
            Kind::Punct => matches!(&input[start..end], ";" | "；"),
            _ => false,
        };
        toks.push(Tok {
            kind,
            span: start..end,
        });
        while rest.peek().is_some_and(|&(i, _)| i < end) {
            rest.next();
        }
    }
    toks
}

fn next_digit(input: &str, at: usize) -> bool {
    input
        .get(at..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_ascii_digit())
}

/// The end of the run of chars satisfying `f` from `from`.
fn run_end(input: &str, from: usize, f: impl Fn(char) -> bool) -> usize {
    let Some(tail) = input.get(from..) else {
        return input.len();
    };
    tail.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(input.len(), |(i, _)| from + i)
}

/// The end of a bare word continuing at `from`: up to a char that cannot continue a word, `->`
/// or `--`.
fn word_end(input: &str, from: usize) -> usize {
    let Some(tail) = input.get(from..) else {
        return input.len();
    };
    for (i, c) in tail.char_indices() {
        let arrow_or_comment =
            c == '-' && (tail[i..].starts_with("->") || tail[i..].starts_with("--"));
        if !is_word_char(c) || arrow_or_comment {
            return from + i;
        }
    }
    input.len()
}

/// The end of a string opened at `from` (after the closing quote, or the input's end). Only
/// `"…"` strings have escapes.
fn string_end(input: &str, from: usize, open: char, close: char) -> usize {
    let mut escaped = false;
    let body = from + open.len_utf8();
    for (i, c) in input[body..].char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' && open == '"' {
            escaped = true;
        } else if c == close {
            return body + i + c.len_utf8();
        }
    }
    input.len()
}

/// Whether a string token (`"…"` or `“…”`) is closed.
pub fn closed(text: &str) -> bool {
    let Some(open) = text.chars().next() else {
        return true;
    };
    let close = if open == '“' { '”' } else { '"' };
    let body = &text[open.len_utf8()..];
    if !body.ends_with(close) {
        return false;
    }
    if open != '"' {
        return true;
    }
    // `"…\"` is closed, `"…\"` with an odd run of backslashes before the quote is not.
    let inner = &body[..body.len() - 1];
    inner.chars().rev().take_while(|&c| c == '\\').count() % 2 == 0
}

/// Whether `input` is ready to run: no quote or parenthesis left open and no trailing `\`.
///
/// # Example
/// ```
/// use zhitu::repl::scan::is_complete;
/// assert!(is_complete("show 浪潮"));
/// assert!(!is_complete("find Enterprise where name ~ \"制"));
/// assert!(!is_complete("neighbors 浪潮 \\"));
/// assert!(!is_complete("find Place where (year = 2025"));
/// ```
pub fn is_complete(input: &str) -> bool {
    !input.trim_end().ends_with('\\') && crate::query::is_complete(&join_lines(input))
}

/// Joins a multi-line input into what the parser reads, byte for byte the same length (so error
/// spans still point into the typed text): each `\` ending a line becomes a space, as does the
/// newline after it.
///
/// # Example
/// ```
/// use zhitu::repl::scan::join_lines;
/// assert_eq!(join_lines("neighbors 浪潮 \\\n depth 2"), "neighbors 浪潮    depth 2");
/// assert_eq!(join_lines("stats\ndocs"), "stats\ndocs");
/// ```
pub fn join_lines(input: &str) -> String {
    let toks = scan(input);
    let mut out = String::with_capacity(input.len());
    for (i, t) in toks.iter().enumerate() {
        let text = &input[t.span.clone()];
        let next_breaks = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Space
                && input[n.span.clone()]
                    .trim_start_matches([' ', '\t', '\r'])
                    .starts_with('\n')
        });
        let prev_was_backslash =
            i > 0 && &input[toks[i - 1].span.clone()] == "\\" && t.kind == Kind::Space;
        if text == "\\" && next_breaks {
            out.push(' ');
        } else if prev_was_backslash {
            // Only the first line break after the backslash is joined.
            let mut joined = false;
            for c in text.chars() {
                if !joined && matches!(c, '\n' | '\r') {
                    out.push(' ');
                    joined |= c == '\n';
                } else {
                    out.push(c);
                }
            }
        } else {
            out.push_str(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        scan(s)
            .into_iter()
            .map(|t| (t.kind, &s[t.span]))
            .filter(|(k, _)| *k != Kind::Space)
            .collect()
    }

    #[test]
    fn scans_a_statement_with_chinese_names_and_types() {
        assert_eq!(
            kinds("neighbors 浪潮 depth 2 type 企业,Project rel develops"),
            [
                (Kind::Keyword, "neighbors"),
                (Kind::Word, "浪潮"),
                (Kind::Keyword, "depth"),
                (Kind::Number, "2"),
                (Kind::Keyword, "type"),
                (Kind::Type, "企业"),
                (Kind::Punct, ","),
                (Kind::Type, "Project"),
                (Kind::Keyword, "rel"),
                (Kind::Relation, "develops"),
            ]
        );
    }

    #[test]
    fn scans_strings_ids_comments_arrows_and_commands() {
        assert_eq!(
            kinds("path #3 -> \"济南 市\" -- why"),
            [
                (Kind::Keyword, "path"),
                (Kind::Id, "#3"),
                (Kind::Punct, "->"),
                (Kind::Str, "\"济南 市\""),
                (Kind::Comment, "-- why"),
            ]
        );
        assert_eq!(
            kinds(":load a.kq"),
            [(Kind::Command, ":load"), (Kind::Word, "a.kq")]
        );
        assert_eq!(kinds("# note"), [(Kind::Comment, "# note")]);
        assert_eq!(kinds("2025年"), [(Kind::Word, "2025年")]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\"", "#", "-", "->", "'\\", "：", "\u{0}", "(((", "#x", "a--b", "\"\\\"",
        ] {
            let toks = scan(s);
            let covered: usize = toks.iter().map(|t| t.span.len()).sum();
            assert_eq!(covered, s.len(), "{s:?}");
            let _ = is_complete(s);
            assert_eq!(join_lines(s).len(), s.len());
        }
    }

    #[test]
    fn completeness() {
        assert!(is_complete(""));
        assert!(is_complete("show \"a(\" -- (\""));
        assert!(!is_complete("show “a"));
        assert!(is_complete("show “a\"”"));
        assert!(!is_complete("show \"a\\\""));
        assert!(is_complete("show \"a\\\\\""));
        assert!(!is_complete("find Place where (a\nor b"));
        assert!(is_complete("find Place where (a\nor b)"));
        assert!(is_complete("show #3 # comment ("));
    }

    #[test]
    fn join_lines_keeps_byte_length() {
        let s = "find Place where (name ~ \"a\"\n or year = 2025)\nstats";
        let j = join_lines(s);
        assert_eq!(
            j, s,
            "newlines inside parentheses are the parser's business"
        );
        let s = "neighbors 浪潮 \\\r\n depth 2\nstats";
        let j = join_lines(s);
        assert_eq!(j.len(), s.len());
        assert_eq!(j.lines().count(), 2);
    }
}
