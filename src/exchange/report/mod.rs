//! A chronology an analyst can hand in (issue 19, item 3): its title and
//! scope, then the events in date order (date in words, headline, type,
//! actors with roles, place, status; "sources disagree" with both
//! readings), and each passage's quote as a footnote with its citation,
//! then the sources; before the events, the memos chosen for the report as
//! sections ([`memos`]). [`chronology`] builds it from a workspace and the
//! reader's choices; [`markdown`], [`html`], [`docx`] and [`odt`] write it,
//! and [`write`] is the one entry the CLI and the Export dialog share.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

pub mod cite;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod memos;
pub mod odt;

use crate::core::model::{Role, Status, Workspace};
use crate::exchange::index::Index;
use crate::exchange::range::{DayRange, ordered, restrict};
pub use cite::Style;

/// What goes in: a range of days, event types (CAMEO codes or their
/// start: "04" is every consultation) and actors (names or ids); empty
/// lists take all.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub range: DayRange,
    pub types: Vec<String>,
    pub actors: Vec<String>,
}

/// One footnote: the quote and the citation of its article.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub quote: String,
    pub citation: String,
}

/// One event of the chronology, as it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub date: String,
    pub headline: String,
    pub kind: String,
    pub actors: Vec<String>,
    pub place: String,
    /// "planned", "cancelled"... (empty: it took place).
    pub status: String,
    pub disagreement: Option<String>,
    pub notes: Vec<Note>,
}

/// The chronology, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Chronology {
    pub title: String,
    /// "12 events from 10 May 2023 to 19 June 2023; ...".
    pub scope: String,
    pub style: Style,
    pub entries: Vec<Entry>,
    /// The memos chosen for the report, printed before the events.
    pub memos: Vec<memos::Section>,
    /// The sources, in the bibliography's form and order.
    pub sources: Vec<String>,
}

/// The longest quote a footnote carries before it is cut at a word.
const QUOTE_CHARS: usize = 300;

pub(crate) fn shorten(q: &str) -> String {
    let q = crate::text::normalise::one_line(q);
    if q.chars().count() <= QUOTE_CHARS {
        return q;
    }
    let cut: String = q.chars().take(QUOTE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// `ws` with only the events `filters` select (the articles and the rest
/// stay): what the chronology and its figure show.
pub fn selection(ws: &Workspace, filters: &Filters) -> Workspace {
    let mut out = restrict(ws, filters.range);
    let index = Index::new(ws);
    let wanted_actor = |name_or_id: &str, e: &crate::core::model::Event| {
        index.actors_of(e).iter().any(|(a, _)| {
            a.id == name_or_id
                || a.name.eq_ignore_ascii_case(name_or_id)
                || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name_or_id))
        })
    };
    out.events.retain(|e| {
        (filters.types.is_empty() || filters.types.iter().any(|t| e.kind.starts_with(t.as_str())))
            && (filters.actors.is_empty() || filters.actors.iter().any(|a| wanted_actor(a, e)))
    });
    out
}

