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
    /// Set by `dot <statement> > FILE`: write the subgraph as a diagram to this file (DOT, or
    /// SVG/PNG through Graphviz, by the file's extension) instead of printing the table.
    pub export: Option<std::path::PathBuf>,
}

/// A statement of a script or REPL line, with its byte span in the source.
/// (The real AST lives in `ast`; this stub keeps the source text.)
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub text: String,
    pub span: std::ops::Range<usize>,
}

/// A query error with its byte span in the source.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    pub message: String,
    pub span: std::ops::Range<usize>,
}

impl QueryError {
    /// `FILE:LINE:COL: message`, the source line, and a caret under the column (columns counted
    /// in characters).
    pub fn render(&self, source: &str, file: Option<&str>) -> String {
        let _ = source;
        match file {
            Some(f) => format!("{f}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// Parses a script: statements separated by newlines or `;`, comments `--` and `#`.
///
/// # Errors
/// The first syntax error, with its span.
pub fn parse_script(source: &str) -> Result<Vec<Statement>, QueryError> {
    let _ = source;
    Err(QueryError {
        message: "the query language is not implemented yet".into(),
        span: 0..0,
    })
}

/// Runs one statement.
///
/// # Errors
/// Unknown or ambiguous entities, bad types or relations, with their spans.
pub fn execute(graph: &dyn GraphView, statement: &Statement) -> Result<QueryOutput, QueryError> {
    let _ = graph;
    Err(QueryError {
        message: "the query language is not implemented yet".into(),
        span: statement.span.clone(),
    })
}
