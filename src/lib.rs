//! 知图 zhitu: Chinese industrial-policy documents in, an explorable knowledge graph out.
//!
//! The crate is a one-way pipeline, one module per stage (see DESIGN.md):
//!
//! ```text
//! ingest → segment → extract → resolve → graph → query → output
//!                                           ↑        ↑
//!                                         cli      repl
//! ```
//!
//! [`pipeline`] is the facade that runs the build stages in order; [`model`] holds the entity and
//! relation vocabulary every stage shares.

pub mod cli;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod query;
pub mod repl;
pub mod resolve;
pub mod segment;
