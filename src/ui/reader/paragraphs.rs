//! Where the paragraphs of a long text sit on screen when only some of them
//! have been laid out.
//!
//! The Reader lays out only the paragraphs near the view; the others have
//! an estimated height, learnt from those already measured. Measuring one
//! moves everything below it, so the view is kept on an [`Anchor`] (a
//! paragraph and a fraction of it) rather than on a pixel offset. Pure
//! geometry: no fonts, no egui.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use std::ops::Range;

/// A paragraph longer than this many chars is laid out in pieces (cut
/// after a sentence where one ends near the limit), so that a text without
/// line breaks still lays out a little at a time.
pub const MAX_CHARS: usize = 2_000;

/// The paragraphs (lines, without their `\n`; very long ones in pieces) of
/// a text and their heights.
#[derive(Clone, Debug)]
pub struct Paragraphs {
    /// Chars of each paragraph in the text.
    pub chars: Vec<Range<usize>>,
    /// Bytes of each paragraph in the text.
    pub bytes: Vec<Range<usize>>,
    /// Width in "narrow chars" (a wide CJK char counts two), for estimates.
    weight: Vec<u32>,
    height: Vec<f32>,
    measured: Vec<bool>,
    unmeasured: usize,
    /// `tops[i]` is the top of paragraph `i`; `tops[len]` the total height.
    tops: Vec<f32>,
    /// `tops` is valid up to and including this index.
    valid: usize,
    row_height: f32,
    /// Narrow chars per row: learnt from measured paragraphs.
    per_row: f32,
    measured_weight: f64,
    measured_rows: f64,
}

/// A place to cut a long paragraph: char, byte, and weight before it.
type Cut = (usize, usize, u32);

/// A place in the text that stays put while heights change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    pub paragraph: usize,
    /// How far into the paragraph, as a fraction of its height.
    pub fraction: f32,
}

/// Whether a char takes about the width of two Latin letters.
fn wide(c: char) -> bool {
    ('\u{1100}'..='\u{115F}').contains(&c)
        || ('\u{2E80}'..='\u{A4CF}').contains(&c)
        || ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
        || ('\u{FE30}'..='\u{FE4F}').contains(&c)
        || ('\u{FF00}'..='\u{FF60}').contains(&c)
        || ('\u{20000}'..='\u{3FFFD}').contains(&c)
}

