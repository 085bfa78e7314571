//! Resolution: merging mentions into entities — one node per real-world entity within and across
//! documents (济南/济南市, 星海/星海集团, declared short forms, a user's alias registry), every
//! merge recorded in the entity's `merged_from` attribute. Targets are never merged (one node per
//! stated figure); documents get a node each. Produces plain vectors; never builds graph indices.
//!
//! Files: [`names`] (normal forms, short forms), [`votes`] (a name's type across documents),
//! `cluster` (mentions → entities), `links` (relations, MENTIONS, CO_OCCURS), [`registry`] (the
//! user's alias file).

mod cluster;
mod links;
pub mod names;
pub mod registry;
mod votes;

use std::sync::{Arc, LazyLock};

use indexmap::IndexMap;
use serde_json::Value;

pub use links::{MAX_COOCCURRENCE_EVIDENCE, MAX_EVIDENCE};
pub use names::{company_base, normalise, place_base, trade_base};
pub use registry::{AliasError, AliasRegistry};

use crate::extract::{DocExtraction, TargetMention};
use crate::ingest::Document;
use crate::model::{EntityType, RelationType};

/// Where an edge comes from: document, sentence, byte span, and the sentence text (left out of
/// MENTIONS evidence, which points at a first mention). The text is shared: every edge a build
/// draws from one sentence holds the same copy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    pub doc: Arc<str>,
    pub sentence: usize,
    pub span: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Arc<str>>,
}

/// One resolved entity (or target, or document).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityType,
    /// Other surface forms, sorted.
    pub aliases: Vec<String>,
    /// Ids of the documents it appears in, sorted.
    pub docs: Vec<Arc<str>>,
    /// Years it appears in, sorted.
    pub years: Vec<i32>,
    /// Type-specific attributes (a Target: metric, value, unit, year, comparator, text; a merged
    /// entity: `merged_from`, a list of `{"forms": [a, b], "reason": …}`).
    pub attrs: IndexMap<String, serde_json::Value>,
}

/// One resolved edge, its evidence merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub source: usize,
    pub relation: RelationType,
    pub target: usize,
    pub confidence: f32,
    /// How often it was stated (CO_OCCURS: sentences in common).
    pub weight: u32,
    /// The first few pieces of evidence (at most [`MAX_EVIDENCE`]).
    pub evidence: Vec<Evidence>,
    /// Every document that states it, in document order, where the (capped) evidence leaves
    /// some out; empty when the evidence names them all.
    pub docs: Vec<Arc<str>>,
}

/// The resolved contents of a build, ready for `graph`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub links: Vec<Link>,
}

/// Merges every document's extraction into entities and links. `extractions[i]` belongs to
/// `docs[i]`. The result depends only on its inputs and their order (no hash order leaks):
/// entities sorted by type, first appearance and name, then targets in document order, then one
/// node per document.
///
/// # Complexity
/// O(m log m) in the number of mentions, plus the pairs of entities sharing a sentence.
pub fn resolve(
    docs: &[Document],
    extractions: &[DocExtraction],
    registry: &AliasRegistry,
) -> Resolved {
    let n = docs.len().min(extractions.len());
    let (docs, extractions) = (&docs[..n], &extractions[..n]);
    let ids = doc_ids(docs);
    let clusters = cluster::cluster(docs, &ids, extractions, registry);
    let (mut entities, links) = links_of(docs, &ids, extractions, clusters);
    for ((doc, id), ex) in docs.iter().zip(&ids).zip(extractions) {
        entities.extend(
            ex.targets
                .iter()
                .cloned()
                .map(|t| target_entity(t, doc, id)),
        );
    }
    entities.extend(docs.iter().zip(&ids).map(|(d, id)| document_entity(d, id)));
    Resolved { entities, links }
}

