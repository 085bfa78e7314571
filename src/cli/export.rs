//! `zhitu export`: the whole graph as DOT, GraphML, JSON, CSV or Cypher.

use std::path::Path;

use super::{CmdResult, ExportFormat};

pub fn export(graph: &Path, format: ExportFormat, output: &Path) -> CmdResult {
    let _ = (graph, format, output);
    Err("export is not implemented yet".into())
}
