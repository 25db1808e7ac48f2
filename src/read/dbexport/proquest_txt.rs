//! ProQuest plain-text exports: stories between lines of underscores,
//! each "Document N of M", the title, `Author:`, `Publication info:`, an
//! abstract, `Full text:` with the body, then the record's fields
//! (`Publication title:`, `Publication date:`, `Section:`, `Language of
//! publication:`, `ProQuest document ID:`, `Document URL:`…). The report's
//! cover block and the closing "Contact ProQuest" block hold no story.
//! Written from ProQuest's documented export layout; tolerant of missing
//! or reordered fields, Windows line ends and a missing "Document N of M".
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;

/// Whether the text is such an export.
pub fn looks_like(text: &str) -> bool {
    let has_rule = text.lines().any(is_rule);
    has_rule
        && (text.contains("ProQuest document ID:")
            || (text.contains("Full text:") && text.contains("Publication title:")))
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 10 && t.chars().all(|c| c == '_')
}

/// The labels of a record's fields (what ends the body).
const LABELS: &[&str] = &[
    "Subject",
    "Location",
    "People",
    "Company / organization",
    "Title",
    "Publication title",
    "Pages",
    "First page",
    "Publication year",
    "Publication date",
    "Year",
    "Section",
    "Publisher",
    "Place of publication",
    "Country of publication",
    "Publication subject",
    "ISSN",
    "Source type",
    "Language of publication",
    "Document type",
    "ProQuest document ID",
    "Document URL",
    "Copyright",
    "Last updated",
    "Database",
    "Author",
    "Credit",
    "Dateline",
    "Identifier / keyword",
    "Illustration",
    "Caption",
    "Column",
    "Edition",
    "Accession number",
    "Number of pages",
    "DOI",
    "Links",
    "Publication info",
    "Abstract",
];

/// The field a line starts, with its value.
fn field(line: &str) -> Option<(&'static str, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    LABELS
        .iter()
        .find(|l| l.eq_ignore_ascii_case(label))
        .map(|l| (*l, value.trim()))
}

/// The stories of the export, in order.
pub fn stories(text: &str) -> Vec<super::Read> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks: Vec<Vec<&str>> = vec![vec![]];
    for line in text.lines() {
        if is_rule(line) {
            blocks.push(vec![]);
        } else if let Some(b) = blocks.last_mut() {
            b.push(line);
        }
    }
    blocks
        .into_iter()
        .filter(|b| b.iter().any(|l| l.trim_start().starts_with("Full text:")))
        .map(|b| story(&b).ok_or_else(|| "the story has no title and no text".into()))
        .collect()
}

