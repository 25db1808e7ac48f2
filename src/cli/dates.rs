//! `dates`: the date expressions found in a sentence or an article, each
//! resolved with its rule, as a table or JSON.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Failure, Res, in_file};
use crate::core::{ops, store};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum DatesCommand {
    /// Find and resolve the date expressions in a sentence or an article.
    ///
    /// Either `--published YYYY-MM-DD --text "SENTENCE"`, or `WS --article ID` (the article's
    /// publication date is the anchor). Prints span, EDTF (or `unresolved` when nothing in
    /// the text anchors it: never a guess), earliest, latest, the expression, its class
    /// (month day, quarter, decade, holiday, season...) and the rule that resolved it.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 8)]
    Dates {
        /// Workspace file (with --article).
        workspace: Option<PathBuf>,
        /// Article id, title, or a unique part of the title.
        #[arg(long, requires = "workspace", conflicts_with = "text")]
        article: Option<String>,
        /// The text to search.
        #[arg(long, required_unless_present = "article")]
        text: Option<String>,
        /// The publication date the expressions are relative to.
        #[arg(long)]
        published: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: DatesCommand, out: &mut dyn Write) -> Res {
    match cmd {
        DatesCommand::Dates {
            workspace,
            article,
            text,
            published,
            json,
        } => {
            let anchor = match &published {
                Some(p) => Some(chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").map_err(
                    |_| Failure(format!("--published \"{p}\" is not a YYYY-MM-DD date")),
                )?),
                None => None,
            };
            let (text, anchor) = match (workspace, article, text) {
                (Some(ws_path), Some(a), _) => {
                    let ws = store::load(&ws_path)?;
                    let art = ops::find_article(&ws, &a).map_err(|e| in_file(&ws_path, e))?;
                    let from_article = art.published.as_ref().and_then(|d| d.earliest());
                    (art.text.clone(), anchor.or(from_article))
                }
                (_, _, Some(t)) => (t, anchor),
                _ => return Err(Failure("give --text, or a workspace and --article".into())),
            };
            let found = crate::dates::find::find_dates(&text, anchor);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?;
            } else {
                writeln!(out, "start\tend\tedtf\tearliest\tlatest\ttext\tclass\trule")?;
                for f in &found {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        f.start,
                        f.end,
                        // Found but not anchored: said, never guessed.
                        f.edtf.as_deref().unwrap_or("unresolved"),
                        f.earliest.as_deref().unwrap_or("-"),
                        f.latest.as_deref().unwrap_or("-"),
                        f.text,
                        f.class,
                        f.rule
                    )?;
                }
            }
            Ok(0)
        }
    }
}
