//! The reference scorer (`tests/fixtures/score.py`, shared/eval/score.py) ported line for line:
//! the same normalisation, entity matching by variants, target keys with unit-prefix scaling and
//! six significant digits, bigram Dice ≥ 0.2 on metrics, and facts matched by any edge (either
//! direction) or by a typed edge (same direction). Works on one document's [`ScoreGraph`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::gold::Gold;

/// A node as the scorer sees it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScoreNode {
    pub id: usize,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub metric: Value,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub value: Value,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub unit: Value,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub year: Value,
}

/// An edge as the scorer sees it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScoreEdge {
    pub source: usize,
    pub target: usize,
    pub relation: String,
}

/// One document's graph, as the scorer reads it (and as `score.py` reads its JSON).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ScoreGraph {
    pub nodes: Vec<ScoreNode>,
    pub edges: Vec<ScoreEdge>,
}

/// Precision, recall and F1 with the counts behind them, as `score.py` prints them.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub pred: usize,
    pub gold: usize,
    pub tp_pred: usize,
    pub tp_gold: usize,
}

impl Prf {
    /// From counts: `tp_pred` of `pred` predictions matched, `tp_gold` of `gold` found.
    pub fn new(tp_pred: usize, pred: usize, tp_gold: usize, gold: usize) -> Prf {
        let p = if pred > 0 {
            tp_pred as f64 / pred as f64
        } else {
            0.0
        };
        let r = if gold > 0 {
            tp_gold as f64 / gold as f64
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p: round4(p),
            r: round4(r),
            f1: round4(f1),
            pred,
            gold,
            tp_pred,
            tp_gold,
        }
    }

    /// The sum of the counts of several scores (micro-averaging).
    pub fn sum<'a>(all: impl Iterator<Item = &'a Prf>) -> Prf {
        let (mut a, mut b, mut c, mut d) = (0, 0, 0, 0);
        for x in all {
            a += x.tp_pred;
            b += x.pred;
            c += x.tp_gold;
            d += x.gold;
        }
        Prf::new(a, b, c, d)
    }
}

/// Gold entities of one type: how many, how many found (any type), how many found with it.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct TypeCount {
    pub gold: usize,
    pub found: usize,
    pub typed: usize,
}

/// `score.py`'s result for one document.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct DocScore {
    pub entities: Prf,
    pub entities_typed: Prf,
    pub per_type: BTreeMap<String, TypeCount>,
    pub targets: Prf,
    pub targets_loose: Prf,
    pub facts_any_edge: Option<f64>,
    pub facts_typed: Option<f64>,
    pub facts: usize,
    pub facts_any_hit: usize,
    pub facts_typed_hit: usize,
    pub nodes: usize,
    pub edges: usize,
}

/// The eight entity types the guideline defines, in `sorted()` order.
const ENTITY_TYPES: [&str; 8] = [
    "Enterprise",
    "Event",
    "Industry",
    "Organization",
    "Person",
    "Place",
    "Policy",
    "Project",
];

/// Numeral prefixes of units, tried in this order.
const MULT: [(&str, f64); 9] = [
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];

/// `norm`: drops 《》“”‘’"' and white space (Python's `\s`).
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !(matches!(c, '《' | '》' | '“' | '”' | '‘' | '’' | '"' | '\'')
                || c.is_whitespace()
                || ('\u{1c}'..='\u{1f}').contains(&c))
        })
        .collect()
}

/// Python's `str(v)` for a JSON value.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        other => other.to_string(),
    }
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `round(x, 4)`.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `float(v)`, `None` where it raises.
fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => s.trim().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// Python's `int(v)` as `year()` calls it, `None` where it raises.
fn py_year(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|x| x.is_finite())
                .map(|x| x.trunc() as i64)
        }),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::String(s) => s.trim().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A target's quantity: the value scaled to the bare unit, and that unit.
type TKey = (f64, String);

/// A gold target as matched: quantity, year, whether the year is absent, metric bigrams.
type GoldKey = (Option<TKey>, Option<i64>, bool, BTreeSet<String>);

