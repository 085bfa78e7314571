//! Scoring a graph against gold annotations in the guideline's format (`zhitu eval`): precision,
//! recall and F1 of entities (untyped and typed), targets and facts, per document, per type and
//! micro-averaged. Each gold file is scored on its document's part of the graph: the nodes whose
//! `docs` hold the document (a node of several documents counts in each) and the edges with
//! evidence in it (or listing it in their `docs` attribute, where evidence was capped) — by [`score::score`], a port of the reference scorer.

pub mod gold;
pub mod score;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

pub use gold::{read_gold, Gold, GoldError};
pub use score::{DocScore, Prf, ScoreEdge, ScoreGraph, ScoreNode, TypeCount};

use crate::graph::KnowledgeGraph;
use crate::model::EntityType;

/// Scores of every document and their micro-average.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct EvalReport {
    /// Per gold file, in file order.
    pub documents: Vec<DocReport>,
    pub micro: Micro,
    /// Gold files whose document the graph does not hold (left out of the average).
    pub missing: Vec<String>,
}

/// One document's scores.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct DocReport {
    pub doc: String,
    #[serde(flatten)]
    pub score: DocScore,
}

/// Sums over documents: tp, predictions and gold counts added, then P/R/F1 computed once.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Micro {
    pub entities: Prf,
    pub entities_typed: Prf,
    pub per_type: BTreeMap<String, TypeCount>,
    pub targets: Prf,
    pub targets_loose: Prf,
    pub facts_any_edge: Option<f64>,
    pub facts_typed: Option<f64>,
    pub facts: usize,
    pub facts_any_hit: usize,
    pub facts_typed_hit: usize,
}

/// The part of `g` one document contributes, as the scorer reads it. A graph whose nodes carry
/// no `docs` at all (one made elsewhere) is taken whole.
pub fn doc_graph(g: &KnowledgeGraph, doc: &str) -> ScoreGraph {
    let whole = g
        .node_ids()
        .all(|id| g.node(id).is_none_or(|n| n.docs.is_empty()));
    let mut nodes = Vec::new();
    let mut keep = std::collections::HashSet::new();
    for id in g.node_ids() {
        let Some(n) = g.node(id) else { continue };
        if !whole && !n.docs.iter().any(|d| &**d == doc) {
            continue;
        }
        keep.insert(id);
        let attr = |k: &str| n.attrs.get(k).cloned().unwrap_or(Value::Null);
        let kind = match (n.kind, n.attrs.get("type_label")) {
            (EntityType::Unknown, Some(Value::String(s))) => s.clone(),
            (k, _) => k.as_str().to_string(),
        };
        nodes.push(ScoreNode {
            id: id.0 as usize,
            name: n.name.clone(),
            kind,
            aliases: n.aliases.clone(),
            metric: attr("metric"),
            value: attr("value"),
            unit: attr("unit"),
            year: attr("year"),
        });
    }
    let mut edges = Vec::new();
    for id in g.edge_ids() {
        let (Some(e), Some((s, t))) = (g.edge(id), g.endpoints(id)) else {
            continue;
        };
        let here = whole
            || e.evidence.iter().any(|ev| &*ev.doc == doc)
            || e.docs.iter().any(|d| &**d == doc);
        if here && keep.contains(&s) && keep.contains(&t) {
            edges.push(ScoreEdge {
                source: s.0 as usize,
                target: t.0 as usize,
                relation: e.relation.as_str().to_string(),
            });
        }
    }
    ScoreGraph { nodes, edges }
}

/// The graph's document matching a gold file's `doc`: the same id, or the same file stem. A
/// graph without a document list offers the documents its nodes name.
fn find_doc<'a>(g: &'a KnowledgeGraph, doc: &str) -> Option<&'a str> {
    let stem = |s: &str| {
        std::path::Path::new(s)
            .file_stem()
            .map(|x| x.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let ids: Vec<&str> = if g.documents().is_empty() {
        let all: std::collections::BTreeSet<&str> = g
            .node_ids()
            .filter_map(|id| g.node(id))
            .flat_map(|n| n.docs.iter().map(|d| &**d))
            .collect();
        all.into_iter().collect()
    } else {
        g.documents().iter().map(|d| d.id.as_str()).collect()
    };
    ids.iter()
        .find(|id| **id == doc)
        .or_else(|| ids.iter().find(|id| stem(id) == stem(doc)))
        .copied()
}

/// Scores `g` against every gold file, per document and micro-averaged.
///
/// # Example
/// ```
/// use zhitu::eval::{evaluate, Gold};
/// use zhitu::graph::KnowledgeGraph;
/// let gold: Gold = serde_json::from_str(r#"{"doc": "a.txt", "entities": []}"#).unwrap();
/// // One gold file and a graph that names no documents: the whole graph is scored.
/// let r = evaluate(&KnowledgeGraph::default(), &[gold]);
/// assert_eq!((r.documents.len(), r.missing.len()), (1, 0));
/// ```
pub fn evaluate(g: &KnowledgeGraph, golds: &[Gold]) -> EvalReport {
    let single = golds.len() == 1
        && g.node_ids()
            .all(|id| g.node(id).is_none_or(|n| n.docs.is_empty()));
    let mut report = EvalReport::default();
    for gold in golds {
        let doc = match find_doc(g, &gold.doc) {
            Some(d) => d.to_string(),
            None if single => gold.doc.clone(),
            None => {
                report.missing.push(gold.doc.clone());
                continue;
            }
        };
        let score = score::score(&doc_graph(g, &doc), gold);
        report.documents.push(DocReport {
            doc: gold.doc.clone(),
            score,
        });
    }
    report.micro = micro(&report.documents);
    report
}

fn micro(docs: &[DocReport]) -> Micro {
    let sum = |f: fn(&DocScore) -> &Prf| Prf::sum(docs.iter().map(|d| f(&d.score)));
    let mut per_type: BTreeMap<String, TypeCount> = BTreeMap::new();
    for d in docs {
        for (t, c) in &d.score.per_type {
            let e = per_type.entry(t.clone()).or_default();
            e.gold += c.gold;
            e.found += c.found;
            e.typed += c.typed;
        }
    }
    let facts: usize = docs.iter().map(|d| d.score.facts).sum();
    let any: usize = docs.iter().map(|d| d.score.facts_any_hit).sum();
    let typed: usize = docs.iter().map(|d| d.score.facts_typed_hit).sum();
    let ratio = |hits: usize| (facts > 0).then(|| (hits as f64 / facts as f64 * 1e4).round() / 1e4);
    Micro {
        entities: sum(|s| &s.entities),
        entities_typed: sum(|s| &s.entities_typed),
        per_type,
        targets: sum(|s| &s.targets),
        targets_loose: sum(|s| &s.targets_loose),
        facts_any_edge: ratio(any),
        facts_typed: ratio(typed),
        facts,
        facts_any_hit: any,
        facts_typed_hit: typed,
    }
}
