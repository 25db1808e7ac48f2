//! Selecting text in the Reader with the pointer (drag, double-click a
//! word, triple-click a paragraph, shift-click) and the keyboard
//! (caret mode: arrows move a caret and Shift+arrows select from it, by
//! word with Ctrl/Alt; Home/End; Ctrl+A, Ctrl+C).
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::ui::reader::layout::TextView;
use crate::ui::reader::paragraphs::Paragraphs;
use crate::ui::reader::state::ReaderState;
use egui::{Pos2, vec2};

/// A letter or digit of a script that separates words with spaces (a
/// selection that starts or ends inside such a word grows to the whole
/// word; CJK text has no spaces, so it is left as selected).
pub(crate) fn word_char(c: char) -> bool {
    c.is_alphanumeric() && c < '\u{2E80}'
}

/// The chars `s..e` with whitespace trimmed from both ends and cut words
/// completed, as a passage to tag.
pub(crate) fn trim_range(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut a, mut b) = (s.min(chars.len()), e.min(chars.len()));
    // A loose selection's start: spaces, and the end of the sentence
    // before (". On the second day…" is quoted from "On"). Opening quotes
    // and brackets stay.
    while a < b
        && (chars[a].is_whitespace()
            || matches!(
                chars[a],
                '.' | ',' | ';' | ':' | '!' | '?' | '。' | '，' | '；'
            ))
    {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    while a > 0 && word_char(chars[a - 1]) && word_char(chars[a]) {
        a -= 1;
    }
    while b < chars.len() && word_char(chars[b - 1]) && word_char(chars[b]) {
        b += 1;
    }
    Some((a, b))
}

/// The chars of the word (or the run of one kind of char) around `c`.
pub(crate) fn word_at(text: &str, paras: &Paragraphs, c: usize) -> (usize, usize) {
    let r = paras.chars[paras.of_char(c)].clone();
    let b = &paras.bytes[paras.of_char(c)];
    let chars: Vec<char> = text[b.clone()].chars().collect();
    if chars.is_empty() {
        return (r.start, r.start);
    }
    let kind = |ch: char| {
        if ch.is_whitespace() {
            0
        } else if word_char(ch) {
            1
        } else if ch.is_alphanumeric() {
            2
        } else {
            3
        }
    };
    let at = (c - r.start).min(chars.len() - 1);
    let k = kind(chars[at]);
    let (mut a, mut z) = (at, at + 1);
    while a > 0 && kind(chars[a - 1]) == k {
        a -= 1;
    }
    while z < chars.len() && kind(chars[z]) == k {
        z += 1;
    }
    (r.start + a, r.start + z)
}

/// Select with the pointer: press and drag (the text scrolls on past the
/// edges), shift-click to extend, double-click a word, triple-click a
/// paragraph. Returns the char clicked without a drag or a selection.
pub(super) fn pointer(
    ui: &mut egui::Ui,
    resp: &egui::Response,
    reader: &mut ReaderState,
    view: &mut TextView,
    text: &str,
    origin: Pos2,
) -> Option<usize> {
    let (pressed, down, shift, pointer, press_origin) = ui.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.modifiers.shift,
            i.pointer.interact_pos(),
            i.pointer.press_origin(),
        )
    });
    let mut clicked_at = None;
    if pressed
        && resp.is_pointer_button_down_on()
        && let Some(p) = press_origin
    {
        resp.request_focus();
        reader.keyboard = true;
        let at = view.char_at(ui, text, p - origin, &mut reader.layouts);
        match (shift, reader.selection, reader.caret) {
            (true, Some((s, e)), _) => {
                let anchor = if at < s { e } else { s };
                reader.drag_anchor = Some(anchor);
                reader.selection = Some((anchor.min(at), anchor.max(at))).filter(|(a, b)| a < b);
            }
            // Shift-click with only a caret: select from the caret.
            (true, None, Some(c)) => {
                reader.drag_anchor = Some(c);
                reader.selection = Some((c.min(at), c.max(at))).filter(|(a, b)| a < b);
            }
            _ => {
                reader.drag_anchor = Some(at);
                reader.selection = None;
            }
        }
        reader.caret = Some(at);
    }
    if let (Some(anchor), true, Some(p)) = (reader.drag_anchor, down, pointer)
        && resp.is_pointer_button_down_on()
    {
        let at = view.char_at(ui, text, p - origin, &mut reader.layouts);
        reader.selection = Some((anchor.min(at), anchor.max(at))).filter(|(a, b)| a < b);
        // Past the edge of the view, the text scrolls on.
        let clip = ui.clip_rect();
        let past = if p.y < clip.top() {
            clip.top() - p.y
        } else if p.y > clip.bottom() {
            clip.bottom() - p.y
        } else {
            0.0
        };
        if past != 0.0 {
            ui.scroll_with_delta_animation(
                vec2(0.0, past.clamp(-40.0, 40.0)),
                egui::style::ScrollAnimation::none(),
            );
            ui.ctx().request_repaint();
        }
    }
    if let Some(p) = resp.interact_pointer_pos() {
        let at = view.char_at(ui, text, p - origin, &mut reader.layouts);
        if resp.triple_clicked() {
            let r = view.paras.chars[view.paras.of_char(at)].clone();
            reader.selection = Some((r.start, r.end)).filter(|(a, b)| a < b);
            reader.drag_anchor = Some(r.start);
        } else if resp.double_clicked() {
            let (a, z) = word_at(text, &view.paras, at);
            reader.selection = Some((a, z)).filter(|(a, b)| a < b);
            reader.drag_anchor = Some(a);
        } else if resp.clicked() && !shift {
            // A click so quick that its press and release came in one
            // frame (a touchpad tap) never saw the press above: it places
            // the caret and drops the old selection here.
            if reader.caret != Some(at) || reader.selection.is_some() {
                resp.request_focus();
                reader.keyboard = true;
                reader.caret = Some(at);
                reader.drag_anchor = Some(at);
                reader.selection = None;
            }
            clicked_at = Some(at);
        }
    }
    if pressed && !resp.is_pointer_button_down_on() {
        reader.keyboard = false;
    }
    clicked_at
}

