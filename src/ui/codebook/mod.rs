//! The Codebook tab: every event type, CAMEO's and the user's own, as a
//! tree with the number of events of each; a new own type added by name;
//! the open one's name, colour, parent and description edited (each field
//! one undoable step when left; a CAMEO type's colour and description
//! only), an own type merged into another (its events move, one step) or
//! deleted when no event has it.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::codebook::{
    Row, add_type_edit, ancestors, change_type_edit, delete_type_edit, matches, merge_types_edit,
    suggest_code, tree, type_uses,
};
use crate::core::vocab::{EventType, is_cameo, root_label};
use crate::ui::app::{BottomTab, DetenteApp};
use state::TypeDraft;

/// Colours given to new own types in turn, apart from CAMEO's blues,
/// greens and reds.
const OWN_COLOURS: [&str; 8] = [
    "#8e44ad", "#d35400", "#16a085", "#2c3e50", "#c71585", "#7f8c8d", "#b7950b", "#5d6d7e",
];

impl DetenteApp {
    /// Add an own event type named `name` (its code made from the name),
    /// as one undoable step; returns its code, or says why not.
    pub fn add_own_type(&mut self, name: &str) -> Option<String> {
        match self.own_type_edit(name) {
            Ok((edit, code)) => {
                self.apply(edit);
                Some(code)
            }
            Err(why) => {
                self.notices.push(format!("Not added: {why}"));
                None
            }
        }
    }

    /// The edit that adds an own event type named `name`, with its code
    /// made from the name and the next colour of [`OWN_COLOURS`].
    pub(crate) fn own_type_edit(
        &self,
        name: &str,
    ) -> Result<(crate::core::history::Edit, String), String> {
        let label = crate::text::normalise::one_line(name);
        let own = (self.ws.vocabularies.event_types.iter())
            .filter(|t| !is_cameo(&t.code))
            .count();
        let t = EventType {
            code: suggest_code(&self.ws, &label),
            label,
            colour: OWN_COLOURS[own % OWN_COLOURS.len()].into(),
            ..Default::default()
        };
        let code = t.code.clone();
        add_type_edit(&self.ws, t).map(|edit| (edit, code))
    }

    /// Open type `code` in the Codebook tab.
    pub fn edit_type(&mut self, code: &str) {
        let Some(t) = self.ws.event_type(code) else {
            self.codebook.draft = None;
            return;
        };
        let same = self.codebook.draft.as_ref().is_some_and(|d| d.code == code);
        self.codebook.draft = Some(TypeDraft {
            code: t.code.clone(),
            label: t.label.clone(),
            colour: t.rgb(),
            parent: t.parent.clone(),
            description: t.description.clone(),
        });
        if !same {
            self.codebook.merge_into = None;
        }
    }

    /// The draft into its type, as one undoable step when a field changed;
    /// a refusal (an empty name, a circle of parents) says why.
    pub(crate) fn commit_type(&mut self, d: &TypeDraft) {
        let Some(before) = self.ws.event_type(&d.code).cloned() else {
            return;
        };
        let [r, g, b] = d.colour;
        let after = EventType {
            label: d.label.clone(),
            colour: format!("#{r:02x}{g:02x}{b:02x}"),
            parent: d.parent.clone(),
            description: d.description.trim().to_string(),
            ..before
        };
        match change_type_edit(&self.ws, after) {
            Ok(Some(edit)) => self.apply(edit),
            Ok(None) => {}
            Err(why) => self.notices.push(format!("Not changed: {why}")),
        }
    }
}

