//! The one integration-test binary: each module tests one area as a user sees it.

mod util;

mod cli_build;
mod corpus_graph;
mod eval_floors;
mod eval_heldout;
mod extract_snapshots;
mod ingest;
mod output_dot;
mod query_cases;
mod repl_pty;
mod scripts;
