//! The project's own Graphviz DOT writer (not petgraph's debug `Dot`): deterministic output (nodes
//! and edges sorted by id), one style per entity type (colour and shape) with a legend, relation
//! labels on edges, CO_OCCURS hidden unless asked for, a CJK font named so Chinese renders, long
//! labels wrapped, the queried entities highlighted, every string escaped.

use std::collections::BTreeSet;
use std::io::Write;

use super::text::{float_text, wrap_label};
use crate::graph::{Edge, EdgeId, Node, NodeId};
use crate::model::{EntityType, RelationType};
use crate::query::{GraphView, Subgraph};

/// The fonts asked for, best first: Graphviz (through Pango/fontconfig) takes the first one
/// installed, so Chinese renders wherever any CJK font is.
pub const FONTNAME: &str = "Noto Sans CJK SC,Noto Sans SC,Source Han Sans SC,WenQuanYi Micro Hei,\
Microsoft YaHei,PingFang SC,SimHei,sans-serif";

/// What a diagram shows and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw CO_OCCURS edges (dashed, grey); hidden by default as the weakest link.
    pub show_cooccurs: bool,
    /// Label edges in Chinese (`位于`) instead of the relation's name (`LOCATED_IN`).
    pub chinese_labels: bool,
    /// Wrap node labels at this many display columns (a Chinese character is two; 0: never).
    pub wrap_width: usize,
    /// Draw the legend of the entity types present.
    pub legend: bool,
    /// A title above the diagram.
    pub title: Option<String>,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            show_cooccurs: false,
            chinese_labels: false,
            wrap_width: 24,
            legend: true,
            title: None,
        }
    }
}

/// How a type of node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeStyle {
    /// Graphviz fill colour.
    pub fill: &'static str,
    /// Graphviz shape.
    pub shape: &'static str,
    /// Extra `style` flags beside `filled` (`rounded` …), or empty.
    pub extra: &'static str,
}

/// The style of each entity type.
pub fn node_style(kind: EntityType) -> NodeStyle {
    let (fill, shape, extra) = match kind {
        EntityType::Place => ("lightblue", "ellipse", ""),
        EntityType::Enterprise => ("orange", "box", ""),
        EntityType::Organization => ("palegreen", "box", "rounded"),
        EntityType::Project => ("gold", "hexagon", ""),
        EntityType::Industry => ("plum", "component", ""),
        EntityType::Policy => ("lightyellow", "note", ""),
        EntityType::Person => ("pink", "octagon", ""),
        EntityType::Event => ("lightsalmon", "box", "diagonals"),
        EntityType::Target => ("khaki", "cds", ""),
        EntityType::Document => ("lightgrey", "tab", ""),
        EntityType::Unknown => ("white", "ellipse", ""),
    };
    NodeStyle { fill, shape, extra }
}

