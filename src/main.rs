//! Parses the command line, then runs a CLI command or opens the window.

fn main() -> std::process::ExitCode {
    opsdeck::cli::main()
}
