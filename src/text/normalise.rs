//! What makes text comparable: normalisation (LF line ends, NFC), the
//! text hash that recognises the same article, titles and short quotes.
//!
//! Imported text, re-imported versions and generated text all pass
//! through here, so two readers of the same bytes agree on offsets.
//!
//! Imports nothing from the crate (layer `text`).

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// The first 60 chars of `s`, with an ellipsis when cut.
pub fn short(s: &str) -> String {
    let mut it = s.chars();
    let head: String = it.by_ref().take(60).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// At most `n` chars of `s`, cut after a whole word (and a trailing
/// comma or colon dropped) with an ellipsis: a label that reads.
pub fn cut_at_word(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let head: String = s.chars().take(n).collect();
    let head = head.rsplit_once(' ').map_or(head.as_str(), |(a, _)| a);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// `s` with control characters (tabs, line breaks, escapes) written out
/// (`\t`, `\n`, `\u{1b}`), so a line of output stays one line and a file
/// from someone else cannot drive the terminal.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// SHA-256 of the text, as lowercase hex.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Normalise decoded text: CRLF and CR become LF, other control characters
/// go, text is NFC, trailing spaces on lines and blank lines at both ends
/// are trimmed.
pub fn normalise(text: &str) -> String {
    // Most texts are clean already (LF line ends, no control character,
    // NFC). Checking so is several times cheaper than composing every
    // character again, which was a quarter of a plain-text import.
    let cleaned: std::borrow::Cow<str> = if clean(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        rebuild(text).into()
    };
    let lines: Vec<&str> = cleaned.lines().map(|l| l.trim_end()).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// LF line ends, the characters [`keep`] lets through, NFC.
fn rebuild(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified.chars().filter(|&c| keep(c)).nfc().collect()
}

/// A character [`normalise`] keeps: a line break, a tab, or no control
/// character or byte-order mark.
fn keep(c: char) -> bool {
    c == '\n' || c == '\t' || !(c.is_control() || c == '\u{feff}')
}

/// Whether [`normalise`] would keep every character of `text` as it is:
/// nothing to drop (a carriage return is a control character) and NFC
/// already, by the Unicode quick check (a "maybe" is composed to be sure).
fn clean(text: &str) -> bool {
    text.chars().all(keep)
        && unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// `s` as one line: every control character (line breaks, tabs, escape
/// sequences' ESC) becomes a space, and the ends are trimmed.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Every run of whitespace (line breaks too) as one space, trimmed: how
/// a reader sees a passage of markup or a wrapped line.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first non-empty line, trimmed and cut to 200 chars.
pub fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut t: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        t.push('…');
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick check only skips work: every text reads as rebuilt,
    /// and only texts with nothing to change skip the rebuild.
    #[test]
    fn clean_texts_skip_the_rebuild_and_read_the_same() {
        let cases = [
            ("Blinken met Wang Yi in Vienna.", true),
            ("Amara Müller 王毅 한국어", true),
            ("Cafe\u{301} society", false), // decomposed é
            ("e\u{301}\u{300} and \u{1100}\u{1161}", false), // marks, jamo
            ("line one\r\nline two\rthree", false),
            ("\u{feff}BOM first", false),
            ("a\u{85}b\u{7}c\td", false), // C1 and C0 controls
        ];
        for (text, skip) in cases {
            assert_eq!(clean(text), skip, "{text:?}");
            let rebuilt = rebuild(text);
            let trimmed: Vec<&str> = rebuilt.lines().map(str::trim_end).collect();
            assert_eq!(
                normalise(text),
                trimmed.join("\n").trim_matches('\n'),
                "{text:?}"
            );
        }
        assert_eq!(normalise("Cafe\u{301}\r\n"), "Caf\u{e9}");
    }

    #[test]
    fn labels_are_cut_after_a_whole_word() {
        assert_eq!(cut_at_word("short", 10), "short");
        assert_eq!(
            cut_at_word(
                "US security advisor Jake Sullivan met with top Chinese diplomat",
                40
            ),
            "US security advisor Jake Sullivan met…"
        );
        assert_eq!(
            cut_at_word("Vienna, Austria, on Wednesday", 17),
            "Vienna, Austria…"
        );
        assert_eq!(cut_at_word("王毅在维也纳会见沙利文", 4), "王毅在维…");
    }
}
