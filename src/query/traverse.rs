//! Traversals over a [`GraphView`]: bounded neighbourhoods (breadth-first, by depth and limit)
//! and shortest paths (bidirectional breadth-first; one path or all shortest ones). Visited sets
//! are hash maps keyed by node id with a cheap hasher; nothing is allocated per visited node
//! beyond its map entry.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::ast::Direction;
use super::plan::{RelSet, TypeSet};
use super::view::GraphView;
use crate::graph::adjacency::order_key;
use crate::graph::{Dir, Edge, EdgeId, NodeId, Slot};
use crate::model::RelationType;

/// How many paths `path … all` lists at most.
pub const MAX_PATHS: usize = 100;

/// A multiplicative hasher for small integer keys.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0 ^ u64::from(i)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Visits the edges at `id` that `dir` and `rels` allow: `f(slot, followed forward)`. Reads the
/// graph's compact adjacency when it keeps one, else its edges.
fn each_edge(
    g: &dyn GraphView,
    id: NodeId,
    dir: Direction,
    rels: RelSet,
    mut f: impl FnMut(Slot, bool),
) {
    let mut go = |d: Dir| match g.adjacent(id, d) {
        Some(slots) => {
            for &s in slots {
                if rels.contains(s.relation) {
                    f(s, d == Dir::Out);
                }
            }
        }
        None => g.visit_edges(id, d, &mut |edge: EdgeId, node: NodeId, e: &Edge| {
            if rels.contains(e.relation) {
                let key = g
                    .node(node)
                    .map_or(u64::MAX, |n| order_key(n.kind, &n.name));
                f(Slot::new(node, edge, e.relation, key), d == Dir::Out);
            }
        }),
    };
    if dir != Direction::In {
        go(Dir::Out);
    }
    if dir != Direction::Out {
        go(Dir::In);
    }
}

/// Reads the start of each node's edges before a layer is walked: the reads do not depend on
/// each other, so their cache misses overlap, where walking the nodes one by one would wait for
/// each miss in turn.
fn touch(g: &dyn GraphView, nodes: impl Iterator<Item = NodeId>, dir: Direction) {
    let d = if dir == Direction::In {
        Dir::In
    } else {
        Dir::Out
    };
    let mut acc = 0u32;
    for u in nodes {
        if let Some(s) = g.adjacent(u, d).and_then(<[Slot]>::first) {
            acc ^= s.node.0;
        }
    }
    std::hint::black_box(acc);
}

/// One node a neighbourhood reached: its depth and how it was first reached.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    pub node: NodeId,
    pub depth: u32,
    pub from: NodeId,
    /// `from`'s position in [`Neighbourhood::reached`].
    pub parent: u32,
    /// The relation of the edge it was first reached by.
    pub relation: Option<RelationType>,
    /// The node's order key (type, then the start of its name).
    pub key: u64,
    /// Whether that edge goes from `from` to `node`.
    pub forward: bool,
    pub matched: bool,
}

/// A neighbourhood: every node reached (the start first), and the edges between them.
#[derive(Debug, Default)]
pub struct Neighbourhood {
    pub reached: Vec<Reach>,
    /// The edges between them, each once: (edge, position of one end in `reached`, of the
    /// other), in the order found.
    pub edges: Vec<(EdgeId, u32, u32)>,
    /// Whether the limit cut the search short.
    pub truncated: bool,
}