/// The keys that move the caret or the selection's end.
const MOVES: [egui::Key; 6] = [
    egui::Key::ArrowLeft,
    egui::Key::ArrowRight,
    egui::Key::ArrowUp,
    egui::Key::ArrowDown,
    egui::Key::Home,
    egui::Key::End,
];

/// Where `key` takes a position in the text (`by_word`: Ctrl/Alt+arrows).
fn moved(
    ui: &egui::Ui,
    key: egui::Key,
    by_word: bool,
    head: usize,
    text: &str,
    view: &mut TextView,
    reader: &mut ReaderState,
) -> usize {
    let n = text.chars().count();
    match key {
        egui::Key::ArrowRight if by_word => {
            let (_, z) = word_at(text, &view.paras, head.min(n.saturating_sub(1)));
            if z > head { z } else { (head + 1).min(n) }
        }
        egui::Key::ArrowRight => (head + 1).min(n),
        egui::Key::ArrowLeft if by_word => head
            .checked_sub(1)
            .map_or(0, |h| word_at(text, &view.paras, h).0),
        egui::Key::ArrowLeft => head.saturating_sub(1),
        egui::Key::ArrowUp | egui::Key::ArrowDown => {
            let r = view.char_rect(
                ui,
                text,
                view.paras.of_char(head),
                head,
                &mut reader.layouts,
            );
            let dy = if key == egui::Key::ArrowUp { -1.0 } else { 1.0 } * view.row_height;
            view.char_at(
                ui,
                text,
                vec2(r.left(), r.center().y + dy),
                &mut reader.layouts,
            )
        }
        egui::Key::Home => view.paras.chars[view.paras.of_char(head)].start,
        egui::Key::End => view.paras.chars[view.paras.of_char(head)].end,
        _ => head,
    }
}

/// Keys on the text. Caret mode: arrows (by word with Ctrl/Alt), Up/Down
/// and Home/End move the caret; with Shift they select from it, or move
/// the selection's end. Ctrl/Cmd+A selects all and Ctrl/Cmd+C copies.
#[allow(clippy::too_many_arguments)]
pub(super) fn keys(
    ui: &mut egui::Ui,
    resp: &egui::Response,
    text_id: egui::Id,
    reader: &mut ReaderState,
    view: &mut TextView,
    text: &str,
    origin: Pos2,
    first_in_view: usize,
) {
    // The keyboard works on the text after a press in it, until a press
    // elsewhere, and never while another widget (a text field) has focus.
    let focused = ui.memory(|m| m.focused());
    if resp.has_focus() || (reader.keyboard && focused.is_none()) {
        // Arrow keys move the selection's end here, not the focus.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                text_id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            )
        });
        let keys: Vec<(egui::Key, egui::Modifiers)> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } if MOVES.contains(key) => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        if !keys.is_empty() {
            // The end that moved last moves on and the other stays; with
            // nothing selected, the caret (else the first paragraph in
            // view) is both ends. Without Shift the caret moves alone.
            let n = text.chars().count();
            let (mut anchor, mut head) = match reader.selection {
                Some((s, e)) if reader.drag_anchor == Some(e) => (e, s),
                Some((s, e)) => (s, e),
                None => {
                    let c = reader.caret.unwrap_or(first_in_view).min(n);
                    (c, c)
                }
            };
            for (key, m) in keys {
                head = moved(ui, key, m.command || m.alt, head, text, view, reader);
                if !m.shift {
                    anchor = head;
                }
            }
            reader.drag_anchor = Some(anchor);
            reader.caret = Some(head);
            reader.selection = Some((anchor.min(head), anchor.max(head))).filter(|(a, b)| a < b);
            let r = view.char_rect(
                ui,
                text,
                view.paras.of_char(head),
                head,
                &mut reader.layouts,
            );
            ui.scroll_to_rect(r.translate(origin.to_vec2()), None);
        }
        let (copy, all) = ui.input(|i| {
            (
                i.events.iter().any(|e| matches!(e, egui::Event::Copy)),
                i.modifiers.command && i.key_pressed(egui::Key::A),
            )
        });
        if all && !text.is_empty() {
            reader.selection = Some((0, text.chars().count()));
        }
        if copy && let Some((s, e)) = reader.selection {
            let idx = crate::text::offsets::CharIndex::new(text);
            ui.ctx()
                .copy_text(text[idx.byte(s)..idx.byte(e)].to_string());
        }
    }
}
