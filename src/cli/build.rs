//! `zhitu build` and `zhitu stats`: reading the user's dictionary and alias registry, building
//! with a progress bar on stderr, reporting skipped files, saving atomically, and the one-line
//! summary (documents, entities by type, relations by type, time taken).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{CmdResult, DEFAULT_CORPUS};
use crate::extract::Lexicon;
use crate::graph::{GraphStats, KnowledgeGraph};
use crate::ingest;
use crate::model::EntityType;
use crate::pipeline::{self, BuildOptions};
use crate::resolve::AliasRegistry;
use crate::segment::Segmenter;

/// Inputs above this many documents get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_DOCS: usize = 3;

pub fn build(
    inputs: Vec<PathBuf>,
    output: &Path,
    dict: Option<&Path>,
    aliases: Option<&Path>,
    quiet: bool,
) -> CmdResult {
    let start = Instant::now();
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        inputs
    };
    for p in &inputs {
        if !p.exists() {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    let (seg, options) = vocabulary(dict, aliases)?;
    let files = ingest::collect_files(&inputs).map_err(|e| e.to_string())?;
    if files.is_empty() {
        return Err(format!(
            "no documents (.txt, .html, .htm) in {}",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let bar = progress_bar(files.len(), quiet);
    let built = pipeline::build(&files, &seg, &options, &|| bar.inc(1));
    bar.finish_and_clear();
    for e in &built.skipped {
        eprintln!("zhitu: skipped {e}");
    }
    built.graph.save(output).map_err(|e| e.to_string())?;
    if !quiet {
        eprintln!(
            "{}: {} in {}",
            output.display(),
            summary(&built.graph.stats()),
            seconds(start.elapsed())
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn stats(graph: &Path) -> CmdResult {
    let g = KnowledgeGraph::load(graph).map_err(|e| e.to_string())?;
    println!("{}: {}", graph.display(), summary(&g.stats()));
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len <= PROGRESS_MIN_DOCS || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} extracting {pos}/{len} documents {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// `5 documents, 412 entities (Place 40, Enterprise 60, …), 800 relations (LOCATED_IN 30, …)`:
/// entities are every node but documents; relations every edge.
pub fn summary(s: &GraphStats) -> String {
    let entities: Vec<String> = s
        .nodes_by_type
        .iter()
        .filter(|(k, _)| *k != EntityType::Document)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let n_entities: usize = s
        .nodes_by_type
        .iter()
        .filter(|(k, _)| *k != EntityType::Document)
        .map(|(_, n)| n)
        .sum();
    let relations: Vec<String> = s
        .edges_by_relation
        .iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect();
    format!(
        "{} document{}, {} entit{}{}, {} relation{}{}",
        s.documents,
        if s.documents == 1 { "" } else { "s" },
        n_entities,
        if n_entities == 1 { "y" } else { "ies" },
        parenthesised(&entities),
        s.edges,
        if s.edges == 1 { "" } else { "s" },
        parenthesised(&relations)
    )
}

fn parenthesised(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(" ({})", items.join(", "))
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.2}s", d.as_secs_f64())
}

/// The segmenter and build options with a user's dictionary (`--dict`) and alias registry
/// (`--aliases`) applied.
///
/// # Errors
/// The file that could not be read or parsed, and where.
pub fn vocabulary(
    dict: Option<&Path>,
    aliases: Option<&Path>,
) -> Result<(Segmenter, BuildOptions), String> {
    let mut seg = Segmenter::new();
    let mut lexicon = Lexicon::default();
    if let Some(path) = dict {
        pipeline::apply_user_dict(path, &mut seg, &mut lexicon).map_err(|e| e.to_string())?;
    }
    let aliases = match aliases {
        Some(path) => AliasRegistry::from_file(path).map_err(|e| e.to_string())?,
        None => AliasRegistry::default(),
    };
    Ok((seg, BuildOptions { lexicon, aliases }))
}
