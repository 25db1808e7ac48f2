//! Event-data rows for the tools political scientists already use: a
//! GDELT-style and an ICEWS-style table (tab-separated, one row per event
//! and directed dyad) and PLOVER records (JSON Lines, one per event), so
//! hand-coded events sit beside machine-coded data sets in R or pandas.
//!
//! The caller chooses the events (a date range, a selection) and passes
//! them in the order to write them, usually `core::order::events_in_order`.
//!
//! **Dyads.** An actor's role says which side it is on: sources act on
//! targets, one row per source and target. Participants fill the side
//! that has no actor (or join the sources when both sides have one); an
//! event with only participants ("Biden and Xi met") is reciprocal, and so
//! is an event of a mutual CAMEO type ([`MUTUAL_CODES`]): both directions
//! get a row, as CAMEO codes "A and B met" twice. An event with one actor
//! gives one row with the other side empty; one with none, one row with
//! both empty. `IsRootEvent` is 1 on each event's first row and 0 on the
//! rows its other dyads add, so `IsRootEvent == 1` counts events once.
//!
//! **Columns.** Dates: `Day`/`Event Date` is the earliest day (empty when
//! undated); `EDTF`, `Earliest` and `Latest` say how precise it really is.
//! Event codes are strings with their leading zeros ("042"); `QuadClass`
//! comes from the CAMEO root (01-05 verbal cooperation, 06-08 material
//! cooperation, 09-13 verbal conflict, 14-20 material conflict).
//! `NumMentions` counts passages, `NumSources` outlets, `NumArticles`
//! articles (GDELT's meanings); `SOURCEURL` lists each article's web link,
//! or `urn:detente:article:ID` (as in the W3C export) when it has none,
//! separated by spaces. ICEWS's `Story ID`, `Sentence Number` and
//! `Publisher` name the event's first passage; the place is one free-text
//! `Place` column (Detente does not split it into city and country).
//! Country codes are ISO alpha-3 (or IGO codes) and sectors CAMEO codes,
//! where ICEWS writes names. `Status` says whether the event occurred:
//! planned, postponed, cancelled and refused events are rows too.
//! Tabs, line breaks and other control characters in values become spaces.
//!
//! **PLOVER** (field names of the PLOVER manual, draft 0.7b1, "JSON Data
//! Fields"): `id`, `date` and `enddate` (earliest and latest day, null
//! when unknown), `source` and `recipient` (lists of actor objects: `code`
//! the country, `sector`, `actor_text` the name, `identifier_id` the
//! Detente actor id, `office`), `event` (the PLOVER category), `mode`,
//! `context` (the event's tags), `quad_code` (PLOVER's quad of the
//! category), `event_scale` (Goldstein), `event_loc` (`{"name": place}`),
//! `text` (the passages' quotes joined by " | "), `cite_info` (one object
//! per article: `citation` its id, `title`, `publication`, `url`,
//! `language`, `date`), `comment` (notes), `coder` and `coded_date`.
//! Extensions: `date_edtf`, `cameo_code`, `cameo_label` (for a user's own
//! type, the CAMEO code above it and that code's name), `own_type` and
//! `own_type_label` (the own type; null for CAMEO's), `headline`,
//! `status`. As PLOVER asks, the actors of a reciprocal meeting are all
//! sources, with no recipient. Every record has every key.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::codebook::{cameo_label, cameo_of, standard};
use crate::core::model::{Actor, Article, Event, Role, Workspace};
use crate::core::vocab::{EventType, root_of};
use crate::dates::edtf::DateValue;
use crate::dates::tense::sentence_bounds;
use crate::exchange::index::Index;
use crate::exchange::w3c::{article_iri, web_iri};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use serde_json::{Value, json};

/// CAMEO codes of acts both sides do (consult, telephone, meet at a third
/// location, negotiate): coded in both directions whatever the roles.
pub const MUTUAL_CODES: &[&str] = &["040", "041", "044", "046"];

/// Who acts on whom: the sides and dyads of an event, looked up in the
/// export's [`Index`].
struct Sides<'i, 'a>(&'i Index<'a>);