/// The nodes within `depth` hops of `start`, breadth-first, stopping once `limit` nodes of
/// `types` are found.
///
/// # Complexity
/// O(nodes + edges) of the neighbourhood explored.
pub fn neighbourhood(
    g: &dyn GraphView,
    start: NodeId,
    depth: u32,
    dir: Direction,
    types: TypeSet,
    rels: RelSet,
    limit: usize,
) -> Neighbourhood {
    let mut out = Neighbourhood::default();
    // Sized for a typical neighbourhood, so small searches never regrow their tables.
    let mut index: IdMap<NodeId, u32> = IdMap::with_capacity_and_hasher(256, Default::default());
    out.reached.reserve(256);
    out.edges.reserve(256);
    index.insert(start, 0);
    out.reached.push(Reach {
        node: start,
        depth: 0,
        from: start,
        parent: 0,
        relation: None,
        key: 0,
        forward: true,
        matched: false,
    });
    let any_type = types == TypeSet::any();
    let (mut lo, mut matched) = (0, 0);
    for d in 0..depth {
        let hi = out.reached.len();
        touch(g, out.reached[lo..hi].iter().map(|r| r.node), dir);
        for i in lo..hi {
            let u = out.reached[i].node;
            each_edge(g, u, dir, rels, |s, forward| {
                if out.truncated {
                    return;
                }
                let v = s.node;
                let at = out.reached.len() as u32;
                let slot = match index.entry(v) {
                    Entry::Occupied(seen) => {
                        // Both ways, an edge is seen from both ends: kept from the end
                        // expanded first (a self-loop: the way it points).
                        let j = *seen.get();
                        let first = match (j as usize).cmp(&i) {
                            Ordering::Greater => true,
                            Ordering::Less => dir != Direction::Both,
                            Ordering::Equal => forward || dir == Direction::In,
                        };
                        if first {
                            out.edges.push((s.edge, i as u32, j));
                        }
                        return;
                    }
                    Entry::Vacant(slot) => slot,
                };
                slot.insert(at);
                out.edges.push((s.edge, i as u32, at));
                let is_match = any_type || types.contains(s.kind());
                out.reached.push(Reach {
                    node: v,
                    depth: d + 1,
                    from: u,
                    parent: i as u32,
                    relation: Some(s.relation),
                    key: s.key(),
                    forward,
                    matched: is_match,
                });
                if is_match {
                    matched += 1;
                    if matched >= limit {
                        out.truncated = true;
                    }
                }
            });
            if out.truncated {
                break;
            }
        }
        if out.truncated || out.reached.len() == hi {
            break;
        }
        lo = hi;
    }
    out
}

/// One step of a path, in the path's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    pub from: NodeId,
    pub edge: EdgeId,
    pub to: NodeId,
}

/// Shortest paths from `from` to `to` (one, or with `all` every shortest one up to
/// [`MAX_PATHS`]), no longer than `max` hops. Empty when there is none; `[[]]` when the two
/// are the same node.
///
/// # Complexity
/// Bidirectional breadth-first search: each side expands its smaller frontier a layer at a time,
/// so about O(b^(d/2)) for branching factor b and distance d.
pub fn shortest_paths(
    g: &dyn GraphView,
    from: NodeId,
    to: NodeId,
    all: bool,
    max: Option<u32>,
    dir: Direction,
    rels: RelSet,
) -> (Vec<Vec<Hop>>, bool) {
    if from == to {
        return (vec![Vec::new()], false);
    }
    let back = match dir {
        Direction::Out => Direction::In,
        Direction::In => Direction::Out,
        Direction::Both => Direction::Both,
    };
    let mut sides = [Side::new(from, dir), Side::new(to, back)];
    let max = max.unwrap_or(u32::MAX);
    let mut meets: Vec<NodeId> = Vec::new();
    while !sides[0].frontier.is_empty() && !sides[1].frontier.is_empty() {
        if sides[0].depth.saturating_add(sides[1].depth) >= max {
            break;
        }
        let s = usize::from(sides[1].frontier.len() < sides[0].frontier.len());
        let (a, b) = if s == 0 {
            let (x, y) = sides.split_at_mut(1);
            (&mut x[0], &y[0])
        } else {
            let (x, y) = sides.split_at_mut(1);
            (&mut y[0], &x[0])
        };
        a.expand(g, rels, all, b, &mut meets);
        if !meets.is_empty() {
            break;
        }
    }
    if meets.is_empty() {
        return (Vec::new(), false);
    }
    let [fwd, bwd] = &sides;
    let mut paths = Vec::new();
    let mut truncated = false;
    'meets: for m in meets {
        let suffixes = bwd.chains(m, all);
        for pre in fwd.chains(m, all) {
            for suf in &suffixes {
                if paths.len() == MAX_PATHS {
                    truncated = true;
                    break 'meets;
                }
                let mut p: Vec<Hop> = pre
                    .iter()
                    .rev()
                    .map(|&(edge, parent, child)| Hop {
                        from: parent,
                        edge,
                        to: child,
                    })
                    .collect();
                p.extend(suf.iter().map(|&(edge, parent, child)| Hop {
                    from: child,
                    edge,
                    to: parent,
                }));
                paths.push(p);
            }
        }
    }
    // `chains` stops at MAX_PATHS too, so a full list may hide more.
    let truncated = truncated || paths.len() >= MAX_PATHS;
    (paths, truncated)
}