/// Draw the Codebook tab.
pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let mut add = false;
    // Wrapped: in a small window "Add" goes to the next line, not off it.
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut app.codebook.filter)
                .hint_text("code, name or description")
                .desired_width(150.0),
        )
        .labelled_by(l.id);
        ui.separator();
        let l = ui.label("New type");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut app.codebook.new_name)
                    .hint_text("Track II dialogue")
                    .desired_width(150.0),
            )
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !app.codebook.new_name.trim().is_empty();
        add = ui
            .add_enabled(ready, egui::Button::new("Add"))
            .on_hover_text("Your own event type, beside CAMEO's: set its parent, colour and description on the right")
            .clicked()
            || (enter && ready);
    });
    if add {
        let name = std::mem::take(&mut app.codebook.new_name);
        if let Some(code) = app.add_own_type(&name) {
            app.edit_type(&code);
        }
    }
    ui.separator();
    let revision = app.ws.revision.get();
    if app
        .codebook
        .uses
        .as_ref()
        .is_none_or(|(r, _)| *r != revision)
    {
        let counted = type_uses(&app.ws)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        app.codebook.uses = Some((revision, counted));
    }
    let uses = app.codebook.uses.take().map(|(_, u)| u).unwrap_or_default();
    let filter = app.codebook.filter.trim().to_string();
    let mut open = None;
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("codebook-list")
            .auto_shrink(false)
            .show(&mut cols[0], |ui| {
                let chosen = app.codebook.draft.as_ref().map(|d| d.code.as_str());
                open = type_list(ui, &app.ws, &filter, chosen, &uses);
            });
        editor(app, &mut cols[1], &uses);
    });
    app.codebook.uses = Some((revision, uses));
    if let Some(code) = open {
        if let Some(d) = app.codebook.draft.clone() {
            app.commit_type(&d);
        }
        app.edit_type(&code);
    }
}

/// The codebook's tree, filtered; returns the type clicked.
fn type_list(
    ui: &mut egui::Ui,
    ws: &crate::core::model::Workspace,
    filter: &str,
    chosen: Option<&str>,
    uses: &std::collections::HashMap<String, usize>,
) -> Option<String> {
    let mut clicked = None;
    let mut heading: Option<String> = None;
    for row in tree(ws) {
        match row {
            Row::Group { .. } => heading = row.heading(),
            Row::Type { t, depth } => {
                if !filter.is_empty() && !matches(ws, t, filter) {
                    continue;
                }
                if let Some(h) = heading.take() {
                    ui.label(egui::RichText::new(h).strong());
                }
                ui.horizontal(|ui| {
                    ui.add_space(12.0 * (depth + 1) as f32);
                    crate::ui::inspector::swatch(ui, t.rgb());
                    let n = uses.get(&t.code).copied().unwrap_or(0);
                    let text = format!("{} {}  ·  {n} event(s)", t.code, t.label);
                    // Cut at the column's edge, never over the editor beside it.
                    let b =
                        egui::Button::selectable(chosen == Some(t.code.as_str()), &text).truncate();
                    let r = ui.add(b).on_hover_text(if t.description.is_empty() {
                        text.clone()
                    } else {
                        format!("{text}\n{}", t.description)
                    });
                    if r.clicked() {
                        clicked = Some(t.code.clone());
                    }
                });
            }
        }
    }
    clicked
}

