//! Saved web pages: charset detection (BOM, then the page's declaration,
//! then detection, noticing declarations the bytes contradict), main-text
//! extraction with dom_smoothie (a port of Mozilla's Readability), and the
//! metadata a citation needs: title, outlet, byline, canonical URL,
//! language and publication date.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::limits::MAX_HTML_DEPTH;
use crate::dates::edtf::DateValue;
use crate::read::head::Head;
use encoding_rs::Encoding;
use regex::Regex;
use std::sync::OnceLock;

/// What the page gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: String,
    /// Paragraphs and headings, one per line, blank lines between.
    pub text: String,
    pub outlet: String,
    pub byline: String,
    pub url: String,
    pub language: String,
    pub published: Option<DateValue>,
    /// Where the date came from ("meta article:published_time").
    pub published_source: String,
    /// The encoding the page was read as, and a note when its declaration was wrong.
    pub encoding: &'static str,
    pub charset_note: Option<String>,
}

fn re(pat: &str) -> Regex {
    Regex::new(pat).expect("valid pattern")
}

fn meta_charset_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| re(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#))
}

/// Decode a page: BOM, then the declared charset, then detection. A page
/// that declares a legacy charset but is valid UTF-8 (and not plain ASCII)
/// is read as UTF-8, with a note. A declaration the bytes cannot be is not
/// believed, as browsers do not: UTF-16 declared in a page read as ASCII
/// means UTF-8 (the WHATWG rule), the "replacement" charsets (ISO-2022-KR,
/// HZ) would turn the page into one U+FFFD, and a charset whose decoding
/// fails gives way to detection, with a note.
pub fn decode_html(bytes: &[u8]) -> (String, &'static str, Option<String>) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name(), None);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
    let label = meta_charset_re().captures(&head).map(|c| c[1].to_string());
    let declared = label
        .as_deref()
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .map(|enc| {
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            }
        })
        .filter(|&enc| enc != encoding_rs::REPLACEMENT);
    if let Some(enc) = declared
        && let Some(better) = better_than_declared(enc, bytes)
    {
        let (text, _) = better.decode_without_bom_handling(bytes);
        let note = format!(
            "the page declares {} but its bytes are not; read as {}",
            enc.name(),
            better.name()
        );
        return (text.into_owned(), better.name(), Some(note));
    }
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let ascii = bytes.is_ascii();
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 && utf8 && !ascii => (
            String::from_utf8_lossy(bytes).into_owned(),
            encoding_rs::UTF_8.name(),
            Some(format!(
                "the page declares {} but its bytes are UTF-8; read as UTF-8",
                enc.name()
            )),
        ),
        Some(enc) => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            (text.into_owned(), enc.name(), None)
        }
        None if utf8 => (
            String::from_utf8_lossy(bytes).into_owned(),
            encoding_rs::UTF_8.name(),
            None,
        ),
        None => decode_html_undeclared(bytes),
    }
}

