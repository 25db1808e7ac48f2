//! The Reader: the article's text with tagged passages highlighted,
//! selection, the tag bar, and jumps to passages. This file puts the parts
//! together (header, tag bar, the scrolling text) and keeps the analysis
//! and fingerprint of the open article current; each part has its file.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod analysis;
pub mod details;
pub mod header;
pub mod layout;
pub mod paragraphs;
pub mod selection;
pub mod state;
pub mod tag_bar;
pub mod text_area;

use crate::core::model::Id;
use crate::ui::app::DetenteApp;
use crate::ui::reader::analysis::{ANALYSE_INLINE_BYTES, Analysis};
use crate::ui::reader::header::header;
use crate::ui::reader::layout::{Style, TextView};
use crate::ui::reader::state::{Fingerprint, fingerprint};
use crate::ui::reader::tag_bar::tag_bar;
use crate::ui::reader::text_area::{click_highlight, passage_range, text_area};

impl DetenteApp {
    /// Make sure the open article is analysed (or being analysed) for its
    /// current text and date; take in a finished analysis.
    pub(crate) fn analyse(&mut self, ctx: &egui::Context, article: &Id) {
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

    /// The chars of the open article drawn underlined as dates, as
    /// (start, end) runs: what the Reader shows, for the tests.
    #[doc(hidden)]
    pub fn underlined_dates(&self) -> Vec<(usize, usize)> {
        let Some(v) = &self.reader.view else {
            return vec![];
        };
        let n = self
            .ws
            .article(&v.article)
            .map(|a| a.char_len())
            .unwrap_or(0);
        v.runs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.date)
            .map(|(k, r)| (r.char, v.runs.get(k + 1).map_or(n, |x| x.char)))
            .collect()
    }

    /// The open article's fingerprint, recomputed when the workspace changes.
    pub(crate) fn article_fingerprint(&mut self, article: &Id) -> Fingerprint {
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
    pub(crate) fn reader_style(&mut self, ui: &egui::Ui, article: &Id) -> Style {
        let fp = self.article_fingerprint(article);
        Style {
            passages: fp.passages,
            selected_event: self.selected_event.clone(),
            dark: ui.visuals().dark_mode,
            dates: self.reader.analysis_of(article).map(|a| a.key),
        }
    }
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
    // A selection is in the article it was made in: another article shown
    // (a jump from a memo, the timeline, an evidence link) starts with none,
    // so a tag can never take chars of a text the user did not select.
    if app.reader.shown.as_ref() != Some(&id) {
        if !app.reader.keep_selection {
            app.reader.clear_selection();
        }
        app.reader.shown = Some(id.clone());
    }
    app.reader.keep_selection = false;
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
            .or_else(|| {
                reader
                    .scroll_to_chars
                    .filter(|&(s, e)| s <= e && e <= text.chars().count())
            })
        {
            let r = view.range_rect(ui, text, s, e, &mut reader.layouts);
            offset = (r.center().y - height / 2.0).max(0.0);
            reader.pending_offset = Some(offset);
            reader.scroll_to = None;
            reader.scroll_to_chars = None;
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
