//! Node-link JSON: saving (atomically: temp file + rename, one node or edge a line) and loading,
//! both zhitu's own graphs and those networkx writes (`nx.node_link_data(G, edges="edges")`:
//! ids of any JSON type, no `name` or `type`, `links` or `edges`, unknown keys kept as
//! attributes). Loading streams nodes and edges straight into the graph with hand-written
//! visitors (no intermediate `Value` tree, no `serde(flatten)` buffering), so a graph of millions
//! of edges loads in seconds. Errors point at `file:line:column`, the column counted in characters.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;
use petgraph::visit::NodeIndexable;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::raw::{RawEdge, RawNode};
use super::{DocumentMeta, Edge, KnowledgeGraph, Node, NodeId};
use crate::resolve::Evidence;

/// The format tag written in `graph.format`.
pub const FORMAT: &str = "zhitu/1";

/// Why a graph could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not a node-link graph: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: edge {index} names node {id}, which the graph does not have")]
    DanglingEdge {
        path: PathBuf,
        index: usize,
        id: String,
    },
}

#[derive(Serialize, Deserialize, Default)]
struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    documents: Vec<DocumentMeta>,
}

/// A node as written: the known fields, then its attributes in order.
#[derive(Serialize)]
struct NodeOut<'a> {
    id: u32,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    docs: &'a [Arc<str>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    years: &'a [i32],
    #[serde(flatten)]
    attrs: &'a IndexMap<String, Value>,
}

/// An edge as written.
#[derive(Serialize)]
struct EdgeOut<'a> {
    source: u32,
    target: u32,
    relation: &'a str,
    confidence: f32,
    weight: u32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Evidence],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    docs: &'a [Arc<str>],
    #[serde(flatten)]
    attrs: &'a IndexMap<String, Value>,
}

impl KnowledgeGraph {
    /// Writes the graph as node-link JSON to `path`, atomically: a temporary file in the same
    /// folder, renamed over `path` once complete.
    ///
    /// # Errors
    /// [`GraphError::Write`] when the file cannot be written; the old file is then untouched.
    pub fn save(&self, path: &Path) -> Result<(), GraphError> {
        let err = |source| GraphError::Write {
            path: path.to_path_buf(),
            source,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
        // A temporary file is private (0600); the graph gets the mode of the file it replaces,
        // or the usual 0644.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path)
                .map(|m| m.permissions().mode() & 0o7777)
                .unwrap_or(0o644);
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(err)?;
        }
        {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
            self.write_json(&mut w).map_err(err)?;
            w.flush().map_err(err)?;
        }
        tmp.as_file().sync_all().map_err(err)?;
        tmp.persist(path).map_err(|e| err(e.error))?;
        Ok(())
    }

    /// Writes the graph as node-link JSON, one node or edge a line. Ids are renumbered densely
    /// in id order, so the output depends only on the graph's contents.
    ///
    /// # Errors
    /// Any I/O error of `w`.
    pub fn write_json(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let meta = RawMeta {
            format: Some(FORMAT.to_string()),
            documents: self.documents.clone(),
        };
        write!(
            w,
            "{{\"directed\": true, \"multigraph\": true,\n \"graph\": {},\n \"nodes\": [",
            serde_json::to_string(&meta)?
        )?;
        let mut dense: HashMap<NodeId, u32> = HashMap::new();
        let renumber = self.graph.node_count() != NodeIndexable::node_bound(&self.graph);
        for (i, id) in self.node_ids().enumerate() {
            let Some(n) = self.node(id) else { continue };
            if renumber {
                dense.insert(id, i as u32);
            }
            let out = NodeOut {
                id: i as u32,
                name: &n.name,
                kind: n.kind.as_str(),
                aliases: &n.aliases,
                docs: &n.docs,
                years: &n.years,
                attrs: &n.attrs,
            };
            w.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *w, &out)?;
        }
        w.write_all(b"],\n \"edges\": [")?;
        let num = |id: NodeId| if renumber { dense[&id] } else { id.0 };
        for (i, id) in self.edge_ids().enumerate() {
            let (Some(e), Some((s, t))) = (self.edge(id), self.endpoints(id)) else {
                continue;
            };
            let out = EdgeOut {
                source: num(s),
                target: num(t),
                relation: e.relation.as_str(),
                confidence: e.confidence,
                weight: e.weight,
                evidence: &e.evidence,
                docs: &e.docs,
                attrs: &e.attrs,
            };
            w.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *w, &out)?;
        }
        writeln!(w, "]}}")
    }

    /// Loads a node-link JSON graph: zhitu's own, or one networkx wrote.
    ///
    /// # Errors
    /// [`GraphError`] naming the file (and line and column for malformed JSON).
    ///
    /// # Complexity
    /// Linear in the file's size; the file is streamed, so memory is the graph's alone.
    pub fn load(path: &Path) -> Result<KnowledgeGraph, GraphError> {
        // zhitu's own layout, parsed on every core, first.
        if let Some(g) = super::lines::load(path) {
            return Ok(g);
        }
        let read_err = |source| GraphError::Read {
            path: path.to_path_buf(),
            source,
        };
        // Streamed, so the file's bytes and the graph are never in memory together: zhitu's own
        // layout (one node or edge a line) line by line, anything else through the general
        // parser (which also reports errors with their position).
        let file = std::fs::File::open(path).map_err(read_err)?;
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        if let Some(loader) = load_lines(reader).map_err(read_err)? {
            return loader.finish(path);
        }
        let file = std::fs::File::open(path).map_err(read_err)?;
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        match parse(serde_json::Deserializer::from_reader(reader)) {
            Ok(loader) => loader.finish(path),
            Err(e) if e.is_io() => Err(read_err(std::io::Error::other(e.to_string()))),
            Err(e) => {
                let bytes = std::fs::read(path).unwrap_or_default();
                Err(parse_error(path, &bytes, &e))
            }
        }
    }

    /// Parses node-link JSON; `path` is only used in errors.
    ///
    /// # Errors
    /// As [`KnowledgeGraph::load`].
    ///
    /// # Example
    /// ```
    /// use std::path::Path;
    /// use zhitu::graph::KnowledgeGraph;
    /// let json = br#"{"nodes": [{"id": "a"}, {"id": "b", "colour": "red"}], "links": [{"source": "a", "target": "b"}]}"#;
    /// let g = KnowledgeGraph::from_json_slice(Path::new("nx.json"), json).unwrap();
    /// assert_eq!((g.node_count(), g.edge_count()), (2, 1));
    /// let err = KnowledgeGraph::from_json_slice(Path::new("bad.json"), b"{\"nodes\": [\n  {\"id\": }]}").unwrap_err();
    /// assert_eq!(err.to_string(), "bad.json:2:10: not a node-link graph: expected value");
    /// ```
    pub fn from_json_slice(path: &Path, bytes: &[u8]) -> Result<KnowledgeGraph, GraphError> {
        match parse(serde_json::Deserializer::from_slice(bytes)) {
            Ok(loader) => loader.finish(path),
            Err(e) => Err(parse_error(path, bytes, &e)),
        }
    }
}

