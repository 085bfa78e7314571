//! Edges of a build: the relations extraction stated (duplicates merged: one edge per source,
//! relation and target, with all its evidence and the highest confidence), MENTIONS from each
//! document to what it names, and CO_OCCURS between entities named in one sentence.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

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

/// One edge being gathered: only its first few spots are kept, and the documents as indices,
/// so a build's transient memory stays proportional to its edges.
#[derive(Default)]
struct Acc {
    confidence: f32,
    weight: u32,
    /// The smallest spots seen, sorted, at most `cap`.
    kept: Vec<Spot>,
    /// Documents stating it, in document order (documents are visited in order).
    docs: Vec<u32>,
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

/// Every edge of a build, in a fixed order: stated relations, then MENTIONS, then CO_OCCURS,
/// each by source, target and relation.
pub(super) fn links(docs: &[Document], extractions: &[DocExtraction], ids: &Ids) -> Vec<Link> {
    // (class, source, target, relation): class orders stated relations before the others.
    let mut acc: BTreeMap<(u8, usize, usize, RelationType), Acc> = BTreeMap::new();
    let mut add = |class: u8, s: usize, r: RelationType, t: usize, spot: Spot, conf: f32| {
        let a = acc.entry((class, s, t, r)).or_default();
        a.confidence = a.confidence.max(conf);
        if a.add(spot, cap_of(class)) || class != 0 {
            a.weight += 1;
        }
    };
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
                add(0, s, r.relation, t, spot, r.confidence);
            }
        }
        let doc = ids.document[d];
        for (i, m) in ex.mentions.iter().enumerate() {
            if let Some(e) = end(Endpoint::Mention(i)) {
                let spot = (d, m.sentence, m.span.start, m.span.end);
                add(1, doc, RelationType::Mentions, e, spot, m.confidence);
            }
        }
        for (i, t) in ex.targets.iter().enumerate() {
            if let Some(e) = end(Endpoint::Target(i)) {
                let spot = (d, t.sentence, t.span.start, t.span.end);
                add(1, doc, RelationType::Mentions, e, spot, 1.0);
            }
        }
        let mut by_sentence: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for (i, m) in ex.mentions.iter().enumerate() {
            if let Some(e) = end(Endpoint::Mention(i)) {
                by_sentence.entry(m.sentence).or_default().insert(e);
            }
        }
        for (sentence, ents) in by_sentence {
            let span = docs
                .get(d)
                .and_then(|doc| doc.sentences.get(sentence))
                .map(|s| (s.span.start, s.span.end))
                .unwrap_or((0, 0));
            let ents: Vec<usize> = ents.into_iter().collect();
            for (k, &a) in ents.iter().enumerate() {
                for &b in &ents[k + 1..] {
                    let spot = (d, sentence, span.0, span.1);
                    add(
                        2,
                        a,
                        RelationType::CoOccurs,
                        b,
                        spot,
                        COOCCURRENCE_CONFIDENCE,
                    );
                }
            }
        }
    }
    // One copy of each sentence cited, shared by every edge citing it.
    let mut texts: BTreeMap<(usize, usize), Option<Arc<str>>> = BTreeMap::new();
    acc.into_iter()
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
    texts: &mut BTreeMap<(usize, usize), Option<Arc<str>>>,
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
        assert_eq!(a.kept, vec![(0, 1, 0, 1), (0, 2, 0, 1)]);
        assert_eq!(a.docs, vec![0, 1, 2]);
        let mut b = Acc::default();
        assert!(b.add((0, 1, 0, 1), 5));
        assert!(
            !b.add((0, 1, 0, 1), 5),
            "the same statement twice counts once"
        );
    }
}
