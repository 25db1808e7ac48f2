//! Factiva's article text, as its RTF export (and a DOCX or text copy of
//! one) gives it once the RTF reader has its paragraphs. Two layouts:
//!
//! - "Full Article/Report plus Indexing": each field under its two- or
//!   three-letter code (`HD` headline, `BY`, `WC`, `PD` date, `SN` source,
//!   `SE` section, `LA` language, `LP` and `TD` the text, `AN` the
//!   accession number), the code alone on its line or before the value;
//! - "Article": the headline, an optional byline, "523 words", the date,
//!   an optional time, the source's name and code, the language, the
//!   copyright line, the text, and "Document LBA0000020230511ej5b00abc".
//!
//! Each story ends at its document line. Search summaries and cover pages
//! outside the stories are not read. Written from the layout public
//! Factiva parsers document and fixtures written here; tolerant of missing
//! fields, Windows line ends and non-breaking spaces.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;

/// The field codes of the indexed layout; the text fields hold paragraphs.
const CODES: &[&str] = &[
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "SE", "ED", "PG", "LA", "CY", "LP", "TD", "CT",
    "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "CLM", "ART", "NGC",
];

/// "Document LBA0000020230511ej5b00abc": the line that ends a story.
fn document_id(line: &str) -> Option<&str> {
    let id = line.trim().strip_prefix("Document ")?.trim();
    (id.len() >= 10 && id.chars().all(|c| c.is_ascii_alphanumeric())).then_some(id)
}

/// "523 words" (and the interface's other languages).
fn is_word_count(line: &str) -> bool {
    let mut w = line.split_whitespace();
    let n = w.next().unwrap_or("");
    let unit = w.next().unwrap_or("").to_lowercase();
    w.next().is_none()
        && !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && matches!(
            unit.as_str(),
            "words" | "wörter" | "mots" | "palabras" | "parole" | "palavras" | "woorden"
        )
}

/// A field line of the indexed layout: its code and what follows it.
fn coded(line: &str) -> Option<(&'static str, &str)> {
    let t = line.trim_start();
    CODES.iter().find_map(|&c| {
        let rest = t.strip_prefix(c)?;
        if rest.is_empty() {
            return Some((c, ""));
        }
        let first = rest.chars().next()?;
        (first == '\t' || first == ' ' || first == '\u{a0}').then(|| (c, rest.trim()))
    })
}

/// Whether the text is such an export: stories ended by a document line,
/// under field codes or with a word count.
pub fn looks_like(text: &str) -> bool {
    let lines = || text.lines().take(20_000);
    let document = |l: &str| {
        document_id(l).is_some()
            || coded(l).is_some_and(|(c, v)| c == "AN" && document_id(v).is_some())
    };
    lines().any(document)
        && (lines().any(is_word_count) || lines().any(|l| coded(l).is_some_and(|(c, _)| c == "HD")))
}

/// The stories of the export's text, in order.
pub fn stories(text: &str) -> Vec<super::Read> {
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{a0}'], " ");
    let mut out = vec![];
    let mut block: Vec<&str> = vec![];
    for line in text.lines() {
        if let Some(id) = document_id(line).or_else(|| {
            coded(line)
                .filter(|(c, _)| *c == "AN")
                .and_then(|(_, v)| document_id(v).or((!v.is_empty()).then_some(v)))
        }) {
            out.push(story(&block, id));
            block.clear();
            if out.len() > super::MAX_STORIES {
                break;
            }
        } else {
            block.push(line);
        }
    }
    out
}

/// One story from the lines before its document line.
fn story(block: &[&str], id: &str) -> super::Read {
    let mut s = if block
        .iter()
        .any(|l| coded(l).is_some_and(|(c, _)| c == "HD"))
    {
        indexed(block)
    } else {
        // Named by its first line and document id: it has no headline.
        article(block).map_err(|t| t.named(block, id))?
    };
    s.doc_id = id.to_string();
    Ok(s)
}

