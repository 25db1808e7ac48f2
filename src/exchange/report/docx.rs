//! The chronology as a Word document (.docx) written with docx-rs, the
//! well-kept OOXML writer: headings in Word's own heading styles (so the
//! navigation pane and a table of contents find them), the timeline
//! figure as a picture, and each quote with its citation as a real
//! footnote (Word numbers them, moves them with the text, and pandoc and
//! LibreOffice read them as footnotes).
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::exchange::report::markdown::capitalised;
use crate::exchange::report::memos::{Block, Inline};
use crate::exchange::report::{Chronology, Note};
use docx_rs::{Docx, Footnote, Paragraph, Pic, Run, Style, StyleType};

/// Half-points: body 11 pt, headings larger.
const BODY: usize = 22;

/// The width of the figure on the page: 6 inches, in EMU.
const FIGURE_EMU: u32 = 6 * 914_400;

/// Runs of a citation, its `*Outlet*` in italics.
fn citation_runs(s: &str) -> Vec<Run> {
    s.split('*')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            let r = Run::new().add_text(xml_safe(part));
            if i % 2 == 1 { r.italic() } else { r }
        })
        .collect()
}

/// The run that marks a footnote holding `n`.
fn note_mark(n: &Note) -> Run {
    let mut p = Paragraph::new().style("FootnoteText");
    if !n.quote.is_empty() {
        p = p.add_run(Run::new().add_text(xml_safe(format!("\u{201c}{}\u{201d} — ", n.quote))));
    }
    for r in citation_runs(&n.citation) {
        p = p.add_run(r);
    }
    Run::new().add_footnote_reference(Footnote::new().add_content(p))
}

/// A memo's runs into `p`.
fn runs(mut p: Paragraph, rs: &[Inline]) -> Paragraph {
    for r in rs {
        p = p.add_run(match r {
            Inline::Text { text, bold, italic } => {
                let mut run = Run::new().add_text(xml_safe(text));
                if *bold {
                    run = run.bold();
                }
                if *italic {
                    run = run.italic();
                }
                run
            }
            // The address written out: a printed report cannot be clicked.
            Inline::Link { text, url } => Run::new().add_text(xml_safe(format!("{text} <{url}>"))),
            Inline::Note(n) => note_mark(n),
        });
    }
    p
}

/// Word's footnote reference style: the marks raised, as every footnote
/// mark is (docx-rs names the style on each mark; it must exist).
fn footnote_reference() -> Style {
    let mut s = Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    s.run_property = s
        .run_property
        .vert_align(docx_rs::VertAlignType::SuperScript);
    s
}

/// Footnote marks side by side, a raised comma between them, so "4, 5"
/// never reads as 45.
fn note_marks(mut p: Paragraph, notes: &[Note]) -> Paragraph {
    for (i, n) in notes.iter().enumerate() {
        if i > 0 {
            p = p.add_run(
                Run::new()
                    .add_text(xml_safe(","))
                    .style("FootnoteReference"),
            );
        }
        p = p.add_run(note_mark(n));
    }
    p
}

fn styles(doc: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
    };
    doc.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .size(BODY),
    )
    .add_style(heading("Title", "Title", 36))
    .add_style(heading("Heading1", "heading 1", 28))
    .add_style(heading("Heading2", "heading 2", 24))
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .italic(),
    )
    .add_style(footnote_reference())
    .add_style(
        Style::new("FootnoteText", StyleType::Paragraph)
            .name("footnote text")
            .based_on("Normal")
            .size(18),
    )
}

/// The document; `figure` is the timeline as PNG bytes with their size in
/// pixels, when there is one.
pub fn to_docx(c: &Chronology, figure: Option<(Vec<u8>, u32, u32)>) -> Result<Vec<u8>, String> {
    // The document's own dates: when it was written.
    let now = crate::core::ids::now();
    let stamp = now.get(..19).map(|s| format!("{s}Z")).unwrap_or(now);
    let mut doc = styles(Docx::new().created_at(&stamp).updated_at(&stamp)).add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(xml_safe(&c.title))),
    );
    doc = doc.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(xml_safe(format!(
            "{}. Sources cited in the {} style.",
            c.scope,
            c.style.label()
        )))),
    );
    if let Some((png, w, h)) = figure {
        let height = (u64::from(FIGURE_EMU) * u64::from(h) / u64::from(w.max(1))) as u32;
        let pic = Pic::new_with_dimensions(png, w, h).size(FIGURE_EMU, height);
        doc = doc
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)))
            .add_paragraph(
                Paragraph::new().add_run(
                    Run::new()
                        .add_text(xml_safe("The events of this chronology on the timeline."))
                        .italic(),
                ),
            );
    }
    for s in &c.memos {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(xml_safe(&s.title))),
        );
        for b in &s.blocks {
            doc = doc.add_paragraph(match b {
                Block::Heading(r) => runs(Paragraph::new().style("Heading2"), r),
                Block::Para(r) => runs(Paragraph::new(), r),
                Block::Item(r) => runs(
                    Paragraph::new()
                        .indent(Some(360), None, None, None)
                        .add_run(Run::new().add_text(xml_safe("• "))),
                    r,
                ),
                Block::Quote(r) => runs(
                    Paragraph::new()
                        .style("Quote")
                        .indent(Some(720), None, None, None),
                    r,
                ),
            });
        }
    }
    for e in &c.entries {
        let status = if e.status.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.status)
        };
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(xml_safe(format!(
                    "{}: {}{status}",
                    capitalised(&e.date),
                    e.headline
                )))),
        );
        let mut facts = Paragraph::new()
            .add_run(Run::new().add_text(xml_safe("Type: ")).bold())
            .add_run(Run::new().add_text(xml_safe(&e.kind)));
        if !e.actors.is_empty() {
            facts = facts
                .add_run(Run::new().add_text(xml_safe(" · ")))
                .add_run(Run::new().add_text(xml_safe("Actors: ")).bold())
                .add_run(Run::new().add_text(xml_safe(e.actors.join(", "))));
        }
        if !e.place.is_empty() {
            facts = facts
                .add_run(Run::new().add_text(xml_safe(" · ")))
                .add_run(Run::new().add_text(xml_safe("Place: ")).bold())
                .add_run(Run::new().add_text(xml_safe(&e.place)));
        }
        doc = doc.add_paragraph(facts);
        if let Some(d) = &e.disagreement {
            doc = doc.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(xml_safe(capitalised(d))).italic()),
            );
        }
        if !e.notes.is_empty() {
            let p = Paragraph::new().add_run(Run::new().add_text(xml_safe("Sources:")));
            doc = doc.add_paragraph(note_marks(p, &e.notes));
        }
    }
    if !c.sources.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(xml_safe("Sources"))),
        );
        for s in &c.sources {
            let mut p = Paragraph::new().indent(
                Some(720),
                Some(docx_rs::SpecialIndentType::Hanging(720)),
                None,
                None,
            );
            for r in citation_runs(s) {
                p = p.add_run(r);
            }
            doc = doc.add_paragraph(p);
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out)
        .map_err(|e| format!("writing the document: {e}"))?;
    Ok(out.into_inner())
}

/// Text Word can hold: docx-rs escapes markup but passes on the control
/// characters XML 1.0 forbids (a vertical tab typed into a headline once
/// made the document unreadable), so they are dropped here, as the one
/// escaper every other writer uses drops them.
fn xml_safe(s: impl AsRef<str>) -> String {
    crate::text::markup::xml_chars(s.as_ref())
}
