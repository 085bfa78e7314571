//! A compact adjacency (CSR) of a [`KnowledgeGraph`](super::KnowledgeGraph), for traversals: one
//! packed array of [`Slot`]s (neighbour, edge, relation, and the neighbour's [`order_key`]: 20
//! bytes), each node's out-edges then in-edges side by side, and one array of where each node's
//! run starts. A traversal reads a node's edges from one place and knows each neighbour's type
//! and name order without touching an edge or node record (on a large graph every such touch is
//! a cache and TLB miss). Slots list a node's edges in the order petgraph does (newest first), so
//! traversals find the same nodes and paths either way. Built once from the graph (one counting
//! sort over the edges) and dropped by any mutation; see
//! [`KnowledgeGraph::adjacency`](super::KnowledgeGraph::adjacency).

use petgraph::stable_graph::StableDiGraph;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::{Dir, Edge, EdgeId, Node, NodeId};
use crate::model::{EntityType, RelationType};

/// One edge at a node, as seen from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The node at the other end.
    pub node: NodeId,
    pub edge: EdgeId,
    pub relation: RelationType,
    /// `node`'s [`order_key`], in two halves (so a slot packs into 20 bytes).
    key_hi: u32,
    key_lo: u32,
}

impl Slot {
    /// A slot for the edge `edge` to `node`, whose [`order_key`] is `key`.
    pub fn new(node: NodeId, edge: EdgeId, relation: RelationType, key: u64) -> Slot {
        Slot {
            node,
            edge,
            relation,
            key_hi: (key >> 32) as u32,
            key_lo: key as u32,
        }
    }

    /// The other end's [`order_key`].
    pub fn key(&self) -> u64 {
        u64::from(self.key_hi) << 32 | u64::from(self.key_lo)
    }

    /// The other end's type.
    pub fn kind(&self) -> EntityType {
        key_kind(self.key())
    }
}

/// The graph's edges grouped by node, both ways.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    /// Node `i`'s out-edges are `slots[starts[2i]..starts[2i + 1]]`, its in-edges
    /// `slots[starts[2i + 1]..starts[2i + 2]]`.
    starts: Vec<u32>,
    slots: Vec<Slot>,
}

