//! News-database exports: one file holding many stories (Nexis, Factiva,
//! ProQuest), recognised by content, not by name, and split into one
//! article per story with the database's own metadata (title, outlet,
//! publication date, byline, section, language, document id). The export's
//! cover page, search terms, result list and classification fields are not
//! part of any story. Each story says which file and which story number it
//! came from.
//!
//! Formats read so far: LexisNexis Academic plain text (`lexis_txt.rs`),
//! Factiva XML, the PPS response (`factiva_xml.rs`), Factiva HTML
//! (`factiva_html.rs`), Factiva's article text from RTF, DOCX or plain
//! text (`factiva_text.rs`), Nexis Uni from DOCX or RTF (`nexis_uni.rs`)
//! and ProQuest plain text (`proquest_txt.rs`). A file that is none of
//! these is left to the other readers. One story that cannot be read is
//! refused with its number; the others are imported.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

pub mod factiva_html;
pub mod factiva_text;
pub mod factiva_xml;
pub mod lexis_txt;
pub mod nexis_uni;
pub mod proquest_txt;

use crate::core::model::Article;
use crate::dates::edtf::DateValue;
use crate::read::refusal::Refusal;
use crate::text::normalise::{normalise, one_line};
use chrono::NaiveDate;

/// The most stories one export may hold: databases cap a download at a few
/// hundred (Nexis Uni 100, Factiva 100, ProQuest 1,000).
pub const MAX_STORIES: usize = 5_000;

/// Which database wrote an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    LexisTxt,
    FactivaXml,
    FactivaHtml,
    ProquestTxt,
    /// Nexis Uni, read from a DOCX or RTF export's text.
    NexisUni,
    /// Factiva's article text, read from an RTF, DOCX or text export.
    FactivaText,
}

impl Kind {
    /// What the file was read as, for the import's report.
    pub fn label(self) -> &'static str {
        match self {
            Kind::LexisTxt => "LexisNexis export",
            Kind::FactivaXml | Kind::FactivaHtml | Kind::FactivaText => "Factiva export",
            Kind::ProquestTxt => "ProQuest export",
            Kind::NexisUni => "Nexis Uni export",
        }
    }

    /// The database, as a citation names it.
    pub fn database(self) -> &'static str {
        match self {
            Kind::LexisTxt => "LexisNexis",
            Kind::FactivaXml | Kind::FactivaHtml | Kind::FactivaText => "Factiva",
            Kind::ProquestTxt => "ProQuest",
            Kind::NexisUni => "Nexis Uni",
        }
    }
}

/// One story of an export, as its database describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Story {
    pub title: String,
    pub outlet: String,
    pub published: Option<NaiveDate>,
    pub byline: String,
    pub section: String,
    /// The page or pages in print ("A.1"), where the database gives them.
    pub pages: String,
    /// Other fields a reader may want, for the article's notes
    /// ("Dateline: WASHINGTON", "Graphic: a photo caption").
    pub extra: Vec<String>,
    pub language: String,
    /// The database's id of the story (Factiva's accession number).
    pub doc_id: String,
    /// The database's stable link to the story (ProQuest's document URL).
    pub url: String,
    /// Paragraphs, in order.
    pub body: Vec<String>,
}

/// A language as a database names it ("ENGLISH", "Deutsch", "French"),
/// as an ISO 639-1 code where known; else the name in lower case.
pub(crate) fn language_code(name: &str) -> String {
    let n = name.trim().to_lowercase();
    let code = match n.as_str() {
        "english" | "englisch" => "en",
        "german" | "deutsch" => "de",
        "french" | "französisch" | "français" => "fr",
        "spanish" | "spanisch" | "español" => "es",
        "italian" | "italienisch" => "it",
        "portuguese" => "pt",
        "dutch" => "nl",
        "russian" => "ru",
        "chinese" | "chinese-simplified" | "chinese-traditional" => "zh",
        "japanese" => "ja",
        "korean" => "ko",
        "arabic" => "ar",
        _ => return n,
    };
    code.into()
}

/// What database export `bytes` are, if any, by their content.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(head);
    if lexis_txt::looks_like(&text) {
        return Some(Kind::LexisTxt);
    }
    if factiva_xml::looks_like(&text) {
        return Some(Kind::FactivaXml);
    }
    if factiva_html::looks_like(&text) {
        return Some(Kind::FactivaHtml);
    }
    if proquest_txt::looks_like(&text) {
        return Some(Kind::ProquestTxt);
    }
    if factiva_text::looks_like(&text) {
        return Some(Kind::FactivaText);
    }
    None
}

/// One story of an export as read, or why it could not be read (the
/// story keeps its number; the others are imported).
pub type Read = Result<Story, Torn>;

/// A story that could not be read: what names it to a reader (its first
/// line, its document id; empty when nothing does) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Torn {
    pub name: String,
    pub why: String,
}

impl From<String> for Torn {
    fn from(why: String) -> Torn {
        Torn {
            name: String::new(),
            why,
        }
    }
}

impl From<&str> for Torn {
    fn from(why: &str) -> Torn {
        why.to_string().into()
    }
}

impl std::fmt::Display for Torn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.why)
    }
}

impl Torn {
    /// This refusal, naming the story by the first words of `lines` and
    /// its document id `id` (either may be empty).
    pub fn named(self, lines: &[&str], id: &str) -> Torn {
        let first = lines
            .iter()
            .map(|l| crate::text::normalise::one_line(l))
            .find(|l| !l.is_empty())
            .map(|l| crate::text::normalise::cut_at_word(&l, 60))
            .unwrap_or_default();
        let name = match (first.is_empty(), id.is_empty()) {
            (false, false) => format!("{first}” (document {id})"),
            (false, true) => format!("{first}”"),
            (true, false) => format!("document {id}"),
            (true, true) => String::new(),
        };
        let name = if first.is_empty() {
            name
        } else {
            format!("“{name}")
        };
        Torn { name, ..self }
    }
}

