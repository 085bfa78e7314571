//! Result formatting: tables (CJK-width aware), JSON, CSV, DOT, GraphML and other exports, into
//! `impl Write`, in deterministic order. Never contains query logic.
//!
//! - [`write_result`] prints one statement's [`QueryOutput`] as a table, JSON or CSV
//!   ([`table`], [`json`], [`csv`]); the shapes are documented in `doc/OUTPUT.md`.
//! - [`dot::write_dot`] draws a [`Subgraph`](crate::query::Subgraph) as a Graphviz diagram and
//!   [`render::write_diagram`] writes it to a `.dot`, `.svg` or `.png` file.
//! - [`graphml`], [`cypher`] and [`csv::write_graph_csv`] export a whole graph.

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod render;
pub mod table;
mod text;

use std::io::Write;

use crate::query::{GraphView, QueryOutput};

pub use dot::{write_dot, DotOptions};
pub use render::{write_diagram, RenderError};
pub use text::{cell_text, wrap_label};

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// Writes one statement's result in `format`.
///
/// When the result carries an `export` path (`dot <statement> > FILE`), the subgraph is first
/// written to that file with [`render::write_diagram`] (DOT, or SVG/PNG through Graphviz by the
/// file's extension); the table and CSV formats then print a one-line note (`wrote FILE: 3 nodes,
/// 2 edges`) instead of the rows, and JSON prints its usual object with `"export"` set.
///
/// # Errors
/// Any I/O error of `w`. A diagram that cannot be written is an I/O error whose inner error is
/// the [`RenderError`] (`err.get_ref()` and `downcast_ref::<RenderError>()` recover it); its
/// message names the file and the cause.
///
/// # Example
/// ```
/// use zhitu::graph::KnowledgeGraph;
/// use zhitu::output::{write_result, Format};
/// use zhitu::query::{QueryOutput, Value};
///
/// let g = KnowledgeGraph::default();
/// let out = QueryOutput {
///     kind: "find",
///     columns: vec!["名称".into(), "n".into()],
///     rows: vec![vec![Value::Str("济南".into()), Value::Int(3)].into()],
///     ..Default::default()
/// };
/// let mut buf = Vec::new();
/// write_result(&g, &out, Format::Table, &mut buf).unwrap();
/// assert_eq!(String::from_utf8(buf).unwrap(), "名称  n\n----  -\n济南  3\n(1 row)\n");
/// ```
pub fn write_result(
    graph: &dyn GraphView,
    result: &QueryOutput,
    format: Format,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    if let Some(path) = &result.export {
        let empty = crate::query::Subgraph::default();
        let sub = result.subgraph.as_ref().unwrap_or(&empty);
        render::write_diagram(graph, sub, path).map_err(std::io::Error::other)?;
        if format != Format::Json {
            let (n, e) = dot::counts(graph, sub, &DotOptions::default());
            return writeln!(
                w,
                "wrote {}: {n} {}, {e} {}",
                path.display(),
                plural(n, "node", "nodes"),
                plural(e, "edge", "edges")
            );
        }
    }
    match format {
        Format::Table => table::write_table(graph, result, w),
        Format::Json => json::write_json(graph, result, w),
        Format::Csv => csv::write_csv(graph, result, w),
    }
}

pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
