//! Factiva XML exports (the PPS response, as tm.plugin.factiva's
//! `readFactivaXML` reads it): each `ppsarticle/article` with
//! `accessionNo`, `headline`, `leadParagraph`, `tailParagraphs`,
//! `sourceName`, `publicationDate` (a `date` or `dateTime`), `byline`,
//! `sectionName` and `baseLanguage`; paragraphs as `paragraph` elements,
//! search hits marked `hlt` inside them. Elements are matched by local name
//! (the response puts them in a namespace), in any order, any missing.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;
use crate::core::limits::MAX_HTML_DEPTH;
use crate::read::refusal::Refusal;
use crate::text::normalise::squeeze;
use quick_xml::events::Event;

/// Whether the text (the start of a file) is such an export.
pub fn looks_like(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('<') && (t.contains("ppsarticle") || t.contains("ppsArticleResponse"))
}

/// Which field of an article the reader is in.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Nothing,
    Title,
    Lead,
    Tail,
    Source,
    Date,
    Byline,
    Section,
    Language,
    Id,
}

fn field_of(name: &str) -> Option<In> {
    Some(match name {
        "headline" => In::Title,
        "leadParagraph" => In::Lead,
        "tailParagraphs" => In::Tail,
        "sourceName" => In::Source,
        "publicationDate" => In::Date,
        "byline" => In::Byline,
        "sectionName" => In::Section,
        "baseLanguage" => In::Language,
        "accessionNo" => In::Id,
        _ => return None,
    })
}

/// The stories of the export, in order. Where the XML breaks, the story
/// it breaks in is refused with the parser's reason and reading goes on
/// at the next article, as a reader of the file would skip a torn page.
pub fn stories(bytes: &[u8]) -> Result<Vec<super::Read>, Refusal> {
    let mut out = vec![];
    let mut at = 0;
    while at < bytes.len() {
        match read_from(&bytes[at..], &mut out)? {
            None => break,
            Some((broke_at, why, in_story)) => {
                // A break between stories (the response's closing tags
                // after a resumed read) refuses nothing.
                if in_story {
                    out.push(Err(format!("its XML cannot be read: {why}").into()));
                }
                match next_article(bytes, at + broke_at.max(1)) {
                    Some(next) => at = next,
                    None => break,
                }
            }
        }
        if out.len() > super::MAX_STORIES {
            break;
        }
    }
    Ok(out)
}

/// Where the next `ppsarticle` (or, without those, `article`) element
/// starts at or after `from`, namespace prefix and all.
fn next_article(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let start_of = |name: &[u8]| {
        rest.windows(name.len())
            .enumerate()
            .filter(|(_, w)| *w == name)
            .find_map(|(i, _)| {
                // Back from the name to its '<', over a prefix such as "ns:".
                let tag = rest[..i].iter().rposition(|&c| c == b'<')?;
                let between = &rest[tag + 1..i];
                let after = rest.get(i + name.len()).copied().unwrap_or(b'>');
                (between
                    .iter()
                    .all(|&c| c.is_ascii_alphanumeric() || c == b':' || c == b'_')
                    && (between.is_empty() || between.ends_with(b":"))
                    && (after.is_ascii_whitespace() || after == b'>' || after == b'/'))
                    .then_some(tag)
            })
    };
    start_of(b"ppsarticle")
        .or_else(|| start_of(b"article"))
        .map(|i| from + i)
}

