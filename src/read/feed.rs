//! RSS and Atom feeds: each item becomes an article (its title, link,
//! publication date, and its content or description as text), the feed's
//! title its outlet. Other XML is refused with what it is, rather than
//! imported as one article titled `<?xml …`.
//!
//! feed-rs parses every RSS version and Atom, but gives dates in UTC: the
//! day a US paper dates "Thu, 11 May 2023 22:30:00 -0400" is the 11th, not
//! the 12th. So the dates are also read as written, by a scan of the items'
//! date elements in document order, and the day is the one in the writer's
//! own offset.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::limits::MAX_HTML_DEPTH;
use crate::core::model::Article;
use crate::dates::edtf::DateValue;
use crate::read::refusal::Refusal;
use crate::text::normalise::normalise;
use crate::text::normalise::squeeze as one_line;
use chrono::NaiveDate;
use quick_xml::events::Event;

/// What an XML-looking file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Not XML, or XHTML: for the other readers.
    NotXml,
    Feed,
    /// XML of another kind, with its root element's name.
    Other(String),
}

/// Whether the bytes are a feed, other XML, or neither: by the name
/// (`.xml`, `.rss`, `.atom`, `.rdf`) or an XML declaration, then by the
/// root element (`rss`, `feed`, `RDF`; `html` is a web page).
pub fn sniff(bytes: &[u8], file_name: &str) -> Sniffed {
    let lower = file_name.to_ascii_lowercase();
    let named = [".xml", ".rss", ".atom", ".rdf"]
        .iter()
        .any(|e| lower.ends_with(e));
    let head = &bytes[..bytes.len().min(64)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &head[start..];
    let declared =
        head.starts_with(b"<?xml") || head.starts_with(b"<rss") || head.starts_with(b"<feed");
    if !named && !declared {
        return Sniffed::NotXml;
    }
    match root_element(bytes) {
        Some(r) if r.eq_ignore_ascii_case("html") => Sniffed::NotXml,
        Some(r) if ["rss", "feed", "rdf"].contains(&r.to_ascii_lowercase().as_str()) => {
            Sniffed::Feed
        }
        Some(r) => Sniffed::Other(r),
        // Named .xml but no element: not XML after all, unless declared.
        None if declared => Sniffed::Other(String::new()),
        None => Sniffed::NotXml,
    }
}

/// The local name of the first element, if the bytes hold one.
fn root_element(bytes: &[u8]) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    let mut buf = vec![];
    // The prolog is short: give up after a few hundred events.
    for _ in 0..512 {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return Some(e.local_name().as_ref().to_string());
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
    None
}

/// Why a file that looks like XML is not a feed.
pub fn not_a_feed(root: &str) -> Refusal {
    Refusal::Document(if root.is_empty() {
        "an XML file with no element: not an RSS or Atom feed".into()
    } else {
        format!("an XML file whose root element is <{root}>, not an RSS or Atom feed")
    })
}

/// A feed's items as articles, in the feed's order; `file_name` is kept as
/// where each came from.
pub fn read_feed(bytes: &[u8], file_name: &str) -> Result<Vec<Article>, Refusal> {
    // feed-rs 3.0 (through quick-xml 0.42) panics on a second XML
    // declaration that names an encoding (found by fuzzing; see
    // docs/upstream/): that is this file's refusal, not a crash.
    let feed = crate::core::isolate::isolate(|| feed_rs::parser::parse(bytes))
        .map_err(|p| Refusal::failed("the feed parser failed on this file", p))?
        .map_err(|e| {
            Refusal::Document(format!(
                "the feed cannot be read: {}",
                one_line(&e.to_string())
            ))
        })?;
    let written = dates_as_written(bytes);
    let outlet = feed
        .title
        .as_ref()
        .map(|t| one_line(&t.content))
        .unwrap_or_default();
    let language = feed.language.clone().unwrap_or_default();
    let mut out = vec![];
    for (i, e) in feed.entries.iter().enumerate() {
        // An item's HTML is held to the nesting limit of a page: the
        // parser's work grows with depth (40,000 nested divs once took a
        // minute), and the same page as a file is refused at once.
        let parts = [
            e.title.as_ref().map(|t| t.content.as_str()),
            e.content.as_ref().and_then(|c| c.body.as_deref()),
            e.summary.as_ref().map(|s| s.content.as_str()),
        ];
        if parts.into_iter().flatten().any(|h| {
            h.contains('<')
                && crate::read::nesting::depth(h.as_bytes(), MAX_HTML_DEPTH) > MAX_HTML_DEPTH
        }) {
            return Err(Refusal::Html(format!(
                "item {} of the feed nests its elements more than {MAX_HTML_DEPTH} deep (real \
                 pages nest a few dozen), so the feed cannot be read safely",
                i + 1
            )));
        }
        let title = e
            .title
            .as_ref()
            .map(|t| text_of(&t.content, t.content_type.subty().as_str() == "html"));
        let title = title.map(|t| one_line(&t)).unwrap_or_default();
        let body = e
            .content
            .as_ref()
            .and_then(|c| {
                let html = c.content_type.subty().as_str().contains("html");
                c.body.as_deref().map(|b| text_of(b, html))
            })
            .filter(|t| !t.trim().is_empty())
            .or_else(|| {
                e.summary.as_ref().map(|s| {
                    // RSS descriptions are HTML whatever they are labelled.
                    text_of(&s.content, true)
                })
            })
            .filter(|t| !t.trim().is_empty());
        // An item with only a title keeps it as its text, so it can still
        // be read and tagged.
        let text = normalise(&body.unwrap_or_else(|| title.clone()));
        if text.trim().is_empty() {
            continue;
        }
        let url = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| h.starts_with("http://") || h.starts_with("https://"))
            .unwrap_or_default();
        let (published, source) = match written.get(i).cloned().flatten() {
            Some((day, element)) => (Some(day), format!("the feed item's <{element}>")),
            None => match e.published.or(e.updated) {
                Some(t) => (
                    Some(t.date_naive()),
                    "the feed item's date, in UTC".to_string(),
                ),
                None => (None, String::new()),
            },
        };
        let published = published.map(DateValue::day);
        let title = if title.is_empty() {
            crate::text::normalise::title_from_text(&text)
        } else {
            title
        };
        // Id, import time and text hash as every new article gets them.
        let mut a = Article::new(&title, &text);
        a.outlet = outlet.clone();
        a.url = url;
        a.byline = e
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(one_line))
            .collect::<Vec<_>>()
            .join(", ");
        a.language = language.clone();
        if published.is_some() {
            a.published_source = source;
        }
        a.published = published;
        a.imported_from = file_name.to_string();
        out.push(a);
    }
    if out.is_empty() {
        return Err(Refusal::Document(
            "the feed has no items with a title or text".into(),
        ));
    }
    Ok(out)
}

