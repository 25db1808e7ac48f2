//! A REFI-QDA project into a workspace. Text sources become articles; each
//! coded selection becomes a passage of an event, so nothing coded is lost:
//! in a project Detente wrote, the event its note describes (type, actors,
//! date, status, place, tags, notes read back); in another tool's, an event
//! of type "Coded segment" whose tags are the code paths. Codes on whole
//! sources, notes and variables go to the article's notes. Audio, video and
//! pictures are skipped and counted, and the summary says why.
//!
//! Paths the project names are checked here (none may leave the project);
//! [`super::open`] reads them from the zip or the folder.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::ORIGIN;
pub use super::coded::CODED_SEGMENT;
use super::coded::{ActorIndex, CodeTree, event_key, new_event};
use super::offsets::{Counting, locate_in, read_positions};
use super::parse::{Project, Source, SourceKind, parse};
use crate::core::limits::{MAX_ARTICLE_CHARS, article_over_limits};
use crate::core::model::{Anchor, Article, Event, Id, Passage, Workspace, new_id};
use crate::core::parallel::parallel_map;
use crate::dates::edtf::DateValue;
use crate::text::normalise::{normalise, one_line, title_from_text};
use crate::text::offsets::CharIndex;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the files a project names come from: the zip, or (for a bare
/// `.qde`) its folder, as the caller allows.
pub trait Files {
    /// The bytes of `path` (a path inside the project, never outside it);
    /// None when there is no such file.
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, String>;
}

/// What an import did, for the summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub articles: usize,
    pub duplicates: usize,
    pub passages: usize,
    pub events: usize,
    pub actors: usize,
    /// Events left out because the workspace has them already.
    pub already: usize,
    /// Sources and selections left out, each with the reason.
    pub skipped: Vec<String>,
    /// How positions were read where not as the standard says.
    pub readings: Vec<String>,
    pub from_detente: bool,
    /// Notes that became memos.
    pub memos: usize,
}

impl Summary {
    /// Whether the import changed the workspace (articles, events, actors
    /// or memos came in): a project of notes alone still has to be saved.
    pub fn changed(&self) -> bool {
        self.articles + self.events + self.actors + self.memos > 0
    }

    /// One line per fact, for the command line and the window.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "imported {} article(s), {} event(s), {} passage(s){}{}",
            self.articles,
            self.events,
            self.passages,
            if self.actors > 0 {
                format!(", {} new actor(s)", self.actors)
            } else {
                String::new()
            },
            if self.duplicates > 0 {
                format!(
                    "; {} source(s) already here, their passages joined them",
                    self.duplicates
                )
            } else {
                String::new()
            }
        )];
        if self.already > 0 {
            out.push(format!(
                "{} event(s) already here, not added again",
                self.already
            ));
        }
        if self.memos > 0 {
            out.push(format!("{} memo(s)", self.memos));
        }
        out.extend(self.readings.iter().map(|r| format!("read: {r}")));
        out.extend(self.skipped.iter().map(|s| format!("skipped: {s}")));
        out
    }
}

/// The text all sources of one project may hold together, in bytes.
pub const MAX_PROJECT_TEXT: usize = 256 * 1024 * 1024;

/// The quotes all selections of one project may hold together, in bytes.
pub const MAX_PROJECT_QUOTES: usize = 64 * 1024 * 1024;

/// Turns a DOCX into its plain text (the `read` layer's reader, passed in
/// by the caller: this layer does not know DOCX).
pub type Docx<'a> = &'a dyn Fn(&[u8]) -> Result<String, String>;

/// What one project may bring in all: its sources' texts and its
/// selections' quotes, in bytes (a small project can name one large text
/// for thousands of sources, or select a long text whole thousands of
/// times). Past these, sources and selections are skipped and counted.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub text: usize,
    pub quotes: usize,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            text: MAX_PROJECT_TEXT,
            quotes: MAX_PROJECT_QUOTES,
        }
    }
}

/// Import the project `xml` (with its files) into `ws`.
pub fn import(
    ws: &mut Workspace,
    xml: &str,
    files: &mut dyn Files,
    docx: Docx,
) -> Result<Summary, String> {
    import_bounded(ws, xml, files, docx, Bounds::default())
}

