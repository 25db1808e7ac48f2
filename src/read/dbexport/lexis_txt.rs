//! LexisNexis Academic plain-text exports: a cover page (who asked, when,
//! the search terms), then each story after a centred "N of M DOCUMENTS"
//! line: the outlet and the date line centred (edition lines under them),
//! the title, fields (`BYLINE:`, `SECTION:`, `LENGTH:`, `DATELINE:`…), the
//! body, and closing fields (`LOAD-DATE:`, `LANGUAGE:`,
//! `PUBLICATION-TYPE:`…) and copyright lines. Read as LexisNexisTools'
//! `lnt_read` reads them, tolerantly: Windows line ends, fields in any
//! order or missing, German labels, hard-wrapped paragraphs.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;
use regex::Regex;
use std::sync::OnceLock;

fn document_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?m)^[ \t\u{a0}]*\d{1,6} (?:of|OF|von|VON|de|sur) \d{1,6} (?:DOCUMENTS?|DOKUMENTE?|DOCUMENTOS?)[ \t\u{a0}]*\r?$")
            .expect("a valid pattern")
    })
}

fn field_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^([A-ZÄÖÜ][A-ZÄÖÜ\-]{1,30}): ?(.*)$").expect("a valid pattern"))
}

/// Whether the text is such an export: a "1 of N DOCUMENTS" line.
pub fn looks_like(text: &str) -> bool {
    document_line()
        .find(text)
        .is_some_and(|m| m.as_str().trim().starts_with("1 "))
}

/// What a field label means (English and German labels).
enum Field {
    Byline,
    Section,
    Language,
    /// Known, not kept (LENGTH, LOAD-DATE, PUBLICATION-TYPE…).
    Other,
    /// Kept in the article's notes under this label; `closes` when it
    /// also ends the body (GRAPHIC follows it).
    Kept {
        label: &'static str,
        closes: bool,
    },
    /// Ends the body: what follows is the database's, not the story's.
    Closing,
}

fn field(label: &str) -> Option<Field> {
    Some(match label {
        "BYLINE" | "AUTOR" | "AUTHOR" => Field::Byline,
        "SECTION" | "RUBRIK" => Field::Section,
        "LANGUAGE" | "SPRACHE" => Field::Language,
        "LENGTH" | "LÄNGE" | "EDITION" | "AUSGABE" => Field::Other,
        "DATELINE" => Field::Kept {
            label: "Dateline",
            closes: false,
        },
        "HIGHLIGHT" => Field::Kept {
            label: "Highlight",
            closes: false,
        },
        "GRAPHIC" => Field::Kept {
            label: "Graphic",
            closes: true,
        },
        "CORRECTION" => Field::Kept {
            label: "Correction",
            closes: true,
        },
        "LOAD-DATE" | "PUBLICATION-TYPE" | "DOCUMENT-TYPE" | "JOURNAL-CODE" | "SUBJECT"
        | "ORGANIZATION" | "GEOGRAPHIC" | "PERSON" | "COMPANY" | "INDUSTRY" | "CORRECTION-DATE"
        | "NOTES" | "URL" | "TYPE" | "DOKUMENTTYP" | "PUBLIKATIONSTYP" | "LADEDATUM" => {
            Field::Closing
        }
        _ => return None,
    })
}

/// A paragraph's lines joined as the story reads (hard wraps undone).
fn joined(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stories of the export, in order.
pub fn stories(text: &str) -> Vec<super::Read> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let starts: Vec<(usize, usize)> = document_line()
        .find_iter(&text)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut out = vec![];
    for (i, &(_, body_start)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        out.push(
            story(&text[body_start..end])
                .ok_or_else(|| "the story has no title and no text".into()),
        );
    }
    out
}

