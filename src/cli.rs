//! The command-line face: the same core as the window, for scripts.

use crate::export;
use crate::import::{self, Outcome};
use crate::model::{Role, Status, Workspace};
use crate::ops;
use crate::store;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

const EXIT_CODES: &str = "Exit codes:
  0  success
  1  the command ran but failed or found problems (a refused file, an invalid workspace,
     an unreadable file); the message on stderr names the file
  2  usage error (unknown option, missing argument)";

#[derive(Parser, Debug)]
#[command(
    name = "detente",
    version,
    about = "Detente: tag diplomatic events in news articles and see the timeline of contact.",
    long_about = "Detente: tag diplomatic events in news articles and see the timeline of contact.\n\n\
        With no subcommand, opens the window on WORKSPACE, or on the last workspace, or on the bundled sample.",
    after_help = EXIT_CODES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Workspace file to open in the window.
    pub workspace: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new, empty workspace file (never overwrites).
    #[command(after_help = EXIT_CODES)]
    New {
        workspace: PathBuf,
        #[arg(long)]
        title: Option<String>,
    },
    /// Import text files and folders as articles.
    ///
    /// Prints one line per file: `added ID TITLE`, `duplicate PATH`, or `refused PATH: REASON`.
    /// The workspace is saved when anything was added, even if other files were refused.
    #[command(after_help = EXIT_CODES)]
    Import {
        workspace: PathBuf,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Drop the lines proposed as boilerplate ("[ad_1]", "Source link", share prompts,
        /// "See also" links, copyright footers, navigation words).
        #[arg(long)]
        drop_boilerplate: bool,
    },
    /// List the articles.
    #[command(after_help = EXIT_CODES)]
    List {
        workspace: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Set an article's metadata (publication date, outlet, URL, title).
    #[command(after_help = EXIT_CODES)]
    Article {
        workspace: PathBuf,
        /// Article id, title, or a unique part of the title.
        article: String,
        /// Publication date, EDTF (2023-05-13).
        #[arg(long)]
        published: Option<String>,
        #[arg(long)]
        outlet: Option<String>,
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        byline: Option<String>,
    },
    /// Add or update an actor (found by name or alias).
    #[command(after_help = EXIT_CODES)]
    Actor {
        workspace: PathBuf,
        name: String,
        /// ISO 3166 alpha-3 country or IGO code (USA, CHN, NATO).
        #[arg(long)]
        country: Option<String>,
        /// CAMEO sector (GOV, MIL, SPY, LEG, BUS, MED, ...).
        #[arg(long)]
        sector: Option<String>,
        #[arg(long)]
        office: Option<String>,
        #[arg(long = "alias")]
        aliases: Vec<String>,
    },
    /// Tag a passage as a new event, or as evidence for an existing one. Prints the event id.
    #[command(after_help = EXIT_CODES)]
    Tag {
        workspace: PathBuf,
        /// Article id, title, or a unique part of the title.
        #[arg(long)]
        article: String,
        /// The exact text of the passage.
        #[arg(long)]
        quote: String,
        /// Which occurrence, when the quote occurs more than once (1-based).
        #[arg(long)]
        nth: Option<usize>,
        /// Attach the passage to this existing event.
        #[arg(long, conflicts_with_all = ["headline", "kind", "date", "actors", "sources", "targets", "place", "status", "tags", "notes"])]
        event: Option<String>,
        #[arg(long, required_unless_present = "event")]
        headline: Option<String>,
        /// Event type code from the vocabulary (CAMEO, e.g. 042).
        #[arg(long, default_value = "040")]
        kind: String,
        /// EDTF date: 2023-05-10, 2023-05, 2023-05-10/2023-05-11, 2023-02~ ...
        #[arg(long)]
        date: Option<String>,
        /// An actor taking part (created if unknown). Repeatable.
        #[arg(long = "actor")]
        actors: Vec<String>,
        /// The actor who acted (CAMEO source). Repeatable.
        #[arg(long = "source")]
        sources: Vec<String>,
        /// The counterpart acted upon (CAMEO target). Repeatable.
        #[arg(long = "target")]
        targets: Vec<String>,
        #[arg(long)]
        place: Option<String>,
        /// occurred, planned, postponed, cancelled, refused
        #[arg(long)]
        status: Option<String>,
        #[arg(long = "tag")]
        tags: Vec<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Replace an article's text with a newer version of it, keeping its passages.
    ///
    /// Each passage is found again (where the diff carries it, else its quote nearest its old
    /// place, else a close match); those not found are listed as orphans, never dropped.
    #[command(after_help = EXIT_CODES)]
    Reimport {
        workspace: PathBuf,
        /// Article id, title, or a unique part of the title.
        #[arg(long)]
        article: String,
        /// The new version (text or web page).
        file: PathBuf,
    },
    /// Export events as CSV or JSON.
    #[command(after_help = EXIT_CODES)]
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
    },
    /// Find and resolve the date expressions in a sentence or an article.
    ///
    /// Either `--published YYYY-MM-DD --text "SENTENCE"`, or `WS --article ID` (the article's
    /// publication date is the anchor). Prints span, EDTF, earliest, latest and rule.
    #[command(after_help = EXIT_CODES)]
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
    /// Check a workspace; lists every problem.
    #[command(after_help = EXIT_CODES)]
    Validate { workspace: PathBuf },
    /// Counts and date range.
    #[command(after_help = EXIT_CODES)]
    Stats {
        workspace: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write a generated workspace for benchmarks and stress tests
    /// (refuses to overwrite). The same seed gives the same file.
    #[command(hide = true)]
    Generate {
        workspace: PathBuf,
        #[arg(long, default_value_t = 5000)]
        articles: usize,
        #[arg(long, default_value_t = 20000)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write generated news articles (HTML pages or plain text) into a folder.
    #[command(hide = true)]
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

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Html,
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// An error for stderr, and the exit code it means.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

type Res = Result<i32, Failure>;

fn in_file(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure(format!("{}: {e}", path.display()))
}

/// Load a workspace and find an article in it by id or title.
fn load_with_article(workspace: &Path, query: &str) -> Result<(Workspace, String), Failure> {
    let ws = store::load(workspace)?;
    let id = ops::find_article(&ws, query)
        .map_err(|e| in_file(workspace, e))?
        .id
        .clone();
    Ok((ws, id))
}

/// Run a subcommand; returns the exit code.
pub fn run(cmd: Command) -> i32 {
    let mut out = std::io::stdout().lock();
    match run_to(cmd, &mut out) {
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
        Command::New { workspace, title } => {
            let title = title.unwrap_or_else(|| {
                workspace
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let ws = Workspace::new(&title);
            store::create(&ws, &workspace)?;
            writeln!(out, "created {} {}", ws.id, workspace.display())?;
            Ok(0)
        }
        Command::Import {
            workspace,
            paths,
            drop_boilerplate,
        } => {
            let mut ws = store::load(&workspace)?;
            for p in &paths {
                if !p.exists() {
                    return Err(Failure(format!("{}: no such file or folder", p.display())));
                }
            }
            let outcomes = import::import_paths(&mut ws, &paths, drop_boilerplate);
            let mut refused = false;
            let mut added = false;
            for o in &outcomes {
                match o {
                    Outcome::Added { id, title } => {
                        added = true;
                        writeln!(out, "added {id} {title}")?
                    }
                    Outcome::Duplicate { path, .. } => {
                        writeln!(out, "duplicate {}", path.display())?
                    }
                    Outcome::Refused { path, reason } => {
                        refused = true;
                        writeln!(out, "refused {}: {reason}", path.display())?
                    }
                }
            }
            if added {
                store::save(&ws, &workspace)?;
            }
            Ok(i32::from(refused))
        }
        Command::List { workspace, json } => {
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
                    let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
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
        Command::Article {
            workspace,
            article,
            published,
            outlet,
            url,
            title,
            byline,
        } => {
            let (mut ws, id) = load_with_article(&workspace, &article)?;
            let date = published
                .as_deref()
                .map(crate::datefind::parse_typed)
                .transpose()?;
            let a = ws.article_mut(&id).expect("found above");
            if let Some(d) = date {
                a.published = Some(d);
                a.published_source = "set by user".into();
            }
            for (field, v) in [
                (&mut a.outlet, outlet),
                (&mut a.url, url),
                (&mut a.byline, byline),
            ] {
                if let Some(v) = v {
                    *field = v;
                }
            }
            if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
                a.title = t;
            }
            ws.touch();
            store::save(&ws, &workspace)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        Command::Actor {
            workspace,
            name,
            country,
            sector,
            office,
            aliases,
        } => {
            let country = country.map(|c| c.trim().to_ascii_uppercase());
            if let Some(c) = &country
                && !crate::vocab::is_actor_country(c)
            {
                return Err(Failure(format!(
                    "\"{c}\" is not an ISO 3166 alpha-3 country code (USA, CHN, RUS) or an IGO code (UNO, NATO, EUR)"
                )));
            }
            let mut ws = store::load(&workspace)?;
            let (id, _) = ops::actor_for_name(&mut ws, &name);
            let a = ws
                .actors
                .iter_mut()
                .find(|a| a.id == id)
                .expect("just found or made");
            if let Some(c) = country {
                a.country = c;
            }
            if let Some(s) = sector {
                a.sector = s.trim().to_ascii_uppercase();
            }
            if let Some(o) = office {
                a.office = o;
            }
            for al in aliases {
                if !a.answers_to(&al) {
                    a.aliases.push(al);
                }
            }
            ws.touch();
            store::save(&ws, &workspace)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        Command::Tag {
            workspace,
            article,
            quote,
            nth,
            event,
            headline,
            kind,
            date,
            actors,
            sources,
            targets,
            place,
            status,
            tags,
            notes,
        } => {
            let mut ws = store::load(&workspace)?;
            let art = ops::find_article(&ws, &article)
                .map_err(|e| in_file(&workspace, e))?
                .id
                .clone();
            let anchor =
                ops::locate_quote(&ws, &art, &quote, nth).map_err(|e| in_file(&workspace, e))?;
            let id = if let Some(ev) = event {
                ops::add_evidence(&mut ws, &ev, &art, anchor)
                    .map_err(|e| in_file(&workspace, e))?;
                ev
            } else {
                let date = date
                    .as_deref()
                    .map(crate::datefind::parse_typed)
                    .transpose()?;
                let status = match status {
                    Some(s) => Status::parse(&s).ok_or_else(|| {
                        Failure(format!("unknown status \"{s}\"; use occurred, planned, postponed, cancelled or refused"))
                    })?,
                    None => Status::Occurred,
                };
                let mut refs = vec![];
                for (names, role) in [
                    (sources, Role::Source),
                    (targets, Role::Target),
                    (actors, Role::Participant),
                ] {
                    for n in names {
                        let (aid, created) = ops::actor_for_name(&mut ws, &n);
                        if created {
                            eprintln!(
                                "detente: new actor \"{n}\" ({aid}); set its country with `detente actor`"
                            );
                        }
                        refs.push((aid, role));
                    }
                }
                let spec = ops::NewEvent {
                    headline: headline.unwrap_or_default(),
                    kind,
                    date,
                    actors: refs,
                    place: place.unwrap_or_default(),
                    status,
                    tags,
                    notes: notes.unwrap_or_default(),
                };
                ops::tag_new_event(&mut ws, &art, anchor, spec)
                    .map_err(|e| in_file(&workspace, e))?
            };
            store::save(&ws, &workspace)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        Command::Reimport {
            workspace,
            article,
            file,
        } => {
            let (mut ws, id) = load_with_article(&workspace, &article)?;
            let new = import::prepare_file(&file, None).map_err(|e| in_file(&file, e))?;
            if ws
                .article(&id)
                .is_some_and(|a| a.text_hash == new.article.text_hash)
            {
                writeln!(out, "unchanged {id}")?;
                return Ok(0);
            }
            let (edit, report) = crate::anchor::replace_text_edit(&ws, &id, &new.article)
                .expect("the article was found above");
            let orphan_start = ws.orphans.len();
            edit.apply(&mut ws);
            store::save(&ws, &workspace)?;
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
                    crate::model::short(&o.passage.anchor.exact)
                )?;
            }
            Ok(0)
        }
        Command::Export {
            workspace,
            format,
            per_passage,
            output,
        } => {
            let ws = store::load(&workspace)?;
            let text = match format {
                ExportFormat::Csv => export::to_csv(&ws, per_passage),
                ExportFormat::Json => export::to_json(&ws, per_passage),
            };
            match output {
                Some(path) => store::save_bytes(text.as_bytes(), &path)?,
                None => out.write_all(text.as_bytes())?,
            }
            Ok(0)
        }
        Command::Dates {
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
            let found = crate::datefind::find_dates(&text, anchor);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?;
            } else {
                writeln!(out, "start\tend\tedtf\tearliest\tlatest\ttext\trule")?;
                for f in &found {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        f.start,
                        f.end,
                        f.edtf.as_deref().unwrap_or("-"),
                        f.earliest.as_deref().unwrap_or("-"),
                        f.latest.as_deref().unwrap_or("-"),
                        f.text,
                        f.rule
                    )?;
                }
            }
            Ok(0)
        }
        Command::Validate { workspace } => {
            let file = workspace.display().to_string();
            let bytes = std::fs::read(&workspace).map_err(|e| in_file(&workspace, e))?;
            // Parse without the loader's validation step so every problem is
            // listed; the file's bytes are freed before the checks run.
            let parsed = store::parse_unchecked(&bytes, &file);
            drop(bytes);
            match parsed {
                Err(e) => {
                    writeln!(out, "{e}")?;
                    Ok(1)
                }
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
                        Ok(0)
                    } else {
                        writeln!(out, "{file}: {} problem(s)", problems.len())?;
                        Ok(1)
                    }
                }
            }
        }
        Command::Generate {
            workspace,
            articles,
            events,
            seed,
        } => {
            let ws = crate::generate::workspace(crate::generate::Spec {
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
        Command::GenerateFiles {
            dir,
            count,
            bytes,
            kind,
            seed,
        } => {
            let files =
                crate::generate::write_corpus(&dir, count, bytes, kind == FileKind::Html, seed)
                    .map_err(|e| in_file(&dir, e))?;
            writeln!(out, "wrote {} files in {}", files.len(), dir.display())?;
            Ok(0)
        }
        Command::Stats { workspace, json } => {
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
