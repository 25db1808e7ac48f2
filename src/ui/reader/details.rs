//! The Article details window (the Reader header's **Details…**): an
//! article's title, outlet, byline, URL, language and notes, each field one
//! undoable step when it is left, since imports get them wrong ("[ad_1]",
//! "Unknown outlet") and those words flow into reports and citations; and
//! **Delete article…**, confirmed with what happens to its passages and to
//! the events only it supports (deleted, or kept without evidence: the
//! user chooses), one undoable step.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::core::model::Id;
use crate::ui::app::DetenteApp;
use crate::ui::reader::state::ArticleDraft;

impl DetenteApp {
    /// Open the details window on article `id`.
    pub(crate) fn open_details(&mut self, id: &Id) {
        let Some(a) = self.ws.article(id) else {
            return;
        };
        self.reader.details = Some(ArticleDraft {
            article: id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            byline: a.byline.clone(),
            url: a.url.clone(),
            language: a.language.clone(),
            notes: a.notes.clone(),
        });
    }

    /// The draft's fields into its article, as one undoable step when any
    /// changed; a field over the workspace's limits is refused with why.
    pub(crate) fn commit_details(&mut self, d: &ArticleDraft) {
        let Some(before) = self.ws.article(&d.article).cloned() else {
            return;
        };
        let line = crate::text::normalise::one_line;
        let mut after = before.clone();
        after.title = line(&d.title);
        after.outlet = line(&d.outlet);
        after.byline = line(&d.byline);
        after.url = line(&d.url);
        after.language = line(&d.language);
        after.notes = d.notes.clone();
        if after.title.is_empty() {
            after.title = before.title.clone();
        }
        if after == before {
            return;
        }
        if let Some(why) = crate::core::limits::article_over_limits(&after).first() {
            self.notices
                .push(format!("Not changed: the article's {why}."));
            return;
        }
        self.apply(Edit::change_article(before, after));
    }

    /// The details window and the delete confirmation, while open.
    pub(crate) fn details_window(&mut self, ctx: &egui::Context) {
        self.delete_confirmation(ctx);
        let Some(mut d) = self.reader.details.take() else {
            return;
        };
        if self.ws.article(&d.article).is_none() {
            return;
        }
        let mut open = true;
        let (mut commit, mut close, mut delete) = (false, false, false);
        egui::Window::new("Article details")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            // In the middle of the window, not over the menus in a corner.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                egui::Grid::new("article-details")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (name, value, hint) in [
                            ("Title", &mut d.title, ""),
                            ("Outlet", &mut d.outlet, "e.g. Reuters"),
                            ("Byline", &mut d.byline, "e.g. Michael Martina"),
                            ("URL", &mut d.url, "https://…"),
                            ("Language", &mut d.language, "e.g. en"),
                        ] {
                            let label = ui.label(name);
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(value)
                                        .desired_width(460.0)
                                        .hint_text(hint),
                                )
                                .labelled_by(label.id);
                            commit |= r.lost_focus();
                            ui.end_row();
                        }
                        let label = ui.label("Notes");
                        let r = ui
                            .add(
                                egui::TextEdit::multiline(&mut d.notes)
                                    .desired_width(460.0)
                                    .desired_rows(3),
                            )
                            .labelled_by(label.id);
                        commit |= r.lost_focus();
                        ui.end_row();
                    });
                if d.title.trim().is_empty() {
                    ui.colored_label(ui.visuals().error_fg_color, "A title cannot be empty.");
                }
                ui.weak("Reports, citations and exports use these.");
                ui.horizontal(|ui| {
                    if ui.button("Close").clicked() {
                        close = true;
                    }
                    if ui.button("Delete article…").clicked() {
                        delete = true;
                    }
                });
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        if commit || close || delete || !open {
            self.commit_details(&d);
        }
        if delete {
            self.reader.deleting = Some((vec![d.article.clone()], true));
        } else if open && !close {
            self.reader.details = Some(d);
        }
    }

    /// "Delete article?": what goes with the articles, and the choice for
    /// events that only they support.
    fn delete_confirmation(&mut self, ctx: &egui::Context) {
        let Some((ids, mut keep)) = self.reader.deleting.clone() else {
            return;
        };
        let titles: Vec<String> = ids
            .iter()
            .filter_map(|id| self.ws.article(id).map(|a| a.title.clone()))
            .collect();
        let Some((_, what)) = crate::core::curate::delete_articles_edit(&self.ws, &ids, keep)
        else {
            self.reader.deleting = None;
            return;
        };
        let named = match titles.as_slice() {
            [one] => format!("“{}”", crate::text::normalise::short(one)),
            many => format!("{} articles", many.len()),
        };
        let mut done = None;
        egui::Modal::new(egui::Id::unique("delete-article")).show(ctx, |ui| {
            ui.heading(if titles.len() == 1 {
                "Delete article?"
            } else {
                "Delete articles?"
            });
            ui.label(format!(
                "{named} and {} passage(s) in {} will be removed.",
                what.passages,
                if titles.len() == 1 { "it" } else { "them" }
            ));
            if what.elsewhere_too > 0 {
                ui.label(format!(
                    "{} event(s) keep their evidence in other articles.",
                    what.elsewhere_too
                ));
            }
            if what.only_here > 0 {
                ui.label(format!(
                    "{} event(s) have evidence only there:",
                    what.only_here
                ));
                // Keeping is the default: nothing goes unless asked.
                ui.radio_value(
                    &mut keep,
                    true,
                    "Keep them without evidence (their notes say why)",
                );
                ui.radio_value(&mut keep, false, "Delete those events too");
            }
            ui.weak("Memos that link them will show the link as deleted. Undo brings it all back.");
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                self.reader.deleting = None;
                if let Some((edit, _)) =
                    crate::core::curate::delete_articles_edit(&self.ws, &ids, keep)
                {
                    self.apply(edit);
                    self.library_marked.clear();
                    self.notices.push(format!(
                        "Deleted {named}{}.",
                        match (what.only_here, keep) {
                            (0, _) => String::new(),
                            (n, true) => format!("; {n} event(s) kept without evidence"),
                            (n, false) => format!(
                                " and {n} event(s) only {} supported",
                                if titles.len() == 1 { "it" } else { "they" }
                            ),
                        }
                    ));
                }
            }
            Some(false) => self.reader.deleting = None,
            None => self.reader.deleting = Some((ids, keep)),
        }
    }
}
