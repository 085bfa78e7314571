//! Execution: a [`Plan`] → a [`QueryOutput`] (a table, and the subgraph the result covers), over
//! the [`GraphView`] trait only. Traversals live in `traverse`, `find`'s conditions in `filter`,
//! the whole-graph statements in `catalog`.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::ast::Direction;
use super::plan::{Plan, Planned, RelSet};
use super::traverse::{neighbourhood, shortest_paths, Hop, IdMap, MAX_PATHS};
use super::view::GraphView;
use super::{catalog, filter, QueryOutput, Row, Subgraph, Value};
use crate::graph::adjacency::key_kind;
use crate::graph::{Dir, Edge, EdgeId, NodeId};
use crate::model::{EntityType, RelationType};

/// How many edges `show` lists with their evidence.
const SHOW_EDGES: usize = 20;

/// Runs a plan.
pub fn run(g: &dyn GraphView, planned: &Planned) -> QueryOutput {
    let mut out = match &planned.plan {
        Plan::Show(id) => show(g, *id),
        Plan::Neighbors {
            start,
            depth,
            dir,
            types,
            rels,
            limit,
        } => {
            let n = neighbourhood(g, *start, *depth, *dir, *types, *rels, *limit);
            neighbors(g, *start, n, *limit)
        }
        Plan::Path {
            from,
            to,
            all,
            max,
            dir,
            rels,
        } => path(g, *from, *to, *all, *max, *dir, *rels),
        Plan::Find { kind, cond, limit } => find(g, *kind, cond.as_ref(), *limit),
        Plan::Evidence(a, b) => evidence(g, *a, *b),
        Plan::Stats => catalog::stats(g),
        Plan::Schema => catalog::schema(g),
        Plan::Docs => catalog::docs(g),
    };
    out.export = planned.export.clone();
    out
}

fn table(kind: &'static str, columns: &[&'static str]) -> QueryOutput {
    QueryOutput {
        kind,
        columns: columns.iter().map(|&c| Cow::Borrowed(c)).collect(),
        ..Default::default()
    }
}

fn name(g: &dyn GraphView, id: NodeId) -> String {
    g.node(id)
        .map_or_else(|| format!("#{}", id.0), |n| n.name.clone())
}

/// A node's name, borrowed (`#id` for an unknown node).
fn name_of(g: &dyn GraphView, id: NodeId) -> Cow<'_, str> {
    g.node(id).map_or_else(
        || Cow::Owned(format!("#{}", id.0)),
        |n| Cow::Borrowed(n.name.as_str()),
    )
}

fn int(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `-[REL]->` when the edge is followed from source to target, `<-[REL]-` against it.
fn arrow(edge: Option<&Edge>, forward: bool) -> &'static str {
    arrow_of(edge.map(|e| e.relation), forward)
}

/// [`arrow`] from the relation alone.
fn arrow_of(relation: Option<RelationType>, forward: bool) -> &'static str {
    // Every relation's two arrows, made once, in the order of `RelationType::ALL`.
    static ARROWS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        RelationType::ALL
            .iter()
            .map(|r| (format!("-[{r}]->"), format!("<-[{r}]-")))
            .collect()
    });
    let Some(i) = relation.and_then(|r| RelationType::ALL.iter().position(|x| *x == r)) else {
        return if forward { "-[?]->" } else { "<-[?]-" };
    };
    let (out, back) = &ARROWS[i];
    if forward {
        out
    } else {
        back
    }
}

/// The first piece of an edge's evidence: its sentence, else `doc#sentence`; `(+N)` for more.
fn evidence_cell(edge: Option<&Edge>) -> Value {
    let Some(first) = edge.and_then(|e| e.evidence.first()) else {
        return Value::Null;
    };
    let mut s = match &first.text {
        Some(t) => t.to_string(),
        None => format!("{}#{}", first.doc, first.sentence),
    };
    let more = edge.map_or(0, |e| e.evidence.len() - 1);
    if more > 0 {
        s.push_str(&format!(" (+{more})"));
    }
    Value::Str(s)
}