/// [`resolve`] for a build that is done with its extractions: the same result, but the links
/// are gathered first, then the mentions, relations and the documents' texts are freed, and
/// the target nodes are made from the targets (moved, not copied), so the extractions and the
/// resolved graph are never held whole at once.
pub fn resolve_owned(
    mut docs: Vec<Document>,
    mut extractions: Vec<DocExtraction>,
    registry: &AliasRegistry,
) -> Resolved {
    let n = docs.len().min(extractions.len());
    extractions.truncate(n);
    docs.truncate(n);
    let ids = doc_ids(&docs);
    let clusters = cluster::cluster(&docs, &ids, &extractions, registry);
    for ex in &mut extractions {
        // Names are merged: only places and spans are left to read.
        ex.mentions.iter_mut().for_each(|m| m.name = String::new());
        ex.aliases = Vec::new();
    }
    let (mut entities, links) = links_of(&docs, &ids, &extractions, clusters);
    for d in &mut docs {
        d.text = String::new();
        d.sentences = Vec::new();
    }
    // Only the targets are left to read.
    for ex in &mut extractions {
        ex.mentions = Vec::new();
        ex.relations = Vec::new();
    }
    let targets: usize = extractions.iter().map(|ex| ex.targets.len()).sum();
    entities.reserve_exact(targets + n);
    for ((doc, id), ex) in docs.iter().zip(&ids).zip(extractions) {
        let DocExtraction { targets, .. } = ex;
        entities.extend(targets.into_iter().map(|t| target_entity(t, doc, id)));
    }
    entities.extend(docs.iter().zip(&ids).map(|(d, id)| document_entity(d, id)));
    Resolved { entities, links }
}

/// The merged entities (targets and documents not yet added) and every link. Node ids are
/// fixed ahead: targets follow the entities in document order, then one node per document.
fn links_of(
    docs: &[Document],
    doc_id: &[Arc<str>],
    extractions: &[DocExtraction],
    clusters: cluster::Clusters,
) -> (Vec<Entity>, Vec<Link>) {
    let mut next = clusters.entities.len();
    let mut target_ids = Vec::with_capacity(docs.len());
    for ex in extractions {
        target_ids.push((next..next + ex.targets.len()).collect::<Vec<_>>());
        next += ex.targets.len();
    }
    let doc_ids: Vec<usize> = (next..next + docs.len()).collect();
    let links = links::links(
        docs,
        extractions,
        &links::Ids {
            mention: &clusters.of_mention,
            target: &target_ids,
            document: &doc_ids,
            doc_id,
        },
    );
    (clusters.entities, links)
}

/// Each document's id, made once and shared by everything that cites the document.
fn doc_ids(docs: &[Document]) -> Vec<Arc<str>> {
    docs.iter().map(|d| Arc::from(d.id.as_str())).collect()
}

/// A target's attributes, as the guideline names them, in order (values filled per target).
static TARGET_ATTRS: LazyLock<IndexMap<String, Value>> = LazyLock::new(|| {
    ["metric", "value", "unit", "year", "comparator", "text"]
        .into_iter()
        .map(|k| (k.to_string(), Value::Null))
        .collect()
});

/// A target's node: never merged with another; its attributes as the guideline names them.
fn target_entity(t: TargetMention, doc: &Document, id: &Arc<str>) -> Entity {
    let name = t.display_name();
    // In the order of TARGET_ATTRS: metric, value, unit, year, comparator, text.
    let values = [
        Value::from(t.metric),
        number(t.value),
        Value::from(t.unit),
        t.year.map(Value::from).unwrap_or(Value::Null),
        t.comparator.map(Value::from).unwrap_or(Value::Null),
        Value::from(t.text),
    ];
    // The keys come from a copy of a map that has them: no key is hashed again.
    let mut attrs = TARGET_ATTRS.clone();
    for ((_, slot), v) in attrs.iter_mut().zip(values) {
        *slot = v;
    }
    Entity {
        name,
        kind: EntityType::Target,
        aliases: Vec::new(),
        docs: vec![id.clone()],
        years: t.year.or(doc.year).into_iter().collect(),
        attrs,
    }
}

/// A JSON number, written without a fraction when it has none (6000, not 6000.0).
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

fn document_entity(doc: &Document, id: &Arc<str>) -> Entity {
    let mut attrs = IndexMap::new();
    attrs.insert("title".into(), Value::from(doc.title.clone()));
    Entity {
        name: doc.id.clone(),
        kind: EntityType::Document,
        aliases: Vec::new(),
        docs: vec![id.clone()],
        years: doc.year.into_iter().collect(),
        attrs,
    }
}

#[cfg(test)]
mod tests;
