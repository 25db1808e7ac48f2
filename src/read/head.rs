//! What a web page says about itself, read from the DOM the extractor
//! parses (entities decoded by the HTML parser) before extraction prunes
//! it: meta tags, the canonical link, `<time>`, JSON-LD, elements marked as
//! dates and the `<title>`; and the publication date they give, strongest
//! source first.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::dates::edtf::DateValue;
use regex::Regex;
use std::sync::OnceLock;

/// The meta names that give a publication date.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article:published",
    "parsely-pub-date",
    "sailthru.date",
    "DC.date.issued",
    "DC.date",
    "dcterms.date",
    "dcterms.created",
];

/// What the page's head says, read from the DOM the extractor parses
/// (entities decoded by the HTML parser), before extraction prunes it:
/// every `<meta>` with content by its `property`, `name` and `itemprop`
/// (lower case), the canonical link and the first `<time datetime>`.
#[derive(Debug, Default)]
pub(crate) struct Head {
    metas: Vec<(String, String)>,
    pub(crate) canonical: Option<String>,
    pub(crate) time: Option<String>,
    pub(crate) title: Option<String>,
    /// The text of each `<script type="application/ld+json">`.
    json_ld: Vec<String>,
    /// What elements marked as dates say (attributes first, then short text).
    marked_dates: Vec<String>,
}