/// The indexed layout: each field's lines gathered under its code.
fn indexed(block: &[&str]) -> Story {
    let start = block
        .iter()
        .rposition(|l| coded(l).is_some_and(|(c, _)| c == "HD"))
        .unwrap_or(0);
    let mut s = Story::default();
    let mut code = "";
    let mut value: Vec<&str> = vec![];
    let mut fields: Vec<(&str, Vec<&str>)> = vec![];
    for line in &block[start..] {
        if let Some((c, rest)) = coded(line) {
            fields.push((code, std::mem::take(&mut value)));
            code = c;
            if !rest.is_empty() {
                value.push(rest);
            }
        } else {
            value.push(line);
        }
    }
    fields.push((code, value));
    for (code, lines) in fields {
        let one = crate::text::normalise::one_line(&lines.join(" "));
        match code {
            "HD" => s.title = one,
            "BY" => s.byline = one,
            "SN" => s.outlet = one,
            "SE" => s.section = one,
            "PG" => s.pages = one,
            "LA" => s.language = super::language_code(&one),
            "PD" => s.published = crate::dates::words::first_day(&one, false).map(|f| f.day),
            "LP" | "TD" => s.body.extend(paragraphs(&lines)),
            _ => {}
        }
    }
    s
}

/// Lines as paragraphs: each non-empty line is one (the RTF reader ends a
/// paragraph with a line break).
fn paragraphs(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .map(|l| crate::text::normalise::one_line(l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The article layout: the head around the word count, then the text.
fn article(block: &[&str]) -> super::Read {
    let lines: Vec<&str> = block.iter().map(|l| l.trim()).collect();
    let wc = lines
        .iter()
        .rposition(|l| is_word_count(l))
        .ok_or("the story has no word count line (such as “612 words”) under its headline")?;
    let mut s = Story::default();
    // Above the word count: the headline, then an optional byline.
    let mut above = lines[..wc].iter().rev().filter(|l| !l.is_empty());
    match above.next() {
        Some(l) if l.starts_with("By ") || l.starts_with("BY ") => {
            s.byline = l.to_string();
            s.title = above.next().map(|t| t.to_string()).unwrap_or_default();
        }
        Some(l) => s.title = l.to_string(),
        None => {}
    }
    // Below it: the date, a time, the source's name and code, the edition
    // or page, the language and the copyright line, each on its own line.
    let mut i = wc + 1;
    let next = |i: &mut usize| {
        while lines.get(*i).is_some_and(|l| l.is_empty()) {
            *i += 1;
        }
        lines.get(*i).copied()
    };
    if let Some(day) = next(&mut i).and_then(|l| crate::dates::words::first_day(l, false)) {
        s.published = Some(day.day);
        i += 1;
    }
    let head_end = (i + 7).min(lines.len());
    while i < head_end {
        let Some(l) = next(&mut i) else { break };
        let language = super::language_code(l);
        if is_copyright(l) {
            i += 1;
            break;
        } else if !s.language.is_empty() {
            // Past the language and no copyright line: the text begins.
            break;
        } else if language.len() == 2 && !l.chars().all(|c| c.is_ascii_uppercase()) {
            s.language = language;
        } else if s.outlet.is_empty() && !is_time(l) {
            s.outlet = l.to_string();
        } else if !is_time(l) && !is_code(l) {
            break;
        }
        i += 1;
    }
    s.body = paragraphs(&lines[i.min(lines.len())..]);
    Ok(s)
}

/// "09:12" or "9:12 AM".
fn is_time(l: &str) -> bool {
    let t = l.split_whitespace().next().unwrap_or("");
    let mut parts = t.split(':');
    let h = parts.next().unwrap_or("");
    let m = parts.next().unwrap_or("");
    l.len() <= 12
        && !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// A source code ("LBA"), an edition ("Late") or a page ("A1").
fn is_code(l: &str) -> bool {
    l.len() <= 16 && !l.ends_with('.') && l.split_whitespace().count() <= 2
}

fn is_copyright(l: &str) -> bool {
    let lower = l.to_lowercase();
    lower.starts_with("copyright") || lower.starts_with("(c)") || l.starts_with('©')
}

#[cfg(test)]
mod tests {
    use super::super::ok;
    use super::*;
    use chrono::NaiveDate;

    /// Two stories in the article layout, as the RTF reader gives an
    /// export written here: a cover line, a byline in the first, a time
    /// and no byline in the second, German in the second.
    const ARTICLE: &str = "Factiva search results\r\n\r\n\
        US, China hold candid talks in Vienna\r\nBy Michael Martina\r\n612 words\r\n11 May 2023\r\n\
        09:12\r\nReuters News\r\nLBA\r\nEnglish\r\n\
        Copyright 2023 Thomson Reuters. All Rights Reserved.\r\n\r\n\
        WASHINGTON, May 11 (Reuters) - Jake Sullivan met Wang Yi.\r\n\
        The talks lasted eight hours.\r\n\r\n\
        Document LBA0000020230511ej5b00abc\r\n\r\n\
        Gespräche in Wien\r\n230 Wörter\r\n12 Mai 2023\r\nSüddeutsche Zeitung\r\nSUDDZ\r\nDeutsch\r\n\
        (c) 2023 Süddeutsche Zeitung GmbH\r\n\
        Die Gespräche dauerten acht Stunden.\r\n\r\n\
        Document SUDDZ00020230512ej5c0000x\r\n\r\n\
        Search Summary\r\nText china AND talks\r\n";

    /// One story in the indexed layout, codes alone on their lines and
    /// before their values.
    const INDEXED: &str = "HD\nUS, China hold candid talks\nBY\tBy Michael Martina\nWC 612 words\n\
        PD\n11 May 2023\nSN Reuters News\nSC LBA\nLA English\nCY Copyright 2023 Reuters.\n\
        LP\nWASHINGTON - Jake Sullivan met Wang Yi.\nTD\nThe talks lasted eight hours.\n\
        Both sides called them candid.\nNS gdip : International Relations\nRE china : China\n\
        AN\nDocument LBA0000020230511ej5b00abc\n";

    #[test]
    fn the_article_layout_gives_each_story_with_its_head() {
        assert!(looks_like(ARTICLE));
        let s = ok(stories(ARTICLE));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "US, China hold candid talks in Vienna");
        assert_eq!(s[0].byline, "By Michael Martina");
        assert_eq!(s[0].published, NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(s[0].outlet, "Reuters News");
        assert_eq!(s[0].language, "en");
        assert_eq!(s[0].doc_id, "LBA0000020230511ej5b00abc");
        assert_eq!(
            s[0].body,
            [
                "WASHINGTON, May 11 (Reuters) - Jake Sullivan met Wang Yi.",
                "The talks lasted eight hours."
            ]
        );
        assert_eq!(s[1].title, "Gespräche in Wien");
        assert_eq!(s[1].outlet, "Süddeutsche Zeitung");
        assert_eq!(s[1].published, NaiveDate::from_ymd_opt(2023, 5, 12));
        assert_eq!(s[1].language, "de");
        assert_eq!(s[1].body, ["Die Gespräche dauerten acht Stunden."]);
    }

    #[test]
    fn the_indexed_layout_reads_fields_by_code_and_leaves_the_indexing_out() {
        assert!(looks_like(INDEXED));
        let s = ok(stories(INDEXED));
        assert_eq!(s.len(), 1);
        let a = &s[0];
        assert_eq!(a.title, "US, China hold candid talks");
        assert_eq!(
            (a.outlet.as_str(), a.language.as_str()),
            ("Reuters News", "en")
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(a.doc_id, "LBA0000020230511ej5b00abc");
        assert_eq!(
            a.body,
            [
                "WASHINGTON - Jake Sullivan met Wang Yi.",
                "The talks lasted eight hours.",
                "Both sides called them candid."
            ]
        );
    }

    #[test]
    fn a_story_without_its_head_is_refused_alone() {
        let text = format!("{ARTICLE}\nJust some text\n\nDocument ABCD000020230513ej5d00001\n");
        let s = stories(&text);
        assert_eq!(s.len(), 3);
        assert!(s[0].is_ok() && s[1].is_ok());
        let torn = s[2].as_ref().unwrap_err();
        assert!(torn.why.contains("word count"), "{torn:?}");
        assert_eq!(
            torn.name,
            "“Search Summary” (document ABCD000020230513ej5d00001)"
        );
    }

    #[test]
    fn ordinary_text_is_no_export() {
        assert!(!looks_like(
            "The talks ran to 612 words of communiqué.\nDocument 3"
        ));
        assert!(!looks_like("HD video of the talks\nPD: 11 May"));
    }
}
