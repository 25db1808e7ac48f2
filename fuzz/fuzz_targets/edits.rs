//! Bytes read as edits of the sample workspace, for the targets that need
//! a sound workspace in many shapes (merge, agreement, report): event
//! fields (headline and notes with any characters, dates from a list that
//! holds the awkward EDTF values, or any string that parses), deletions,
//! actors renamed or added, memos with any Markdown and links.
use detente::core::model::{Memo, Workspace};
use detente::dates::edtf::DateValue;
use std::sync::Arc;

/// EDTF values that once broke something, and ordinary ones.
const DATES: &[&str] = &[
    "XXXX-12",
    "XXXX/XXXX",
    "2023-05-10/2023-05-11",
    "2023-05",
    "2023-21",
    "2023~",
    "../2023-06-18",
    "2023-06-18/..",
    "0001-01-01",
    "9999-12-31",
    "2023-06-1X",
    "2023?-06",
    "[2023-05-10,2023-05-12]",
];

/// Text from `bytes`: any characters, controls included.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `ws` edited as `data` says: each step is an opcode byte, an index byte
/// and a length byte, then that many bytes of text.
pub fn edit(ws: &mut Workspace, data: &[u8]) {
    let mut i = 0;
    while i + 3 <= data.len() {
        let (op, k, n) = (data[i], data[i + 1] as usize, data[i + 2] as usize);
        let arg = &data[(i + 3).min(data.len())..(i + 3 + n).min(data.len())];
        i += 3 + n;
        let events = ws.events.len();
        let event = (events > 0).then(|| k % events);
        match op % 8 {
            0 => {
                if let Some(e) = event {
                    Arc::make_mut(&mut ws.events[e]).headline = text(arg);
                }
            }
            1 => {
                if let Some(e) = event {
                    let d = DATES
                        .get(arg.first().copied().unwrap_or(0) as usize % (DATES.len() + 1))
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| text(arg));
                    Arc::make_mut(&mut ws.events[e]).date = DateValue::parse(&d).ok();
                }
            }
            2 => {
                if let Some(e) = event {
                    ws.events.remove(e);
                }
            }
            3 => {
                if let Some(e) = event {
                    let ev = Arc::make_mut(&mut ws.events[e]);
                    ev.notes = text(arg);
                    ev.place = text(&arg[..arg.len() / 2]);
                }
            }
            4 => {
                let name = text(arg);
                if !name.trim().is_empty() {
                    detente::core::ops::actor_for_name(ws, name.trim());
                }
            }
            5 => {
                let actors = ws.actors.len();
                let name = detente::text::normalise::one_line(&text(arg));
                if actors > 0 && !name.is_empty() {
                    ws.actors[k % actors].name = name;
                }
            }
            6 => {
                // A memo linking what `k` picks, with Markdown from the bytes.
                let mut m: Memo = detente::core::memo::new_memo(&format!("Memo {k}"));
                let target = match event {
                    Some(e) if k % 2 == 0 => ws.events[e].id.clone(),
                    Some(e) => ws.events[e]
                        .evidence
                        .first()
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    None => "missing".into(),
                };
                m.text = format!("{} [link](detente:{target}) [x](javascript:alert(1))", text(arg));
                m.in_report = k % 3 != 0;
                ws.memos.push(m);
            }
            _ => {
                if let Some(e) = event {
                    let ev = Arc::make_mut(&mut ws.events[e]);
                    ev.kind = ["042", "036", "QDA", "0", ""][k % 5].to_string();
                }
            }
        }
    }
}
