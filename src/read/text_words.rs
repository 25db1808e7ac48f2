//! The words of a plain text's lines, for [`crate::read::text_head`]:
//! how many a line has, the words that carry meaning, and how many of a
//! line's words its story's lead shares. These run for every line near
//! the top of every text imported, so they count and compare in place
//! wherever they can.
//!
//! Imports nothing (layer `read`).

/// A headline has at most this many words.
pub(crate) const MAX_HEADLINE_WORDS: usize = 30;

/// Words that are letters (any script), not numbers or marks.
pub(crate) fn words(l: &str) -> usize {
    // Counted to one more than a headline has at most: no rule asks
    // about more (a story's paragraph is not counted through). Byte by
    // byte for ASCII, the common case, as `split_whitespace` would split.
    if l.is_ascii() {
        let (mut n, mut in_word, mut letter) = (0, false, false);
        for b in l.bytes() {
            if b.is_ascii_whitespace() || b == 0x0b {
                if in_word && letter {
                    n += 1;
                    if n > MAX_HEADLINE_WORDS {
                        return n;
                    }
                }
                (in_word, letter) = (false, false);
            } else {
                in_word = true;
                letter |= b.is_ascii_alphabetic();
            }
        }
        return n + usize::from(in_word && letter);
    }
    l.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(MAX_HEADLINE_WORDS + 1)
        .count()
}

/// A line of a script written without spaces (Chinese, Japanese) is
/// measured in characters.
pub(crate) fn unspaced(l: &str) -> bool {
    l.chars()
        .filter(|c| {
            matches!(*c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
        })
        .count()
        > 4
}

/// The words that carry meaning (four letters or more, lower case), or
/// the pairs of characters of a script written without spaces; sorted and
/// without repeats, so two lines' shared words are counted in one walk
/// (no hashing: this runs for every candidate line of every text).
pub(crate) struct Words<'a>(Vec<std::borrow::Cow<'a, str>>);

impl Words<'_> {
    /// How many different words.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

/// A lead is a few sentences: a longer one is read to its first few
/// thousand characters.
pub(crate) fn lead_text(l: &str) -> &str {
    match l.char_indices().nth(4_000) {
        Some((i, _)) => &l[..i],
        None => l,
    }
}

/// How many of a line's words (`own`, few) the lead's text has: the lead
/// is read once, word by word, each compared in place without a lower-case
/// copy where it is ASCII (this runs for every candidate line of every
/// text; making the lead's own word list cost more than the rest).
pub(crate) fn shares(lead: &str, own: &Words) -> usize {
    let mut hit = vec![false; own.0.len()];
    let lengths: Vec<usize> = own.0.iter().map(|x| x.len()).collect();
    let mut mark = |found: Result<usize, usize>| {
        if let Ok(i) = found {
            hit[i] = true;
        }
    };
    // ASCII text, the common case, is cut into words byte by byte.
    if lead.is_ascii() {
        let b = lead.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let w = &b[start..i];
            if w.len() >= 4 && lengths.contains(&w.len()) {
                mark(
                    own.0.binary_search_by(|x| {
                        x.bytes().cmp(w.iter().map(|c| c.to_ascii_lowercase()))
                    }),
                );
            }
        }
        return hit.iter().filter(|h| **h).count();
    }
    for w in lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && w.chars().nth(3).is_some())
    {
        if w.is_ascii() {
            // Lower case keeps an ASCII word's length: most words are
            // passed over without a comparison.
            if !lengths.contains(&w.len()) {
                continue;
            }
            mark(
                own.0
                    .binary_search_by(|x| x.bytes().cmp(w.bytes().map(|b| b.to_ascii_lowercase()))),
            );
        } else {
            let lower = w.to_lowercase();
            mark(own.0.binary_search_by(|x| x.as_ref().cmp(lower.as_str())));
        }
    }
    if unspaced(lead) {
        let chars: Vec<char> = lead.chars().filter(|c| c.is_alphanumeric()).collect();
        for pair in chars.windows(2) {
            let p: String = pair.iter().collect();
            mark(own.0.binary_search_by(|x| x.as_ref().cmp(p.as_str())));
        }
    }
    hit.iter().filter(|h| **h).count()
}

pub(crate) fn content_words(l: &str) -> Words<'_> {
    // A lead is a few sentences: a longer line is read to its first few
    // thousand characters.
    let l = match l.char_indices().nth(4_000) {
        Some((i, _)) => &l[..i],
        None => l,
    };
    // Lower case copied only where a word is not already.
    let mut out: Vec<std::borrow::Cow<str>> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && w.chars().nth(3).is_some())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(w.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
        .collect();
    if unspaced(l) {
        let chars: Vec<char> = l.chars().filter(|c| c.is_alphanumeric()).collect();
        out.extend(
            chars
                .windows(2)
                .map(|w| std::borrow::Cow::Owned(w.iter().collect::<String>())),
        );
    }
    out.sort_unstable();
    out.dedup();
    Words(out)
}

/// The text from the start of line `a` to the end of line `b` of `lines`
/// (slices of `text`), blank lines between included.
pub(crate) fn span<'t>(text: &'t str, lines: &[(usize, &'t str)], a: usize, b: usize) -> &'t str {
    let start = lines[a].1.as_ptr() as usize - text.as_ptr() as usize;
    let end = lines[b].1.as_ptr() as usize - text.as_ptr() as usize + lines[b].1.len();
    &text[start..end]
}
