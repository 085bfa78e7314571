//! The JSON shape of a result (`--format json`): one object per statement, on one line (JSON
//! Lines), keys always present and in this order. Documented in `doc/OUTPUT.md`; keep it stable.
//!
//! ```json
//! {"kind": "neighbors", "title": null, "columns": ["实体", "关系"], "rows": [[{"id": 3, "name": "济南市", "type": "Place"}, "LOCATED_IN"]],
//!  "subgraph": {"nodes": [{"id": 3, "name": "济南市", "type": "Place"}],
//!               "edges": [{"source": 0, "target": 3, "relation": "LOCATED_IN"}], "focus": [0]},
//!  "export": null}
//! ```

use std::io::Write;

use serde_json::{json, Map, Value as Json};

use crate::graph::{EdgeId, NodeId};
use crate::query::{GraphView, QueryOutput, Subgraph, Value};

/// Writes `result` as one JSON object followed by a newline.
///
/// `title` is the result's note (no path found, a limit that cut the result short) or `null`.
/// Cells: `Null` → `null`, numbers → numbers (a float that is not finite → `null`), strings →
/// strings, a node → `{"id", "name", "type"}`, a list → an array. `subgraph` is `null` when the
/// statement returns no part of the graph; its nodes and edges are sorted by id, without
/// duplicates. `export` is the diagram file of `dot … > FILE`, else `null`.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_json(
    graph: &dyn GraphView,
    result: &QueryOutput,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let v = result_json(graph, result);
    serde_json::to_writer(&mut *w, &v)?;
    writeln!(w)
}

/// The JSON value of a result, as [`write_json`] writes it.
pub fn result_json(graph: &dyn GraphView, result: &QueryOutput) -> Json {
    let mut m = Map::new();
    m.insert("kind".into(), Json::from(result.kind));
    let title = match &result.title {
        Some(t) => Json::from(t.as_str()),
        None => Json::Null,
    };
    m.insert("title".into(), title);
    m.insert(
        "columns".into(),
        result
            .columns
            .iter()
            .map(|c| Json::from(c.as_ref()))
            .collect(),
    );
    let rows: Vec<Json> = result
        .rows
        .iter()
        .map(|row| Json::Array(row.iter().map(|v| value_json(graph, v)).collect()))
        .collect();
    m.insert("rows".into(), Json::Array(rows));
    let sub = match &result.subgraph {
        Some(s) => subgraph_json(graph, s),
        None => Json::Null,
    };
    m.insert("subgraph".into(), sub);
    let export = match &result.export {
        Some(p) => Json::from(p.to_string_lossy().into_owned()),
        None => Json::Null,
    };
    m.insert("export".into(), export);
    Json::Object(m)
}

/// One cell as JSON.
pub fn value_json(graph: &dyn GraphView, v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => Json::from(*f),
        Value::Str(s) => Json::from(s.as_str()),
        Value::Label(s) => Json::from(*s),
        Value::Node(id) => node_json(graph, *id),
        Value::List(items) => Json::Array(items.iter().map(|v| value_json(graph, v)).collect()),
    }
}

/// A node as `{"id": 3, "name": "济南市", "type": "Place"}` (`name` and `type` null when the
/// graph lacks the node).
pub fn node_json(graph: &dyn GraphView, id: NodeId) -> Json {
    match graph.node(id) {
        Some(n) => json!({"id": id.0, "name": n.name, "type": n.kind.as_str()}),
        None => json!({"id": id.0, "name": null, "type": null}),
    }
}

/// `{"nodes": […], "edges": […], "focus": […]}`, each sorted by id; the ends of every edge are
/// among the nodes.
pub fn subgraph_json(graph: &dyn GraphView, s: &Subgraph) -> Json {
    let mut edges: Vec<EdgeId> = s.edges.clone();
    edges.sort_unstable();
    edges.dedup();
    let mut nodes: Vec<NodeId> = s.nodes.clone();
    let mut edge_json = Vec::with_capacity(edges.len());
    for e in edges {
        let (Some((a, b)), Some(edge)) = (graph.endpoints(e), graph.edge(e)) else {
            continue;
        };
        nodes.push(a);
        nodes.push(b);
        edge_json.push(json!({"source": a.0, "target": b.0, "relation": edge.relation.as_str()}));
    }
    nodes.sort_unstable();
    nodes.dedup();
    let mut focus: Vec<u32> = s.focus.iter().map(|n| n.0).collect();
    focus.sort_unstable();
    focus.dedup();
    json!({
        "nodes": nodes.into_iter().map(|n| node_json(graph, n)).collect::<Vec<_>>(),
        "edges": edge_json,
        "focus": focus,
    })
}