/// The stories of an export of `kind`, each read or refused on its own.
/// The whole file is refused only when nothing in it is a story, or when
/// it holds more stories than any database gives at once.
pub fn stories(bytes: &[u8], kind: Kind) -> Result<Vec<Read>, Refusal> {
    let stories = match kind {
        Kind::LexisTxt => lexis_txt::stories(&crate::read::plain::decode(bytes)?.text),
        Kind::FactivaXml => factiva_xml::stories(bytes)?,
        Kind::FactivaHtml => factiva_html::stories(bytes)?,
        Kind::ProquestTxt => proquest_txt::stories(&crate::read::plain::decode(bytes)?.text),
        Kind::NexisUni => nexis_uni::stories(&crate::read::plain::decode(bytes)?.text),
        Kind::FactivaText => factiva_text::stories(&crate::read::plain::decode(bytes)?.text),
    };
    if stories.len() > MAX_STORIES {
        return Err(Refusal::OverLimit(format!(
            "{} stories in one export (at most {MAX_STORIES})",
            stories.len()
        )));
    }
    if stories.is_empty() {
        return Err(Refusal::Document(format!(
            "a {} export with no story in it",
            kind.database()
        )));
    }
    Ok(stories)
}

/// A story with neither a title nor a paragraph is no article.
fn has_text(s: &Story) -> Result<(), Torn> {
    if s.title.trim().is_empty() && s.body.iter().all(|p| p.trim().is_empty()) {
        return Err("the story has no title and no text".into());
    }
    Ok(())
}

/// A DOCX or RTF file's text that is a Nexis Uni, Factiva or LexisNexis
/// export, as its articles; None for any other document (read as one
/// article, as before).
#[allow(clippy::type_complexity)]
pub fn document_export(
    text: &str,
    file_name: &str,
) -> Option<(Kind, Result<Vec<Result<Article, Refusal>>, Refusal>)> {
    let kind = if nexis_uni::looks_like(text) {
        Kind::NexisUni
    } else if factiva_text::looks_like(text) {
        Kind::FactivaText
    } else if lexis_txt::looks_like(text) {
        Kind::LexisTxt
    } else {
        return None;
    };
    Some((kind, articles(text.as_bytes(), kind, file_name)))
}

/// The articles of an export: one per story, numbered in the file; a
/// story that cannot be read is refused with its number, the rest kept.
pub fn articles(
    bytes: &[u8],
    kind: Kind,
    file_name: &str,
) -> Result<Vec<Result<Article, Refusal>>, Refusal> {
    let stories = stories(bytes, kind)?;
    let n = stories.len();
    Ok(stories
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s.and_then(|s| has_text(&s).map(|()| s)) {
            Ok(s) => Ok(article(s, kind, file_name, i + 1, n)),
            Err(t) => Err(Refusal::Item {
                item: if t.name.is_empty() {
                    format!("story {} of {n}", i + 1)
                } else {
                    format!("story {} of {n}, {}", i + 1, t.name)
                },
                reason: Box::new(Refusal::Document(t.why)),
            }),
        })
        .collect())
}

/// Story `k` of `n` as an article: its title first, then its paragraphs;
/// the database's fields as the article's; where it came from in
/// `imported_from`, the database's id and section in its notes.
fn article(s: Story, kind: Kind, file_name: &str, k: usize, n: usize) -> Article {
    let title = one_line(&s.title);
    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    text.push_str(&s.body.join("\n\n"));
    let text = normalise(text.trim());
    let title = if title.is_empty() {
        crate::text::normalise::title_from_text(&text)
    } else {
        title
    };
    let mut a = Article::new(&title, &text);
    a.outlet = one_line(&s.outlet);
    // "By Michael Martina" (Factiva) is the name: the byline field holds
    // names, as Details and the citations show them.
    let byline = one_line(&s.byline);
    a.byline = byline
        .strip_prefix("By ")
        .or_else(|| byline.strip_prefix("BY "))
        .unwrap_or(&byline)
        .trim()
        .to_string();
    if let Some(url) = crate::text::links::web_link(&one_line(&s.url)) {
        a.url = url;
    }
    a.language = one_line(&s.language).to_lowercase();
    if let Some(d) = s.published {
        a.published = Some(DateValue::day(d));
        a.published_source = format!("the {} publication date", kind.database());
    }
    a.imported_from = format!("{file_name} (story {k} of {n})");
    a.database = kind.database().to_string();
    a.database_id = one_line(&s.doc_id);
    let mut notes = vec![];
    if !s.doc_id.is_empty() {
        notes.push(format!(
            "{} document {}",
            kind.database(),
            one_line(&s.doc_id)
        ));
    }
    if !s.section.is_empty() {
        notes.push(format!("Section: {}", one_line(&s.section)));
    }
    if !s.pages.is_empty() {
        notes.push(format!("Pages: {}", one_line(&s.pages)));
    }
    notes.extend(s.extra.iter().map(|x| one_line(x)));
    a.notes = notes.join("\n");
    a
}

/// Every story of a test's export, read (a refused one fails the test).
#[cfg(test)]
pub(crate) fn ok(v: Vec<Read>) -> Vec<Story> {
    v.into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("story {}: {e}", i + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_files_are_no_export() {
        assert_eq!(sniff(b"US and China held talks on Friday."), None);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss><channel/></rss>"), None);
        assert_eq!(sniff(b""), None);
    }
}
