//! The Inspector: the selected event's fields and evidence. Edits go to a
//! draft and become one undoable step when a field is finished (focus
//! leaves it) or a choice is made.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

mod made_by;
mod orphans;
pub mod state;
mod suggestions;
mod type_picker;

use crate::core::history::Edit;
use crate::core::model::{Actor, ActorRef, Role, Status, author, new_id, now};
use crate::text::normalise::short;
use crate::ui::app::DetenteApp;
use crate::ui::notebook;
use egui::Color32;

/// Shown under a passage whose date came from another clause of its
/// sentence (the tagger's guess may belong to another event).
pub const OTHER_CLAUSE_NOTE: &str = "⚠ This date is from another clause of the sentence: check that it is this event's, or correct it above.";

/// A memo to show, or a new one to write (its title and a link).
enum MemoAction {
    Open(crate::core::model::Id),
    New(String, String),
}

fn role_label(r: Role) -> &'static str {
    match r {
        Role::Source => "acted",
        Role::Target => "counterpart",
        Role::Participant => "took part",
    }
}

pub(crate) fn swatch(ui: &mut egui::Ui, rgb: [u8; 3]) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, Color32::from_rgb(rgb[0], rgb[1], rgb[2]));
}

/// A single-line field tied to its label; true when editing finished.
fn field(ui: &mut egui::Ui, label: &str, value: &mut String) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    r.lost_focus()
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    ui.heading("Event");
    let Some(id) = app.selected_event.clone() else {
        ui.weak("Select an event on the timeline, in the table, or click a highlight in the text. To make one, select a passage and press Ctrl/Cmd+E.");
        return;
    };
    let Some(stored) = app.ws.event(&id).cloned() else {
        return;
    };
    // Actors the event's text names: found once per change of the
    // workspace or of the event shown, not every frame.
    let revision = app.ws.revision.get();
    if (app.inspector.suggested.as_ref()).is_none_or(|(r, e, _)| *r != revision || *e != id) {
        let named = crate::core::suggest::named_actors(&app.ws, &stored);
        app.inspector.suggested = Some((revision, id.clone(), named));
    }
    let st = &mut app.inspector;
    if st.draft.as_ref().map(|d| d.id.as_str()) != Some(id.as_str()) {
        st.draft = Some(stored.clone());
        st.date_text = stored
            .date
            .as_ref()
            .map(|d| d.edtf().to_string())
            .unwrap_or_default();
        st.tags_text = stored.tags.join(", ");
        st.passage_dates = stored
            .evidence
            .iter()
            .map(|p| {
                let d = p.date.as_ref().map(|d| d.edtf().to_string());
                (p.id.clone(), d.unwrap_or_default())
            })
            .collect();
        st.review_note.clear();
    }
    let mut commit = false;
    let mut new_actor: Option<Actor> = None;
    // A new own type named in the type picker's search.
    let mut new_type: Option<String> = None;
    let mut jump: Option<(String, String)> = None;
    let mut delete = false;
    let mut memo_action: Option<MemoAction> = None;
    // (orphaned passage id, place it at the selection or drop it)
    let mut orphan_action: Option<(String, bool)> = None;
    let can_place = app.reader.selection.is_some() && app.selected_article.is_some();
    // Borrow the workspace and the inspector's state side by side: nothing
    // is copied per frame.
    let ws = &app.ws;
    let actors = &ws.actors;
    let st = &mut app.inspector;
    let draft = st.draft.as_mut().expect("set above");
    egui::ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink(false)
        .show(ui, |ui| {
            commit |= field(ui, "Headline", &mut draft.headline);

            let l = ui.label("Event type");
            match type_picker::type_picker(
                ui,
                ws,
                &draft.kind,
                &mut st.type_query,
                &mut st.type_open,
                l.id,
            ) {
                Some(type_picker::TypeChoice::Pick(code)) => {
                    draft.kind = code;
                    commit = true;
                }
                Some(type_picker::TypeChoice::Create(name)) => new_type = Some(name),
                None => {}
            }

            let l = ui.label("Date (EDTF)");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut st.date_text)
                        .hint_text("2023-05-10, 10-11 May 2023, May 2023, c. Jan 2023")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            // "next Tuesday" is read against the event's article's date.
            let anchor = draft
                .evidence
                .first()
                .and_then(|p| ws.article(&p.article))
                .and_then(|a| a.published.as_ref())
                .and_then(|d| d.earliest().filter(|e| Some(*e) == d.latest()));
            let parsed = if st.date_text.trim().is_empty() {
                Ok(None)
            } else {
                crate::dates::typed::parse_typed_at(&st.date_text, anchor).map(Some)
            };
            match &parsed {
                Ok(Some(d)) => {
                    ui.label(egui::RichText::new(d.human()).strong());
                    // The reasoning belongs to the stored date, while it is unchanged.
                    if let Some(stored) = draft.date.as_ref().filter(|x| x.edtf() == d.edtf())
                        && let Some(expr) = &stored.expression
                    {
                        let rule = stored
                            .rule
                            .as_ref()
                            .map(|r| format!(" ({r})"))
                            .unwrap_or_default();
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(format!("from “{expr}”{rule}")).weak(),
                            )
                            .wrap(),
                        );
                    }
                }
                Ok(None) => {
                    ui.weak("undated");
                }
                Err(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                }
            }
            // A date only taken from the article's publication: confirm
            // it (or type the right one) and the timeline's "check" goes.
            if draft.date.as_ref().is_some_and(|d| d.needs_check()) {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "The passage gives no date: this is the article's publication date.",
                    );
                    if ui.button("Confirm date").clicked() {
                        draft.date = draft.date.take().map(|d| d.confirmed());
                        commit = true;
                    }
                });
            }
            // Sources that disagree on the date: fix a passage's date
            // below, or say it was looked into.
            if let Some(msg) = draft.disagreement() {
                if draft.date_review.is_empty() {
                    ui.colored_label(ui.visuals().warn_fg_color, msg);
                    ui.horizontal_wrapped(|ui| {
                        let l = ui.label("Review note");
                        ui.add(
                            egui::TextEdit::singleline(&mut st.review_note)
                                .hint_text("why the date above stands")
                                .desired_width(ui.available_width() - 110.0),
                        )
                        .labelled_by(l.id);
                        if ui
                            .add_enabled(
                                !st.review_note.trim().is_empty(),
                                egui::Button::new("Mark reviewed"),
                            )
                            .clicked()
                        {
                            draft.date_review = st.review_note.trim().to_string();
                            st.review_note.clear();
                            commit = true;
                        }
                    });
                } else {
                    ui.weak(format!("{msg}; reviewed: {}", draft.date_review));
                    if ui.small_button("Reopen").clicked() {
                        draft.date_review.clear();
                        commit = true;
                    }
                }
            }
            if r.lost_focus()
                && let Ok(d) = parsed
                && d.as_ref().map(|d| d.edtf()) != draft.date.as_ref().map(|d| d.edtf())
            {
                draft.date = d;
                commit = true;
            }

            let l = ui.label("Status");
            egui::ComboBox::from_id_salt("status")
                .selected_text(draft.status.as_str())
                .show_ui(ui, |ui| {
                    for s in Status::ALL {
                        if ui.selectable_label(draft.status == s, s.as_str()).clicked() {
                            draft.status = s;
                            commit = true;
                        }
                    }
                })
                .response
                .labelled_by(l.id);

            commit |= field(ui, "Place", &mut draft.place);

            ui.separator();
            ui.strong("Actors");
            let mut remove = None;
            for (i, r) in draft.actors.iter_mut().enumerate() {
                let Some(a) = actors.iter().find(|a| a.id == r.actor) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    let name = ui.label(&a.name);
                    if !a.code().is_empty() {
                        ui.weak(a.code());
                    }
                    egui::ComboBox::from_id_salt(("role", i))
                        .selected_text(role_label(r.role))
                        .show_ui(ui, |ui| {
                            for role in [Role::Source, Role::Target, Role::Participant] {
                                if ui
                                    .selectable_label(r.role == role, role_label(role))
                                    .clicked()
                                {
                                    r.role = role;
                                    commit = true;
                                }
                            }
                        })
                        .response
                        .labelled_by(name.id);
                    if ui
                        .small_button("Remove")
                        .on_hover_text(format!("Remove {}", a.name))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                draft.actors.remove(i);
                commit = true;
            }
            // Named in the passages' sentences: one click each.
            let offered = st
                .suggested
                .as_ref()
                .map_or(&[][..], |(_, _, ids)| &ids[..]);
            commit |= suggestions::offer(ui, offered, actors, draft);
            let add_label = ui.label("Add an existing actor");
            egui::ComboBox::from_id_salt("add-actor")
                .selected_text("choose…")
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    // Projects have hundreds of actors: search by name,
                    // alias or code; Enter takes the first match.
                    let find = ui.label("Find actor");
                    let search = ui
                        .add(
                            egui::TextEdit::singleline(&mut st.actor_query)
                                .hint_text("name, alias or code"),
                        )
                        .labelled_by(find.id);
                    search.request_focus();
                    let q = st.actor_query.trim().to_lowercase();
                    let candidates: Vec<&Actor> = actors
                        .iter()
                        .filter(|a| !draft.actors.iter().any(|r| r.actor == a.id))
                        .filter(|a| {
                            q.is_empty()
                                || a.name.to_lowercase().contains(&q)
                                || a.code().to_lowercase().contains(&q)
                                || a.aliases.iter().any(|x| x.to_lowercase().contains(&q))
                        })
                        .collect();
                    if candidates.is_empty() {
                        ui.weak("No actor matches; add a new one below.");
                    }
                    if !q.is_empty()
                        && ui.input(|i| i.key_pressed(egui::Key::Enter))
                        && let Some(a) = candidates.first()
                    {
                        draft.actors.push(ActorRef {
                            actor: a.id.clone(),
                            role: Role::Participant,
                        });
                        commit = true;
                        st.actor_query.clear();
                        ui.close();
                        return;
                    }
                    for a in candidates {
                        let text = if a.code().is_empty() {
                            a.name.clone()
                        } else {
                            format!("{} ({})", a.name, a.code())
                        };
                        if ui.selectable_label(false, text).clicked() {
                            draft.actors.push(ActorRef {
                                actor: a.id.clone(),
                                role: Role::Participant,
                            });
                            commit = true;
                        }
                    }
                })
                .response
                .labelled_by(add_label.id);
            egui::CollapsingHeader::new("New actor")
                .id_salt("new-actor")
                .show(ui, |ui| {
                    field(ui, "Name", &mut st.new_actor_name);
                    ui.horizontal_wrapped(|ui| {
                        let l = ui.label("Country");
                        ui.add(
                            egui::TextEdit::singleline(&mut st.new_actor_country)
                                .desired_width(50.0)
                                .hint_text("USA"),
                        )
                        .labelled_by(l.id);
                        let l = ui.label("Sector");
                        ui.add(
                            egui::TextEdit::singleline(&mut st.new_actor_sector)
                                .desired_width(50.0)
                                .hint_text("GOV"),
                        )
                        .labelled_by(l.id);
                    });
                    let country = st.new_actor_country.trim().to_ascii_uppercase();
                    let ok_country =
                        country.is_empty() || crate::core::vocab::is_actor_country(&country);
                    if !ok_country {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "Country: an ISO 3166 alpha-3 code (USA, CHN) or IGO code",
                        );
                    }
                    let name = st.new_actor_name.trim().to_string();
                    if ui
                        .add_enabled(
                            !name.is_empty() && ok_country,
                            egui::Button::new("Add new actor"),
                        )
                        .clicked()
                    {
                        let a = Actor {
                            past: Default::default(),
                            id: new_id("act"),
                            name,
                            aliases: vec![],
                            country,
                            sector: st.new_actor_sector.trim().to_ascii_uppercase(),
                            office: String::new(),
                            created_by: author(),
                            changed_by: author(),
                            changed: now(),
                            absorbed: vec![],
                        };
                        draft.actors.push(ActorRef {
                            actor: a.id.clone(),
                            role: Role::Participant,
                        });
                        new_actor = Some(a);
                        st.new_actor_name.clear();
                        st.new_actor_country.clear();
                        st.new_actor_sector.clear();
                    }
                });

            ui.separator();
            let l = ui.label("Tags (comma-separated)");
            let r = ui
                .add(egui::TextEdit::singleline(&mut st.tags_text).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            if r.lost_focus() {
                let mut tags: Vec<String> = st
                    .tags_text
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                tags.dedup();
                if tags != draft.tags {
                    draft.tags = tags;
                    commit = true;
                }
            }
            let l = ui.label("Notes");
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut draft.notes)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            commit |= r.lost_focus();
            // Who made it and who changed it last: a merged colleague's
            // work says whose it is.
            if let Some(line) = made_by::made_by(
                &draft.created_by,
                &draft.changed_by,
                &draft.created,
                &draft.modified,
            ) {
                ui.weak(line);
            }

            ui.separator();
            ui.strong(format!("Evidence ({})", draft.evidence.len()));
            let mut remove = None;
            let mut redated: Option<(usize, Option<crate::dates::edtf::DateValue>)> = None;
            for (i, p) in draft.evidence.iter().enumerate() {
                let article = ws.article(&p.article);
                let title = article.map(|a| a.title.clone()).unwrap_or_default();
                ui.weak(short(&title));
                // What this source says of the date, correctable (a date
                // taken from another clause of the sentence, say).
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label("Says");
                    let text = st.passage_dates.entry(p.id.clone()).or_default();
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text("no date")
                                .desired_width(170.0),
                        )
                        .labelled_by(l.id);
                    let anchor = article
                        .and_then(|a| a.published.as_ref())
                        .and_then(|d| d.earliest().filter(|e| Some(*e) == d.latest()));
                    let parsed = if text.trim().is_empty() {
                        Ok(None)
                    } else {
                        crate::dates::typed::parse_typed_at(text, anchor).map(Some)
                    };
                    match &parsed {
                        Ok(Some(d)) => {
                            let found = p.date.as_ref().filter(|x| x.edtf() == d.edtf());
                            let why = found
                                .and_then(|x| x.expression.as_ref())
                                .map(|e| format!(" from “{e}”"))
                                .unwrap_or_default();
                            // Cut at the panel's edge: a long line must not
                            // widen the inspector. On hover, one tooltip:
                            // the whole reading and the rule that made it,
                            // as `detente dates` prints it.
                            let said = format!("{}{why}", d.human());
                            let rule = found
                                .and_then(|x| x.rule.as_ref())
                                .map(|r| format!("\nRule: {r}"))
                                .unwrap_or_default();
                            ui.add(
                                egui::Label::new(egui::RichText::new(&said).weak())
                                    .truncate()
                                    .show_tooltip_when_elided(false),
                            )
                            .on_hover_text(format!("{said} ({}){rule}", d.edtf()));
                        }
                        Ok(None) => {}
                        Err(e) => {
                            let e = e.to_string();
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(&e).color(ui.visuals().error_fg_color),
                                )
                                .truncate(),
                            );
                        }
                    }
                    if r.lost_focus()
                        && let Ok(d) = parsed
                        && d.as_ref().map(|d| d.edtf()) != p.date.as_ref().map(|d| d.edtf())
                    {
                        redated = Some((i, d));
                    }
                });
                if p.date
                    .as_ref()
                    .is_some_and(crate::dates::find::from_other_clause)
                {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(OTHER_CLAUSE_NOTE)
                                .color(ui.visuals().warn_fg_color),
                        )
                        .wrap(),
                    );
                }
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .link(format!("“{}”", short(&p.anchor.exact)))
                        .on_hover_text("Show in the text")
                        .clicked()
                    {
                        jump = Some((p.article.clone(), p.id.clone()));
                    }
                    if let Some(a) = article
                        && ui
                            .small_button("Copy citation")
                            .on_hover_text(
                                "The quote and its Chicago citation, to paste in a paper",
                            )
                            .clicked()
                    {
                        ui.ctx().copy_text(citation_of(&p.anchor.exact, a));
                    }
                    if ui.small_button("Remove passage").clicked() {
                        remove = Some(i);
                    }
                });
                // The memos that cite this very passage.
                let cite = crate::core::memo::linking(ws, &[p.id.as_str()]);
                if let Some(m) = notebook::memo_links(ui, "In memos", &cite) {
                    memo_action = Some(MemoAction::Open(m));
                }
            }
            if let Some(i) = remove {
                draft.evidence.remove(i);
                commit = true;
            }
            if let Some((i, d)) = redated {
                draft.evidence[i].date = d;
                commit = true;
            }
            // Passages that lost their place when an article's text changed.
            let orphans: Vec<&crate::core::model::Orphan> =
                ws.orphans.iter().filter(|o| o.event == draft.id).collect();
            if !orphans.is_empty() {
                ui.separator();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("Orphaned passages ({})", orphans.len()),
                );
                for o in orphans {
                    ui.weak(format!("“{}”", short(&o.passage.anchor.exact)));
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .add_enabled(can_place, egui::Button::new("Place at selection"))
                            .on_hover_text("Select the passage's text in the reader first")
                            .clicked()
                        {
                            orphan_action = Some((o.passage.id.clone(), true));
                        }
                        if ui.button("Drop").clicked() {
                            orphan_action = Some((o.passage.id.clone(), false));
                        }
                    });
                }
            }
            ui.separator();
            let mut ids = vec![draft.id.as_str()];
            ids.extend(draft.evidence.iter().map(|p| p.id.as_str()));
            let memos = crate::core::memo::linking(ws, &ids);
            ui.strong(format!("Memos ({})", memos.len()));
            if let Some(m) = notebook::memo_links(ui, "", &memos) {
                memo_action = Some(MemoAction::Open(m));
            }
            if ui
                .button("New memo on this event")
                .on_hover_text("A memo that links this event, to write why or what it shows")
                .clicked()
            {
                memo_action = Some(MemoAction::New(
                    draft.headline.clone(),
                    crate::core::memo::link_markdown(&draft.headline, &draft.id),
                ));
            }
            ui.separator();
            if ui.button("Delete event").clicked() {
                delete = true;
            }
        });
    if let Some((pid, place)) = orphan_action {
        orphans::resolve_orphan(app, &pid, place);
        return;
    }
    if let Some((article, passage)) = jump {
        app.jump_to_passage(&article, &passage);
    }
    if delete {
        let headline = crate::text::normalise::short(&stored.headline);
        app.apply(Edit::delete_event(stored));
        app.notices
            .push(format!("Deleted “{headline}” (Ctrl/Cmd+Z to undo)."));
        return;
    }
    let draft = app.inspector.draft.clone().expect("set above");
    if let Some(name) = new_type {
        // The type and the event's change: one step.
        match app.own_type_edit(&name) {
            Ok((edit, code)) => {
                let mut after = draft;
                after.kind = code.clone();
                after.modified = now();
                after.changed_by = author();
                app.apply(Edit::Named(
                    "new event type",
                    vec![edit, Edit::change_event(stored, after)],
                ));
                app.notices.push(format!(
                    "Added the own type {code} “{name}”: set its parent, colour and description in the Codebook tab."
                ));
            }
            Err(why) => app.notices.push(format!("Not added: {why}")),
        }
    } else if let Some(actor) = new_actor {
        let mut after = draft;
        after.modified = now();
        after.changed_by = author();
        app.apply(Edit::Batch(vec![
            Edit::new_actor(actor),
            Edit::change_event(stored, after),
        ]));
    } else if commit && draft != stored {
        let mut after = draft;
        after.headline = after.headline.trim().to_string();
        if after.headline.is_empty() {
            after.headline = stored.headline.clone();
        }
        after.modified = now();
        after.changed_by = author();
        app.apply(Edit::change_event(stored, after));
    }
    // Last: a new memo is an edit of its own, after the event's.
    match memo_action {
        Some(MemoAction::Open(m)) => app.open_memo(&m),
        Some(MemoAction::New(title, link)) => app.new_memo_with(&title, format!("{link}\n\n")),
        None => {}
    }
}

/// A passage's quote and its article's Chicago note, as plain text (the
/// outlet's italics marks dropped): what "Copy citation" puts on the
/// clipboard.
pub(crate) fn citation_of(quote: &str, a: &crate::core::model::Article) -> String {
    let note = crate::exchange::report::cite::note(a, crate::exchange::report::Style::Chicago);
    format!(
        "\u{201c}{}\u{201d} {}",
        crate::text::normalise::one_line(quote),
        note.replace('*', "")
    )
}