impl<'a> Sides<'_, 'a> {
    /// Who acts and who is acted upon, by the rules of the module doc, and
    /// whether the event is reciprocal.
    fn sides(&self, e: &Event) -> (Vec<&'a Actor>, Vec<&'a Actor>, bool) {
        let (mut src, mut tgt, mut part) = (vec![], vec![], vec![]);
        for r in &e.actors {
            let Some(&a) = self.0.actors.get(r.actor.as_str()) else {
                continue;
            };
            let side = match r.role {
                Role::Source => &mut src,
                Role::Target => &mut tgt,
                Role::Participant => &mut part,
            };
            if !side.iter().any(|x: &&Actor| x.id == a.id) {
                side.push(a);
            }
        }
        if src.is_empty() && tgt.is_empty() {
            return (part, vec![], true);
        }
        if tgt.is_empty() {
            tgt = part;
        } else {
            src.extend(part);
        }
        (src, tgt, MUTUAL_CODES.contains(&e.kind.as_str()))
    }

    /// The directed dyads of an event (see the module doc).
    fn dyads(&self, e: &Event) -> Vec<(Option<&'a Actor>, Option<&'a Actor>)> {
        let (src, tgt, reciprocal) = self.sides(e);
        let tgt = if reciprocal && tgt.is_empty() {
            src.clone()
        } else {
            tgt
        };
        let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
        let mut out: Vec<(&Actor, &Actor)> = vec![];
        for (s, t) in src.iter().flat_map(|&s| tgt.iter().map(move |&t| (s, t))) {
            if s.id != t.id && seen.insert((&s.id, &t.id)) {
                out.push((s, t));
            }
        }
        if reciprocal {
            for (s, t) in out.clone() {
                if seen.insert((&t.id, &s.id)) {
                    out.push((t, s));
                }
            }
        }
        if !out.is_empty() {
            return out.into_iter().map(|(s, t)| (Some(s), Some(t))).collect();
        }
        if !src.is_empty() {
            return src.into_iter().map(|s| (Some(s), None)).collect();
        }
        if !tgt.is_empty() {
            return tgt.into_iter().map(|t| (None, Some(t))).collect();
        }
        vec![(None, None)]
    }
}

/// A value as one TSV field: control characters and line or paragraph
/// separators become spaces, so a row stays one line.
fn clean(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    one.trim().to_string()
}

/// GDELT's QuadClass from the CAMEO root code; None when not CAMEO.
pub fn quad_class(code: &str) -> Option<u8> {
    let root = root_of(code);
    if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// PLOVER's quad of a PLOVER category (manual 0.7b1, "PLOVER quad categories").
pub fn plover_quad(category: &str) -> Option<u8> {
    match category {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => Some(1),
        "COOPERATE" | "AID" | "RETREAT" | "INVESTIGATE" => Some(2),
        "DEMAND" | "ACCUSE" | "DISAPPROVE" | "REJECT" | "THREATEN" | "SANCTION" => Some(3),
        "PROTEST" | "CRIME" | "MOBILIZE" | "COERCE" | "ASSAULT" | "FIGHT" => Some(4),
        _ => None,
    }
}

/// The 1-based number of the sentence holding char `at` of `text`
/// (sentences as the date finder splits them; a stretch without a letter
/// or digit, such as a blank line or a closing quote mark, is none).
fn sentence_number(chars: &[char], at: usize) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < chars.len() {
        let (a, b) = sentence_bounds(chars, i, i);
        if chars[a..b].iter().any(|c| c.is_alphanumeric()) {
            n += 1;
        }
        if at <= b {
            break;
        }
        i = b + 1;
    }
    n.max(1)
}

/// One event and one of its dyads: what a column shows.
struct Row<'r, 'a> {
    e: &'a Event,
    /// The dyad's index, from 0.
    n: usize,
    src: Option<&'a Actor>,
    tgt: Option<&'a Actor>,
    kind: Option<&'a EventType>,
    /// The CAMEO code the event's type stands for: its own, or for a
    /// user's own type the nearest CAMEO code above it; empty for none.
    cameo: &'a str,
    /// That code's name (never an own type's).
    cameo_label: &'a str,
    arts: &'r [&'a Article],
    /// The articles' web links or URNs, and how many outlets they are.
    sources: &'r str,
    outlets: usize,
    /// The first passage's article and the number of its sentence.
    story: Option<(&'a Article, usize)>,
}

