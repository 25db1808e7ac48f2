//! The Notebook tab: the analyst's memos. A list on the left; the memo on
//! the right, read as rendered Markdown (egui_commonmark) whose links jump
//! to the passage, event, article or memo they name, or written as plain
//! text, where typing `[[` opens a picker that inserts a link. The draft
//! becomes one undoable step when the writer pauses, leaves the field or
//! runs a command, never at every key.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::history::Edit;
use crate::core::memo::{self, Target, link_markdown};
use crate::core::model::{Id, Memo, author, now};
use crate::text::normalise::short;
use crate::ui::app::{BottomTab, DetenteApp};
use crate::ui::notebook::state::{Picker, editable};
use egui::text::{CCursor, CCursorRange};
use egui::{Key, Modifiers};

/// The label of the memo's text field.
pub const TEXT_LABEL: &str = "Memo text (Markdown; type [[ to link)";

/// Shown for a memo with no title yet.
const UNTITLED: &str = "Untitled memo";

/// Seconds without typing after which a draft is committed.
const PAUSE: f64 = 2.0;
/// Rows the `[[` picker lists.
const PICKER_ROWS: usize = 8;

impl DetenteApp {
    /// Commit the memo being written, if it changed, as one undoable step.
    pub fn flush_memo(&mut self) {
        let Some(draft) = self.notebook.draft.clone() else {
            return;
        };
        let Some(stored) = self.ws.memo(&draft.id).cloned() else {
            self.notebook.draft = None;
            return;
        };
        // Only what the writer edits goes from the draft into the memo:
        // the rest (its `past`, which a save adds to) stays as stored.
        let mut after = stored.clone();
        after.title = draft.title.trim().to_string();
        after.text = draft.text.clone();
        after.tags = tags_of(&self.notebook.tags_text);
        if editable(&after) == editable(&stored) {
            return;
        }
        after.modified = now();
        after.changed_by = author();
        // Writing goes on: the draft is now the stored memo, and a link
        // being picked stays open.
        let picker = self.notebook.picker.take();
        self.apply(Edit::memo(Some(stored), Some(after.clone())));
        self.notebook.draft_from = Some(editable(&after));
        self.notebook.draft = Some(after);
        self.notebook.picker = picker;
    }

    /// Show a memo in the Notebook.
    pub fn open_memo(&mut self, id: &Id) {
        if self.notebook.selected.as_ref() != Some(id) {
            self.flush_memo();
            self.notebook.selected = Some(id.clone());
            self.notebook.draft = None;
            self.notebook.picker = None;
            self.notebook.editing = false;
        }
        self.bottom_tab = BottomTab::Notebook;
    }

    /// A new memo (its title and text), shown and ready to write.
    pub fn new_memo_with(&mut self, title: &str, text: String) {
        self.flush_memo();
        let mut m = memo::new_memo(title);
        m.text = text;
        let id = m.id.clone();
        self.apply(Edit::memo(None, Some(m)));
        self.open_memo(&id);
        self.notebook.editing = true;
        self.notebook.focus_text = true;
    }

    /// Go where a memo's link points, as the evidence list does.
    pub fn follow_link(&mut self, id: &str) {
        match memo::resolve(&self.ws, id) {
            Target::Article(a) => {
                let a = a.id.clone();
                self.selected_article = Some(a);
                self.reader.scroll_to = None;
            }
            Target::Event(e) => {
                let e = e.id.clone();
                self.select_event(&e, true);
            }
            Target::Passage(e, p) => {
                let (e, a, p) = (e.id.clone(), p.article.clone(), p.id.clone());
                self.select_event(&e, false);
                self.jump_to_passage(&a, &p);
            }
            Target::Orphan(o) => {
                let e = o.event.clone();
                self.select_event(&e, false);
                self.notices.push(
                    "That passage lost its place when its article's text changed; \
                     its event shows it under Orphaned passages."
                        .into(),
                );
            }
            Target::Memo(m) => {
                let m = m.id.clone();
                self.open_memo(&m);
            }
            Target::Missing => self
                .notices
                .push(format!("The link points to {id}, deleted since.")),
        }
    }
}

