//! CSV (RFC 4180 quoting, `\n` line ends): a result's table (`--format csv`), and the whole
//! graph's node and edge tables for `zhitu export --format csv`.

use std::io::Write;

use super::text::cell_text;
use crate::graph::KnowledgeGraph;
use crate::query::{GraphView, QueryOutput};

/// A field as RFC 4180 writes it: quoted when it holds a comma, a double quote, a line break or
/// leading/trailing space, inner quotes doubled.
///
/// # Example
/// ```
/// use zhitu::output::csv::field;
/// assert_eq!(field("济南"), "济南");
/// assert_eq!(field("a,b"), "\"a,b\"");
/// assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
/// ```
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with([' ', '\t'])
        || s.ends_with([' ', '\t']);
    if needs {
        std::borrow::Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Writes one record: the fields quoted as needed, joined by commas, and `\n`.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_record<S: AsRef<str>>(w: &mut dyn Write, fields: &[S]) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&field(f.as_ref()));
    }
    line.push('\n');
    w.write_all(line.as_bytes())
}

/// Writes `result` as CSV: the header, then one record per row, cells as in the table (a node by
/// its name, lists joined by `、` or `, `, `Null` empty). A result without columns writes nothing.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_csv(
    graph: &dyn GraphView,
    result: &QueryOutput,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    if result.columns.is_empty() && result.rows.is_empty() {
        return Ok(());
    }
    write_record(w, &result.columns)?;
    for row in &result.rows {
        let cells: Vec<String> = row.iter().map(|v| cell_text(graph, v)).collect();
        write_record(w, &cells)?;
    }
    Ok(())
}

/// The header of [`write_graph_nodes_csv`].
pub const NODE_HEADER: [&str; 6] = ["id", "name", "type", "aliases", "docs", "attrs"];
/// The header of [`write_graph_edges_csv`].
pub const EDGE_HEADER: [&str; 7] = [
    "id",
    "source",
    "target",
    "relation",
    "weight",
    "confidence",
    "evidence",
];

/// Writes every node, in id order: `id,name,type,aliases,docs,attrs` — aliases and docs joined by
/// `|`, attrs (type-specific attributes, years) as a JSON object or empty.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_graph_nodes_csv(graph: &KnowledgeGraph, w: &mut dyn Write) -> std::io::Result<()> {
    write_record(w, &NODE_HEADER)?;
    for id in graph.node_ids() {
        let Some(n) = graph.node(id) else { continue };
        let mut attrs = n.attrs.clone();
        if !n.years.is_empty() {
            attrs.insert("years".into(), serde_json::Value::from(n.years.clone()));
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&attrs)?
        };
        write_record(
            w,
            &[
                id.0.to_string(),
                n.name.clone(),
                n.kind.as_str().to_string(),
                n.aliases.join("|"),
                n.docs.join("|"),
                attrs,
            ],
        )?;
    }
    Ok(())
}

/// Writes every edge, in id order: `id,source,target,relation,weight,confidence,evidence` —
/// evidence as `doc:sentence:start-end` items joined by `|`.
///
/// # Errors
/// Any I/O error of `w`.
pub fn write_graph_edges_csv(graph: &KnowledgeGraph, w: &mut dyn Write) -> std::io::Result<()> {
    write_record(w, &EDGE_HEADER)?;
    for id in graph.edge_ids() {
        let (Some(e), Some((s, t))) = (graph.edge(id), graph.endpoints(id)) else {
            continue;
        };
        let evidence: Vec<String> = e
            .evidence
            .iter()
            .map(|ev| format!("{}:{}:{}-{}", ev.doc, ev.sentence, ev.span[0], ev.span[1]))
            .collect();
        write_record(
            w,
            &[
                id.0.to_string(),
                s.0.to_string(),
                t.0.to_string(),
                e.relation.as_str().to_string(),
                e.weight.to_string(),
                e.confidence.to_string(),
                evidence.join("|"),
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_rfc4180() {
        assert_eq!(field(""), "");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field(" a"), "\" a\"");
        assert_eq!(field("浪潮，集团"), "浪潮，集团");
        let mut buf = Vec::new();
        write_record(&mut buf, &["x", "1,2", "\"q\""]).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "x,\"1,2\",\"\"\"q\"\"\"\n");
    }
}
