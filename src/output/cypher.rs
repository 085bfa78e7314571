//! Cypher export of a whole graph (`zhitu export --format cypher`), for Neo4j, Memgraph and other
//! property graphs: one statement per line, nodes then edges, in id order.
//!
//! ```cypher
//! CREATE INDEX zhitu_entity_zid IF NOT EXISTS FOR (n:Entity) ON (n.zid);
//! CREATE (:Entity:Enterprise {zid: 0, name: '星海集团', aliases: ['星海'], docs: ['d1']});
//! MATCH (a:Entity {zid: 0}), (b:Entity {zid: 3}) CREATE (a)-[:IN_INDUSTRY {weight: 1, confidence: 0.9}]->(b);
//! ```
//!
//! Every node carries the label `Entity` and its type's label, and `zid` = its zhitu id. Strings
//! are single-quoted with `\\`, `\'` and control characters escaped. Other attributes follow as
//! properties (objects, which Cypher properties cannot hold, as JSON text); an edge's evidence is
//! the JSON text `evidence`.

use std::io::Write;

use indexmap::IndexMap;
use serde_json::Value;

use crate::graph::KnowledgeGraph;

/// Writes `graph` as Cypher statements.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_cypher(graph: &KnowledgeGraph, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        w,
        "CREATE INDEX zhitu_entity_zid IF NOT EXISTS FOR (n:Entity) ON (n.zid);"
    )?;
    for id in graph.node_ids() {
        let Some(n) = graph.node(id) else { continue };
        let mut props = vec![
            format!("zid: {}", id.0),
            format!("name: {}", string(&n.name)),
        ];
        if !n.aliases.is_empty() {
            props.push(format!("aliases: {}", list(&n.aliases)));
        }
        if !n.docs.is_empty() {
            props.push(format!("docs: {}", list(&n.docs)));
        }
        if !n.years.is_empty() {
            let years: Vec<String> = n.years.iter().map(i32::to_string).collect();
            props.push(format!("years: [{}]", years.join(", ")));
        }
        extra_props(
            &mut props,
            &n.attrs,
            &["zid", "name", "aliases", "docs", "years"],
        );
        writeln!(
            w,
            "CREATE (:Entity:{} {{{}}});",
            n.kind.as_str(),
            props.join(", ")
        )?;
    }
    for id in graph.edge_ids() {
        let (Some(e), Some((s, t))) = (graph.edge(id), graph.endpoints(id)) else {
            continue;
        };
        let mut props = vec![
            format!("weight: {}", e.weight),
            format!(
                "confidence: {}",
                number(f64::from(e.confidence), e.confidence.to_string())
            ),
        ];
        if !e.evidence.is_empty() {
            props.push(format!(
                "evidence: {}",
                string(&serde_json::to_string(&e.evidence)?)
            ));
        }
        if !e.docs.is_empty() {
            props.push(format!("docs: {}", list(&e.docs)));
        }
        extra_props(
            &mut props,
            &e.attrs,
            &["weight", "confidence", "evidence", "docs"],
        );
        writeln!(
            w,
            "MATCH (a:Entity {{zid: {}}}), (b:Entity {{zid: {}}}) CREATE (a)-[:{} {{{}}}]->(b);",
            s.0,
            t.0,
            e.relation.as_str(),
            props.join(", ")
        )?;
    }
    Ok(())
}

fn extra_props(props: &mut Vec<String>, attrs: &IndexMap<String, Value>, fixed: &[&str]) {
    for (k, v) in attrs {
        if fixed.contains(&k.as_str()) || v.is_null() {
            continue;
        }
        props.push(format!("{}: {}", ident(k), literal(v)));
    }
}

/// A property name: bare when it is a plain identifier, else back-quoted.
fn ident(k: &str) -> String {
    let plain = k
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        k.to_string()
    } else {
        format!("`{}`", k.replace('`', "``"))
    }
}

fn literal(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            let parts: Vec<String> = items.iter().map(literal).collect();
            format!("[{}]", parts.join(", "))
        }
        other => string(&other.to_string()),
    }
}

fn number(f: f64, text: String) -> String {
    if f.is_finite() {
        text
    } else {
        "null".into()
    }
}

fn list(items: &[impl AsRef<str>]) -> String {
    let parts: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// `s` as a single-quoted Cypher string.
///
/// # Example
/// ```
/// use zhitu::output::cypher::string;
/// assert_eq!(string("it's a\\b\n"), r"'it\'s a\\b\n'");
/// ```
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}
