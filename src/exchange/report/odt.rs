//! The chronology as an OpenDocument text (.odt) for LibreOffice and the
//! tools of administrations that require ODF. No well-kept Rust crate
//! writes ODF text (the few there are are weeks old or unmaintained), so
//! this file writes the package the ODF 1.3 specification describes with
//! the zip crate and the crate's one XML escaper, as the REFI-QDA writer
//! does: `mimetype` first and stored, the manifest, styles (Title,
//! Heading 1-2, Quote, Footnote), the timeline figure as a picture, and the
//! content, where each quote and its citation is a real footnote
//! (`text:note`), numbered by the word processor.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::exchange::report::markdown::capitalised;
use crate::exchange::report::memos::{Block, Inline};
use crate::exchange::report::{Chronology, Note};
use crate::text::markup::escape;
use std::io::Write;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3""#;

/// Where the figure is in the package.
const FIGURE: &str = "Pictures/timeline.png";

/// The figure's width on the page, in centimetres.
const FIGURE_CM: f64 = 16.0;

fn manifest(figure: bool) -> String {
    let picture = if figure {
        format!(
            "\n <manifest:file-entry manifest:full-path=\"{FIGURE}\" manifest:media-type=\"image/png\"/>"
        )
    } else {
        String::new()
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>{picture}
</manifest:manifest>
"#
    )
}

