//! Word (.docx) articles. DOCX is a zip of XML: paragraphs (`w:p`) become
//! lines, runs of text (`w:t`), tabs and breaks are kept, and the title
//! comes from the document properties when set. [`Doc`] is also what the
//! PDF reader gives.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Text and title of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub text: String,
    pub title: Option<String>,
}

/// Largest XML part read from a DOCX (untrusted zips can be bombs).
const MAX_PART: u64 = 64 * 1024 * 1024;

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let Ok(file) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut s = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut s)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(s))
}

/// Paragraph text of a WordprocessingML part.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut r = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == "w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == "w:p" => out.push_str("\n\n"),
            Ok(Event::Empty(e)) if e.name().as_ref() == "w:tab" => out.push('\t'),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), "w:br" | "w:cr") => out.push('\n'),
            Ok(Event::Text(t)) if in_text => {
                let raw: &str = t.as_ref();
                out.push_str(&quick_xml::escape::unescape(raw).map_err(|e| e.to_string())?);
            }
            Ok(Event::GeneralRef(g)) if in_text => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                } else {
                    let name: &str = &g;
                    out.push_str(
                        &quick_xml::escape::unescape(&format!("&{name};")).unwrap_or_default(),
                    );
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("damaged XML at byte {}: {e}", r.error_position())),
            _ => {}
        }
    }
    Ok(out)
}

fn core_title(xml: &str) -> Option<String> {
    let mut r = Reader::from_str(xml);
    let mut in_title = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "dc:title" => in_title = true,
            Ok(Event::Text(t)) if in_title => {
                let raw: &str = t.as_ref();
                let s = quick_xml::escape::unescape(raw).ok()?.trim().to_string();
                return (!s.is_empty()).then_some(s);
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

pub fn read_docx(bytes: &[u8]) -> Result<Doc, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a Word document: {e}"))?;
    let body = read_part(&mut zip, "word/document.xml")?
        .ok_or("not a Word document: no word/document.xml")?;
    let text = paragraphs(&body)?;
    let title = read_part(&mut zip, "docProps/core.xml")?.and_then(|x| core_title(&x));
    Ok(Doc { text, title })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal DOCX built here (no fixture file needed).
    pub fn docx(paras: &[&str], title: Option<&str>) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            z.start_file("word/document.xml", opts).unwrap();
            let body: String = paras
                .iter()
                .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
                .collect();
            write!(
                z,
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
            )
            .unwrap();
            if let Some(t) = title {
                z.start_file("docProps/core.xml", opts).unwrap();
                write!(z, "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"y\"><dc:title>{t}</dc:title></cp:coreProperties>").unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn docx_paragraphs_and_title() {
        let d = read_docx(&docx(
            &[
                "Blinken in Beijing",
                "Blinken met Qin Gang &amp; Wang Yi.",
                "王毅",
            ],
            Some("Visit"),
        ))
        .unwrap();
        assert_eq!(d.title.as_deref(), Some("Visit"));
        let lines: Vec<&str> = d.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec![
                "Blinken in Beijing",
                "Blinken met Qin Gang & Wang Yi.",
                "王毅"
            ]
        );
    }

    #[test]
    fn bad_documents_are_refused_not_panicked() {
        assert!(read_docx(b"PK\x03\x04 not really").is_err());
    }
}
