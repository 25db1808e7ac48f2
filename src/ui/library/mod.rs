//! The Library: articles with outlet, date and passage count; a filter
//! over titles and full text; import.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::ui::app::DetenteApp;
use crate::ui::commands::Command;
use crate::ui::library::state::LibraryCache;

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.heading("Library");
        if ui
            .button(Command::Import.label())
            .on_hover_text("Import text files (or drop them on the window)")
            .clicked()
        {
            app.send(Command::Import);
        }
    });
    let label = ui.label("Filter");
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut app.filter)
                .hint_text("title or any word in the text")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if std::mem::take(&mut app.focus_filter) {
        r.request_focus();
    }
    ui.separator();
    let key = (app.ws.revision.get(), app.filter.clone());
    if app.library_cache.as_ref().is_none_or(|c| c.key != key) {
        app.library_cache = Some(LibraryCache::build(&app.ws, key));
    }
    let cache = app.library_cache.as_ref().expect("just built");
    if cache.rows.is_empty() {
        ui.weak(if app.ws.articles.is_empty() {
            "No articles yet."
        } else {
            "No article matches."
        });
        return;
    }
    let mut clicked = None;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.0
        + ui.spacing().item_spacing.y * 2.0
        + 4.0;
    // A selection made elsewhere brings its row into view, once.
    let (seen, offset, height) = app.library_seen.clone();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("library")
        .auto_shrink(false);
    if app.selected_article != seen
        && let Some(row) = app.selected_article.as_ref().and_then(|id| {
            cache
                .rows
                .iter()
                .position(|&i| app.ws.articles[i].id == *id)
        })
    {
        let top = row as f32 * (row_h + ui.spacing().item_spacing.y);
        if top < offset || top + row_h > offset + height {
            area = area.vertical_scroll_offset((top - height / 2.0).max(0.0));
        }
    }
    // Only the rows in view are laid out, however long the library.
    let shown = area.show_rows(ui, row_h, cache.rows.len(), |ui, range| {
        for &i in &cache.rows[range] {
            let a = &app.ws.articles[i];
            let selected = app.selected_article.as_deref() == Some(a.id.as_str());
            let title = egui::Button::selectable(selected, a.title.as_str()).truncate();
            if ui.add(title).on_hover_text(&a.title).clicked() {
                clicked = Some(a.id.clone());
            }
            let meta = meta_line(a, cache.counts[i]);
            ui.add(egui::Label::new(egui::RichText::new(meta).weak()).truncate());
            ui.add_space(4.0);
        }
    });
    app.library_seen = (
        app.selected_article.clone(),
        shown.state.clamped_offset().y,
        shown.inner_rect.height(),
    );
    if let Some(id) = clicked {
        app.selected_article = Some(id);
        app.reader.selection = None;
    }
}

/// "Reuters · 13 May 2023 · 4 passages"
fn meta_line(a: &crate::core::model::Article, n: usize) -> String {
    let date = a
        .published
        .as_ref()
        .map(|d| d.human())
        .unwrap_or_else(|| "no date".into());
    let outlet = if a.outlet.is_empty() {
        "unknown outlet"
    } else {
        &a.outlet
    };
    format!(
        "{outlet} · {date} · {n} passage{}",
        if n == 1 { "" } else { "s" }
    )
}
