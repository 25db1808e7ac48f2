//! Char offsets into text. Every position Detente stores (passages,
//! dates found, selections) is a char offset into NFC, LF text; this
//! module turns them into byte offsets and slices, and finds quotes.
//!
//! Imports nothing from the crate (layer `text`).

/// Byte offsets of each char boundary, for O(1) char-to-byte conversion.
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }
    /// Number of chars.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Byte offset of char `c` (c <= len).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c]
    }
    /// Char offset of byte `b`, which must be a char boundary.
    pub fn char_of_byte(&self, b: usize) -> usize {
        self.bytes.partition_point(|&x| x < b)
    }
}

/// The chars `start..end` of `text`, or None when out of range.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let a = it.nth(start)?;
    let b = if end == start {
        a
    } else {
        it.nth(end - start - 1)?
    };
    Some(&text[a..b])
}

/// Char offsets of every occurrence of `quote` in `text`.
pub fn find_all(text: &str, quote: &str) -> Vec<(usize, usize)> {
    if quote.is_empty() {
        return vec![];
    }
    find_all_in(text, &CharIndex::new(text), quote)
}

/// [`find_all`] with the text's char index already built (a caller that
/// looks for many quotes in one long text builds it once).
pub fn find_all_in(text: &str, idx: &CharIndex, quote: &str) -> Vec<(usize, usize)> {
    if quote.is_empty() {
        return vec![];
    }
    let qlen = quote.chars().count();
    // Overlapping occurrences count: in "王毅王毅王毅", "王毅王毅" is at 0 and 2.
    let mut hits = vec![];
    let mut from = 0;
    while let Some(b) = text[from..].find(quote).map(|b| from + b) {
        let s = idx.char_of_byte(b);
        hits.push((s, s + qlen));
        from = b + text[b..].chars().next().map_or(1, char::len_utf8);
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_occurrences_are_all_found() {
        // Found by the highlights_never_drift property: a passage that
        // overlaps an earlier occurrence of its own quote was missed.
        assert_eq!(find_all("王毅王毅王毅", "王毅王毅"), [(0, 4), (2, 6)]);
        assert_eq!(find_all("aaa", "aa"), [(0, 2), (1, 3)]);
        assert_eq!(find_all("é🇺🇸é🇺🇸", "🇺🇸é"), [(1, 4)]);
        assert!(find_all("abc", "").is_empty());
    }
}
