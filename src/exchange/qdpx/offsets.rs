//! How a REFI-QDA writer counted positions, and where its selections fall
//! in Detente's normalised text.
//!
//! The standard says Unicode code points into the source's plain text. Real
//! writers differ: some count a CRLF line break as one character while the
//! file keeps CRLF; some count UTF-16 units (an emoji is two). Each reading
//! is tried on all selections of a source; the one whose selections begin
//! and end on word boundaries most often wins, the standard on a tie. The
//! quote read that way is then found in the normalised text (NFC, LF, line
//! ends trimmed) nearest to where it stood.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::text::offsets::{CharIndex, find_all_in};

/// How far from where a quote should be it is looked for first.
const WINDOW: usize = 4096;
use unicode_normalization::UnicodeNormalization;

/// A way of counting positions in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// Code points, as the standard says.
    CodePoints,
    /// Code points, with CRLF counted as one.
    CodePointsCrlfAsOne,
    /// UTF-16 code units.
    Utf16,
    /// UTF-16 code units, with CRLF counted as one.
    Utf16CrlfAsOne,
}

impl Counting {
    pub const ALL: [Counting; 4] = [
        Counting::CodePoints,
        Counting::CodePointsCrlfAsOne,
        Counting::Utf16,
        Counting::Utf16CrlfAsOne,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Counting::CodePoints => "code points (the standard)",
            Counting::CodePointsCrlfAsOne => "code points with a CRLF line break counted as one",
            Counting::Utf16 => "UTF-16 units",
            Counting::Utf16CrlfAsOne => "UTF-16 units with a CRLF line break counted as one",
        }
    }

    fn utf16(self) -> bool {
        matches!(self, Counting::Utf16 | Counting::Utf16CrlfAsOne)
    }
    fn crlf_as_one(self) -> bool {
        matches!(
            self,
            Counting::CodePointsCrlfAsOne | Counting::Utf16CrlfAsOne
        )
    }
}

/// For each position under `counting`, the char index it stands at (None
/// inside a surrogate pair, or between a CR and its LF counted as one).
fn unit_map(chars: &[char], counting: Counting) -> Vec<Option<u32>> {
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        map.push(Some(i as u32));
        if counting.crlf_as_one() && c == '\r' && chars.get(i + 1) == Some(&'\n') {
            i += 2;
            continue;
        }
        if counting.utf16() && c.len_utf16() == 2 {
            map.push(None);
        }
        i += 1;
    }
    map.push(Some(chars.len() as u32));
    map
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// How well the ranges sit in the text: a boundary inside a CRLF pair is
/// what no writer means; one inside a word is unlikely; one next to white
/// space is fine; one on a word's edge is best.
fn plausibility(chars: &[char], ranges: &[Option<(usize, usize)>]) -> i64 {
    let splits_crlf =
        |i: usize| i > 0 && i < chars.len() && chars[i - 1] == '\r' && chars[i] == '\n';
    let mid_word =
        |i: usize| i > 0 && i < chars.len() && is_word(chars[i - 1]) && is_word(chars[i]);
    let mut score = 0;
    for r in ranges {
        let Some((a, b)) = *r else {
            score -= 10;
            continue;
        };
        if a >= b {
            score -= 10;
            continue;
        }
        for (at, inner) in [(a, chars[a]), (b, chars[b - 1])] {
            score += if splits_crlf(at) {
                -3
            } else if mid_word(at) {
                0
            } else if inner.is_whitespace() {
                1
            } else {
                2
            };
        }
    }
    score
}

fn ranges_under(
    chars: &[char],
    positions: &[(i64, i64)],
    counting: Counting,
) -> Vec<Option<(usize, usize)>> {
    let map = unit_map(chars, counting);
    let at = |p: i64| -> Option<usize> {
        let p = usize::try_from(p).ok()?;
        map.get(p).copied().flatten().map(|c| c as usize)
    };
    positions
        .iter()
        .map(|&(s, e)| Some((at(s)?, at(e)?)).filter(|(a, b)| a < b))
        .collect()
}

/// Read the selections' positions in the way that fits `text` best:
/// the counting chosen and each selection's char range in `text`.
pub fn read_positions(
    text: &str,
    positions: &[(i64, i64)],
) -> (Counting, Vec<Option<(usize, usize)>>) {
    let chars: Vec<char> = text.chars().collect();
    let has_crlf = text.contains("\r\n");
    let has_wide = chars.iter().any(|c| c.len_utf16() == 2);
    let mut best = (
        Counting::CodePoints,
        ranges_under(&chars, positions, Counting::CodePoints),
    );
    let mut best_score = plausibility(&chars, &best.1);
    for counting in &Counting::ALL[1..] {
        if (counting.crlf_as_one() && !has_crlf) || (counting.utf16() && !has_wide) {
            continue;
        }
        let ranges = ranges_under(&chars, positions, *counting);
        let score = plausibility(&chars, &ranges);
        if score > best_score {
            best_score = score;
            best = (*counting, ranges);
        }
    }
    best
}