/// [`import`] within `bounds`.
pub fn import_bounded(
    ws: &mut Workspace,
    xml: &str,
    files: &mut dyn Files,
    docx: Docx,
    bounds: Bounds,
) -> Result<Summary, String> {
    let project = parse(xml)?;
    let mut s = Summary {
        from_detente: project.origin.starts_with(ORIGIN),
        ..Default::default()
    };
    let codes = CodeTree::new(&project);
    let mut actor_index = ActorIndex::new(ws);
    let mut known: HashMap<String, Id> = ws
        .articles
        .iter()
        .map(|a| (a.text_hash.clone(), a.id.clone()))
        .collect();
    let mut events: HashMap<String, usize> = HashMap::new();
    // What each source and selection of the project became, by GUID: the
    // memos' links are pointed at them.
    let mut by_guid: HashMap<String, Id> = HashMap::new();
    let mut new_events: Vec<Event> = vec![];
    // 1. The text of each source (the zip is read in order).
    let mut texts: Vec<(usize, String, String)> = vec![];
    // The texts of all sources together are bounded: a small project can
    // name one large entry for thousands of sources (2,000 times 1 MiB
    // once took minutes and gigabytes before it failed).
    let mut budget = bounds.text;
    let mut over_budget = 0;
    for (n, src) in project.sources.iter().enumerate() {
        // Cut for messages: a name can be megabytes long.
        let label = src
            .name
            .as_deref()
            .map(|name| crate::text::normalise::short(&one_line(name)))
            .unwrap_or_else(|| format!("source {}", n + 1));
        if matches!(
            src.kind,
            SourceKind::Audio | SourceKind::Video | SourceKind::Picture
        ) {
            s.skipped.push(format!(
                "\"{label}\": a {} source (Detente reads text)",
                src.kind.label()
            ));
            continue;
        }
        if budget == 0 {
            over_budget += 1;
            continue;
        }
        match source_text(src, files, docx) {
            Ok(Some(t)) if t.len() > budget => {
                budget = 0;
                over_budget += 1;
            }
            Ok(Some(t)) => {
                budget -= t.len();
                texts.push((n, label, t))
            }
            Ok(None) => s.skipped.push(format!(
                "\"{label}\": a {} source with no text in the project",
                src.kind.label()
            )),
            Err(e) => s.skipped.push(format!("\"{label}\": {e}")),
        }
    }
    if over_budget > 0 {
        s.skipped.push(format!(
            "{over_budget} source(s): the project's texts together exceed {} bytes; import \
             them from a smaller project",
            bounds.text
        ));
    }
    // 2. Each source on its own, on every core: its article, and where
    // each selection falls in its text, with the date it gives.
    let ours = s.from_detente;
    let placed = parallel_map(&texts, |(n, _, raw)| {
        place(&project.sources[*n], raw, &project, &codes, ours)
    });
    // 3. Into the workspace, in the project's order.
    let (mut quotes, mut over_quotes) = (0usize, 0usize);
    for ((n, label, _), placed) in texts.iter().zip(placed) {
        let src = &project.sources[*n];
        if src.other_selections > 0 {
            s.skipped.push(format!(
                "\"{label}\": {} selection(s) by page area or time, which have no place in text",
                src.other_selections
            ));
        }
        let placed = match placed {
            Ok(p) => p,
            Err(why) => {
                s.skipped.push(format!("\"{label}\": {why}"));
                continue;
            }
        };
        if placed.counting != Counting::CodePoints && !src.selections.is_empty() {
            s.readings.push(format!(
                "\"{label}\": positions counted in {}",
                placed.counting.describe()
            ));
        }
        if placed.misses > 0 {
            s.skipped.push(format!(
                "\"{label}\": {} selection(s) whose positions do not fall in its text",
                placed.misses
            ));
        }
        let article = placed.article;
        let article_id = match known.get(&article.text_hash) {
            Some(id) => {
                s.duplicates += 1;
                id.clone()
            }
            None => {
                let id = article.id.clone();
                known.insert(article.text_hash.clone(), id.clone());
                ws.articles.push(Arc::new(article));
                s.articles += 1;
                id
            }
        };
        by_guid.insert(src.guid.clone(), article_id.clone());
        for (i, anchor, date) in placed.passages {
            // Every passage keeps its quote: a small project whose
            // selections each cover a whole long text would make a
            // workspace hundreds of times its size.
            if quotes + anchor.exact.len() > bounds.quotes {
                over_quotes += 1;
                continue;
            }
            quotes += anchor.exact.len();
            let sel = &src.selections[i];
            let passage = Passage {
                id: new_id("psg"),
                article: article_id.clone(),
                anchor,
                date,
                created: sel.created.clone().unwrap_or_else(crate::core::ids::now),
                created_by: user(&project, sel.creating_user.as_deref()),
            };
            by_guid.insert(sel.guid.clone(), passage.id.clone());
            let key = event_key(&project, sel, ours);
            match key.as_ref().and_then(|k| events.get(k)) {
                Some(&i) => new_events[i].evidence.push(passage),
                None => {
                    let e = new_event(ws, &project, &codes, sel, passage, ours, &mut actor_index);
                    if let Some(k) = key {
                        // A Detente event note's GUID is its event's.
                        by_guid.insert(k.clone(), e.id.clone());
                        events.insert(k, new_events.len());
                    }
                    new_events.push(e);
                }
            }
        }
    }
    if over_quotes > 0 {
        s.skipped.push(format!(
            "{over_quotes} selection(s): the quotes of the project's selections together \
             exceed {} bytes",
            bounds.quotes
        ));
    }
    // An event already here (same headline, same passages) is not added
    // twice: importing the same project again changes nothing.
    let signature = |e: &Event| {
        let mut p: Vec<(String, usize, usize)> = e
            .evidence
            .iter()
            .map(|p| (p.article.clone(), p.anchor.start, p.anchor.end))
            .collect();
        p.sort();
        (e.headline.clone(), p)
    };
    let present: HashMap<_, &Event> = ws.events.iter().map(|e| (signature(e), &**e)).collect();
    // The memos' links to an event left out name the one already here.
    let mut same: HashMap<Id, Id> = HashMap::new();
    for e in &new_events {
        if let Some(old) = present.get(&signature(e)) {
            same.insert(e.id.clone(), old.id.clone());
            for p in &e.evidence {
                if let Some(q) = old.evidence.iter().find(|q| {
                    (&q.article, q.anchor.start, q.anchor.end)
                        == (&p.article, p.anchor.start, p.anchor.end)
                }) {
                    same.insert(p.id.clone(), q.id.clone());
                }
            }
        }
    }
    for id in by_guid.values_mut() {
        if let Some(old) = same.get(id) {
            *id = old.clone();
        }
    }
    let before = new_events.len();
    new_events.retain(|e| !present.contains_key(&signature(e)));
    s.already = before - new_events.len();
    s.passages = new_events.iter().map(|e| e.evidence.len()).sum();
    s.events = new_events.len();
    for e in new_events {
        ws.register_tags(&e.tags);
        ws.events.push(Arc::new(e));
    }
    s.actors = actor_index.added;
    s.memos = memos(ws, &project, &mut by_guid);
    ws.touch();
    Ok(s)
}

