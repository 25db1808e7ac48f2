//! The notebook from scripts: memos (`memo`) and own event types in the
//! codebook (`code`), so a workspace built by a script (the sample, a
//! team's starting codebook) can carry them as the window would.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Failure, Res, in_file, lock};
use crate::core::{codebook, memo, store};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum NotebookCommand {
    /// Write a memo (or rewrite the one with this title). Links are
    /// Markdown links to `detente:ID` (an article, event, passage or
    /// memo id), as the window's `[[` picker writes them. Prints the memo id.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 6)]
    Memo {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long)]
        title: String,
        /// The memo's Markdown text.
        #[arg(long)]
        text: String,
        /// Put the memo in the chronology report, before the events.
        #[arg(long)]
        report: bool,
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// Add an own event type to the codebook; prints its code (made from
    /// the name, as the window makes it), which `tag --kind` takes.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 7)]
    Code {
        /// The workspace file (.detente).
        workspace: PathBuf,
        /// The type's name ("Track II dialogue").
        name: String,
        /// The code it sits under: a CAMEO root ("04") or another own type.
        #[arg(long, default_value = "")]
        parent: String,
        /// Its colour, "#rrggbb".
        #[arg(long, default_value = "#8c6bb1")]
        colour: String,
        /// What it covers, in your words.
        #[arg(long, default_value = "")]
        description: String,
    },
}

pub fn run(cmd: NotebookCommand, out: &mut dyn Write) -> Res {
    match cmd {
        NotebookCommand::Memo {
            workspace,
            title,
            text,
            report,
            tags,
        } => {
            let title = crate::text::normalise::one_line(&title);
            if title.is_empty() {
                return Err(Failure("a memo needs a title".into()));
            }
            let lock = lock(&workspace)?;
            let mut ws = store::load(&workspace)?;
            // A link to nothing would be a dead end in the window.
            if let Some(l) = memo::links(&text)
                .into_iter()
                .find(|l| matches!(memo::resolve(&ws, &l.target), memo::Target::Missing))
            {
                return Err(in_file(
                    &workspace,
                    format!(
                        "the memo links {}, which is not in this workspace",
                        l.target
                    ),
                ));
            }
            let at = ws.memos.iter().position(|m| m.title == title);
            let m = match at {
                Some(i) => &mut ws.memos[i],
                None => {
                    ws.memos.push(memo::new_memo(&title));
                    ws.memos.last_mut().expect("just pushed")
                }
            };
            m.text = text;
            m.in_report = report;
            m.tags = tags.clone();
            if at.is_some() {
                m.modified = crate::core::model::now();
                m.changed_by = crate::core::model::author();
            }
            let id = m.id.clone();
            ws.register_tags(&tags);
            ws.touch();
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        NotebookCommand::Code {
            workspace,
            name,
            parent,
            colour,
            description,
        } => {
            let lock = lock(&workspace)?;
            let mut ws = store::load(&workspace)?;
            let code = codebook::suggest_code(&ws, &name);
            let t = crate::core::vocab::EventType {
                code: code.clone(),
                label: name,
                colour,
                parent,
                description,
                ..Default::default()
            };
            codebook::add_type_edit(&ws, t)
                .map_err(|e| in_file(&workspace, e))?
                .apply(&mut ws);
            ws.touch();
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(out, "{code}")?;
            Ok(0)
        }
    }
}