fn json_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Str(b.to_string()),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .or_else(|| n.as_f64().map(Value::Float))
            .unwrap_or(Value::Null),
        serde_json::Value::String(s) => Value::Str(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(json_value).collect()),
        // A record (a merge's forms and reason) reads as `key: value; key: value`.
        serde_json::Value::Object(m) => Value::Str(
            m.iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}: {s}"),
                    serde_json::Value::Array(a) => {
                        let items: Vec<String> = a
                            .iter()
                            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                            .collect();
                        format!("{k}: {}", items.join("、"))
                    }
                    other => format!("{k}: {other}"),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// `show`: the entity card.
fn show(g: &dyn GraphView, id: NodeId) -> QueryOutput {
    let mut out = table("show", &["field", "value"]);
    let Some(n) = g.node(id) else { return out };
    let mut row = |f: &str, v: Value| {
        out.rows
            .push(smallvec::smallvec![Value::Str(f.to_string()), v])
    };
    row("name", Value::Str(n.name.clone()));
    row("id", Value::Str(format!("#{}", id.0)));
    row(
        "type",
        Value::Str(format!("{} {}", n.kind.as_str(), n.kind.chinese())),
    );
    fn strs(v: &[impl ToString]) -> Value {
        Value::List(v.iter().map(|s| Value::Str(s.to_string())).collect())
    }
    if !n.aliases.is_empty() {
        row("aliases", strs(&n.aliases));
    }
    for (k, v) in &n.attrs {
        row(k, json_value(v));
    }
    if !n.docs.is_empty() {
        row("documents", strs(&n.docs));
    }
    if !n.years.is_empty() {
        row(
            "years",
            Value::List(n.years.iter().map(|y| Value::Int(i64::from(*y))).collect()),
        );
    }
    let mut edges: Vec<(EdgeId, NodeId, bool)> = Vec::new();
    let mut degree = 0;
    for d in [Dir::Out, Dir::In] {
        g.visit_edges(id, d, &mut |e, other, edge| {
            degree += 1;
            if edge.relation.is_semantic() {
                edges.push((e, other, d == Dir::Out));
            }
        });
    }
    row("degree", int(degree));
    edges.sort_by_cached_key(|&(e, other, fwd)| {
        let rel = g.edge(e).map(|x| x.relation);
        (rel, !fwd, name(g, other), e)
    });
    edges.dedup_by_key(|(e, _, _)| *e);
    let shown = edges.len().min(SHOW_EDGES);
    for &(e, other, fwd) in &edges[..shown] {
        let edge = g.edge(e);
        row(
            &format!("{} {}", arrow(edge, fwd), name(g, other)),
            evidence_cell(edge),
        );
    }
    if edges.len() > shown {
        row(
            "…",
            Value::Str(format!("{} more edges", edges.len() - shown)),
        );
    }
    let mut nodes = vec![id];
    nodes.extend(edges[..shown].iter().map(|&(_, o, _)| o));
    out.subgraph = Some(subgraph(
        nodes,
        edges[..shown].iter().map(|x| x.0),
        vec![id],
    ));
    out
}

fn subgraph(
    nodes: impl IntoIterator<Item = NodeId>,
    edges: impl IntoIterator<Item = EdgeId>,
    focus: Vec<NodeId>,
) -> Subgraph {
    let mut nodes: Vec<NodeId> = nodes.into_iter().collect();
    nodes.sort_unstable();
    nodes.dedup();
    let mut edges: Vec<EdgeId> = edges.into_iter().collect();
    edges.sort_unstable();
    edges.dedup();
    Subgraph {
        nodes,
        edges,
        focus,
    }
}

