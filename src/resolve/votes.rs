//! Type votes: one name typed differently in different documents gets the majority type (by
//! documents, then mentions, then the fixed type order), unless two types each hold at least two
//! documents — then they are taken for different entities and kept apart.

use std::collections::BTreeMap;

use smallvec::SmallVec;

use crate::model::EntityType;

/// Mentions per type, sorted by type (a name mostly has one type in a document).
type Kinds = SmallVec<[(EntityType, usize); 2]>;

/// Mentions of one name, counted per document and type.
#[derive(Debug, Default)]
pub(super) struct NameVotes {
    /// (document index, mentions per type), sorted by document (documents mostly come in order).
    per_doc: Vec<(usize, Kinds)>,
}

/// The outcome for one name: its type in each document, and which documents were overruled.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Verdict {
    /// (document index, the type its mentions of the name get), sorted by document.
    pub by_doc: Vec<(usize, EntityType)>,
    /// Types outvoted: (type it had, documents) — recorded as a merge reason.
    pub overruled: Vec<(EntityType, usize)>,
    /// The type the name got where it was overruled.
    pub primary: EntityType,
}

impl Verdict {
    /// The type the name gets in document `doc`, if it is mentioned there.
    pub fn kind_in(&self, doc: usize) -> Option<EntityType> {
        self.by_doc
            .binary_search_by_key(&doc, |e| e.0)
            .ok()
            .map(|i| self.by_doc[i].1)
    }
}

/// Documents a second type needs (as the primary does) to count as a different entity.
const DISTINCT_DOCS: usize = 2;

impl NameVotes {
    /// Whether no mention was counted.
    pub fn is_empty(&self) -> bool {
        self.per_doc.is_empty()
    }

    pub fn add(&mut self, doc: usize, kind: EntityType) {
        let i = match self.per_doc.last() {
            Some((d, _)) if *d == doc => self.per_doc.len() - 1,
            _ => match self.per_doc.binary_search_by_key(&doc, |e| e.0) {
                Ok(i) => i,
                Err(i) => {
                    self.per_doc.insert(i, (doc, Kinds::new()));
                    i
                }
            },
        };
        let kinds = &mut self.per_doc[i].1;
        match kinds.binary_search_by_key(&kind, |k| k.0) {
            Ok(k) => kinds[k].1 += 1,
            Err(k) => kinds.insert(k, (kind, 1)),
        }
    }

    /// Decides each document's type for this name.
    pub fn verdict(&self) -> Verdict {
        // Each document's own majority type (ties: the fixed type order, the kinds' order).
        let doc_type: Vec<(usize, EntityType)> = self
            .per_doc
            .iter()
            .map(|(d, kinds)| (*d, majority(kinds.iter().copied())))
            .collect();
        let mut docs: BTreeMap<EntityType, (usize, usize)> = BTreeMap::new();
        for ((_, kind), (_, kinds)) in doc_type.iter().zip(&self.per_doc) {
            let mentions: usize = kinds.iter().map(|k| k.1).sum();
            let e = docs.entry(*kind).or_default();
            e.0 += 1;
            e.1 += mentions;
        }
        let primary = docs
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(EntityType::Unknown);
        let distinct = |k: &EntityType| {
            *k == primary || (docs[k].0 >= DISTINCT_DOCS && docs[&primary].0 >= DISTINCT_DOCS)
        };
        let mut overruled = Vec::new();
        for (k, (n, _)) in &docs {
            if !distinct(k) {
                overruled.push((*k, *n));
            }
        }
        let by_doc = doc_type
            .into_iter()
            .map(|(d, k)| (d, if distinct(&k) { k } else { primary }))
            .collect();
        Verdict {
            by_doc,
            overruled,
            primary,
        }
    }
}

/// The type with the most votes; ties go to the earlier type in the fixed order.
pub(super) fn majority(votes: impl Iterator<Item = (EntityType, usize)>) -> EntityType {
    let mut best: Option<(EntityType, usize)> = None;
    for (k, n) in votes {
        best = match best {
            Some((bk, bn)) if bn > n || (bn == n && bk <= k) => Some((bk, bn)),
            _ => Some((k, n)),
        };
    }
    best.map(|(k, _)| k).unwrap_or(EntityType::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn majority_of_documents_wins() {
        let mut v = NameVotes::default();
        v.add(0, Industry);
        v.add(1, Industry);
        v.add(2, Policy);
        let r = v.verdict();
        assert_eq!(r.primary, Industry);
        assert_eq!(r.kind_in(2), Some(Industry));
        assert_eq!(r.overruled, vec![(Policy, 1)]);
    }

    #[test]
    fn ties_follow_the_type_order() {
        let mut v = NameVotes::default();
        v.add(0, Policy);
        v.add(1, Industry);
        assert_eq!(v.verdict().primary, Industry);
        assert_eq!(majority([(Project, 2), (Place, 2)].into_iter()), Place);
    }

    #[test]
    fn two_well_supported_types_stay_apart() {
        let mut v = NameVotes::default();
        for d in 0..3 {
            v.add(d, Person);
        }
        v.add(3, Place);
        v.add(4, Place);
        let r = v.verdict();
        assert_eq!(r.kind_in(3), Some(Place));
        assert_eq!(r.kind_in(0), Some(Person));
        assert!(r.overruled.is_empty());
    }
}
