//! Node-link JSON: saving (atomically: temp file + rename) and loading, both zhitu's own graphs
//! and those networkx writes (`nx.node_link_data(G, edges="edges")`).

use std::io::Write;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{DocumentMeta, Edge, KnowledgeGraph, Node, NodeId};
use crate::model::{EntityType, RelationType};
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

#[derive(Serialize, Deserialize)]
struct RawGraph {
    #[serde(default)]
    directed: bool,
    #[serde(default)]
    multigraph: bool,
    #[serde(default)]
    graph: RawMeta,
    nodes: Vec<RawNode>,
    #[serde(alias = "links")]
    edges: Vec<RawEdge>,
}

#[derive(Serialize, Deserialize, Default)]
struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    documents: Vec<DocumentMeta>,
}

#[derive(Serialize, Deserialize)]
struct RawNode {
    id: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    docs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    years: Vec<i32>,
    #[serde(flatten)]
    attrs: IndexMap<String, Value>,
}

#[derive(Serialize, Deserialize)]
struct RawEdge {
    source: Value,
    target: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weight: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<Evidence>,
    #[serde(flatten)]
    attrs: IndexMap<String, Value>,
}

impl KnowledgeGraph {
    /// Writes the graph as node-link JSON to `path`, atomically.
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
        {
            let mut w = std::io::BufWriter::new(tmp.as_file_mut());
            self.write_json(&mut w).map_err(err)?;
            w.flush().map_err(err)?;
        }
        tmp.persist(path).map_err(|e| err(e.error))?;
        Ok(())
    }

    /// Writes the graph as node-link JSON, one node or edge a line.
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
        for (i, id) in self.node_ids().enumerate() {
            let n = self.node(id).expect("listed node");
            let raw = RawNode {
                id: Value::from(id.0),
                name: Some(n.name.clone()),
                kind: Some(n.kind.as_str().to_string()),
                aliases: n.aliases.clone(),
                docs: n.docs.clone(),
                years: n.years.clone(),
                attrs: n.attrs.clone(),
            };
            let sep = if i == 0 { "\n  " } else { ",\n  " };
            write!(w, "{sep}{}", serde_json::to_string(&raw)?)?;
        }
        write!(w, "],\n \"edges\": [")?;
        for (i, id) in self.edge_ids().enumerate() {
            let e = self.edge(id).expect("listed edge");
            let (s, t) = self.endpoints(id).expect("listed edge");
            let raw = RawEdge {
                source: Value::from(s.0),
                target: Value::from(t.0),
                relation: Some(e.relation.as_str().to_string()),
                confidence: Some(e.confidence),
                weight: Some(e.weight),
                evidence: e.evidence.clone(),
                attrs: e.attrs.clone(),
            };
            let sep = if i == 0 { "\n  " } else { ",\n  " };
            write!(w, "{sep}{}", serde_json::to_string(&raw)?)?;
        }
        writeln!(w, "]}}")
    }

    /// Loads a node-link JSON graph: zhitu's own, or one networkx wrote.
    ///
    /// # Errors
    /// [`GraphError`] naming the file (and line and column for malformed JSON).
    pub fn load(path: &Path) -> Result<KnowledgeGraph, GraphError> {
        let bytes = std::fs::read(path).map_err(|source| GraphError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_json_slice(path, &bytes)
    }

    /// Parses node-link JSON; `path` is only used in errors.
    ///
    /// # Errors
    /// As [`KnowledgeGraph::load`].
    pub fn from_json_slice(path: &Path, bytes: &[u8]) -> Result<KnowledgeGraph, GraphError> {
        let raw: RawGraph = serde_json::from_slice(bytes).map_err(|e| GraphError::Parse {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let mut g = KnowledgeGraph {
            documents: raw.graph.documents,
            ..Default::default()
        };
        let mut ids: IndexMap<String, NodeId> = IndexMap::with_capacity(raw.nodes.len());
        for n in raw.nodes {
            let key = id_key(&n.id);
            let mut attrs = n.attrs;
            let kind = match n.kind.as_deref() {
                Some(k) => EntityType::parse(k).unwrap_or_else(|| {
                    attrs.insert("type_label".into(), Value::from(k));
                    EntityType::Unknown
                }),
                None => EntityType::Unknown,
            };
            let name = n.name.unwrap_or_else(|| key.clone());
            let id = g.add_node(Node {
                name,
                kind,
                aliases: n.aliases,
                docs: n.docs,
                years: n.years,
                attrs,
            });
            ids.insert(key, id);
        }
        for (index, e) in raw.edges.into_iter().enumerate() {
            let end = |v: &Value| {
                let key = id_key(v);
                ids.get(&key).copied().ok_or(GraphError::DanglingEdge {
                    path: path.to_path_buf(),
                    index,
                    id: key,
                })
            };
            let (s, t) = (end(&e.source)?, end(&e.target)?);
            let mut attrs = e.attrs;
            let relation = match e.relation.as_deref() {
                Some(r) => RelationType::parse(r).unwrap_or_else(|| {
                    attrs.insert("label".into(), Value::from(r));
                    RelationType::Related
                }),
                None => RelationType::Related,
            };
            g.add_edge(
                s,
                t,
                Edge {
                    relation,
                    confidence: e.confidence.unwrap_or(1.0),
                    weight: e.weight.unwrap_or(1),
                    evidence: e.evidence,
                    attrs,
                },
            );
        }
        Ok(g)
    }
}

fn id_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
