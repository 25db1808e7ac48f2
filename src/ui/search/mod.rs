//! Search everything (Ctrl/Cmd+Shift+F): one box over article titles and
//! texts, quotes, headlines, places, notes, memos and actors, drawn over
//! the window. Hits are grouped by kind with the match lit in its context;
//! Up/Down move, Enter or a click opens: a text or quote hit opens its
//! article scrolled to the match, selected (ready to tag), an event hit
//! selects the event, a memo opens in the Notebook, an actor filters the
//! Events table. The engine is `core::everything`.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::everything::{self, Hit, Kind};
use crate::text::normalise::short;
use crate::ui::app::{BottomTab, DetenteApp};
use egui::text::{LayoutJob, TextFormat};
use egui::{Key, Modifiers};

/// Hits listed at most.
const LIMIT: usize = 200;

impl DetenteApp {
    /// Open the box, with the caret in it.
    pub fn open_search(&mut self) {
        self.search.open = true;
        self.search.focus = true;
    }

    /// Show the article's chars `s..e`, selected and scrolled into view.
    pub fn show_chars(&mut self, article: &str, s: usize, e: usize) {
        if self.selected_article.as_deref() != Some(article) {
            self.selected_article = Some(article.to_string());
        }
        self.reader.clear_selection();
        self.reader.selection = Some((s, e)).filter(|(s, e)| s < e);
        self.reader.scroll_to = None;
        self.reader.scroll_to_chars = Some((s, e));
        self.reader.keep_selection = true;
        self.reader.take_focus = true;
    }

    /// Go where a hit is.
    pub fn open_hit(&mut self, h: &Hit) {
        match h.kind {
            Kind::ArticleText | Kind::Quote => {
                if let Some(ev) = &h.event {
                    self.select_event(ev, false);
                }
                if let (Some(a), Some((s, e))) = (&h.article, h.chars) {
                    self.show_chars(a, s, e);
                }
            }
            Kind::ArticleTitle => {
                if let Some(a) = &h.article {
                    self.selected_article = Some(a.clone());
                    self.reader.clear_selection();
                }
            }
            Kind::Headline | Kind::Place | Kind::Notes => {
                if let Some(ev) = &h.event {
                    self.select_event(ev, true);
                }
            }
            Kind::Memo => {
                if let Some(m) = &h.memo {
                    self.open_memo(m);
                }
            }
            Kind::Actor => {
                self.table.actor = h.actor.clone();
                self.bottom_tab = BottomTab::Table;
            }
        }
    }
}

/// Where a hit is, in a few words.
fn place(app: &DetenteApp, h: &Hit) -> String {
    let ws = &app.ws;
    let article = || {
        h.article
            .as_ref()
            .and_then(|a| ws.article(a))
            .map(|a| short(&a.title))
    };
    let event = || {
        h.event
            .as_ref()
            .and_then(|e| ws.event(e))
            .map(|e| short(&e.headline))
    };
    match h.kind {
        Kind::ArticleText => article().unwrap_or_default(),
        Kind::Quote => format!(
            "{} · {}",
            event().unwrap_or_default(),
            article().unwrap_or_default()
        ),
        Kind::Place | Kind::Notes => event().unwrap_or_default(),
        Kind::Memo => h
            .memo
            .as_ref()
            .and_then(|m| ws.memo(m))
            .map(|m| format!("memo “{}”", short(&m.title)))
            .unwrap_or_default(),
        Kind::ArticleTitle | Kind::Headline | Kind::Actor => String::new(),
    }
}

/// The context with the match lit.
fn lit_context(ui: &egui::Ui, h: &Hit) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mark = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        background: ui.visuals().selection.bg_fill,
        ..Default::default()
    };
    let (a, b) = h.matched;
    let c = &h.context;
    if a <= b && b <= c.len() && c.is_char_boundary(a) && c.is_char_boundary(b) {
        job.append(&c[..a], 0.0, plain.clone());
        job.append(&c[a..b], 0.0, mark);
        job.append(&c[b..], 0.0, plain);
    } else {
        job.append(c, 0.0, plain);
    }
    job.wrap.max_rows = 2;
    job
}

pub fn show(app: &mut DetenteApp, ctx: &egui::Context) {
    if !app.search.open {
        return;
    }
    // The keys that move in the list, taken before the box sees them.
    let (mut down, mut up, mut enter, mut close) = (false, false, false, false);
    ctx.input_mut(|i| {
        down = i.consume_key(Modifiers::NONE, Key::ArrowDown);
        up = i.consume_key(Modifiers::NONE, Key::ArrowUp);
        enter = i.consume_key(Modifiers::NONE, Key::Enter);
        close = i.consume_key(Modifiers::NONE, Key::Escape);
    });
    let revision = app.ws.revision.get();
    let key = (app.search.query.clone(), revision);
    if app.search.found_for.as_ref() != Some(&key) {
        app.search.hits = everything::search(&app.ws, &app.search.query, LIMIT);
        app.search.found_for = Some(key);
        app.search.lit = 0;
    }
    let n = app.search.hits.len();
    if down && n > 0 {
        app.search.lit = (app.search.lit + 1).min(n - 1);
    }
    if up {
        app.search.lit = app.search.lit.saturating_sub(1);
    }
    let moved = up || down;
    let mut open: Option<usize> = enter.then_some(app.search.lit).filter(|&i| i < n);
    let mut still_open = true;
    let screen = ctx.content_rect();
    egui::Window::new("Search everything")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(true)
        .default_width(640.0_f32.min(screen.width() - 40.0))
        .min_width(560.0_f32.min(screen.width() - 40.0))
        .default_height(screen.height() * 0.6)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            let l = ui.label("Words or a phrase, in any case:");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut app.search.query)
                        .hint_text("texts, titles, quotes, headlines, places, notes, memos, actors")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if app.search.focus {
                r.request_focus();
                app.search.focus = false;
            }
            let q = app.search.query.trim();
            if q.is_empty() {
                ui.weak("Up/Down move · Enter opens · Esc closes");
                return;
            }
            if n == 0 {
                ui.weak(format!("Nothing has “{q}”."));
                return;
            }
            ui.weak(if n >= LIMIT {
                format!("The first {n} hits · Up/Down move · Enter opens")
            } else {
                format!(
                    "{n} hit{} · Up/Down move · Enter opens",
                    if n == 1 { "" } else { "s" }
                )
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let mut last: Option<Kind> = None;
                    for (i, h) in app.search.hits.iter().enumerate() {
                        if last != Some(h.kind) {
                            let count = app.search.hits.iter().filter(|x| x.kind == h.kind).count();
                            ui.add_space(4.0);
                            ui.strong(format!("{} ({count})", h.kind.label()));
                            last = Some(h.kind);
                        }
                        let lit = i == app.search.lit;
                        let r = ui.selectable_label(lit, lit_context(ui, h));
                        let where_ = place(app, h);
                        if !where_.is_empty() {
                            ui.horizontal(|ui| {
                                ui.add_space(12.0);
                                ui.weak(where_);
                            });
                        }
                        if lit && moved {
                            r.scroll_to_me(None);
                        }
                        if r.clicked() {
                            open = Some(i);
                        }
                    }
                });
        });
    if close || !still_open {
        app.search.open = false;
    }
    if let Some(i) = open
        && let Some(h) = app.search.hits.get(i).cloned()
    {
        app.search.lit = i;
        app.open_hit(&h);
        app.search.open = false;
    }
}
