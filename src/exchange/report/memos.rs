//! The memos chosen for a report ("In report"), as sections every writer
//! can print: their Markdown read with pulldown-cmark into a few kinds of
//! blocks (headings, paragraphs, list items, quotations) and runs (plain,
//! bold, italic, web links, footnotes). A memo's link to a passage becomes
//! a footnote with the quote and its citation, a link to an article a
//! footnote with the citation, a link to an event its words and date; so a
//! memo cites its evidence as the chronology does.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::memo::{SCHEME, Target, resolve};
use crate::core::model::{Article, Workspace};
use crate::exchange::report::{Note, Style, cite, shorten};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A run of text in a memo.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    /// A web link: its words and address.
    Link { text: String, url: String },
    /// A footnote: a quote (may be empty) and a citation.
    Note(Note),
}

/// A block of a memo.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Vec<Inline>),
    Para(Vec<Inline>),
    /// A list item (lists are flattened: reports need no nesting).
    Item(Vec<Inline>),
    Quote(Vec<Inline>),
}

/// A memo as a section of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The memos marked for the report, in the order they were written, and
/// the articles their footnotes cite (for the sources).
/// `cited`: the articles cited so far, in the order their notes come
/// (a source cited again gets the shortened note).
pub fn sections<'a>(ws: &'a Workspace, style: Style, cited: &mut Vec<&'a Article>) -> Vec<Section> {
    let mut memos: Vec<_> = ws.memos.iter().filter(|m| m.in_report).collect();
    memos.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
    memos
        .into_iter()
        .map(|m| Section {
            title: if m.title.trim().is_empty() {
                "Untitled memo".into()
            } else {
                m.title.clone()
            },
            blocks: blocks(ws, &m.text, style, cited),
        })
        .collect()
}

/// What kind of block is open, and whether inside a quotation.
#[derive(Clone, Copy)]
enum Open {
    Heading,
    Para,
    Item,
}

fn blocks<'a>(
    ws: &'a Workspace,
    text: &str,
    style: Style,
    cited: &mut Vec<&'a Article>,
) -> Vec<Block> {
    let mut out = vec![];
    let mut runs: Vec<Inline> = vec![];
    let mut open: Option<Open> = None;
    let (mut bold, mut italic, mut quote) = (0u32, 0u32, 0u32);
    // An open link: its target and the words so far.
    let mut link: Option<(String, String)> = None;
    let close = |open: Option<Open>, runs: &mut Vec<Inline>, quote: u32, out: &mut Vec<Block>| {
        if runs.is_empty() {
            return;
        }
        let r = std::mem::take(runs);
        out.push(match (open, quote > 0) {
            (Some(Open::Heading), _) => Block::Heading(r),
            (Some(Open::Item), _) => Block::Item(r),
            (_, true) => Block::Quote(r),
            _ => Block::Para(r),
        });
    };
    let push_text = |runs: &mut Vec<Inline>, t: &str, bold: bool, italic: bool| {
        if let Some(Inline::Text {
            text,
            bold: b,
            italic: i,
        }) = runs.last_mut()
            && *b == bold
            && *i == italic
        {
            text.push_str(t);
            return;
        }
        runs.push(Inline::Text {
            text: t.to_string(),
            bold,
            italic,
        });
    };
    for ev in Parser::new(text) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                close(open, &mut runs, quote, &mut out);
                open = Some(Open::Heading);
            }
            // A paragraph inside a list item stays in the item.
            Event::Start(Tag::Paragraph) if !matches!(open, Some(Open::Item)) => {
                close(open, &mut runs, quote, &mut out);
                open = Some(Open::Para);
            }
            Event::Start(Tag::Item) => {
                close(open, &mut runs, quote, &mut out);
                open = Some(Open::Item);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                close(open, &mut runs, quote, &mut out);
                open = Some(Open::Para);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => {
                close(open, &mut runs, quote, &mut out);
                open = None;
            }
            Event::End(TagEnd::Paragraph) if !matches!(open, Some(Open::Item)) => {
                close(open, &mut runs, quote, &mut out);
                open = None;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                close(open, &mut runs, quote, &mut out);
                quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                close(open, &mut runs, quote, &mut out);
                quote = quote.saturating_sub(1);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, words)) = link.take() {
                    link_runs(
                        ws,
                        &url,
                        &words,
                        style,
                        cited,
                        &mut runs,
                        bold > 0,
                        italic > 0,
                    );
                }
            }
            Event::Text(t) | Event::Code(t) => match &mut link {
                Some((_, words)) => words.push_str(&t),
                None => push_text(&mut runs, &t, bold > 0, italic > 0),
            },
            Event::SoftBreak | Event::HardBreak => match &mut link {
                Some((_, words)) => words.push(' '),
                None => push_text(&mut runs, " ", bold > 0, italic > 0),
            },
            _ => {}
        }
    }
    close(open, &mut runs, quote, &mut out);
    out
}

