//! Running a source text (a script file, a one-shot query, a REPL entry) statement by statement:
//! parse, execute, print each result with `output` (which also writes `dot … > FILE` diagrams), and report
//! failures as `FILE:LINE:COL: message` with the line and a caret. Stops at the first failure
//! unless asked to keep going. Shared by `zhitu run`, `zhitu query`, the REPL and `:load`.

use std::io::Write;
use std::time::Instant;

use crate::output::{self, Format, RenderError};
use crate::query::{self, GraphView, QueryError, Statement};

/// How statements are run and printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    pub format: Format,
    /// Report every failure instead of stopping at the first.
    pub keep_going: bool,
    /// Print the elapsed time after each result.
    pub timing: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            format: Format::Table,
            keep_going: false,
            timing: false,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Statements that ran and printed (or wrote) their result.
    pub ran: usize,
    /// Statements that failed (syntax or execution).
    pub failed: usize,
}

/// Runs every statement of `source`: results go to `out`; rendered errors and `wrote FILE`
/// notes go to `err`. `file` names the source in error positions (`None` for typed input).
///
/// # Errors
/// Only I/O errors of `out` or `err`; statement failures are counted in the [`Outcome`].
pub fn run_source(
    graph: &dyn GraphView,
    source: &str,
    file: Option<&str>,
    opts: RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<Outcome> {
    let (statements, mut syntax) = parse(source, opts.keep_going);
    syntax.sort_by_key(|e| e.span.start);
    let mut syntax = syntax.into_iter().peekable();
    let mut outcome = Outcome::default();
    for stmt in &statements {
        // Syntax errors before this statement come first, in source order.
        while let Some(e) = syntax.next_if(|e| e.span.start < stmt.span.start) {
            put(err, &e.render(source, file))?;
            outcome.failed += 1;
        }
        let start = Instant::now();
        let result = match query::execute(graph, stmt) {
            Ok(r) => r,
            Err(e) => {
                put(err, &e.render(source, file))?;
                outcome.failed += 1;
                if opts.keep_going {
                    continue;
                }
                return Ok(outcome);
            }
        };
        if outcome.ran > 0 && opts.format != Format::Json {
            writeln!(out)?;
        }
        // A diagram that cannot be written (`dot … > FILE`) fails the statement, not the run.
        if let Err(e) = output::write_result(graph, &result, opts.format, out) {
            let Some(render) = e.get_ref().and_then(|i| i.downcast_ref::<RenderError>()) else {
                return Err(e);
            };
            let (line, col) = line_col(source, stmt.span.start);
            let at = file.map_or(format!("{line}:{col}"), |f| format!("{f}:{line}:{col}"));
            writeln!(err, "{at}: {render}")?;
            outcome.failed += 1;
            if opts.keep_going {
                continue;
            }
            return Ok(outcome);
        }
        outcome.ran += 1;
        if opts.timing {
            writeln!(out, "({})", human_duration(start.elapsed()))?;
        }
        out.flush()?;
    }
    for e in syntax {
        put(err, &e.render(source, file))?;
        outcome.failed += 1;
    }
    Ok(outcome)
}

/// Writes `text`, ending it with exactly one newline.
fn put(w: &mut dyn Write, text: &str) -> std::io::Result<()> {
    writeln!(w, "{}", text.trim_end_matches('\n'))
}

/// `12.3 ms`, `1.20 s`.
fn human_duration(d: std::time::Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// Parses `source` into the statements that parse and the syntax errors. Without `keep_going`,
/// the statements are those before the first error's line, and the errors just that first one.
/// A failing line is blanked out (byte for byte, so spans still point into `source`) and the
/// rest parsed again.
fn parse(source: &str, keep_going: bool) -> (Vec<Statement>, Vec<QueryError>) {
    let mut text = source.to_string();
    let mut errors: Vec<QueryError> = Vec::new();
    // Without keep_going: everything from this offset on is blanked.
    let mut cut: Option<usize> = None;
    // Each round blanks at least one more line, so this bounds the rounds.
    let rounds = source.lines().count() + 2;
    for _ in 0..rounds {
        match query::parse_script(&text) {
            Ok(statements) => return (statements, errors),
            Err(e) => {
                let at = line_start(source, e.span.start.min(source.len()));
                if keep_going {
                    errors.push(e.clone());
                    let end = line_end(source, e.span.start.min(source.len()));
                    if !blank(&mut text, at, end) {
                        // The error points at blank text (say, the end): blank the last line
                        // that still has text before it.
                        let Some((s, e)) = last_text_line(&text, at) else {
                            break;
                        };
                        blank(&mut text, s, e);
                    }
                } else {
                    if errors.is_empty() {
                        errors.push(e.clone());
                    }
                    let new_cut = match cut {
                        Some(c) if at >= c => line_start(source, c.saturating_sub(1)),
                        _ => at,
                    };
                    if cut == Some(new_cut) {
                        break;
                    }
                    cut = Some(new_cut);
                    let len = text.len();
                    blank(&mut text, new_cut, len);
                }
            }
        }
    }
    (Vec::new(), errors)
}

fn line_start(s: &str, at: usize) -> usize {
    s.get(..at).and_then(|h| h.rfind('\n')).map_or(0, |i| i + 1)
}

fn line_end(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(s.len(), |i| at + i)
}

/// Replaces every byte of `text[from..to]` but newlines with a space; whether anything changed.
fn blank(text: &mut String, from: usize, to: usize) -> bool {
    let (from, to) = (from.min(text.len()), to.min(text.len()));
    if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
        return false;
    }
    let blanked: String = text[from..to]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    let changed = blanked != text[from..to];
    text.replace_range(from..to, &blanked);
    changed
}

/// The last line before `before` that has text (not only spaces).
fn last_text_line(text: &str, before: usize) -> Option<(usize, usize)> {
    let head = text.get(..before.min(text.len()))?;
    let mut end = head.len();
    loop {
        let start = line_start(text, end);
        if !text[start..end].trim().is_empty() {
            return Some((start, end));
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// 1-based line and column (in characters) of byte `at`.
pub fn line_col(source: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let start = line_start(source, at);
    let line = source[..start].matches('\n').count() + 1;
    (line, source[start..at].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_keep_byte_offsets() {
        let mut t = "show 浪潮\nstats".to_string();
        assert!(blank(&mut t, 0, 11));
        assert_eq!(t.len(), "show 浪潮\nstats".len());
        assert!(t.ends_with("\nstats"));
        assert!(!blank(&mut t, 0, 11));
    }

    #[test]
    fn line_col_counts_characters() {
        let s = "show 浪潮\n  path 浪潮 -> x";
        assert_eq!(line_col(s, 0), (1, 1));
        let at = s.find("path").unwrap();
        assert_eq!(line_col(s, at), (2, 3));
        let at = s.rfind('x').unwrap();
        assert_eq!(line_col(s, at), (2, 14));
        assert_eq!(line_col(s, 1000), (2, 15));
    }

    #[test]
    fn last_text_line_skips_blank_lines() {
        let t = "stats\n   \n";
        assert_eq!(last_text_line(t, t.len()), Some((0, 5)));
        assert_eq!(last_text_line("  \n ", 4), None);
    }
}