/// Writes `sub` as a DOT digraph.
///
/// The nodes drawn are the subgraph's nodes, its focus and the ends of its edges, sorted by id;
/// the edges are sorted by id, CO_OCCURS left out unless [`DotOptions::show_cooccurs`]. Node ids
/// are `n<id>`; the legend lists the types present, in [`EntityType::ALL`] order.
///
/// # Errors
/// Any I/O error of `w`.
///
/// # Example
/// ```
/// use zhitu::graph::{KnowledgeGraph, Node};
/// use zhitu::model::EntityType;
/// use zhitu::output::{write_dot, DotOptions};
/// use zhitu::query::Subgraph;
///
/// let mut g = KnowledgeGraph::default();
/// let n = g.add_node(Node {
///     name: "济南市".into(), kind: EntityType::Place, aliases: vec![], docs: vec![],
///     years: vec![], attrs: Default::default(),
/// });
/// let sub = Subgraph { nodes: vec![n], edges: vec![], focus: vec![] };
/// let mut buf = Vec::new();
/// write_dot(&g, &sub, &DotOptions::default(), &mut buf).unwrap();
/// let dot = String::from_utf8(buf).unwrap();
/// assert!(dot.contains("n0 [label=\"济南市\""));
/// ```
pub fn write_dot(
    graph: &dyn GraphView,
    sub: &Subgraph,
    opts: &DotOptions,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let (nodes, edges) = select(graph, sub, opts);
    let focus: BTreeSet<NodeId> = sub.focus.iter().copied().collect();
    let font = quote(FONTNAME);
    writeln!(w, "digraph zhitu {{")?;
    write!(
        w,
        "  graph [charset=\"UTF-8\", rankdir=LR, fontname={font}, fontsize=12, nodesep=0.25, \
         ranksep=0.5, pad=0.2"
    )?;
    if let Some(t) = &opts.title {
        write!(w, ", label={}, labelloc=t", quote(t))?;
    }
    writeln!(w, "];")?;
    writeln!(
        w,
        "  node [fontname={font}, fontsize=11, style=filled, color=\"#555555\", \
         margin=\"0.12,0.05\"];"
    )?;
    writeln!(
        w,
        "  edge [fontname={font}, fontsize=9, color=\"#666666\", fontcolor=\"#333333\", \
         arrowsize=0.7];"
    )?;
    if opts.legend && !nodes.is_empty() {
        write_legend(w, &nodes)?;
    }
    for (id, node) in &nodes {
        write_node(w, *id, node, focus.contains(id), opts)?;
    }
    for (id, s, t, e) in &edges {
        write_edge(w, *id, *s, *t, e, opts)?;
    }
    writeln!(w, "}}")
}

/// How many nodes and edges [`write_dot`] draws for `sub` (the legend aside).
pub fn counts(graph: &dyn GraphView, sub: &Subgraph, opts: &DotOptions) -> (usize, usize) {
    let (n, e) = select(graph, sub, opts);
    (n.len(), e.len())
}

type Drawn<'g> = (
    Vec<(NodeId, &'g Node)>,
    Vec<(EdgeId, NodeId, NodeId, &'g Edge)>,
);

/// The nodes and edges drawn, sorted by id; ids the graph lacks are skipped.
fn select<'g>(graph: &'g dyn GraphView, sub: &Subgraph, opts: &DotOptions) -> Drawn<'g> {
    let mut ids: BTreeSet<NodeId> = sub.nodes.iter().chain(&sub.focus).copied().collect();
    let edge_ids: BTreeSet<EdgeId> = sub.edges.iter().copied().collect();
    let mut edges = Vec::with_capacity(edge_ids.len());
    for id in edge_ids {
        let (Some(e), Some((s, t))) = (graph.edge(id), graph.endpoints(id)) else {
            continue;
        };
        if e.relation == RelationType::CoOccurs && !opts.show_cooccurs {
            continue;
        }
        ids.insert(s);
        ids.insert(t);
        edges.push((id, s, t, e));
    }
    let nodes = ids
        .into_iter()
        .filter_map(|id| graph.node(id).map(|n| (id, n)))
        .collect();
    (nodes, edges)
}

/// Legend rows per column: the legend is a small grid, not one tall column.
const LEGEND_ROWS: usize = 4;

fn write_legend(w: &mut dyn Write, nodes: &[(NodeId, &Node)]) -> std::io::Result<()> {
    let present: BTreeSet<EntityType> = nodes.iter().map(|(_, n)| n.kind).collect();
    let kinds: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|k| present.contains(k))
        .collect();
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(
        w,
        "    label=\"图例 Legend\"; fontsize=11; style=\"rounded,dashed\"; color=\"#999999\";"
    )?;
    for kind in &kinds {
        let st = node_style(*kind);
        writeln!(
            w,
            "    legend_{} [label={}, shape={}, fillcolor={}, style={}, fontsize=9, height=0.3, \
             margin=\"0.08,0.03\"];",
            kind.as_str(),
            quote(&format!("{} {}", kind.chinese(), kind.as_str())),
            st.shape,
            quote(st.fill),
            quote(&style_flags(st, false)),
        )?;
    }
    // Invisible edges put every LEGEND_ROWS-th type in the next column.
    for pair in kinds.windows(LEGEND_ROWS + 1) {
        writeln!(
            w,
            "    legend_{} -> legend_{} [style=invis];",
            pair[0].as_str(),
            pair[LEGEND_ROWS].as_str()
        )?;
    }
    writeln!(w, "  }}")
}

