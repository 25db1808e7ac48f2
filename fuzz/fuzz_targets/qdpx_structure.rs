//! REFI-QDA projects of any structure, built from the bytes: codes nested
//! to any depth, any number of sources naming present, missing or outside
//! files, selections anywhere (out of range, reversed, negative), codings
//! of any code, Detente or other origin, actor codes (blank ones too),
//! colours good and bad, notes free and attached. Never a panic or an
//! unbounded cost; what an import accepts passes the loader's checks.
#![no_main]
use detente::core::model::Workspace;
use detente::exchange::qdpx::import::{Bounds, Files, import_bounded};
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Jake Sullivan met Wang Yi in Vienna on Wednesday and Thursday.\n\n\
                    Blinken met Qin Gang in Beijing on Sunday, officials said.";

struct OneText;
impl Files for OneText {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(path.ends_with("t.txt").then(|| TEXT.as_bytes().to_vec()))
    }
}

const NAMES: &[&str] = &["Actors", "   ", "042 Make a visit", "X1 Own code", "Wang Yi", "Diplomacy", ""];
const COLOURS: &[&str] = &["#FF0000", "#GGGGGG", "red", "", "#12345"];
const PATHS: &[&str] = &["internal://t.txt", "internal://missing.txt", "internal://../../etc/passwd", "t.txt", "file:///etc/passwd"];

fn pick<'a>(list: &[&'a str], b: u8) -> &'a str {
    list[b as usize % list.len()]
}

fn esc(s: &str) -> String {
    detente::text::markup::escape(s, true)
}

fuzz_target!(|data: &[u8]| {
    let ours = data.first().is_some_and(|b| b % 2 == 0);
    let (mut codes, mut open, mut n_codes) = (String::new(), 0usize, 0usize);
    let mut sources: Vec<(String, Vec<String>)> = vec![];
    let mut notes = String::new();
    let mut i = 1;
    while i + 2 <= data.len() {
        let (op, a) = (data[i], data[i + 1]);
        i += 2;
        match op % 7 {
            0 => {
                codes.push_str(&format!(
                    r#"<Code guid="c{n_codes}" name="{}" color="{}" isCodable="true">"#,
                    esc(pick(NAMES, a)),
                    esc(pick(COLOURS, a / 8))
                ));
                n_codes += 1;
                open += 1;
            }
            1 if open > 0 => {
                codes.push_str("</Code>");
                open -= 1;
            }
            2 => sources.push((
                format!(
                    r#"<TextSource guid="s{}" name="S{a}" plainTextPath="{}">"#,
                    sources.len(),
                    esc(pick(PATHS, a))
                ),
                vec![],
            )),
            3 => {
                let n_sources = sources.len();
                if let Some((_, sels)) = sources.last_mut() {
                    let start = a as i64 - 8;
                    let end = start + (data.get(i).copied().unwrap_or(5) as i64 % 90) - 3;
                    sels.push(format!(
                        r#"<PlainTextSelection guid="p{}-{}" startPosition="{start}" endPosition="{end}">"#,
                        n_sources,
                        sels.len()
                    ));
                }
            }
            4 => {
                if let Some(sel) = sources.last_mut().and_then(|(_, s)| s.last_mut())
                    && n_codes > 0
                {
                    sel.push_str(&format!(
                        r#"<Coding guid="k{i}"><CodeRef targetGUID="c{}"/></Coding>"#,
                        a as usize % n_codes
                    ));
                }
            }
            5 => notes.push_str(&format!(
                r#"<Note guid="n{i}" name="Note {a}" description="{}"><PlainTextContent>Thought [s](detente:p1-0) {a}</PlainTextContent></Note>"#,
                if a % 2 == 0 { "Detente memo" } else { "" }
            )),
            _ => {
                if let Some(sel) = sources.last_mut().and_then(|(_, s)| s.last_mut()) {
                    sel.push_str(&format!(r#"<NoteRef targetGUID="n{a}"/>"#));
                }
            }
        }
    }
    codes.push_str(&"</Code>".repeat(open));
    let mut xml = format!(
        r#"<Project name="f" origin="{}"><CodeBook><Codes><Code guid="ca" name="Actors" isCodable="false"/>{codes}</Codes></CodeBook><Sources>"#,
        if ours { "Detente 0.1" } else { "Other" }
    );
    for (open_tag, sels) in &sources {
        xml.push_str(open_tag);
        for s in sels {
            xml.push_str(s);
            xml.push_str("</PlainTextSelection>");
        }
        xml.push_str("</TextSource>");
    }
    xml.push_str(&format!("</Sources><Notes>{notes}</Notes></Project>"));
    let mut ws = Workspace::new("fuzz");
    let bounds = Bounds {
        text: 1 << 20,
        quotes: 1 << 20,
    };
    if import_bounded(&mut ws, &xml, &mut OneText, &|_| Err("no docx".into()), bounds).is_ok() {
        let problems = ws.problems();
        assert!(problems.is_empty(), "{problems:?}");
    }
});
