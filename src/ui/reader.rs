//! The Reader: the article's text with tagged passages highlighted,
//! selection, the tag bar, and jumps to passages.

use super::DetenteApp;
use crate::dates::DateValue;
use crate::history::Edit;
use crate::model::{Anchor, Event, Id, Passage, Status, new_id, now, short};
use crate::paragraphs::Paragraphs;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Vec2, vec2};
use std::sync::Arc;

/// How the highlights of the open article look: a change lays out again
/// the paragraphs in view (their heights stay).
#[derive(PartialEq, Clone)]
struct Style {
    passages: u64,
    selected_event: Option<Id>,
    dark: bool,
    /// Whether the date expressions (underlined) were found.
    dates: bool,
}

/// A stretch of the text drawn one way, from its first char (and byte)
/// to the next run's.
#[derive(Clone, Copy, PartialEq)]
struct Run {
    char: usize,
    byte: usize,
    background: Option<Color32>,
    strong: bool,
    date: bool,
}

const FONT_SIZE: f32 = 15.5;

/// The open article as the Reader lays it out: paragraph by paragraph and
/// only near the view, so a 1 MB article opens as fast as a short one.
/// Further paragraphs are measured a few milliseconds per frame, and the
/// view is kept on its place in the text while their heights come in.
struct TextView {
    article: Id,
    text: u64,
    width: f32,
    row_height: f32,
    paras: Paragraphs,
    galleys: Vec<Option<Arc<Galley>>>,
    style: Option<Style>,
    runs: Vec<Run>,
    /// Where measuring ahead goes on.
    next: usize,
}

/// Hashes of what the Reader shows of one article: its text and
/// publication date (for the dates found in it), and its passages.
#[derive(PartialEq, Eq, Clone, Copy, Default)]
struct Fingerprint {
    text: u64,
    passages: u64,
}

fn fingerprint(ws: &crate::model::Workspace, article: &Id) -> Fingerprint {
    use std::hash::{Hash, Hasher};
    let Some(a) = ws.article(article) else {
        return Fingerprint::default();
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&a.text_hash, a.published.as_ref().map(|d| d.edtf())).hash(&mut h);
    let text = h.finish();
    for e in &ws.events {
        for p in e.evidence.iter().filter(|p| &p.article == article) {
            let colour = ws.event_type(&e.kind).map(|t| t.colour.as_str());
            (&e.id, &e.kind, colour, p.anchor.start, p.anchor.end).hash(&mut h);
        }
    }
    Fingerprint {
        text,
        passages: h.finish(),
    }
}

/// What the Reader reads from an article's text and date: the date
/// expressions (underlined, with their readings), the publication-date
/// candidates of its first lines, proposed boilerplate, a dateline
/// without a year.
pub struct Analysis {
    pub article: Id,
    /// The text fingerprint (text and publication date) it was made for.
    key: u64,
    pub text_hash: String,
    pub dates: Arc<Vec<crate::datefind::Found>>,
    pub candidates: Vec<crate::pubdate::Candidate>,
    pub boilerplate: Vec<crate::boilerplate::Proposal>,
    pub yearless: Option<(String, String)>,
}

impl Analysis {
    fn of(a: &crate::model::Article, key: u64) -> Analysis {
        let anchor = a.published.as_ref().and_then(|d| d.earliest());
        Analysis {
            article: a.id.clone(),
            key,
            text_hash: a.text_hash.clone(),
            dates: Arc::new(crate::datefind::find_dates(&a.text, anchor)),
            candidates: crate::pubdate::candidates(&a.text),
            boilerplate: crate::boilerplate::propose(&a.text),
            yearless: crate::pubdate::yearless_dateline(&a.text),
        }
    }
}

/// Texts longer than this are analysed on a worker thread, so that opening
/// a long read never waits for it (its dates are underlined a moment later).
const ANALYSE_INLINE_BYTES: usize = 32 * 1024;

#[derive(Default)]
pub struct ReaderState {
    view: Option<TextView>,
    /// The width of the Reader's text and the height of its view in the
    /// last frame.
    view_size: (f32, f32),
    /// The fixed end of the selection (where a drag started), in chars.
    drag_anchor: Option<usize>,
    /// Whether keys go to the text (it was the last thing pressed).
    keyboard: bool,
    /// A scroll offset to take on the next frame.
    pending_offset: Option<f32>,
    /// The selected chars of the open article (start < end).
    pub selection: Option<(usize, usize)>,
    /// A passage to scroll to on the next frame.
    pub scroll_to: Option<Id>,
    /// A passage to flash briefly, with the time the flash started.
    pub flash: Option<(Id, Option<f64>)>,
    pub picker_query: String,
    pub status: String,
    published_text: Option<(Id, String)>,
    /// How many paragraphs of article text have been laid out (for tests).
    pub layouts: usize,
    /// What was read from the open article's text (dates, boilerplate…).
    pub analysis: Option<Analysis>,
    /// An analysis under way on a worker thread: article, key, result.
    analysing: Option<(Id, u64, std::sync::mpsc::Receiver<Analysis>)>,
    /// Proposed boilerplate lines the user chose to keep.
    pub keep_lines: std::collections::HashSet<usize>,
    /// The open article's fingerprint, recomputed when the workspace changes.
    fingerprint: Option<(u64, Id, Fingerprint)>,
}

/// A letter or digit of a script that separates words with spaces (a
/// selection that starts or ends inside such a word grows to the whole
/// word; CJK text has no spaces, so it is left as selected).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() && c < '\u{2E80}'
}

/// The chars `s..e` with whitespace trimmed from both ends and cut words
/// completed, as a passage to tag.
fn trim_range(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut a, mut b) = (s.min(chars.len()), e.min(chars.len()));
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    while a > 0 && word_char(chars[a - 1]) && word_char(chars[a]) {
        a -= 1;
    }
    while b < chars.len() && word_char(chars[b - 1]) && word_char(chars[b]) {
        b += 1;
    }
    Some((a, b))
}

/// The date to prefill for a passage: from the date expression inside (or
/// nearest to) it, resolved against the article's date; else the article's
/// date itself, marked as such.
pub fn suggested_date(a: &crate::model::Article, s: usize, e: usize) -> Option<DateValue> {
    let anchor = a.published.as_ref().and_then(|d| d.earliest());
    let found = crate::datefind::find_dates(&a.text, anchor);
    if let Some(f) = crate::datefind::suggest_for(&found, &a.text, s, e) {
        return f.value.clone();
    }
    a.published.clone().map(|mut d| {
        d.expression = Some("the article's publication date".into());
        d.rule = Some("no date expression near the passage; check the text".into());
        d
    })
}