/// Step 4, the project's memos: Detente's own (marked by their description),
/// and every note nothing in the project points to (another tool's free
/// memos and journals; notes on sources and selections went to articles
/// and events). Their links follow the objects they named; a memo already
/// here (same title and text) is not added again. Returns how many.
fn memos(ws: &mut Workspace, p: &Project, by_guid: &mut HashMap<String, Id>) -> usize {
    use crate::core::model::Memo;
    let referenced: std::collections::HashSet<&str> = p
        .sources
        .iter()
        .flat_map(|s| {
            s.note_refs
                .iter()
                .chain(s.selections.iter().flat_map(|x| x.note_refs.iter()))
        })
        .chain(&p.note_refs)
        .chain(p.sets.iter().flat_map(|s| s.notes.iter()))
        .map(String::as_str)
        .collect();
    let mut notes: Vec<&super::parse::Note> = p
        .notes
        .values()
        .filter(|n| n.description == super::MEMO_NOTE || !referenced.contains(n.guid.as_str()))
        .collect();
    notes.sort_by(|a, b| (&a.created, &a.name, &a.guid).cmp(&(&b.created, &b.name, &b.guid)));
    // A name within the limit of a short field (a long one is cut).
    let title_of = |n: &super::parse::Note| match one_line(&n.name) {
        t if t.is_empty() => "Note".to_string(),
        t => t.chars().take(500).collect(),
    };
    // First every memo's new id, so memos can link each other; a memo
    // already here keeps its id, and the links to it name it (found again
    // once memos linking memos have their links renamed).
    let mut ids: Vec<Id> = notes.iter().map(|_| new_id("memo")).collect();
    for (n, id) in notes.iter().zip(&ids) {
        by_guid.insert(n.guid.clone(), id.clone());
    }
    // The memos here by (title, text) and by id, looked up once each: a
    // scan of every memo for each note made free notes quadratic.
    let here: HashMap<(&str, &str), Id> = ws
        .memos
        .iter()
        .map(|m| ((m.title.as_str(), m.text.as_str()), m.id.clone()))
        .collect();
    let mut present: std::collections::HashSet<Id> = here.values().cloned().collect();
    for _ in 0..2 {
        for (n, id) in notes.iter().zip(ids.iter_mut()) {
            let text = super::memos::relink(&n.text, &|g| by_guid.get(g).cloned());
            let title = title_of(n);
            if let Some(m) = here.get(&(title.as_str(), text.as_str())) {
                *id = m.clone();
                by_guid.insert(n.guid.clone(), id.clone());
            }
        }
    }
    drop(here);
    let mut added = 0;
    for (n, id) in notes.into_iter().zip(ids) {
        if present.contains(&id) || n.text.len() > crate::core::limits::MAX_ARTICLE_CHARS {
            continue;
        }
        present.insert(id.clone());
        let text = super::memos::relink(&n.text, &|g| by_guid.get(g).cloned());
        let title = title_of(n);
        let now = crate::core::ids::now();
        let created = n.created.clone().unwrap_or_else(|| now.clone());
        ws.memos.push(Memo {
            id,
            title,
            text,
            tags: vec![],
            in_report: false,
            modified: n.modified.clone().unwrap_or_else(|| created.clone()),
            created,
            created_by: user(p, n.creating_user.as_deref()),
            changed_by: user(p, n.modifying_user.as_deref()),
            past: Default::default(),
        });
        added += 1;
    }
    added
}