fn story(lines: &[&str]) -> Option<Story> {
    let mut s = Story::default();
    let mut body: Vec<String> = vec![];
    let mut para: Vec<&str> = vec![];
    // Before the body, in it, or after it (the record's fields).
    #[derive(PartialEq)]
    enum At {
        Head,
        Body,
        Fields,
    }
    let mut at = At::Head;
    let flush = |para: &mut Vec<&str>, body: &mut Vec<String>| {
        if !para.is_empty() {
            body.push(para.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "));
            para.clear();
        }
    };
    for line in lines {
        let t = line.trim();
        if at == At::Head {
            if t.is_empty() || document_line(t) {
                continue;
            }
            if let Some(rest) = t.strip_prefix("Full text:") {
                at = At::Body;
                if !rest.trim().is_empty() {
                    para.push(rest.trim());
                }
                continue;
            }
            match field(t) {
                Some(("Author", v)) => s.byline = v.to_string(),
                Some(_) => {}
                None if s.title.is_empty() && !t.starts_with("http") => s.title = t.to_string(),
                None => {}
            }
            continue;
        }
        if at == At::Body {
            if let Some((label, _)) = field(t)
                && !matches!(label, "Abstract" | "Links")
            {
                flush(&mut para, &mut body);
                at = At::Fields;
            } else {
                if t.is_empty() {
                    flush(&mut para, &mut body);
                } else {
                    para.push(t);
                }
                continue;
            }
        }
        if let Some((label, v)) = field(t) {
            match label {
                "Title" if !v.is_empty() => s.title = v.to_string(),
                "Publication title" => s.outlet = v.to_string(),
                "Publication date" => {
                    s.published = crate::dates::words::first_day(v, true).map(|f| f.day)
                }
                "Author" if s.byline.is_empty() => s.byline = v.to_string(),
                "Section" => s.section = v.to_string(),
                "Pages" => s.pages = v.to_string(),
                "Language of publication" => s.language = super::language_code(v),
                "ProQuest document ID" => s.doc_id = v.to_string(),
                "Document URL" if v.starts_with("http") => s.url = v.to_string(),
                _ => {}
            }
        }
    }
    flush(&mut para, &mut body);
    s.body = body;
    (!s.title.is_empty() || !s.body.is_empty()).then_some(s)
}

/// "Document 3 of 25".
fn document_line(t: &str) -> bool {
    let mut w = t.split_whitespace();
    w.next() == Some("Document")
        && w.next().is_some_and(|n| n.parse::<usize>().is_ok())
        && w.next() == Some("of")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An export written here in ProQuest's layout: a cover block, two
    /// stories (the second without "Document N of M" and with its fields
    /// in another order), the closing block.
    const TWO: &str = "____________________________________________________________\r\n\r\n\
        Report Information from ProQuest\r\nMay 20 2023 10:00\r\n\r\n\
        ____________________________________________________________\r\n\r\n\
        Document 1 of 2\r\n\r\nUS and China hold talks in Vienna\r\n\r\n\
        Author: Wong, Edward\r\n\r\n\
        Publication info: New York Times, Late Edition (East Coast); New York, N.Y. [New York, N.Y]. 12 May 2023: A.1.\r\n\r\n\
        http://www.proquest.com/docview/2812345678\r\n\r\nAbstract: None available.\r\n\r\n\
        Full text: WASHINGTON -- Jake Sullivan met Wang Yi in Vienna\r\nover two days.\r\n\r\n\
        The talks were candid.\r\n\r\n\
        Subject: Diplomacy; International relations\r\nLocation: China; United States\r\n\
        Publication title: New York Times, Late Edition (East Coast)\r\nPages: A.1\r\n\
        Publication year: 2023\r\nPublication date: May 12, 2023\r\nSection: A\r\n\
        Language of publication: English\r\nDocument type: News\r\n\
        ProQuest document ID: 2812345678\r\n\
        Document URL: https://www.proquest.com/newspapers/us-china/docview/2812345678/se-2\r\n\
        Copyright: Copyright New York Times Company May 12, 2023\r\nDatabase: ProQuest Central\r\n\r\n\
        ____________________________________________________________\r\n\r\n\
        Second round\r\n\r\nFull text: They met again.\r\n\r\n\
        Document URL: https://www.proquest.com/docview/99\r\nPublication date: Jun 2, 2023\r\n\
        Publication title: The Washington Post\r\nProQuest document ID: 99\r\n\r\n\
        ____________________________________________________________\r\n\r\n\
        Contact ProQuest\r\nCopyright 2023 ProQuest LLC. All rights reserved.\r\n";

    #[test]
    fn each_story_with_its_record_and_nothing_of_the_report() {
        assert!(looks_like(TWO));
        let s = super::super::ok(stories(TWO));
        assert_eq!(s.len(), 2);
        let a = &s[0];
        assert_eq!(a.title, "US and China hold talks in Vienna");
        assert_eq!(a.outlet, "New York Times, Late Edition (East Coast)");
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 5, 12));
        assert_eq!(a.byline, "Wong, Edward");
        assert_eq!((a.section.as_str(), a.language.as_str()), ("A", "en"));
        assert_eq!(a.doc_id, "2812345678");
        assert_eq!(a.pages, "A.1");
        assert!(a.url.ends_with("/docview/2812345678/se-2"));
        assert_eq!(
            a.body,
            [
                "WASHINGTON -- Jake Sullivan met Wang Yi in Vienna over two days.",
                "The talks were candid."
            ]
        );
        let b = &s[1];
        assert_eq!(
            (b.title.as_str(), b.outlet.as_str()),
            ("Second round", "The Washington Post")
        );
        assert_eq!(b.published, chrono::NaiveDate::from_ymd_opt(2023, 6, 2));
        assert_eq!(b.body, ["They met again."]);
        assert!(!looks_like("Full text: a story someone pasted."));
    }
}
