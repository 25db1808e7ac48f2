//! The Inspector's "Named in the text" row: the actors the event's
//! passages and their sentences name (found by `core::suggest`, once per
//! change) that the event does not name yet, each added with one click as
//! taking part.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::model::{Actor, ActorRef, Event, Id, Role};

/// Offer the actors of `offered` the draft does not name; true when one
/// was added.
pub(super) fn offer(
    ui: &mut egui::Ui,
    offered: &[Id],
    actors: &[Actor],
    draft: &mut Event,
) -> bool {
    let named: Vec<&Actor> = offered
        .iter()
        .filter(|id| !draft.actors.iter().any(|r| &r.actor == *id))
        .filter_map(|id| actors.iter().find(|a| &a.id == id))
        .collect();
    if named.is_empty() {
        return false;
    }
    let mut added = false;
    ui.horizontal_wrapped(|ui| {
        ui.weak("Named in the text:").on_hover_text(
            "Actors whose name or alias is in a passage of this event or its sentence",
        );
        for a in named {
            if ui
                .small_button(format!("+ {}", a.name))
                .on_hover_text("Add as taking part (change the role after)")
                .clicked()
            {
                draft.actors.push(ActorRef {
                    actor: a.id.clone(),
                    role: Role::Participant,
                });
                added = true;
            }
        }
    });
    added
}
