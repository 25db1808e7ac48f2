//! The Actors tab: every actor with the events and passages that name it;
//! the open one's name, aliases, country and sector edited (each field one
//! undoable step when left), merged into another actor (a typo's duplicate:
//! every role and alias moves, one undoable step, and `detente merge` later
//! points a colleague's copy at the right one), or deleted when no event
//! names it.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::curate::{actor_uses, delete_actor_edit, merge_actors_edit};
use crate::core::history::Edit;
use crate::core::model::Id;
use crate::ui::app::DetenteApp;
use state::ActorDraft;

impl DetenteApp {
    /// Open actor `id` for editing in the Actors tab.
    pub fn edit_actor(&mut self, id: &Id) {
        let Some(a) = self.ws.actors.iter().find(|a| &a.id == id) else {
            return;
        };
        let same = self.actors.draft.as_ref().is_some_and(|d| &d.actor == id);
        self.actors.draft = Some(ActorDraft {
            actor: a.id.clone(),
            name: a.name.clone(),
            aliases: a.aliases.join("; "),
            country: a.country.clone(),
            sector: a.sector.clone(),
        });
        // The actor to merge into is kept while the same actor stays open.
        if !same {
            self.actors.merge_into = None;
        }
    }

    /// The draft into its actor, as one undoable step when a field changed;
    /// a country that is no ISO or IGO code, or an empty name, is refused
    /// with why.
    pub(crate) fn commit_actor(&mut self, d: &ActorDraft) {
        let Some(before) = self.ws.actors.iter().find(|a| a.id == d.actor).cloned() else {
            return;
        };
        let line = crate::text::normalise::one_line;
        let mut after = before.clone();
        after.name = line(&d.name);
        after.aliases = d
            .aliases
            .split(';')
            .map(line)
            .filter(|a| !a.is_empty())
            .collect();
        after.country = line(&d.country).to_ascii_uppercase();
        after.sector = line(&d.sector).to_ascii_uppercase();
        if after.name.is_empty() {
            after.name = before.name.clone();
        }
        if !after.country.is_empty() && !crate::core::vocab::is_actor_country(&after.country) {
            self.notices.push(format!(
                "Not changed: \"{}\" is not an ISO 3166 alpha-3 country code (USA, CHN, RUS) or an IGO code (UNO, NATO, EUR).",
                after.country
            ));
            after.country = before.country.clone();
        }
        if after == before {
            return;
        }
        after.changed = crate::core::ids::now();
        after.changed_by = crate::core::ids::author();
        self.apply(Edit::Actor {
            before: Some(Box::new(before)),
            after: Some(Box::new(after)),
        });
    }
}

/// Draw the Actors tab.
pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let l = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut app.actors.filter)
                .hint_text("name, alias or code")
                .desired_width(200.0),
        )
        .labelled_by(l.id);
    });
    ui.separator();
    let filter = app.actors.filter.trim().to_lowercase();
    let revision = app.ws.revision.get();
    if app.actors.uses.as_ref().is_none_or(|(r, _)| *r != revision) {
        let counted = actor_uses(&app.ws)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        app.actors.uses = Some((revision, counted));
    }
    let uses = app.actors.uses.take().map(|(_, u)| u).unwrap_or_default();
    let mut rows: Vec<(Id, String, String, (usize, usize))> = app
        .ws
        .actors
        .iter()
        .filter(|a| {
            filter.is_empty()
                || a.name.to_lowercase().contains(&filter)
                || a.aliases.iter().any(|x| x.to_lowercase().contains(&filter))
                || a.code().to_lowercase().contains(&filter)
        })
        .map(|a| {
            (
                a.id.clone(),
                a.name.clone(),
                a.code(),
                uses.get(a.id.as_str()).copied().unwrap_or_default(),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.1.to_lowercase());
    ui.weak(if rows.len() == app.ws.actors.len() {
        format!("{} actors", rows.len())
    } else {
        format!("{} of {} actors", rows.len(), app.ws.actors.len())
    });
    let mut open = None;
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("actors-list")
            .auto_shrink(false)
            .show(&mut cols[0], |ui| {
                for (id, name, code, (events, passages)) in &rows {
                    let chosen = app.actors.draft.as_ref().is_some_and(|d| &d.actor == id);
                    let text = format!(
                        "{name}{}  ·  {events} event(s), {passages} passage(s)",
                        if code.is_empty() {
                            String::new()
                        } else {
                            format!("  {code}")
                        }
                    );
                    // Cut at the column's edge, never over the editor beside it.
                    let b = egui::Button::selectable(chosen, &text).truncate();
                    if ui.add(b).on_hover_text(&text).clicked() {
                        open = Some(id.clone());
                    }
                }
            });
        editor(app, &mut cols[1], &uses);
    });
    app.actors.uses = Some((revision, uses));
    if let Some(id) = open {
        if let Some(d) = app.actors.draft.clone() {
            app.commit_actor(&d);
        }
        app.edit_actor(&id);
    }
}

