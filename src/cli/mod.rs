//! The command line: clap arguments → configuration → dispatch. The only place that chooses exit
//! codes and writes to stderr.

mod args;
mod build;
mod eval;
mod export;
mod query;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Args, Command, ExportFormat, Format, DEFAULT_CORPUS, DEFAULT_GRAPH};

/// What a command returns: its exit code, or a message for stderr (exit 1).
pub type CmdResult = Result<ExitCode, String>;

/// Runs the command line and returns the exit code: 0 success, 1 a failed query or build,
/// 2 a usage error.
pub fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Some(Command::Build {
            inputs,
            output,
            dict,
            aliases,
            quiet,
        }) => build::build(inputs, &output, dict.as_deref(), aliases.as_deref(), quiet),
        Some(Command::Stats { graph }) => build::stats(&graph),
        Some(Command::Eval {
            gold,
            graph,
            inputs,
            dict,
            aliases,
            json,
        }) => eval::eval(
            &gold,
            eval::Scored {
                graph: graph.as_deref(),
                inputs,
                dict: dict.as_deref(),
                aliases: aliases.as_deref(),
            },
            json,
        ),
        Some(Command::Repl { graph }) => query::repl(&graph),
        None => query::repl(Path::new(DEFAULT_GRAPH)),
        Some(Command::Query {
            graph,
            format,
            statement,
        }) => query::query(&graph, format, &statement),
        Some(Command::Run {
            graph,
            format,
            keep_going,
            scripts,
        }) => query::run(&graph, format, keep_going, &scripts),
        Some(Command::Export {
            graph,
            format,
            output,
        }) => export::export(&graph, format, &output),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("zhitu: {message}");
            ExitCode::FAILURE
        }
    }
}
