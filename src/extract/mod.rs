//! Extraction: rules that turn a document's tokens and text patterns into entity mentions,
//! quantified targets and relations, each with its evidence (sentence and byte span) and a
//! confidence. Never deduplicates across mentions (that is `resolve`), never imports petgraph.

pub mod relations;
pub mod targets;

use std::ops::Range;

use crate::ingest::Document;
use crate::model::{EntityType, RelationType};
use crate::segment::Segmenter;

/// A named entity as it appears once in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name as written, book-title marks and quotes stripped.
    pub name: String,
    pub kind: EntityType,
    pub sentence: usize,
    /// Byte span in [`Document::text`].
    pub span: Range<usize>,
    pub confidence: f32,
}

/// A quantified goal or reported figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMention {
    /// What is measured (`软件和信息技术服务业营业收入`).
    pub metric: String,
    pub value: f64,
    /// The unit as written, numeral prefixes included (`亿元`, `%`, `万千瓦`).
    pub unit: String,
    /// The year the goal is for or the figure reported for, worked out from context.
    pub year: Option<i32>,
    /// `以上`, `左右`, `突破`, `不低于` …, where the text gives one.
    pub comparator: Option<String>,
    /// The shortest span stating it.
    pub text: String,
    pub sentence: usize,
    pub span: Range<usize>,
    /// The mention the figure measures (an industry, enterprise or place), if any.
    pub subject: Option<usize>,
}

/// One end of an extracted relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// Index into [`DocExtraction::mentions`].
    Mention(usize),
    /// Index into [`DocExtraction::targets`].
    Target(usize),
    /// The document itself.
    Document,
}

/// A relation the text states, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    pub source: Endpoint,
    pub relation: RelationType,
    pub target: Endpoint,
    pub sentence: usize,
    /// Byte span in [`Document::text`] of the words that state it.
    pub span: Range<usize>,
    pub confidence: f32,
}

/// A short form the document declares for a mention (`（以下简称“专项规划”）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasMention {
    pub alias: String,
    /// Index into [`DocExtraction::mentions`].
    pub mention: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocExtraction {
    pub mentions: Vec<Mention>,
    pub targets: Vec<TargetMention>,
    pub relations: Vec<RelationMention>,
    pub aliases: Vec<AliasMention>,
}

/// A user's vocabulary (`--dict`): names with the type they must get.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<(String, Option<EntityType>)>,
}

/// Extracts mentions, targets and relations from one document.
pub fn extract(doc: &Document, seg: &Segmenter, lexicon: &Lexicon) -> DocExtraction {
    let _ = (seg, lexicon);
    let mentions = Vec::new();
    let targets = targets::extract_targets(doc, &mentions);
    let relations = relations::extract_relations(doc, &mentions, &targets);
    DocExtraction {
        mentions,
        targets,
        relations,
        ..Default::default()
    }
}
