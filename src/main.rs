//! The `zhitu` binary: everything lives in the library; [`zhitu::cli::main`] picks the exit code.

fn main() -> std::process::ExitCode {
    zhitu::cli::main()
}
