//! `zhitu eval`: scores a saved graph, or documents built in memory, against gold annotations;
//! prints a table per document, per type and micro-averaged, or the report as JSON (`--json`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CmdResult, DEFAULT_GRAPH};
use crate::eval::{self, EvalReport, Prf};
use crate::graph::KnowledgeGraph;
use crate::ingest;
use crate::pipeline;

/// What `zhitu eval` scores: a saved graph, or documents built with the user's vocabulary.
pub struct Scored<'a> {
    pub graph: Option<&'a Path>,
    pub inputs: Vec<PathBuf>,
    pub dict: Option<&'a Path>,
    pub aliases: Option<&'a Path>,
}

pub fn eval(gold: &Path, scored: Scored, json: bool) -> CmdResult {
    let Scored {
        graph,
        inputs,
        dict,
        aliases,
    } = scored;
    let golds: Vec<eval::Gold> = eval::read_gold(gold)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|(_, g)| g)
        .collect();
    let g = if inputs.is_empty() {
        let path = graph.unwrap_or(Path::new(DEFAULT_GRAPH));
        KnowledgeGraph::load(path).map_err(|e| e.to_string())?
    } else {
        let (seg, options) = super::build::vocabulary(dict, aliases)?;
        let files = ingest::collect_files(&inputs).map_err(|e| e.to_string())?;
        let built = pipeline::build(&files, &seg, &options, &|| {});
        for e in &built.skipped {
            eprintln!("zhitu: skipped {e}");
        }
        built.graph
    };
    let report = eval::evaluate(&g, &golds);
    for doc in &report.missing {
        eprintln!("zhitu: the graph has no document {doc}; its gold file is left out");
    }
    if report.documents.is_empty() {
        return Err("no gold file matches a document of the graph".into());
    }
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{}", table(&report));
    }
    Ok(ExitCode::SUCCESS)
}

fn prf(x: &Prf) -> String {
    format!("{:.3} {:.3} {:.3}", x.p, x.r, x.f1)
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

/// The report as an aligned table: one row per document, then the micro-average and the gold
/// entities found per type.
pub fn table(r: &EvalReport) -> String {
    let width = r
        .documents
        .iter()
        .map(|d| d.doc.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:width$}  {:17}  {:17}  {:17}  {:5}  {:5}",
        "document", "entities P R F1", "typed P R F1", "targets P R F1", "facts", "typed"
    );
    let mut row = |name: &str, e: &Prf, t: &Prf, g: &Prf, fa: Option<f64>, ft: Option<f64>| {
        let _ = writeln!(
            out,
            "{name:width$}  {}  {}  {}  {:5}  {:5}",
            prf(e),
            prf(t),
            prf(g),
            ratio(fa),
            ratio(ft)
        );
    };
    for d in &r.documents {
        let s = &d.score;
        row(
            &d.doc,
            &s.entities,
            &s.entities_typed,
            &s.targets,
            s.facts_any_edge,
            s.facts_typed,
        );
    }
    let m = &r.micro;
    row(
        "micro",
        &m.entities,
        &m.entities_typed,
        &m.targets,
        m.facts_any_edge,
        m.facts_typed,
    );
    let _ = writeln!(
        out,
        "\ngold entities found (any type / right type) per type:"
    );
    for (t, c) in &m.per_type {
        let _ = writeln!(
            out,
            "  {t:12} {:4} / {:4} of {:4}",
            c.found, c.typed, c.gold
        );
    }
    out
}