/// The sentence around chars `s..e`, for a headline suggestion.
pub fn sentence_around(text: &str, s: usize, e: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？');
    let mut a = s.min(chars.len());
    while a > 0 && !is_end(chars[a - 1]) {
        a -= 1;
    }
    let mut b = e.min(chars.len());
    while b < chars.len() && !is_end(chars[b]) {
        b += 1;
    }
    if b < chars.len() && chars[b] != '\n' {
        b += 1;
    }
    let sentence: String = chars[a..b].iter().collect::<String>().trim().to_string();
    let mut out: String = sentence.chars().take(100).collect();
    if sentence.chars().count() > 100 {
        out.push('…');
    }
    out
}

impl ReaderState {
    /// The analysis of `article`, if it is done.
    pub fn analysis_of(&self, article: &Id) -> Option<&Analysis> {
        self.analysis.as_ref().filter(|a| &a.article == article)
    }

    fn install(&mut self, result: Analysis) {
        let same_text = self
            .analysis
            .as_ref()
            .is_some_and(|a| a.article == result.article && a.text_hash == result.text_hash);
        if !same_text {
            self.keep_lines.clear();
        }
        self.analysis = Some(result);
    }

    /// How many paragraphs of the open article have only an estimated
    /// height (`None` before it is shown).
    pub fn estimated_paragraphs(&self) -> Option<usize> {
        self.view.as_ref().map(|v| v.paras.unmeasured())
    }

    /// Drop the selection (and any drag that was making one).
    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.drag_anchor = None;
    }
}

impl DetenteApp {
    /// Tag the selected text as a new event (Ctrl/Cmd+E).
    pub fn tag_selection(&mut self) {
        let Some((article, s, e)) = self.current_selection() else {
            self.reader.status = "Select a passage in the text first.".into();
            return;
        };
        let Some(a) = self.ws.article(&article) else {
            return;
        };
        let Some(anchor) = Anchor::from_range(&a.text, s, e) else {
            return;
        };
        let t = now();
        let ev = Event {
            id: new_id("evt"),
            headline: sentence_around(&a.text, s, e),
            kind: "040".into(),
            date: suggested_date(a, s, e),
            actors: vec![],
            place: String::new(),
            status: Status::Occurred,
            tags: vec![],
            notes: String::new(),
            evidence: vec![Passage {
                id: new_id("psg"),
                article: article.clone(),
                date: crate::ops::passage_date(&self.ws, &article, &anchor),
                anchor,
            }],
            created: t.clone(),
            modified: t,
        };
        let id = ev.id.clone();
        self.apply(Edit::new_event(ev));
        self.selected_event = Some(id);
        self.reader.clear_selection();
        self.reader.status = "New event: fill in its details in the inspector.".into();
    }

    /// Add the selected text as evidence for an existing event.
    pub fn add_selection_to(&mut self, event: &Id) {
        let Some((article, s, e)) = self.current_selection() else {
            return;
        };
        let Some(a) = self.ws.article(&article) else {
            return;
        };
        let Some(anchor) = Anchor::from_range(&a.text, s, e) else {
            return;
        };
        let Some(before) = self.ws.event(event).cloned() else {
            return;
        };
        if before
            .evidence
            .iter()
            .any(|p| p.article == article && p.anchor.start == s && p.anchor.end == e)
        {
            self.reader.status = "That passage is already evidence for this event.".into();
            return;
        }
        let mut after = before.clone();
        after.evidence.push(Passage {
            id: new_id("psg"),
            date: crate::ops::passage_date(&self.ws, &article, &anchor),
            article,
            anchor,
        });
        after.modified = now();
        self.apply(Edit::change_event(before, after));
        self.selected_event = Some(event.clone());
        self.reader.clear_selection();
        self.reader.picker_query.clear();
    }

    fn current_selection(&self) -> Option<(Id, usize, usize)> {
        let article = self.selected_article.clone()?;
        let (s, e) = self.reader.selection?;
        let text = &self.ws.article(&article)?.text;
        let (s, e) = trim_range(text, s, e)?;
        Some((article, s, e))
    }

