//! Parses the command line, then runs a CLI command or opens the window; nothing else.

use std::process::ExitCode;

fn main() -> ExitCode {
    let (cli, builtin) = match opsdeck::cli::parse() {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    if cli.command.is_some() {
        opsdeck::cli::run(cli, builtin)
    } else {
        opsdeck::app::main(&cli.packs, &cli.window, builtin)
    }
}