/// A source's article and its selections placed in its text.
struct Placed {
    article: Article,
    counting: Counting,
    /// (selection index, anchor, the date the passage gives)
    passages: Vec<(usize, Anchor, Option<DateValue>)>,
    misses: usize,
}

/// One source on its own (no workspace needed, so sources go in
/// parallel): its normalised text as an article, and each selection read
/// the way the writer counted, found in that text, with its date.
fn place(
    src: &Source,
    raw: &str,
    project: &Project,
    codes: &CodeTree,
    ours: bool,
) -> Result<Placed, String> {
    let text = normalise(raw);
    if text.is_empty() {
        return Err("its text is empty".into());
    }
    if text.len() > MAX_ARTICLE_CHARS && text.chars().count() > MAX_ARTICLE_CHARS {
        return Err(format!("over {MAX_ARTICLE_CHARS} characters"));
    }
    let title = src
        .name
        .as_deref()
        .map(one_line)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| title_from_text(&text));
    let mut article = Article::new(&title, &text);
    article.imported_from = "REFI-QDA project".into();
    fill_article(&mut article, src, project, codes, ours);
    let problems = article_over_limits(&article);
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let positions: Vec<(i64, i64)> = src.selections.iter().map(|x| (x.start, x.end)).collect();
    let (counting, ranges) = read_positions(raw, &positions);
    let raw_chars: Vec<char> = raw.chars().collect();
    let idx = CharIndex::new(&text);
    let text_chars: Vec<char> = text.chars().collect();
    let scale = text_chars.len() as f64 / raw_chars.len().max(1) as f64;
    let published = article.published.as_ref().and_then(|d| d.earliest());
    let mut dates: Option<Vec<crate::dates::find::Found>> = None;
    let mut passages = vec![];
    let mut misses = 0;
    for (i, range) in ranges.into_iter().enumerate() {
        let placed = range.and_then(|(a, b)| {
            let quote: String = raw_chars[a..b].iter().collect();
            let (start, end) = locate_in(&text, &idx, &quote, (a as f64 * scale) as usize)?;
            Some((start, end, Anchor::from_range_in(&text, &idx, start, end)?))
        });
        let Some((start, end, anchor)) = placed else {
            misses += 1;
            continue;
        };
        let found = dates.get_or_insert_with(|| crate::dates::find::find_dates(&text, published));
        let date = crate::dates::find::passage_date_in(found, &text_chars, start, end);
        passages.push((i, anchor, date));
    }
    Ok(Placed {
        article,
        counting,
        passages,
        misses,
    })
}

