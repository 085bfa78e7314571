//! What a graph holds, as plain data other code formats: counts of documents, nodes by type and
//! edges by relation ([`GraphStats`]), and which relation joins which types ([`SchemaRow`]).

use std::collections::BTreeMap;

use super::KnowledgeGraph;
use crate::model::{EntityType, RelationType};

/// The counts `zhitu stats` and the `stats` statement show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GraphStats {
    /// Documents the graph was built from (its document list, or its Document nodes).
    pub documents: usize,
    pub nodes: usize,
    pub edges: usize,
    /// Nodes per type, in the fixed type order; types with none left out.
    pub nodes_by_type: Vec<(EntityType, usize)>,
    /// Edges per relation, in the fixed relation order; relations with none left out.
    pub edges_by_relation: Vec<(RelationType, usize)>,
}

impl GraphStats {
    /// Nodes of one type.
    pub fn nodes_of(&self, kind: EntityType) -> usize {
        self.nodes_by_type
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }

    /// Edges of one relation.
    pub fn edges_of(&self, relation: RelationType) -> usize {
        self.edges_by_relation
            .iter()
            .find(|(r, _)| *r == relation)
            .map_or(0, |(_, n)| *n)
    }
}

/// One line of the schema: `count` edges `relation` go from a `source` node to a `target` node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaRow {
    pub source: EntityType,
    pub relation: RelationType,
    pub target: EntityType,
    pub count: usize,
}

impl KnowledgeGraph {
    /// Counts of documents, nodes by type and edges by relation.
    ///
    /// # Complexity
    /// O(nodes + edges).
    ///
    /// # Example
    /// ```
    /// use zhitu::graph::KnowledgeGraph;
    /// let g = KnowledgeGraph::default();
    /// assert_eq!(g.stats().nodes, 0);
    /// ```
    pub fn stats(&self) -> GraphStats {
        let mut by_type: BTreeMap<EntityType, usize> = BTreeMap::new();
        for n in self.graph.node_weights() {
            *by_type.entry(n.kind).or_default() += 1;
        }
        let mut by_rel: BTreeMap<RelationType, usize> = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *by_rel.entry(e.relation).or_default() += 1;
        }
        let documents = if self.documents.is_empty() {
            by_type.get(&EntityType::Document).copied().unwrap_or(0)
        } else {
            self.documents.len()
        };
        GraphStats {
            documents,
            nodes: self.node_count(),
            edges: self.edge_count(),
            nodes_by_type: by_type.into_iter().collect(),
            edges_by_relation: by_rel.into_iter().collect(),
        }
    }

    /// Which relation joins which types, with counts, ordered by relation, source type, target
    /// type.
    ///
    /// # Complexity
    /// O(edges).
    pub fn schema(&self) -> Vec<SchemaRow> {
        let mut rows: BTreeMap<(RelationType, EntityType, EntityType), usize> = BTreeMap::new();
        for id in self.edge_ids() {
            let (Some(e), Some((s, t))) = (self.edge(id), self.endpoints(id)) else {
                continue;
            };
            let (Some(s), Some(t)) = (self.node(s), self.node(t)) else {
                continue;
            };
            *rows.entry((e.relation, s.kind, t.kind)).or_default() += 1;
        }
        rows.into_iter()
            .map(|((relation, source, target), count)| SchemaRow {
                source,
                relation,
                target,
                count,
            })
            .collect()
    }
}