/// The quote as Detente's normaliser would leave it (LF, NFC, no control
/// characters); line ends are trimmed separately by [`locate`].
fn normalise_quote(q: &str) -> String {
    q.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .filter(|&c| c != '\u{feff}')
        .nfc()
        .collect()
}

/// Where `quote` (read from the original text) lies in the normalised
/// `text`: the occurrence nearest to char `near`. None when it is not
/// there in any form.
pub fn locate(text: &str, quote: &str, near: usize) -> Option<(usize, usize)> {
    locate_in(text, &CharIndex::new(text), quote, near)
}

/// [`locate`] with the text's char index built once: it looks first within
/// a few thousand characters of `near` (where the quote nearly always is),
/// then in the whole text.
pub fn locate_in(text: &str, idx: &CharIndex, quote: &str, near: usize) -> Option<(usize, usize)> {
    let q = normalise_quote(quote);
    let trimmed_lines: String = q
        .split('\n')
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    for candidate in [q.as_str(), trimmed_lines.as_str(), trimmed_lines.trim()] {
        if candidate.is_empty() {
            continue;
        }
        let len = candidate.chars().count();
        let lo = near.saturating_sub(WINDOW).min(idx.len());
        let hi = (near + len + WINDOW).min(idx.len());
        let base = idx.byte(lo);
        let window = &text[base..idx.byte(hi)];
        let mut hits: Vec<(usize, usize)> = window
            .match_indices(candidate)
            .map(|(b, _)| {
                let a = idx.char_of_byte(base + b);
                (a, a + len)
            })
            .collect();
        if hits.is_empty() {
            hits = find_all_in(text, idx, candidate);
        }
        if let Some(&(a, b)) = hits.iter().min_by_key(|(a, _)| a.abs_diff(near)) {
            return Some(trim_range(text, idx, a, b));
        }
    }
    None
}

/// The range without white space at either end (a tool that codes whole
/// lines takes the line break too); unchanged when it is all white space.
fn trim_range(text: &str, idx: &CharIndex, a: usize, b: usize) -> (usize, usize) {
    let chars: Vec<char> = text[idx.byte(a)..idx.byte(b)].chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return (a, b);
    }
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    (a + lead, b - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str, ranges: &[Option<(usize, usize)>]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        ranges
            .iter()
            .map(|r| {
                r.map(|(a, b)| chars[a..b].iter().collect())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn code_points_are_read_as_they_are() {
        let text = "Blinken met Wang Yi in Beijing.";
        let (c, r) = read_positions(text, &[(12, 19), (23, 30)]);
        assert_eq!(c, Counting::CodePoints);
        assert_eq!(quotes(text, &r), ["Wang Yi", "Beijing"]);
    }

    #[test]
    fn a_writer_counting_crlf_as_one_is_recognised() {
        let text = "First line.\r\nSecond line has Wang Yi.\r\nThird: Beijing talks.";
        // Positions as counted in the text with LF line ends.
        let lf = text.replace("\r\n", "\n");
        let at = |q: &str| {
            let b = lf.find(q).unwrap();
            let s = lf[..b].chars().count() as i64;
            (s, s + q.chars().count() as i64)
        };
        let (c, r) = read_positions(text, &[at("Wang Yi"), at("Beijing talks")]);
        assert_eq!(c, Counting::CodePointsCrlfAsOne);
        assert_eq!(quotes(text, &r), ["Wang Yi", "Beijing talks"]);
    }

    #[test]
    fn a_writer_counting_utf16_units_is_recognised() {
        let text = "🇺🇸🇨🇳 talks: Blinken 🤝 Wang Yi agreed to meet again.";
        let at = |q: &str| {
            let b = text.find(q).unwrap();
            let s = text[..b].encode_utf16().count() as i64;
            (s, s + q.encode_utf16().count() as i64)
        };
        let (c, r) = read_positions(text, &[at("Wang Yi"), at("agreed"), at("meet again")]);
        assert_eq!(c, Counting::Utf16);
        assert_eq!(quotes(text, &r), ["Wang Yi", "agreed", "meet again"]);
    }

    #[test]
    fn positions_out_of_range_or_inside_a_pair_are_none() {
        let (_, r) = read_positions("ab", &[(0, 5), (1, 1), (-1, 1)]);
        assert_eq!(r, [None, None, None]);
    }

    #[test]
    fn a_quote_is_found_in_the_normalised_text_nearest_its_place() {
        let text = "Wang Yi spoke.\nLater Wang Yi left.";
        assert_eq!(locate(text, "Wang Yi", 20), Some((21, 28)));
        assert_eq!(locate(text, "Wang Yi", 0), Some((0, 7)));
        // Decomposed accents and a CRLF with trailing spaces still match.
        let text = "Café talks\nresumed";
        assert_eq!(
            locate(text, "Cafe\u{301} talks  \r\nresumed", 0),
            Some((0, 18))
        );
        assert_eq!(locate(text, "absent", 0), None);
        // A whole line with its break is the line.
        assert_eq!(locate("One.\nTwo.\n", "Two.\n", 0), Some((5, 9)));
    }
}
