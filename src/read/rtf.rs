//! RTF documents: a WordPad or Word save, and the RTF exports of Nexis Uni
//! and Factiva. The text, one paragraph per line, decoded in the code page
//! the document declares (`\ansicpg`, `\'hh`, `\uN`), without headers,
//! footers and hidden text; the title from the document's `\info`.
//! Parsing is rtf-parser-tt's (a maintained fork of rtf-parser that keeps
//! paragraph breaks and code pages, and returns an error rather than
//! panicking on malformed input); the importer's isolation catches the
//! rest.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::read::docx::Doc;

/// Whether the bytes are RTF (by content: the `{\rtf` every RTF starts with).
pub fn looks_like(bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    head[start..].starts_with(b"{\\rtf")
}

/// The document's text and title.
pub fn read_rtf(bytes: &[u8]) -> Result<Doc, String> {
    if !looks_like(bytes) {
        return Err("not an RTF document: it does not start with {\\rtf".into());
    }
    let doc = rtf_parser_tt::RtfDocument::from_bytes(bytes)
        .map_err(|e| format!("the RTF cannot be read: {e}"))?;
    let options = rtf_parser_tt::TextOptions::default().headers_footers(false);
    let text = doc.get_text_with(options).replace('\r', "\n");
    let title = doc
        .info
        .title
        .as_deref()
        .map(crate::text::normalise::one_line)
        .filter(|t| !t.is_empty());
    Ok(Doc { text, title })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_code_page_unicode_and_title() {
        let rtf = b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times;}}{\\info{\\title Talks in Vienna}}\
            {\\header Page 1\\par}\\pard {\\b Caf\\'e9 diplomacy}\\par\\pard Sullivan \\u8212? Wang.\\par}";
        let doc = read_rtf(rtf).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Talks in Vienna"));
        let lines: Vec<&str> = doc.text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["Café diplomacy", "Sullivan — Wang."]);
    }

    #[test]
    fn other_bytes_are_refused_with_a_reason() {
        assert!(read_rtf(b"plain text").unwrap_err().contains("not an RTF"));
        assert!(looks_like(b"\xef\xbb\xbf  {\\rtf1 x}"));
        // Unbalanced groups are an error or text, never a panic.
        let _ = read_rtf(b"{\\rtf1 {{{{ \\'zz \\u99999999999");
    }
}
