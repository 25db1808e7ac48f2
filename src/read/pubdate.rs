//! Publication dates of plain-text articles, read from their first lines:
//! "Updated on 06/19/2023 06:06", "May 13, 2023, 8:09 a.m.", "06 June 2023
//! 14:01", "WASHINGTON, May 11 (Reuters) -". Pages often carry the date
//! they were saved above the real one, so a labelled date ("Updated",
//! "Published") beats a bare date line, which beats a dateline, which
//! beats a date inside a sentence.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::dates::edtf::DateValue;
use crate::dates::find::find_dates;
use crate::text::offsets::CharIndex;
use regex::Regex;
use std::sync::OnceLock;

/// How a candidate was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Labelled,
    DateLine,
    Dateline,
    InText,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Labelled => "labelled date",
            Kind::DateLine => "date line",
            Kind::Dateline => "dateline",
            Kind::InText => "date in the text",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub value: DateValue,
    pub kind: Kind,
    /// The line it was read from.
    pub evidence: String,
    /// 0-based index among the non-empty lines.
    pub line: usize,
    /// How a date the line does not give whole was completed ("May 11 was
    /// a Thursday in 2023, …"), shown with it.
    pub reason: Option<String>,
}

impl Candidate {
    /// "labelled date: 'Updated on 06/19/2023 06:06'".
    pub fn describe(&self) -> String {
        let said = format!(
            "{}: “{}”",
            self.kind.label(),
            crate::text::normalise::short(&self.evidence)
        );
        match &self.reason {
            Some(r) => format!("{said}; {r}"),
            None => said,
        }
    }
}

/// Lines of the text searched for the date.
pub(crate) const HEAD_LINES: usize = 25;
/// Lines in which a date inside a sentence (a caption) may be the date.
const IN_TEXT_LINES: usize = 8;
/// The chars of a line searched: a publication date stands at the start of
/// its line. A text of one 20 MB line was searched whole (37 s).
const HEAD_CHARS: usize = 2_000;
/// The chars searched for the years a text names (for a dateline without
/// one): the lead and far more, never a whole book.
const YEAR_CHARS: usize = 200_000;

/// `s` cut to its first `n` chars.
fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The first [`HEAD_LINES`] lines that are not blank, trimmed, each cut to
/// [`HEAD_CHARS`].
fn head_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .map(|l| head(l, HEAD_CHARS))
}

fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\W*(updated|published|posted|last updated|first published|date|released|issued)\b")
            .expect("valid pattern")
    })
}

fn dateline_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Z .'-]{2,40},(?:\s+[A-Z][a-z]+,)?\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,\s+(\d{4}))?\s*(?:\([^)]{1,40}\))?\s*[-–—]")
            .expect("valid pattern")
    })
}

/// Every candidate in the first lines, strongest first (then earliest
/// line), for an article that can be from today at the latest.
pub fn candidates(text: &str) -> Vec<Candidate> {
    candidates_until(text, today())
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// [`candidates`] of an article from `not_after` at the latest (the date
/// of its file, or when it was fetched): a dateline without a year is
/// never put after it.
pub fn candidates_until(text: &str, not_after: chrono::NaiveDate) -> Vec<Candidate> {
    let lines: Vec<&str> = head_lines(text).collect();
    // Only a dateline without a year needs the years in the whole text.
    let years = std::cell::OnceCell::new();
    let mut out: Vec<Candidate> = vec![];
    for (i, line) in lines.iter().enumerate() {
        if let Some(c) = dateline_re().captures(line) {
            let md = c.get(1).map(|m| m.as_str()).unwrap_or("");
            let after = &line[c.get(0).map_or(0, |m| m.end())..];
            // A year the line gives; else the one the lead's weekday pins;
            // else the latest the text names.
            let (year, reason) = match c.get(2) {
                Some(y) => (Some(y.as_str().to_string()), None),
                None => {
                    let named = years.get_or_init(|| years_in(text));
                    match crate::read::yearless::year_of(md, after, named, not_after) {
                        Some(y) => (Some(y.year.to_string()), Some(y.reason)),
                        None => (
                            named.last().map(|y| y.to_string()),
                            named
                                .last()
                                .map(|y| format!("the year is the latest the text names, {y}")),
                        ),
                    }
                }
            };
            if let Some(y) = year
                && let Some(v) = find_dates(&format!("{md}, {y}"), None)
                    .into_iter()
                    .find_map(|f| f.value)
            {
                out.push(Candidate {
                    value: v,
                    kind: Kind::Dateline,
                    evidence: line.chars().take(120).collect(),
                    line: i,
                    reason,
                });
            }
            continue;
        }
        let found = find_dates(line, None);
        if found.is_empty() {
            continue;
        }
        // Once per line, not once per date: a one-line text with many
        // dates stays linear.
        let idx = CharIndex::new(line);
        let labelled = label_re().is_match(line);
        for f in found {
            let Some(v) = f.value else { continue };
            if !v.is_exact_day() {
                continue;
            }
            let rest = &line[idx.byte(f.end)..];
            let before = &line[..idx.byte(f.start)];
            let kind = if labelled {
                Kind::Labelled
            } else if before.chars().all(char::is_whitespace) && is_time_or_nothing(rest) {
                Kind::DateLine
            } else if i < IN_TEXT_LINES {
                Kind::InText
            } else {
                // Further down, a date in a sentence is about the story.
                continue;
            };
            out.push(Candidate {
                value: v,
                kind,
                evidence: line.chars().take(120).collect(),
                line: i,
                reason: None,
            });
        }
    }
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.line.cmp(&b.line)));
    out
}

