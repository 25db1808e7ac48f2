//! The Reader: the article's text with tagged passages highlighted,
//! selection, the tag bar, and jumps to passages.

use super::DetenteApp;
use crate::dates::DateValue;
use crate::history::Edit;
use crate::model::{Anchor, CharIndex, Event, Id, Passage, Status, new_id, now, short};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Rect};
use std::sync::Arc;

#[derive(PartialEq, Clone)]
struct Key {
    article: Id,
    width_bits: u32,
    dark: bool,
    /// What is drawn of the article: edits elsewhere leave it unchanged.
    fingerprint: Fingerprint,
    selected_event: Option<Id>,
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

#[derive(Default)]
pub struct ReaderState {
    cache: Option<(Key, Arc<Galley>)>,
    /// The selected chars of the open article (start < end).
    pub selection: Option<(usize, usize)>,
    /// A passage to scroll to on the next frame.
    pub scroll_to: Option<Id>,
    /// A passage to flash briefly, with the time the flash started.
    pub flash: Option<(Id, Option<f64>)>,
    pub picker_query: String,
    pub status: String,
    /// Clear the text widget's own selection on the next frame.
    clear_cursor: bool,
    published_text: Option<(Id, String)>,
    /// How many times the article text has been laid out (for tests).
    pub layouts: usize,
    /// Boilerplate proposals of the open article, per text hash.
    pub boilerplate: Option<(String, Id, Vec<crate::boilerplate::Proposal>)>,
    /// A dateline of the open article that gives no year.
    pub yearless: Option<(String, String)>,
    /// Proposed lines the user chose to keep.
    pub keep_lines: std::collections::HashSet<usize>,
    /// Publication-date candidates of the open article, per text hash.
    pub pub_candidates: Option<(String, Id, Vec<crate::pubdate::Candidate>)>,
    /// Date expressions of the open article, per text fingerprint.
    pub dates: Option<(u64, Id, Arc<Vec<crate::datefind::Found>>)>,
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
    /// Drop the selection, in our state and in the text widget.
    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.clear_cursor = true;
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

    /// Lay out the article with highlights, reusing the last layout until
    /// the text, highlights, width, theme or selected event change.
    fn galley(&mut self, ui: &egui::Ui, article: &Id, width: f32) -> Arc<Galley> {
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
        let fp = self
            .reader
            .fingerprint
            .as_ref()
            .map(|f| f.2)
            .unwrap_or_default();
        let key = Key {
            article: article.clone(),
            width_bits: width.to_bits(),
            dark: ui.visuals().dark_mode,
            fingerprint: fp,
            selected_event: self.selected_event.clone(),
        };
        if let Some((k, g)) = &self.reader.cache
            && *k == key
        {
            return g.clone();
        }
        let stale_dates = self
            .reader
            .dates
            .as_ref()
            .is_none_or(|(t, a, _)| *t != fp.text || a != article);
        if stale_dates && let Some(a) = self.ws.article(article) {
            let anchor = a.published.as_ref().and_then(|d| d.earliest());
            let found = crate::datefind::find_dates(&a.text, anchor);
            self.reader.dates = Some((fp.text, article.clone(), Arc::new(found)));
        }
        let job = self.layout_job(ui, article, width);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        self.reader.layouts += 1;
        self.reader.cache = Some((key, galley.clone()));
        galley
    }

