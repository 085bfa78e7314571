//! `zhitu repl`, `zhitu query` and `zhitu run`: opening a graph and running statements.

use std::path::{Path, PathBuf};

use super::{CmdResult, Format};

pub fn repl(graph: &Path) -> CmdResult {
    let _ = graph;
    Err("the REPL is not implemented yet".into())
}

pub fn query(graph: &Path, format: Format, statement: &str) -> CmdResult {
    let _ = (graph, format, statement);
    Err("query is not implemented yet".into())
}

pub fn run(graph: &Path, format: Format, keep_going: bool, scripts: &[PathBuf]) -> CmdResult {
    let _ = (graph, format, keep_going, scripts);
    Err("run is not implemented yet".into())
}