/// The text a source holds: inline, a file in the project, or (when the
/// plain text is empty or missing) its DOCX.
fn source_text(src: &Source, files: &mut dyn Files, docx: Docx) -> Result<Option<String>, String> {
    if let Some(t) = &src.content
        && !t.trim().is_empty()
    {
        return Ok(Some(t.clone()));
    }
    if let Some(p) = &src.plain_text_path
        && let Some(bytes) = fetch(files, p)?
    {
        let t = decode_text(&bytes);
        if !t.trim().is_empty() {
            return Ok(Some(t));
        }
    }
    if let Some(p) = src.rich_text_path.as_ref().or(src.path.as_ref())
        && p.to_ascii_lowercase().ends_with(".docx")
        && let Some(bytes) = fetch(files, p)?
    {
        return docx(&bytes).map(Some);
    }
    Ok(None)
}

/// A file the project names: `internal://NAME` and a bare `NAME` are in
/// `Sources/`; other schemes point outside the project and are not read.
fn fetch(files: &mut dyn Files, path: &str) -> Result<Option<Vec<u8>>, String> {
    let name = match path.split_once("://") {
        Some(("internal", rest)) => rest,
        Some(_) => return Ok(None),
        None => path,
    };
    let name = name.trim_start_matches(['/', '\\']);
    if name.split(['/', '\\']).any(|part| part == "..") || name.contains(':') {
        return Err(format!("the path {path:?} leaves the project; not read"));
    }
    for candidate in [format!("Sources/{name}"), name.to_string()] {
        if let Some(b) = files.get(&candidate)? {
            return Ok(Some(b));
        }
    }
    Ok(None)
}

/// Source text files are UTF-8 by the standard; a BOM says otherwise.
fn decode_text(bytes: &[u8]) -> String {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) => enc.decode(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn user(p: &Project, guid: Option<&str>) -> String {
    guid.and_then(|g| p.users.get(g))
        .cloned()
        .unwrap_or_default()
}

fn fill_article(a: &mut Article, src: &Source, p: &Project, codes: &CodeTree, ours: bool) {
    let mut notes = vec![];
    for (var, value) in &src.values {
        let name = p
            .variables
            .get(var)
            .map(String::as_str)
            .unwrap_or("variable");
        let value = one_line(value);
        match name {
            "Outlet" if ours => a.outlet = value,
            "URL" if ours => a.url = value,
            "Language" if ours => a.language = value,
            "Published" if ours => match DateValue::parse(&value) {
                Ok(d) => {
                    a.published = Some(d);
                    a.published_source = "REFI-QDA project".into();
                }
                Err(_) => notes.push(format!("{name}: {value}")),
            },
            _ => notes.push(format!("{name}: {value}")),
        }
    }
    let whole: Vec<&str> = src.codings.iter().filter_map(|g| codes.path(g)).collect();
    if !whole.is_empty() {
        notes.push(format!("Coded as a whole: {}", whole.join("; ")));
    }
    for set in &p.sets {
        if set.sources.contains(&src.guid) {
            notes.push(format!("In set: {}", one_line(&set.name)));
        }
    }
    for n in src
        .note_refs
        .iter()
        .filter_map(|g| p.notes.get(g))
        .filter(|n| n.description != super::MEMO_NOTE)
    {
        notes.push(n.text.clone());
    }
    a.notes = notes.join("\n");
}