/// `tkey`: the value scaled by the unit's numeral prefixes, to six significant digits, and the
/// rest of the unit.
fn tkey(v: &Value, u: &Value) -> Option<TKey> {
    let mut x = py_float(v)?;
    let mut u = if truthy(u) {
        norm(&py_str(u))
    } else {
        String::new()
    };
    for _ in 0..3 {
        let hit = MULT
            .iter()
            .find(|(p, _)| (u.starts_with(p) && u.len() > p.len()) || u == *p);
        match hit {
            Some((p, k)) => {
                x *= k;
                u = u[p.len()..].to_string();
            }
            None => break,
        }
    }
    let x = if x.is_finite() && x != 0.0 {
        format!("{x:.5e}").parse().unwrap_or(x)
    } else {
        x
    };
    Some((x, u))
}

fn bigrams(s: &str) -> BTreeSet<String> {
    let chars: Vec<char> = norm(s).chars().collect();
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Scores one document's graph against its gold file, exactly as `score.py` does.
pub fn score(g: &ScoreGraph, gold: &Gold) -> DocScore {
    let ents: Vec<&ScoreNode> = g
        .nodes
        .iter()
        .filter(|n| ENTITY_TYPES.contains(&n.kind.as_str()))
        .collect();
    let gold_ents = &gold.entities;
    let gvar: Vec<BTreeSet<String>> = gold_ents
        .iter()
        .map(|e| e.variants.iter().map(|v| norm(v)).collect())
        .collect();
    // node → matching gold indices, in node order (the dict's insertion order).
    let node_gold: Vec<(usize, &str, BTreeSet<usize>)> = ents
        .iter()
        .map(|n| {
            let forms: BTreeSet<String> = std::iter::once(norm(&n.name))
                .chain(n.aliases.iter().map(|a| norm(a)))
                .collect();
            let hits = gvar
                .iter()
                .enumerate()
                .filter(|(_, vs)| !forms.is_disjoint(vs))
                .map(|(i, _)| i)
                .collect();
            (n.id, n.kind.as_str(), hits)
        })
        .collect();
    let matched_gold: BTreeSet<usize> =
        node_gold.iter().flat_map(|x| x.2.iter().copied()).collect();
    let matched_nodes = node_gold.iter().filter(|x| !x.2.is_empty()).count();
    let entities = Prf::new(
        matched_nodes,
        ents.len(),
        matched_gold.len(),
        gold_ents.len(),
    );
    let mut tg: BTreeSet<usize> = BTreeSet::new();
    let mut tn = 0;
    for (_, kind, gs) in &node_gold {
        let hit: Vec<usize> = gs
            .iter()
            .copied()
            .filter(|&i| gold_ents[i].kind == *kind)
            .collect();
        if !hit.is_empty() {
            tn += 1;
            tg.extend(hit);
        }
    }
    let entities_typed = Prf::new(tn, ents.len(), tg.len(), gold_ents.len());
    let mut per_type = BTreeMap::new();
    for t in ENTITY_TYPES {
        let idx: Vec<usize> = (0..gold_ents.len())
            .filter(|&i| gold_ents[i].kind == t)
            .collect();
        if !idx.is_empty() {
            per_type.insert(
                t.to_string(),
                TypeCount {
                    gold: idx.len(),
                    found: idx.iter().filter(|i| matched_gold.contains(i)).count(),
                    typed: idx.iter().filter(|i| tg.contains(i)).count(),
                },
            );
        }
    }
    let (targets, targets_loose) = score_targets(g, gold);
    let facts = score_facts(g, gold, &node_gold);
    let nf = gold.facts.len();
    let ratio = |hits: usize| (nf > 0).then(|| round4(hits as f64 / nf as f64));
    DocScore {
        entities,
        entities_typed,
        per_type,
        targets,
        targets_loose,
        facts_any_edge: ratio(facts.0),
        facts_typed: ratio(facts.1),
        facts: nf,
        facts_any_hit: facts.0,
        facts_typed_hit: facts.1,
        nodes: g.nodes.len(),
        edges: g.edges.len(),
    }
}

/// `tmatch(True)` and `tmatch(False)`.
fn score_targets(g: &ScoreGraph, gold: &Gold) -> (Prf, Prf) {
    let pred: Vec<(Option<TKey>, Option<i64>, BTreeSet<String>)> = g
        .nodes
        .iter()
        .filter(|n| n.kind == "Target")
        .map(|n| {
            let m = if truthy(&n.metric) {
                py_str(&n.metric)
            } else {
                n.name.clone()
            };
            (tkey(&n.value, &n.unit), py_year(&n.year), bigrams(&m))
        })
        .collect();
    let gold_t: Vec<GoldKey> = gold
        .targets
        .iter()
        .map(|t| {
            let m = if truthy(&t.metric) {
                py_str(&t.metric)
            } else {
                String::new()
            };
            (
                tkey(&t.value, &t.unit),
                py_year(&t.year),
                t.year.is_null(),
                bigrams(&m),
            )
        })
        .collect();
    let tmatch = |strict: bool| {
        let mut tg_hit = BTreeSet::new();
        let mut tp_hit = 0;
        for (k, y, mb) in &pred {
            let Some(k) = k else { continue };
            let hits: Vec<usize> = gold_t
                .iter()
                .enumerate()
                .filter(|(_, (gk, gy, gnull, gb))| {
                    gk.as_ref() == Some(k)
                        && if strict {
                            gy == y && dice(mb, gb) >= 0.2
                        } else {
                            y.is_none() || *gnull || gy == y
                        }
                })
                .map(|(i, _)| i)
                .collect();
            if !hits.is_empty() {
                tp_hit += 1;
                tg_hit.extend(hits);
            }
        }
        Prf::new(tp_hit, pred.len(), tg_hit.len(), gold_t.len())
    };
    (tmatch(true), tmatch(false))
}

/// Facts found by any edge between the two entities (either way), and by a typed edge.
fn score_facts(
    g: &ScoreGraph,
    gold: &Gold,
    node_gold: &[(usize, &str, BTreeSet<usize>)],
) -> (usize, usize) {
    let mut name_idx: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, e) in gold.entities.iter().enumerate() {
        name_idx.insert(e.name.as_str(), i);
    }
    let mut gold_nodes: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (nid, _, gs) in node_gold {
        for &i in gs {
            gold_nodes.entry(i).or_default().insert(*nid);
        }
    }
    let mut pairs: BTreeMap<(usize, usize), BTreeSet<&str>> = BTreeMap::new();
    for e in &g.edges {
        pairs
            .entry((e.source, e.target))
            .or_default()
            .insert(e.relation.as_str());
    }
    let empty = BTreeSet::new();
    let (mut any, mut typed) = (0, 0);
    for f in &gold.facts {
        let nodes_of = |name: &str| {
            name_idx
                .get(name)
                .and_then(|i| gold_nodes.get(i))
                .unwrap_or(&empty)
        };
        let (s, t) = (nodes_of(&f.source), nodes_of(&f.target));
        let mut fwd: BTreeSet<&str> = BTreeSet::new();
        let mut bwd = false;
        for a in s {
            for b in t {
                if let Some(r) = pairs.get(&(*a, *b)) {
                    fwd.extend(r.iter().copied());
                }
                bwd |= pairs.contains_key(&(*b, *a));
            }
        }
        if !fwd.is_empty() || bwd {
            any += 1;
        }
        if fwd.contains(f.relation.as_str()) {
            typed += 1;
        }
    }
    (any, typed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn target_keys_scale_unit_prefixes() {
        assert_eq!(
            tkey(&json!(1.2), &json!("万亿元")),
            tkey(&json!(12000), &json!("亿元"))
        );
        assert_eq!(
            tkey(&json!(1), &json!("千亿元")),
            tkey(&json!("1000"), &json!("亿元"))
        );
        assert_eq!(tkey(&json!(5), &json!("千亿")), Some((5e11, String::new())));
        assert_eq!(tkey(&json!(26.9), &json!("%")), Some((26.9, "%".into())));
        assert_eq!(tkey(&json!(null), &json!("%")), None);
        // Six significant digits.
        assert_eq!(
            tkey(&json!(1.0000004), &json!("")),
            Some((1.0, String::new()))
        );
    }

    #[test]
    fn dice_of_bigrams() {
        let a = bigrams("软件业务收入");
        let b = bigrams("软件和信息技术服务业营业收入");
        assert!(dice(&a, &b) > 0.2);
        assert_eq!(dice(&bigrams("x"), &b), 0.0);
    }

    #[test]
    fn python_rounding_and_years() {
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(py_year(&json!("2025")), Some(2025));
        assert_eq!(py_year(&json!("2025.0")), None);
        assert_eq!(py_year(&json!(2025.9)), Some(2025));
        assert_eq!(py_year(&json!(null)), None);
    }
}
