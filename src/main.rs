//! The `detente` binary: the window when no subcommand is given, the
//! command line ([`detente::cli`]) when one is.

use clap::Parser;
use detente::cli::{Cli, run};

fn main() {
    let cli = Cli::parse();
    if let Some(a) = &cli.author {
        detente::core::ids::set_author(a);
    }
    let code = match cli.command {
        Some(cmd) => run(cmd),
        None => window(cli.workspace),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn window(workspace: Option<std::path::PathBuf>) -> i32 {
    detente::ui::run(workspace)
}

#[cfg(not(feature = "gui"))]
fn window(_: Option<std::path::PathBuf>) -> i32 {
    eprintln!("detente: this build has no window (built without the `gui` feature); see --help");
    2
}