/// The fast path for the layout [`KnowledgeGraph::write_json`] writes: a header line, the meta
/// line, then one node or edge a line, each parsed on its own. `None` at the first line that
/// departs from that layout (or does not parse): the caller falls back to the general parser.
fn load_lines(mut r: impl std::io::BufRead) -> std::io::Result<Option<Loader>> {
    let mut buf = Vec::with_capacity(4096);
    let mut next = |buf: &mut Vec<u8>| -> std::io::Result<bool> {
        buf.clear();
        let n = r.read_until(b'\n', buf)?;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        Ok(n > 0)
    };
    if !next(&mut buf)? || buf != br#"{"directed": true, "multigraph": true,"# {
        return Ok(None);
    }
    next(&mut buf)?;
    let Some(meta) = buf
        .strip_prefix(br#" "graph": "#)
        .and_then(|m| m.strip_suffix(b","))
        .and_then(|m| serde_json::from_slice::<RawMeta>(m).ok())
    else {
        return Ok(None);
    };
    let mut loader = Loader {
        dense: true,
        saw_nodes: true,
        saw_edges: true,
        ..Default::default()
    };
    loader.graph.documents = meta.documents;
    next(&mut buf)?;
    let mut more = match buf.as_slice() {
        br#" "nodes": ["# => true,
        br#" "nodes": [],"# => false,
        _ => return Ok(None),
    };
    while more {
        next(&mut buf)?;
        let Some((body, last)) = item(&buf, b"],") else {
            return Ok(None);
        };
        let Ok(RawNode(key, node)) = serde_json::from_slice(body) else {
            return Ok(None);
        };
        loader.add_node(key, node);
        more = !last;
    }
    next(&mut buf)?;
    more = match buf.as_slice() {
        br#" "edges": ["# => true,
        br#" "edges": []}"# => false,
        _ => return Ok(None),
    };
    while more {
        next(&mut buf)?;
        let Some((body, last)) = item(&buf, b"]}") else {
            return Ok(None);
        };
        let Ok(RawEdge(s, t, edge)) = serde_json::from_slice(body) else {
            return Ok(None);
        };
        let index = loader.edges_read;
        loader.edges_read += 1;
        match (loader.resolve(&s), loader.resolve(&t)) {
            (Some(s), Some(t)) => {
                loader.graph.add_edge(s, t, edge);
            }
            _ => loader.pending.push((index, s, t, edge)),
        }
        more = !last;
    }
    if next(&mut buf)? {
        return Ok(None);
    }
    Ok(Some(loader))
}

/// One item line: `  {…},` or, the last, `  {…}` followed by `close`.
fn item<'a>(line: &'a [u8], close: &[u8]) -> Option<(&'a [u8], bool)> {
    let body = line.strip_prefix(b"  ")?;
    if let Some(b) = body.strip_suffix(close) {
        Some((b, true))
    } else {
        body.strip_suffix(b",").map(|b| (b, false))
    }
}

/// Runs the loader over a whole JSON document.
fn parse<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
) -> Result<Loader, serde_json::Error> {
    let mut loader = Loader::default();
    (&mut loader).deserialize(&mut de)?;
    de.end()?;
    Ok(loader)
}

