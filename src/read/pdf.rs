//! PDF articles, read with pdf-extract. A PDF with no text layer (a scan)
//! is refused with the reason, and a damaged one never takes the app down.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::read::docx::Doc;

pub fn read_pdf(bytes: &[u8]) -> Result<Doc, String> {
    // pdf-extract may panic on malformed files; a bad file must not take the app down.
    let text = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| "the PDF could not be read (damaged or unsupported)".to_string())?
        .map_err(|e| format!("the PDF could not be read: {e}"))?;
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        return Err("the PDF has no text layer (a scanned PDF?); run OCR on it first".into());
    }
    Ok(Doc { text, title: None })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_damaged_pdf_is_refused_not_panicked() {
        assert!(super::read_pdf(b"%PDF-1.4 garbage").is_err());
    }
}
