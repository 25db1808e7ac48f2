//! Generated article files for import benchmarks: HTML pages with site
//! furniture (navigation, related links, footer) and metadata in `<meta>`
//! tags; "rough" pages of another shape (long paragraphs, no metadata,
//! deep nesting, inline scripts and styles, non-Latin scripts), so the
//! benchmarks do not only measure pages shaped like our own; or plain-text
//! files, written into a folder.
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

/// A page of another shape than [`html_page`], as many real pages are: no
/// `<meta>` at all, the text in a few long paragraphs nested forty
/// elements deep, inline styles and scripts (with markup inside strings),
/// and every third page a paragraph in Chinese, Russian or Arabic.
pub fn rough_page(seed: u64, i: usize, target: usize) -> String {
    let (title, day, _, tb) = article_parts(seed, i, target);
    let paras: Vec<&str> = tb.text.split("\n\n").skip(1).collect();
    let mut body = String::with_capacity(tb.text.len() + 6_000);
    // Three long paragraphs out of the many short ones.
    for chunk in paras.chunks(paras.len().div_ceil(3).max(1)) {
        body.push_str("<p>");
        body.push_str(&escape(&chunk.join(" ")));
        body.push_str("</p>\n");
        body.push_str(SCRIPT);
    }
    let foreign = match i % 9 {
        0 => "中美两国外交官在维也纳举行了长时间会谈，双方同意保持沟通渠道畅通。",
        3 => {
            "Дипломаты двух стран провели в Вене продолжительные переговоры и договорились сохранить каналы связи."
        }
        6 => "عقد دبلوماسيو البلدين محادثات مطولة في فيينا واتفقوا على إبقاء قنوات الاتصال مفتوحة.",
        _ => "",
    };
    if !foreign.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", foreign.repeat(4)));
    }
    let open: String = (0..40).map(|d| format!("<div class=\"l{d}\">")).collect();
    let close = "</div>".repeat(40);
    let t = escape(&title);
    format!(
        "<html><head><title>{t}</title>\n<style>{STYLE}</style>\n{SCRIPT}</head>\n<body>\n\
<div id=\"top\">{open}<h2>{t}</h2>\n<span class=\"when\">{d}</span>\n{body}{close}</div>\n\
<div class=\"more\"><a href=\"/x\">More stories</a> | <a href=\"/y\">Subscribe</a></div>\n\
</body></html>\n",
        d = day.format("%-d %B %Y"),
    )
}

/// An inline stylesheet as pages carry them.
const STYLE: &str = "body{font:16px/1.5 Georgia,serif;margin:0}.l0{max-width:60em;margin:auto}\
.when{color:#777}.more a{color:#06c}p{margin:0 0 1em}h2{font-size:2em}\
@media (max-width:600px){body{font-size:15px}.more{display:none}}";

/// An inline script with markup inside its strings (parsers must not take
/// it for text).
const SCRIPT: &str = "<script>window.dataLayer=window.dataLayer||[];\
function track(e){dataLayer.push({event:e,html:'<p>not text</p>',t:Date.now()});}\
document.addEventListener('DOMContentLoaded',function(){track('view');\
var n=document.querySelectorAll('p');for(var i=0;i<n.length;i++){n[i].dataset.i=i;}});</script>\n";

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

/// The kinds of generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// [`html_page`]: metadata, site furniture.
    Html,
    /// [`rough_page`]: another shape of page.
    Rough,
    /// [`text_file`].
    Text,
}

/// Write `count` generated articles of `shape` of about `bytes` each into
/// `dir`, named `00000.html`...
pub fn write_corpus(
    dir: &std::path::Path,
    count: usize,
    bytes: usize,
    shape: Shape,
    seed: u64,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|i| {
            let (name, content) = match shape {
                Shape::Html => (
                    format!("{i:05}.html"),
                    html_page(seed, i, bytes.saturating_sub(1_200)),
                ),
                Shape::Rough => (
                    format!("{i:05}.html"),
                    rough_page(seed, i, bytes.saturating_sub(2_000)),
                ),
                Shape::Text => (format!("{i:05}.txt"), text_file(seed, i, bytes)),
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

    #[test]
    fn rough_pages_import_with_their_text_and_without_their_scripts() {
        for i in [0, 3, 6, 7] {
            let page = rough_page(1, i, 3_000);
            assert!((4_000..9_000).contains(&page.len()), "{}", page.len());
            assert!(!page.contains("<meta"));
            let (a, _) =
                crate::read::prepare::prepare_bytes(page.as_bytes(), "p.html", None).unwrap();
            assert!(a.title.contains(&format!("(report {i})")), "{}", a.title);
            assert!(a.text.len() > 2_000, "{}", a.text.len());
            assert!(!a.text.contains("dataLayer") && !a.text.contains("not text"));
            assert!(!a.text.contains("font:16px"));
        }
        let chinese = rough_page(1, 0, 3_000);
        let (a, _) =
            crate::read::prepare::prepare_bytes(chinese.as_bytes(), "p.html", None).unwrap();
        assert!(a.text.contains("维也纳"), "the Chinese paragraph is kept");
    }
}