impl Paragraphs {
    /// Split `text` into paragraphs at `\n`, every height estimated for
    /// rows of `row_height` holding about `per_row` narrow chars.
    pub fn new(text: &str, row_height: f32, per_row: f32) -> Paragraphs {
        let mut chars = vec![];
        let mut bytes = vec![];
        let mut weight = vec![];
        let (mut c0, mut b0, mut w) = (0usize, 0usize, 0u32);
        // Where a too-long paragraph may be cut: after a sentence, or after
        // any space (char, byte, weight before it).
        let mut sentence: Option<Cut> = None;
        let mut space: Option<Cut> = None;
        let mut prev = '\n';
        let mut count = 0;
        for (c, (b, ch)) in text.char_indices().enumerate() {
            count = c + 1;
            if ch == '\n' {
                chars.push(c0..c);
                bytes.push(b0..b);
                weight.push(w);
                (c0, b0, w) = (c + 1, b + 1, 0);
                (sentence, space) = (None, None);
                prev = ch;
                continue;
            }
            if c - c0 >= MAX_CHARS {
                let (sc, sb, sw) = sentence
                    .filter(|s| s.0 > c0 + MAX_CHARS / 2)
                    .or(space.filter(|s| s.0 > c0))
                    .unwrap_or((c, b, w));
                chars.push(c0..sc);
                bytes.push(b0..sb);
                weight.push(sw);
                (c0, b0, w) = (sc, sb, w - sw);
                (sentence, space) = (None, None);
            }
            w += if !ch.is_ascii() && wide(ch) { 2 } else { 1 };
            let after = (c + 1, b + ch.len_utf8(), w);
            if ch.is_whitespace() {
                space = Some(after);
                if matches!(prev, '.' | '!' | '?' | ';' | ':') {
                    sentence = Some(after);
                }
            } else if matches!(ch, '。' | '！' | '？' | '；') {
                sentence = Some(after);
            }
            prev = ch;
        }
        chars.push(c0..count);
        bytes.push(b0..text.len());
        weight.push(w);
        let n = chars.len();
        let mut p = Paragraphs {
            chars,
            bytes,
            weight,
            height: vec![0.0; n],
            measured: vec![false; n],
            unmeasured: n,
            tops: vec![0.0; n + 1],
            valid: 0,
            row_height: row_height.max(1.0),
            per_row: per_row.max(1.0),
            measured_weight: 0.0,
            measured_rows: 0.0,
        };
        p.reestimate();
        p
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// How many paragraphs still have an estimated height.
    pub fn unmeasured(&self) -> usize {
        self.unmeasured
    }

    pub fn is_measured(&self, i: usize) -> bool {
        self.measured[i]
    }

    pub fn height(&self, i: usize) -> f32 {
        self.height[i]
    }

    fn estimate(&self, i: usize) -> f32 {
        let rows = (self.weight[i] as f32 / self.per_row).ceil().max(1.0);
        rows * self.row_height
    }

    /// Record the real height of paragraph `i`.
    pub fn set_measured(&mut self, i: usize, height: f32) {
        if !self.measured[i] {
            self.measured[i] = true;
            self.unmeasured -= 1;
            // Empty or one-row paragraphs tell little about line length.
            let rows = (height / self.row_height).round() as f64;
            if rows >= 2.0 {
                self.measured_weight += self.weight[i] as f64;
                self.measured_rows += rows - 0.5;
            }
        }
        if self.height[i] != height {
            self.height[i] = height;
            self.valid = self.valid.min(i);
        }
    }

    /// Estimate the unmeasured heights again from what was measured.
    pub fn reestimate(&mut self) {
        if self.measured_rows > 0.0 {
            self.per_row = (self.measured_weight / self.measured_rows).max(1.0) as f32;
        }
        for i in 0..self.len() {
            if !self.measured[i] {
                let h = self.estimate(i);
                if self.height[i] != h {
                    self.height[i] = h;
                    self.valid = self.valid.min(i);
                }
            }
        }
    }

    fn settle(&mut self) {
        let n = self.len();
        if self.valid >= n {
            return;
        }
        for i in self.valid..n {
            self.tops[i + 1] = self.tops[i] + self.height[i];
        }
        self.valid = n;
    }

    /// The top of paragraph `i` (the total height for `i == len`).
    pub fn top(&mut self, i: usize) -> f32 {
        self.settle();
        self.tops[i.min(self.len())]
    }

    pub fn total(&mut self) -> f32 {
        self.top(self.len())
    }

    /// The paragraph at height `y` (clamped to the text).
    pub fn at_y(&mut self, y: f32) -> usize {
        self.settle();
        let n = self.len();
        // The last paragraph whose top is at or above y.
        self.tops[..n]
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
    }

    /// The paragraphs that meet the band `y0..y1`.
    pub fn between(&mut self, y0: f32, y1: f32) -> Range<usize> {
        let a = self.at_y(y0);
        let b = self.at_y(y1);
        a..(b + 1).min(self.len())
    }

    /// The paragraph holding char `c` (a `\n` belongs to the paragraph it
    /// ends; the char where a long paragraph is cut, to the second piece).
    pub fn of_char(&self, c: usize) -> usize {
        self.chars
            .partition_point(|r| r.start <= c)
            .saturating_sub(1)
    }

    /// The anchor at height `y`.
    pub fn anchor(&mut self, y: f32) -> Anchor {
        let i = self.at_y(y);
        let top = self.top(i);
        let h = self.height[i].max(f32::EPSILON);
        Anchor {
            paragraph: i,
            fraction: ((y - top) / h).clamp(0.0, 1.0),
        }
    }

    /// The height of an anchor, with the heights as they are now.
    pub fn y_of(&mut self, a: Anchor) -> f32 {
        let i = a.paragraph.min(self.len() - 1);
        self.top(i) + a.fraction * self.height[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_the_lines_of_the_text() {
        let text = "Один абзац.\n\n第二段\nlast";
        let p = Paragraphs::new(text, 20.0, 10.0);
        assert_eq!(p.len(), 4);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = p
            .chars
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect();
        assert_eq!(got, ["Один абзац.", "", "第二段", "last"]);
        let by_bytes: Vec<&str> = p.bytes.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(by_bytes, got);
        // The char of a '\n' belongs to the paragraph it ends.
        assert_eq!(p.of_char(11), 0);
        assert_eq!(p.of_char(12), 1);
        assert_eq!(p.of_char(13), 2);
        assert_eq!(p.of_char(chars.len()), 3);
        // A trailing newline leaves an empty last paragraph.
        assert_eq!(Paragraphs::new("a\n", 20.0, 10.0).len(), 2);
        assert_eq!(Paragraphs::new("", 20.0, 10.0).len(), 1);
    }

    #[test]
    fn a_paragraph_without_line_breaks_is_laid_out_in_pieces() {
        let sentence = "The envoys met again and agreed to keep talking. ";
        let text = format!("Title\n{}", sentence.repeat(200));
        let p = Paragraphs::new(&text, 20.0, 10.0);
        assert!(p.len() > 5, "10,000 chars in pieces: {}", p.len());
        let chars: Vec<char> = text.chars().collect();
        for (i, r) in p.chars.iter().enumerate().skip(1) {
            assert!(r.len() <= MAX_CHARS);
            // Pieces follow each other with nothing lost in between...
            if i + 1 < p.len() {
                assert_eq!(r.end, p.chars[i + 1].start);
            }
            // ...and are cut after a sentence.
            let piece: String = chars[r.clone()].iter().collect();
            assert!(piece.ends_with(". ") || i + 1 == p.len(), "{piece:?}");
            assert_eq!(&text[p.bytes[i].clone()], piece);
            assert_eq!(p.of_char(r.start), i);
        }
        assert_eq!(p.chars.last().unwrap().end, chars.len());
        // Chinese without spaces is cut after 。; a run with no break at all
        // is cut at the limit.
        let zh = "会谈坦诚、深入、富有建设性。".repeat(400);
        let p = Paragraphs::new(&zh, 20.0, 10.0);
        assert!(p.len() > 2);
        assert!(
            p.chars[..p.len() - 1]
                .iter()
                .all(|r| { zh.chars().nth(r.end - 1) == Some('。') })
        );
        let p = Paragraphs::new(&"x".repeat(5_000), 20.0, 10.0);
        assert_eq!(
            p.chars,
            [0..MAX_CHARS, MAX_CHARS..2 * MAX_CHARS, 2 * MAX_CHARS..5_000]
        );
    }

    #[test]
    fn estimates_count_wide_chars_twice_and_learn_from_measures() {
        // 25 Latin chars at 10 per row: 3 rows; 10 CJK chars (20 narrow): 2.
        let text = format!("{}\n{}", "a".repeat(25), "字".repeat(10));
        let mut p = Paragraphs::new(&text, 20.0, 10.0);
        assert_eq!(p.height(0), 60.0);
        assert_eq!(p.height(1), 40.0);
        assert_eq!(p.total(), 100.0);
        // The first paragraph really took 5 rows of 20: about 5.6 narrow
        // chars per row, so the second is now estimated at 4 rows.
        p.set_measured(0, 100.0);
        p.reestimate();
        assert_eq!(p.height(1), 80.0);
        assert_eq!(p.top(1), 100.0);
        assert_eq!(p.total(), 180.0);
        assert_eq!(p.unmeasured(), 1);
    }

    #[test]
    fn positions_and_bands_follow_heights() {
        let text = "a\nb\nc\nd";
        let mut p = Paragraphs::new(text, 10.0, 10.0);
        assert_eq!(p.at_y(-5.0), 0);
        assert_eq!(p.at_y(0.0), 0);
        assert_eq!(p.at_y(10.0), 1);
        assert_eq!(p.at_y(39.0), 3);
        assert_eq!(p.at_y(500.0), 3);
        assert_eq!(p.between(5.0, 25.0), 0..3);
        p.set_measured(1, 30.0);
        assert_eq!(p.top(2), 40.0);
        assert_eq!(p.between(15.0, 35.0), 1..2);
    }

    #[test]
    fn an_anchor_keeps_its_place_when_heights_above_change() {
        let text = ["x"; 10].join("\n");
        let mut p = Paragraphs::new(&text, 10.0, 10.0);
        // The view's top is a quarter into paragraph 6.
        let a = p.anchor(62.5);
        assert_eq!(a.paragraph, 6);
        assert_eq!(a.fraction, 0.25);
        // Paragraphs above turn out taller: the same text is now lower.
        p.set_measured(2, 30.0);
        p.set_measured(4, 20.0);
        assert_eq!(p.y_of(a), 92.5);
        // Measuring the anchor's own paragraph keeps its top.
        p.set_measured(6, 40.0);
        assert_eq!(p.y_of(a), 100.0);
        assert_eq!(p.anchor(100.0), a);
    }
}