fn parse_error(path: &Path, bytes: &[u8], e: &serde_json::Error) -> GraphError {
    let mut message = e.to_string();
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    GraphError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: char_column(bytes, e.line(), e.column()),
        message,
    }
}

/// serde_json counts columns in bytes; users count characters.
fn char_column(bytes: &[u8], line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)
            .unwrap_or(0)
    };
    let end = (start + column).min(bytes.len());
    String::from_utf8_lossy(&bytes[start..end]).chars().count()
}

/// A node id as written: zhitu writes integers; networkx may write any JSON value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum IdKey {
    Int(i64),
    Other(String),
}

impl IdKey {
    pub(super) fn from_value(v: Value) -> IdKey {
        match v {
            Value::Number(n) if n.as_i64().is_some() => IdKey::Int(n.as_i64().unwrap_or(0)),
            Value::String(s) => IdKey::Other(s),
            other => IdKey::Other(other.to_string()),
        }
    }
}

impl fmt::Display for IdKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdKey::Int(i) => write!(f, "{i}"),
            IdKey::Other(s) => f.write_str(s),
        }
    }
}

/// Streams a node-link document into a graph.
#[derive(Default)]
struct Loader {
    graph: KnowledgeGraph,
    /// Whether every id so far was its node's position (zhitu's own graphs): no map needed.
    dense: bool,
    ids: HashMap<IdKey, NodeId>,
    /// Edges read before their nodes: (index, source, target, edge).
    pending: Vec<(usize, IdKey, IdKey, Edge)>,
    edges_read: usize,
    saw_nodes: bool,
    saw_edges: bool,
}

impl Loader {
    fn resolve(&self, key: &IdKey) -> Option<NodeId> {
        if self.dense {
            match key {
                IdKey::Int(i) if (*i as u64) < self.graph.node_count() as u64 && *i >= 0 => {
                    Some(NodeId(*i as u32))
                }
                _ => None,
            }
        } else {
            self.ids.get(key).copied()
        }
    }

    fn add_node(&mut self, key: IdKey, node: Node) {
        let index = self.graph.node_count();
        if self.dense && key != IdKey::Int(index as i64) {
            self.dense = false;
            self.ids = (0..index)
                .map(|i| (IdKey::Int(i as i64), NodeId(i as u32)))
                .collect();
        }
        let id = self.graph.add_node(node);
        if !self.dense {
            self.ids.entry(key).or_insert(id);
        }
    }

    fn finish(mut self, path: &Path) -> Result<KnowledgeGraph, GraphError> {
        for (index, s, t, edge) in std::mem::take(&mut self.pending) {
            let end = |k: &IdKey| {
                self.resolve(k).ok_or_else(|| GraphError::DanglingEdge {
                    path: path.to_path_buf(),
                    index,
                    id: k.to_string(),
                })
            };
            let (s, t) = (end(&s)?, end(&t)?);
            self.graph.add_edge(s, t, edge);
        }
        Ok(self.graph)
    }
}

/// The keys of the top-level object.
enum TopKey {
    Graph,
    Nodes,
    Edges,
    Other,
}

impl<'de> Deserialize<'de> for TopKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TopKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TopKey, E> {
                Ok(match s {
                    "graph" => TopKey::Graph,
                    "nodes" => TopKey::Nodes,
                    "edges" | "links" => TopKey::Edges,
                    _ => TopKey::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

impl<'de> DeserializeSeed<'de> for &mut Loader {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut Loader {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with `nodes` and `edges` (or `links`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.dense = true;
        while let Some(key) = map.next_key::<TopKey>()? {
            match key {
                TopKey::Graph => {
                    let meta: Value = map.next_value()?;
                    if let Some(docs) = meta.get("documents") {
                        if let Ok(docs) = serde_json::from_value(docs.clone()) {
                            self.graph.documents = docs;
                        }
                    }
                }
                TopKey::Nodes => {
                    self.saw_nodes = true;
                    map.next_value_seed(Nodes(self))?;
                }
                TopKey::Edges => {
                    self.saw_edges = true;
                    map.next_value_seed(Edges(self))?;
                }
                TopKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !self.saw_nodes {
            return Err(de::Error::missing_field("nodes"));
        }
        if !self.saw_edges {
            return Err(de::Error::missing_field("edges"));
        }
        Ok(())
    }
}

struct Nodes<'a>(&'a mut Loader);
struct Edges<'a>(&'a mut Loader);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of nodes")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(RawNode(key, node)) = seq.next_element()? {
            self.0.add_node(key, node);
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Edges<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Edges<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of edges")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let loader = self.0;
        while let Some(RawEdge(s, t, edge)) = seq.next_element()? {
            let index = loader.edges_read;
            loader.edges_read += 1;
            match (loader.resolve(&s), loader.resolve(&t)) {
                (Some(s), Some(t)) if loader.saw_nodes => {
                    loader.graph.add_edge(s, t, edge);
                }
                _ => loader.pending.push((index, s, t, edge)),
            }
        }
        Ok(())
    }
}
