//! A compact adjacency (CSR) of a [`KnowledgeGraph`](super::KnowledgeGraph), for traversals:
//! per direction, offsets into one packed array of [`Slot`]s (neighbour, edge, relation: 12
//! bytes, no edge record touched), plus every node's [`order_key`] (its type and the start of
//! its name, so sorting nodes seldom touches a node record). Slots list a node's edges in the
//! order petgraph does (newest first), so traversals find the same nodes and paths either way.
//! Built once from the graph (in one pass over the edges, a counting sort) and dropped by any
//! mutation; see [`KnowledgeGraph::adjacency`](super::KnowledgeGraph::adjacency).

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
}

/// The graph's edges grouped by node, both ways, and the nodes' types.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    /// Per direction (out, in): node `i`'s slots are `slots[offsets[i]..offsets[i + 1]]`.
    offsets: [Vec<u32>; 2],
    slots: [Vec<Slot>; 2],
    /// Each node's [`order_key`].
    keys: Vec<u64>,
}

impl Adjacency {
    /// Builds the adjacency of `graph`.
    ///
    /// # Complexity
    /// O(nodes + edges) time; 24 bytes an edge and 16 a node.
    pub(super) fn build(graph: &StableDiGraph<Node, Edge>) -> Adjacency {
        let n = graph.node_bound();
        let mut keys = vec![order_key(EntityType::Unknown, ""); n];
        for i in graph.node_indices() {
            keys[i.index()] = order_key(graph[i].kind, &graph[i].name);
        }
        let mut offsets = [vec![0u32; n + 1], vec![0u32; n + 1]];
        for e in graph.edge_references() {
            offsets[0][e.source().index() + 1] += 1;
            offsets[1][e.target().index() + 1] += 1;
        }
        for o in &mut offsets {
            for i in 0..n {
                o[i + 1] += o[i];
            }
        }
        let blank = Slot {
            node: NodeId(0),
            edge: EdgeId(0),
            relation: RelationType::Related,
        };
        let m = graph.edge_count();
        let mut slots = [vec![blank; m], vec![blank; m]];
        // Filled from each node's end backwards while edges come in id order: newest first, as
        // petgraph links them.
        let mut next = [offsets[0][1..].to_vec(), offsets[1][1..].to_vec()];
        for e in graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            let edge = EdgeId(e.id().index() as u32);
            let relation = e.weight().relation;
            for (d, at, other) in [(0, s, t), (1, t, s)] {
                next[d][at] -= 1;
                slots[d][next[d][at] as usize] = Slot {
                    node: NodeId(other as u32),
                    edge,
                    relation,
                };
            }
        }
        Adjacency {
            offsets,
            slots,
            keys,
        }
    }

    /// The edges at `id` in direction `dir`, newest first (empty for an unknown node).
    pub fn edges(&self, id: NodeId, dir: Dir) -> &[Slot] {
        let d = usize::from(dir == Dir::In);
        let i = id.0 as usize;
        match (self.offsets[d].get(i), self.offsets[d].get(i + 1)) {
            (Some(&lo), Some(&hi)) => self.slots[d].get(lo as usize..hi as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// A node's type.
    pub fn kind(&self, id: NodeId) -> Option<EntityType> {
        let key = self.keys.get(id.0 as usize)?;
        EntityType::ALL.get((key >> 56) as usize).copied()
    }

    /// A node's [`order_key`].
    pub fn key(&self, id: NodeId) -> Option<u64> {
        self.keys.get(id.0 as usize).copied()
    }
}

/// A key that orders nodes as (type, name) does wherever two keys differ: the type in the top
/// byte, then the name's first seven bytes (zero-padded). Equal keys need the names compared.
pub fn order_key(kind: EntityType, name: &str) -> u64 {
    let mut bytes = [0u8; 8];
    bytes[0] = kind as u8;
    for (b, &c) in bytes[1..].iter_mut().zip(name.as_bytes()) {
        *b = c;
    }
    u64::from_be_bytes(bytes)
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
            assert_eq!(adj.kind(id), g.node(id).map(|n| n.kind));
            for dir in [Dir::Out, Dir::In] {
                let expected: Vec<Slot> = g
                    .edges_at(id, dir)
                    .map(|(edge, node, e)| Slot {
                        node,
                        edge,
                        relation: e.relation,
                    })
                    .collect();
                assert_eq!(adj.edges(id, dir), expected.as_slice(), "{id:?} {dir:?}");
            }
        }
        assert!(adj.edges(NodeId(40), Dir::Out).is_empty());
        assert_eq!(adj.key(NodeId(40)), None);
        assert_eq!(adj.kind(NodeId(40)), None);
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
