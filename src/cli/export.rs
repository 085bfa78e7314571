//! `zhitu export`: the whole graph as DOT, GraphML, node-link JSON, CSV or Cypher, to a file
//! (written atomically) or to standard output (`-o -`). Output is deterministic: nodes and edges
//! in id order.
//!
//! CSV is two tables. To a file `OUT` they go to `OUT.nodes.csv` and `OUT.edges.csv` (a trailing
//! `.csv` of `OUT` is dropped first: `-o g.csv` writes `g.nodes.csv` and `g.edges.csv`); to
//! standard output, the nodes table, one empty line, then the edges table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CmdResult, ExportFormat};
use crate::graph::{EdgeId, KnowledgeGraph};
use crate::output::{csv, cypher, dot, graphml, render};
use crate::query::Subgraph;

/// Runs `zhitu export`.
///
/// # Errors
/// A message naming the graph or the output file that failed.
pub fn export(graph: &Path, format: ExportFormat, output: &Path) -> CmdResult {
    let g = KnowledgeGraph::load(graph).map_err(|e| e.to_string())?;
    let stdout = output == Path::new("-");
    if format == ExportFormat::Csv && !stdout {
        let (nodes, edges) = csv_paths(output);
        write_file(&nodes, |w| csv::write_graph_nodes_csv(&g, w))?;
        write_file(&edges, |w| csv::write_graph_edges_csv(&g, w))?;
        return Ok(ExitCode::SUCCESS);
    }
    let write = |w: &mut dyn Write| write_graph(&g, format, w);
    if stdout {
        let out = std::io::stdout();
        let mut w = std::io::BufWriter::new(out.lock());
        match write(&mut w).and_then(|()| w.flush()) {
            Ok(()) => {}
            // `zhitu export … -o - | head` is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(format!("cannot write to standard output: {e}")),
        }
    } else {
        write_file(output, write)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the whole graph in `format`; CSV as both tables separated by an empty line.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_graph(
    g: &KnowledgeGraph,
    format: ExportFormat,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Json => g.write_json(w),
        ExportFormat::Graphml => graphml::write_graphml(g, w),
        ExportFormat::Cypher => cypher::write_cypher(g, w),
        ExportFormat::Dot => {
            let sub = Subgraph {
                nodes: g.node_ids().collect(),
                edges: g.edge_ids().collect::<Vec<EdgeId>>(),
                focus: Vec::new(),
            };
            dot::write_dot(g, &sub, &dot::DotOptions::default(), w)
        }
        ExportFormat::Csv => {
            csv::write_graph_nodes_csv(g, w)?;
            writeln!(w)?;
            csv::write_graph_edges_csv(g, w)
        }
    }
}

/// `OUT.nodes.csv` and `OUT.edges.csv`, a trailing `.csv` of `OUT` dropped.
fn csv_paths(output: &Path) -> (PathBuf, PathBuf) {
    let s = output.as_os_str().to_string_lossy();
    let base = match s.strip_suffix(".csv").or_else(|| s.strip_suffix(".CSV")) {
        Some(b) => b.to_string(),
        None => s.into_owned(),
    };
    (
        PathBuf::from(format!("{base}.nodes.csv")),
        PathBuf::from(format!("{base}.edges.csv")),
    )
}

/// Writes a file atomically, the error naming it.
fn write_file(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    render::write_atomic(path, f).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_file_names() {
        let (n, e) = csv_paths(Path::new("out/g.csv"));
        assert_eq!(n, Path::new("out/g.nodes.csv"));
        assert_eq!(e, Path::new("out/g.edges.csv"));
        assert_eq!(csv_paths(Path::new("g")).0, Path::new("g.nodes.csv"));
    }
}
