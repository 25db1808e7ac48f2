//! The Library: articles with outlet, date and passage count; a filter
//! over titles, outlets, bylines, notes and full text; import.
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
                .hint_text("title, outlet, author, notes or text")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        // The hint is cut in a narrow pane: the whole of it on hover.
        .on_hover_text(
            "Filters by title, outlet, author (byline), the article's notes and the full text",
        );
    if std::mem::take(&mut app.focus_filter) {
        r.request_focus();
    }
    ui.separator();
    let key = (app.ws.revision.get(), app.filter.clone());
    if app.library_cache.as_ref().is_none_or(|c| c.key != key) {
        app.library_cache = Some(LibraryCache::build(&app.ws, key));
    }
    marked_bar(app, ui);
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
            let selected = app.selected_article.as_deref() == Some(a.id.as_str())
                || app.library_marked.contains(&a.id);
            let title = egui::Button::selectable(selected, a.title.as_str()).truncate();
            let r = ui.add(title).on_hover_text(&a.title);
            if r.clicked() {
                clicked = Some((a.id.clone(), ui.input(|i| i.modifiers)));
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
    if let Some((id, modifiers)) = clicked {
        click(app, id, modifiers);
    }
}

/// A click on a Library row: Ctrl/Cmd adds or removes it from the marked
/// articles, Shift marks the rows from the open article to it, a plain
/// click opens it and clears the marks (desktop list habits).
fn click(app: &mut DetenteApp, id: crate::core::model::Id, modifiers: egui::Modifiers) {
    let rows: Vec<crate::core::model::Id> = app
        .library_cache
        .as_ref()
        .map(|c| {
            c.rows
                .iter()
                .map(|&i| app.ws.articles[i].id.clone())
                .collect()
        })
        .unwrap_or_default();
    if modifiers.command {
        if app.library_marked.is_empty()
            && let Some(open) = app.selected_article.clone()
        {
            app.library_marked.push(open);
        }
        match app.library_marked.iter().position(|m| *m == id) {
            Some(k) => {
                app.library_marked.remove(k);
            }
            None => app.library_marked.push(id.clone()),
        }
        app.library_anchor = Some(id);
        return;
    }
    // A range from the last row clicked (or the open article) to this one,
    // added to the rows marked with Ctrl/Cmd.
    let anchor = app
        .library_anchor
        .clone()
        .or_else(|| app.selected_article.clone());
    if modifiers.shift
        && let Some(from) = anchor
            .as_ref()
            .and_then(|s| rows.iter().position(|r| r == s))
        && let Some(to) = rows.iter().position(|r| *r == id)
    {
        let (a, b) = (from.min(to), from.max(to));
        for r in &rows[a..=b] {
            if !app.library_marked.contains(r) {
                app.library_marked.push(r.clone());
            }
        }
        return;
    }
    app.library_marked.clear();
    app.library_anchor = Some(id.clone());
    app.selected_article = Some(id);
    app.reader.selection = None;
}

/// With two or more articles marked: one outlet for all, Delete…, Clear.
fn marked_bar(app: &mut DetenteApp, ui: &mut egui::Ui) {
    app.library_marked.retain(|id| app.ws.article(id).is_some());
    let n = app.library_marked.len();
    if n < 2 {
        return;
    }
    ui.label(format!("{n} articles selected"));
    ui.horizontal(|ui| {
        let l = ui.label("Outlet");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut app.library_outlet)
                    .hint_text("e.g. Reuters")
                    .desired_width(110.0),
            )
            .labelled_by(l.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let outlet = app.library_outlet.trim().to_string();
        let set = ui
            .add_enabled(!outlet.is_empty(), egui::Button::new("Set"))
            .on_hover_text("Give every selected article this outlet (one undoable step)")
            .clicked();
        // Enter in the field sets it too.
        let enter = entered && !outlet.is_empty();
        if (set || enter)
            && let Some(edit) =
                crate::core::curate::set_outlet_edit(&app.ws, &app.library_marked, &outlet)
        {
            app.apply(edit);
            app.notices
                .push(format!("Set the outlet of {n} articles to “{outlet}”."));
        }
    });
    // Esc clears the marks (unless a dialog is open over the window).
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) && app.reader.deleting.is_none() {
        app.library_marked.clear();
    }
    ui.horizontal(|ui| {
        if ui.button("Delete…").clicked() {
            app.reader.deleting = Some((app.library_marked.clone(), true));
        }
        if ui.button("Clear").clicked() {
            app.library_marked.clear();
        }
    });
    ui.separator();
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
