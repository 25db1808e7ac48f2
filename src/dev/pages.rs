//! Generated article files for import benchmarks: HTML pages with site
//! furniture (navigation, related links, footer) and metadata in `<meta>`
//! tags, or plain-text files, written into a folder.
//!
//! Imports `read`, `exchange`, `core`, `dates` and `text`, never egui (layer `dev`).

use crate::core::model::Workspace;
use crate::dev::prose::*;
use crate::dev::words::*;
use chrono::NaiveDate;
use fastrand::Rng;

/// A news web page of about `target` bytes of article text, with the
/// site furniture a real page carries (navigation, share buttons,
/// related links, footer) and its metadata in `<meta>` tags.
pub fn html_page(seed: u64, i: usize, target: usize) -> String {
    let (title, day, outlet, tb) = article_parts(seed, i, target);
    let mut body = String::with_capacity(tb.text.len() + 2_000);
    for p in tb.text.split("\n\n").skip(1) {
        body.push_str("<p>");
        body.push_str(&escape(p));
        body.push_str("</p>\n");
    }
    let t = escape(&title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
<title>{t} | {outlet}</title>\n\
<meta property=\"og:title\" content=\"{t}\">\n\
<meta property=\"og:site_name\" content=\"{outlet}\">\n\
<meta property=\"article:published_time\" content=\"{d}T08:00:00Z\">\n\
<meta name=\"author\" content=\"Staff reporter\">\n\
<link rel=\"canonical\" href=\"https://news.example.org/{d}/{i}\">\n\
</head><body>\n\
<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a> <a href=\"/business\">Business</a></nav></header>\n\
<main><article><h1>{t}</h1>\n<p class=\"byline\">By Staff reporter · {d}</p>\n{body}\
<div class=\"share\">Share this article: <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n\
</article>\n<aside><h2>Related</h2><ul><li><a href=\"/a\">Markets wrap</a></li><li><a href=\"/b\">Weather</a></li></ul></aside></main>\n\
<footer>© 2023 {outlet}. All rights reserved. <a href=\"/privacy\">Privacy</a></footer>\n\
</body></html>\n",
        d = day.format("%Y-%m-%d"),
    )
}

/// A plain-text article of about `target` bytes: title, dateline, body.
pub fn text_file(seed: u64, i: usize, target: usize) -> String {
    let (_, _, _, tb) = article_parts(seed, i, target);
    tb.text
}

pub(crate) fn article_parts(
    seed: u64,
    i: usize,
    target: usize,
) -> (String, NaiveDate, &'static str, TextBuilder) {
    let mut rng = Rng::with_seed(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let ws = Workspace::new("");
    let pools = pools(&mut rng, &ws);
    let day = day_between(
        &mut rng,
        NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid"),
        3650,
    );
    let outlet = *pick(&mut rng, OUTLETS);
    let a = &pools.actors[*pick(&mut rng, &pools.people)];
    let b = &pools.actors[*pick(&mut rng, &pools.people)];
    let title = format!(
        "{} and {} discuss {} (report {i})",
        a.name,
        b.name,
        pick(&mut rng, TOPICS)
    );
    let mut tb = TextBuilder::new();
    tb.push(&title);
    tb.push("\n\n");
    tb.sentence(&format!("{} ({}) —", day.format("%B %-d, %Y"), outlet));
    body(&mut rng, &pools, day, target, &mut tb);
    (title, day, outlet, tb)
}

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Write `count` generated articles (`html` or `txt`) of about `bytes`
/// each into `dir`, named `00000.html`...
pub fn write_corpus(
    dir: &std::path::Path,
    count: usize,
    bytes: usize,
    html: bool,
    seed: u64,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|i| {
            let (name, content) = if html {
                (
                    format!("{i:05}.html"),
                    html_page(seed, i, bytes.saturating_sub(1_200)),
                )
            } else {
                (format!("{i:05}.txt"), text_file(seed, i, bytes))
            };
            let p = dir.join(name);
            std::fs::write(&p, content)?;
            Ok(p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_import_as_articles() {
        let page = html_page(1, 3, 4_000);
        assert!((4_000..7_000).contains(&page.len()), "{}", page.len());
        let (a, _) = crate::read::prepare::prepare_bytes(page.as_bytes(), "p.html", None).unwrap();
        assert!(a.title.contains("(report 3)"), "{}", a.title);
        assert!(!a.text.contains("Share this article"));
        assert!(a.published.is_some());
    }
}