/// When `bytes` are not valid in the declared `enc`, the encoding they
/// are valid in that chardetng detects (UTF-8 first); None when the
/// declaration holds, or nothing reads the bytes better (a real page with a
/// few bad bytes keeps its declared charset). A single-byte guess is no
/// evidence (every byte is valid in one), so only a multi-byte one counts.
fn better_than_declared(enc: &'static Encoding, bytes: &[u8]) -> Option<&'static Encoding> {
    if !enc.decode_without_bom_handling(bytes).1 {
        return None;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Some(encoding_rs::UTF_8);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(None, false);
    (guess != enc && !guess.is_single_byte() && !guess.decode_without_bom_handling(bytes).1)
        .then_some(guess)
}

/// A page with no usable declaration: UTF-8 if the bytes are, else the
/// encoding chardetng detects.
fn decode_html_undeclared(bytes: &[u8]) -> (String, &'static str, Option<String>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), encoding_rs::UTF_8.name(), None);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, false);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name(), None)
}

/// Read a saved page.
pub fn read_page(bytes: &[u8]) -> Result<Page, String> {
    let (html, encoding, charset_note) = decode_html(bytes);
    let deepest = crate::read::nesting::depth(html.as_bytes(), MAX_HTML_DEPTH);
    if deepest > MAX_HTML_DEPTH {
        return Err(format!(
            "the page nests its elements more than {MAX_HTML_DEPTH} deep (real pages nest a few \
             dozen), so it cannot be read safely"
        ));
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html.as_str(), None, Some(cfg))
        .map_err(|e| e.to_string())?;
    let head = Head::read(&r);
    crate::read::furniture::prune(&r.doc);
    defuse_pre(&r.doc);
    let lede = (!crate::read::ablate::off("lede"))
        .then(|| {
            crate::read::lede::find(
                &r.doc,
                |n| head.meta(&[n]).map(|(_, v)| v),
                head.title.as_deref().unwrap_or(""),
            )
        })
        .flatten();
    let article = r
        .parse()
        .map_err(|e| format!("no article text found ({e})"))?;
    let story = match r.doc.select("#readability-page-1").nodes().first() {
        Some(root) if crate::read::furniture::link_lists(root) => root.formatted_text(),
        _ => article.text_content.clone(),
    };
    let text =
        crate::text::normalise::normalise(&crate::read::lede::prepend(paragraphs(&story), lede));
    let (published, published_source) = head
        .published(article.published_time.as_deref())
        .map_or((None, String::new()), |(d, why)| (Some(d), why));
    let outlet = article
        .site_name
        .clone()
        .or_else(|| {
            head.meta(&["og:site_name", "application-name"])
                .map(|(_, v)| v)
        })
        .unwrap_or_default();
    // The site's name and a date it adds to the title go to where they
    // belong: the outlet, and the date when the page gave none.
    // Readability's title often drops a trailing date already: the date is
    // looked for in the page's own <title>.
    let cleaned = crate::read::title::clean_title(&article.title, &outlet);
    let raw = head
        .title
        .as_deref()
        .map(|t| crate::read::title::clean_title(t, &outlet));
    let date = cleaned
        .date
        .clone()
        .or_else(|| raw.as_ref().and_then(|r| r.date.clone()));
    let (published, published_source) = match (published, date) {
        (None, Some(d)) => (Some(d), "the page's title".to_string()),
        (p, _) => (p, published_source),
    };
    let outlet = if outlet.is_empty() {
        cleaned.site.unwrap_or_default()
    } else {
        outlet
    };
    let title = cleaned.title;
    Ok(Page {
        title: if title.is_empty() {
            crate::text::normalise::title_from_text(&text)
        } else {
            title
        },
        outlet,
        byline: article.byline.clone().unwrap_or_default(),
        url: head.canonical().unwrap_or_default(),
        language: article.lang.clone().unwrap_or_default(),
        published,
        published_source,
        text,
        encoding,
        charset_note,
    })
}

/// Make a page safe for dom_query's formatted text (0.28): it trims the
/// text's end one *byte* at a time, so a `<pre>` whose last text ends in a
/// multi-byte space (`&nbsp;`, U+3000) leaves half a character, and tendril
/// panics (`ValidationFailed`, tendril.rs:900). A real news page did this.
/// Inside `<pre>`, such spaces become plain ones; [`paragraphs`] collapses
/// every run of spaces afterwards, so the text read is the same.
pub(crate) fn defuse_pre(doc: &dom_query::Document) {
    let wide = |c: char| c.is_whitespace() && !c.is_ascii();
    for pre in doc.select("pre").nodes() {
        for n in pre.descendants() {
            if !n.is_text() {
                continue;
            }
            let t = n.text();
            if t.chars().any(wide) {
                let plain: String = t.chars().map(|c| if wide(c) { ' ' } else { c }).collect();
                n.set_text(plain);
            }
        }
    }
}

/// Formatted text to paragraphs: collapse runs of spaces inside lines and
/// keep one blank line between blocks.
pub(crate) fn paragraphs(s: &str) -> String {
    let mut out: Vec<String> = vec![];
    for line in s.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() {
            if out.last().is_some_and(|x| !x.is_empty()) {
                out.push(String::new());
            }
        } else {
            if out.last().is_some_and(|x| !x.is_empty()) {
                out.push(String::new());
            }
            out.push(l);
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Blinken meets Qin Gang in Beijing | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-06-18T09:15:00Z">
<link rel="canonical" href="https://news.example.org/2023/06/18/blinken-qin">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> Share on Twitter</nav>
<article><h1>Blinken meets Qin Gang in Beijing</h1>
<p class="byline">By Jane Reporter</p>
<p>BEIJING, June 18 (Example) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday, the first visit by a U.S. secretary of state in five years.</p>
<p>The two sides held candid, substantive and constructive talks lasting more than seven hours at the Diaoyutai State Guesthouse, the State Department said in a statement.</p>
<p>Blinken invited Qin to Washington to continue the discussions, and the two agreed to schedule a visit at a mutually suitable time, the spokesperson said.</p>
</article><footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>"#;

    #[test]
    fn extracts_text_and_metadata() {
        let p = read_page(PAGE.as_bytes()).unwrap();
        assert!(p.title.contains("Blinken meets Qin Gang"), "{}", p.title);
        assert_eq!(p.outlet, "Example News");
        assert_eq!(p.url, "https://news.example.org/2023/06/18/blinken-qin");
        assert_eq!(p.published.as_ref().unwrap().edtf(), "2023-06-18");
        assert!(p.published_source.contains("metadata"));
        assert!(p.text.contains("Diaoyutai State Guesthouse"));
        assert!(
            !p.text.contains("Share on Twitter"),
            "navigation is dropped"
        );
        assert!(
            !p.text.contains("All rights reserved"),
            "the footer is dropped"
        );
        // Paragraphs are separate lines.
        let lines: Vec<&str> = p.text.lines().filter(|l| !l.is_empty()).collect();
        assert!(lines.len() >= 3, "{lines:?}");
    }

    /// Metadata is read from the parsed DOM: every entity decoded (the old
    /// regexes and a chain of replaces left `&#8211;` in place), attributes
    /// in any order and case, a canonical link among other rel tokens.
    #[test]
    fn metadata_comes_from_the_dom_with_entities_decoded() {
        let page = PAGE
            .replace(
                r#"<meta property="og:site_name" content="Example News">"#,
                r#"<META CONTENT="Foo &amp; Bar &#8211; News" Property="og:site_name">"#,
            )
            .replace(
                r#"<link rel="canonical" href="https://news.example.org/2023/06/18/blinken-qin">"#,
                r#"<link href="https://news.example.org/a?x=1&amp;y=2" rel="alternate canonical">"#,
            );
        let p = read_page(page.as_bytes()).unwrap();
        assert_eq!(p.outlet, "Foo & Bar – News");
        assert_eq!(p.url, "https://news.example.org/a?x=1&y=2");
        assert_eq!(p.published.as_ref().unwrap().edtf(), "2023-06-18");
        // No metadata at all: nothing invented.
        let bare = "<html><body><article><p>".to_string()
            + &"Blinken met Qin Gang in Beijing for talks that lasted seven hours. ".repeat(8)
            + "</p></article></body></html>";
        let p = read_page(bare.as_bytes()).unwrap();
        assert!(p.url.is_empty() && p.outlet.is_empty() && p.published.is_none());
    }

    /// Issue 15, item 12: the site's name and date leave the title and go
    /// to the outlet and the publication date.
    #[test]
    fn the_site_suffix_leaves_the_title_for_the_outlet_and_the_date() {
        let page = PAGE
            .replace(
                "<title>Blinken meets Qin Gang in Beijing | Example News</title>",
                "<title>Blinken meets Qin Gang in Beijing | World Desk | 18.06.2023</title>",
            )
            .replace(
                r#"<meta property="og:site_name" content="Example News">"#,
                "",
            )
            .replace(
                r#"<meta property="article:published_time" content="2023-06-18T09:15:00Z">"#,
                "",
            );
        let p = read_page(page.as_bytes()).unwrap();
        assert_eq!(p.title, "Blinken meets Qin Gang in Beijing");
        assert_eq!(p.outlet, "World Desk");
        assert_eq!(p.published.as_ref().unwrap().edtf(), "2023-06-18");
        // The address (".../2023/06/18/...") is read before the title.
        assert_eq!(p.published_source, "the page's address");
        let p = read_page(page.replace("/2023/06/18/", "/").as_bytes()).unwrap();
        assert_eq!(p.published.as_ref().unwrap().edtf(), "2023-06-18");
        assert_eq!(p.published_source, "the page's title");
    }

    /// Issue 17, item 2: a date only in JSON-LD, inside `@graph`, with an
    /// offset written "+0200" or as RFC 2822, is found.
    #[test]
    fn a_date_in_json_ld_is_found_at_any_depth_and_in_either_form() {
        let without_meta = PAGE.replace(
            r#"<meta property="article:published_time" content="2023-06-18T09:15:00Z">"#,
            "",
        );
        for (ld, want) in [
            (
                r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-01-28T06:00:00+0100"}]}"#,
                "2022-01-28",
            ),
            (
                r#"[{"@type":"NewsArticle","datePublished":"Wed, 02 Feb 2022 09:12:22 +0100"}]"#,
                "2022-02-02",
            ),
        ] {
            let page = without_meta.replace(
                "</head>",
                &format!(r#"<script type="application/ld+json">{ld}</script></head>"#),
            );
            let p = read_page(page.as_bytes()).unwrap();
            assert_eq!(
                p.published
                    .as_ref()
                    .map(|d| d.edtf().to_string())
                    .as_deref(),
                Some(want)
            );
        }
        // Schema.org JSON in a <script> with no type counts too.
        let page = without_meta.replace(
            "</head>",
            r#"<script>{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2022-01-28T06:00:00+01:00"}</script></head>"#,
        );
        let p = read_page(page.as_bytes()).unwrap();
        assert_eq!(p.published.unwrap().edtf(), "2022-01-28");
        // Broken JSON-LD is passed over, not trusted.
        let page = without_meta.replace(
            "</head>",
            r#"<script type="application/ld+json">{"datePublished": "2022-01-28"</script></head>"#,
        );
        let p = read_page(page.as_bytes()).unwrap();
        assert_ne!(p.published_source, "the page's JSON-LD (datePublished)");
    }

    /// Issue 30: the date line beside the headline beats a metadata stamp
    /// of another day (a UTC time that is the next day where the page was
    /// written; a page stamped again months later). A date in words in an
    /// element marked as a date is read. A date only in a script's data is
    /// not (that rule helped on one site of the dev set only).
    #[test]
    fn the_date_line_beside_the_headline_beats_a_stamp_of_another_day() {
        let stamped = |stamp: &str, line: &str| {
            PAGE.replace("2023-06-18T09:15:00Z", stamp)
                .replace("/2023/06/18/", "/")
                .replace(
                    r#"<p class="byline">By Jane Reporter</p>"#,
                    &format!(r#"<p class="byline">{line}</p>"#),
                )
        };
        let date = |page: &str| {
            let p = read_page(page.as_bytes()).unwrap();
            (
                p.published.map(|d| d.edtf().to_string()),
                p.published_source,
            )
        };
        // 00:44 UTC on the 19th is 21:44 on the 18th in Brasília.
        let (d, why) = date(&stamped("2023-06-19T00:44:52.000Z", "18/06/2023 21:44"));
        assert_eq!(d.as_deref(), Some("2023-06-18"), "{why}");
        assert!(
            why.starts_with("the date line beside the headline")
                && why.contains("not page metadata"),
            "{why}"
        );
        // Stamped again months later: the visible date line is the day.
        let (d, why) = date(&stamped("2023-11-17T10:33:00Z", "09.03.2023"));
        assert_eq!(d.as_deref(), Some("2023-03-09"), "{why}");
        // No date line: the stamp's own day, whatever its zone.
        let (d, why) = date(&stamped("2023-06-19T05:30:59Z", "By Jane Reporter"));
        assert_eq!(d.as_deref(), Some("2023-06-19"), "{why}");
        // No metadata: a date in words in an element marked as a date.
        let bare = stamped("x", "By Jane Reporter").replace(
            r#"<meta property="article:published_time" content="x">"#,
            "",
        );
        let marked = bare.replace(
            "<article>",
            r#"<article><span class="post-date">Staff | May 10, 2022 01:52:54 PM</span>"#,
        );
        assert_eq!(date(&marked).0.as_deref(), Some("2022-05-10"));
        // Only in an app's data: not read.
        let app = bare.replace(
            "</body>",
            r#"<script id="__NEXT_DATA__" type="application/json">{"props":{"publicationDate":"2022-01-31T14:27:32+01:00"}}</script></body>"#,
        );
        assert_eq!(date(&app).0, None);
    }

    /// Issue 30: a standfirst set apart under the headline (Readability
    /// leaves it out) opens the text when the page's description shows it;
    /// a list of other stories inside the article's container goes.
    #[test]
    fn the_standfirst_opens_the_text_and_lists_of_links_go() {
        let lede = "The first visit by a U.S. secretary of state in five years ends with an agreement to keep talking.";
        let page = PAGE
            .replace(
                "</head>",
                &format!(r#"<meta name="description" content="{lede}"></head>"#),
            )
            .replace(
                "<article><h1>Blinken meets Qin Gang in Beijing</h1>",
                &format!(
                    r#"<header><h1>Blinken meets Qin Gang in Beijing</h1><div class="intro"><p>{lede}</p></div></header><article>"#
                ),
            )
            .replace(
                "</article>",
                r#"<div><ul><li><a href="/a">Qin Gang to visit Washington</a></li>
                   <li><a href="/b">What the balloon incident changed</a></li></ul></div></article>"#,
            );
        let p = read_page(page.as_bytes()).unwrap();
        assert!(p.text.starts_with(lede), "{}", p.text);
        assert!(p.text.contains("Diaoyutai State Guesthouse"), "{}", p.text);
        assert!(!p.text.contains("balloon incident"), "{}", p.text);
        // Without the description, nothing says which paragraph it is.
        let p = read_page(
            page.replace("name=\"description\"", "name=\"keywords\"")
                .as_bytes(),
        )
        .unwrap();
        assert!(!p.text.contains("ends with an agreement"), "{}", p.text);
    }

    /// Issue 17, item 2: captions, photo credits and related-story boxes
    /// inside the article's container are not article text.
    #[test]
    fn captions_credits_and_related_boxes_inside_the_article_go() {
        let page = PAGE.replace(
            "<p class=\"byline\">By Jane Reporter</p>",
            "<p class=\"byline\">By Jane Reporter</p>\
             <figure><img src=\"a.jpg\" alt=\"Blinken\"><p class=\"image-caption\">Blinken arrives at the guesthouse on Sunday morning.</p>\
             <span class=\"Photo-Credit\">Foto: Pool/Reuters</span></figure>\
             <div class=\"related-articles\"><p>Read also: What Qin Gang said about Taiwan last week in Munich</p></div>",
        );
        let p = read_page(page.as_bytes()).unwrap();
        assert!(
            p.text.contains("Diaoyutai State Guesthouse"),
            "the story stays"
        );
        assert!(
            p.text
                .contains("U.S. Secretary of State Antony Blinken met")
        );
        for gone in ["arrives at the guesthouse", "Pool/Reuters", "Read also"] {
            assert!(!p.text.contains(gone), "{gone:?} was kept:\n{}", p.text);
        }
    }

    /// Issue 17, item 2: dates the page gives outside the usual metadata:
    /// a `publishdate` meta tag, an element whose class or itemprop names a
    /// date (day first with dots, or a timestamp in an attribute), and last
    /// the time the page was changed.
    #[test]
    fn dates_in_marked_elements_and_other_meta_names_are_found() {
        let without_meta = PAGE.replace(
            r#"<meta property="article:published_time" content="2023-06-18T09:15:00Z">"#,
            "",
        );
        let cases = [
            (
                "</head>",
                r#"<META name="publishdate" content="2020-01-02"></head>"#,
                "2020-01-02",
            ),
            (
                "<p class=\"byline\">",
                r#"<span class="meta__date">02.11.2021</span><p class="byline">"#,
                "2021-11-02",
            ),
            (
                "<p class=\"byline\">",
                r#"<abbr class="published" itemprop="datePublished" title="2018-06-05T08:00:00-07:00">8:00</abbr><p class="byline">"#,
                "2018-06-05",
            ),
            (
                "</head>",
                r#"<meta property="og:updated_time" content="10.12.2022, 09:15:02"></head>"#,
                "2022-12-10",
            ),
        ];
        for (at, with, want) in cases {
            let page = without_meta.replacen(at, with, 1);
            let p = read_page(page.as_bytes()).unwrap();
            assert_eq!(
                p.published
                    .as_ref()
                    .map(|d| d.edtf().to_string())
                    .as_deref(),
                Some(want),
                "{with}"
            );
        }
        // A day that does not exist, or dots that are not a date, are none.
        assert!(crate::read::head::dotted_day("31.02.2022").is_none());
        assert!(crate::read::head::dotted_day("1.2.3").is_none());
    }

    #[test]
    fn a_wrong_charset_declaration_is_noticed() {
        let page = PAGE
            .replace("charset=\"utf-8\"", "charset=\"gb2312\"")
            .replace("Blinken", "布林肯");
        let p = read_page(page.as_bytes()).unwrap();
        assert_eq!(p.encoding, "UTF-8");
        assert!(p.charset_note.as_deref().unwrap().contains("declares GBK"));
        assert!(p.text.contains("布林肯"));
        // A correct legacy declaration is honoured.
        let legacy = page.replace("gb2312", "gbk");
        let (gbk, _, _) = encoding_rs::GBK.encode(&legacy);
        let p = read_page(&gbk).unwrap();
        assert_eq!(p.encoding, "GBK");
        assert!(p.text.contains("布林肯"));
    }

    #[test]
    fn declarations_the_bytes_cannot_be_are_not_believed() {
        // UTF-16 declared in a page read as ASCII means UTF-8 (WHATWG).
        let p = read_page(PAGE.replace("utf-8", "utf-16").as_bytes()).unwrap();
        assert_eq!(p.encoding, "UTF-8");
        assert!(p.text.contains("Diaoyutai State Guesthouse"), "{}", p.text);
        // ISO-2022-KR is the "replacement" encoding: one U+FFFD for the page.
        let p = read_page(PAGE.replace("utf-8", "iso-2022-kr").as_bytes()).unwrap();
        assert!(p.text.contains("Diaoyutai State Guesthouse"), "{}", p.text);
        // Shift_JIS declared, GBK bytes: the declaration gives way, with a note.
        let chinese = PAGE
            .replace("utf-8", "shift_jis")
            .replace("Blinken", "布林肯国务卿")
            .replace("talks", "会谈");
        let (gbk, _, _) = encoding_rs::GBK.encode(&chinese);
        let p = read_page(&gbk).unwrap();
        assert!(p.text.contains("布林肯国务卿"), "{}", p.text);
        let note = p.charset_note.unwrap_or_default();
        assert!(
            note.contains("declares Shift_JIS but its bytes are not"),
            "{note}"
        );
    }

    #[test]
    fn only_a_web_link_is_kept_as_the_canonical_url() {
        let p = read_page(
            PAGE.replace(
                "https://news.example.org/2023/06/18/blinken-qin",
                "httpfoo:evil",
            )
            .as_bytes(),
        )
        .unwrap();
        assert_eq!(p.url, "");
    }

    #[test]
    fn a_page_nested_too_deep_is_refused_before_it_is_parsed() {
        // 100,000 unclosed <b>s overflowed the stack and killed the process;
        // 2,000 nested <div>s took tens of seconds.
        let bomb = format!(
            "<html><body><p>Talks.</p>{}</body></html>",
            "<b>x".repeat(100_000)
        );
        let e = read_page(bomb.as_bytes()).unwrap_err();
        assert!(e.contains("nests its elements more than 256 deep"), "{e}");
        let divs = format!(
            "<html><body>{}<p>x</p>{}</body></html>",
            "<div>".repeat(2_000),
            "</div>".repeat(2_000)
        );
        assert!(read_page(divs.as_bytes()).unwrap_err().contains("256 deep"));
        // As deep as the limit still reads.
        let deep = PAGE.replace("<article>", &format!("{}<article>", "<div>".repeat(250)));
        assert!(
            read_page(deep.as_bytes())
                .unwrap()
                .text
                .contains("Diaoyutai")
        );
    }
}