/// `neighbors`: one row per node found, with the edge it was reached by.
fn neighbors(
    g: &dyn GraphView,
    start: NodeId,
    n: super::traverse::Neighbourhood,
    limit: usize,
) -> QueryOutput {
    let mut out = table("neighbors", &["depth", "from", "relation", "node", "type"]);
    let mut keep = vec![false; n.reached.len()];
    if let Some(first) = keep.first_mut() {
        *first = true;
    }
    // Rows by depth, type, name and id: the order key settles most comparisons without
    // touching a node; names are compared only where keys tie.
    let mut rows: Vec<(u64, NodeId, u32)> = Vec::with_capacity(n.reached.len());
    for (i, r) in n.reached.iter().enumerate() {
        if !r.matched {
            continue;
        }
        rows.push((r.key, r.node, i as u32));
        let mut j = i;
        while !keep[j] {
            keep[j] = true;
            j = n.reached[j].parent as usize;
        }
    }
    // The search reaches nodes depth by depth: each depth's rows are sorted on their own.
    for same_depth in
        rows.chunk_by_mut(|a, b| n.reached[a.2 as usize].depth == n.reached[b.2 as usize].depth)
    {
        sort_rows(g, same_depth);
    }
    out.rows = rows
        .iter()
        .map(|&(_, _, i)| {
            let r = &n.reached[i as usize];
            let cells = [
                Value::Int(i64::from(r.depth)),
                Value::Node(r.from),
                Value::Label(arrow_of(r.relation, r.forward)),
                Value::Node(r.node),
                Value::Label(key_kind(r.key).as_str()),
                Value::Null,
            ];
            Row::from_buf_and_len(cells, 5)
        })
        .collect();
    if n.truncated {
        out.title = Some(format!("the first {limit} nodes (limit {limit})"));
    }
    let edges = n
        .edges
        .iter()
        .filter(|&&(_, a, b)| keep[a as usize] && keep[b as usize])
        .map(|x| x.0);
    let nodes = n
        .reached
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(_, r)| r.node);
    out.subgraph = Some(subgraph(nodes, edges, vec![start]));
    out
}

/// Sorts rows `(key, node, i)` by key, then node name, then node id: a plain integer sort, then
/// the runs of equal keys (few: the key holds the type and the start of the name) by name and id.
fn sort_rows(g: &dyn GraphView, rows: &mut [(u64, NodeId, u32)]) {
    rows.sort_unstable();
    for run in rows.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_by(|a, b| name_of(g, a.1).cmp(&name_of(g, b.1)).then(a.1.cmp(&b.1)));
        }
    }
}

/// `path`: one row per hop (and the path's number with `all`).
fn path(
    g: &dyn GraphView,
    from: NodeId,
    to: NodeId,
    all: bool,
    max: Option<u32>,
    dir: Direction,
    rels: RelSet,
) -> QueryOutput {
    let (paths, truncated) = shortest_paths(g, from, to, all, max, dir, rels);
    let mut out = if all {
        table(
            "path",
            &["path", "hop", "from", "relation", "to", "evidence"],
        )
    } else {
        table("path", &["hop", "from", "relation", "to", "evidence"])
    };
    let mut nodes = vec![from, to];
    let mut edges = Vec::new();
    for (p, hops) in paths.iter().enumerate() {
        for (h, hop) in hops.iter().enumerate() {
            let Hop {
                from: a,
                edge,
                to: b,
            } = *hop;
            let e = g.edge(edge);
            let forward = g.endpoints(edge).is_some_and(|(s, _)| s == a);
            let mut row = Vec::with_capacity(6);
            if all {
                row.push(int(p + 1));
            }
            row.extend([
                int(h + 1),
                Value::Node(a),
                Value::Label(arrow(e, forward)),
                Value::Node(b),
                evidence_cell(e),
            ]);
            out.rows.push(row.into());
            nodes.push(b);
            edges.push(edge);
        }
    }
    let within = max.map(|m| format!(" within {m} hops")).unwrap_or_default();
    out.title = match paths.first() {
        None => Some(format!(
            "no path from {} to {}{within}",
            name(g, from),
            name(g, to)
        )),
        Some(p) if p.is_empty() => {
            Some(format!("{} is both ends: a path of 0 hops", name(g, from)))
        }
        Some(p) if all => Some(format!(
            "{} shortest {} of {}{}",
            paths.len(),
            if paths.len() == 1 { "path" } else { "paths" },
            hops(p.len()),
            if truncated {
                format!(" (the first {MAX_PATHS})")
            } else {
                String::new()
            },
        )),
        Some(p) => Some(format!("a shortest path of {}", hops(p.len()))),
    };
    out.subgraph = Some(subgraph(nodes, edges, vec![from, to]));
    out
}

fn hops(n: usize) -> String {
    if n == 1 {
        "1 hop".to_string()
    } else {
        format!("{n} hops")
    }
}