/// The chronology of `ws` for `filters`, cited in `style`.
pub fn chronology(ws: &Workspace, filters: &Filters, style: Style) -> Chronology {
    let ws = selection(ws, filters);
    let index = Index::new(&ws);
    let events: Vec<_> = ordered(&ws);
    // The memos come first in the report, so their notes come first: a
    // source they cite is cited in full there and shortened after.
    let mut cited: Vec<&crate::core::model::Article> = vec![];
    let memo_sections = memos::sections(&ws, style, &mut cited);
    let entries: Vec<Entry> = events
        .iter()
        .map(|e| {
            let notes = e
                .evidence
                .iter()
                .filter_map(|p| {
                    let a = ws.article(&p.article)?;
                    Some(Note {
                        quote: shorten(&p.anchor.exact),
                        citation: cite::note_in_turn(a, style, &mut cited),
                    })
                })
                .collect();
            let status = match e.status {
                Status::Occurred => String::new(),
                s => s.as_str().to_string(),
            };
            Entry {
                date: e
                    .date
                    .as_ref()
                    .map(|d| d.human())
                    .unwrap_or_else(|| "Undated".into()),
                headline: e.headline.clone(),
                kind: match index.kind_label(&e.kind) {
                    l if l.is_empty() => e.kind.clone(),
                    l => format!("{} {l}", e.kind),
                },
                actors: index
                    .actors_of(e)
                    .iter()
                    .map(|(a, role)| match role {
                        Role::Participant => a.name.clone(),
                        Role::Source => format!("{} (initiator)", a.name),
                        Role::Target => format!("{} (counterpart)", a.name),
                    })
                    .collect(),
                place: e.place.clone(),
                status,
                disagreement: e.disagreement(),
                notes,
            }
        })
        .collect();
    let mut sources: Vec<String> = cited.iter().map(|a| cite::bibliography(a, style)).collect();
    // Alphabetical by their first word, whatever marks it (the italics of
    // an outlet that stands first, an opening quote).
    sources.sort_by_key(|s| {
        s.trim_start_matches(['*', '\u{201c}', '"', '\''])
            .to_lowercase()
    });
    let days: Vec<_> = events
        .iter()
        .filter_map(|e| e.date.as_ref())
        .flat_map(|d| [d.earliest(), d.latest()])
        .flatten()
        .collect();
    let n = entries.len();
    let events = format!("{n} event{}", if n == 1 { "" } else { "s" });
    let human = |d: chrono::NaiveDate| crate::dates::edtf::DateValue::day(d).human();
    // The days asked for, else those the events span.
    let mut scope = match (filters.range.from, filters.range.to) {
        (Some(a), Some(b)) => format!(
            "{events} that may fall between {} and {}",
            human(a),
            human(b)
        ),
        (Some(a), None) => format!("{events} from {} on", human(a)),
        (None, Some(b)) => format!("{events} up to {}", human(b)),
        (None, None) => match (days.iter().min(), days.iter().max()) {
            (Some(a), Some(b)) => format!("{events} from {} to {}", human(*a), human(*b)),
            _ => events,
        },
    };
    if !filters.types.is_empty() {
        scope.push_str(&format!("; event types {}", filters.types.join(", ")));
    }
    if !filters.actors.is_empty() {
        scope.push_str(&format!("; involving {}", filters.actors.join(", ")));
    }
    scope.push_str(&format!(
        "; {} source{}",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" }
    ));
    Chronology {
        title: format!("Chronology: {}", ws.title),
        scope,
        style,
        entries,
        memos: memo_sections,
        sources,
    }
}

/// The document a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Html,
    Docx,
    Odt,
}

/// The report of `ws` for `filters` in `style`, as the bytes of a `kind`
/// file. HTML, DOCX and ODT carry the timeline figure of the events shown.
pub fn write(
    ws: &Workspace,
    filters: &Filters,
    style: Style,
    kind: Kind,
) -> Result<Vec<u8>, String> {
    use crate::exchange::figure::{FigureOptions, png, svg};
    let chron = chronology(ws, filters, style);
    let shown = || selection(ws, filters);
    Ok(match kind {
        Kind::Markdown => markdown::to_markdown(&chron).into_bytes(),
        Kind::Html => {
            let shown = shown();
            let figure =
                (!shown.events.is_empty()).then(|| svg::to_svg(&shown, &FigureOptions::default()));
            html::to_html(&chron, figure.as_deref()).into_bytes()
        }
        Kind::Docx | Kind::Odt => {
            let shown = shown();
            let figure = if shown.events.is_empty() {
                None
            } else {
                let bytes = png::to_png(&shown, &FigureOptions::default())?;
                let (w, h) = png::dimensions(&bytes).ok_or("the figure is not a PNG")?;
                Some((bytes, w, h))
            };
            if kind == Kind::Docx {
                docx::to_docx(&chron, figure)?
            } else {
                odt::to_odt(&chron, figure)?
            }
        }
    })
}
