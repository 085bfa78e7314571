//! Resolution: merging mentions into entities — one node per real-world entity within and across
//! documents (济南/济南市, 浪潮/浪潮集团, declared short forms, a user's alias registry), every
//! merge recorded. Produces plain vectors; never builds graph indices.

use indexmap::IndexMap;

use crate::extract::{DocExtraction, Endpoint};
use crate::ingest::Document;
use crate::model::{EntityType, RelationType};

/// Where an edge comes from: document, sentence, byte span, and the sentence text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub sentence: usize,
    pub span: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One resolved entity (or target, or document).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityType,
    /// Other surface forms, sorted.
    pub aliases: Vec<String>,
    /// Ids of the documents it appears in, sorted.
    pub docs: Vec<String>,
    /// Years it appears in, sorted.
    pub years: Vec<i32>,
    /// Type-specific attributes (a Target: metric, value, unit, year, comparator, text).
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
    pub evidence: Vec<Evidence>,
}

/// The resolved contents of a build, ready for `graph`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub links: Vec<Link>,
}

/// A user's alias registry (`--aliases`): alias → canonical name.
#[derive(Debug, Clone, Default)]
pub struct AliasRegistry {
    pub canonical: IndexMap<String, String>,
}

/// Merges every document's extraction into entities and links.
pub fn resolve(
    docs: &[Document],
    extractions: &[DocExtraction],
    registry: &AliasRegistry,
) -> Resolved {
    let _ = registry;
    let mut out = Resolved::default();
    let mut index: IndexMap<(String, EntityType), usize> = IndexMap::new();
    for (doc, ex) in docs.iter().zip(extractions) {
        let doc_node = out.entities.len();
        out.entities
            .push(entity(&doc.id, EntityType::Document, doc));
        let mut ids = Vec::with_capacity(ex.mentions.len());
        for m in &ex.mentions {
            let key = (m.name.clone(), m.kind);
            let id = *index.entry(key).or_insert_with(|| {
                out.entities.push(entity(&m.name, m.kind, doc));
                out.entities.len() - 1
            });
            let e = &mut out.entities[id];
            if !e.docs.contains(&doc.id) {
                e.docs.push(doc.id.clone());
            }
            ids.push(id);
        }
        let tids: Vec<usize> = ex
            .targets
            .iter()
            .map(|t| {
                let mut e = entity(&t.text, EntityType::Target, doc);
                e.attrs.insert("metric".into(), t.metric.clone().into());
                e.attrs.insert("value".into(), t.value.into());
                e.attrs.insert("unit".into(), t.unit.clone().into());
                e.attrs.insert("year".into(), t.year.into());
                out.entities.push(e);
                out.entities.len() - 1
            })
            .collect();
        for r in &ex.relations {
            let end = |e: Endpoint| match e {
                Endpoint::Mention(i) => ids[i],
                Endpoint::Target(i) => tids[i],
                Endpoint::Document => doc_node,
            };
            out.links.push(Link {
                source: end(r.source),
                relation: r.relation,
                target: end(r.target),
                confidence: r.confidence,
                weight: 1,
                evidence: vec![Evidence {
                    doc: doc.id.clone(),
                    sentence: r.sentence,
                    span: [r.span.start, r.span.end],
                    text: Some(doc.sentence_text(r.sentence).to_string()),
                }],
            });
        }
    }
    out
}

fn entity(name: &str, kind: EntityType, doc: &Document) -> Entity {
    Entity {
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        docs: vec![doc.id.clone()],
        years: doc.year.into_iter().collect(),
        attrs: IndexMap::new(),
    }
}