fn tags_of(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = text
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The chars `start..end` of `s`, replaced by `with`.
fn replace_chars(s: &str, start: usize, end: usize, with: &str) -> String {
    let byte = |c: usize| s.char_indices().nth(c).map_or(s.len(), |(b, _)| b);
    let (a, b) = (byte(start), byte(end));
    format!("{}{with}{}", &s[..a], &s[b..])
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let now_t = ui.input(|i| i.time);
    // A pause in the typing is an undo point, even when nothing else
    // moves: the window wakes for it (and its title shows the change).
    if app.notebook.draft.is_some() {
        let idle = now_t - app.notebook.last_change;
        if idle > PAUSE {
            app.flush_memo();
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(PAUSE - idle + 0.05));
        }
    }
    if let Some(id) = &app.notebook.selected
        && app.ws.memo(id).is_none()
    {
        app.notebook.selected = None;
        app.notebook.draft = None;
    }
    let mut open: Option<Id> = None;
    let mut new = false;
    let list_width = (ui.available_width() * 0.4).clamp(150.0, 230.0);
    egui::Panel::left("memo-list")
        .resizable(true)
        .default_size(list_width)
        .min_size(150.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                new = ui
                    .button("New memo")
                    .on_hover_text("Write a memo; type [[ in it to link a passage, event, article or memo")
                    .clicked();
                ui.add(
                    egui::TextEdit::singleline(&mut app.notebook.filter)
                        .hint_text("Filter memos")
                        .desired_width(f32::INFINITY),
                );
            });
            let q = app.notebook.filter.to_lowercase();
            let mut memos: Vec<&Memo> = app
                .ws
                .memos
                .iter()
                .filter(|m| {
                    q.is_empty()
                        || m.title.to_lowercase().contains(&q)
                        || m.text.to_lowercase().contains(&q)
                        || m.tags.iter().any(|t| t.to_lowercase().contains(&q))
                })
                .collect();
            memo::sort(&mut memos);
            if app.ws.memos.is_empty() {
                ui.weak("No memos yet. A memo holds your reasoning: why you date an event so, a pattern you see. Link it to the evidence with [[.");
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for m in memos {
                    let on = app.notebook.selected.as_ref() == Some(&m.id);
                    let report = if m.in_report { " · in report" } else { "" };
                    let text = format!("{}\n{}{report}", title_of(m), day(&m.modified));
                    if ui.selectable_label(on, text).clicked() {
                        open = Some(m.id.clone());
                    }
                }
            });
        });
    if new {
        app.new_memo_with("", String::new());
    }
    if let Some(id) = open {
        app.open_memo(&id);
    }
    // The memo beside the list, within the width left (its text wraps there
    // rather than running under the Inspector).
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| pane(app, ui, now_t));
}

/// The memo chosen: its title, tags and text, read or written.
fn pane(app: &mut DetenteApp, ui: &mut egui::Ui, now_t: f64) {
    let Some(id) = app.notebook.selected.clone() else {
        ui.weak("Choose a memo on the left, or write a new one.");
        return;
    };
    let Some(stored) = app.ws.memo(&id).cloned() else {
        return;
    };
    if app.notebook.draft.as_ref().map(|d| &d.id) != Some(&id) {
        app.notebook.tags_text = stored.tags.join(", ");
        app.notebook.draft_from = Some(editable(&stored));
        app.notebook.draft = Some(stored.clone());
    }
    let mut follow: Option<String> = None;
    let mut flush = false;
    let mut delete = false;
    let mut to_report: Option<bool> = None;
    let editing = app.notebook.editing;
    // Wrapped: in a narrow pane the buttons go to a second row.
    ui.horizontal_wrapped(|ui| {
        let draft = app.notebook.draft.as_mut().expect("set above");
        let l = ui.label("Title");
        let width = (ui.available_width() - 60.0).clamp(120.0, 260.0);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut draft.title)
                    .hint_text(UNTITLED)
                    .desired_width(width),
            )
            .labelled_by(l.id);
        if r.changed() {
            app.notebook.last_change = now_t;
        }
        flush |= r.lost_focus();
        let label = if editing { "Done" } else { "Edit" };
        if ui
            .button(label)
            .on_hover_text("Write the memo as plain Markdown, or read it rendered")
            .clicked()
        {
            app.notebook.editing = !editing;
            app.notebook.picker = None;
            flush = true;
        }
        // From the memo as stored: the draft holds what is typed, not this.
        let mut in_report = stored.in_report;
        if ui
            .checkbox(&mut in_report, "In report")
            .on_hover_text("Print this memo as a section of the chronology report")
            .changed()
        {
            to_report = Some(in_report);
        }
        if ui.button("Delete memo").clicked() {
            delete = true;
        }
    });
    ui.horizontal_wrapped(|ui| {
        let who = if stored.created_by.is_empty() {
            String::new()
        } else {
            format!("by {} · ", stored.created_by)
        };
        let changed = if stored.changed_by.is_empty() || stored.changed_by == stored.created_by {
            String::new()
        } else {
            format!(" by {}", stored.changed_by)
        };
        ui.weak(format!(
            "{who}written {} · changed {}{changed}",
            day(&stored.created),
            day(&stored.modified)
        ));
        let l = ui.label("Tags");
        let r = ui
            .add(egui::TextEdit::singleline(&mut app.notebook.tags_text).desired_width(200.0))
            .labelled_by(l.id);
        if r.changed() {
            app.notebook.last_change = now_t;
        }
        flush |= r.lost_focus();
    });
    ui.separator();
    if app.notebook.editing {
        flush |= editor(app, ui, now_t);
    } else {
        follow = reader(app, ui);
    }
    if let Some(on) = to_report {
        app.flush_memo();
        if let Some(m) = app.ws.memo(&id).cloned() {
            let mut after = m.clone();
            after.in_report = on;
            app.apply(Edit::memo(Some(m), Some(after)));
        }
    }
    if delete {
        app.notebook.draft = None;
        let title = short(&stored.title);
        if let Some(m) = app.ws.memo(&id).cloned() {
            app.apply(Edit::memo(Some(m), None));
        }
        app.notebook.selected = None;
        app.notices
            .push(format!("Deleted the memo “{title}” (Ctrl/Cmd+Z to undo)."));
        return;
    }
    if flush {
        app.flush_memo();
    }
    if let Some(target) = follow {
        app.follow_link(&target);
    }
}

