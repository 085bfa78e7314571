//! The knowledge graph: the only module that imports petgraph. [`KnowledgeGraph`] is a
//! `StableGraph` of [`Node`]s and [`Edge`]s with an `IndexMap` from every name and alias to its
//! nodes; it loads and saves node-link JSON (atomically, [`io`]) and reports stats and schema
//! ([`stats`]). Never formats output, never parses queries.

pub mod adjacency;
mod attrs;
mod io;
mod lines;
mod raw;
pub mod stats;
pub mod synth;

use std::sync::Arc;

use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

pub use adjacency::{Adjacency, Slot};
pub use attrs::Attrs;
pub use io::{GraphError, FORMAT};
pub use stats::{GraphStats, SchemaRow};

use crate::model::{EntityType, RelationType};
use crate::resolve::{Evidence, Resolved};

/// A node's id: its position in the saved graph (`#42` in queries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// An edge's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeId(pub u32);

/// Which way an edge is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    Out,
    In,
}

/// A document the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub path: String,
}

/// An entity, target or document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: String,
    pub kind: EntityType,
    pub aliases: Vec<String>,
    pub docs: Vec<Arc<str>>,
    pub years: Vec<i32>,
    /// Type-specific and foreign attributes, in the order they were written.
    pub attrs: IndexMap<String, serde_json::Value>,
}

/// A typed relation with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub relation: RelationType,
    pub confidence: f32,
    pub weight: u32,
    pub evidence: Vec<Evidence>,
    /// Every document that states it, where the (capped) evidence leaves some out; empty when
    /// the evidence names them all. Saved as `docs`.
    pub docs: Vec<Arc<str>>,
    /// Foreign attributes (and `label`, the original relation name of a graph made elsewhere).
    pub attrs: Attrs,
}

/// The graph, its name index, and the documents it came from.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    /// Name or alias → nodes with it.
    names: IndexMap<String, Ids>,
    documents: Vec<DocumentMeta>,
    /// The compact adjacency traversals use: built on first use, dropped by any mutation.
    adjacency: std::sync::OnceLock<Adjacency>,
}

impl KnowledgeGraph {
    /// Builds the graph from resolved entities and links; node ids follow entity order.
    pub fn from_resolved(resolved: Resolved, documents: Vec<DocumentMeta>) -> Self {
        let mut g = KnowledgeGraph {
            documents,
            ..Default::default()
        };
        // Exact room up front: a doubling vector of a large build's edges would briefly hold
        // two copies of them, which sets the build's peak memory.
        g.graph.reserve_exact_nodes(resolved.entities.len());
        g.graph.reserve_exact_edges(resolved.links.len());
        g.names.reserve(resolved.entities.len());
        for e in resolved.entities {
            g.add_node(Node {
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                docs: e.docs,
                years: e.years,
                attrs: e.attrs,
            });
        }
        // The links are freed as they become edges (the edges' room is taken in full above),
        // so the two are not held whole at once: reversed in place, taken from the back, the
        // vector shrunk by a quarter at a time.
        let mut links = resolved.links;
        links.reverse();
        while let Some(l) = links.pop() {
            if links.len() < links.capacity() / 4 * 3 {
                links.shrink_to_fit();
            }
            g.add_edge(
                NodeId(l.source as u32),
                NodeId(l.target as u32),
                Edge {
                    relation: l.relation,
                    confidence: l.confidence,
                    weight: l.weight,
                    evidence: l.evidence,
                    docs: l.docs,
                    attrs: Attrs::default(),
                },
            );
        }
        g
    }

    /// Adds a node and indexes its name and aliases.
    pub fn add_node(&mut self, node: Node) -> NodeId {
        self.adjacency.take();
        let ix = self.graph.add_node(node);
        let id = NodeId(ix.index() as u32);
        let node = &self.graph[ix];
        for k in std::iter::once(&node.name).chain(&node.aliases) {
            match self.names.get_mut(k.as_str()) {
                Some(ids) => ids.push(id),
                None => {
                    self.names.insert(k.clone(), Ids::One(id));
                }
            }
        }
        id
    }

    /// Adds an edge.
    pub fn add_edge(&mut self, source: NodeId, target: NodeId, edge: Edge) -> EdgeId {
        self.adjacency.take();
        EdgeId(self.graph.add_edge(ni(source), ni(target), edge).index() as u32)
    }

    /// The compact adjacency (edges grouped by node, both ways): built on first use, in
    /// O(nodes + edges), and kept until the graph changes.
    pub fn adjacency(&self) -> &Adjacency {
        self.adjacency.get_or_init(|| Adjacency::build(&self.graph))
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.graph.node_weight(ni(id))
    }

    pub fn edge(&self, id: EdgeId) -> Option<&Edge> {
        self.graph.edge_weight(EdgeIndex::new(id.0 as usize))
    }

    /// The two ends of an edge, source first.
    pub fn endpoints(&self, id: EdgeId) -> Option<(NodeId, NodeId)> {
        self.graph
            .edge_endpoints(EdgeIndex::new(id.0 as usize))
            .map(|(a, b)| (NodeId(a.index() as u32), NodeId(b.index() as u32)))
    }

    /// Every node id, in id order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.graph.node_indices().map(|i| NodeId(i.index() as u32))
    }

    /// Every edge id, in id order.
    pub fn edge_ids(&self) -> impl Iterator<Item = EdgeId> + '_ {
        self.graph.edge_indices().map(|i| EdgeId(i.index() as u32))
    }

    /// The edges at `id` in direction `dir`: (edge, the node at the other end, the edge).
    pub fn edges_at(
        &self,
        id: NodeId,
        dir: Dir,
    ) -> impl Iterator<Item = (EdgeId, NodeId, &Edge)> + '_ {
        let d = match dir {
            Dir::Out => Direction::Outgoing,
            Dir::In => Direction::Incoming,
        };
        self.graph.edges_directed(ni(id), d).map(move |e| {
            let other = if d == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            (
                EdgeId(e.id().index() as u32),
                NodeId(other.index() as u32),
                e.weight(),
            )
        })
    }

    /// The nodes whose name or alias is exactly `name`.
    pub fn lookup(&self, name: &str) -> &[NodeId] {
        self.names.get(name).map(Ids::as_slice).unwrap_or(&[])
    }

    /// Every indexed name and alias with its nodes, in insertion order.
    pub fn names(&self) -> impl Iterator<Item = (&str, &[NodeId])> + '_ {
        self.names.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn documents(&self) -> &[DocumentMeta] {
        &self.documents
    }
}

/// The nodes of one name: almost always one, so no allocation for it.
#[derive(Debug, Clone)]
enum Ids {
    One(NodeId),
    Many(Vec<NodeId>),
}

impl Ids {
    fn as_slice(&self) -> &[NodeId] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }

    fn push(&mut self, id: NodeId) {
        match self {
            Ids::One(first) if *first != id => *self = Ids::Many(vec![*first, id]),
            Ids::Many(v) if !v.contains(&id) => v.push(id),
            _ => {}
        }
    }
}

fn ni(id: NodeId) -> NodeIndex {
    NodeIndex::new(id.0 as usize)
}
