//! The chronology report of a workspace edited as the bytes say (any
//! headline characters, awkward EDTF dates, memos with any Markdown and
//! links) in all four forms: never a panic, always a file.
#![no_main]
mod edits;
use detente::exchange::report::{Filters, Kind, Style, write};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut ws = detente::core::sample::sample_workspace();
    edits::edit(&mut ws, data);
    let style = if data.len() % 2 == 0 {
        Style::Chicago
    } else {
        Style::Short
    };
    for kind in [Kind::Markdown, Kind::Html, Kind::Docx, Kind::Odt] {
        let out = write(&ws, &Filters::default(), style, kind);
        let bytes = out.unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(!bytes.is_empty());
        if kind == Kind::Markdown {
            // Every link the report writes (`[words](<url>)`; markup in
            // text is escaped) is a web, mail or in-document one: words
            // such as "javascript:x" may stay, as words.
            let md = String::from_utf8(bytes).unwrap();
            for (at, _) in md.match_indices("](<") {
                let url = md[at + 3..].to_ascii_lowercase();
                assert!(
                    ["http://", "https://", "mailto:", "#"]
                        .iter()
                        .any(|ok| url.starts_with(ok)),
                    "a link to {}",
                    &md[at..(at + 40).min(md.len())]
                );
            }
        }
    }
});
