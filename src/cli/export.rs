//! `export`: the events as CSV or JSON tables, to a file or standard output.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Res, in_file};
use crate::core::store;
use crate::exchange::{csv, json};
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Export events as CSV or JSON.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 7)]
    Export {
        workspace: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// One row per event x passage instead of one per event.
        #[arg(long)]
        per_passage: bool,
        /// Output file (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Export even while merge conflicts are open (each row then holds
        /// "mine", the value the workspace keeps until settled).
        #[arg(long)]
        with_conflicts: bool,
    },
}

pub fn run(cmd: ExportCommand, out: &mut dyn Write) -> Res {
    match cmd {
        ExportCommand::Export {
            workspace,
            format,
            per_passage,
            output,
            with_conflicts,
        } => {
            let ws = store::load(&workspace)?;
            if !ws.conflicts.is_empty() && !with_conflicts {
                return Err(in_file(
                    &workspace,
                    format!(
                        "{} merge conflict(s) are open, so an export would quietly take one side; \
                         settle them in the window (Conflicts tab), or pass --with-conflicts",
                        ws.conflicts.len()
                    ),
                ));
            }
            let text = match format {
                ExportFormat::Csv => csv::to_csv(&ws, per_passage),
                ExportFormat::Json => json::to_json(&ws, per_passage),
            };
            match output {
                Some(path) => store::save_bytes(text.as_bytes(), &path)?,
                None => out.write_all(text.as_bytes())?,
            }
            Ok(0)
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}