    /// Make sure the open article is analysed (or being analysed) for its
    /// current text and date; take in a finished analysis.
    fn analyse(&mut self, ctx: &egui::Context, article: &Id) {
        let key = self.article_fingerprint(article).text;
        let reader = &mut self.reader;
        if reader
            .analysis
            .as_ref()
            .is_some_and(|a| &a.article == article && a.key == key)
        {
            return;
        }
        if let Some((aid, k, rx)) = &reader.analysing
            && aid == article
            && *k == key
        {
            match rx.try_recv() {
                Ok(result) => {
                    reader.analysing = None;
                    reader.install(result);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint(),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => reader.analysing = None,
            }
            return;
        }
        let Some(a) = self.ws.articles.iter().find(|a| &a.id == article).cloned() else {
            return;
        };
        if a.text.len() <= ANALYSE_INLINE_BYTES {
            reader.install(Analysis::of(&a, key));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("analyse article".into())
            .spawn(move || {
                let _ = tx.send(Analysis::of(&a, key));
                repaint.request_repaint();
            });
        if spawned.is_ok() {
            reader.analysing = Some((article.clone(), key, rx));
        }
    }

    /// The open article's fingerprint, recomputed when the workspace changes.
    fn article_fingerprint(&mut self, article: &Id) -> Fingerprint {
        let revision = self.ws.revision.get();
        if self
            .reader
            .fingerprint
            .as_ref()
            .is_none_or(|(r, a, _)| *r != revision || a != article)
        {
            let fp = fingerprint(&self.ws, article);
            self.reader.fingerprint = Some((revision, article.clone(), fp));
        }
        self.reader
            .fingerprint
            .as_ref()
            .map(|f| f.2)
            .unwrap_or_default()
    }

    /// How the open article's highlights look now.
    fn reader_style(&mut self, ui: &egui::Ui, article: &Id) -> Style {
        let fp = self.article_fingerprint(article);
        Style {
            passages: fp.passages,
            selected_event: self.selected_event.clone(),
            dark: ui.visuals().dark_mode,
            dates: self.reader.analysis_of(article).is_some(),
        }
    }
}

/// The runs of one article's text: the shortest covering passage wins,
/// so a passage inside another stays visible; the selected event's
/// passages win over the others; date expressions are underlined. A sweep
/// over the passage and date boundaries, so its cost follows the number
/// of highlights, not the length of the text.
fn runs(
    ws: &crate::model::Workspace,
    article: &Id,
    style: &Style,
    dates: &[crate::datefind::Found],
) -> Vec<Run> {
    let Some(a) = ws.article(article) else {
        return vec![];
    };
    let n = a.char_len();
    // (start, end, rank, colour, selected): the lowest rank wins.
    type Span = (usize, usize, (bool, usize, usize), Color32, bool);
    let mut spans: Vec<Span> = vec![];
    for e in &ws.events {
        let mut passages = e
            .evidence
            .iter()
            .filter(|p| &p.article == article && p.anchor.start < p.anchor.end.min(n))
            .peekable();
        if passages.peek().is_none() {
            continue;
        }
        let (colour, selected) = highlight(ws, e, style);
        for p in passages {
            let (s, e) = (p.anchor.start, p.anchor.end.min(n));
            let rank = (!selected, e - s, spans.len());
            spans.push((s, e, rank, colour, selected));
        }
    }
    let dated: Vec<(usize, usize)> = dates
        .iter()
        .map(|f| (f.start, f.end.min(n)))
        .filter(|(s, e)| s < e)
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for (s, e, ..) in &spans {
        cuts.extend([*s, *e]);
    }
    for (s, e) in &dated {
        cuts.extend([*s, *e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    spans.sort_unstable_by_key(|s| s.0);
    let mut dated = dated;
    dated.sort_unstable();
    let (mut next_span, mut next_date) = (0, 0);
    let mut active: Vec<usize> = vec![];
    let mut active_dates: Vec<usize> = vec![];
    // The byte of each cut, walking the text once.
    let mut chars = a.text.char_indices().map(|(b, _)| b).chain([a.text.len()]);
    let mut at_char = 0;
    let mut byte = chars.next().unwrap_or(0);
    let mut runs: Vec<Run> = vec![];
    for &cut in cuts.iter().filter(|&&c| c < n) {
        while next_span < spans.len() && spans[next_span].0 <= cut {
            active.push(next_span);
            next_span += 1;
        }
        active.retain(|&i| spans[i].1 > cut);
        while next_date < dated.len() && dated[next_date].0 <= cut {
            active_dates.push(next_date);
            next_date += 1;
        }
        active_dates.retain(|&i| dated[i].1 > cut);
        let winner = active.iter().map(|&i| &spans[i]).min_by_key(|s| s.2);
        while at_char < cut {
            byte = chars.next().unwrap_or(a.text.len());
            at_char += 1;
        }
        let run = Run {
            char: cut,
            byte,
            background: winner.map(|s| s.3),
            strong: winner.is_some_and(|s| s.4),
            date: !active_dates.is_empty(),
        };
        let same = runs.last().is_some_and(|r| {
            (r.background, r.strong, r.date) == (run.background, run.strong, run.date)
        });
        if !same {
            runs.push(run);
        }
    }
    runs
}

/// The colour of an event's highlights (its type's, stronger when it is
/// the selected event), and whether it is selected.
fn highlight(ws: &crate::model::Workspace, e: &Event, style: &Style) -> (Color32, bool) {
    let [r, g, b] = ws
        .event_type(&e.kind)
        .map(|t| t.rgb())
        .unwrap_or([128, 128, 128]);
    let selected = style.selected_event.as_deref() == Some(e.id.as_str());
    let alpha = match (selected, style.dark) {
        (true, true) => 200,
        (true, false) => 170,
        (false, true) => 90,
        (false, false) => 75,
    };
    (Color32::from_rgba_unmultiplied(r, g, b, alpha), selected)
}

/// How long one frame may spend measuring paragraphs ahead of the view.
const MEASURE_BUDGET: std::time::Duration = std::time::Duration::from_millis(3);

impl TextView {
    fn new(ui: &egui::Ui, article: &Id, text_fp: u64, text: &str, width: f32) -> TextView {
        let font = FontId::proportional(FONT_SIZE);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        // About half an em per Latin letter, until measured paragraphs tell.
        let paras = Paragraphs::new(text, row_height, width / (FONT_SIZE * 0.48));
        TextView {
            article: article.clone(),
            text: text_fp,
            width,
            row_height,
            galleys: vec![None; paras.len()],
            paras,
            style: None,
            runs: vec![],
            next: 0,
        }
    }

    /// Take a new look: the paragraphs are laid out again as they are shown.
    fn restyle(
        &mut self,
        ws: &crate::model::Workspace,
        style: &Style,
        dates: &[crate::datefind::Found],
    ) {
        if self.style.as_ref() == Some(style) {
            return;
        }
        self.runs = runs(ws, &self.article, style, dates);
        self.style = Some(style.clone());
        self.galleys.iter_mut().for_each(|g| *g = None);
    }

    /// Paragraph `i` laid out (`None` when it is empty), measuring it.
    fn galley(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        i: usize,
        layouts: &mut usize,
    ) -> Option<Arc<Galley>> {
        if let Some(g) = &self.galleys[i] {
            return Some(g.clone());
        }
        let bytes = self.paras.bytes[i].clone();
        if bytes.is_empty() {
            self.paras.set_measured(i, self.row_height);
            return None;
        }
        let visuals = ui.visuals();
        let font = FontId::proportional(FONT_SIZE);
        let underline = egui::Stroke::new(1.0, visuals.weak_text_color());
        let mut job = LayoutJob::default();
        job.wrap.max_width = self.width;
        let first = self.paras.chars[i].start;
        let mut k = self
            .runs
            .partition_point(|r| r.char <= first)
            .saturating_sub(1);
        while let Some(r) = self.runs.get(k).copied() {
            if r.byte >= bytes.end {
                break;
            }
            let end = self.runs.get(k + 1).map_or(text.len(), |n| n.byte);
            let (b0, b1) = (r.byte.max(bytes.start), end.min(bytes.end));
            if b0 < b1 {
                job.append(
                    &text[b0..b1],
                    0.0,
                    TextFormat {
                        font_id: font.clone(),
                        color: if r.strong {
                            visuals.strong_text_color()
                        } else {
                            visuals.text_color()
                        },
                        background: r.background.unwrap_or(Color32::TRANSPARENT),
                        underline: if r.date {
                            underline
                        } else {
                            egui::Stroke::NONE
                        },
                        ..Default::default()
                    },
                );
            }
            k += 1;
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        *layouts += 1;
        self.paras.set_measured(i, galley.size().y);
        self.galleys[i] = Some(galley.clone());
        Some(galley)
    }

    /// Before the frame: lay out what the view will show (at the last
    /// frame's offset) and, unless the view has just been opened, what is
    /// near it, measuring ahead for a few milliseconds. Returns
    /// the offset that keeps the view on the same text when heights above
    /// it changed.
    fn prepare(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        offset: f32,
        view: f32,
        ahead: bool,
        layouts: &mut usize,
    ) -> Option<f32> {
        let anchor = self.paras.anchor(offset);
        let before = self.paras.y_of(anchor);
        let unmeasured = self.paras.unmeasured();
        let band = if ahead {
            self.paras.between(offset - view, offset + 2.0 * view)
        } else {
            self.paras.between(offset, offset + view)
        };
        for i in band {
            self.galley(ui, text, i, layouts);
        }
        if !ahead {
            ui.ctx().request_repaint();
            return None;
        }
        let start = std::time::Instant::now();
        let n = self.paras.len();
        let mut wrapped = false;
        while self.paras.unmeasured() > 0 && start.elapsed() < MEASURE_BUDGET {
            if self.next >= n {
                if wrapped {
                    break;
                }
                (self.next, wrapped) = (0, true);
            }
            if !self.paras.is_measured(self.next) {
                // Only its height is kept: far paragraphs hold no layout.
                self.galley(ui, text, self.next, layouts);
                self.galleys[self.next] = None;
            }
            self.next += 1;
        }
        if self.paras.unmeasured() != unmeasured {
            self.paras.reestimate();
        }
        if self.paras.unmeasured() > 0 {
            ui.ctx().request_repaint();
        }
        // Keep the layouts of about three screens around the view.
        let keep = self.paras.between(offset - 3.0 * view, offset + 4.0 * view);
        for (i, g) in self.galleys.iter_mut().enumerate() {
            if !keep.contains(&i) {
                *g = None;
            }
        }
        let after = self.paras.y_of(anchor);
        ((after - before).abs() > 0.5).then_some(offset + after - before)
    }

    /// Where char `c` of paragraph `i` is, from the top-left of the text.
    fn char_rect(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        i: usize,
        c: usize,
        layouts: &mut usize,
    ) -> Rect {
        let galley = self.galley(ui, text, i, layouts);
        let top = self.paras.top(i);
        let r = &self.paras.chars[i];
        let local = c.clamp(r.start, r.end) - r.start;
        match galley {
            Some(g) => g
                .pos_from_cursor(CCursor::new(local))
                .translate(vec2(0.0, top)),
            None => Rect::from_min_size(Pos2::new(0.0, top), vec2(0.0, self.row_height)),
        }
    }

    /// Where chars `s..e` are, from the top-left of the text.
    fn range_rect(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        s: usize,
        e: usize,
        layouts: &mut usize,
    ) -> Rect {
        let a = self.char_rect(ui, text, self.paras.of_char(s), s, layouts);
        let b = self.char_rect(ui, text, self.paras.of_char(e), e, layouts);
        if (a.top() - b.top()).abs() < 1.0 {
            Rect::from_min_max(a.left_top(), b.right_bottom())
        } else {
            Rect::from_min_max(Pos2::new(0.0, a.top()), Pos2::new(self.width, b.bottom()))
        }
    }

    /// The char at point `p` (from the top-left of the text).
    fn char_at(&mut self, ui: &egui::Ui, text: &str, p: Vec2, layouts: &mut usize) -> usize {
        let i = self.paras.at_y(p.y);
        let galley = self.galley(ui, text, i, layouts);
        let top = self.paras.top(i);
        let start = self.paras.chars[i].start;
        galley.map_or(start, |g| {
            start + g.cursor_from_pos(vec2(p.x, p.y - top)).index.0
        })
    }

    /// The rows of paragraph `i` that chars `s..e` cover, from its top-left.
    fn selection_rects(&self, i: usize, galley: &Galley, s: usize, e: usize) -> Vec<Rect> {
        let r = &self.paras.chars[i];
        // A paragraph ends at its '\n'; a piece of a long one does not own
        // its end, which is where the next piece starts.
        let piece = self
            .paras
            .chars
            .get(i + 1)
            .is_some_and(|n| n.start == r.end);
        if e <= r.start || s > r.end || (piece && s == r.end) {
            return vec![];
        }
        let a = galley.pos_from_cursor(CCursor::new(s.max(r.start) - r.start));
        let b = galley.pos_from_cursor(CCursor::new(e.min(r.end) - r.start));
        // A selection that goes on past this paragraph takes its line end.
        let right = |x: f32| if e > r.end { self.width } else { x };
        if (a.top() - b.top()).abs() < 1.0 {
            return vec![Rect::from_x_y_ranges(
                a.left()..=right(b.left()),
                a.y_range(),
            )];
        }
        vec![
            Rect::from_x_y_ranges(a.left()..=self.width, a.y_range()),
            Rect::from_x_y_ranges(0.0..=self.width, a.bottom()..=b.top()),
            Rect::from_x_y_ranges(0.0..=right(b.left()), b.y_range()),
        ]
    }
}

/// The chars of the word (or the run of one kind of char) around `c`.
fn word_at(text: &str, paras: &Paragraphs, c: usize) -> (usize, usize) {
    let r = paras.chars[paras.of_char(c)].clone();
    let b = &paras.bytes[paras.of_char(c)];
    let chars: Vec<char> = text[b.clone()].chars().collect();
    if chars.is_empty() {
        return (r.start, r.start);
    }
    let kind = |ch: char| {
        if ch.is_whitespace() {
            0
        } else if word_char(ch) {
            1
        } else if ch.is_alphanumeric() {
            2
        } else {
            3
        }
    };
    let at = (c - r.start).min(chars.len() - 1);
    let k = kind(chars[at]);
    let (mut a, mut z) = (at, at + 1);
    while a > 0 && kind(chars[a - 1]) == k {
        a -= 1;
    }
    while z < chars.len() && kind(chars[z]) == k {
        z += 1;
    }
    (r.start + a, r.start + z)
}

/// The article's header; returns the id of its title, which labels the text.
/// Set an article's publication date as one undoable step.
fn set_published(app: &mut DetenteApp, id: &Id, date: Option<DateValue>, source: String) {
    let Some(before) = app.ws.article(id).cloned() else {
        return;
    };
    let mut after = before.clone();
    after.published = date;
    after.published_source = source;
    app.apply(Edit::change_article(before, after));
}

fn header(app: &mut DetenteApp, ui: &mut egui::Ui, id: &Id) -> egui::Id {
    // Only the small fields: the text is never copied per frame.
    let Some((title, outlet, published, source, url, from)) = app.ws.article(id).map(|a| {
        (
            a.title.clone(),
            a.outlet.clone(),
            a.published.clone(),
            a.published_source.clone(),
            a.url.clone(),
            a.imported_from.clone(),
        )
    }) else {
        return ui.scope_id();
    };
    let title_id = ui.heading(&title).id;
    ui.horizontal_wrapped(|ui| {
        ui.label(if outlet.is_empty() {
            "Unknown outlet"
        } else {
            &outlet
        });
        ui.separator();
        let label = ui.label("Published");
        let text = match &app.reader.published_text {
            Some((aid, t)) if aid == id => t.clone(),
            _ => published
                .as_ref()
                .map(|d| d.edtf().to_string())
                .unwrap_or_default(),
        };
        let mut buf = text.clone();
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut buf)
                    .desired_width(110.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(label.id);
        if resp.changed() {
            app.reader.published_text = Some((id.clone(), buf.clone()));
        }
        let parsed = if buf.trim().is_empty() {
            Ok(None)
        } else {
            crate::datefind::parse_typed(&buf).map(Some)
        };
        match &parsed {
            Ok(Some(d)) => {
                ui.weak(d.human());
            }
            Ok(None) => {
                ui.weak("no date");
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            }
        }
        if !source.is_empty() {
            ui.weak(format!("({source})"));
        }
        if published.is_none()
            && let Some((md, line)) = app.reader.analysis_of(id).and_then(|a| a.yearless.as_ref())
        {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "The dateline “{}” gives {md} without a year: type the full date.",
                    short(line)
                ),
            );
        }
        // The other dates the first lines give: one click corrects the date.
        let others: Vec<crate::pubdate::Candidate> = app
            .reader
            .analysis_of(id)
            .map(|a| {
                a.candidates
                    .iter()
                    .filter(|c| Some(c.value.edtf()) != published.as_ref().map(|d| d.edtf()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if !others.is_empty() {
            ui.menu_button(format!("Other dates ({})", others.len()), |ui| {
                for c in others {
                    let text = format!("{} — {}", c.value.human(), c.describe());
                    if ui.button(text).clicked() {
                        set_published(
                            app,
                            id,
                            Some(c.value.clone()),
                            format!("chosen by user, {}", c.describe()),
                        );
                        ui.close();
                    }
                }
            });
        }
        if resp.lost_focus() {
            app.reader.published_text = None;
            if let Ok(d) = parsed
                && d.as_ref().map(|d| d.edtf()) != published.as_ref().map(|d| d.edtf())
            {
                set_published(app, id, d, "set by user".into());
            }
        }
        if !url.is_empty() {
            ui.separator();
            ui.hyperlink(&url);
        }
        if !from.is_empty() {
            ui.separator();
            ui.weak(format!("from {from}"));
        }
        boilerplate_menu(app, ui, id);
        if ui
            .small_button("New version…")
            .on_hover_text("Replace the text with a corrected or newer version; passages are kept")
            .clicked()
        {
            app.send(super::Command::Reimport);
        }
    });
    title_id
}

/// Proposed boilerplate lines: the user unticks what to keep and drops
/// the rest, through the re-anchoring path (one undoable step).
fn boilerplate_menu(app: &mut DetenteApp, ui: &mut egui::Ui, id: &Id) {
    let proposals = match app.reader.analysis_of(id) {
        Some(a) if !a.boilerplate.is_empty() => a.boilerplate.clone(),
        _ => return,
    };
    // Ticking boxes must not close the menu.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(format!("Boilerplate ({})", proposals.len()))
        .config(config)
        .ui(ui, |ui| {
            ui.label("Lines that look like site furniture. Untick any to keep.");
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for p in &proposals {
                        let mut drop = !app.reader.keep_lines.contains(&p.line);
                        let text = format!("{} ({})", short(&p.text), p.reason);
                        if ui.checkbox(&mut drop, text).changed() {
                            if drop {
                                app.reader.keep_lines.remove(&p.line);
                            } else {
                                app.reader.keep_lines.insert(p.line);
                            }
                        }
                    }
                });
            let lines: Vec<usize> = proposals
                .iter()
                .map(|p| p.line)
                .filter(|l| !app.reader.keep_lines.contains(l))
                .collect();
            if ui
                .add_enabled(
                    !lines.is_empty(),
                    egui::Button::new(format!("Drop {} lines", lines.len())),
                )
                .clicked()
            {
                if let Some(a) = app.ws.article(id) {
                    let mut new = a.clone();
                    new.text = crate::boilerplate::drop_lines(&a.text, &lines);
                    new.text_hash = crate::import::text_hash(&new.text);
                    if let Some((edit, r)) = crate::anchor::replace_text_edit(&app.ws, id, &new) {
                        app.apply(edit);
                        app.reader.status = format!(
                            "Dropped {} lines; {} passages kept, {} orphaned.",
                            lines.len(),
                            r.exact + r.moved + r.fuzzy,
                            r.orphans
                        );
                    }
                }
                ui.close();
            }
        });
}

/// The tag bar. It is always there (disabled without a selection) so the
/// text never moves under the pointer while a selection is being made.
fn tag_bar(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let selection = app.reader.selection;
    ui.horizontal(|ui| {
        ui.add_enabled_ui(selection.is_some(), |ui| {
            if ui
                .button("New event from selection")
                .on_hover_text("Ctrl/Cmd+E")
                .clicked()
            {
                app.tag_selection();
            }
            add_to_event_menu(app, ui);
            if ui.button("Clear").clicked() {
                app.reader.clear_selection();
            }
        });
        match selection {
            Some((s, e)) => ui.weak(format!("{} characters selected", e - s)),
            None => ui.weak("Select a passage in the text to tag it."),
        };
        if !app.reader.status.is_empty() {
            ui.separator();
            ui.weak(app.reader.status.clone());
        }
    });
}

fn add_to_event_menu(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.menu_button("Add to event…", |ui| {
        let label = ui.label("Search events");
        ui.add(
            egui::TextEdit::singleline(&mut app.reader.picker_query)
                .hint_text("headline, place, date"),
        )
        .labelled_by(label.id)
        .request_focus();
        let q = app.reader.picker_query.to_lowercase();
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .show(ui, |ui| {
                for ev in crate::export::events_in_order(&app.ws) {
                    let date = ev
                        .date
                        .as_ref()
                        .map(|d| d.human())
                        .unwrap_or_else(|| "undated".into());
                    let line = format!("{date} · {}", ev.headline);
                    if !q.is_empty()
                        && !line.to_lowercase().contains(&q)
                        && !ev.place.to_lowercase().contains(&q)
                    {
                        continue;
                    }
                    if ui.button(line).clicked() {
                        chosen = Some(ev.id.clone());
                    }
                }
            });
        if let Some(id) = chosen {
            app.add_selection_to(&id);
            ui.close();
        }
    });
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let Some(id) = app.selected_article.clone() else {
        ui.centered_and_justified(|ui| {
            ui.label("Import articles to start: File > Import, or drop files here.")
        });
        return;
    };
    if app.ws.article(&id).is_none() {
        return;
    }
    app.analyse(ui.ctx(), &id);
    let title_id = header(app, ui, &id);
    tag_bar(app, ui);
    ui.separator();
    let style = app.reader_style(ui, &id);
    let text_fp = app.reader.fingerprint.as_ref().map_or(0, |f| f.2.text);
    let text: &str = app.ws.article(&id).map_or("", |a| a.text.as_str());
    let dates = app
        .reader
        .analysis_of(&id)
        .map(|a| a.dates.clone())
        .unwrap_or_default();
    let reader = &mut app.reader;
    let salt = ("reader", &id);
    let scroll_id = ui.make_persistent_id(egui::IdSalt::new(salt));
    let offset = reader
        .pending_offset
        .or_else(|| {
            egui::scroll_area::State::load(ui.ctx(), scroll_id).map(|s| s.clamped_offset().y)
        })
        .unwrap_or(0.0);
    // Lay out what the view will show before the scroll area places it
    // (at the last frame's width), make a jump to a passage, and keep the
    // view on its text when heights above it come in.
    let (width, height) = reader.view_size;
    let mut first = false;
    if height > 0.0
        && reader
            .view
            .as_ref()
            .is_none_or(|v| v.article != id || v.text != text_fp)
    {
        reader.view = Some(TextView::new(ui, &id, text_fp, text, width));
        first = true;
    }
    if let Some(view) = reader
        .view
        .as_mut()
        .filter(|v| v.article == id && v.text == text_fp && v.width == width)
    {
        view.restyle(&app.ws, &style, &dates);
        let mut offset = offset;
        if let Some((s, e)) = reader
            .scroll_to
            .as_ref()
            .and_then(|p| passage_range(&app.ws, &id, p))
        {
            let r = view.range_rect(ui, text, s, e, &mut reader.layouts);
            offset = (r.center().y - height / 2.0).max(0.0);
            reader.pending_offset = Some(offset);
            reader.scroll_to = None;
            first = true;
        }
        // Opening or jumping shows the view first; measuring goes on after.
        let ahead = !first;
        if let Some(y) = view.prepare(ui, text, offset, height, ahead, &mut reader.layouts) {
            reader.pending_offset = Some(y);
        }
    }
    let mut area = egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink(false);
    if let Some(y) = reader.pending_offset.take() {
        area = area.vertical_scroll_offset(y.max(0.0));
    }
    let out = area.show_viewport(ui, |ui, viewport| {
        text_area(app, ui, &id, title_id, (&style, text_fp, &dates), viewport)
    });
    debug_assert_eq!(out.id, scroll_id);
    app.reader.view_size = (
        app.reader.view.as_ref().map_or(0.0, |v| v.width),
        out.inner_rect.height(),
    );
    if let Some(at) = out.inner {
        click_highlight(app, &id, at);
    }
}

/// The article text in the scroll area: the paragraphs in view, the
/// selection made by dragging (double-click: a word; triple: a paragraph;
/// shift-click extends), date readings on hover, jumps and flashes.
/// Returns the char clicked without a drag.
fn text_area(
    app: &mut DetenteApp,
    ui: &mut egui::Ui,
    id: &Id,
    title_id: egui::Id,
    (style, text_fp, dates): (&Style, u64, &[crate::datefind::Found]),
    viewport: Rect,
) -> Option<usize> {
    let width = ui.available_width();
    let text: &str = app.ws.article(id).map_or("", |a| a.text.as_str());
    let reader = &mut app.reader;
    let layouts = &mut reader.layouts;
    let fresh = reader
        .view
        .as_ref()
        .is_none_or(|v| v.article != *id || v.text != text_fp || v.width != width);
    if fresh {
        let mut view = TextView::new(ui, id, text_fp, text, width);
        // A new width keeps the view on the same text, and the highlights.
        if let Some(mut old) = reader
            .view
            .take()
            .filter(|v| v.article == *id && v.text == text_fp)
        {
            let anchor = old.paras.anchor(viewport.min.y);
            (view.style, view.runs) = (old.style, old.runs);
            // Run this pass again at the offset that shows the same text.
            reader.pending_offset = Some(view.paras.y_of(anchor));
            ui.ctx().request_discard("the Reader's width changed");
        }
        reader.view = Some(view);
    }
    let view = reader.view.as_mut()?;
    view.restyle(&app.ws, style, dates);
    // Lay out the paragraphs in view; measuring one may bring in others.
    let mut shown = view.paras.between(viewport.min.y, viewport.max.y);
    for _ in 0..8 {
        for i in shown.clone() {
            view.galley(ui, text, i, layouts);
        }
        let now = view.paras.between(viewport.min.y, viewport.max.y);
        if now == shown {
            break;
        }
        shown = now;
    }
    let total = view.paras.total();
    let origin = ui.max_rect().min;
    let rect = Rect::from_min_size(origin, vec2(width, total.max(viewport.height())));
    ui.set_min_size(vec2(width, total));
    let text_id = ui.make_persistent_id(("reader-text", id));
    let resp = ui.interact(rect, text_id, egui::Sense::click_and_drag());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, ""));
    let resp = resp.labelled_by(title_id);
    if resp.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }

    // Selection.
    let (pressed, down, shift, pointer, press_origin) = ui.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.modifiers.shift,
            i.pointer.interact_pos(),
            i.pointer.press_origin(),
        )
    });
    let mut clicked_at = None;
    if pressed
        && resp.is_pointer_button_down_on()
        && let Some(p) = press_origin
    {
        resp.request_focus();
        reader.keyboard = true;
        let at = view.char_at(ui, text, p - origin, layouts);
        match (shift, reader.selection) {
            (true, Some((s, e))) => {
                let anchor = if at < s { e } else { s };
                reader.drag_anchor = Some(anchor);
                reader.selection = Some((anchor.min(at), anchor.max(at))).filter(|(a, b)| a < b);
            }
            _ => {
                reader.drag_anchor = Some(at);
                reader.selection = None;
            }
        }
    }
    if let (Some(anchor), true, Some(p)) = (reader.drag_anchor, down, pointer)
        && resp.is_pointer_button_down_on()
    {
        let at = view.char_at(ui, text, p - origin, layouts);
        reader.selection = Some((anchor.min(at), anchor.max(at))).filter(|(a, b)| a < b);
        // Past the edge of the view, the text scrolls on.
        let clip = ui.clip_rect();
        let past = if p.y < clip.top() {
            clip.top() - p.y
        } else if p.y > clip.bottom() {
            clip.bottom() - p.y
        } else {
            0.0
        };
        if past != 0.0 {
            ui.scroll_with_delta_animation(
                vec2(0.0, past.clamp(-40.0, 40.0)),
                egui::style::ScrollAnimation::none(),
            );
            ui.ctx().request_repaint();
        }
    }
    if let Some(p) = resp.interact_pointer_pos() {
        let at = view.char_at(ui, text, p - origin, layouts);
        if resp.triple_clicked() {
            let r = view.paras.chars[view.paras.of_char(at)].clone();
            reader.selection = Some((r.start, r.end)).filter(|(a, b)| a < b);
            reader.drag_anchor = Some(r.start);
        } else if resp.double_clicked() {
            let (a, z) = word_at(text, &view.paras, at);
            reader.selection = Some((a, z)).filter(|(a, b)| a < b);
            reader.drag_anchor = Some(a);
        } else if resp.clicked() && !shift && reader.selection.is_none() {
            clicked_at = Some(at);
        }
    }
    if pressed && !resp.is_pointer_button_down_on() {
        reader.keyboard = false;
    }
    // The keyboard works on the text after a press in it, until a press
    // elsewhere, and never while another widget (a text field) has focus.
    let focused = ui.memory(|m| m.focused());
    if resp.has_focus() || (reader.keyboard && focused.is_none()) {
        // Arrow keys move the selection's end here, not the focus.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                text_id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            )
        });
        let keys: Vec<(egui::Key, egui::Modifiers)> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } if modifiers.shift => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        if let Some((s, e)) = reader.selection
            && !keys.is_empty()
        {
            // Shift+arrows (Ctrl/Alt: by word), Shift+Home/End: the end that
            // moved last moves on; the other stays.
            let n = text.chars().count();
            let (anchor, mut head) = if reader.drag_anchor == Some(e) {
                (e, s)
            } else {
                (s, e)
            };
            for (key, m) in keys {
                let by_word = m.command || m.alt;
                head = match key {
                    egui::Key::ArrowRight if by_word => {
                        let (_, z) = word_at(text, &view.paras, head.min(n.saturating_sub(1)));
                        if z > head { z } else { (head + 1).min(n) }
                    }
                    egui::Key::ArrowRight => (head + 1).min(n),
                    egui::Key::ArrowLeft if by_word => head
                        .checked_sub(1)
                        .map_or(0, |h| word_at(text, &view.paras, h).0),
                    egui::Key::ArrowLeft => head.saturating_sub(1),
                    egui::Key::ArrowUp | egui::Key::ArrowDown => {
                        let r = view.char_rect(ui, text, view.paras.of_char(head), head, layouts);
                        let dy =
                            if key == egui::Key::ArrowUp { -1.0 } else { 1.0 } * view.row_height;
                        view.char_at(ui, text, vec2(r.left(), r.center().y + dy), layouts)
                    }
                    egui::Key::Home => view.paras.chars[view.paras.of_char(head)].start,
                    egui::Key::End => view.paras.chars[view.paras.of_char(head)].end,
                    _ => head,
                };
            }
            reader.drag_anchor = Some(anchor);
            reader.selection = Some((anchor.min(head), anchor.max(head))).filter(|(a, b)| a < b);
            let r = view.char_rect(ui, text, view.paras.of_char(head), head, layouts);
            ui.scroll_to_rect(r.translate(origin.to_vec2()), None);
        }
        let (copy, all) = ui.input(|i| {
            (
                i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
                i.modifiers.command && i.key_pressed(egui::Key::A),
            )
        });
        if all && !text.is_empty() {
            reader.selection = Some((0, text.chars().count()));
        }
        if copy && let Some((s, e)) = reader.selection {
            let idx = crate::model::CharIndex::new(text);
            ui.ctx()
                .copy_text(text[idx.byte(s)..idx.byte(e)].to_string());
        }
    }

    // Paint the paragraphs in view, the selection over them.
    let painter = ui.painter().clone();
    let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
    let text_colour = ui.visuals().text_color();
    let mut hover_char = None;
    let hover = resp.hover_pos().filter(|_| !down);
    for i in shown {
        let top = view.paras.top(i);
        let at = origin + vec2(0.0, top);
        let Some(galley) = view.galleys[i].clone() else {
            // An empty line inside the selection is selected too.
            let r = &view.paras.chars[i];
            if let Some((s, e)) = reader.selection
                && s <= r.start
                && e > r.end
            {
                let line = Rect::from_min_size(at, vec2(width, view.paras.height(i)));
                painter.rect_filled(line, 0.0, selection_fill);
            }
            continue;
        };
        painter.galley(at, galley.clone(), text_colour);
        if let Some((s, e)) = reader.selection {
            for r in view.selection_rects(i, &galley, s, e) {
                painter.rect_filled(r.translate(at.to_vec2()), 0.0, selection_fill);
            }
        }
        if let Some(p) = hover
            && (top..top + view.paras.height(i)).contains(&(p.y - origin.y))
        {
            let local = galley.cursor_from_pos(p - at).index.0;
            hover_char = Some(view.paras.chars[i].start + local);
        }
        // Each paragraph in view is a node for screen readers.
        let rect = Rect::from_min_size(at, galley.size());
        ui.scope_builder(
            egui::UiBuilder::new()
                .id_salt(("paragraph", i))
                .accessibility_parent(text_id)
                .max_rect(rect),
            |ui| {
                let pid = text_id.with(("paragraph", i));
                let r = ui.interact(rect, pid, egui::Sense::hover());
                r.widget_info(|| {
                    let b = view.paras.bytes[i].clone();
                    egui::WidgetInfo::labeled(egui::Role::Paragraph, true, &text[b])
                });
            },
        );
    }
    // Date expressions show how they were read.
    if let Some(at) = hover_char
        && let Some(f) = dates.iter().find(|f| f.start <= at && at < f.end)
    {
        let reading = match &f.value {
            Some(v) => format!("“{}” = {} ({})\n{}", f.text, v.human(), v.edtf(), f.rule),
            None => format!("“{}”: {}", f.text, f.rule),
        };
        resp.clone().on_hover_text_at_pointer(reading);
    }

    // Jump to a passage, and flash it.
    let passage = |pid: &Id| passage_range(&app.ws, id, pid);
    if let Some((s, e)) = reader.scroll_to.as_ref().and_then(passage) {
        reader.scroll_to = None;
        // Centre it, in this very frame: egui runs the pass again.
        let r = view.range_rect(ui, text, s, e, layouts);
        reader.pending_offset = Some((r.center().y - viewport.height() / 2.0).max(0.0));
        ui.ctx().request_discard("the Reader jumps to a passage");
    }
    if let Some((pid, started)) = reader.flash.clone() {
        let now = ui.input(|i| i.time);
        let started = started.unwrap_or(now);
        let t = now - started;
        reader.flash = (t <= 1.6).then(|| (pid.clone(), Some(started)));
        if let Some((s, e)) = passage(&pid).filter(|_| t <= 1.6) {
            let r = view.range_rect(ui, text, s, e, layouts);
            let alpha = (1.0 - t / 1.6).clamp(0.0, 1.0) as f32;
            let colour = ui.visuals().selection.stroke.color.gamma_multiply(alpha);
            ui.painter().rect_stroke(
                r.translate(origin.to_vec2()).expand(3.0),
                3.0,
                egui::Stroke::new(3.0, colour),
                egui::StrokeKind::Outside,
            );
            ui.ctx().request_repaint();
        }
    }
    clicked_at
}

