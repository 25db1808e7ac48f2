//! The article header: title, outlet, the editable publication date with
//! the candidates found in the first lines, a dateline without a year,
//! proposed boilerplate to review, and a new version of the article.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::core::model::Id;
use crate::dates::edtf::DateValue;
use crate::text::normalise::short;
use crate::ui::app::DetenteApp;
use crate::ui::commands::Command;

/// The article's header; returns the id of its title, which labels the text.
/// Set an article's publication date as one undoable step.
pub(crate) fn set_published(
    app: &mut DetenteApp,
    id: &Id,
    date: Option<DateValue>,
    source: String,
) {
    let Some(before) = app.ws.article(id).cloned() else {
        return;
    };
    let mut after = before.clone();
    after.published = date;
    after.published_source = source;
    app.apply(Edit::change_article(before, after));
}

pub(crate) fn header(app: &mut DetenteApp, ui: &mut egui::Ui, id: &Id) -> egui::Id {
    // Only the small fields: the text is never copied per frame.
    let Some((title, outlet, published, source, url, from, accessed, guessed)) =
        app.ws.article(id).map(|a| {
            (
                a.title.clone(),
                a.outlet.clone(),
                a.published.clone(),
                a.published_source.clone(),
                a.url.clone(),
                a.imported_from.clone(),
                a.accessed.clone(),
                untitled(a),
            )
        })
    else {
        return ui.scope_id();
    };
    let title_id = ui.heading(&title).id;
    if guessed {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No line at the top of the text is surely its headline: the title is the file's \
             name. Set it in Details…",
        );
    }
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
            crate::dates::typed::parse_typed(&buf).map(Some)
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
        let others: Vec<crate::read::pubdate::Candidate> = app
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
            // Only a web link is clickable; anything else is shown as text.
            match crate::text::links::web_link(&url) {
                Some(link) => {
                    ui.hyperlink_to(&url, link);
                }
                None => {
                    ui.label(&url);
                }
            }
        }
        // A page fetched from its address: when (its access date, to cite it).
        if let Some(day) = accessed
            .get(..10)
            .and_then(|d| crate::dates::edtf::DateValue::parse(d).ok())
        {
            ui.weak(format!("accessed {}", day.human()));
        }
        if !from.is_empty() && from != url {
            ui.separator();
            ui.weak(format!("from {from}"));
        }
        boilerplate_menu(app, ui, id);
        if ui
            .small_button("Details…")
            .on_hover_text("Title, outlet, byline, URL, language and notes; delete the article")
            .clicked()
        {
            app.open_details(id);
        }
        if ui
            .small_button(Command::Reimport.label())
            .on_hover_text("Replace the text with a corrected or newer version; passages are kept")
            .clicked()
        {
            app.send(Command::Reimport);
        }
    });
    // The memos that link this article, one of its passages or an event it
    // is evidence for: looked for again only when the workspace changes.
    let revision = app.ws.revision.get();
    let fresh = matches!(&app.reader.memos_about, Some((r, a, _)) if *r == revision && a == id);
    if !fresh {
        let ids = crate::core::memo::about_article(&app.ws, id)
            .into_iter()
            .map(|m| m.id.clone())
            .collect();
        app.reader.memos_about = Some((revision, id.clone(), ids));
    }
    let memos: Vec<&crate::core::model::Memo> = app
        .reader
        .memos_about
        .iter()
        .flat_map(|(_, _, ids)| ids.iter().filter_map(|m| app.ws.memo(m)))
        .collect();
    if let Some(m) = crate::ui::notebook::memo_links(ui, "Memos:", &memos) {
        app.open_memo(&m);
    }
    title_id
}

/// Whether the article still has the file's name for a title because the
/// import found no headline in its text (it said so in the notes).
fn untitled(a: &crate::core::model::Article) -> bool {
    a.notes.contains(crate::read::plain::NO_HEADLINE)
        && std::path::Path::new(&a.imported_from)
            .file_stem()
            .is_some_and(|stem| stem.to_string_lossy() == a.title)
}

/// Proposed boilerplate lines: the user unticks what to keep and drops
/// the rest, through the re-anchoring path (one undoable step).
pub(crate) fn boilerplate_menu(app: &mut DetenteApp, ui: &mut egui::Ui, id: &Id) {
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
                    new.text = crate::read::boilerplate::drop_lines(&a.text, &lines);
                    new.text_hash = crate::text::normalise::text_hash(&new.text);
                    if let Some((edit, r)) =
                        crate::core::anchor::replace_text_edit(&app.ws, id, &new)
                    {
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
