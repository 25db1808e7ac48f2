//! What a web page says about itself, read from the DOM the extractor
//! parses (entities decoded by the HTML parser) before extraction prunes
//! it: meta tags, the canonical link, `<time>`, JSON-LD, elements marked as
//! dates and the `<title>`; and the publication date they give, strongest
//! source first.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::dates::edtf::DateValue;
use crate::read::ablate::off;
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
    /// The date line beside the headline, and that line.
    headline: Option<(chrono::NaiveDate, String)>,
    /// Whether the page says it is in English (slashed days month first).
    english: bool,
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
                                let t = crate::text::normalise::one_line(&n.text());
                                (t.chars().count() <= 80 && !t.is_empty()).then_some(t)
                            })
                    })
                    .collect()
        } else {
            vec![]
        };
        let lang = first("html[lang]", "lang")
            .or_else(|| {
                metas
                    .iter()
                    .find(|(k, _)| k == "og:locale")
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or_default()
            .to_ascii_lowercase();
        let english = lang.starts_with("en");
        let title = doc
            .select("head title")
            .nodes()
            .first()
            .map(|n| crate::text::normalise::one_line(&n.text()))
            .filter(|t| !t.is_empty());
        let mut titles: Vec<&str> = title.as_deref().into_iter().collect();
        titles.extend(
            metas
                .iter()
                .filter(|(k, _)| k == "og:title" || k == "twitter:title")
                .map(|(_, v)| v.as_str()),
        );
        let headline = crate::read::headline::headline_date(doc, &titles, english);
        Head {
            headline,
            english,
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
            title,
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
    /// tags, JSON-LD, a `<time>` element, an element marked as a date, the
    /// date line beside the headline, the time the page was last changed,
    /// a date in its address, and one in a script's data.
    ///
    /// The date line beside the headline beats a metadata stamp that says
    /// another day: the reader sees the line, the stamp is a machine's. A
    /// UTC stamp is often the next day where the page was written (23:00Z
    /// is midnight in Berlin), and pages are stamped again when edited.
    pub(crate) fn published(&self, readability: Option<&str>) -> Option<(DateValue, String)> {
        let stamp = |raw: &str, why: String| {
            stamp_day(raw)
                .or_else(|| dotted_day(raw))
                .map(|d| (d, why, true))
        };
        let from_meta = |names: &[&str], why: &str| {
            self.meta(names)
                .and_then(|(n, v)| stamp(&v, format!("page metadata ({n}{why})")))
        };
        let (day, why, stamped) = readability
            .filter(|r| iso_day(r).is_some())
            .and_then(|r| stamp(r, "page metadata (published time)".into()))
            .or_else(|| from_meta(PUBLISHED_META, ""))
            .or_else(|| {
                json_ld_published(&self.json_ld)
                    .and_then(|r| stamp(&r, "the page's JSON-LD (datePublished)".into()))
            })
            .or_else(|| {
                self.time
                    .as_deref()
                    .and_then(|r| stamp(r, "the page's <time> element".into()))
            })
            .or_else(|| {
                (!off("date:marked"))
                    .then(|| marked_day(&self.marked_dates, self.english))
                    .flatten()
                    .map(|d| (d, "an element the page marks as a date".to_string(), false))
            })
            .or_else(|| {
                self.headline()
                    .map(|(d, line)| (DateValue::day(*d), headline_why(line), false))
            })
            // Then when the page was last changed, for most pages the day
            // it went up.
            .or_else(|| {
                from_meta(
                    &["og:updated_time", "article:modified_time"],
                    ", last changed",
                )
            })
            .or_else(|| {
                self.url_day()
                    .filter(|_| !off("date:url"))
                    .map(|d| (DateValue::day(d), "the page's address".to_string(), false))
            })?;
        if let Some(at) = day.earliest().filter(|_| stamped)
            && let Some((d, line)) = self.headline()
            && *d != at
            && !off("date:shown")
        {
            return Some((
                DateValue::day(*d),
                format!("{}, not {why} ({at})", headline_why(line)),
            ));
        }
        Some((day, why))
    }

    /// A day in the page's address ("/2023/11/08/").
    fn url_day(&self) -> Option<chrono::NaiveDate> {
        url_day(&self.canonical()?)
    }

    /// The date line beside the headline, and that line.
    fn headline(&self) -> Option<&(chrono::NaiveDate, String)> {
        self.headline.as_ref().filter(|_| !off("date:headline"))
    }
}

/// A day in a web address ("/2023/11/08/").
pub(crate) fn url_day(url: &str) -> Option<chrono::NaiveDate> {
    static R: OnceLock<Regex> = OnceLock::new();
    let c = R
        .get_or_init(|| {
            Regex::new(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/_.-]|$)")
                .expect("valid pattern")
        })
        .captures(url)?;
    chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn headline_why(line: &str) -> String {
    format!(
        "the date line beside the headline (“{}”)",
        crate::text::normalise::short(line)
    )
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
fn marked_day(values: &[String], english: bool) -> Option<DateValue> {
    values.iter().find_map(|v| {
        stamp_day(v)
            .or_else(|| dotted_day(v))
            .or_else(|| crate::dates::words::first_day(v, english).map(|f| DateValue::day(f.day)))
    })
}

/// The first `datePublished` in the page's JSON-LD blocks, at any depth
/// (inside `@graph`, or an array of things), as written.
fn json_ld_published(blocks: &[String]) -> Option<String> {
    fn find(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m
                .get("datePublished")
                .and_then(|d| d.as_str())
                .filter(|d| stamp_day(d).is_some())
                .map(str::to_string)
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
