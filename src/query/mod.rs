//! The query language, as a pipeline: lex → parse → plan → exec, over the narrow [`GraphView`]
//! trait (execution never touches petgraph). Errors carry byte spans; line and column (in
//! characters) are worked out at the edge, by [`QueryError::render`]. Never prints: results are
//! [`QueryOutput`]s for `output` to format. The grammar and the language reference are in
//! doc/QUERY.md.
//!
//! ```
//! use zhitu::graph::{KnowledgeGraph, Node};
//! use zhitu::model::EntityType;
//! use zhitu::query::{execute, parse_script};
//!
//! let mut g = KnowledgeGraph::default();
//! g.add_node(Node {
//!     name: "云州市".into(),
//!     kind: EntityType::Place,
//!     aliases: vec!["云州".into()],
//!     docs: vec![],
//!     years: vec![],
//!     attrs: Default::default(),
//! });
//! let statements = parse_script("show 云州; stats").unwrap();
//! let out = execute(&g, &statements[0]).unwrap();
//! assert_eq!(out.kind, "show");
//! ```

pub mod ast;
mod catalog;
pub mod error;
mod exec;
mod filter;
pub mod lexer;
pub mod parser;
pub mod plan;
mod traverse;
mod view;

pub use ast::{Statement, StatementKind, CLAUSES, KEYWORDS, STATEMENTS};
pub use error::{ErrorKind, QueryError};
pub use view::GraphView;

use std::borrow::Cow;

use crate::graph::{EdgeId, NodeId};

/// One row of a result table: up to six cells stored inline, so a result of many rows makes one
/// allocation, not one per row.
pub type Row = smallvec::SmallVec<[Value; 6]>;

/// One cell of a result table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    /// A fixed text (a type or relation name, an arrow): no allocation per row.
    Label(&'static str),
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
    pub kind: &'static str,
    /// Column names: fixed words, or attribute names `find` was asked for.
    pub columns: Vec<Cow<'static, str>>,
    pub rows: Vec<Row>,
    pub subgraph: Option<Subgraph>,
    /// Set by `dot <statement> > FILE`: write the subgraph as a diagram to this file (DOT, or
    /// SVG/PNG through Graphviz, by the file's extension) instead of printing the table.
    pub export: Option<std::path::PathBuf>,
    /// A note on the result, for a line above or below the table: no path found, how many paths,
    /// a limit that cut the result short.
    pub title: Option<String>,
}

/// Parses a script: statements separated by newlines or `;`, comments `--` and `#`.
///
/// # Errors
/// The first lexical or syntax error, with its span.
///
/// # Example
/// ```
/// let s = zhitu::query::parse_script("neighbors 青岚集团 depth 2 -- 注释\nstats").unwrap();
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].to_string(), "neighbors 青岚集团 depth 2");
/// ```
pub fn parse_script(source: &str) -> Result<Vec<Statement>, QueryError> {
    parser::parse(source)
}

/// Runs one statement: plans it against the graph (resolving names, types and relations),
/// then executes the plan.
///
/// # Errors
/// Unknown or ambiguous entities, unknown ids, types or relations, with their spans.
///
/// # Complexity
/// `neighbors` and `path` visit only the part of the graph they explore; `find`, `stats`,
/// `schema` and `docs` scan the graph once; an unknown name scans the name index for suggestions.
pub fn execute(graph: &dyn GraphView, statement: &Statement) -> Result<QueryOutput, QueryError> {
    let planned = plan::plan(graph, statement)?;
    Ok(exec::run(graph, &planned))
}

/// Whether `source` is complete (every quote and parenthesis closed), for multi-line input.
pub fn is_complete(source: &str) -> bool {
    lexer::is_complete(source)
}