/// The memo rendered; returns the id of a link clicked.
fn reader(app: &mut DetenteApp, ui: &mut egui::Ui) -> Option<String> {
    let draft = app.notebook.draft.as_ref()?;
    let text = draft.text.clone();
    // The memos that link this one (its backlinks).
    let from = memo::linking(&app.ws, &[draft.id.as_str()]);
    let back = memo_links(ui, "Linked from:", &from);
    if text.trim().is_empty() {
        ui.weak("An empty memo. Press Edit to write; [[ inserts a link.");
        return back;
    }
    let links = memo::links(&text);
    // Deleted links struck out, renamed ones under their names of now.
    let shown = memo::as_shown(&app.ws, &text);
    let cache = &mut app.notebook.cache;
    for l in &links {
        cache.add_link_hook(format!("{}{}", memo::SCHEME, l.target));
    }
    egui::ScrollArea::vertical()
        .id_salt("memo-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui_commonmark::CommonMarkViewer::new().show(ui, cache, &shown);
        });
    let hit = links
        .iter()
        .find(|l| cache.get_link_hook(&format!("{}{}", memo::SCHEME, l.target)) == Some(true))
        .map(|l| l.target.clone());
    cache.link_hooks_clear();
    hit.or(back)
}

/// The memo as plain text, with the `[[` picker; true when editing
/// finished (the text lost focus).
fn editor(app: &mut DetenteApp, ui: &mut egui::Ui, now_t: f64) -> bool {
    let st = &mut app.notebook;
    // With the picker open, its keys are its own, not the text's.
    let mut picked = false;
    let mut moved = 0i32;
    let mut escaped = false;
    if st.picker.is_some() {
        ui.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                st.picker = None;
                escaped = true;
            }
            // Every press of the frame, so quick presses are not lost to
            // the text.
            moved += i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown) as i32;
            moved -= i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp) as i32;
            picked = i.consume_key(Modifiers::NONE, Key::Enter)
                || i.consume_key(Modifiers::NONE, Key::Tab);
        });
    }
    let draft = st.draft.as_mut().expect("set by show");
    let l = ui.label(TEXT_LABEL);
    let id = ui.make_persistent_id("memo-editor");
    let out = egui::ScrollArea::vertical()
        .id_salt("memo-edit")
        .auto_shrink([false, false])
        .max_height(ui.available_height() - 4.0)
        .show(ui, |ui| {
            egui::TextEdit::multiline(&mut draft.text)
                .id(id)
                .desired_width(f32::INFINITY)
                .desired_rows(8)
                .show(ui)
        })
        .inner;
    let r = out.response.response.clone().labelled_by(l.id);
    // Esc closes the picker, not the writing (egui would let go of the
    // field on Esc).
    if st.focus_text || escaped {
        r.request_focus();
        st.focus_text = false;
    }
    let caret = out.cursor_range.map(|c| c.primary.index.0);
    if r.changed() {
        st.last_change = now_t;
        if let Some(c) = caret {
            let before: String = {
                let chars: Vec<char> = draft.text.chars().take(c).collect();
                chars[chars.len().saturating_sub(2)..].iter().collect()
            };
            if st.picker.is_none() && before == "[[" {
                st.picker = Some(Picker {
                    start: c - 2,
                    lit: 0,
                });
            }
        }
    }
    // What is typed after the brackets is the picker's query.
    let query = match (&st.picker, caret) {
        (Some(p), Some(c)) if c >= p.start + 2 => {
            let q: String = draft.text.chars().skip(p.start).take(c - p.start).collect();
            match q.strip_prefix("[[") {
                Some(rest) if !rest.contains(['\n', ']']) => Some(rest.to_string()),
                _ => None,
            }
        }
        _ => None,
    };
    if query.is_none() {
        st.picker = None;
    }
    let (Some(p), Some(q), Some(c)) = (st.picker.clone(), query, caret) else {
        return r.lost_focus();
    };
    // Every choice but the memo being written.
    let this = st.draft.as_ref().map(|d| d.id.clone()).unwrap_or_default();
    let mut choices = memo::choices(&app.ws, &q, PICKER_ROWS + 1);
    choices.retain(|ch| ch.id != this);
    choices.truncate(PICKER_ROWS);
    let lit = (p.lit as i32 + moved).clamp(0, choices.len().saturating_sub(1) as i32) as usize;
    let mut chosen: Option<usize> = picked.then_some(lit);
    // The picker below the caret's line, or above it when the window has
    // no room below (the Notebook sits at the bottom), never over it.
    let caret_rect = out
        .galley
        .pos_from_cursor(CCursor::new(c))
        .translate(out.galley_pos.to_vec2());
    let room_below = ui.ctx().content_rect().bottom() - caret_rect.bottom();
    let (at, pivot) = if room_below > 280.0 {
        (caret_rect.left_bottom(), egui::Align2::LEFT_TOP)
    } else {
        (caret_rect.left_top(), egui::Align2::LEFT_BOTTOM)
    };
    egui::Area::new(ui.make_persistent_id("memo-picker"))
        .order(egui::Order::Foreground)
        .pivot(pivot)
        .fixed_pos(at)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(420.0);
                if choices.is_empty() {
                    ui.weak("Nothing matches.");
                }
                for (i, ch) in choices.iter().enumerate() {
                    let text = format!(
                        "{} · {}\n{}",
                        ch.kind,
                        crate::text::normalise::cut_at_word(&ch.label, 80),
                        short(&ch.detail)
                    );
                    if ui.selectable_label(i == lit, text).clicked() {
                        chosen = Some(i);
                    }
                }
                ui.weak("Up/Down choose · Enter links · Esc closes");
            });
        });
    let st = &mut app.notebook;
    st.picker = Some(Picker {
        start: p.start,
        lit,
    });
    if let Some(ch) = chosen.and_then(|i| choices.get(i)) {
        let draft = st.draft.as_mut().expect("set by show");
        let link = link_markdown(&ch.label, &ch.id);
        draft.text = replace_chars(&draft.text, p.start, c, &link);
        let end = p.start + link.chars().count();
        let mut state = out.state.clone();
        state
            .cursor
            .set_char_range(Some(CCursorRange::one(CCursor::new(end))));
        state.store(ui.ctx(), id);
        r.request_focus();
        st.picker = None;
        st.last_change = now_t;
    }
    false
}

/// The memos given, as links after `label` (nothing when there are
/// none); returns the memo clicked.
pub(crate) fn memo_links(ui: &mut egui::Ui, label: &str, memos: &[&Memo]) -> Option<Id> {
    if memos.is_empty() {
        return None;
    }
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        if !label.is_empty() {
            ui.weak(label);
        }
        for m in memos {
            if ui
                .link(crate::text::normalise::cut_at_word(&title_of(m), 32))
                .on_hover_text("Open the memo in the Notebook")
                .clicked()
            {
                clicked = Some(m.id.clone());
            }
        }
    });
    clicked
}

/// A memo's title, or "Untitled memo" for one without.
fn title_of(m: &Memo) -> String {
    if m.title.trim().is_empty() {
        UNTITLED.to_string()
    } else {
        short(&m.title)
    }
}

/// The day of a timestamp ("2026-11-30").
fn day(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_replaced_not_bytes() {
        assert_eq!(
            replace_chars("王毅 [[Vi", 3, 8, "[x](detente:e)"),
            "王毅 [x](detente:e)"
        );
        assert_eq!(tags_of(" b, a ,, b"), vec!["a", "b"]);
    }
}
