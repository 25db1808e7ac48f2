//! Plain text: decoding bytes (a BOM, valid UTF-8, or the legacy encoding
//! chardetng detects), refusing binary files, and the article a decoded
//! text makes (normalised, titled, dated from its first lines).
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::model::{Article, new_id, now};
use crate::read::refusal::Refusal;
use crate::text::normalise::{normalise, text_hash, title_from_text};
use encoding_rs::Encoding;

/// The decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decode bytes to text: a BOM wins; then valid UTF-8; then the encoding
/// chardetng guesses. Invalid sequences become U+FFFD, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(Refusal::Binary(kind.into()));
    }
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else if std::str::from_utf8(bytes).is_ok() {
        (encoding_rs::UTF_8, bytes)
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        (det.guess(None, true), bytes)
    };
    let is_utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    if !is_utf16 && body.contains(&0) {
        return Err(Refusal::Binary("it contains NUL bytes".into()));
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(Refusal::Binary("too many control characters".into()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

pub(crate) fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a zip archive or office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7fELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|&(_, k)| k)
}

/// The note an article gets when no line of its text is surely its
/// headline (the Reader shows it until a title is set).
pub const NO_HEADLINE: &str =
    "Import: no line at the top of the text is surely its headline; the title is the file's name.";

/// An article from decoded text: normalised, titled, dated from its first
/// lines, with the outlet and byline the text names.
pub(crate) fn article_from_text(
    raw: &str,
    file_name: &str,
    title: Option<&str>,
    not_after: chrono::NaiveDate,
) -> Result<Article, Refusal> {
    let text = normalise(raw);
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    // The headline, outlet and byline the text itself gives; when no line
    // is surely the headline, the file's name stands, and the notes say so.
    // The dates of its first lines, read once: for its publication date,
    // and for the head reader (a date line is not a headline).
    let dates = crate::read::pubdate::candidates_until(&text, not_after);
    let head = crate::read::text_head::read_head_dated(&text, &dates);
    let mut notes = vec![];
    let title = match (title, head.title) {
        (Some(t), _) if !t.trim().is_empty() => t.trim().to_string(),
        (_, Some(t)) => t,
        (_, None) => {
            notes.push(NO_HEADLINE.to_string());
            match std::path::Path::new(file_name).file_stem() {
                Some(stem) if !stem.is_empty() => stem.to_string_lossy().into_owned(),
                _ => title_from_text(&text),
            }
        }
    };
    let outlet = match head.outlet {
        Some((o, from)) => {
            notes.push(format!("Import: the outlet was read from {from}."));
            o
        }
        None => String::new(),
    };
    let detected = dates.into_iter().next();
    Ok(Article {
        past: Default::default(),
        id: new_id("art"),
        title,
        outlet,
        url: String::new(),
        byline: head.byline.unwrap_or_default(),
        language: String::new(),
        published: detected.as_ref().map(|c| c.value.clone()),
        published_source: detected
            .map(|c| format!("detected in the text, {}", c.describe()))
            .unwrap_or_default(),
        imported_from: file_name.to_string(),
        imported_at: now(),
        accessed: String::new(),
        database: String::new(),
        database_id: String::new(),
        text_hash: text_hash(&text),
        text,
        notes: notes.join("\n"),
    })
}
