//! The chronology as one self-contained HTML page: no file beside it, its
//! style inside, the timeline figure inline (SVG), footnotes linked both
//! ways, and a print style (A4 margins, no link colours, entries kept whole
//! across pages), so "Print to PDF" hands in a paper.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::exchange::report::markdown::capitalised;
use crate::exchange::report::memos::{Block, Inline};
use crate::exchange::report::{Chronology, Note};
use crate::text::markup::escape;

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.6em}h2{font-size:1.15em;margin-top:1.6em}.facts{color:#333}.disagree{color:#a14c00;font-style:italic}\
.status{font-variant:small-caps;color:#7a1f1f}figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}\
sup a{text-decoration:none}ol.notes{font-size:.9em}ol.notes li{margin:.3em 0}\
@media print{@page{size:A4;margin:2cm}body{max-width:none;margin:0}a{color:inherit;text-decoration:none}section.entry{break-inside:avoid}}";

/// Text of a citation with its `*Outlet*` in italics.
fn citation(s: &str) -> String {
    s.split('*')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<i>{}</i>", escape(part, false))
            } else {
                escape(part, false)
            }
        })
        .collect()
}

/// A footnote's text: the quote (when there is one) and the citation.
fn note(n: &Note) -> String {
    if n.quote.is_empty() {
        citation(&n.citation)
    } else {
        format!(
            "\u{201c}{}\u{201d} — {}",
            escape(&n.quote, false),
            citation(&n.citation)
        )
    }
}

/// The mark of footnote `k` in the text.
fn mark(k: usize) -> String {
    format!("<sup id=\"ref{k}\"><a href=\"#note{k}\">{k}</a></sup>")
}

/// A memo's runs; its footnotes join `notes`.
fn runs(rs: &[Inline], notes: &mut Vec<String>) -> String {
    rs.iter()
        .map(|r| match r {
            Inline::Text { text, bold, italic } => {
                let mut t = escape(text, false);
                if *italic {
                    t = format!("<i>{t}</i>");
                }
                if *bold {
                    t = format!("<b>{t}</b>");
                }
                t
            }
            Inline::Link { text, url } => match crate::text::links::web_link(url) {
                Some(u) => format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&u, true),
                    escape(text, false)
                ),
                None => escape(text, false),
            },
            Inline::Note(n) => {
                notes.push(note(n));
                mark(notes.len())
            }
        })
        .collect()
}

/// The page; `figure` is the timeline as SVG, when there is one.
pub fn to_html(c: &Chronology, figure: Option<&str>) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}. Sources cited in the {} style.</p>\n",
        escape(&c.title, false),
        escape(&c.title, false),
        escape(&c.scope, false),
        escape(c.style.label(), false)
    );
    if let Some(svg) = figure {
        // The figure's own XML declaration has no place inside HTML.
        let svg = svg.trim_start_matches(|c| c != '<');
        let svg = match svg.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map_or(svg, |(_, r)| r.trim_start()),
            None => svg,
        };
        out.push_str(&format!(
            "<figure>{svg}<figcaption>The events of this chronology on the timeline.</figcaption></figure>\n"
        ));
    }
    let mut notes: Vec<String> = vec![];
    for s in &c.memos {
        out.push_str(&format!(
            "<section class=\"memo\">\n<h2>{}</h2>\n",
            escape(&s.title, false)
        ));
        for b in &s.blocks {
            out.push_str(&match b {
                Block::Heading(r) => format!("<h3>{}</h3>\n", runs(r, &mut notes)),
                Block::Para(r) => format!("<p>{}</p>\n", runs(r, &mut notes)),
                Block::Item(r) => format!("<ul><li>{}</li></ul>\n", runs(r, &mut notes)),
                Block::Quote(r) => format!("<blockquote>{}</blockquote>\n", runs(r, &mut notes)),
            });
        }
        out.push_str("</section>\n");
    }
    for e in &c.entries {
        out.push_str("<section class=\"entry\">\n");
        let status = if e.status.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"status\">({})</span>",
                escape(&e.status, false)
            )
        };
        out.push_str(&format!(
            "<h2>{}: {}{status}</h2>\n",
            escape(&capitalised(&e.date), false),
            escape(&e.headline, false)
        ));
        let mut facts = vec![format!("<b>Type:</b> {}", escape(&e.kind, false))];
        if !e.actors.is_empty() {
            facts.push(format!(
                "<b>Actors:</b> {}",
                escape(&e.actors.join(", "), false)
            ));
        }
        if !e.place.is_empty() {
            facts.push(format!("<b>Place:</b> {}", escape(&e.place, false)));
        }
        out.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
        if let Some(d) = &e.disagreement {
            out.push_str(&format!(
                "<p class=\"disagree\">{}</p>\n",
                escape(&capitalised(d), false)
            ));
        }
        if !e.notes.is_empty() {
            let marks: Vec<String> = e
                .notes
                .iter()
                .map(|n| {
                    notes.push(note(n));
                    mark(notes.len())
                })
                .collect();
            // A raised comma between marks, so "4, 5" never reads as 45.
            let marks = marks.join("<sup>,</sup>");
            out.push_str(&format!("<p>Sources:{marks}</p>\n"));
        }
        out.push_str("</section>\n");
    }
    if !c.sources.is_empty() {
        out.push_str("<h2>Sources</h2>\n<ul class=\"sources\">\n");
        for s in &c.sources {
            out.push_str(&format!("<li>{}</li>\n", citation(s)));
        }
        out.push_str("</ul>\n");
    }
    if !notes.is_empty() {
        out.push_str("<h2>Notes</h2>\n<ol class=\"notes\">\n");
        for (i, n) in notes.iter().enumerate() {
            let k = i + 1;
            out.push_str(&format!(
                "<li id=\"note{k}\">{n} <a href=\"#ref{k}\" aria-label=\"back to the text\">↩</a></li>\n"
            ));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
