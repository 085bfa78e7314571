//! A seeded generator of synthetic graphs for benchmarks and tests: the same sizes and seed give
//! the same graph on every machine. Nodes are typed and carry Chinese-looking names; edges carry
//! the semantic relations only (no MENTIONS or CO_OCCURS), so a default traversal follows them
//! all. Touches only [`KnowledgeGraph::add_node`] and [`KnowledgeGraph::add_edge`].

use indexmap::IndexMap;

use super::{Attrs, Edge, KnowledgeGraph, Node, NodeId};
use crate::model::{EntityType, RelationType};

/// SplitMix64: a tiny, fast, seedable generator (Steele, Lea and Flood, 2014). Good enough for
/// synthetic data; not for cryptography.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters names are made of (common in company and place names, none a real name alone).
const SYLLABLES: &[char] = &[
    '华', '兴', '中', '新', '天', '海', '泰', '宏', '鑫', '盛', '恒', '瑞', '博', '远', '丰', '达',
    '成', '安', '信', '通', '明', '光', '东', '南', '西', '北', '山', '河', '金', '银', '云', '龙',
    '凤', '德', '仁', '和', '嘉', '永', '长', '福', '康', '正', '星', '智', '联', '汇', '创', '合',
];

/// The types drawn, with weights summing to 100.
const TYPES: &[(EntityType, u32)] = &[
    (EntityType::Enterprise, 35),
    (EntityType::Project, 15),
    (EntityType::Place, 10),
    (EntityType::Organization, 10),
    (EntityType::Policy, 8),
    (EntityType::Person, 7),
    (EntityType::Industry, 5),
    (EntityType::Event, 5),
    (EntityType::Target, 5),
];

/// The relations extraction states: every relation but the last three of `RelationType::ALL`
/// (MENTIONS, CO_OCCURS, RELATED).
const RELATIONS: &[RelationType] = RelationType::ALL.split_at(RelationType::ALL.len() - 3).0;

/// Generates a graph of `nodes` nodes and `edges` edges from `seed`: node `i` gets a type drawn
/// from fixed weights and a name of two to three characters, a type suffix and `i` (so names are
/// unique); each edge joins two distinct nodes drawn uniformly, with a semantic relation.
///
/// # Complexity
/// O(nodes + edges) time and memory.
///
/// # Example
/// ```
/// use zhitu::graph::synth::generate;
/// let g = generate(100, 300, 7);
/// assert_eq!((g.node_count(), g.edge_count()), (100, 300));
/// let h = generate(100, 300, 7);
/// let name = |g: &zhitu::graph::KnowledgeGraph| g.node(zhitu::graph::NodeId(42)).unwrap().name.clone();
/// assert_eq!(name(&g), name(&h));
/// ```
pub fn generate(nodes: usize, edges: usize, seed: u64) -> KnowledgeGraph {
    let mut rng = SplitMix64::new(seed);
    let mut g = KnowledgeGraph::default();
    for i in 0..nodes {
        let kind = draw_type(&mut rng);
        let mut name = String::new();
        for _ in 0..2 + rng.below(2) {
            name.push(*rng.pick(SYLLABLES));
        }
        name.push_str(suffix(kind, &mut rng));
        name.push_str(&i.to_string());
        let mut attrs = IndexMap::new();
        if kind == EntityType::Target {
            attrs.insert("value".into(), serde_json::Value::from(rng.below(10_000)));
            attrs.insert("unit".into(), serde_json::Value::from("亿元"));
            attrs.insert("year".into(), serde_json::Value::from(2020 + rng.below(11)));
        }
        g.add_node(Node {
            name,
            kind,
            aliases: Vec::new(),
            docs: Vec::new(),
            years: Vec::new(),
            attrs,
        });
    }
    if nodes < 2 {
        return g;
    }
    for _ in 0..edges {
        let s = rng.below(nodes);
        let mut t = rng.below(nodes - 1);
        if t >= s {
            t += 1;
        }
        g.add_edge(
            NodeId(s as u32),
            NodeId(t as u32),
            Edge {
                relation: *rng.pick(RELATIONS),
                confidence: 1.0,
                weight: 1,
                evidence: Vec::new(),
                docs: Vec::new(),
                attrs: Attrs::default(),
            },
        );
    }
    g
}

fn draw_type(rng: &mut SplitMix64) -> EntityType {
    let mut r = rng.below(100) as u32;
    for &(t, w) in TYPES {
        if r < w {
            return t;
        }
        r -= w;
    }
    EntityType::Enterprise
}

fn suffix(kind: EntityType, rng: &mut SplitMix64) -> &'static str {
    let options: &[&str] = match kind {
        EntityType::Enterprise => &["集团", "科技有限公司", "股份有限公司", "实业"],
        EntityType::Project => &["产业园项目", "基地项目", "工程"],
        EntityType::Place => &["市", "区", "县", "镇"],
        EntityType::Organization => &["研究院", "管理委员会", "大学", "局"],
        EntityType::Policy => &["发展规划", "行动计划", "实施意见"],
        EntityType::Person => &[""],
        EntityType::Industry => &["产业", "制造业", "服务业"],
        EntityType::Event => &["博览会", "峰会", "论坛"],
        EntityType::Target => &["营业收入", "增加值", "产值"],
        EntityType::Document | EntityType::Unknown => &[""],
    };
    options[rng.below(options.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_only_stated_relations() {
        let stated: Vec<RelationType> = RelationType::ALL
            .into_iter()
            .filter(|r| r.is_semantic() && *r != RelationType::Related)
            .collect();
        assert_eq!(RELATIONS, stated.as_slice());
    }

    #[test]
    fn splitmix_is_stable() {
        // First outputs for seed 1234567, as published with the algorithm.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn generates_the_asked_sizes_without_self_loops() {
        let g = generate(50, 400, 1);
        assert_eq!((g.node_count(), g.edge_count()), (50, 400));
        for e in g.edge_ids() {
            let (s, t) = g.endpoints(e).unwrap();
            assert_ne!(s, t);
            assert!(g.edge(e).unwrap().relation.is_semantic());
        }
        assert_eq!(generate(1, 10, 1).edge_count(), 0);
        assert_eq!(generate(0, 10, 1).node_count(), 0);
    }
}
