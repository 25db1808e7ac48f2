//! Bringing articles in: `import` files and folders, and `reimport` a new
//! version of an article's text, keeping its passages.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{
    EXIT_CODES, Failure, Res, in_file, load_with_article, lock, shown, shown_path,
};
use crate::core::store;
use crate::exchange::qdpx::open::{import_project, is_project};
use crate::read::add::{self, Outcome};
use crate::read::docx::read_docx;
use crate::read::fetch::is_url;
use crate::read::prepare;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import text files, web pages, PDF, DOCX, RSS/Atom feeds and folders as articles, pages
    /// from their web addresses (http:// or https://), or a REFI-QDA project (.qdpx, .qde).
    ///
    /// Prints one line per file: `added ID TITLE`, `duplicate PATH`, or `refused PATH: REASON`;
    /// a feed prints `feed PATH: N items` and then a line per item. A page fetched from its
    /// address keeps that address (after redirects) as its URL and the fetch time as its
    /// access date.
    /// A REFI-QDA project adds its text sources as articles and its coded selections as
    /// passages of events, and prints what it imported, how it read positions and what it
    /// skipped.
    /// The workspace is saved when anything was added, even if other files were refused.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 1)]
    Import {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Drop the lines proposed as boilerplate ("[ad_1]", "Source link", share prompts,
        /// "See also" links, copyright footers, navigation words).
        #[arg(long)]
        drop_boilerplate: bool,
    },
    /// Replace an article's text with a newer version of it, keeping its passages.
    ///
    /// Each passage is found again (where the diff carries it, else its quote nearest its old
    /// place, else a close match); those not found are listed as orphans, never dropped.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 6)]
    Reimport {
        /// The workspace file (.detente).
        workspace: PathBuf,
        /// Article id, title, or a unique part of the title.
        #[arg(long)]
        article: String,
        /// The new version (text or web page).
        file: PathBuf,
    },
}

pub fn run(cmd: ImportCommand, out: &mut dyn Write) -> Res {
    match cmd {
        ImportCommand::Import {
            workspace,
            paths,
            drop_boilerplate,
        } => {
            let (urls, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
                .into_iter()
                .partition(|p| p.to_str().is_some_and(is_url));
            for p in &paths {
                if !p.exists() {
                    return Err(Failure(format!("{}: no such file or folder", p.display())));
                }
            }
            if !workspace.exists() {
                store::load(&workspace)?;
            }
            let (projects, paths): (Vec<PathBuf>, Vec<PathBuf>) =
                paths.into_iter().partition(|p| is_project(p));
            // Pages and files are read (and fetched) before the lock is
            // taken: a slow server or a large folder never holds up another
            // writer of the workspace. Each is read in isolation: one that
            // fails is refused and the others go on.
            let urls: Vec<String> = urls
                .iter()
                .filter_map(|u| u.to_str().map(str::to_string))
                .collect();
            let fetched = add::read_urls(&urls, drop_boilerplate);
            let read = add::read_paths(&paths, drop_boilerplate);
            // Held from the load to the save: another writer waits, and no
            // edit is lost.
            let lock = lock(&workspace)?;
            let mut ws = store::load(&workspace)?;
            let mut refused = false;
            let mut added = false;
            for p in &projects {
                let docx = |b: &[u8]| read_docx(b).map(|d| d.text);
                match import_project(&ws, p, &docx) {
                    Ok((after, summary)) => {
                        if summary.changed() {
                            ws = after;
                            added = true;
                        }
                        for line in summary.lines() {
                            writeln!(out, "{}: {}", shown_path(p), shown(&line))?;
                        }
                    }
                    Err(e) => {
                        refused = true;
                        writeln!(out, "refused {}: {}", shown_path(p), shown(&e))?;
                    }
                }
            }
            let mut outcomes = add::add_batch(&mut ws, fetched);
            outcomes.extend(add::add_batch(&mut ws, read));
            for o in &outcomes {
                match o {
                    Outcome::Added { id, title } => {
                        added = true;
                        writeln!(out, "added {id} {}", shown(title))?
                    }
                    Outcome::Duplicate { path, item, .. } if item.is_empty() => {
                        writeln!(out, "duplicate {}", shown_path(path))?
                    }
                    Outcome::Duplicate { path, item, .. } => {
                        writeln!(out, "duplicate {} ({})", shown_path(path), shown(item))?
                    }
                    Outcome::Feed {
                        path,
                        items,
                        kind: "feed",
                    } => writeln!(
                        out,
                        "feed {}: {items} item{}, each imported as an article",
                        shown_path(path),
                        if *items == 1 { "" } else { "s" }
                    )?,
                    Outcome::Feed { path, items, kind } => writeln!(
                        out,
                        "{kind} {}: {items} stor{}, each imported as an article",
                        shown_path(path),
                        if *items == 1 { "y" } else { "ies" }
                    )?,
                    Outcome::Outside { path, target } => writeln!(
                        out,
                        "outside {}: a link to {}, outside the imported folder (imported)",
                        shown_path(path),
                        shown_path(target)
                    )?,
                    Outcome::Refused { path, reason } => {
                        refused = true;
                        writeln!(
                            out,
                            "refused {}: {}",
                            shown_path(path),
                            shown(&reason.to_string())
                        )?
                    }
                }
            }
            if added {
                store::save_locked(&mut ws, &workspace, &lock)?;
            }
            Ok(i32::from(refused))
        }
        ImportCommand::Reimport {
            workspace,
            article,
            file,
        } => {
            // Held to the save: another writer waits, and no edit is lost.
            let lock = lock(&workspace)?;
            let (mut ws, id) = load_with_article(&workspace, &article)?;
            let new = prepare::prepare_file(&file, None).map_err(|e| in_file(&file, e))?;
            if ws
                .article(&id)
                .is_some_and(|a| a.text_hash == new.article.text_hash)
            {
                writeln!(out, "unchanged {id}")?;
                return Ok(0);
            }
            let (edit, report) = crate::core::anchor::replace_text_edit(&ws, &id, &new.article)
                .expect("the article was found above");
            let orphan_start = ws.orphans.len();
            edit.apply(&mut ws);
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(
                out,
                "replaced {id}: {} kept, {} moved, {} changed slightly, {} orphaned",
                report.exact, report.moved, report.fuzzy, report.orphans
            )?;
            for o in &ws.orphans[orphan_start..] {
                writeln!(
                    out,
                    "orphan {} {}: \"{}\"",
                    o.event,
                    o.passage.id,
                    shown(&crate::text::normalise::short(&o.passage.anchor.exact))
                )?;
            }
            Ok(0)
        }
    }
}