    fn layout_job(&self, ui: &egui::Ui, article: &Id, width: f32) -> LayoutJob {
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        let Some(a) = self.ws.article(article) else {
            return job;
        };
        let dark = ui.visuals().dark_mode;
        let text_colour = ui.visuals().text_color();
        let strong = ui.visuals().strong_text_color();
        let font = FontId::proportional(15.5);
        let n = a.char_len();
        // Per char: the shortest covering passage wins, so a passage inside
        // another stays visible; the selected event's passages are stronger.
        let mut best: Vec<Option<(usize, Color32, bool)>> = vec![None; n];
        for e in &self.ws.events {
            let [r, g, b] = self
                .ws
                .event_type(&e.kind)
                .map(|t| t.rgb())
                .unwrap_or([128, 128, 128]);
            let selected = self.selected_event.as_deref() == Some(e.id.as_str());
            let alpha = match (selected, dark) {
                (true, true) => 200,
                (true, false) => 170,
                (false, true) => 90,
                (false, false) => 75,
            };
            let colour = Color32::from_rgba_unmultiplied(r, g, b, alpha);
            for p in e.evidence.iter().filter(|p| &p.article == article) {
                let len = p.anchor.end - p.anchor.start;
                for slot in best
                    .iter_mut()
                    .take(p.anchor.end.min(n))
                    .skip(p.anchor.start)
                {
                    if slot.is_none_or(|(l, _, sel)| {
                        (selected && !sel) || ((selected || !sel) && len < l)
                    }) {
                        *slot = Some((len, colour, selected));
                    }
                }
            }
        }
        // Date expressions are underlined; hovering one shows its reading.
        let mut dated = vec![false; n];
        if let Some((_, aid, found)) = &self.reader.dates
            && aid == article
        {
            for f in found.iter() {
                for slot in dated.iter_mut().take(f.end.min(n)).skip(f.start) {
                    *slot = true;
                }
            }
        }
        let underline = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
        let idx = CharIndex::new(&a.text);
        let mut start = 0;
        while start < n {
            let here = best[start].map(|(_, c, s)| (c, s));
            let date_here = dated[start];
            let mut end = start + 1;
            while end < n && best[end].map(|(_, c, s)| (c, s)) == here && dated[end] == date_here {
                end += 1;
            }
            job.append(
                &a.text[idx.byte(start)..idx.byte(end)],
                0.0,
                TextFormat {
                    font_id: font.clone(),
                    color: if here.is_some_and(|(_, s)| s) {
                        strong
                    } else {
                        text_colour
                    },
                    background: here.map(|(c, _)| c).unwrap_or(Color32::TRANSPARENT),
                    underline: if date_here {
                        underline
                    } else {
                        egui::Stroke::NONE
                    },
                    ..Default::default()
                },
            );
            start = end;
        }
        job
    }
}

fn range_rect(galley: &Galley, origin: egui::Pos2, s: usize, e: usize) -> Rect {
    let a = galley
        .pos_from_cursor(CCursor::new(s))
        .translate(origin.to_vec2());
    let b = galley
        .pos_from_cursor(CCursor::new(e))
        .translate(origin.to_vec2());
    if (a.top() - b.top()).abs() < 1.0 {
        Rect::from_min_max(a.left_top(), b.right_bottom())
    } else {
        Rect::from_min_max(
            egui::pos2(origin.x, a.top()),
            egui::pos2(origin.x + galley.rect.width(), b.bottom()),
        )
    }
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
    // Derived from the text alone: recomputed when the text changes, not
    // on every edit elsewhere in the workspace.
    let text_hash = app
        .ws
        .article(id)
        .map(|a| a.text_hash.clone())
        .unwrap_or_default();
    if app
        .reader
        .pub_candidates
        .as_ref()
        .is_none_or(|(h, a, _)| *h != text_hash || a != id)
    {
        let revision = text_hash;
        let text = app.ws.article(id).map(|a| a.text.as_str()).unwrap_or("");
        app.reader.pub_candidates = Some((
            revision.clone(),
            id.clone(),
            crate::pubdate::candidates(text),
        ));
        app.reader.boilerplate = Some((revision, id.clone(), crate::boilerplate::propose(text)));
        app.reader.yearless = crate::pubdate::yearless_dateline(text);
        app.reader.keep_lines.clear();
    }
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
            && let Some((md, line)) = &app.reader.yearless
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
            .pub_candidates
            .as_ref()
            .map(|(_, _, c)| {
                c.iter()
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
    let proposals = match &app.reader.boilerplate {
        Some((_, a, p)) if a == id && !p.is_empty() => p.clone(),
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
    let title_id = header(app, ui, &id);
    tag_bar(app, ui);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("reader", &id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width();
            let galley = app.galley(ui, &id, width);
            let mut layouter = |_ui: &egui::Ui, _t: &dyn egui::TextBuffer, _w: f32| galley.clone();
            // Borrow the text: no per-frame copy of the article.
            let mut text: &str = app.ws.article(&id).map(|a| a.text.as_str()).unwrap_or("");
            let text_id = ui.make_persistent_id(("reader-text", &id));
            if std::mem::take(&mut app.reader.clear_cursor)
                && let Some(mut st) = egui::text_edit::TextEditState::load(ui.ctx(), text_id)
            {
                st.cursor.set_char_range(None);
                st.store(ui.ctx(), text_id);
            }
            let output = egui::TextEdit::multiline(&mut text)
                .id(text_id)
                .desired_width(width)
                .frame(egui::Frame::NONE)
                .margin(egui::Margin::ZERO)
                .layouter(&mut layouter)
                .show(ui);
            // The text is read-only, so TextEdit's own undo history would
            // only keep (and copy, every frame) full copies of the article.
            let mut state = output.state.clone();
            state.clear_undoer();
            state.store(ui.ctx(), text_id);
            let resp = output.response.response.clone().labelled_by(title_id);
            // Not while a button is down: a drag needs no date tooltips.
            if let Some(pos) = resp.hover_pos()
                && !ui.input(|i| i.pointer.any_down())
                && let Some((_, aid, found)) = &app.reader.dates
                && *aid == id
            {
                let at = output
                    .galley
                    .cursor_from_pos(pos - output.galley_pos)
                    .index
                    .0;
                if let Some(f) = found.iter().find(|f| f.start <= at && at < f.end) {
                    let reading = match &f.value {
                        Some(v) => {
                            format!("“{}” = {} ({})\n{}", f.text, v.human(), v.edtf(), f.rule)
                        }
                        None => format!("“{}”: {}", f.text, f.rule),
                    };
                    resp.clone().on_hover_text_at_pointer(reading);
                }
            }
            if let Some(r) = output.cursor_range {
                let [a, b] = r.sorted_cursors();
                if a.index.0 < b.index.0 {
                    app.reader.selection = Some((a.index.0, b.index.0));
                } else if resp.clicked() {
                    app.reader.selection = None;
                    click_highlight(app, &id, a.index.0);
                }
            }
            if let Some(pid) = app.reader.scroll_to.clone()
                && let Some(p) = app
                    .ws
                    .events
                    .iter()
                    .flat_map(|e| &e.evidence)
                    .find(|p| p.id == pid && p.article == id)
            {
                let rect = range_rect(
                    &output.galley,
                    output.galley_pos,
                    p.anchor.start,
                    p.anchor.end,
                );
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
                app.reader.scroll_to = None;
            }
            flash(app, ui, &id, &output.galley, output.galley_pos);
        });
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

fn flash(app: &mut DetenteApp, ui: &egui::Ui, article: &Id, galley: &Galley, origin: egui::Pos2) {
    let Some((pid, started)) = app.reader.flash.clone() else {
        return;
    };
    let now = ui.input(|i| i.time);
    let started = started.unwrap_or(now);
    app.reader.flash = Some((pid.clone(), Some(started)));
    let t = now - started;
    if t > 1.6 {
        app.reader.flash = None;
        return;
    }
    if let Some(p) = app
        .ws
        .events
        .iter()
        .flat_map(|e| &e.evidence)
        .find(|p| p.id == pid && &p.article == article)
    {
        let rect = range_rect(galley, origin, p.anchor.start, p.anchor.end).expand(3.0);
        let alpha = (1.0 - t / 1.6).clamp(0.0, 1.0);
        let colour = ui
            .visuals()
            .selection
            .stroke
            .color
            .gamma_multiply(alpha as f32);
        ui.painter().rect_stroke(
            rect,
            3.0,
            egui::Stroke::new(3.0, colour),
            egui::StrokeKind::Outside,
        );
        ui.ctx().request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