fn write_node(
    w: &mut dyn Write,
    id: NodeId,
    node: &Node,
    focus: bool,
    opts: &DotOptions,
) -> std::io::Result<()> {
    let mut lines = wrap_label(&node.name, opts.wrap_width);
    if let Some(extra) = target_line(node) {
        lines.push(extra);
    }
    let label: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    let st = node_style(node.kind);
    let tooltip = format!("#{} {} {}", id.0, node.kind.as_str(), node.name);
    write!(
        w,
        "  n{} [label=\"{}\", shape={}, fillcolor={}, style={}, tooltip={}",
        id.0,
        label.join("\\n"),
        st.shape,
        quote(st.fill),
        quote(&style_flags(st, focus)),
        quote(&tooltip),
    )?;
    if focus {
        write!(w, ", penwidth=3, color=\"#c0392b\", fontsize=13")?;
    }
    writeln!(w, "];")
}

/// A target's figure under its name: `6000亿元以上 (2025)`.
fn target_line(node: &Node) -> Option<String> {
    if node.kind != EntityType::Target {
        return None;
    }
    let value = match node.attrs.get("value")? {
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) => float_text(f),
            _ => n.to_string(),
        },
        serde_json::Value::String(s) => s.clone(),
        _ => return None,
    };
    let text = |k: &str| match node.attrs.get(k) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let mut line = format!("{value}{}{}", text("unit"), text("comparator"));
    let year = text("year");
    if !year.is_empty() {
        line.push_str(&format!(" ({year})"));
    }
    Some(line)
}

fn write_edge(
    w: &mut dyn Write,
    id: EdgeId,
    s: NodeId,
    t: NodeId,
    e: &Edge,
    opts: &DotOptions,
) -> std::io::Result<()> {
    let mut label = match (e.relation, e.attrs.get("label")) {
        (RelationType::Related, Some(serde_json::Value::String(l))) => l.clone(),
        (r, _) if opts.chinese_labels => r.chinese().to_string(),
        (r, _) => r.as_str().to_string(),
    };
    if e.weight > 1 {
        label.push_str(&format!(" ×{}", e.weight));
    }
    write!(
        w,
        "  n{} -> n{} [label={}, tooltip={}",
        s.0,
        t.0,
        quote(&label),
        quote(&format!("edge #{}", id.0)),
    )?;
    match e.relation {
        RelationType::CoOccurs => write!(w, ", style=dashed, color=\"#aaaaaa\", arrowhead=none")?,
        RelationType::Mentions => write!(
            w,
            ", style=dotted, color=\"#999999\", fontcolor=\"#999999\""
        )?,
        _ => {}
    }
    writeln!(w, "];")
}

fn style_flags(st: NodeStyle, focus: bool) -> String {
    let mut flags = vec!["filled"];
    if !st.extra.is_empty() {
        flags.push(st.extra);
    }
    if focus {
        flags.push("bold");
    }
    flags.join(",")
}

/// `s` as a quoted DOT string.
///
/// # Example
/// ```
/// use zhitu::output::dot::quote;
/// assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
/// assert_eq!(quote("x\ny"), r#""x\ny""#);
/// ```
pub fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

/// The inside of a quoted DOT string: backslashes and quotes escaped, line breaks as `\n`, other
/// control characters dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