/// The runs a link becomes.
#[allow(clippy::too_many_arguments)]
fn link_runs<'a>(
    ws: &'a Workspace,
    url: &str,
    words: &str,
    style: Style,
    cited: &mut Vec<&'a Article>,
    runs: &mut Vec<Inline>,
    bold: bool,
    italic: bool,
) {
    let text = |t: String| Inline::Text {
        text: t,
        bold,
        italic,
    };
    let mut cite_article = |a: &'a Article| cite::note_in_turn(a, style, cited);
    let Some(id) = url.strip_prefix(SCHEME) else {
        // Only web and mail links stay links in a report; a `javascript:`
        // or `data:` link (from a colleague's memo) is kept as its words.
        if crate::text::links::shareable_link(url) {
            runs.push(Inline::Link {
                text: words.to_string(),
                url: url.trim().to_string(),
            });
        } else {
            runs.push(text(words.to_string()));
        }
        return;
    };
    runs.push(text(words.to_string()));
    match resolve(ws, id.trim()) {
        Target::Passage(_, p) => {
            if let Some(a) = ws.article(&p.article) {
                runs.push(Inline::Note(Note {
                    quote: shorten(&p.anchor.exact),
                    citation: cite_article(a),
                }));
            }
        }
        Target::Orphan(o) => {
            if let Some(a) = ws.article(&o.passage.article) {
                runs.push(Inline::Note(Note {
                    quote: shorten(&o.passage.anchor.exact),
                    citation: cite_article(a),
                }));
            }
        }
        Target::Article(a) => runs.push(Inline::Note(Note {
            quote: String::new(),
            citation: cite_article(a),
        })),
        Target::Event(e) => {
            if let Some(d) = &e.date {
                runs.push(text(format!(" ({})", d.human())));
            }
        }
        Target::Memo(_) | Target::Missing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::memo::{link_markdown, new_memo};

    #[test]
    fn a_memo_becomes_blocks_and_its_links_footnotes() {
        let mut ws = crate::core::sample::sample_workspace();
        // This test's memos alone (the sample has its own).
        ws.memos.clear();
        let e = ws.events[0].clone();
        let p = e.evidence[0].clone();
        let mut m = new_memo("Why the 10th");
        m.in_report = true;
        m.text = format!(
            "## The readouts\n\nThe **White House** says so: {}. See *also* {} and \
             [the transcript](https://example.org/t).\n\n- first\n- second, {}\n\n> a quotation\n",
            link_markdown("the readout", &p.id),
            link_markdown("the event", &e.id),
            link_markdown("the NHK story", &p.article),
        );
        ws.memos.push(m);
        let mut skipped = new_memo("Not for the report");
        skipped.text = "x".into();
        ws.memos.push(skipped);
        let mut cited = vec![];
        let sections = sections(&ws, Style::Chicago, &mut cited);
        assert_eq!(sections.len(), 1, "only memos marked for the report");
        let b = &sections[0].blocks;
        assert!(matches!(&b[0], Block::Heading(r) if r.len() == 1));
        let Block::Para(runs) = &b[1] else {
            panic!("{b:?}")
        };
        assert!(runs.contains(&Inline::Text {
            text: "White House".into(),
            bold: true,
            italic: false
        }));
        let note = runs
            .iter()
            .find_map(|r| match r {
                Inline::Note(n) => Some(n),
                _ => None,
            })
            .expect("the passage link is a footnote");
        assert_eq!(note.quote, shorten(&p.anchor.exact));
        assert!(
            note.citation
                .contains(&ws.article(&p.article).unwrap().title)
        );
        let date = e.date.as_ref().unwrap().human();
        assert!(
            runs.iter()
                .any(|r| matches!(r, Inline::Text { text, .. } if text.contains(&date)))
        );
        assert!(runs.contains(&Inline::Link {
            text: "the transcript".into(),
            url: "https://example.org/t".into()
        }));
        assert!(matches!(&b[2], Block::Item(_)));
        assert!(
            matches!(&b[3], Block::Item(r) if r.iter().any(|x| matches!(x, Inline::Note(n) if n.quote.is_empty())))
        );
        assert!(matches!(&b[4], Block::Quote(_)));
        assert_eq!(cited.len(), 1);
    }
}