/// An item's text: HTML to paragraphs, or the text as it is.
fn text_of(s: &str, html: bool) -> String {
    if !html || !s.contains('<') {
        return crate::read::html::paragraphs(&decode_entities_if_any(s));
    }
    let doc = dom_query::Document::from(format!("<html><body>{s}</body></html>"));
    crate::read::html::paragraphs(&doc.select("body").formatted_text())
}

/// A plain-text field may still carry `&amp;` from a double-escaped feed.
fn decode_entities_if_any(s: &str) -> String {
    if s.contains('&') {
        quick_xml::escape::unescape(s).map_or_else(|_| s.to_string(), |c| c.into_owned())
    } else {
        s.to_string()
    }
}

/// Per item or entry, in document order: the day its first publication
/// date element gives, in the writer's own offset, and that element's name.
fn dates_as_written(bytes: &[u8]) -> Vec<Option<(NaiveDate, String)>> {
    const ITEMS: [&str; 2] = ["item", "entry"];
    // Strongest first: a publication date beats an update.
    const DATES: [&str; 5] = ["pubDate", "published", "date", "issued", "updated"];
    let mut r = quick_xml::Reader::from_reader(bytes);
    let mut buf = vec![];
    let mut out = vec![];
    let mut in_item = false;
    let mut depth_in_item = 0usize;
    let mut found: Vec<(usize, NaiveDate, String)> = vec![];
    let mut reading: Option<String> = None;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_string();
                if !in_item && ITEMS.contains(&name.as_str()) {
                    in_item = true;
                    depth_in_item = 0;
                    found.clear();
                } else if in_item {
                    depth_in_item += 1;
                    // Only the item's own children (not a source's dates).
                    if depth_in_item == 1 && DATES.contains(&name.as_str()) {
                        reading = Some(name);
                    }
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(name) = &reading
                    && let Some(day) = day_as_written(AsRef::<str>::as_ref(&t).trim())
                    && let Some(rank) = DATES.iter().position(|d| d == name)
                {
                    found.push((rank, day, name.clone()));
                }
            }
            Ok(Event::End(e)) => {
                let name = e.local_name().as_ref().to_string();
                if in_item && depth_in_item == 0 && ITEMS.contains(&name.as_str()) {
                    in_item = false;
                    found.sort_by_key(|f| f.0);
                    out.push(found.first().map(|f| (f.1, f.2.clone())));
                } else if in_item {
                    depth_in_item = depth_in_item.saturating_sub(1);
                    reading = None;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The day of an RFC 2822 ("Thu, 11 May 2023 22:30:00 -0400") or RFC 3339
/// date, in its own offset; a bare "2023-05-11" as it is.
fn day_as_written(s: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc2822(s)
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(s))
        .map(|d| d.date_naive())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><link>https://example.org/</link><language>en-us</language>
<item>
  <title>Sullivan meets Wang Yi in Vienna</title>
  <link>https://example.org/2023/05/11/vienna</link>
  <pubDate>Thu, 11 May 2023 22:30:00 -0400</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>VIENNA &#8211; The two met for eight hours.</p><p>Both sides called the talks <b>candid</b>.</p>]]></content:encoded>
</item>
<item>
  <title>Blinken&#39;s trip &amp; the balloon</title>
  <link>https://example.org/2023/02/04/balloon</link>
  <pubDate>Sat, 04 Feb 2023 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;The trip was postponed.&lt;/p&gt;</description>
</item>
<item><title>Only a title</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Desk</title>
<entry><title>Xi and Biden meet in Bali</title>
<link rel="alternate" href="https://atom.example/bali"/>
<published>2022-11-14T23:50:00+08:00</published><updated>2022-11-20T10:00:00Z</updated>
<author><name>A. Writer</name></author>
<summary type="html">&lt;p&gt;Three hours of talks.&lt;/p&gt;</summary></entry>
</feed>"#;

    #[test]
    fn each_rss_item_is_an_article_with_its_own_days_date() {
        assert_eq!(sniff(RSS.as_bytes(), "news.xml"), Sniffed::Feed);
        let items = read_feed(RSS.as_bytes(), "news.xml").unwrap();
        assert_eq!(items.len(), 3);
        let a = &items[0];
        assert_eq!(a.title, "Sullivan meets Wang Yi in Vienna");
        assert_eq!(a.url, "https://example.org/2023/05/11/vienna");
        assert_eq!(a.outlet, "Example Wire");
        assert_eq!(a.byline, "Jane Doe");
        assert_eq!(a.language, "en-us");
        // 22:30 at -04:00 is the 12th in UTC, but the paper's day is the 11th.
        assert_eq!(a.published.as_ref().unwrap().edtf(), "2023-05-11");
        assert_eq!(a.published_source, "the feed item's <pubDate>");
        // The full content beats the teaser, as paragraphs.
        assert_eq!(
            a.text,
            "VIENNA – The two met for eight hours.\n\nBoth sides called the talks candid."
        );
        assert_eq!(items[1].title, "Blinken's trip & the balloon");
        assert_eq!(items[1].text, "The trip was postponed.");
        assert_eq!(items[1].published.as_ref().unwrap().edtf(), "2023-02-04");
        assert_eq!(items[2].text, "Only a title");
        assert!(items[2].published.is_none());
        assert_eq!(items[2].url, "");
    }

    #[test]
    fn atom_entries_take_their_published_day_over_the_update() {
        assert_eq!(sniff(ATOM.as_bytes(), "feed"), Sniffed::Feed);
        let items = read_feed(ATOM.as_bytes(), "desk.atom").unwrap();
        assert_eq!(items.len(), 1);
        let a = &items[0];
        assert_eq!(a.published.as_ref().unwrap().edtf(), "2022-11-14");
        assert_eq!(a.url, "https://atom.example/bali");
        assert_eq!(a.text, "Three hours of talks.");
        assert_eq!(a.byline, "A. Writer");
        assert_eq!(a.outlet, "Atom Desk");
    }

    #[test]
    fn other_xml_is_refused_with_what_it_is_and_xhtml_is_a_page() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert_eq!(sniff(svg.as_bytes(), "x.xml"), Sniffed::Other("svg".into()));
        assert!(
            not_a_feed("svg")
                .to_string()
                .contains("<svg>, not an RSS or Atom feed")
        );
        let xhtml = r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>"#;
        assert_eq!(sniff(xhtml.as_bytes(), "page.xml"), Sniffed::NotXml);
        assert_eq!(sniff(b"Plain words", "notes.txt"), Sniffed::NotXml);
        assert_eq!(sniff(b"not xml at all", "data.xml"), Sniffed::NotXml);
        // A broken feed says it cannot be read.
        let e = read_feed(b"<rss><channel><item><title>x</ti", "bad.rss");
        assert!(e.is_err());
        let empty = r#"<rss version="2.0"><channel><title>T</title></channel></rss>"#;
        assert!(
            read_feed(empty.as_bytes(), "e.rss")
                .unwrap_err()
                .to_string()
                .contains("no items")
        );
    }

    #[test]
    fn a_second_xml_declaration_is_refused_not_a_crash() {
        let feed = br#"<?xml version="1.0" encoding="euc-kr"?>
<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0"><channel><title>Wire</title><item><title>One</title><description>Talks in Vienna.</description></item></channel></rss>"#;
        let e = read_feed(feed, "wire.rss").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the feed parser failed on this file"),
            "{e}"
        );
    }
}
