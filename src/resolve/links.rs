//! Edges of a build: the relations extraction stated (duplicates merged: one edge per source,
//! relation and target, with all its evidence and the highest confidence), MENTIONS from each
//! document to what it names, and CO_OCCURS between entities named in one sentence.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::{Evidence, Link};
use crate::extract::{DocExtraction, Endpoint};
use crate::ingest::Document;
use crate::model::RelationType;

/// Evidence kept per stated relation (the edge's `docs` lists every document stating it).
pub const MAX_EVIDENCE: usize = 5;
/// Evidence kept per CO_OCCURS edge.
pub const MAX_COOCCURRENCE_EVIDENCE: usize = 3;
/// The confidence of a co-occurrence: the weakest link.
pub const COOCCURRENCE_CONFIDENCE: f32 = 0.3;

/// Where a piece of evidence is, before its text is fetched: (document, sentence, start, end).
type Spot = (usize, usize, usize, usize);

/// An edge's place in the order: (class, source, target, relation), where class puts stated
/// relations (0) before MENTIONS (1) and CO_OCCURS (2).
type Key = (u8, usize, usize, RelationType);

/// One edge being gathered: only its first few spots are kept, and the documents as indices,
/// so a build's transient memory stays proportional to its edges.
#[derive(Default)]
struct Acc {
    confidence: f32,
    weight: u32,
    /// The smallest spots seen, sorted, at most `cap` (MENTIONS keep one: no allocation).
    kept: SmallVec<[Spot; 1]>,
    /// Documents stating it, in document order (documents are visited in order).
    docs: SmallVec<[u32; 2]>,
}

impl Acc {
    /// Records a spot; returns false if it was already kept (the same statement twice).
    fn add(&mut self, spot: Spot, cap: usize) -> bool {
        if self.docs.last() != Some(&(spot.0 as u32)) {
            self.docs.push(spot.0 as u32);
        }
        match self.kept.binary_search(&spot) {
            Ok(_) => false,
            Err(i) if i < cap => {
                self.kept.insert(i, spot);
                self.kept.truncate(cap);
                true
            }
            Err(_) => true,
        }
    }
}

fn cap_of(class: u8) -> usize {
    match class {
        0 => MAX_EVIDENCE,
        1 => 1,
        _ => MAX_COOCCURRENCE_EVIDENCE,
    }
}

/// Node ids of a build's entities, targets and documents, as [`links`] needs them.
pub(super) struct Ids<'a> {
    /// Per document, per mention: its entity.
    pub mention: &'a [Vec<Option<usize>>],
    /// Per document, per target: its node.
    pub target: &'a [Vec<usize>],
    /// Per document: its node.
    pub document: &'a [usize],
    /// Per document: its id, shared by every edge that cites it.
    pub doc_id: &'a [Arc<str>],
}

/// Edges of one class being gathered, each found by a key through a hash index, in the order
/// first seen (sorted by key once, at the end).
struct Class<K> {
    /// Orders the classes: stated relations (0) before MENTIONS (1) and CO_OCCURS (2).
    class: u8,
    index: FxHashMap<K, usize>,
    edges: Vec<(K, Acc)>,
}

impl<K: std::hash::Hash + Eq + Copy + Ord> Class<K> {
    fn new(class: u8) -> Self {
        Class {
            class,
            index: FxHashMap::default(),
            edges: Vec::new(),
        }
    }

    fn add(&mut self, key: K, spot: Spot, conf: f32) {
        let next = self.edges.len();
        let i = *self.index.entry(key).or_insert(next);
        if i == next {
            self.edges.push((key, Acc::default()));
        }
        let a = &mut self.edges[i].1;
        a.confidence = a.confidence.max(conf);
        if a.add(spot, cap_of(self.class)) || self.class != 0 {
            a.weight += 1;
        }
    }

    /// The edges gathered since the last call, sorted by key; the index starts afresh.
    fn take_sorted(&mut self) -> Vec<(K, Acc)> {
        self.index.clear();
        let mut edges = std::mem::take(&mut self.edges);
        edges.sort_unstable_by_key(|e| e.0);
        edges
    }
}