/// One side of a bidirectional search.
struct Side {
    dir: Direction,
    depth: u32,
    /// node → (distance, first parent edge, parent).
    seen: IdMap<NodeId, (u32, Option<(EdgeId, NodeId)>)>,
    /// Further parents at the same distance (only for `all`).
    extra: IdMap<NodeId, Vec<(EdgeId, NodeId)>>,
    frontier: Vec<NodeId>,
}

impl Side {
    fn new(start: NodeId, dir: Direction) -> Self {
        let mut seen = IdMap::with_capacity_and_hasher(1024, Default::default());
        seen.insert(start, (0, None));
        Side {
            dir,
            depth: 0,
            seen,
            extra: IdMap::default(),
            frontier: vec![start],
        }
    }

    /// Expands one whole layer; records into `meets` the new nodes the other side has seen.
    fn expand(
        &mut self,
        g: &dyn GraphView,
        rels: RelSet,
        all: bool,
        other: &Side,
        meets: &mut Vec<NodeId>,
    ) {
        let frontier = std::mem::take(&mut self.frontier);
        let d = self.depth + 1;
        let mut next = Vec::new();
        touch(g, frontier.iter().copied(), self.dir);
        for &u in &frontier {
            each_edge(g, u, self.dir, rels, |s, _| {
                if !all && !meets.is_empty() {
                    return;
                }
                let (v, e) = (s.node, s.edge);
                match self.seen.entry(v) {
                    Entry::Vacant(slot) => {
                        slot.insert((d, Some((e, u))));
                        next.push(v);
                        if other.seen.contains_key(&v) {
                            meets.push(v);
                        }
                    }
                    Entry::Occupied(seen) if all && seen.get().0 == d => {
                        self.extra.entry(v).or_default().push((e, u));
                    }
                    _ => {}
                }
            });
            if !all && !meets.is_empty() {
                break;
            }
        }
        self.depth = d;
        self.frontier = next;
    }