impl Row<'_, '_> {
    fn day(&self, side: fn(&DateValue) -> Option<NaiveDate>, format: &str) -> String {
        let d = self.e.date.as_ref().and_then(side);
        d.map(|d| d.format(format).to_string()).unwrap_or_default()
    }
    fn edtf(&self) -> String {
        self.e
            .date
            .as_ref()
            .map(|d| d.edtf().to_string())
            .unwrap_or_default()
    }
    fn goldstein(&self) -> String {
        let g = self.kind.and_then(|k| k.goldstein);
        g.map(|g| g.to_string()).unwrap_or_default()
    }
}

/// Distinct outlets (an article without one counts as its own).
fn outlets(arts: &[&Article]) -> usize {
    let mut o: Vec<&str> = (arts.iter())
        .map(|a| {
            if a.outlet.is_empty() {
                a.id.as_str()
            } else {
                a.outlet.as_str()
            }
        })
        .collect();
    o.sort_unstable();
    o.dedup();
    o.len()
}

fn actor(a: Option<&Actor>, field: fn(&Actor) -> String) -> String {
    a.map(field).unwrap_or_default()
}

/// A column: its header and what it shows of a row.
type Column = (&'static str, fn(&Row) -> String);

#[rustfmt::skip]
const GDELT: &[Column] = &[
    ("GlobalEventID", |r| format!("{}-{}", r.e.id, r.n + 1)),
    ("Day", |r| r.day(DateValue::earliest, "%Y%m%d")),
    ("EDTF", |r| r.edtf()),
    ("Earliest", |r| r.day(DateValue::earliest, "%Y-%m-%d")),
    ("Latest", |r| r.day(DateValue::latest, "%Y-%m-%d")),
    ("Actor1Code", |r| actor(r.src, Actor::code)),
    ("Actor1Name", |r| actor(r.src, |a| a.name.clone())),
    ("Actor1CountryCode", |r| actor(r.src, |a| a.country.clone())),
    ("Actor1Type1Code", |r| actor(r.src, |a| a.sector.clone())),
    ("Actor2Code", |r| actor(r.tgt, Actor::code)),
    ("Actor2Name", |r| actor(r.tgt, |a| a.name.clone())),
    ("Actor2CountryCode", |r| actor(r.tgt, |a| a.country.clone())),
    ("Actor2Type1Code", |r| actor(r.tgt, |a| a.sector.clone())),
    ("IsRootEvent", |r| u8::from(r.n == 0).to_string()),
    ("EventCode", |r| r.cameo.to_string()),
    ("EventBaseCode", |r| r.cameo.get(..3).unwrap_or(r.cameo).to_string()),
    ("EventRootCode", |r| root_of(r.cameo).to_string()),
    ("QuadClass", |r| quad_class(r.cameo).map(|q| q.to_string()).unwrap_or_default()),
    ("GoldsteinScale", |r| r.goldstein()),
    ("Status", |r| r.e.status.as_str().to_string()),
    ("ActionGeo_FullName", |r| r.e.place.clone()),
    ("NumMentions", |r| r.e.evidence.len().to_string()),
    ("NumSources", |r| r.outlets.to_string()),
    ("NumArticles", |r| r.arts.len().to_string()),
    ("SOURCEURL", |r| r.sources.to_string()),
    ("Type", |r| r.kind.map_or_else(|| r.e.kind.clone(), |k| format!("{} {}", k.code, k.label))),
    ("Headline", |r| r.e.headline.clone()),
];

#[rustfmt::skip]
const ICEWS: &[Column] = &[
    ("Event ID", |r| format!("{}-{}", r.e.id, r.n + 1)),
    ("Event Date", |r| r.day(DateValue::earliest, "%Y-%m-%d")),
    ("Source Name", |r| actor(r.src, |a| a.name.clone())),
    ("Source Sectors", |r| actor(r.src, |a| a.sector.clone())),
    ("Source Country", |r| actor(r.src, |a| a.country.clone())),
    ("Event Text", |r| r.cameo_label.to_string()),
    ("CAMEO Code", |r| r.cameo.to_string()),
    ("Intensity", |r| r.goldstein()),
    ("Target Name", |r| actor(r.tgt, |a| a.name.clone())),
    ("Target Sectors", |r| actor(r.tgt, |a| a.sector.clone())),
    ("Target Country", |r| actor(r.tgt, |a| a.country.clone())),
    ("Story ID", |r| r.story.map(|(a, _)| a.id.clone()).unwrap_or_default()),
    ("Sentence Number", |r| r.story.map(|(_, n)| n.to_string()).unwrap_or_default()),
    ("Publisher", |r| r.story.map(|(a, _)| a.outlet.clone()).unwrap_or_default()),
    ("Place", |r| r.e.place.clone()),
    ("EDTF", |r| r.edtf()),
    ("Earliest", |r| r.day(DateValue::earliest, "%Y-%m-%d")),
    ("Latest", |r| r.day(DateValue::latest, "%Y-%m-%d")),
    ("Status", |r| r.e.status.as_str().to_string()),
    ("Type", |r| r.kind.map_or_else(|| r.e.kind.clone(), |k| format!("{} {}", k.code, k.label))),
    ("Headline", |r| r.e.headline.clone()),
];

/// A header row, then one row per event and dyad.
fn table(ws: &Workspace, events: &[&Event], columns: &[Column]) -> String {
    let at = Index::new(ws);
    let sides = Sides(&at);
    // Counting sentences reads the article: only for a table that shows it.
    let stories = columns.iter().any(|c| c.0 == "Sentence Number");
    let mut texts: FxHashMap<&str, Vec<char>> = FxHashMap::default();
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(vec![]);
    let res: Result<(), ::csv::Error> = (|| {
        w.write_record(columns.iter().map(|c| c.0))?;
        for &e in events {
            let arts = at.articles_of(e);
            let story = e.evidence.first().filter(|_| stories).and_then(|p| {
                let a = *at.articles.get(p.article.as_str())?;
                let chars = texts
                    .entry(&a.id)
                    .or_insert_with(|| a.text.chars().collect());
                Some((a, sentence_number(chars, p.anchor.start)))
            });
            let sources: Vec<String> = arts.iter().map(|a| article_iri(Some(a), &a.id)).collect();
            let (sources, outlets) = (sources.join(" "), outlets(&arts));
            let kind = at.types.get(e.kind.as_str()).copied();
            for (n, (src, tgt)) in sides.dyads(e).into_iter().enumerate() {
                let row = Row {
                    e,
                    n,
                    src,
                    tgt,
                    kind,
                    cameo: cameo_of(ws, &e.kind).unwrap_or_default(),
                    cameo_label: cameo_label(ws, &e.kind).unwrap_or_default(),
                    arts: &arts,
                    sources: &sources,
                    outlets,
                    story,
                };
                w.write_record(columns.iter().map(|c| clean(&c.1(&row))))?;
            }
        }
        Ok(())
    })();
    res.expect("writing TSV to memory cannot fail");
    String::from_utf8(w.into_inner().expect("in-memory writer")).expect("UTF-8 fields")
}

/// GDELT-style TSV: a header row, then one row per event and dyad.
pub fn to_gdelt(ws: &Workspace, events: &[&Event]) -> String {
    table(ws, events, GDELT)
}

/// ICEWS-style TSV: a header row, then one row per event and dyad.
pub fn to_icews(ws: &Workspace, events: &[&Event]) -> String {
    table(ws, events, ICEWS)
}

#[derive(Serialize)]
struct Plover<'a> {
    id: &'a str,
    date: Option<String>,
    enddate: Option<String>,
    date_edtf: Option<&'a str>,
    source: Vec<Value>,
    recipient: Vec<Value>,
    event: Option<&'a str>,
    mode: Option<&'a str>,
    context: &'a [String],
    quad_code: Option<u8>,
    event_scale: Option<f64>,
    event_loc: Option<Value>,
    text: String,
    cite_info: Vec<Value>,
    comment: Option<&'a str>,
    coder: Option<&'a str>,
    coded_date: Option<&'a str>,
    cameo_code: &'a str,
    cameo_label: Option<&'a str>,
    /// A user's own type ("track-ii") and its name; null for CAMEO's.
    own_type: Option<&'a str>,
    own_type_label: Option<&'a str>,
    headline: &'a str,
    status: &'static str,
}

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn plover_actors(actors: &[&Actor]) -> Vec<Value> {
    let one = |a: &&Actor| {
        json!({"code": a.country, "sector": a.sector, "actor_text": a.name,
            "identifier_id": a.id, "office": some(&a.office)})
    };
    actors.iter().map(one).collect()
}

