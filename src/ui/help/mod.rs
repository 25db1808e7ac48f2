//! Help: the user guide and the reference read in a window (built in, so
//! they work offline and describe this version), the keyboard shortcuts,
//! and About (the version, and where settings, recovery files and the
//! workspace are). `F1` opens the guide, as on every desktop.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod pages;
pub mod state;

use crate::ui::app::DetenteApp;
use state::HelpState;

impl DetenteApp {
    /// The Help window, while it is open.
    pub(crate) fn help_window(&mut self, ctx: &egui::Context) {
        let Some(mut help) = self.help.take() else {
            return;
        };
        let mut open = true;
        let about = self.about_lines();
        let screen = ctx.content_rect();
        egui::Window::new("Detente help")
            .open(&mut open)
            .default_size([
                (screen.width() * 0.7).min(900.0),
                (screen.height() * 0.8).min(700.0),
            ])
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Panel::left("help-pages")
                    .resizable(false)
                    .exact_size(190.0)
                    .show(ui, |ui| contents(ui, &mut help));
                egui::CentralPanel::default().show(ui, |ui| match help.page {
                    Some(i) => page(ui, &mut help, i),
                    None => about_page(ui, &about),
                });
            });
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
        if open {
            self.help = Some(help);
        }
    }

    /// What About says: the version and where things are kept.
    fn about_lines(&self) -> Vec<(&'static str, String)> {
        let shown = |p: Option<&std::path::Path>| {
            p.map_or_else(|| "none".to_string(), |p| p.display().to_string())
        };
        let settings = crate::ui::window::default_recovery_dir();
        vec![
            ("Version", env!("CARGO_PKG_VERSION").to_string()),
            ("Licence", env!("CARGO_PKG_LICENSE").to_string()),
            (
                "This workspace",
                shown(self.path.as_deref()).replace("none", "not saved yet"),
            ),
            ("Settings and window state", shown(settings.as_deref())),
            ("Recovery files", shown(self.recovery_dir.as_deref())),
            ("Your name", crate::core::model::author()),
        ]
    }
}

/// About, then the list of pages, the guide's and the reference's.
fn contents(ui: &mut egui::Ui, help: &mut HelpState) {
    let about = egui::RichText::new("About Detente").strong();
    if ui.selectable_label(help.page.is_none(), about).clicked() {
        help.page = None;
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("help-contents")
        .show(ui, |ui| {
            let in_reference = help.path().is_some_and(|p| p.starts_with("reference/"));
            let mut entry = |ui: &mut egui::Ui, i: usize, p: &pages::Page| {
                let title = pages::title(p);
                let title = if p.path.ends_with("README.md") {
                    egui::RichText::new(title).strong()
                } else {
                    egui::RichText::new(title)
                };
                if ui.selectable_label(help.page == Some(i), title).clicked() {
                    help.page = Some(i);
                    help.section = None;
                    help.top = true;
                }
            };
            let all = pages::PAGES.iter().enumerate();
            for (i, p) in all.clone().filter(|(_, p)| p.path.starts_with("guide/")) {
                entry(ui, i, p);
            }
            ui.add_space(6.0);
            // The reference is for scripts and contributors: folded away
            // unless one of its pages is open.
            egui::CollapsingHeader::new("Reference")
                .id_salt("help-reference")
                .open(in_reference.then_some(true))
                .show(ui, |ui| {
                    for (i, p) in all.filter(|(_, p)| p.path.starts_with("reference/")) {
                        entry(ui, i, p);
                    }
                });
        });
}

/// Page `i`, its links to other pages turning the page.
fn page(ui: &mut egui::Ui, help: &mut HelpState, i: usize) {
    let Some(p) = pages::PAGES.get(i) else {
        return;
    };
    // The built-in pictures, and the loader that decodes them, the first
    // time a page is shown.
    if !std::mem::replace(&mut help.pictures, true) {
        egui_extras::install_image_loaders(ui.ctx());
        for (path, bytes) in pages::PICTURES {
            ui.ctx().include_bytes(pages::picture_uri(path), *bytes);
        }
    }
    let (text, linked) = pages::shown(p);
    // A link to a section opens the page at it, the whole page one click
    // away.
    let text = match help
        .section
        .as_deref()
        .and_then(|f| pages::section(&text, f))
    {
        Some(part) => format!("[The whole page]({}{})\n\n{part}", pages::SCHEME, p.path),
        None => text,
    };
    let mut linked = linked;
    linked.push(p.path.to_string());
    for l in &linked {
        help.cache.add_link_hook(format!("{}{l}", pages::SCHEME));
    }
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("help-page", i, help.section.clone()))
        .auto_shrink([false, false]);
    if std::mem::take(&mut help.top) {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        egui_commonmark::CommonMarkViewer::new().show(ui, &mut help.cache, &text);
    });
    let hit = linked
        .iter()
        .find(|l| help.cache.get_link_hook(&format!("{}{l}", pages::SCHEME)) == Some(true))
        .cloned();
    if let Some(l) = hit {
        let (path, frag) = l.split_once('#').unwrap_or((&l, ""));
        if let Some(to) = pages::index_of(path) {
            help.page = Some(to);
            help.section = (!frag.is_empty()).then(|| frag.to_string());
            help.top = true;
        }
    }
    help.cache.link_hooks_clear();
}

/// About Detente.
fn about_page(ui: &mut egui::Ui, lines: &[(&'static str, String)]) {
    ui.heading("Detente");
    ui.label("A research notebook for tagging diplomatic events in news articles.");
    ui.add_space(8.0);
    egui::Grid::new("about")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (what, value) in lines {
                ui.strong(*what);
                ui.add(egui::Label::new(value.as_str()).selectable(true).wrap());
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.weak(
        "The window's size and place, the theme and the recent files are kept in the settings \
         folder; unsaved work is written to the recovery folder every 20 seconds and offered \
         back after a crash.",
    );
}
