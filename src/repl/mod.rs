//! The interactive REPL: the rustyline loop, its helper (completion, highlighting, hints,
//! multi-line validation), `:` commands and history. Never formats results itself: statements run
//! through [`script`], which prints with `output`.
//!
//! On a terminal it is a line editor with history kept across sessions; with piped standard
//! input it reads statements line by line, with no prompt or banner. Opening the REPL never loads
//! the segmenter: it needs only the saved graph.

pub mod commands;
pub mod complete;
pub mod helper;
pub mod history;
pub mod interrupt;
pub mod scan;
pub mod script;

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use rustyline::config::Config;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Editor};

use crate::graph::KnowledgeGraph;
use crate::model::EntityType;
use crate::output::Format;

use commands::Command;
use script::RunOptions;

/// The prompt.
pub const PROMPT: &str = "知图> ";

/// What the loop does after an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Why the REPL stopped early.
#[derive(Debug, thiserror::Error)]
pub enum ReplError {
    #[error("cannot start the line editor: {0}")]
    Editor(#[from] ReadlineError),
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot read standard input (line {line}): {source}")]
    Read { line: usize, source: std::io::Error },
}

/// One REPL session over a graph: the output format, timing, and how many statements failed.
pub struct Session<'g> {
    graph: &'g KnowledgeGraph,
    pub options: RunOptions,
    /// Statements and commands that failed so far.
    pub failed: usize,
}

impl<'g> Session<'g> {
    pub fn new(graph: &'g KnowledgeGraph) -> Self {
        Session {
            graph,
            options: RunOptions::default(),
            failed: 0,
        }
    }

