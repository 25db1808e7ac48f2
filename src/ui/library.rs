//! The Library: articles with outlet, date and passage count; a filter
//! over titles and full text; import.

use super::{Command, DetenteApp};

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.heading("Library");
        if ui
            .button("Import…")
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
    let counts = app.ws.passage_counts();
    let needle = app.filter.to_lowercase();
    let shown: Vec<usize> = app
        .ws
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            needle.is_empty()
                || a.title.to_lowercase().contains(&needle)
                || a.text.to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    if shown.is_empty() {
        ui.weak(if app.ws.articles.is_empty() {
            "No articles yet."
        } else {
            "No article matches."
        });
        return;
    }
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("library")
        .auto_shrink(false)
        .show(ui, |ui| {
            for i in shown {
                let a = &app.ws.articles[i];
                let selected = app.selected_article.as_deref() == Some(a.id.as_str());
                let date = a
                    .published
                    .as_ref()
                    .map(|d| d.human())
                    .unwrap_or_else(|| "no date".into());
                let n = counts.get(a.id.as_str()).copied().unwrap_or(0);
                if ui.selectable_label(selected, &a.title).clicked() {
                    clicked = Some(a.id.clone());
                }
                let outlet = if a.outlet.is_empty() {
                    "unknown outlet"
                } else {
                    &a.outlet
                };
                ui.weak(format!(
                    "{outlet} · {date} · {n} passage{}",
                    if n == 1 { "" } else { "s" }
                ));
                ui.add_space(4.0);
            }
        });
    if let Some(id) = clicked {
        app.selected_article = Some(id);
        app.reader.selection = None;
    }
}
