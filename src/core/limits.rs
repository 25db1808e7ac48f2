//! Every size limit in one place: what a workspace file, an imported file
//! and the parts of a document may hold. The loader, the importers and the
//! edits all check against these, so whatever a save writes the next load
//! accepts. docs/reference/file-format.md#limits lists them.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::Article;

/// A workspace file larger than this is refused before it is read.
pub const MAX_WORKSPACE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// An imported file larger than this is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The text of one article, in chars.
pub const MAX_ARTICLE_CHARS: usize = 20 * 1024 * 1024;

/// An article's title, outlet, URL or byline, in bytes.
pub const MAX_SHORT_FIELD: usize = 10_000;

/// One XML part of a DOCX, uncompressed (zips can be bombs).
pub const MAX_DOCX_PART: u64 = 64 * 1024 * 1024;

/// How deep a web page may nest its elements (real pages nest a few dozen;
/// the parser's work grows with depth, and 100,000 levels overflow it).
pub const MAX_HTML_DEPTH: usize = 256;

/// The memory a child reading one PDF may use (pdf-extract has no limits
/// of its own: a 3 MB deflate bomb asks for 6 GB).
pub const MAX_PDF_MEMORY: u64 = 2 * 1024 * 1024 * 1024;

/// The time a child reading one PDF may take, in seconds.
pub const MAX_PDF_SECONDS: u64 = 60;

/// Undo steps kept in a session.
pub const MAX_UNDO: usize = 500;

/// What in `a` is over the limits, one message per field; empty when it
/// fits. The same rule refuses a workspace file on load, a file at import
/// and an edit before it is saved.
pub fn article_over_limits(a: &Article) -> Vec<String> {
    let mut out = vec![];
    // Bytes bound chars, so only long texts need counting.
    if a.text.len() > MAX_ARTICLE_CHARS {
        let n = a.char_len();
        if n > MAX_ARTICLE_CHARS {
            out.push(format!(
                "text is {n} chars, over the limit of {MAX_ARTICLE_CHARS}"
            ));
        }
    }
    for (name, v) in [
        ("title", &a.title),
        ("outlet", &a.outlet),
        ("url", &a.url),
        ("byline", &a.byline),
        ("access date", &a.accessed),
        ("database", &a.database),
        ("database id", &a.database_id),
    ] {
        if v.len() > MAX_SHORT_FIELD {
            out.push(format!(
                "{name} is too long ({} bytes, the limit is {MAX_SHORT_FIELD})",
                v.len()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_over_its_limit_is_named() {
        let mut a = Article::new("t", "short text");
        assert!(article_over_limits(&a).is_empty());
        a.title = "x".repeat(MAX_SHORT_FIELD + 1);
        a.url = "u".repeat(MAX_SHORT_FIELD);
        let p = article_over_limits(&a);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("title is too long (10001 bytes"), "{p:?}");
        a.byline = "b".repeat(MAX_SHORT_FIELD + 5);
        assert_eq!(article_over_limits(&a).len(), 2);
    }
}