/// Every edge of a build, in a fixed order: stated relations, then MENTIONS, then CO_OCCURS,
/// each by source, target and relation.
pub(super) fn links(docs: &[Document], extractions: &[DocExtraction], ids: &Ids) -> Vec<Link> {
    // Stated relations by (source, target, relation), CO_OCCURS by (source, target), and each
    // document's MENTIONS by target (its own node is the source), gathered one document at a
    // time: their keys stay small, and documents come in order.
    let mut stated: Class<(usize, usize, RelationType)> = Class::new(0);
    let mut mentioned: Class<usize> = Class::new(1);
    let mut co: Class<(usize, usize)> = Class::new(2);
    let mut mentions: Vec<(Key, Acc)> = Vec::new();
    // (sentence, entity) of one document's mentions, reused from document to document.
    let mut in_sentence: Vec<(usize, usize)> = Vec::new();
    for (d, ex) in extractions.iter().enumerate() {
        let end = |e: Endpoint| match e {
            Endpoint::Mention(i) => ids.mention[d].get(i).copied().flatten(),
            Endpoint::Target(i) => ids.target[d].get(i).copied(),
            Endpoint::Document => Some(ids.document[d]),
        };
        for r in &ex.relations {
            let (Some(s), Some(t)) = (end(r.source), end(r.target)) else {
                continue;
            };
            if s != t && !matches!(r.relation, RelationType::Mentions | RelationType::CoOccurs) {
                let spot = (d, r.sentence, r.span.start, r.span.end);
                stated.add((s, t, r.relation), spot, r.confidence);
            }
        }
        let doc = ids.document[d];
        for (i, m) in ex.mentions.iter().enumerate() {
            if let Some(e) = end(Endpoint::Mention(i)) {
                let spot = (d, m.sentence, m.span.start, m.span.end);
                mentioned.add(e, spot, m.confidence);
            }
        }
        for (i, t) in ex.targets.iter().enumerate() {
            if let Some(e) = end(Endpoint::Target(i)) {
                let spot = (d, t.sentence, t.span.start, t.span.end);
                mentioned.add(e, spot, 1.0);
            }
        }
        mentions.extend(
            mentioned
                .take_sorted()
                .into_iter()
                .map(|(e, a)| ((1, doc, e, RelationType::Mentions), a)),
        );
        // Each sentence's distinct entities, in order: every pair of them co-occurs.
        in_sentence.clear();
        in_sentence.extend(
            ex.mentions
                .iter()
                .enumerate()
                .filter_map(|(i, m)| Some((m.sentence, end(Endpoint::Mention(i))?))),
        );
        in_sentence.sort_unstable();
        in_sentence.dedup();
        for group in in_sentence.chunk_by(|a, b| a.0 == b.0) {
            let sentence = group[0].0;
            let span = docs
                .get(d)
                .and_then(|doc| doc.sentences.get(sentence))
                .map(|s| (s.span.start, s.span.end))
                .unwrap_or((0, 0));
            let spot = (d, sentence, span.0, span.1);
            for (k, &(_, a)) in group.iter().enumerate() {
                for &(_, b) in &group[k + 1..] {
                    co.add((a, b), spot, COOCCURRENCE_CONFIDENCE);
                }
            }
        }
    }
    // Documents' nodes are in document order, so this is nearly sorted already (linear).
    mentions.sort_by_key(|e| e.0);
    let stated = stated
        .take_sorted()
        .into_iter()
        .map(|((s, t, r), a)| ((0, s, t, r), a));
    let co = co
        .take_sorted()
        .into_iter()
        .map(|((s, t), a)| ((2, s, t, RelationType::CoOccurs), a));
    let edges = stated.chain(mentions).chain(co);
    // One copy of each sentence cited, shared by every edge citing it.
    let mut texts: FxHashMap<(usize, usize), Option<Arc<str>>> = FxHashMap::default();
    edges
        .into_iter()
        .map(|((_, source, target, relation), a)| Link {
            source,
            relation,
            target,
            confidence: a.confidence,
            weight: a.weight,
            evidence: a
                .kept
                .iter()
                .map(|&spot| {
                    let with_text = relation != RelationType::Mentions;
                    evidence(docs, ids.doc_id, spot, with_text, &mut texts)
                })
                .collect(),
            docs: if a
                .docs
                .iter()
                .all(|&d| a.kept.iter().any(|k| k.0 == d as usize))
            {
                Vec::new()
            } else {
                a.docs
                    .iter()
                    .filter_map(|&d| ids.doc_id.get(d as usize).cloned())
                    .collect()
            },
        })
        .collect()
}

/// A piece of evidence; `with_text` attaches the sentence, copied once into `texts` and shared
/// from there (MENTIONS evidence points at the first mention without it: the document and
/// sentence index find it).
fn evidence(
    docs: &[Document],
    doc_id: &[Arc<str>],
    (d, sentence, start, end): Spot,
    with_text: bool,
    texts: &mut FxHashMap<(usize, usize), Option<Arc<str>>>,
) -> Evidence {
    let doc = docs.get(d);
    let text = doc.filter(|_| with_text).and_then(|doc| {
        texts
            .entry((d, sentence))
            .or_insert_with(|| {
                let s = doc.sentences.get(sentence)?;
                doc.text.get(s.span.clone()).map(Arc::from)
            })
            .clone()
    });
    Evidence {
        doc: doc_id.get(d).cloned().unwrap_or_default(),
        sentence,
        span: [start, end],
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acc_keeps_the_smallest_spots_and_every_document() {
        let mut a = Acc::default();
        for spot in [
            (0, 3, 0, 1),
            (0, 1, 0, 1),
            (0, 2, 0, 1),
            (1, 1, 0, 1),
            (2, 1, 0, 1),
        ] {
            assert!(a.add(spot, 2));
        }
        assert_eq!(a.kept.as_slice(), [(0, 1, 0, 1), (0, 2, 0, 1)]);
        assert_eq!(a.docs.as_slice(), [0, 1, 2]);
        let mut b = Acc::default();
        assert!(b.add((0, 1, 0, 1), 5));
        assert!(
            !b.add((0, 1, 0, 1), 5),
            "the same statement twice counts once"
        );
    }
}
