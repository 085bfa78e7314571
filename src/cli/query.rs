//! `zhitu repl`, `zhitu query` and `zhitu run`: opening a graph (never the segmenter) and running
//! statements through [`crate::repl`]. Chooses the exit codes: 0 when every statement ran, 1 when
//! one failed (its error printed as `FILE:LINE:COL: message`) or the graph or a script could not
//! be read.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::graph::KnowledgeGraph;
use crate::repl::script::{self, RunOptions};

use super::{CmdResult, Format, DEFAULT_GRAPH};

/// Opens a graph; the error names the file (and line:col for malformed JSON). The default graph
/// is also looked for beside the crate, so `zhitu` works from any folder of a checkout.
fn open(path: &Path) -> Result<(KnowledgeGraph, PathBuf), String> {
    let mut path = path.to_path_buf();
    if path == Path::new(DEFAULT_GRAPH) && !path.exists() {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_GRAPH);
        if bundled.exists() {
            path = bundled;
        }
    }
    match KnowledgeGraph::load(&path) {
        Ok(g) => Ok((g, path)),
        Err(e) if !path.exists() && path.ends_with(DEFAULT_GRAPH) => Err(format!(
            "{e}\n(the bundled graph is built by: zhitu build {} -o {DEFAULT_GRAPH})",
            super::DEFAULT_CORPUS
        )),
        Err(e) => Err(e.to_string()),
    }
}

fn io_err(e: std::io::Error) -> String {
    format!("cannot write: {e}")
}

pub fn repl(graph: &Path) -> CmdResult {
    let (g, path) = open(graph)?;
    let failed = crate::repl::run(&g, &path, &mut std::io::stdout(), &mut std::io::stderr())
        .map_err(|e| e.to_string())?;
    // A piped session reports failures by its exit code; an interactive one has shown them.
    let piped = !std::io::IsTerminal::is_terminal(&std::io::stdin());
    Ok(if piped && failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn query(graph: &Path, format: Format, statement: &str) -> CmdResult {
    let (g, _) = open(graph)?;
    let opts = RunOptions {
        format,
        ..RunOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = script::run_source(&g, statement, None, opts, &mut out, &mut std::io::stderr())
        .map_err(io_err)?;
    out.flush().map_err(io_err)?;
    Ok(exit(outcome.failed))
}

pub fn run(graph: &Path, format: Format, keep_going: bool, scripts: &[PathBuf]) -> CmdResult {
    let (g, _) = open(graph)?;
    let opts = RunOptions {
        format,
        keep_going,
        timing: false,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let mut failed = 0;
    let mut printed = false;
    for file in scripts {
        let (source, name) = match read_script(file) {
            Ok(s) => s,
            Err(message) => {
                out.flush().map_err(io_err)?;
                writeln!(err, "zhitu: {message}").map_err(io_err)?;
                failed += 1;
                if keep_going {
                    continue;
                }
                break;
            }
        };
        if printed && format != Format::Json {
            writeln!(out).map_err(io_err)?;
        }
        // Errors go to stderr in order with the results: flush what came before.
        let outcome = script::run_source(&g, &source, Some(&name), opts, &mut out, &mut err)
            .map_err(io_err)?;
        out.flush().map_err(io_err)?;
        printed |= outcome.ran > 0;
        failed += outcome.failed;
        if outcome.failed > 0 && !keep_going {
            break;
        }
    }
    out.flush().map_err(io_err)?;
    Ok(exit(failed))
}

/// A script's text and the name errors give it (`-`: standard input, named `<stdin>`).
fn read_script(file: &Path) -> Result<(String, String), String> {
    if file == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        return Ok((s, "<stdin>".into()));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let source = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (byte {})",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let source = source
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(source);
    Ok((source, file.display().to_string()))
}

fn exit(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