/// PLOVER JSON Lines: one record per event, each on its own line.
pub fn to_plover(ws: &Workspace, events: &[&Event]) -> String {
    let at = Index::new(ws);
    let sides = Sides(&at);
    let mut out = String::new();
    for e in events {
        let kind = at.types.get(e.kind.as_str());
        // An own type without a PLOVER type takes its CAMEO code's.
        let event = kind
            .and_then(|k| some(&k.plover_type))
            .or_else(|| standard(ws, &e.kind).and_then(|k| some(&k.plover_type)));
        let own = kind.filter(|k| !crate::core::vocab::is_cameo(&k.code));
        let (source, recipient, _) = sides.sides(e);
        let d = e.date.as_ref();
        let iso = |x: Option<NaiveDate>| x.map(|x| x.format("%Y-%m-%d").to_string());
        let record = Plover {
            id: &e.id,
            date: iso(d.and_then(DateValue::earliest)),
            enddate: iso(d.and_then(DateValue::latest)),
            date_edtf: d.map(DateValue::edtf),
            source: plover_actors(&source),
            recipient: plover_actors(&recipient),
            event,
            mode: kind.and_then(|k| some(&k.plover_mode)),
            context: &e.tags,
            quad_code: event.and_then(plover_quad),
            event_scale: kind.and_then(|k| k.goldstein),
            event_loc: some(&e.place).map(|name| json!({ "name": name })),
            text: (e.evidence.iter())
                .map(|p| p.anchor.exact.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            cite_info: (at.articles_of(e).into_iter())
                .map(|a| {
                    json!({"citation": a.id, "title": a.title, "publication": a.outlet,
                        "url": web_iri(&a.url), "language": some(&a.language),
                        "date": a.published.as_ref().map(DateValue::edtf)})
                })
                .collect(),
            comment: some(&e.notes),
            coder: some(&e.created_by),
            coded_date: e.created.get(..10),
            cameo_code: cameo_of(ws, &e.kind).unwrap_or_default(),
            cameo_label: cameo_label(ws, &e.kind),
            own_type: own.map(|k| k.code.as_str()),
            own_type_label: own.map(|k| k.label.as_str()),
            headline: &e.headline,
            status: e.status.as_str(),
        };
        out.push_str(&serde_json::to_string(&record).expect("records always serialise"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ActorRef;
    use crate::core::order::events_in_order;
    use crate::core::sample::sample_workspace;
    use crate::exchange::w3c::tests::{golden, id_of};

    /// The rows (header first) of one event's TSV.
    fn rows(ws: &Workspace, id: &str, columns: &[Column]) -> Vec<Vec<String>> {
        let text = table(ws, &[ws.event(id).unwrap()], columns);
        let mut b = ::csv::ReaderBuilder::new();
        let r = b.delimiter(b'\t').has_headers(false);
        let r = r.from_reader(text.as_bytes()).into_records();
        let out: Vec<Vec<String>> = r
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(out.len(), text.lines().count(), "one line a row: {text}");
        out
    }

    /// Some columns of one row, by their headers.
    fn cells(rows: &[Vec<String>], row: usize, headers: &[&str]) -> Vec<String> {
        let at = |h: &&str| rows[0].iter().position(|x| x == h).unwrap();
        headers.iter().map(|h| rows[row][at(h)].clone()).collect()
    }

    fn plover(ws: &Workspace, id: &str) -> Value {
        serde_json::from_str(&to_plover(ws, &[ws.event(id).unwrap()])).unwrap()
    }

    #[test]
    fn golden_files_of_the_sample() {
        let ws = sample_workspace();
        let evs = events_in_order(&ws);
        let gdelt = include_str!("../../tests/fixtures/golden/sample-gdelt.tsv");
        golden("sample-gdelt.tsv", gdelt, &to_gdelt(&ws, &evs));
        let icews = include_str!("../../tests/fixtures/golden/sample-icews.tsv");
        golden("sample-icews.tsv", icews, &to_icews(&ws, &evs));
        let plover = include_str!("../../tests/fixtures/golden/sample-plover.jsonl");
        golden("sample-plover.jsonl", plover, &to_plover(&ws, &evs));
    }

    #[test]
    fn a_reciprocal_meeting_gives_both_directions() {
        let mut ws = sample_workspace();
        let bali = id_of(&ws, "Bali");
        let r = rows(&ws, &bali, GDELT);
        assert_eq!(r.len(), 3, "header and two rows");
        let names = ["Actor1Name", "Actor2Name", "IsRootEvent"];
        assert_eq!(cells(&r, 1, &names), ["Joe Biden", "Xi Jinping", "1"]);
        assert_eq!(cells(&r, 2, &names), ["Xi Jinping", "Joe Biden", "0"]);
        // PLOVER keeps one record, every participant a source.
        let v = plover(&ws, &bali);
        assert_eq!(
            (v["source"].as_array().unwrap().len(), &v["recipient"]),
            (2, &json!([]))
        );
        // A visit goes one way; a mutual type goes both ways whatever the roles.
        let k = id_of(&ws, "Kritenbrink");
        assert_eq!(rows(&ws, &k, ICEWS).len(), 2);
        ws.event_mut(&k).unwrap().kind = "046".into();
        let r = rows(&ws, &k, ICEWS);
        assert_eq!(r.len(), 3);
        assert_eq!(
            cells(&r, 2, &["Source Name", "Target Name"]),
            ["Ma Zhaoxu", "Daniel Kritenbrink"]
        );
    }

    #[test]
    fn roles_make_the_dyads() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Wang Wentao");
        let sides = ["Actor1Name", "Actor2Name"];
        let r = rows(&ws, &id, GDELT);
        assert_eq!(r.len(), 3, "two sources, one target");
        assert_eq!(cells(&r, 2, &sides), ["Katherine Tai", "Wang Wentao"]);
        // One actor: one row, the other side empty, whatever its role.
        ws.event_mut(&id).unwrap().actors.truncate(1);
        let r = rows(&ws, &id, GDELT);
        assert_eq!(
            (r.len(), cells(&r, 1, &sides)),
            (2, vec!["Gina Raimondo".into(), "".into()])
        );
        ws.event_mut(&id).unwrap().actors[0].role = Role::Participant;
        assert_eq!(
            cells(&rows(&ws, &id, GDELT), 1, &sides),
            ["Gina Raimondo", ""]
        );
        ws.event_mut(&id).unwrap().actors[0].role = Role::Target;
        assert_eq!(
            cells(&rows(&ws, &id, GDELT), 1, &sides),
            ["", "Gina Raimondo"]
        );
        // No actor: one row, both sides empty.
        ws.event_mut(&id).unwrap().actors.clear();
        let r = rows(&ws, &id, ICEWS);
        assert_eq!(
            (r.len(), cells(&r, 1, &["Source Name", "Target Name"])),
            (2, vec![String::new(); 2])
        );
        // A participant beside a source is the target.
        let [a, b] = [0, 1].map(|i| ws.actors[i].id.clone());
        ws.event_mut(&id).unwrap().actors = vec![
            ActorRef {
                actor: a,
                role: Role::Participant,
            },
            ActorRef {
                actor: b,
                role: Role::Source,
            },
        ];
        let r = rows(&ws, &id, GDELT);
        assert_eq!(
            (r.len(), cells(&r, 1, &sides)),
            (2, vec!["Wang Yi".into(), "Jake Sullivan".into()])
        );
    }

    #[test]
    fn codes_keep_their_leading_zeros_and_quad_classes() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Blinken holds talks");
        let codes = [
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
        ];
        let r = rows(&ws, &id, GDELT);
        assert_eq!(cells(&r, 1, &codes), ["042", "042", "04", "1", "1.9"]);
        assert_eq!(cells(&rows(&ws, &id, ICEWS), 1, &["CAMEO Code"]), ["042"]);
        assert_eq!(plover(&ws, &id)["cameo_code"], "042");
        ws.event_mut(&id).unwrap().kind = "0211".into();
        let r = rows(&ws, &id, GDELT);
        assert_eq!(cells(&r, 1, &codes[..4]), ["0211", "021", "02", "1"]);
        let quads = [
            "010", "057", "061", "0874", "090", "130", "140", "195", "204", "X1", "", "21",
        ];
        let got = quads.map(|c| quad_class(c).unwrap_or(0));
        assert_eq!(got, [1, 1, 2, 2, 3, 3, 4, 4, 4, 0, 0, 0]);
        let got = ["SANCTION", "MOBILIZE", "AID", "?"].map(plover_quad);
        assert_eq!(got, [Some(3), Some(4), Some(2), None]);
    }

    #[test]
    fn values_stay_on_one_line() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Bali");
        let e = ws.event_mut(&id).unwrap();
        e.headline = "Tab\there,\nnew line\r\nand \u{2028}separator \"quoted\"".into();
        e.place = "\tBali\n".into();
        for columns in [GDELT, ICEWS] {
            let r = rows(&ws, &id, columns);
            assert!(r.iter().all(|x| x.len() == columns.len()));
            let headline = "Tab here, new line  and  separator \"quoted\"";
            assert_eq!(r[1].last().unwrap(), headline);
            assert!(r[1].contains(&"Bali".to_string()));
        }
        assert_eq!(to_plover(&ws, &[ws.event(&id).unwrap()]).lines().count(), 1);
    }

    #[test]
    fn undated_and_vague_dates() {
        let ws = sample_workspace();
        let call = id_of(&ws, "Biden seeks a phone call");
        let dates = ["Day", "EDTF", "Earliest", "Latest", "Status"];
        assert_eq!(
            cells(&rows(&ws, &call, GDELT), 1, &dates),
            ["", "", "", "", "planned"]
        );
        assert_eq!(cells(&rows(&ws, &call, ICEWS), 1, &["Event Date"]), [""]);
        let v = plover(&ws, &call);
        assert!(v["date"].is_null() && v["enddate"].is_null() && v["date_edtf"].is_null());
        let r = rows(&ws, &id_of(&ws, "Munich"), GDELT);
        let got = cells(&r, 1, &dates[..4]);
        assert_eq!(
            got,
            ["20230201", "2023-02", "2023-02-01", "2023-02-28"],
            "the month's span"
        );
    }

    #[test]
    fn sentences_are_counted_from_one() {
        let n = |text: &str, at| sentence_number(&text.chars().collect::<Vec<_>>(), at);
        let text = "Title\n\nFirst one. Second one here.\nThird.";
        assert_eq!([0, 7, 18, 35].map(|at| n(text, at)), [1, 2, 3, 4]);
        assert_eq!(n("", 0), 1);
        let quoted = n("A \"b.\"\nC.", 7);
        assert_eq!(quoted, 2, "a closing quote mark is no sentence");
    }

    #[test]
    fn sources_are_web_links_or_urns() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Vienna");
        let art = ws.event(&id).unwrap().evidence[0].article.clone();
        ws.article_mut(&art).unwrap().url = "https://example.org/a b".into();
        let r = rows(&ws, &id, GDELT);
        let urls = cells(&r, 1, &["SOURCEURL"]).remove(0);
        let urls: Vec<&str> = urls.split(' ').collect();
        assert_eq!((urls.len(), urls[0]), (3, "https://example.org/a%20b"));
        assert!(urls[1].starts_with("urn:detente:article:art_"), "{urls:?}");
        let counts = cells(&r, 1, &["NumMentions", "NumSources", "NumArticles"]);
        assert_eq!(counts, ["4", "3", "3"]);
        let story = cells(
            &rows(&ws, &id, ICEWS),
            1,
            &["Story ID", "Sentence Number", "Publisher"],
        );
        assert_eq!(story, [art.as_str(), "6", "NHK, via Spotlight Nepal"]);
        assert_eq!(
            plover(&ws, &id)["cite_info"][0]["url"],
            "https://example.org/a%20b"
        );
    }
}
