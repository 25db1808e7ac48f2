//! The `detente` binary: the window when no subcommand is given, the
//! command line ([`detente::cli`]) when one is.

use clap::Parser;
use detente::cli::{Cli, run};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(cmd) => run(cmd),
        None => detente::ui::run(cli.workspace),
    };
    std::process::exit(code);
}
