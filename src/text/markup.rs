//! Text made safe inside XML and HTML: element text and quoted attribute
//! values. One escaper for every writer of markup (REFI-QDA, SVG figures,
//! TimelineJS HTML), so none forgets a character.
//!
//! Imports nothing from the crate (layer `text`).

/// `s` safe as XML or HTML text or a double- or single-quoted attribute
/// value: `& < > " '` escaped; the control characters XML 1.0 cannot carry
/// (and U+FFFE, U+FFFF) dropped; tab, line feed and carriage return kept as
/// they are (`in_attribute`: as character references, so a reader's
/// attribute normalisation keeps them).
pub fn escape(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, in_attribute);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, s: &str, in_attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if !xml_char(c) => {}
            c => out.push(c),
        }
    }
}

/// Whether XML 1.0 can carry `c` (tab, line feed and carriage return of
/// the C0 controls; neither U+FFFE nor U+FFFF).
pub fn xml_char(c: char) -> bool {
    let control = (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r');
    !control && c != '\u{fffe}' && c != '\u{ffff}'
}

/// `s` without the characters XML 1.0 cannot carry, for writers that
/// escape markup themselves but not these (docx-rs).
pub fn xml_chars(s: &str) -> String {
    s.chars().filter(|&c| xml_char(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped_and_what_xml_cannot_hold_dropped() {
        assert_eq!(
            escape("a<b & \"c\" 'd'", false),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("x\ny\u{1}z", true), "x&#10;yz");
        assert_eq!(escape("x\ny", false), "x\ny");
    }
}
