//! The narrow graph trait queries run on, so execution never touches petgraph.

use crate::graph::{Dir, DocumentMeta, Edge, EdgeId, KnowledgeGraph, Node, NodeId, Slot};

/// What query execution needs of a graph.
pub trait GraphView {
    fn node_count(&self) -> usize;
    fn node(&self, id: NodeId) -> Option<&Node>;
    fn edge(&self, id: EdgeId) -> Option<&Edge>;
    /// Source and target of an edge.
    fn endpoints(&self, id: EdgeId) -> Option<(NodeId, NodeId)>;
    /// The edges at `id` in direction `dir`: (edge, other end).
    fn edges_at(&self, id: NodeId, dir: Dir) -> Vec<(EdgeId, NodeId)>;
    /// Nodes whose name or alias is exactly `name`.
    fn lookup(&self, name: &str) -> &[NodeId];
    /// Every name and alias with its nodes.
    fn names(&self) -> Box<dyn Iterator<Item = (&str, &[NodeId])> + '_>;
    fn node_ids(&self) -> Box<dyn Iterator<Item = NodeId> + '_>;
    fn documents(&self) -> &[DocumentMeta];
    /// How many edges the graph has.
    fn edge_count(&self) -> usize;
    /// Every edge id, in id order.
    fn edge_ids(&self) -> Box<dyn Iterator<Item = EdgeId> + '_>;
    /// Calls `f(edge id, other end, edge)` for each edge at `id` in direction `dir`, without
    /// allocating: what traversals use.
    fn visit_edges(&self, id: NodeId, dir: Dir, f: &mut dyn FnMut(EdgeId, NodeId, &Edge)) {
        for (e, n) in self.edges_at(id, dir) {
            if let Some(edge) = self.edge(e) {
                f(e, n, edge);
            }
        }
    }
    /// The edges at `id` in direction `dir` as packed slots (with each neighbour's type and
    /// name order), in `edges_at`'s order, when the graph keeps a compact adjacency: traversals
    /// then touch no edge or node record. `None` otherwise.
    fn adjacent(&self, _id: NodeId, _dir: Dir) -> Option<&[Slot]> {
        None
    }
}

impl GraphView for KnowledgeGraph {
    fn node_count(&self) -> usize {
        KnowledgeGraph::node_count(self)
    }
    fn node(&self, id: NodeId) -> Option<&Node> {
        KnowledgeGraph::node(self, id)
    }
    fn edge(&self, id: EdgeId) -> Option<&Edge> {
        KnowledgeGraph::edge(self, id)
    }
    fn endpoints(&self, id: EdgeId) -> Option<(NodeId, NodeId)> {
        KnowledgeGraph::endpoints(self, id)
    }
    fn edges_at(&self, id: NodeId, dir: Dir) -> Vec<(EdgeId, NodeId)> {
        KnowledgeGraph::edges_at(self, id, dir)
            .map(|(e, n, _)| (e, n))
            .collect()
    }
    fn lookup(&self, name: &str) -> &[NodeId] {
        KnowledgeGraph::lookup(self, name)
    }
    fn names(&self) -> Box<dyn Iterator<Item = (&str, &[NodeId])> + '_> {
        Box::new(KnowledgeGraph::names(self))
    }
    fn node_ids(&self) -> Box<dyn Iterator<Item = NodeId> + '_> {
        Box::new(KnowledgeGraph::node_ids(self))
    }
    fn documents(&self) -> &[DocumentMeta] {
        KnowledgeGraph::documents(self)
    }
    fn edge_count(&self) -> usize {
        KnowledgeGraph::edge_count(self)
    }
    fn edge_ids(&self) -> Box<dyn Iterator<Item = EdgeId> + '_> {
        Box::new(KnowledgeGraph::edge_ids(self))
    }
    fn visit_edges(&self, id: NodeId, dir: Dir, f: &mut dyn FnMut(EdgeId, NodeId, &Edge)) {
        if self.node(id).is_none() {
            return;
        }
        for (e, n, edge) in KnowledgeGraph::edges_at(self, id, dir) {
            f(e, n, edge);
        }
    }
    fn adjacent(&self, id: NodeId, dir: Dir) -> Option<&[Slot]> {
        Some(self.adjacency().edges(id, dir))
    }
}