fn styles() -> String {
    let para = |name: &str, display: &str, props: &str, text: &str| {
        format!(
            r#"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties {props}/><style:text-properties {text}/></style:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}><office:styles><style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt"/></style:style>{}{}{}{}{}</office:styles></office:document-styles>
"#,
        para(
            "Title",
            "Title",
            r#"fo:margin-bottom="0.4cm""#,
            r#"fo:font-size="18pt" fo:font-weight="bold""#
        ),
        para(
            "Heading_20_1",
            "Heading 1",
            r#"fo:margin-top="0.5cm""#,
            r#"fo:font-size="14pt" fo:font-weight="bold""#
        ),
        para(
            "Heading_20_2",
            "Heading 2",
            r#"fo:margin-top="0.3cm""#,
            r#"fo:font-size="12pt" fo:font-weight="bold""#
        ),
        para(
            "Quotations",
            "Quotations",
            r#"fo:margin-left="1cm""#,
            r#"fo:font-style="italic""#
        ),
        para(
            "Footnote",
            "Footnote",
            r#"fo:margin-bottom="0cm""#,
            r#"fo:font-size="9pt""#
        ),
    )
}

/// Automatic styles of runs and indented paragraphs.
const AUTOMATIC: &str = r#"<office:automatic-styles><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style><style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style><style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style><style:style style:name="Item" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.6cm"/></style:style><style:style style:name="Source" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.2cm" fo:text-indent="-1.2cm"/></style:style></office:automatic-styles>"#;

/// `text` in the text style `style` (none: plain).
fn span(text: &str, style: &str) -> String {
    if style.is_empty() {
        escape(text, false)
    } else {
        format!(
            r#"<text:span text:style-name="{style}">{}</text:span>"#,
            escape(text, false)
        )
    }
}

/// A citation, its `*Outlet*` in italics.
fn citation(s: &str) -> String {
    s.split('*')
        .enumerate()
        .map(|(i, part)| span(part, if i % 2 == 1 { "I" } else { "" }))
        .collect()
}

/// A footnote holding `n`, numbered `k`.
fn note(n: &Note, k: usize) -> String {
    let quote = if n.quote.is_empty() {
        String::new()
    } else {
        escape(&format!("\u{201c}{}\u{201d} — ", n.quote), false)
    };
    format!(
        r#"<text:note text:id="ftn{k}" text:note-class="footnote"><text:note-citation>{k}</text:note-citation><text:note-body><text:p text:style-name="Footnote">{quote}{}</text:p></text:note-body></text:note>"#,
        citation(&n.citation)
    )
}

fn runs(rs: &[Inline], k: &mut usize) -> String {
    rs.iter()
        .map(|r| match r {
            Inline::Text { text, bold, italic } => span(
                text,
                match (bold, italic) {
                    (true, true) => "BI",
                    (true, false) => "B",
                    (false, true) => "I",
                    (false, false) => "",
                },
            ),
            Inline::Link { text, url } => format!(
                r#"<text:a xlink:type="simple" xlink:href="{}">{}</text:a>"#,
                escape(url, true),
                escape(text, false)
            ),
            Inline::Note(n) => {
                *k += 1;
                note(n, *k)
            }
        })
        .collect()
}

fn p(style: &str, inner: &str) -> String {
    format!(r#"<text:p text:style-name="{style}">{inner}</text:p>"#)
}

fn h(level: u8, inner: &str) -> String {
    format!(
        r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{inner}</text:h>"#
    )
}

/// The content; `figure` is the figure's size in pixels, when there is one.
fn content(c: &Chronology, figure: Option<(u32, u32)>) -> String {
    let mut body = p("Title", &escape(&c.title, false));
    body.push_str(&p(
        "Standard",
        &escape(
            &format!(
                "{}. Sources cited in the {} style.",
                c.scope,
                c.style.label()
            ),
            false,
        ),
    ));
    if let Some((w, h)) = figure {
        let height = FIGURE_CM * f64::from(h) / f64::from(w.max(1));
        body.push_str(&p(
            "Standard",
            &format!(
                r#"<draw:frame draw:name="Timeline" text:anchor-type="as-char" svg:width="{FIGURE_CM}cm" svg:height="{height:.2}cm"><draw:image xlink:href="{FIGURE}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"/></draw:frame>"#
            ),
        ));
        body.push_str(&p(
            "Standard",
            &span("The events of this chronology on the timeline.", "I"),
        ));
    }
    let mut k = 0;
    for s in &c.memos {
        body.push_str(&h(1, &escape(&s.title, false)));
        for b in &s.blocks {
            body.push_str(&match b {
                Block::Heading(r) => h(2, &runs(r, &mut k)),
                Block::Para(r) => p("Standard", &runs(r, &mut k)),
                Block::Item(r) => p("Item", &format!("• {}", runs(r, &mut k))),
                Block::Quote(r) => p("Quotations", &runs(r, &mut k)),
            });
        }
    }
    for e in &c.entries {
        let status = if e.status.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.status)
        };
        body.push_str(&h(
            1,
            &escape(
                &format!("{}: {}{status}", capitalised(&e.date), e.headline),
                false,
            ),
        ));
        let mut facts = vec![format!("{}{}", span("Type: ", "B"), escape(&e.kind, false))];
        if !e.actors.is_empty() {
            facts.push(format!(
                "{}{}",
                span("Actors: ", "B"),
                escape(&e.actors.join(", "), false)
            ));
        }
        if !e.place.is_empty() {
            facts.push(format!(
                "{}{}",
                span("Place: ", "B"),
                escape(&e.place, false)
            ));
        }
        body.push_str(&p("Standard", &facts.join(" · ")));
        if let Some(d) = &e.disagreement {
            body.push_str(&p("Standard", &span(&capitalised(d), "I")));
        }
        if !e.notes.is_empty() {
            let marks: Vec<String> = e
                .notes
                .iter()
                .map(|n| {
                    k += 1;
                    note(n, k)
                })
                .collect();
            // A raised comma between marks, so "4, 5" never reads as 45.
            let marks = marks.join(&span(",", "Sup"));
            body.push_str(&p("Standard", &format!("Sources:{marks}")));
        }
    }
    if !c.sources.is_empty() {
        body.push_str(&h(1, "Sources"));
        for s in &c.sources {
            body.push_str(&p("Source", &citation(s)));
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">{AUTOMATIC}<office:body><office:text>{body}</office:text></office:body></office:document-content>
"#
    )
}

/// The `.odt` package; `figure` is the timeline as PNG bytes with their
/// size in pixels, when there is one.
pub fn to_odt(c: &Chronology, figure: Option<(Vec<u8>, u32, u32)>) -> Result<Vec<u8>, String> {
    let fail = |e: &dyn std::fmt::Display| format!("writing the document: {e}");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    // The mimetype comes first, stored, so a reader knows the file by
    // its first bytes.
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).map_err(|e| fail(&e))?;
    zip.write_all(MIMETYPE.as_bytes()).map_err(|e| fail(&e))?;
    let size = figure.as_ref().map(|(_, w, h)| (*w, *h));
    for (name, text) in [
        ("META-INF/manifest.xml", manifest(figure.is_some())),
        ("styles.xml", styles()),
        ("content.xml", content(c, size)),
    ] {
        zip.start_file(name, deflated).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    if let Some((png, _, _)) = figure {
        // A PNG is compressed already.
        zip.start_file(FIGURE, stored).map_err(|e| fail(&e))?;
        zip.write_all(&png).map_err(|e| fail(&e))?;
    }
    zip.finish().map_err(|e| fail(&e))?;
    Ok(buf.into_inner())
}
