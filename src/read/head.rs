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
    /// The date line beside the headline, and that line.
    headline: Option<(chrono::NaiveDate, String)>,
    /// A publication date a script's data gives (`"publicationDate": …`).
    script_date: Option<String>,
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
        // Scripts can be long: their data is read only when the page gives
        // no date of its own kind.
        let script_date = (time.is_none() && !published_meta && !has_ld_date(doc))
            .then(|| script_date(doc))
            .flatten();
        Head {
            headline,
            english,
            script_date,
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
    /// A timestamp in UTC gives way to a local day exactly one day away
    /// (the headline's date line, the address, or the same instant written
    /// with the writer's offset elsewhere in `html`): 23:00Z is the next
    /// morning in Berlin. And a date line beside the headline earlier than
    /// the metadata's date wins: the page was stamped again later.
    pub(crate) fn published(
        &self,
        readability: Option<&str>,
        html: &str,
    ) -> Option<(DateValue, String)> {
        let stamp = |raw: &str, why: String| {
            stamp_day(raw)
                .or_else(|| dotted_day(raw))
                .map(|d| (d, why, Some(raw.to_string())))
        };
        let from_meta = |names: &[&str], why: &str| {
            self.meta(names)
                .and_then(|(n, v)| stamp(&v, format!("page metadata ({n}{why})")))
        };
        let (day, why, raw) = readability
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
                marked_day(&self.marked_dates, self.english)
                    .map(|d| (d, "an element the page marks as a date".to_string(), None))
            })
            .or_else(|| {
                self.headline
                    .as_ref()
                    .map(|(d, line)| (DateValue::day(*d), headline_why(line), None))
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
                    .map(|d| (DateValue::day(d), "the page's address".to_string(), None))
            })
            .or_else(|| {
                self.script_date
                    .as_deref()
                    .and_then(stamp_day)
                    .map(|d| (d, "the page's script data".to_string(), None))
            })?;
        let Some(raw) = raw else {
            return Some((day, why));
        };
        let Some(at) = day.earliest() else {
            return Some((day, why));
        };
        // The local day of a UTC stamp.
        if is_utc(&raw) {
            let local = self
                .headline
                .as_ref()
                .map(|(d, line)| (*d, headline_why(line)))
                .or_else(|| {
                    self.url_day()
                        .map(|d| (d, "the page's address".to_string()))
                })
                .or_else(|| {
                    same_instant_local(&raw, html)
                        .map(|d| (d, "the same time with the writer's offset".to_string()))
                });
            if let Some((d, whence)) = local
                && (d - at).num_days().abs() == 1
            {
                return Some((
                    DateValue::day(d),
                    format!("{why}, a UTC time, read as the local day of {whence}"),
                ));
            }
        }
        if let Some((d, line)) = &self.headline
            && *d < at
        {
            return Some((
                DateValue::day(*d),
                format!("{}, earlier than {why} ({at})", headline_why(line)),
            ));
        }
        Some((day, why))
    }

    /// A day in the page's address ("/2023/11/08/").
    fn url_day(&self) -> Option<chrono::NaiveDate> {
        url_day(&self.canonical()?)
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

/// Whether a timestamp is in UTC ("…T23:00:00Z", "+00:00", "GMT").
fn is_utc(raw: &str) -> bool {
    let t = raw.trim();
    t.contains(':')
        && (t.ends_with('Z')
            || t.ends_with('z')
            || t.ends_with("+00:00")
            || t.ends_with("+0000")
            || t.ends_with("GMT")
            || t.ends_with("UTC"))
}

/// The day of the UTC instant `raw` as the page writes it elsewhere with a
/// non-zero offset (within a minute).
fn same_instant_local(raw: &str, html: &str) -> Option<chrono::NaiveDate> {
    static R: OnceLock<Regex> = OnceLock::new();
    let at = chrono::DateTime::parse_from_rfc3339(raw.trim())
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(raw.trim()))
        .ok()?;
    R.get_or_init(|| {
        Regex::new(r"((?:19|20)\d{2}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?([+-]\d{2}):?(\d{2})")
            .expect("valid pattern")
    })
    .captures_iter(html)
    .filter(|c| &c[4] != "+00" && &c[4] != "-00" || &c[5] != "00")
    .find_map(|c| {
        let s = format!(
            "{}T{}:{}{}{}",
            &c[1],
            &c[2],
            c.get(3).map_or("00", |m| m.as_str()),
            &c[4],
            &c[5]
        );
        let t = chrono::DateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S%z").ok()?;
        ((t.timestamp() - at.timestamp()).abs() <= 60).then(|| t.date_naive())
    })
}

/// Whether a JSON-LD block names a publication date.
fn has_ld_date(doc: &dom_query::Document) -> bool {
    doc.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .any(|n| n.text().contains("datePublished"))
}

/// A publication date in the data a page's scripts carry (apps that
/// render in the browser: `"publicationDate":"2022-01-31T14:27:32+01:00"`).
fn script_date(doc: &dom_query::Document) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r#""(?:publicationDate|datePublished|publishedAt|publishDate|published_at|publish_date|firstPublished|pubDate)"\s*:\s*"((?:19|20)\d{2}-\d{2}-\d{2}[^"]{0,40})""#)
            .expect("valid pattern")
    });
    doc.select("script")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("type")
                .is_none_or(|t| !t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .find_map(|n| re.captures(&n.text()).map(|c| c[1].to_string()))
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
