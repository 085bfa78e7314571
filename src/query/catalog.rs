//! The statements about the whole graph: `stats` (counts by type and relation), `schema` (which
//! relations join which types, with counts) and `docs` (the documents the graph was built from).

use std::collections::BTreeMap;

use super::view::GraphView;
use super::{QueryOutput, Value};
use crate::model::{EntityType, RelationType};

fn output(kind: &'static str, columns: &[&'static str], rows: Vec<Vec<Value>>) -> QueryOutput {
    QueryOutput {
        kind,
        columns: columns.iter().map(|&c| c.into()).collect(),
        rows: rows.into_iter().map(super::Row::from_vec).collect(),
        ..Default::default()
    }
}

fn count(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `stats`: nodes, edges and documents, then nodes by type and edges by relation.
pub fn stats(g: &dyn GraphView) -> QueryOutput {
    let mut types: BTreeMap<EntityType, usize> = BTreeMap::new();
    for id in g.node_ids() {
        if let Some(n) = g.node(id) {
            *types.entry(n.kind).or_default() += 1;
        }
    }
    let mut rels: BTreeMap<RelationType, usize> = BTreeMap::new();
    for e in g.edge_ids() {
        if let Some(edge) = g.edge(e) {
            *rels.entry(edge.relation).or_default() += 1;
        }
    }
    let mut rows = vec![
        vec![Value::Str("nodes".into()), count(g.node_count())],
        vec![Value::Str("edges".into()), count(g.edge_count())],
        vec![Value::Str("documents".into()), count(g.documents().len())],
    ];
    for (t, n) in types {
        rows.push(vec![
            Value::Str(format!("type {} {}", t.as_str(), t.chinese())),
            count(n),
        ]);
    }
    for (r, n) in rels {
        rows.push(vec![
            Value::Str(format!("relation {} {}", r.as_str(), r.chinese())),
            count(n),
        ]);
    }
    output("stats", &["measure", "count"], rows)
}

/// `schema`: every (source type, relation, target type) with its number of edges.
pub fn schema(g: &dyn GraphView) -> QueryOutput {
    let mut triples: BTreeMap<(RelationType, EntityType, EntityType), usize> = BTreeMap::new();
    for e in g.edge_ids() {
        let (Some(edge), Some((s, t))) = (g.edge(e), g.endpoints(e)) else {
            continue;
        };
        let (Some(s), Some(t)) = (g.node(s), g.node(t)) else {
            continue;
        };
        *triples.entry((edge.relation, s.kind, t.kind)).or_default() += 1;
    }
    let rows = triples
        .into_iter()
        .map(|((r, s, t), n)| {
            vec![
                Value::Str(s.as_str().into()),
                Value::Str(r.as_str().into()),
                Value::Str(t.as_str().into()),
                count(n),
            ]
        })
        .collect();
    output("schema", &["source", "relation", "target", "edges"], rows)
}

/// `docs`: the documents, with how many nodes each mentions.
pub fn docs(g: &dyn GraphView) -> QueryOutput {
    let mut per_doc: BTreeMap<&str, usize> = BTreeMap::new();
    for id in g.node_ids() {
        if let Some(n) = g.node(id) {
            for d in &n.docs {
                *per_doc.entry(d).or_default() += 1;
            }
        }
    }
    let opt = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Str);
    let rows = g
        .documents()
        .iter()
        .map(|d| {
            vec![
                Value::Str(d.id.clone()),
                Value::Str(d.title.clone()),
                opt(&d.date),
                opt(&d.city),
                count(per_doc.get(d.id.as_str()).copied().unwrap_or(0)),
            ]
        })
        .collect();
    output("docs", &["id", "title", "date", "city", "nodes"], rows)
}