fn story(block: &str) -> Option<Story> {
    // Paragraphs: runs of lines between blank lines.
    let mut paragraphs: Vec<Vec<&str>> = vec![];
    let mut current: Vec<&str> = vec![];
    for line in block.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let indented = |l: &str| l.starts_with("  ") || l.starts_with('\t') || l.starts_with('\u{a0}');
    let mut s = Story::default();
    let mut i = 0;
    // The centred head: outlet, date line, edition lines.
    while i < paragraphs.len() && paragraphs[i].iter().all(|l| indented(l)) {
        for line in &paragraphs[i] {
            let line = line.trim();
            if s.outlet.is_empty() {
                s.outlet = line.to_string();
            } else if s.published.is_none()
                && let Some(f) = crate::dates::words::first_day(line, true)
            {
                s.published = Some(f.day);
            }
        }
        i += 1;
    }
    let mut in_body = false;
    let mut closed = false;
    for p in &paragraphs[i..] {
        let first = p[0].trim_start();
        if let Some(c) = field_line().captures(first)
            && let Some(f) = field(&c[1])
        {
            let value = joined(&[&c[2]])
                + &p[1..]
                    .iter()
                    .map(|l| format!(" {}", l.trim()))
                    .collect::<String>();
            match f {
                Field::Byline => s.byline = value.trim().to_string(),
                Field::Section => s.section = value.trim().to_string(),
                Field::Language => s.language = super::language_code(&value),
                Field::Other => {}
                Field::Kept { label, closes } => {
                    s.extra.push(format!("{label}: {}", value.trim()));
                    closed |= closes;
                }
                Field::Closing => closed = true,
            }
            continue;
        }
        if closed {
            continue;
        }
        let text = joined(p);
        let lower = text.to_lowercase();
        if p.iter().all(|l| indented(l))
            && (lower.starts_with("copyright") || lower.contains("all rights reserved"))
        {
            continue;
        }
        if s.title.is_empty() && !in_body {
            s.title = text;
        } else {
            in_body = true;
            s.body.push(text);
        }
    }
    (!s.title.is_empty() || !s.body.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An export written by hand in the format's shape: Windows line ends,
    /// a cover page, two stories, fields in another order, German labels in
    /// the second, a copyright line.
    const TWO: &str = "Download Request: Selected Items: 1-2\r\nTerms: china and talks\r\n\r\n\
        \x20                              1 of 2 DOCUMENTS\r\n\r\n\
        \x20                           The Guardian (London)\r\n\r\n\
        \x20                         May 11, 2023 Thursday\r\n\
        \x20                              Final Edition\r\n\r\n\
        Sullivan and Wang meet in Vienna\r\n\r\n\
        LENGTH: 412 words\r\n\r\nBYLINE: Julian Borger\r\n\r\nSECTION: WORLD NEWS; Pg. 5\r\n\r\n\
        The US national security adviser met China's top diplomat\r\nin Vienna on Wednesday.\r\n\r\n\
        The talks lasted eight hours.\r\n\r\n\
        GRAPHIC: Jake Sullivan arrives\r\nin Vienna.\r\n\r\n\
        LOAD-DATE: May 12, 2023\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n\
        \x20                Copyright 2023 Guardian News and Media Limited\r\n\r\n\
        \x20                              2 of 2 DOCUMENTS\r\n\r\n\
        \x20                                Die Zeit\r\n\r\n\
        \x20                           12. Mai 2023 Freitag\r\n\r\n\
        Gespräche in Wien\r\n\r\nAUTOR: Anna Schmidt\r\n\r\nRUBRIK: Politik\r\n\r\n\
        Die Gespräche dauerten acht Stunden.\r\n\r\nSPRACHE: GERMAN\r\n";

    #[test]
    fn each_story_with_its_fields_and_nothing_of_the_cover_or_the_closing_fields() {
        assert!(looks_like(TWO));
        let s = super::super::ok(stories(TWO));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "Sullivan and Wang meet in Vienna");
        // A photo caption is kept for the notes, out of the text.
        assert_eq!(s[0].extra, ["Graphic: Jake Sullivan arrives in Vienna."]);
        assert_eq!(s[0].outlet, "The Guardian (London)");
        assert_eq!(s[0].published, chrono::NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(s[0].byline, "Julian Borger");
        assert_eq!(s[0].section, "WORLD NEWS; Pg. 5");
        assert_eq!(s[0].language, "en");
        assert_eq!(
            s[0].body,
            [
                "The US national security adviser met China's top diplomat in Vienna on Wednesday.",
                "The talks lasted eight hours."
            ]
        );
        assert_eq!(s[1].title, "Gespräche in Wien");
        assert_eq!(s[1].outlet, "Die Zeit");
        assert_eq!(s[1].published, chrono::NaiveDate::from_ymd_opt(2023, 5, 12));
        assert_eq!(s[1].byline, "Anna Schmidt");
        assert_eq!(s[1].language, "de");
        assert_eq!(s[1].body, ["Die Gespräche dauerten acht Stunden."]);
        // Text that merely mentions documents is no export.
        assert!(!looks_like("We read 1 of 2 documents today."));
    }
}
