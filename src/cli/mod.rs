//! The command-line face: the same core as the window, for scripts.
//!
//! One file per group of subcommands; each group is a clap enum flattened
//! into [`Command`], so `detente --help` lists them all in their order.
//! It may use every layer below it (`dev`, `read`, `exchange`, `core`,
//! `dates`, `text`), never `ui`.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

mod annotate;
mod common;
mod dates;
mod export;
mod generate;
mod import;
mod merge;
mod notebook;
mod worker;
mod workspace;

use crate::cli::common::{EXIT_CODES, Failure, Res};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "detente",
    version,
    about = "Detente: tag diplomatic events in news articles and see the timeline of contact.",
    long_about = "Detente: tag diplomatic events in news articles and see the timeline of contact.\n\n\
        With no subcommand, opens the window on WORKSPACE, or on the last workspace, or on the bundled sample.",
    after_help = EXIT_CODES,
    // `detente --author NAME tag …` is the subcommand with the global
    // option, not a workspace named "tag" (a word that names a subcommand
    // is one; a workspace of that name is opened as `detente ./tag`).
    subcommand_precedence_over_arg = true,
    override_usage = "detente [OPTIONS] [WORKSPACE]\n       detente [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// Workspace file to open in the window.
    pub workspace: Option<PathBuf>,
    /// Your name, stamped on the events, passages and actors you create or
    /// change (the window asks once and remembers it).
    #[arg(long, global = true, env = "DETENTE_AUTHOR")]
    pub author: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Parsed once per process, so the size of its largest variant (`tag`,
/// with its many options) does not matter.
#[expect(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(flatten)]
    Workspace(workspace::WorkspaceCommand),
    #[command(flatten)]
    Import(import::ImportCommand),
    #[command(flatten)]
    Annotate(annotate::AnnotateCommand),
    #[command(flatten)]
    Notebook(notebook::NotebookCommand),
    #[command(flatten)]
    Export(export::ExportCommand),
    #[command(flatten)]
    Dates(dates::DatesCommand),
    #[command(flatten)]
    Generate(generate::GenerateCommand),
    #[command(flatten)]
    Merge(merge::MergeCommand),
    #[command(flatten)]
    Worker(worker::WorkerCommand),
}

/// Run a subcommand; returns the exit code.
pub fn run(cmd: Command) -> i32 {
    let mut out = std::io::stdout().lock();
    // A panic anywhere in a command (a bug, ours or a dependency's) ends it
    // with exit 1 and a message, as any failure does, not with exit 101 and
    // a backtrace; whatever it was writing was written atomically or not at
    // all. Batches isolate each input further down (see `core::isolate`).
    let ran = crate::core::isolate::isolate(|| run_to(cmd, &mut out)).unwrap_or_else(|p| {
        Err(Failure(format!(
            "the command stopped on an internal error ({p}); nothing was changed by it \
             after that point. Please report this with the input that caused it"
        )))
    });
    match ran {
        Ok(code) => code,
        Err(Failure(msg)) => {
            let _ = out.flush();
            eprintln!("detente: {msg}");
            1
        }
    }
}

fn run_to(cmd: Command, out: &mut dyn Write) -> Res {
    match cmd {
        Command::Workspace(c) => workspace::run(c, out),
        Command::Import(c) => import::run(c, out),
        Command::Annotate(c) => annotate::run(c, out),
        Command::Notebook(c) => notebook::run(c, out),
        Command::Export(c) => export::run(c, out),
        Command::Dates(c) => dates::run(c, out),
        Command::Generate(c) => generate::run(c, out),
        Command::Merge(c) => merge::run(c, out),
        Command::Worker(c) => worker::run(c, out),
    }
}