/// The open actor's fields, and Merge into… and Delete.
fn editor(
    app: &mut DetenteApp,
    ui: &mut egui::Ui,
    uses: &std::collections::HashMap<String, (usize, usize)>,
) {
    let Some(mut d) = app.actors.draft.take() else {
        ui.weak("Choose an actor to rename it, set its aliases and codes, merge it into another or delete it.");
        return;
    };
    if !app.ws.actors.iter().any(|a| a.id == d.actor) {
        return;
    }
    let mut commit = false;
    egui::Grid::new("actor-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value, hint) in [
                ("Name", &mut d.name, ""),
                ("Aliases", &mut d.aliases, "separated by ;"),
                ("Country", &mut d.country, "USA, CHN, NATO…"),
                ("Sector", &mut d.sector, "GOV, MIL, BUS…"),
            ] {
                let l = ui.label(name);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(value)
                            .hint_text(hint)
                            .desired_width(220.0),
                    )
                    .labelled_by(l.id);
                commit |= r.lost_focus();
                ui.end_row();
            }
        });
    if commit {
        app.commit_actor(&d);
        // The fields show what is stored now ("usa" as USA; a refused
        // country as it was), so a refusal is said once.
        app.edit_actor(&d.actor);
        if let Some(now) = app.actors.draft.take() {
            d = now;
        }
    }
    let (events, _) = uses.get(&d.actor).copied().unwrap_or_default();
    ui.separator();
    ui.horizontal(|ui| {
        let others: Vec<(Id, String)> = app
            .ws
            .actors
            .iter()
            .filter(|a| a.id != d.actor)
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let chosen = app
            .actors
            .merge_into
            .as_ref()
            .and_then(|m| others.iter().find(|(id, _)| id == m))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "choose…".into());
        let l = ui.label("Merge into");
        egui::ComboBox::from_id_salt("merge-into")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                for (id, name) in &others {
                    ui.selectable_value(&mut app.actors.merge_into, Some(id.clone()), name);
                }
            })
            .response
            .labelled_by(l.id);
        let target = app.actors.merge_into.clone();
        if ui
            .add_enabled(target.is_some(), egui::Button::new("Merge"))
            .on_hover_text(
                "Every event naming this actor names the other; its name becomes an alias",
            )
            .clicked()
            && let Some(into) = target
        {
            app.commit_actor(&d);
            let from_name = d.name.clone();
            if let Some(edit) = merge_actors_edit(&app.ws, &d.actor, &into) {
                app.apply(edit);
                app.notices.push(format!(
                    "Merged “{from_name}” into “{}”; {events} event(s) now name it.",
                    app.ws
                        .actors
                        .iter()
                        .find(|a| a.id == into)
                        .map(|a| a.name.as_str())
                        .unwrap_or_default()
                ));
                app.edit_actor(&into);
            }
        }
    });
    // Merged away: the actor taken in is open now.
    if !app.ws.actors.iter().any(|a| a.id == d.actor) {
        return;
    }
    let delete = ui
        .add_enabled(events == 0, egui::Button::new("Delete actor"))
        .on_disabled_hover_text("Events name this actor: merge it into another instead");
    if delete.clicked() {
        match delete_actor_edit(&app.ws, &d.actor) {
            Ok(edit) => {
                app.apply(edit);
                return;
            }
            Err(why) => app.notices.push(why),
        }
    }
    if app.actors.draft.is_none() {
        app.actors.draft = Some(d);
    }
}
