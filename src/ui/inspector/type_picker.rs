//! The Inspector's event type picker: the codebook's tree (CAMEO roots
//! with their types and the own types under them, then Own codes) in a
//! popup with a search field that has the keyboard when it opens. It opens
//! on the current type, not where it was last scrolled; a group heading is
//! not a choice (a click on one leaves the popup open); Enter takes the
//! first match; a search that names no type offers to add it as an own
//! type.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::codebook::{Row, matches, tree};
use crate::core::model::Workspace;

/// What was chosen in the picker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeChoice {
    /// This type's code.
    Pick(String),
    /// A new own type with this name.
    Create(String),
}

/// The picker's button, labelled by `label`, and its popup.
pub(crate) fn type_picker(
    ui: &mut egui::Ui,
    ws: &Workspace,
    current: &str,
    query: &mut String,
    frames_open: &mut u8,
    label: egui::Id,
) -> Option<TypeChoice> {
    let shown = ws
        .event_type(current)
        .map(|t| t.shown())
        .unwrap_or_else(|| current.to_string());
    let button = ui
        .add(
            egui::Button::new(shown)
                .truncate()
                .min_size(egui::vec2(ui.available_width(), 0.0)),
        )
        .labelled_by(label)
        .on_hover_text("Choose the event type: type to search CAMEO's and your own");
    // The arrow a drop-down list shows, at the button's right end.
    let r = button.rect;
    let c = egui::pos2(r.right() - 10.0, r.center().y);
    ui.painter().add(egui::Shape::convex_polygon(
        vec![
            c + egui::vec2(-4.0, -2.0),
            c + egui::vec2(4.0, -2.0),
            c + egui::vec2(0.0, 3.0),
        ],
        ui.visuals().widgets.inactive.fg_stroke.color,
        egui::Stroke::NONE,
    ));
    let mut choice = None;
    // The first frames of a popup size it: the current type is scrolled
    // to in each of them.
    let opening = *frames_open == 0;
    let settling = *frames_open < 3;
    let open = egui::Popup::menu(&button)
        .id(button.id.with("types"))
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .width(button.rect.width().max(300.0))
        .show(|ui| {
            if opening {
                query.clear();
            }
            let l = ui.label("Search types");
            let search = ui
                .add(
                    egui::TextEdit::singleline(query)
                        .hint_text("code, name or description")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            // Typing goes to the search while the picker is open, also
            // after a click on a heading took the focus away.
            if opening || ui.memory(|m| m.focused().is_none()) {
                search.request_focus();
            }
            let q = query.trim().to_string();
            let rows = tree(ws);
            let hits: Vec<&str> = rows
                .iter()
                .filter_map(|r| match r {
                    Row::Type { t, .. } if q.is_empty() || matches(ws, t, &q) => {
                        Some(t.code.as_str())
                    }
                    _ => None,
                })
                .collect();
            if search.has_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !q.is_empty()
                && let Some(first) = hits.first()
            {
                choice = Some(TypeChoice::Pick(first.to_string()));
            }
            // Always as tall: a search that left two rows must not leave the
            // list two rows high once it is cleared.
            let mut area = egui::ScrollArea::vertical()
                .id_salt("type-picker-list")
                .max_height(320.0)
                .auto_shrink([true, false]);
            if search.changed() {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show(ui, |ui| {
                let mut heading: Option<String> = None;
                for row in &rows {
                    match row {
                        Row::Group { .. } => heading = row.heading(),
                        Row::Type { t, depth } => {
                            if !hits.contains(&t.code.as_str()) {
                                continue;
                            }
                            if let Some(h) = heading.take() {
                                ui.add(
                                    egui::Label::new(egui::RichText::new(h).strong().weak())
                                        .selectable(false),
                                );
                            }
                            ui.horizontal(|ui| {
                                ui.add_space(10.0 * (*depth + 1) as f32);
                                super::swatch(ui, t.rgb());
                                let r = ui.selectable_label(t.code == current, t.shown());
                                let r = if t.description.is_empty() {
                                    r
                                } else {
                                    r.on_hover_text(&t.description)
                                };
                                if settling && t.code == current {
                                    r.scroll_to_me(Some(egui::Align::Center));
                                }
                                if r.clicked() {
                                    choice = Some(TypeChoice::Pick(t.code.clone()));
                                }
                            });
                        }
                    }
                }
                if hits.is_empty() {
                    ui.weak("No type matches.");
                }
            });
            let named = ws
                .vocabularies
                .event_types
                .iter()
                .any(|t| t.label.eq_ignore_ascii_case(&q));
            if !q.is_empty() && !named {
                ui.separator();
                if ui
                    .button(format!("New own type “{q}”"))
                    .on_hover_text("Added to the codebook (Codebook tab) and given to this event")
                    .clicked()
                {
                    choice = Some(TypeChoice::Create(q.clone()));
                }
            }
            if choice.is_some() {
                ui.close();
            }
        });
    *frames_open = if open.is_some() && choice.is_none() {
        frames_open.saturating_add(1)
    } else {
        0
    };
    choice
}