/// The chars of passage `pid`, if it is in `article`.
fn passage_range(ws: &crate::model::Workspace, article: &Id, pid: &Id) -> Option<(usize, usize)> {
    ws.events
        .iter()
        .flat_map(|e| &e.evidence)
        .find(|p| &p.id == pid && &p.article == article)
        .map(|p| (p.anchor.start, p.anchor.end))
}

fn click_highlight(app: &mut DetenteApp, article: &Id, at: usize) {
    let hit = app
        .ws
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(move |p| (e, p)))
        .filter(|(_, p)| &p.article == article && p.anchor.start <= at && at < p.anchor.end)
        .min_by_key(|(_, p)| p.anchor.end - p.anchor.start)
        .map(|(e, _)| e.id.clone());
    if let Some(ev) = hit {
        app.select_event(&ev, false);
        let headline = app
            .ws
            .event(&ev)
            .map(|e| short(&e.headline))
            .unwrap_or_default();
        app.reader.status = format!("Selected: {headline}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule, char by char, as it reads: what `runs` must agree with.
    fn per_char(
        ws: &crate::model::Workspace,
        article: &Id,
        style: &Style,
        dates: &[crate::datefind::Found],
    ) -> Vec<(Option<Color32>, bool, bool)> {
        let a = ws.article(article).unwrap();
        let n = a.char_len();
        let mut best: Vec<Option<(usize, Color32, bool)>> = vec![None; n];
        for e in &ws.events {
            let (colour, selected) = highlight(ws, e, style);
            for p in e.evidence.iter().filter(|p| &p.article == article) {
                let len = p.anchor.end - p.anchor.start;
                for slot in &mut best[p.anchor.start..p.anchor.end] {
                    if slot.is_none_or(|(l, _, sel)| {
                        (selected && !sel) || ((selected || !sel) && len < l)
                    }) {
                        *slot = Some((len, colour, selected));
                    }
                }
            }
        }
        (0..n)
            .map(|c| {
                (
                    best[c].map(|b| b.1),
                    best[c].is_some_and(|b| b.2),
                    dates.iter().any(|f| f.start <= c && c < f.end),
                )
            })
            .collect()
    }

    #[test]
    fn highlight_runs_follow_the_shortest_and_the_selected_passage() {
        let text = "Vienna, 11 May 2023 — Sullivan met Wang Yi.\n会谈坦诚。On Thursday they met again; \
                    the talks lasted eight hours, officials said on 12 May.";
        let mut ws = crate::model::Workspace::new("t");
        let (a, _) = crate::import::prepare_bytes(text.as_bytes(), "t.txt", None).unwrap();
        let id = a.id.clone();
        let n = a.char_len();
        ws.articles.push(a.into());
        // Nested, overlapping, touching and identical passages.
        let ranges = [
            (0, 40),
            (8, 19),
            (10, 30),
            (30, 45),
            (44, 50),
            (10, 30),
            (52, 90),
            (60, 61),
        ];
        let kinds = ["040", "042", "111", "036", "043", "171", "044", "125"];
        let mut ids = vec![];
        for ((s, e), k) in ranges.iter().zip(kinds) {
            let anchor = Anchor::from_range(&ws.article(&id).unwrap().text, *s, *e).unwrap();
            let spec = crate::ops::NewEvent {
                headline: format!("{s}-{e}"),
                kind: k.into(),
                ..Default::default()
            };
            ids.push(crate::ops::tag_new_event(&mut ws, &id, anchor, spec).unwrap());
        }
        let dates = crate::datefind::find_dates(&ws.article(&id).unwrap().text, None);
        assert!(dates.len() >= 2, "the test text has dates");
        for selected in [None, Some(ids[0].clone()), Some(ids[2].clone())] {
            for dark in [true, false] {
                let style = Style {
                    passages: 0,
                    selected_event: selected.clone(),
                    dark,
                    dates: true,
                };
                let runs = runs(&ws, &id, &style, &dates);
                let want = per_char(&ws, &id, &style, &dates);
                let text = &ws.article(&id).unwrap().text;
                let mut got = vec![];
                for (k, r) in runs.iter().enumerate() {
                    let end = runs.get(k + 1).map_or(n, |r| r.char);
                    assert_eq!(text.char_indices().nth(r.char).unwrap().0, r.byte);
                    got.extend((r.char..end).map(|_| (r.background, r.strong, r.date)));
                }
                assert_eq!(got, want, "selected {selected:?}, dark {dark}");
            }
        }
    }

    #[test]
    fn headline_is_the_sentence_around_the_selection() {
        let text = "Intro line.\nUS adviser Jake Sullivan met Wang Yi in Vienna. They talked.";
        let s = text.chars().position(|c| c == 'J').unwrap();
        assert_eq!(
            sentence_around(text, s, s + 13),
            "US adviser Jake Sullivan met Wang Yi in Vienna."
        );
        assert_eq!(trim_range("  ab  ", 0, 6), Some((2, 4)));
        assert_eq!(trim_range("   ", 0, 3), None);
        // "rity advisor Jake Sullivan met with top C" grows to whole words.
        let t = "US security advisor Jake met Chinese diplomat";
        let (a, b) = trim_range(t, 6, 30).unwrap();
        assert_eq!(&t[a..b], "security advisor Jake met Chinese");
        // CJK is taken as selected.
        let t = "香港行政长官梁振英";
        assert_eq!(trim_range(t, 2, 4), Some((2, 4)));
    }
}