impl Head {
    pub(crate) fn read(doc: &dom_smoothie::Readability) -> Head {
        let doc = &doc.doc;
        let mut metas = vec![];
        for node in doc.select("meta[content]").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = node.attr(key) {
                    metas.push((k.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
        }
        let first = |sel: &str, attr: &str| {
            doc.select(sel)
                .nodes()
                .iter()
                .find_map(|n| n.attr(attr).map(|v| v.trim().to_string()))
                .filter(|v| !v.is_empty())
        };
        let time = first("time[datetime]", "datetime");
        // Elements marked as dates are looked through only when the page
        // gives neither a publication meta tag nor a time element (most
        // pages give one).
        let published_meta = metas.iter().any(|(k, _)| {
            matches!(
                k.as_str(),
                "article:published_time" | "datepublished" | "pubdate" | "publishdate"
            )
        });
        let marked_dates = if time.is_none() && !published_meta {
            doc
                    .select(
                        "[itemprop*='datePublished' i], [property*='datePublished' i], \
                         [property*='dateCreated' i], body [class*='date' i], body [class*='publish' i]",
                    )
                    .nodes()
                    .iter()
                    .take(20)
                    .filter_map(|n| {
                        ["content", "datetime", "title"]
                            .iter()
                            .find_map(|a| n.attr(a).map(|v| v.trim().to_string()))
                            .filter(|v| !v.is_empty())
                            .or_else(|| {
                                let t = n.text().trim().to_string();
                                (t.chars().count() <= 60 && !t.is_empty()).then_some(t)
                            })
                    })
                    .collect()
        } else {
            vec![]
        };
        Head {
            metas,
            canonical: first(r#"link[rel~="canonical"][href]"#, "href"),
            time,
            marked_dates,
            // JSON-LD blocks, and schema.org JSON some pages put in a
            // <script> with no type.
            json_ld: doc
                .select("script")
                .nodes()
                .iter()
                .filter_map(|n| {
                    let typed = n
                        .attr("type")
                        .map(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    let text = n.text().to_string();
                    let looks = || {
                        let t = text.trim_start();
                        (t.starts_with('{') || t.starts_with('[')) && text.contains("schema.org")
                    };
                    match typed {
                        Some(true) => Some(text),
                        None if looks() => Some(text),
                        _ => None,
                    }
                })
                .collect(),
            title: doc
                .select("head title")
                .nodes()
                .first()
                .map(|n| crate::text::normalise::one_line(&n.text()))
                .filter(|t| !t.is_empty()),
        }
    }

    /// The first of `names` the page gives, and its value.
    pub(crate) fn meta(&self, names: &[&str]) -> Option<(String, String)> {
        names.iter().find_map(|n| {
            let key = n.to_ascii_lowercase();
            self.metas
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (n.to_string(), v.clone()))
        })
    }

    pub(crate) fn canonical(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.meta(&["og:url"]).map(|(_, v)| v))
            .and_then(|u| crate::text::links::web_link(&u))
    }

    /// The publication date and where it came from, strongest source
    /// first: what Readability read (`readability`), the publication meta
    /// tags, JSON-LD, a `<time>` element, an element marked as a date, and
    /// last the time the page was changed.
    pub(crate) fn published(&self, readability: Option<&str>) -> Option<(DateValue, String)> {
        let from_meta = |names: &[&str], why: &str| {
            self.meta(names).and_then(|(n, v)| {
                stamp_day(&v)
                    .or_else(|| dotted_day(&v))
                    .map(|d| (d, format!("page metadata ({n}{why})")))
            })
        };
        readability
            .and_then(iso_day)
            .map(|d| (d, "page metadata (published time)".to_string()))
            .or_else(|| from_meta(PUBLISHED_META, ""))
            .or_else(|| {
                json_ld_published(&self.json_ld)
                    .map(|d| (d, "the page's JSON-LD (datePublished)".to_string()))
            })
            .or_else(|| {
                self.time
                    .as_deref()
                    .and_then(stamp_day)
                    .map(|d| (d, "the page's <time> element".to_string()))
            })
            .or_else(|| {
                marked_day(&self.marked_dates)
                    .map(|d| (d, "an element the page marks as a date".to_string()))
            })
            // Last: when the page was last changed, for most pages the
            // day it went up.
            .or_else(|| {
                from_meta(
                    &["og:updated_time", "article:modified_time"],
                    ", last changed",
                )
            })
    }
}

/// A date at the start of an ISO 8601 timestamp ("2015-07-24T05:36:09+01:00").
fn iso_day(s: &str) -> Option<DateValue> {
    let day = s.trim().get(..10)?;
    DateValue::parse(day).ok().filter(|d| d.is_exact_day())
}

/// A timestamp as pages write them: ISO 8601 (the day as written, whatever
/// the offset: "+02:00", "+0200" or none), or RFC 2822 ("Wed, 02 Feb 2022
/// 09:12:22 +0100").
fn stamp_day(s: &str) -> Option<DateValue> {
    iso_day(s).or_else(|| {
        chrono::DateTime::parse_from_rfc2822(s.trim())
            .ok()
            .map(|t| DateValue::day(t.date_naive()))
    })
}

/// A day written day first with dots ("02.11.2021", "2.11.2021, 09:15"),
/// as German, Austrian, Swiss, Polish and Russian pages write it.
pub(crate) fn dotted_day(s: &str) -> Option<DateValue> {
    static R: OnceLock<Regex> = OnceLock::new();
    let c = R
        .get_or_init(|| {
            Regex::new(r"(?:^|[^\d])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[^\d]|$)")
                .expect("valid pattern")
        })
        .captures(s)?;
    let n = |i: usize| c[i].parse::<u32>().ok();
    let day = chrono::NaiveDate::from_ymd_opt(n(3)? as i32, n(2)?, n(1)?)?;
    Some(DateValue::day(day))
}

/// A date in an element the page marks as one (a class or property that
/// names a date, `itemprop=datePublished`): its `content`, `datetime` or
/// `title`, else its short text.
fn marked_day(values: &[String]) -> Option<DateValue> {
    values
        .iter()
        .find_map(|v| stamp_day(v).or_else(|| dotted_day(v)))
}

/// The first `datePublished` in the page's JSON-LD blocks, at any depth
/// (inside `@graph`, or an array of things).
fn json_ld_published(blocks: &[String]) -> Option<DateValue> {
    fn find(v: &serde_json::Value) -> Option<DateValue> {
        match v {
            serde_json::Value::Object(m) => m
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(stamp_day)
                .or_else(|| m.values().find_map(find)),
            serde_json::Value::Array(a) => a.iter().find_map(find),
            _ => None,
        }
    }
    blocks
        .iter()
        .filter_map(|b| serde_json::from_str::<serde_json::Value>(b.trim()).ok())
        .find_map(|v| find(&v))
}