/// The best candidate, if any.
pub fn detect(text: &str) -> Option<Candidate> {
    detect_until(text, today())
}

/// The best of [`candidates_until`], if any.
pub fn detect_until(text: &str, not_after: chrono::NaiveDate) -> Option<Candidate> {
    candidates_until(text, not_after).into_iter().next()
}

/// Whether what follows a date on its line is only a time ("14:01",
/// ", 8:09 a.m.") or nothing.
fn is_time_or_nothing(rest: &str) -> bool {
    // Stops at the first other char: no copy of a long rest of the line.
    rest.trim_start()
        .trim_start_matches(',')
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ":.apmAPM".contains(c))
}

/// Explicit years in the text, for datelines that give none (sorted).
fn years_in(text: &str) -> Vec<i32> {
    let mut ys: Vec<i32> = find_dates(head(text, YEAR_CHARS), None)
        .iter()
        .filter_map(|f| f.value.as_ref()?.earliest())
        .map(|d| chrono::Datelike::year(&d))
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    ys.sort();
    ys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edtf(text: &str) -> Option<String> {
        detect(text).map(|c| c.value.edtf().to_string())
    }

    #[test]
    fn labelled_beats_bare_beats_dateline_beats_text() {
        assert_eq!(
            edtf("June 19, 2024\n\nTitle\n\nUpdated on 06/19/2023 06:06\n\nBody."),
            Some("2023-06-19".into())
        );
        assert_eq!(
            edtf("Title\n\nMay 13, 2023, 8:09 a.m.\n\nThe talks began on May 10, 2023."),
            Some("2023-05-13".into())
        );
        assert_eq!(
            edtf("Title\n06 June 2023 14:01\nBody"),
            Some("2023-06-06".into())
        );
        assert_eq!(
            edtf(
                "Title\n\nWASHINGTON, May 11, 2023 (Reuters) - Talks were held.\nIn 2023 the sides met."
            ),
            Some("2023-05-11".into())
        );
        assert_eq!(
            edtf("Caption: Blinken in Beijing on June 18, 2023.\nMore text."),
            Some("2023-06-18".into())
        );
        assert_eq!(edtf("No date at all here.\nNone."), None);
    }

    #[test]
    fn a_year_less_dateline_takes_its_year_from_the_text() {
        let t = "Title\n\nWASHINGTON, May 11 (Reuters) - Officials met.\n\nThe last meeting was in November 2022 and talks resumed in March 2023.";
        let c = detect(t).unwrap();
        assert_eq!(c.value.edtf(), "2023-05-11");
        assert_eq!(c.kind, Kind::Dateline);
        // Without any year in the text there is no date to offer.
        assert!(
            detect("Title\n\nWASHINGTON, May 11 (Reuters) - Officials met this week.").is_none()
        );
    }

    #[test]
    fn a_year_less_dateline_takes_the_year_its_weekday_pins_and_says_why() {
        let t = "Title\n\nWASHINGTON, May 11 (Reuters) - The sides agreed to talk again, an official said on Thursday.\n\nMore.";
        let c = detect_until(t, "2026-11-29".parse().unwrap()).unwrap();
        assert_eq!(c.value.edtf(), "2023-05-11");
        assert_eq!(c.kind, Kind::Dateline);
        let why = c.describe();
        assert!(why.starts_with("dateline: “WASHINGTON, May 11"), "{why}");
        assert!(why.contains("May 11 was a Thursday in 2023"), "{why}");
        // Never after the day the file was written.
        let c = detect_until(t, "2023-05-01".parse().unwrap()).unwrap();
        assert_eq!(c.value.edtf(), "2017-05-11");
    }
}

/// A dateline in the first lines that gives a day without a year, when no
/// candidate could be dated: ("May 11", the line). The user is asked for
/// the year rather than given a guess.
pub fn yearless_dateline(text: &str) -> Option<(String, String)> {
    head_lines(text).find_map(|l| {
        let c = dateline_re().captures(l)?;
        if c.get(2).is_some() {
            return None;
        }
        Some((c.get(1)?.as_str().to_string(), l.chars().take(80).collect()))
    })
}

#[cfg(test)]
mod yearless_tests {
    #[test]
    fn finds_the_dateline_without_a_year() {
        let t = "Title\n\nWASHINGTON, May 11 (Reuters) - Officials met this week.";
        let (md, line) = super::yearless_dateline(t).unwrap();
        assert_eq!(md, "May 11");
        assert!(line.starts_with("WASHINGTON"));
        assert!(super::yearless_dateline("WASHINGTON, May 11, 2023 (Reuters) - x").is_none());
    }
}
