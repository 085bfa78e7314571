//! The rustyline helper: Tab completion (through [`Completer`]), greyed hints (the rest of the
//! best completion, or the shape of a statement just named), syntax highlighting of keywords,
//! strings, `#ids`, types and relations, and multi-line validation (incomplete while a quote or
//! parenthesis is open or the line ends with `\`).

use std::borrow::Cow;

use rustyline::completion::{FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hint, Hinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

use crate::query::GraphView;

use super::complete::Completer;
use super::scan::{self, Kind};

const RESET: &str = "\x1b[0m";
const GREY: &str = "\x1b[90m";

/// The editor's helper for one graph.
pub struct ZhituHelper<'g> {
    completer: Completer<'g>,
    files: FilenameCompleter,
    /// Whether to colour (off for `NO_COLOR` and dumb terminals).
    pub color: bool,
}

impl<'g> ZhituHelper<'g> {
    pub fn new(graph: &'g dyn GraphView, color: bool) -> Self {
        ZhituHelper {
            completer: Completer::new(graph),
            files: FilenameCompleter::new(),
            color,
        }
    }
}

impl Helper for ZhituHelper<'_> {}

impl rustyline::completion::Completer for ZhituHelper<'_> {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        match self.completer.complete(line, pos) {
            Some((start, cands)) => Ok((
                start,
                cands
                    .into_iter()
                    .map(|c| Pair {
                        display: c.display,
                        replacement: c.replacement,
                    })
                    .collect(),
            )),
            None => self.files.complete(line, pos, ctx),
        }
    }
}

/// A hint: what is shown greyed after the cursor, and what → inserts (if anything).
pub struct ZhituHint {
    display: String,
    completion: Option<String>,
}

impl Hint for ZhituHint {
    fn display(&self) -> &str {
        &self.display
    }
    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// The shape of each statement, hinted after its keyword and a space.
const SHAPES: [(&str, &str); 9] = [
    ("show", "ENTITY"),
    (
        "neighbors",
        "ENTITY [depth N] [out|in] [type T,…] [rel R,…|all] [limit N]",
    ),
    ("path", "A -> B [all] [max N] [out|in] [rel R,…|all]"),
    (
        "find",
        "TYPE|* [where name ~ \"…\" and year = 2025] [limit N]",
    ),
    ("evidence", "A B"),
    ("stats", ""),
    ("schema", ""),
    ("docs", ""),
    ("dot", "STATEMENT > FILE.dot|.svg|.png"),
];

impl Hinter for ZhituHelper<'_> {
    type Hint = ZhituHint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<ZhituHint> {
        if pos != line.len() || line.trim().is_empty() || line.contains('\n') {
            return None;
        }
        if line.ends_with(' ') {
            let word = line.trim();
            let (_, shape) = SHAPES.iter().find(|(k, _)| k.eq_ignore_ascii_case(word))?;
            return (!shape.is_empty()).then(|| ZhituHint {
                display: (*shape).to_string(),
                completion: None,
            });
        }
        if line.trim_start().starts_with(":load") {
            return None;
        }
        let (start, cands) = self.completer.complete(line, pos)?;
        let typed = &line[start..];
        let best = cands.first()?;
        let rest = best.replacement.strip_prefix(typed)?;
        (!rest.is_empty()).then(|| ZhituHint {
            display: rest.to_string(),
            completion: Some(rest.to_string()),
        })
    }
}

/// The colour of each token kind (`None`: left as typed).
fn color_of(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Keyword => Some("\x1b[1;34m"),
        Kind::Type => Some("\x1b[36m"),
        Kind::Relation => Some("\x1b[35m"),
        Kind::Str => Some("\x1b[32m"),
        Kind::Id | Kind::Number => Some("\x1b[33m"),
        Kind::Comment => Some(GREY),
        Kind::Command => Some("\x1b[1m"),
        Kind::Word | Kind::Punct | Kind::Space => None,
    }
}

/// `line` with ANSI colours around its tokens (the same text and display width otherwise).
///
/// # Example
/// ```
/// use zhitu::repl::helper::colorize;
/// assert_eq!(colorize("show #3"), "\x1b[1;34mshow\x1b[0m \x1b[33m#3\x1b[0m");
/// ```
pub fn colorize(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for t in scan::scan(line) {
        let text = &line[t.span];
        match color_of(t.kind) {
            Some(c) => {
                out.push_str(c);
                out.push_str(text);
                out.push_str(RESET);
            }
            None => out.push_str(text),
        }
    }
    out
}

impl Highlighter for ZhituHelper<'_> {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(colorize(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if self.color && default {
            Cow::Owned(format!("\x1b[1;32m{prompt}{RESET}"))
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("{GREY}{hint}{RESET}"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.color && kind != CmdKind::MoveCursor
    }
}

impl Validator for ZhituHelper<'_> {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if scan::is_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}
