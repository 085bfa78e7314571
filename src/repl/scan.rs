//! A forgiving scanner of REPL input, for what the editor needs while the user types: token
//! kinds for highlighting, the word under the cursor for completion, and whether the input is
//! complete (no open quote or parenthesis, no trailing `\`). It never fails and never panics on
//! any input; the real lexer and parser live in `query`.

use std::ops::Range;

use crate::model::{EntityType, RelationType};

/// Statement keywords: what a statement starts with.
pub const STATEMENTS: [&str; 9] = [
    "show",
    "neighbors",
    "path",
    "find",
    "evidence",
    "stats",
    "schema",
    "docs",
    "dot",
];

/// Every keyword of the language (statements and their clauses), for completion and
/// highlighting. (`query::KEYWORDS` will replace this list once the query language lands.)
pub const KEYWORDS: [&str; 21] = [
    "show",
    "neighbors",
    "path",
    "find",
    "evidence",
    "stats",
    "schema",
    "docs",
    "dot",
    "depth",
    "type",
    "rel",
    "limit",
    "out",
    "in",
    "both",
    "all",
    "max",
    "where",
    "and",
    "or",
];

/// Attributes `find … where` compares, for completion after `where`, `and`, `or`.
pub const ATTRIBUTES: [&str; 8] = [
    "name", "type", "year", "value", "unit", "metric", "doc", "degree",
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

/// Characters that end a bare word.
pub fn is_break(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '(' | ')' | ',' | ';' | '=' | '<' | '>' | '~' | '!'
        )
}

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
            (Kind::Id, run_end(input, start + 1, |c| c.is_ascii_digit()))
        } else if c == '"' || c == '\'' {
            (Kind::Str, string_end(input, start, c))
        } else if c == ':' && line_start {
            (
                Kind::Command,
                run_end(input, start + 1, |c| !c.is_whitespace()),
            )
        } else if next_is("->") {
            (Kind::Punct, start + 2)
        } else if is_break(c) {
            (Kind::Punct, start + c.len_utf8())
        } else if c.is_ascii_digit() {
            let end = run_end(input, start, |c| c.is_ascii_digit() || c == '.');
            let word_end = word_end(input, start);
            if end == word_end {
                (Kind::Number, end)
            } else {
                (Kind::Word, word_end)
            }
        } else {
            let end = word_end(input, start);
            let w = &input[start..end];
            let kind = if is_keyword(w) {
                Kind::Keyword
            } else if is_type(w) {
                Kind::Type
            } else if is_relation(w) {
                Kind::Relation
            } else {
                Kind::Word
            };
            (kind, end)
        };
        let end = end.max(start + c.len_utf8());
        line_start = match kind {
            Kind::Space => line_start || input[start..end].contains('\n'),
            Kind::Punct => &input[start..end] == ";",
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

/// The end of a bare word: up to a break char, `->` or `--`.
fn word_end(input: &str, from: usize) -> usize {
    let tail = &input[from..];
    for (i, c) in tail.char_indices() {
        if is_break(c) || (i > 0 && (tail[i..].starts_with("->") || tail[i..].starts_with("--"))) {
            return from + i;
        }
    }
    input.len()
}

/// The end of a string opened by `quote` at `from` (after the closing quote, or the input's end).
fn string_end(input: &str, from: usize, quote: char) -> usize {
    let mut escaped = false;
    for (i, c) in input[from + 1..].char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return from + 1 + i + c.len_utf8();
        }
    }
    input.len()
}

/// What is open at the end of `input`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Open {
    quote: Option<char>,
    parens: usize,
}

fn open_at_end(input: &str) -> Open {
    let mut open = Open::default();
    let mut chars = input.chars().peekable();
    let mut escaped = false;
    while let Some(c) = chars.next() {
        if let Some(q) = open.quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                open.quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => open.quote = Some(c),
            '(' => open.parens += 1,
            ')' => open.parens = open.parens.saturating_sub(1),
            '-' if chars.peek() == Some(&'-') => skip_line(&mut chars),
            '#' if !chars.peek().is_some_and(char::is_ascii_digit) => skip_line(&mut chars),
            _ => {}
        }
    }
    open
}

fn skip_line(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if c == '\n' {
            break;
        }
    }
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
    let open = open_at_end(input);
    open.quote.is_none() && open.parens == 0 && !input.trim_end().ends_with('\\')
}

/// Joins a multi-line input into what the parser reads, byte for byte the same length (so error
/// spans still point into the typed text): each `\` + newline becomes two spaces, and newlines
/// inside an open parenthesis become spaces.
///
/// # Example
/// ```
/// use zhitu::repl::scan::join_lines;
/// assert_eq!(join_lines("neighbors 浪潮 \\\n depth 2"), "neighbors 浪潮    depth 2");
/// assert_eq!(join_lines("stats\ndocs"), "stats\ndocs");
/// ```
pub fn join_lines(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut quote: Option<char> = None;
    let mut parens = 0usize;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'\n') => {
                chars.next();
                out.push_str("  ");
                continue;
            }
            '\\' if chars.peek() == Some(&'\r') => {
                chars.next();
                out.push_str("  ");
                if chars.peek() == Some(&'\n') {
                    chars.next();
                    out.push(' ');
                }
                continue;
            }
            '\n' if parens > 0 || quote.is_some() => {
                out.push(' ');
                continue;
            }
            _ => {}
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' => parens += 1,
                ')' => parens = parens.saturating_sub(1),
                _ => {}
            },
        }
        out.push(c);
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
        assert!(!is_complete("show 'a"));
        assert!(!is_complete("find Place where (a\nor b"));
        assert!(is_complete("find Place where (a\nor b)"));
        assert!(is_complete("show #3 # comment ("));
    }

    #[test]
    fn join_lines_keeps_byte_length() {
        let s = "find Place where (name ~ \"a\"\n or year = 2025)\nstats";
        let j = join_lines(s);
        assert_eq!(j.len(), s.len());
        assert_eq!(j.lines().count(), 2);
    }
}