/// `find`: nodes of a type meeting a condition, in id order.
fn find(
    g: &dyn GraphView,
    kind: Option<EntityType>,
    cond: Option<&super::ast::Cond>,
    limit: usize,
) -> QueryOutput {
    let mut extra: Vec<String> = Vec::new();
    if kind == Some(EntityType::Target) {
        extra.extend(["value", "unit", "year"].map(String::from));
    }
    for f in cond.map(|c| c.fields()).unwrap_or_default() {
        let lower = f.to_lowercase();
        if !["name", "type", "alias", "aliases", "名称", "类型", "别名"].contains(&lower.as_str())
            && !extra.iter().any(|e| e.eq_ignore_ascii_case(f))
        {
            extra.push(f.to_string());
        }
    }
    let mut columns: Vec<Cow<'static, str>> = vec!["node".into()];
    if kind.is_none() || kind == Some(EntityType::Unknown) {
        columns.push("type".into());
    }
    let with_type = columns.len() == 2;
    columns.extend(extra.iter().map(|e| Cow::Owned(e.clone())));
    let mut out = QueryOutput {
        kind: "find",
        columns,
        ..Default::default()
    };
    let mut found = Vec::new();
    let mut total = 0usize;
    for id in g.node_ids() {
        let Some(n) = g.node(id) else { continue };
        if kind.is_some_and(|k| k != n.kind) || cond.is_some_and(|c| !filter::matches(id, n, c)) {
            continue;
        }
        total += 1;
        if found.len() < limit {
            found.push(id);
        }
    }
    for &id in &found {
        let mut row = vec![Value::Node(id)];
        if with_type {
            row.push(Value::Str(
                g.node(id).map_or("Unknown", |n| n.kind.as_str()).into(),
            ));
        }
        row.extend(extra.iter().map(|f| filter::cell(g, id, f)));
        out.rows.push(row.into());
    }
    if total > found.len() {
        out.title = Some(format!(
            "{} of {total} matches (limit {limit})",
            found.len()
        ));
    }
    // The semantic edges among the nodes found, so a diagram of them shows how they connect.
    let set: IdMap<NodeId, ()> = found.iter().map(|&id| (id, ())).collect();
    let mut edges = Vec::new();
    for &id in &found {
        g.visit_edges(id, Dir::Out, &mut |e, other, edge| {
            if edge.relation.is_semantic() && set.contains_key(&other) {
                edges.push(e);
            }
        });
    }
    out.subgraph = Some(subgraph(found.iter().copied(), edges, found.clone()));
    out
}

/// `evidence A B`: every edge between the two, each piece of evidence a row.
fn evidence(g: &dyn GraphView, a: NodeId, b: NodeId) -> QueryOutput {
    let mut out = table(
        "evidence",
        &["from", "relation", "to", "doc", "sentence", "text"],
    );
    let mut edges: Vec<EdgeId> = Vec::new();
    for d in [Dir::Out, Dir::In] {
        g.visit_edges(a, d, &mut |e, other, _| {
            if other == b {
                edges.push(e);
            }
        });
    }
    edges.sort();
    edges.dedup();
    for &e in &edges {
        let (Some(edge), Some((s, t))) = (g.edge(e), g.endpoints(e)) else {
            continue;
        };
        let rel = Value::Str(edge.relation.as_str().to_string());
        if edge.evidence.is_empty() {
            out.rows.push(smallvec::smallvec![
                Value::Node(s),
                rel.clone(),
                Value::Node(t),
                Value::Null,
                Value::Null,
                Value::Null,
            ]);
        }
        for ev in &edge.evidence {
            out.rows.push(smallvec::smallvec![
                Value::Node(s),
                rel.clone(),
                Value::Node(t),
                Value::Str(ev.doc.to_string()),
                int(ev.sentence),
                ev.text
                    .as_deref()
                    .map_or(Value::Null, |t| Value::Str(t.to_string())),
            ]);
        }
    }
    if edges.is_empty() {
        out.title = Some(format!("no edge between {} and {}", name(g, a), name(g, b)));
    }
    out.subgraph = Some(subgraph([a, b], edges, vec![a, b]));
    out
}