/// Read stories from `bytes` into `out` up to the end (None), or up to
/// where the XML breaks: that offset, why, and whether inside a story.
fn read_from(
    bytes: &[u8],
    out: &mut Vec<super::Read>,
) -> Result<Option<(usize, String, bool)>, Refusal> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    let mut buf = vec![];
    let mut depth = 0usize;
    // The article being read, the field, and the paragraph being gathered.
    let mut story: Option<Story> = None;
    let mut field = In::Nothing;
    let mut field_depth = 0usize;
    let mut para = String::new();
    let mut text = String::new();
    // Whether the field held `paragraph` elements (else its text is split
    // at blank and indented lines, as Reuters' own files are).
    let mut saw_paragraph = false;
    loop {
        let event = match r.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => {
                let at = r.buffer_position() as usize;
                return Ok(Some((at, e.to_string(), story.is_some())));
            }
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_HTML_DEPTH {
                    return Err(Refusal::Document(format!(
                        "the Factiva XML nests its elements more than {MAX_HTML_DEPTH} deep"
                    )));
                }
                let name = e.local_name();
                let name: &str = name.as_ref();
                if name == "article" && story.is_none() {
                    story = Some(Story::default());
                } else if story.is_some() && field == In::Nothing {
                    if let Some(f) = field_of(name) {
                        field = f;
                        field_depth = depth;
                        text.clear();
                        saw_paragraph = false;
                    }
                } else if name == "paragraph" {
                    para.clear();
                    saw_paragraph = true;
                }
            }
            Event::Text(t) if field != In::Nothing => {
                let s: &str = AsRef::<str>::as_ref(&t);
                let s = quick_xml::escape::unescape(s)
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| s.to_string());
                para.push_str(&s);
                text.push_str(&s);
            }
            Event::GeneralRef(g) if field != In::Nothing => {
                let name: String = AsRef::<str>::as_ref(&g).to_string();
                let c = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".into(),
                    "gt" => ">".into(),
                    "quot" => "\"".into(),
                    "apos" => "'".into(),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                };
                para.push_str(&c);
                text.push_str(&c);
            }
            Event::CData(t) if field != In::Nothing => {
                let s = AsRef::<str>::as_ref(&t).to_string();
                para.push_str(&s);
                text.push_str(&s);
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if let Some(s) = story.as_mut() {
                    if name == "paragraph" && matches!(field, In::Lead | In::Tail | In::Title) {
                        let p = squeeze(&para);
                        if !p.is_empty() {
                            match field {
                                In::Title => {
                                    if !s.title.is_empty() {
                                        s.title.push(' ');
                                    }
                                    s.title.push_str(&p);
                                }
                                _ => s.body.push(p),
                            }
                        }
                        para.clear();
                    } else if field != In::Nothing && depth == field_depth {
                        let v = squeeze(&text);
                        match field {
                            In::Source => s.outlet = v,
                            In::Byline => s.byline = v,
                            In::Section => s.section = v,
                            In::Language => s.language = v.to_lowercase(),
                            In::Id => s.doc_id = v,
                            In::Date => {
                                s.published = v.get(..10).and_then(|d| {
                                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
                                })
                            }
                            // Title, lead and tail gather their paragraphs,
                            // or are text with paragraphs marked by lines.
                            In::Title if !saw_paragraph => s.title = v,
                            In::Lead | In::Tail if !saw_paragraph => {
                                s.body.extend(paragraphs_of_lines(&text))
                            }
                            _ => {}
                        }
                        field = In::Nothing;
                    } else if name == "article" && field == In::Nothing {
                        out.push(Ok(story.take().expect("checked above")));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
        if out.len() > super::MAX_STORIES {
            return Ok(None);
        }
    }
    if story.is_some() {
        // A cut-off download: the last story's end never came.
        out.push(Err("the file ends inside this story".into()));
    }
    Ok(None)
}

/// Text whose paragraphs start after a blank line or on an indented line.
fn paragraphs_of_lines(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current: Vec<&str> = vec![];
    for line in text.lines() {
        let indented = line.starts_with("  ") || line.starts_with('\t');
        if (line.trim().is_empty() || indented) && !current.is_empty() {
            out.push(squeeze(&current.join(" ")));
            current.clear();
        }
        if !line.trim().is_empty() {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(squeeze(&current.join(" ")));
    }
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_read_in_any_order_with_hits_and_entities() {
        let xml = br#"<?xml version="1.0"?><PPSResponse><ppsArticleResponse xmlns="http://global.factiva.com/pps/2.0">
<ppsarticle><article><sourceName>Reuters News</sourceName><byline>By Michael Martina</byline>
<headline><paragraph>US, China <hlt>talks</hlt> &amp; more</paragraph></headline>
<publicationDate><date>2023-05-11T00:00:00Z</date></publicationDate><accessionNo>LBA0000020230511ej5b00abc</accessionNo>
<leadParagraph><paragraph>First paragraph.</paragraph><paragraph>Second   paragraph.</paragraph></leadParagraph>
<tailParagraphs><paragraph>Tail &#8212; end.</paragraph></tailParagraphs><sectionName>World</sectionName><baseLanguage>EN</baseLanguage>
</article></ppsarticle><ppsarticle><article><headline><paragraph>Only a title</paragraph></headline></article></ppsarticle>
</ppsArticleResponse></PPSResponse>"#;
        assert!(looks_like(std::str::from_utf8(xml).unwrap()));
        let s = super::super::ok(stories(xml).unwrap());
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "US, China talks & more");
        assert_eq!(s[0].outlet, "Reuters News");
        assert_eq!(s[0].byline, "By Michael Martina");
        assert_eq!(s[0].section, "World");
        assert_eq!(s[0].language, "en");
        assert_eq!(s[0].doc_id, "LBA0000020230511ej5b00abc");
        assert_eq!(s[0].published, chrono::NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(
            s[0].body,
            ["First paragraph.", "Second paragraph.", "Tail — end."]
        );
        assert_eq!(s[1].title, "Only a title");
        assert!(s[1].body.is_empty());
    }

    /// A story whose XML breaks is refused alone: reading goes on at the
    /// next article; a download cut off inside a story refuses that one.
    #[test]
    fn a_broken_story_is_refused_and_the_others_read() {
        let story = |t: &str| {
            format!(
                "<ppsarticle><article><headline>{t}</headline><leadParagraph><paragraph>Text of {t}.</paragraph></leadParagraph></article></ppsarticle>"
            )
        };
        let xml = format!(
            "<PPSResponse>{}<ppsarticle><article><headline>Torn</head <lead></article></ppsarticle>{}</PPSResponse>",
            story("One"),
            story("Three")
        );
        let s = stories(xml.as_bytes()).unwrap();
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[0].as_ref().unwrap().title, "One");
        assert!(
            s[1].as_ref()
                .unwrap_err()
                .why
                .contains("XML cannot be read"),
            "{s:?}"
        );
        assert_eq!(s[2].as_ref().unwrap().title, "Three");
        assert_eq!(s[2].as_ref().unwrap().body, ["Text of Three."]);
        let cut = format!(
            "<PPSResponse>{}<ppsarticle><article><headline>Half",
            story("One")
        );
        let s = stories(cut.as_bytes()).unwrap();
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(
            s[1].as_ref().unwrap_err().why.contains("ends inside"),
            "{s:?}"
        );
    }
}
