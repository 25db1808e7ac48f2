//! Nexis Uni exports, read from their text (a DOCX export, once the DOCX
//! reader has its paragraphs): a cover page and a numbered result list,
//! then each story as title, outlet, date line, copyright line, fields
//! (`Section:`, `Length:`, `Byline:`, `Dateline:`…), `Body`, its
//! paragraphs, then `Classification` with `Language:`, `Load-Date:` and
//! the indexing fields, up to `End of Document`. Written from the layout
//! LexisNexisTools' `lnt_read` documents, with German interface labels;
//! tolerant of missing fields and of field order.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;

/// The line that ends each story.
fn is_end(line: &str) -> bool {
    matches!(line.trim(), "End of Document" | "Ende des Dokuments")
}

/// The line that starts a story's body.
fn is_body(line: &str) -> bool {
    matches!(line.trim(), "Body" | "Text")
}

/// Whether the text is such an export: stories ended by "End of
/// Document", with a body marker.
pub fn looks_like(text: &str) -> bool {
    text.lines().any(is_end) && text.lines().any(is_body)
}

/// A field line's label (as written) and value.
fn field(line: &str) -> Option<(String, String)> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let known = [
        "Section",
        "Length",
        "Byline",
        "Dateline",
        "Highlight",
        "Language",
        "Load-Date",
        "Publication-Type",
        "Subject",
        "Geographic",
        "Organization",
        "Person",
        "Industry",
        "Company",
        "Ticker",
        "Graphic",
        "Edition",
        "Notes",
        "Correction",
        "Rubrik",
        "Länge",
        "Autor",
        "Sprache",
        "Ausgabe",
        "Ladedatum",
    ];
    known
        .iter()
        .any(|k| k.eq_ignore_ascii_case(label))
        .then(|| (label.to_string(), value.trim().to_string()))
}

/// The stories of the export's text, in order.
pub fn stories(text: &str) -> Vec<super::Read> {
    let text = text.replace("\r\n", "\n");
    let mut out = vec![];
    let mut block: Vec<&str> = vec![];
    for line in text.lines() {
        if is_end(line) {
            // Two ends in a row hold no story.
            if block.iter().any(|l| !l.trim().is_empty()) {
                out.push(story(&block).map_err(|t| t.named(&block, "")));
            }
            block.clear();
        } else {
            block.push(line);
        }
        if out.len() > super::MAX_STORIES {
            break;
        }
    }
    out
}