    /// Runs one input: a `:` command, or statements (stopping at the first failing one). Ctrl-C
    /// (once [`interrupt::install`]ed) abandons it with a note.
    ///
    /// # Errors
    /// Only I/O errors of `out` and `err`.
    pub fn eval(
        &mut self,
        input: &str,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<Flow> {
        self.eval_at(input, None, out, err)
    }

    /// As [`Session::eval`], for input that starts at line `at.1` of a source named `at.0`:
    /// errors then give that name and the line in it.
    ///
    /// # Errors
    /// Only I/O errors of `out` and `err`.
    pub fn eval_at(
        &mut self,
        input: &str,
        at: Option<(&str, usize)>,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<Flow> {
        interrupt::reset();
        let result = self.eval_inner(
            input,
            at,
            &mut interrupt::Checked(out),
            &mut interrupt::Checked(err),
        );
        match result {
            Err(e) if interrupt::is_interrupted(&e) => {
                interrupt::reset();
                self.failed += 1;
                writeln!(err, "\ninterrupted")?;
                Ok(Flow::Continue)
            }
            other => other,
        }
    }

    fn eval_inner(
        &mut self,
        input: &str,
        at: Option<(&str, usize)>,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<Flow> {
        let source = scan::join_lines(input);
        let trimmed = source.trim();
        if trimmed.is_empty() {
            return Ok(Flow::Continue);
        }
        if trimmed.starts_with(':') {
            return self.command(trimmed, out, err);
        }
        // What users type out of habit: `help`, `quit`, `exit` (no statement starts so).
        for word in ["help", "quit", "exit"] {
            if trimmed.trim_end_matches(';').eq_ignore_ascii_case(word) {
                return self.command(&format!(":{word}"), out, err);
            }
        }
        let opts = RunOptions {
            keep_going: false,
            ..self.options
        };
        // Leading newlines put the input at its line (spans shift along with it).
        let (file, source) = match at {
            Some((name, line)) => (Some(name), "\n".repeat(line.saturating_sub(1)) + &source),
            None => (None, source),
        };
        let outcome = script::run_source(self.graph, &source, file, opts, out, err)?;
        self.failed += outcome.failed;
        Ok(Flow::Continue)
    }

    fn command(
        &mut self,
        line: &str,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> std::io::Result<Flow> {
        let cmd = match commands::parse(line) {
            Ok(c) => c,
            Err(e) => {
                writeln!(err, "{e}")?;
                self.failed += 1;
                return Ok(Flow::Continue);
            }
        };
        match cmd {
            Command::Quit => return Ok(Flow::Quit),
            Command::Help(topic) => {
                write!(out, "{}", commands::help(self.graph, topic.as_deref()))?
            }
            Command::Format(Some(f)) => self.options.format = f,
            Command::Format(None) => writeln!(out, "format: {}", format_name(self.options.format))?,
            Command::Timing(Some(on)) => self.options.timing = on,
            Command::Timing(None) => writeln!(
                out,
                "timing: {}",
                if self.options.timing { "on" } else { "off" }
            )?,
            Command::Load(path) => match std::fs::read_to_string(&path) {
                Ok(source) => {
                    let name = path.display().to_string();
                    let opts = RunOptions {
                        keep_going: false,
                        ..self.options
                    };
                    let outcome =
                        script::run_source(self.graph, &source, Some(&name), opts, out, err)?;
                    self.failed += outcome.failed;
                }
                Err(e) => {
                    writeln!(err, "{}: cannot read: {e}", path.display())?;
                    self.failed += 1;
                }
            },
        }
        Ok(Flow::Continue)
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Json => "json",
        Format::Csv => "csv",
    }
}

/// The first line of a session: the graph and its counts.
pub fn banner(graph: &KnowledgeGraph, path: &Path) -> String {
    let mut entities = 0;
    let mut targets = 0;
    for id in graph.node_ids() {
        match graph.node(id).map(|n| n.kind) {
            Some(EntityType::Target) => targets += 1,
            Some(EntityType::Document) | None => {}
            Some(_) => entities += 1,
        }
    }
    format!(
        "知图 zhitu {} — {}: {}, {}, {}, {}\n\
         :help shows examples; Tab completes, Ctrl-R searches history, Ctrl-D leaves.",
        env!("CARGO_PKG_VERSION"),
        path.display(),
        count(graph.documents().len(), "document"),
        count(entities, "entity"),
        count(targets, "target"),
        count(graph.edge_count(), "relation"),
    )
}

/// `1 entity`, `2 entities`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// Runs the REPL on `graph` (opened from `path`) until `:quit`, Ctrl-D or the end of input.
/// Returns how many statements failed (a piped session exits 1 when any did).
///
/// # Errors
/// [`ReplError`] when the terminal cannot be set up or written.
pub fn run(
    graph: &KnowledgeGraph,
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, ReplError> {
    if std::io::stdin().is_terminal() {
        interactive(graph, path, out, err)
    } else {
        piped(graph, std::io::stdin().lock(), out, err)
    }
}

/// Reads statements from `input` line by line (continuing incomplete ones), with no prompt.
///
/// # Errors
/// I/O errors of reading `input` or writing.
pub fn piped(
    graph: &KnowledgeGraph,
    input: impl BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, ReplError> {
    let mut session = Session::new(graph);
    let mut pending = String::new();
    // The line the pending input starts at.
    let mut start = 1;
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|source| ReplError::Read {
            line: i + 1,
            source,
        })?;
        if pending.is_empty() {
            start = i + 1;
        } else {
            pending.push('\n');
        }
        pending.push_str(&line);
        if !scan::is_complete(&pending) {
            continue;
        }
        let flow = session.eval_at(&pending, Some(("<stdin>", start)), out, err)?;
        pending.clear();
        if flow == Flow::Quit {
            return Ok(session.failed);
        }
    }
    if !pending.trim().is_empty() {
        session.eval_at(&pending, Some(("<stdin>", start)), out, err)?;
    }
    Ok(session.failed)
}

fn interactive(
    graph: &KnowledgeGraph,
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, ReplError> {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    let config = Config::builder()
        .history_ignore_space(true)
        .history_ignore_dups(true)?
        .max_history_size(history::MAX_ENTRIES)?
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .build();
    let mut rl: Editor<helper::ZhituHelper<'_>, FileHistory> = Editor::with_config(config)?;
    rl.set_helper(Some(helper::ZhituHelper::new(graph, color)));
    let hist = history::path();
    if let Some(p) = &hist {
        if let Err(e) = history::prepare(p) {
            writeln!(
                err,
                "zhitu: history off: cannot create the folder of {}: {e}",
                p.display()
            )?;
        } else if p.exists() {
            if let Err(e) = rl.load_history(p) {
                writeln!(err, "zhitu: cannot read history {}: {e}", p.display())?;
            }
        }
    }
    writeln!(out, "{}", banner(graph, path))?;
    out.flush()?;
    let mut session = Session::new(graph);
    let mut history_warned = false;
    interrupt::install();
    loop {
        match rl.readline(PROMPT) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                rl.add_history_entry(line.as_str())?;
                if let Some(p) = &hist {
                    if let Err(e) = rl.append_history(p) {
                        if !history_warned {
                            writeln!(err, "zhitu: cannot save history {}: {e}", p.display())?;
                            history_warned = true;
                        }
                    }
                }
                let flow = if color {
                    session.eval(&line, out, &mut Red(&mut *err))?
                } else {
                    session.eval(&line, out, err)?
                };
                if flow == Flow::Quit {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(session.failed)
}

/// Writes in red: errors on a colour terminal.
struct Red<'a>(&'a mut dyn Write);

impl Write for Red<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write_all(b"\x1b[31m")?;
        self.0.write_all(buf)?;
        self.0.write_all(b"\x1b[0m")?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
