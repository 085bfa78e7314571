//! Writing a `dot … > FILE` result to its file. A small stand-in until `output::render` (the
//! project's styled DOT writer) lands: plain DOT of the result's subgraph, and SVG/PNG/PDF through
//! Graphviz's `dot` when the file's extension asks for it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::query::{GraphView, QueryOutput};

/// Writes `result`'s subgraph to `path`, as DOT or (by extension) rendered by Graphviz.
///
/// # Errors
/// A message naming the file: it cannot be written, the result has no subgraph, or Graphviz is
/// not installed or fails.
pub fn write(graph: &dyn GraphView, result: &QueryOutput, path: &Path) -> Result<(), String> {
    let mut dot = Vec::new();
    write_dot(graph, result, &mut dot).map_err(|e| e.to_string())?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some(fmt @ ("svg" | "png" | "pdf")) => render(&dot, fmt, path),
        _ => {
            std::fs::write(path, &dot).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
    }
}

fn render(dot: &[u8], format: &str, path: &Path) -> Result<(), String> {
    let child = Command::new("dot")
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!(
                "cannot write {}: Graphviz is not installed (no `dot` command); install graphviz, or write a .dot file",
                path.display()
            ))
        }
        Err(e) => return Err(format!("cannot run Graphviz `dot`: {e}")),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(dot)
            .map_err(|e| format!("cannot run Graphviz `dot`: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("cannot run Graphviz `dot`: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "Graphviz `dot` failed writing {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Plain DOT of the result's subgraph, nodes and edges in id order.
fn write_dot(
    graph: &dyn GraphView,
    result: &QueryOutput,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(w, "digraph zhitu {{")?;
    writeln!(
        w,
        "  node [fontname=\"Noto Sans CJK SC,sans-serif\"]; edge [fontname=\"Noto Sans CJK SC,sans-serif\"];"
    )?;
    let Some(sub) = &result.subgraph else {
        return writeln!(w, "}}");
    };
    let mut nodes = sub.nodes.clone();
    nodes.sort();
    nodes.dedup();
    for id in nodes {
        if let Some(n) = graph.node(id) {
            let bold = if sub.focus.contains(&id) {
                ", style=bold"
            } else {
                ""
            };
            writeln!(
                w,
                "  n{} [label=\"{}\\n{}\"{bold}];",
                id.0,
                esc(&n.name),
                n.kind.chinese()
            )?;
        }
    }
    let mut edges = sub.edges.clone();
    edges.sort();
    edges.dedup();
    for id in edges {
        if let (Some(e), Some((s, t))) = (graph.edge(id), graph.endpoints(id)) {
            writeln!(w, "  n{} -> n{} [label=\"{}\"];", s.0, t.0, e.relation)?;
        }
    }
    writeln!(w, "}}")
}
