//! The command line as typed: clap validates it and nothing more; the commands turn it into
//! configuration (reading dictionaries, loading graphs).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use crate::output::Format;

/// The bundled graph, opened when no `-g` is given.
pub const DEFAULT_GRAPH: &str = "graphs/corpus.json";
/// The bundled corpus, read when `build` is given no inputs.
pub const DEFAULT_CORPUS: &str = "graphs/corpus";

/// 知图 zhitu: turn Chinese industrial-policy documents into a knowledge graph you can explore.
///
/// With no command, opens the REPL on the bundled graph (graphs/corpus.json).
#[derive(Debug, Parser)]
#[command(name = "zhitu", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a graph from documents (.txt, .html, .htm; folders are walked).
    ///
    /// Example: zhitu build graphs/corpus -o graphs/corpus.json
    Build {
        /// Files or folders to read [default: graphs/corpus]
        inputs: Vec<PathBuf>,
        /// Where to write the graph (node-link JSON, written atomically)
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        output: PathBuf,
        /// Your vocabulary: lines `name [type] [freq]`, type as in the guideline (Enterprise, 企业 …)
        #[arg(long)]
        dict: Option<PathBuf>,
        /// Your alias registry: lines `canonical<TAB>alias<TAB>alias…`
        #[arg(long)]
        aliases: Option<PathBuf>,
        /// Print no progress and no summary
        #[arg(short, long)]
        quiet: bool,
    },
    /// Summarise a saved graph: documents, entities by type, relations by type.
    Stats {
        /// The graph to open: a graph zhitu built, or node-link JSON networkx wrote
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        graph: PathBuf,
    },
    /// Score a graph (or documents, built on the fly) against gold annotations.
    ///
    /// Example: zhitu eval --gold tests/fixtures/gold -g graphs/corpus.json
    Eval {
        /// Folder of gold files in the guideline's format (one JSON file per document)
        #[arg(long)]
        gold: PathBuf,
        /// A saved graph to score
        #[arg(short, long, conflicts_with = "inputs")]
        graph: Option<PathBuf>,
        /// Documents to build and score instead of a saved graph
        inputs: Vec<PathBuf>,
        /// With documents: your vocabulary, as for `zhitu build --dict`
        #[arg(long, requires = "inputs")]
        dict: Option<PathBuf>,
        /// With documents: your alias registry, as for `zhitu build --aliases`
        #[arg(long, requires = "inputs")]
        aliases: Option<PathBuf>,
        /// Print the scores as JSON
        #[arg(long)]
        json: bool,
    },
    /// Explore a graph interactively (tab completes names; `:help` lists the statements).
    ///
    /// Example: zhitu repl -g graphs/corpus.json
    Repl {
        /// The graph to open: a graph zhitu built, or node-link JSON networkx wrote
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        graph: PathBuf,
    },
    /// Run one statement and print its result.
    ///
    /// Example: zhitu query 'neighbors 济南市 depth 2'
    Query {
        /// The graph to open: a graph zhitu built, or node-link JSON networkx wrote
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        graph: PathBuf,
        /// How results are printed (JSON shape: doc/OUTPUT.md)
        #[arg(short, long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// The statement (see `zhitu repl` and `:help` for the language)
        statement: String,
    },
    /// Run query scripts (.kq); `-` reads standard input.
    ///
    /// Stops at the first failing statement with FILE:LINE:COL and exit code 1.
    ///
    /// Example: zhitu run queries/tour.kq
    Run {
        /// The graph to open: a graph zhitu built, or node-link JSON networkx wrote
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        graph: PathBuf,
        /// How results are printed (JSON shape: doc/OUTPUT.md)
        #[arg(short, long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Report every failing statement instead of stopping at the first (still exits 1)
        #[arg(long)]
        keep_going: bool,
        #[arg(required = true)]
        scripts: Vec<PathBuf>,
    },
    /// Export the whole graph.
    ///
    /// csv writes two files, OUT.nodes.csv and OUT.edges.csv for `-o OUT.csv` (to standard
    /// output: the nodes table, an empty line, the edges table).
    ///
    /// Example: zhitu export --format graphml -o graphs/corpus.graphml
    Export {
        /// The graph to open: a graph zhitu built, or node-link JSON networkx wrote
        #[arg(short, long, default_value = DEFAULT_GRAPH)]
        graph: PathBuf,
        /// dot (Graphviz), graphml, json (node-link), csv (nodes and edges), cypher (Neo4j)
        #[arg(short, long, value_enum)]
        format: ExportFormat,
        /// Output file (`-` for standard output)
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Whole-graph export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Dot,
    Graphml,
    Json,
    Csv,
    Cypher,
}
