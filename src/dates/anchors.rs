//! What a sentence names before a date expression that the expression
//! leans on: the last year ("In 2019 ... the next year"), the last quarter
//! ("the fourth quarter ... a year earlier"), and whether the words just
//! before make a comparison ("up from ... a year earlier"). For
//! [`crate::dates::periods`].
//!
//! Imports only `text` (layer `dates`).

use regex::Regex;
use std::sync::OnceLock;

/// A year from 1500 to 2099.
pub(crate) const Y: &str = r"((?:1[5-9]|20)\d{2})";
/// A quarter's or half's ordinal.
pub(crate) const ORDINAL: &str = r"(first|second|third|fourth|1st|2nd|3rd|4th)";

/// The number of an ordinal ("third", "3rd"; "final" is the fourth).
pub(crate) fn ordinal(s: &str) -> Option<u32> {
    let s = s.to_lowercase();
    Some(match s.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// The last year (or full date's year) named in `before`, the sentence up
/// to the expression.
pub(crate) fn year_named_before(before: &str) -> Option<i32> {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\b((?:1[5-9]|20)\d{2})\b").expect("valid pattern"))
        .captures_iter(before)
        .last()
        .and_then(|c| c[1].parse().ok())
}

/// Whether the words just before end a comparison ("up from $3 billion",
/// "higher than", "compared with the level"): "a year earlier" after them
/// is the same time a year before.
pub(crate) fn compares(before: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|over)\b[^.;:!?]{0,60}$")
            .expect("valid pattern")
    })
    .is_match(before)
}

/// The quarter (and its year, when given) named last in `before`.
pub(crate) fn quarter_named_before(before: &str) -> Option<(u32, Option<i32>)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let c = R
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i)\b(?:{ORDINAL}|(final))[\s-]+quarter(?:\s+(?:of\s+)?{Y})?|\bQ([1-4])(?:\s*{Y})?"
            ))
            .expect("valid pattern")
        })
        .captures_iter(before)
        .last()?;
    let q = c
        .get(1)
        .and_then(|m| ordinal(m.as_str()))
        .or(c.get(2).map(|_| 4))
        .or_else(|| c.get(4)?.as_str().parse().ok())?;
    let y = c.get(3).or(c.get(5)).and_then(|m| m.as_str().parse().ok());
    Some((q, y))
}
