//! Annotating from scripts: an article's metadata (`article`), actors
//! (`actor`), and tagging passages as events or evidence (`tag`).
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Failure, Res, in_file, load_with_article, lock};
use crate::core::model::{Role, Status};
use crate::core::{ops, store};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum AnnotateCommand {
    /// Set an article's metadata (publication date, outlet, URL, title).
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 3)]
    Article {
        /// The workspace file (.detente).
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
    #[command(display_order = 4)]
    Actor {
        /// The workspace file (.detente).
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
    #[command(display_order = 5)]
    Tag {
        /// The workspace file (.detente).
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
}

pub fn run(cmd: AnnotateCommand, out: &mut dyn Write) -> Res {
    match cmd {
        AnnotateCommand::Article {
            workspace,
            article,
            published,
            outlet,
            url,
            title,
            byline,
        } => {
            // Held to the save: another writer waits, and no edit is lost.
            let lock = lock(&workspace)?;
            let (mut ws, id) = load_with_article(&workspace, &article)?;
            let date = published
                .as_deref()
                .map(crate::dates::typed::parse_typed)
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
            // Nothing is saved that the next load would refuse.
            if let Some(first) = crate::core::limits::article_over_limits(a).first() {
                return Err(in_file(
                    &workspace,
                    format!("article {id}: {first}; not saved"),
                ));
            }
            ws.touch();
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        AnnotateCommand::Actor {
            workspace,
            name,
            country,
            sector,
            office,
            aliases,
        } => {
            let country = country.map(|c| c.trim().to_ascii_uppercase());
            if let Some(c) = &country
                && !crate::core::vocab::is_actor_country(c)
            {
                return Err(Failure(format!(
                    "\"{c}\" is not an ISO 3166 alpha-3 country code (USA, CHN, RUS) or an IGO code (UNO, NATO, EUR)"
                )));
            }
            // Held to the save: another writer waits, and no edit is lost.
            let lock = lock(&workspace)?;
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
            a.changed_by = crate::core::model::author();
            a.changed = crate::core::model::now();
            ws.touch();
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
        AnnotateCommand::Tag {
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
            // Held to the save: another writer waits, and no edit is lost.
            let lock = lock(&workspace)?;
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
                    .map(crate::dates::typed::parse_typed)
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
            store::save_locked(&mut ws, &workspace, &lock)?;
            writeln!(out, "{id}")?;
            Ok(0)
        }
    }
}
