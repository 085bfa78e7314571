//! The command line: clap arguments → configuration → dispatch. The only place that chooses exit
//! codes and writes to stderr.

mod args;
mod build;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Args, Command, ExportFormat, Format, DEFAULT_CORPUS, DEFAULT_GRAPH};

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
        Some(other) => Err(format!("{other:?}: not implemented yet")),
        None => build::stats(std::path::Path::new(DEFAULT_GRAPH)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("zhitu: {message}");
            ExitCode::FAILURE
        }
    }
}