fn story(block: &[&str]) -> super::Read {
    let body_at = block
        .iter()
        .position(|l| is_body(l))
        .ok_or("the story has no “Body” line")?;
    let head = &block[..body_at];
    // The story's head ends with its copyright line and fields; what is
    // above them is title, outlet and date line (and, for the first story,
    // the export's cover page and result list above those).
    let first_meta = head
        .iter()
        .position(|l| field(l).is_some() || l.trim_start().starts_with("Copyright"))
        .unwrap_or(head.len());
    let above: Vec<&str> = head[..first_meta]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let mut s = Story::default();
    // From the bottom: the date line, the outlet above it, the title above.
    let date_at = above
        .iter()
        .rposition(|l| crate::dates::words::first_day(l, true).is_some())
        .ok_or("the story has no date line above its fields")?;
    s.published = crate::dates::words::first_day(above[date_at], true).map(|f| f.day);
    if date_at >= 1 {
        s.outlet = above[date_at - 1].to_string();
    }
    if date_at >= 2 {
        s.title = above[date_at - 2].to_string();
    }
    for line in &head[first_meta..] {
        if let Some((label, value)) = field(line) {
            match label.to_lowercase().as_str() {
                "byline" | "autor" => s.byline = value,
                "section" | "rubrik" => s.section = value,
                "language" | "sprache" => s.language = super::language_code(&value),
                "dateline" | "highlight" | "graphic" | "notes" | "correction" => {
                    let mut label = label.clone();
                    label[..1].make_ascii_uppercase();
                    s.extra.push(format!("{label}: {value}"))
                }
                _ => {}
            }
        }
    }
    let mut closed = false;
    for line in &block[body_at + 1..] {
        let t = line.trim();
        if matches!(t, "Classification" | "Klassifikation") {
            closed = true;
            continue;
        }
        if let Some((label, value)) = field(t) {
            if matches!(label.to_lowercase().as_str(), "language" | "sprache") {
                s.language = super::language_code(&value);
            }
            if label.eq_ignore_ascii_case("graphic") && !value.is_empty() {
                s.extra.push(format!("Graphic: {value}"));
            }
            if matches!(
                label.to_lowercase().as_str(),
                "load-date" | "ladedatum" | "language" | "sprache" | "graphic"
            ) {
                closed = true;
            }
            if closed {
                continue;
            }
        }
        if !closed && !t.is_empty() {
            s.body.push(t.to_string());
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of an export written here in Nexis Uni's layout: a cover
    /// page with its result list, two stories (the second with German
    /// labels and without a byline).
    const TWO: &str = "Results list for: china AND talks\n\nDocuments (2)\n\n\
        1. US and China hold talks in Vienna\nClient/Matter: -None-\n\n\
        2. Gespräche in Wien\n\n\
        US and China hold talks in Vienna\nThe Washington Post\nMay 11, 2023 Thursday\n\
        Copyright 2023 The Washington Post All Rights Reserved\n\n\
        Section: A-SECTION; Pg. A12\nLength: 812 words\nByline: Ellen Nakashima\nDateline: WASHINGTON\n\n\
        Body\n\nJake Sullivan met Wang Yi in Vienna.\n\nThe talks lasted eight hours.\n\n\
        Classification\n\nLanguage: ENGLISH\nPublication-Type: Newspaper\nSubject: DIPLOMACY (90%)\n\
        Load-Date: May 12, 2023\n\nEnd of Document\n\n\
        Gespräche in Wien\nSüddeutsche Zeitung\n12. Mai 2023 Freitag\nCopyright 2023 SZ\n\
        Rubrik: Politik; S. 7\nLänge: 400 Wörter\n\nText\n\nDie Gespräche dauerten acht Stunden.\n\n\
        Klassifikation\n\nSprache: GERMAN\nLadedatum: 13. Mai 2023\n\nEnde des Dokuments\n";

    #[test]
    fn each_story_with_its_fields_and_nothing_of_the_cover_or_the_classification() {
        assert!(looks_like(TWO));
        let s = super::super::ok(stories(TWO));
        assert_eq!(s.len(), 2);
        let a = &s[0];
        assert_eq!(a.title, "US and China hold talks in Vienna");
        assert_eq!(a.outlet, "The Washington Post");
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(a.byline, "Ellen Nakashima");
        assert_eq!(a.section, "A-SECTION; Pg. A12");
        assert_eq!(a.extra, ["Dateline: WASHINGTON"]);
        assert_eq!(a.language, "en");
        assert_eq!(
            a.body,
            [
                "Jake Sullivan met Wang Yi in Vienna.",
                "The talks lasted eight hours."
            ]
        );
        let b = &s[1];
        assert_eq!(
            (b.title.as_str(), b.outlet.as_str()),
            ("Gespräche in Wien", "Süddeutsche Zeitung")
        );
        assert_eq!(b.published, chrono::NaiveDate::from_ymd_opt(2023, 5, 12));
        assert_eq!(
            (b.section.as_str(), b.language.as_str()),
            ("Politik; S. 7", "de")
        );
        assert_eq!(b.body, ["Die Gespräche dauerten acht Stunden."]);
        assert!(!looks_like("A story.\n\nBody\n\nMore text."));
    }

    /// The same export as a Word file, as Nexis Uni gives it, imported as
    /// its stories; a Word file that is no export stays one document.
    #[test]
    fn a_nexis_uni_docx_is_imported_story_by_story() {
        let lines: Vec<&str> = TWO.lines().collect();
        let docx = crate::read::docx::tests::docx(&lines, None);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let all =
            crate::read::prepare::prepare_bytes_all(&docx, "Files (2).DOCX", None, today).unwrap();
        assert_eq!(all.len(), 2);
        let all: Vec<_> = all.into_iter().map(Result::unwrap).collect();
        assert_eq!(all[0].1, "Nexis Uni export");
        let a = &all[0].0;
        assert_eq!(a.title, "US and China hold talks in Vienna");
        assert_eq!(a.outlet, "The Washington Post");
        assert_eq!(a.published.as_ref().unwrap().edtf(), "2023-05-11");
        assert_eq!(a.imported_from, "Files (2).DOCX (story 1 of 2)");
        assert!(!a.text.contains("Load-Date") && !a.text.contains("Results list"));
        let plain = crate::read::docx::tests::docx(&["A memo", "Body of a memo."], None);
        let one =
            crate::read::prepare::prepare_bytes_all(&plain, "memo.docx", None, today).unwrap();
        assert_eq!((one.len(), one[0].as_ref().unwrap().1), (1, "DOCX"));
    }
}