impl Adjacency {
    /// Builds the adjacency of `graph`.
    ///
    /// # Complexity
    /// O(nodes + edges) time; 40 bytes an edge and 8 a node.
    pub(super) fn build(graph: &StableDiGraph<Node, Edge>) -> Adjacency {
        let n = graph.node_bound();
        let mut keys = vec![order_key(EntityType::Unknown, ""); n];
        for i in graph.node_indices() {
            keys[i.index()] = order_key(graph[i].kind, &graph[i].name);
        }
        // Run sizes first, then each run's end: runs are filled from their end backwards while
        // edges come in id order, so newest first, as petgraph links them.
        let mut ends = vec![0u32; 2 * n];
        for e in graph.edge_references() {
            ends[2 * e.source().index()] += 1;
            ends[2 * e.target().index() + 1] += 1;
        }
        let mut total = 0u32;
        for x in &mut ends {
            total += *x;
            *x = total;
        }
        let mut starts = Vec::with_capacity(2 * n + 1);
        starts.push(0);
        starts.extend_from_slice(&ends);
        let blank = Slot::new(NodeId(0), EdgeId(0), RelationType::Related, 0);
        let mut slots = vec![blank; total as usize];
        for e in graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            let edge = EdgeId(e.id().index() as u32);
            let relation = e.weight().relation;
            for (run, other) in [(2 * s, t), (2 * t + 1, s)] {
                ends[run] -= 1;
                slots[ends[run] as usize] =
                    Slot::new(NodeId(other as u32), edge, relation, keys[other]);
            }
        }
        Adjacency { starts, slots }
    }

    /// The edges at `id` in direction `dir`, newest first (empty for an unknown node).
    pub fn edges(&self, id: NodeId, dir: Dir) -> &[Slot] {
        let run = 2 * id.0 as usize + usize::from(dir == Dir::In);
        match (self.starts.get(run), self.starts.get(run + 1)) {
            (Some(&lo), Some(&hi)) => self.slots.get(lo as usize..hi as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The type an [`order_key`] was made with.
pub fn key_kind(key: u64) -> EntityType {
    EntityType::ALL
        .get((key >> 60) as usize)
        .copied()
        .unwrap_or(EntityType::Unknown)
}

// The type takes the key's top four bits.
const _: () = assert!(EntityType::ALL.len() <= 16);

/// A key that orders nodes as (type, name) does wherever two keys differ: the type in the top
/// four bits, then the name's first two characters as 21-bit code points and the top 18 bits of
/// its third (zero-padded), so Chinese names seldom tie. Equal keys need the names compared.
pub fn order_key(kind: EntityType, name: &str) -> u64 {
    let mut chars = name.chars().map(u64::from);
    let mut next = || chars.next().unwrap_or(0);
    let (a, b, c) = (next(), next(), next());
    (kind as u64) << 60 | a << 39 | b << 18 | c >> 3
}

#[cfg(test)]
mod tests {
    use super::super::synth::generate;
    use super::*;

    #[test]
    fn lists_edges_as_petgraph_does() {
        let mut g = generate(40, 300, 9);
        // A self-loop and parallel edges too.
        let e = g.edge(EdgeId(0)).cloned().unwrap();
        g.add_edge(NodeId(3), NodeId(3), e.clone());
        g.add_edge(NodeId(3), NodeId(5), e.clone());
        g.add_edge(NodeId(3), NodeId(5), e);
        let adj = g.adjacency();
        for id in g.node_ids() {
            for dir in [Dir::Out, Dir::In] {
                let expected: Vec<(EdgeId, NodeId, RelationType, u64)> = g
                    .edges_at(id, dir)
                    .map(|(edge, node, e)| {
                        let n = g.node(node).unwrap();
                        (edge, node, e.relation, order_key(n.kind, &n.name))
                    })
                    .collect();
                let got: Vec<_> = adj
                    .edges(id, dir)
                    .iter()
                    .map(|s| (s.edge, s.node, s.relation, s.key()))
                    .collect();
                assert_eq!(got, expected, "{id:?} {dir:?}");
                for s in adj.edges(id, dir) {
                    assert_eq!(s.kind(), g.node(s.node).unwrap().kind);
                }
            }
        }
        assert!(adj.edges(NodeId(40), Dir::Out).is_empty());
        assert!(adj.edges(NodeId(40), Dir::In).is_empty());
    }

    #[test]
    fn order_keys_agree_with_type_then_name() {
        for (i, t) in EntityType::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i, "EntityType::ALL is in declaration order");
        }
        let names = [
            "", "a", "ab", "ab\0", "abcdefg", "abcdefgh", "abcdefgz", "华兴", "华", "b",
        ];
        let kinds = [
            EntityType::Place,
            EntityType::Enterprise,
            EntityType::Unknown,
        ];
        for &k1 in &kinds {
            for &k2 in &kinds {
                for a in names {
                    for b in names {
                        let (x, y) = (order_key(k1, a), order_key(k2, b));
                        if x != y {
                            assert_eq!(x.cmp(&y), (k1, a).cmp(&(k2, b)), "{a:?} {b:?}");
                        }
                        assert_eq!(key_kind(x), k1);
                    }
                }
            }
        }
    }

    #[test]
    fn mutation_drops_the_adjacency() {
        let mut g = generate(10, 20, 1);
        let before = g.adjacency().edges(NodeId(0), Dir::Out).len();
        let e = g.edge(EdgeId(0)).cloned().unwrap();
        g.add_edge(NodeId(0), NodeId(1), e);
        assert_eq!(g.adjacency().edges(NodeId(0), Dir::Out).len(), before + 1);
    }
}