    /// The chains of (edge, parent, child) from `m` back to this side's start: one, or all.
    fn chains(&self, m: NodeId, all: bool) -> Vec<Vec<(EdgeId, NodeId, NodeId)>> {
        let mut done = Vec::new();
        let mut stack = vec![(m, Vec::new())];
        while let Some((v, chain)) = stack.pop() {
            let mut parents: Vec<(EdgeId, NodeId)> = Vec::new();
            if let Some(&(_, Some(p))) = self.seen.get(&v) {
                parents.push(p);
            }
            if all {
                if let Some(more) = self.extra.get(&v) {
                    parents.extend(more.iter().copied());
                }
            }
            if parents.is_empty() {
                done.push(chain);
                if done.len() >= MAX_PATHS {
                    break;
                }
                continue;
            }
            for &(e, p) in parents.iter().rev() {
                let mut c: Vec<(EdgeId, NodeId, NodeId)> = chain.clone();
                c.push((e, p, v));
                stack.push((p, c));
            }
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{KnowledgeGraph, Node};
    use crate::model::{EntityType, RelationType};
    use rand::{Rng, SeedableRng};

    fn random_graph(seed: u64, n: u32, m: usize) -> KnowledgeGraph {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let mut g = KnowledgeGraph::default();
        for i in 0..n {
            g.add_node(Node {
                name: format!("n{i}"),
                kind: EntityType::Place,
                aliases: vec![],
                docs: vec![],
                years: vec![],
                attrs: Default::default(),
            });
        }
        for _ in 0..m {
            let (a, b) = (rng.gen_range(0..n), rng.gen_range(0..n));
            let relation = if rng.gen_bool(0.2) {
                RelationType::CoOccurs
            } else {
                RelationType::LocatedIn
            };
            g.add_edge(
                NodeId(a),
                NodeId(b),
                Edge {
                    relation,
                    confidence: 1.0,
                    weight: 1,
                    evidence: vec![],
                    docs: Vec::new(),
                    attrs: Default::default(),
                },
            );
        }
        g
    }

    /// Plain breadth-first distances from `s`, and the number of shortest walks to each node
    /// counting parallel edges apart.
    fn reference(
        g: &KnowledgeGraph,
        s: NodeId,
        dir: Direction,
        rels: RelSet,
    ) -> IdMap<NodeId, (u32, u64)> {
        let mut seen: IdMap<NodeId, (u32, u64)> = IdMap::default();
        seen.insert(s, (0, 1));
        let mut frontier = vec![s];
        let mut d = 0;
        while !frontier.is_empty() {
            d += 1;
            let mut next = Vec::new();
            for &u in &frontier {
                let cu = seen[&u].1;
                each_edge(g, u, dir, rels, |s, _| match seen.get_mut(&s.node) {
                    None => {
                        seen.insert(s.node, (d, cu));
                        next.push(s.node);
                    }
                    Some((dv, c)) if *dv == d => *c += cu,
                    _ => {}
                });
            }
            frontier = next;
        }
        seen
    }

    #[test]
    fn bidirectional_search_agrees_with_plain_search() {
        for seed in 0..30 {
            let g = random_graph(seed, 60, 90);
            for dir in [Direction::Both, Direction::Out, Direction::In] {
                for rels in [RelSet::semantic(), RelSet::all()] {
                    let s = NodeId(seed as u32 % 60);
                    let dist = reference(&g, s, dir, rels);
                    for t in 0..60 {
                        let t = NodeId(t);
                        let (one, _) = shortest_paths(&g, s, t, false, None, dir, rels);
                        let (all, truncated) = shortest_paths(&g, s, t, true, None, dir, rels);
                        match dist.get(&t) {
                            None => assert!(one.is_empty() && all.is_empty()),
                            Some(&(d, count)) => {
                                assert_eq!(one.len(), 1);
                                assert_eq!(one[0].len() as u32, d, "{seed} {s:?}->{t:?}");
                                if !truncated {
                                    assert_eq!(all.len() as u64, count, "{seed} {s:?}->{t:?}");
                                }
                                for p in all.iter().chain(&one) {
                                    assert_eq!(p.len() as u32, d);
                                    let mut at = s;
                                    for hop in p {
                                        assert_eq!(hop.from, at);
                                        let (a, b) = g.endpoints(hop.edge).unwrap();
                                        assert!(
                                            (a, b) == (hop.from, hop.to)
                                                || (b, a) == (hop.from, hop.to)
                                        );
                                        at = hop.to;
                                    }
                                    assert_eq!(at, t);
                                }
                                if d >= 1 {
                                    let below =
                                        shortest_paths(&g, s, t, false, Some(d - 1), dir, rels);
                                    assert!(below.0.is_empty(), "max below the distance");
                                    let at = shortest_paths(&g, s, t, false, Some(d), dir, rels);
                                    assert_eq!(at.0.len(), 1, "max at the distance");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn neighbourhood_respects_depth_and_limit() {
        let g = random_graph(3, 200, 600);
        let s = NodeId(0);
        let dist = reference(&g, s, Direction::Both, RelSet::semantic());
        let n = neighbourhood(
            &g,
            s,
            2,
            Direction::Both,
            TypeSet::any(),
            RelSet::semantic(),
            100_000,
        );
        let expected = dist.values().filter(|(d, _)| *d <= 2).count();
        assert_eq!(n.reached.len(), expected);
        assert!(n.reached.iter().all(|r| dist[&r.node].0 == r.depth));
        let capped = neighbourhood(
            &g,
            s,
            2,
            Direction::Both,
            TypeSet::any(),
            RelSet::semantic(),
            5,
        );
        assert!(capped.truncated);
        assert_eq!(capped.reached.iter().filter(|r| r.matched).count(), 5);
    }

    #[test]
    fn neighbourhood_lists_each_followed_edge_once() {
        let mut g = random_graph(5, 60, 240);
        let e = g.edge(EdgeId(0)).cloned().unwrap();
        g.add_edge(NodeId(0), NodeId(0), e.clone());
        g.add_edge(NodeId(1), NodeId(1), e);
        for dir in [Direction::Both, Direction::Out, Direction::In] {
            for depth in 1..=3 {
                let n = neighbourhood(
                    &g,
                    NodeId(0),
                    depth,
                    dir,
                    TypeSet::any(),
                    RelSet::semantic(),
                    100_000,
                );
                // Every edge the search follows: from each node short of the last depth.
                let mut expected = Vec::new();
                for r in n.reached.iter().filter(|r| r.depth < depth) {
                    each_edge(&g, r.node, dir, RelSet::semantic(), |s, _| {
                        expected.push(s.edge)
                    });
                }
                expected.sort_unstable();
                expected.dedup();
                let mut got: Vec<EdgeId> = n.edges.iter().map(|x| x.0).collect();
                got.sort_unstable();
                assert_eq!(got, expected, "{dir:?} depth {depth}");
            }
        }
    }
}
