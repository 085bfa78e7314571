//! GraphML export of a whole graph (`zhitu export --format graphml`): valid XML 1.0, every text
//! escaped, nodes and edges in id order, for Gephi, yEd, Cytoscape and `networkx.read_graphml`.
//!
//! Node data: `name`, `type`, `aliases` and `docs` (joined by `|`), `years` (joined by `,`),
//! then every other attribute under its own key. Edge data: `relation`, `weight`, `confidence`,
//! `evidence` (a JSON array), `docs` (joined by `|`; key id `edocs`), then every other
//! attribute. An attribute whose values are all integers is typed `long`, all numbers `double`,
//! all booleans `boolean`, else `string` (a value that is not a string is written as JSON).

use std::io::Write;

use indexmap::IndexMap;
use serde_json::Value;

use crate::graph::KnowledgeGraph;

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const NODE_KEYS: [&str; 5] = ["name", "type", "aliases", "docs", "years"];
const EDGE_KEYS: [&str; 5] = ["relation", "weight", "confidence", "evidence", "docs"];

/// Writes `graph` as GraphML.
///
/// # Errors
/// Any I/O error of `w`.
///
/// # Complexity
/// O(nodes + edges + attributes).
pub fn write_graphml(graph: &KnowledgeGraph, w: &mut dyn Write) -> std::io::Result<()> {
    let node_attrs = attr_types(
        graph
            .node_ids()
            .filter_map(|id| graph.node(id))
            .map(|n| &n.attrs),
        &NODE_KEYS,
    );
    let edge_attrs = attr_types(
        graph
            .edge_ids()
            .filter_map(|id| graph.edge(id))
            .map(|e| &*e.attrs),
        &EDGE_KEYS,
    );
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<graphml xmlns=\"{NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NS} {NS}/1.0/graphml.xsd\">"
    )?;
    for k in NODE_KEYS {
        key(w, k, "node", k, "string")?;
    }
    for (i, (name, ty)) in node_attrs.iter().enumerate() {
        key(w, &format!("na{i}"), "node", name, ty)?;
    }
    key(w, "relation", "edge", "relation", "string")?;
    key(w, "weight", "edge", "weight", "long")?;
    key(w, "confidence", "edge", "confidence", "double")?;
    key(w, "evidence", "edge", "evidence", "string")?;
    key(w, "edocs", "edge", "docs", "string")?;
    for (i, (name, ty)) in edge_attrs.iter().enumerate() {
        key(w, &format!("ea{i}"), "edge", name, ty)?;
    }
    writeln!(w, "  <graph id=\"zhitu\" edgedefault=\"directed\">")?;
    for id in graph.node_ids() {
        let Some(n) = graph.node(id) else { continue };
        writeln!(w, "    <node id=\"n{}\">", id.0)?;
        data(w, "name", &n.name)?;
        data(w, "type", n.kind.as_str())?;
        if !n.aliases.is_empty() {
            data(w, "aliases", &n.aliases.join("|"))?;
        }
        if !n.docs.is_empty() {
            data(w, "docs", &n.docs.join("|"))?;
        }
        if !n.years.is_empty() {
            let years: Vec<String> = n.years.iter().map(i32::to_string).collect();
            data(w, "years", &years.join(","))?;
        }
        for (i, name) in node_attrs.keys().enumerate() {
            if let Some(v) = n.attrs.get(name) {
                data(w, &format!("na{i}"), &value_text(v))?;
            }
        }
        writeln!(w, "    </node>")?;
    }
    for id in graph.edge_ids() {
        let (Some(e), Some((s, t))) = (graph.edge(id), graph.endpoints(id)) else {
            continue;
        };
        writeln!(
            w,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            id.0, s.0, t.0
        )?;
        data(w, "relation", e.relation.as_str())?;
        data(w, "weight", &e.weight.to_string())?;
        data(w, "confidence", &e.confidence.to_string())?;
        if !e.evidence.is_empty() {
            data(w, "evidence", &serde_json::to_string(&e.evidence)?)?;
        }
        if !e.docs.is_empty() {
            data(w, "edocs", &e.docs.join("|"))?;
        }
        for (i, name) in edge_attrs.keys().enumerate() {
            if let Some(v) = e.attrs.get(name) {
                data(w, &format!("ea{i}"), &value_text(v))?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

/// Every attribute name in first-seen order with its GraphML type; names of the fixed keys are
/// left out.
fn attr_types<'a>(
    all: impl Iterator<Item = &'a IndexMap<String, Value>>,
    fixed: &[&str],
) -> IndexMap<String, &'static str> {
    let mut types: IndexMap<String, &'static str> = IndexMap::new();
    for attrs in all {
        for (k, v) in attrs {
            if fixed.contains(&k.as_str()) {
                continue;
            }
            let t = match v {
                Value::Number(n) if n.is_i64() || n.is_u64() => "long",
                Value::Number(_) => "double",
                Value::Bool(_) => "boolean",
                _ => "string",
            };
            let entry = types.entry(k.clone()).or_insert(t);
            *entry = match (*entry, t) {
                (a, b) if a == b => a,
                ("long", "double") | ("double", "long") => "double",
                _ => "string",
            };
        }
    }
    types
}

fn key(w: &mut dyn Write, id: &str, on: &str, name: &str, ty: &str) -> std::io::Result<()> {
    writeln!(
        w,
        "  <key id=\"{}\" for=\"{on}\" attr.name=\"{}\" attr.type=\"{ty}\"/>",
        xml_escape(id),
        xml_escape(name)
    )
}

fn data(w: &mut dyn Write, key: &str, text: &str) -> std::io::Result<()> {
    writeln!(
        w,
        "      <data key=\"{}\">{}</data>",
        xml_escape(key),
        xml_escape(text)
    )
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `s` escaped for XML text and attribute values; characters XML 1.0 forbids are dropped.
///
/// # Example
/// ```
/// use zhitu::output::graphml::xml_escape;
/// assert_eq!(xml_escape("<a & \"b\" 'c'>\u{1}"), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
