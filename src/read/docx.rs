//! Word (.docx) articles. DOCX is a zip of XML: paragraphs (`w:p`) become
//! lines, runs of text (`w:t`), tabs and breaks are kept, and the title
//! comes from the document properties when set. [`Doc`] is also what the
//! PDF reader gives.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::limits::MAX_DOCX_PART;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Text and title of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub text: String,
    pub title: Option<String>,
}

/// An XML part of the zip, refused (never cut) over [`MAX_DOCX_PART`],
/// whatever size the zip declares.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let Ok(file) = zip.by_name(name) else {
        return Ok(None);
    };
    let too_big = || format!("{name} is over {} MiB uncompressed", MAX_DOCX_PART >> 20);
    if file.size() > MAX_DOCX_PART {
        return Err(too_big());
    }
    let mut s = String::new();
    file.take(MAX_DOCX_PART + 1)
        .read_to_string(&mut s)
        .map_err(|e| format!("{name}: {e}"))?;
    if s.len() as u64 > MAX_DOCX_PART {
        return Err(too_big());
    }
    Ok(Some(s))
}

/// Paragraph text of a WordprocessingML part.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut r = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    // Elements open: a part that ends inside one was cut off.
    let mut depth = 0usize;
    loop {
        let ev = r.read_event();
        match &ev {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match ev {
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
            Ok(Event::Eof) if depth > 0 => {
                return Err(
                    "the document's text ends in the middle (the file is cut off or damaged)"
                        .into(),
                );
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
pub(crate) mod tests {
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

    /// A DOCX whose document part is `xml` as it is.
    fn raw_docx(xml: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        z.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn a_document_cut_in_half_is_refused_not_imported_in_part() {
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body>\
                   <w:p><w:r><w:t>Blinken met Wang Yi.</w:t></w:r></w:p>\
                   <w:p><w:r><w:t>They talked for eight hours.</w:t></w:r></w:p>\
                   </w:body></w:document>";
        assert!(read_docx(&raw_docx(xml)).is_ok());
        let cut = &xml[..xml.len() / 2];
        let e = read_docx(&raw_docx(cut)).unwrap_err();
        assert!(e.contains("ends in the middle"), "{e}");
    }

    #[test]
    fn a_part_over_the_limit_is_refused_not_cut() {
        let para = "<w:p><w:r><w:t>words words words</w:t></w:r></w:p>";
        let n = (MAX_DOCX_PART as usize / para.len()) + 2;
        let xml = format!(
            "<w:document xmlns:w=\"x\"><w:body>{}</w:body></w:document>",
            para.repeat(n)
        );
        let e = read_docx(&raw_docx(&xml)).unwrap_err();
        assert!(e.contains("word/document.xml is over 64 MiB"), "{e}");
    }
}