/// The open type's fields, and Merge into… and Delete.
fn editor(
    app: &mut DetenteApp,
    ui: &mut egui::Ui,
    uses: &std::collections::HashMap<String, usize>,
) {
    let Some(mut d) = app.codebook.draft.take() else {
        ui.weak(
            "Choose a type to set its colour and description, or add your own type above: \
             it goes beside CAMEO's in the Inspector's type picker and in every export.",
        );
        return;
    };
    let Some(stored) = app.ws.event_type(&d.code).cloned() else {
        return;
    };
    let cameo = is_cameo(&d.code);
    let mut commit = false;
    ui.label(egui::RichText::new(format!("{} {}", stored.code, stored.label)).strong());
    if cameo {
        ui.weak("A CAMEO type: its name and place are the standard's; its colour and description are yours.");
    }
    egui::Grid::new("type-fields")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label("Name");
            let r = ui
                .add_enabled(
                    !cameo,
                    egui::TextEdit::singleline(&mut d.label).desired_width(240.0),
                )
                .labelled_by(l.id);
            commit |= r.lost_focus();
            ui.end_row();
            let l = ui.label("Colour");
            let r = ui.color_edit_button_srgb(&mut d.colour).labelled_by(l.id);
            // The picker's popup changes the colour while it is dragged:
            // stored when the popup closes, as one step.
            commit |= r.changed() && !egui::Popup::is_any_open(ui.ctx());
            commit |= r.clicked_elsewhere() && stored.rgb() != d.colour;
            ui.end_row();
            let l = ui.label("Parent");
            if cameo {
                ui.weak(format!(
                    "{} {}",
                    crate::core::vocab::root_of(&d.code),
                    root_label(crate::core::vocab::root_of(&d.code))
                ));
            } else {
                commit |= parent_picker(ui, &app.ws, &mut d, l.id);
            }
            ui.end_row();
            let l = ui.label("Description");
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut d.description)
                        .hint_text("What this type covers: when to use it, when not")
                        .desired_rows(3)
                        .desired_width(240.0),
                )
                .labelled_by(l.id);
            commit |= r.lost_focus();
            ui.end_row();
        });
    if commit {
        app.commit_type(&d);
        app.edit_type(&d.code);
        if let Some(now) = app.codebook.draft.take() {
            d = now;
        }
    }
    let events = uses.get(&d.code).copied().unwrap_or(0);
    if ui
        .add_enabled(
            events > 0,
            egui::Button::new(format!("Show its {events} event(s) in Retrieve")),
        )
        .clicked()
    {
        app.retrieve.kind = crate::ui::retrieve::state::Kind::Type;
        app.retrieve.value = Some(d.code.clone());
        app.bottom_tab = BottomTab::Retrieve;
    }
    if cameo {
        app.codebook.draft = Some(d);
        return;
    }
    ui.separator();
    ui.horizontal(|ui| {
        let others: Vec<(String, String)> = (app.ws.vocabularies.event_types.iter())
            .filter(|t| t.code != d.code)
            .map(|t| (t.code.clone(), t.shown()))
            .collect();
        let chosen = (app.codebook.merge_into.as_ref())
            .and_then(|m| others.iter().find(|(c, _)| c == m))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "choose…".into());
        let l = ui.label("Merge into");
        egui::ComboBox::from_id_salt("type-merge-into")
            .selected_text(chosen)
            .height(300.0)
            .show_ui(ui, |ui| {
                for (code, name) in &others {
                    ui.selectable_value(&mut app.codebook.merge_into, Some(code.clone()), name);
                }
            })
            .response
            .labelled_by(l.id);
        let target = app.codebook.merge_into.clone();
        if ui
            .add_enabled(target.is_some(), egui::Button::new("Merge"))
            .on_hover_text("Every event of this type takes the other; this type goes")
            .clicked()
            && let Some(into) = target
        {
            app.commit_type(&d);
            match merge_types_edit(&app.ws, &d.code, &into) {
                Ok(edit) => {
                    app.apply(edit);
                    app.notices.push(format!(
                        "Merged “{}” into {into}; {events} event(s) now have it (Undo takes it back).",
                        d.label
                    ));
                    app.edit_type(&into);
                }
                Err(why) => app.notices.push(why),
            }
        }
    });
    if app.ws.event_type(&d.code).is_none() {
        return;
    }
    let delete = ui
        .add_enabled(events == 0, egui::Button::new("Delete type"))
        .on_disabled_hover_text("Events have this type: merge it into another instead");
    if delete.clicked() {
        match delete_type_edit(&app.ws, &d.code) {
            Ok(edit) => {
                app.apply(edit);
                return;
            }
            Err(why) => app.notices.push(why),
        }
    }
    if app.codebook.draft.is_none() {
        app.codebook.draft = Some(d);
    }
}

/// The parent of an own type: none, a CAMEO root or another own type that
/// does not sit under it. True when the choice changed.
fn parent_picker(
    ui: &mut egui::Ui,
    ws: &crate::core::model::Workspace,
    d: &mut TypeDraft,
    label: egui::Id,
) -> bool {
    let name = |code: &str| -> String {
        if code.is_empty() {
            "none (top of Own codes)".into()
        } else if let Some(t) = ws.event_type(code).filter(|t| !is_cameo(&t.code)) {
            t.shown()
        } else {
            format!("{code} {} (CAMEO root)", root_label(code))
        }
    };
    let mut choices: Vec<String> = vec![String::new()];
    choices.extend((1..=20).map(|n| format!("{n:02}")));
    choices.extend(
        (ws.vocabularies.event_types.iter())
            .filter(|t| !is_cameo(&t.code) && t.code != d.code)
            .filter(|t| !ancestors(ws, &t.code).any(|c| c == d.code))
            .map(|t| t.code.clone()),
    );
    let before = d.parent.clone();
    egui::ComboBox::from_id_salt("type-parent")
        .selected_text(name(&d.parent))
        .height(300.0)
        .show_ui(ui, |ui| {
            for c in &choices {
                ui.selectable_value(&mut d.parent, c.clone(), name(c));
            }
        })
        .response
        .labelled_by(label);
    d.parent != before
}
