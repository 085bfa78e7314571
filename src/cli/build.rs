//! `zhitu build` and `zhitu stats`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::graph::KnowledgeGraph;
use crate::ingest;
use crate::pipeline::{self, BuildOptions};
use crate::segment::Segmenter;

use super::{CmdResult, DEFAULT_CORPUS};
use std::process::ExitCode;

pub fn build(
    inputs: Vec<PathBuf>,
    output: &Path,
    _dict: Option<&Path>,
    _aliases: Option<&Path>,
    quiet: bool,
) -> CmdResult {
    let start = Instant::now();
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        inputs
    };
    let files = ingest::collect_files(&inputs).map_err(|e| e.to_string())?;
    let seg = Segmenter::new();
    let built = pipeline::build(&files, &seg, &BuildOptions::default(), &|| {});
    for e in &built.skipped {
        eprintln!("zhitu: skipped {e}");
    }
    built.graph.save(output).map_err(|e| e.to_string())?;
    if !quiet {
        eprintln!(
            "{} nodes, {} edges in {:.2?}",
            built.graph.node_count(),
            built.graph.edge_count(),
            start.elapsed()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn stats(graph: &Path) -> CmdResult {
    let g = KnowledgeGraph::load(graph).map_err(|e| e.to_string())?;
    println!("{} nodes, {} edges", g.node_count(), g.edge_count());
    Ok(ExitCode::SUCCESS)
}
