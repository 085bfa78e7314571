//! The query language: lexer → parser → AST → plan → exec, over the narrow [`GraphView`] trait.
//! Errors carry byte spans; line and column (in characters) are worked out at the edge.
//! Never prints: results are [`QueryOutput`]s for `output` to format.

mod view;

pub use view::GraphView;

use crate::graph::{EdgeId, NodeId};

/// One cell of a result table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    /// A node: formatted by `output` with its name (and type where useful).
    Node(NodeId),
    List(Vec<Value>),
}

/// The nodes and edges a result covers, for diagrams; `focus` are the entities queried about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subgraph {
    pub nodes: Vec<NodeId>,
    pub edges: Vec<EdgeId>,
    pub focus: Vec<NodeId>,
}

/// The result of one statement: a table for table/JSON/CSV output and, where the statement
/// returns part of the graph, the subgraph for DOT.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryOutput {
    /// The statement kind (`show`, `neighbors`, `path`…), for JSON output and titles.
    pub kind: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub subgraph: Option<Subgraph>,
}
