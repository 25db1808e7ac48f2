//! The tag bar under the text: tag the selection as a new event (headline
//! from its sentence, date from the article) or add it to an event picked
//! from a searchable list.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::core::model::{Anchor, Event, Id, Passage, author, new_id, now};
use crate::dates::edtf::DateValue;
use crate::ui::app::DetenteApp;
use crate::ui::reader::selection::trim_range;

/// The date to prefill for a passage: from the date expression inside (or
/// nearest to) it, resolved against the article's date; else the article's
/// date itself, marked as such.
pub fn suggested_date(a: &crate::core::model::Article, s: usize, e: usize) -> Option<DateValue> {
    let anchor = a.published.as_ref().and_then(|d| d.earliest());
    let found = crate::dates::find::find_dates(&a.text, anchor);
    let chars: Vec<char> = a.text.chars().collect();
    if let Some(v) = crate::dates::find::passage_date_in(&found, &chars, s, e) {
        return Some(v);
    }
    a.published.as_ref().map(DateValue::from_publication)
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

/// The tag bar. It is always there (disabled without a selection) so the
/// text never moves under the pointer while a selection is being made.
pub(crate) fn tag_bar(app: &mut DetenteApp, ui: &mut egui::Ui) {
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
        let now = ui.input(|i| i.time);
        let status = app
            .reader
            .status_now(now, &app.selected_article, &app.selected_event);
        // What is said here is cut at the panel's edge (whole on hover):
        // a long line must never widen the Reader past the window.
        let hint = match (selection, status) {
            (_, Some(s)) => {
                // Gone after its few seconds even if nothing else happens.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(
                        crate::ui::reader::state::STATUS_SECONDS,
                    ));
                s
            }
            (Some((s, e)), None) => format!("{} characters selected", e - s),
            (None, None) => "Select a passage in the text to tag it.".into(),
        };
        ui.add(egui::Label::new(egui::RichText::new(&hint).weak()).truncate());
    });
}

pub(crate) fn add_to_event_menu(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.menu_button("Add to event…", |ui| {
        let label = ui.label("Search events");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut app.reader.picker_query)
                    .hint_text("headline, place, date"),
            )
            .labelled_by(label.id);
        search.request_focus();
        let q = app.reader.picker_query.to_lowercase();
        let matches: Vec<(String, crate::core::model::Id)> =
            crate::core::order::events_in_order(&app.ws)
                .into_iter()
                .filter_map(|ev| {
                    let date = ev
                        .date
                        .as_ref()
                        .map(|d| d.human())
                        .unwrap_or_else(|| "undated".into());
                    let line = format!("{date} · {}", ev.headline);
                    let hit = q.is_empty()
                        || line.to_lowercase().contains(&q)
                        || ev.place.to_lowercase().contains(&q);
                    hit.then(|| (line, ev.id.clone()))
                })
                .collect();
        let mut chosen = None;
        // Enter takes the one match (or the first of several, as a
        // search box does).
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) && !q.is_empty() {
            chosen = matches.first().map(|(_, id)| id.clone());
        }
        if matches.is_empty() {
            ui.weak("No event matches.");
        }
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .show(ui, |ui| {
                for (line, id) in &matches {
                    if ui.button(line).clicked() {
                        chosen = Some(id.clone());
                    }
                }
            });
        if let Some(id) = chosen {
            app.add_selection_to(&id);
            ui.close();
        }
    });
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
        let date = suggested_date(a, s, e);
        // What the sentence says is to come starts planned, not occurred.
        let status = crate::core::ops::default_status(date.as_ref(), a.published.as_ref());
        let ev = Event {
            date_review: String::new(),
            past: Default::default(),
            id: new_id("evt"),
            headline: sentence_around(&a.text, s, e),
            kind: "040".into(),
            date,
            actors: vec![],
            place: String::new(),
            status,
            tags: vec![],
            notes: String::new(),
            evidence: vec![Passage {
                id: new_id("psg"),
                article: article.clone(),
                date: crate::core::ops::passage_date(&self.ws, &article, &anchor),
                anchor,
                created: t.clone(),
                created_by: author(),
            }],
            created_by: author(),
            changed_by: author(),
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
            date: crate::core::ops::passage_date(&self.ws, &article, &anchor),
            article,
            anchor,
            created: now(),
            created_by: author(),
        });
        after.modified = now();
        after.changed_by = author();
        self.apply(Edit::change_event(before, after));
        self.selected_event = Some(event.clone());
        self.reader.clear_selection();
        self.reader.picker_query.clear();
    }

    pub(crate) fn current_selection(&self) -> Option<(Id, usize, usize)> {
        let article = self.selected_article.clone()?;
        let (s, e) = self.reader.selection?;
        let text = &self.ws.article(&article)?.text;
        let (s, e) = trim_range(text, s, e)?;
        Some((article, s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::reader::selection::trim_range;

    #[test]
    pub(crate) fn headline_is_the_sentence_around_the_selection() {
        let text = "Intro line.\nUS adviser Jake Sullivan met Wang Yi in Vienna. They talked.";
        let s = text.chars().position(|c| c == 'J').unwrap();
        assert_eq!(
            sentence_around(text, s, s + 13),
            "US adviser Jake Sullivan met Wang Yi in Vienna."
        );
        assert_eq!(trim_range("  ab  ", 0, 6), Some((2, 4)));
        assert_eq!(trim_range("   ", 0, 3), None);
        // The end of the sentence before is no part of the quote.
        let t = "They met. On the second day, talks went on.";
        let s = t.find(". On").unwrap();
        let (a, b) = trim_range(t, s, t.len()).unwrap();
        assert_eq!(&t[a..b], "On the second day, talks went on.");
        assert_eq!(trim_range(t, s, s + 2), None);
        // "rity advisor Jake Sullivan met with top C" grows to whole words.
        let t = "US security advisor Jake met Chinese diplomat";
        let (a, b) = trim_range(t, 6, 30).unwrap();
        assert_eq!(&t[a..b], "security advisor Jake met Chinese");
        // CJK is taken as selected.
        let t = "香港行政长官梁振英";
        assert_eq!(trim_range(t, 2, 4), Some((2, 4)));
    }
}
