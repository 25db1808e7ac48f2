//! Workspace files as wholes: create one (`new`), list its articles (`list`),
//! check it (`validate`) and count what it holds (`stats`).
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Failure, Res, shown, shown_path};
use crate::core::model::Workspace;
use crate::core::store;
use clap::Subcommand;
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum WorkspaceCommand {
    /// Create a new, empty workspace file (never overwrites).
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 0)]
    New {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long)]
        title: Option<String>,
    },
    /// List the articles.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 2)]
    List {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Check a workspace; lists every problem.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 9)]
    Validate { workspace: PathBuf },
    /// Counts and date range.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 10)]
    Stats {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: WorkspaceCommand, out: &mut dyn Write) -> Res {
    match cmd {
        WorkspaceCommand::New { workspace, title } => {
            let title = title.unwrap_or_else(|| {
                workspace
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let ws = Workspace::new(&title);
            store::create(&ws, &workspace)?;
            writeln!(out, "created {} {}", ws.id, shown_path(&workspace))?;
            Ok(0)
        }
        WorkspaceCommand::List { workspace, json } => {
            let ws = store::load(&workspace)?;
            let counts = ws.passage_counts();
            let rows: Vec<_> = ws
                .articles
                .iter()
                .map(|a| {
                    json!({
                        "id": a.id,
                        "title": a.title,
                        "outlet": a.outlet,
                        "published": a.published.as_ref().map(|d| d.edtf()),
                        "published_source": a.published_source,
                        "url": a.url,
                        "source_file": a.imported_from,
                        "chars": a.char_len(),
                        "passages": counts.get(a.id.as_str()).copied().unwrap_or(0),
                    })
                })
                .collect();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
            } else {
                writeln!(out, "id\tpublished\tpassages\tchars\toutlet\ttitle")?;
                for r in &rows {
                    let s = |k: &str| shown(r[k].as_str().unwrap_or(""));
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        s("id"),
                        r["published"].as_str().unwrap_or("-"),
                        r["passages"],
                        r["chars"],
                        s("outlet"),
                        s("title")
                    )?;
                }
            }
            Ok(0)
        }
        WorkspaceCommand::Validate { workspace } => {
            let file = workspace.display().to_string();
            // Read as a load reads: never a FIFO or a device, never past
            // the size limit, and the leftovers of killed saves cleaned.
            let (bytes, _) = store::read_bounded(&workspace)?;
            // Parse without the loader's validation step so every problem is
            // listed; the file's bytes are freed before the checks run.
            let parsed = store::parse_unchecked(&bytes, &file);
            drop(bytes);
            match parsed {
                // A file that cannot be read is refused on stderr, like
                // every other failure; its problems are the report.
                Err(e) => Err(Failure(e.to_string())),
                Ok(ws) => {
                    let problems = ws.problems();
                    for p in &problems {
                        writeln!(out, "{file}: {p}")?;
                    }
                    if problems.is_empty() {
                        writeln!(
                            out,
                            "{file}: valid ({} articles, {} events)",
                            ws.articles.len(),
                            ws.events.len()
                        )?;
                        // Sound, but not settled: say so.
                        if !ws.conflicts.is_empty() {
                            writeln!(
                                out,
                                "{file}: {} merge conflict(s) open: settle them in the window \
                                 (Conflicts tab); exports wait until then",
                                ws.conflicts.len()
                            )?;
                        }
                        Ok(0)
                    } else {
                        writeln!(out, "{file}: {} problem(s)", problems.len())?;
                        Ok(1)
                    }
                }
            }
        }
        WorkspaceCommand::Stats { workspace, json } => {
            let ws = store::load(&workspace)?;
            let passages: usize = ws.events.iter().map(|e| e.evidence.len()).sum();
            let first = ws
                .events
                .iter()
                .filter_map(|e| e.date.as_ref()?.earliest())
                .min();
            let last = ws
                .events
                .iter()
                .filter_map(|e| e.date.as_ref()?.latest())
                .max();
            let v = json!({
                "articles": ws.articles.len(),
                "passages": passages,
                "events": ws.events.len(),
                "actors": ws.actors.len(),
                "orphans": ws.orphans.len(),
                "first_event_date": first.map(|d| d.to_string()),
                "last_event_date": last.map(|d| d.to_string()),
            });
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                for k in [
                    "articles",
                    "passages",
                    "events",
                    "actors",
                    "orphans",
                    "first_event_date",
                    "last_event_date",
                ] {
                    let val = match &v[k] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Null => "-".into(),
                        other => other.to_string(),
                    };
                    writeln!(out, "{k}\t{val}")?;
                }
            }
            Ok(0)
        }
    }
}
