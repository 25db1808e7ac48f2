//! The hidden developer commands `generate` and `generate-files`: large
//! synthetic workspaces and pages for benchmarks (see [`crate::dev`]).
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{Res, in_file};
use crate::core::store;
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Write a generated workspace for benchmarks and stress tests
    /// (refuses to overwrite). The same seed gives the same file.
    #[command(hide = true)]
    #[command(display_order = 11)]
    Generate {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long, default_value_t = 5000)]
        articles: usize,
        #[arg(long, default_value_t = 20000)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write generated news articles (HTML pages of two shapes, or plain text) into a folder.
    #[command(hide = true)]
    #[command(display_order = 12)]
    GenerateFiles {
        dir: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// Approximate size of each file in bytes.
        #[arg(long, default_value_t = 5000)]
        bytes: usize,
        #[arg(long, value_enum, default_value_t = FileKind::Html)]
        kind: FileKind,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

pub fn run(cmd: GenerateCommand, out: &mut dyn Write) -> Res {
    match cmd {
        GenerateCommand::Generate {
            workspace,
            articles,
            events,
            seed,
        } => {
            let ws = crate::dev::generate::workspace(crate::dev::generate::Spec {
                articles,
                events,
                seed,
            });
            store::create(&ws, &workspace)?;
            writeln!(
                out,
                "generated {} ({} articles, {} events)",
                workspace.display(),
                ws.articles.len(),
                ws.events.len()
            )?;
            Ok(0)
        }
        GenerateCommand::GenerateFiles {
            dir,
            count,
            bytes,
            kind,
            seed,
        } => {
            let shape = match kind {
                FileKind::Html => crate::dev::pages::Shape::Html,
                FileKind::Rough => crate::dev::pages::Shape::Rough,
                FileKind::Text => crate::dev::pages::Shape::Text,
            };
            let files = crate::dev::pages::write_corpus(&dir, count, bytes, shape, seed)
                .map_err(|e| in_file(&dir, e))?;
            writeln!(out, "wrote {} files in {}", files.len(), dir.display())?;
            Ok(0)
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// News pages with metadata and site furniture.
    Html,
    /// Pages of another shape: long paragraphs, no metadata, deep nesting,
    /// inline scripts and styles, non-Latin scripts.
    Rough,
    Text,
}
