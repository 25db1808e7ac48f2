//! Periods news names beyond days and months (issue 18): years standing
//! alone ("the 2014 summit"), ranges of years ("1998-99"), decades and
//! centuries, quarters, halves and fiscal years, seasons, years named
//! against another year of the sentence ("the next year"), the ends of
//! years and months, and years spelled out. Each is a rule of
//! [`crate::dates::find`] whose resolution is here.
//!
//! Conventions (said in each rule's text):
//! - a decade's early/mid/late part is its years 0-3, 4-6 and 7-9; a
//!   century is its years 00-99 ("the 19th century" is 1800-1899, as it
//!   is used), early/mid/late its thirds;
//! - quarters and halves are calendar ones; a fiscal year is named by its
//!   year (the fiscal calendar is not known);
//! - seasons are meteorological, northern hemisphere (summer is June to
//!   August; winter runs from December into the next year), written with
//!   EDTF's season codes; dates compared across sources overlap when
//!   either reading (meteorological or astronomical) does;
//! - the end of a year is its December; the end of a month its days 21 to
//!   the last, as "late May" is.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::anchors::{
    ORDINAL, Y, compares, ordinal, quarter_named_before, year_named_before,
};
use crate::dates::resolve::{Ctx, month_of};
use crate::dates::tense::Tense;
use chrono::{Datelike, Months, NaiveDate};

const SEASON: &str = r"(spring|summer|autumn|fall|winter)";
const DECADE_WORDS: &str =
    r"(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)";
const UNITS: &str = r"(?:one|two|three|four|five|six|seven|eight|nine)";
const TEENS: &str =
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const TENS: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

/// The rules this module resolves: (name, pattern), tried with the others.
pub(crate) fn rules() -> Vec<(&'static str, String)> {
    let m = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
    let two_digit = format!(r"(?:{TENS}(?:[\s-]{UNITS})?|{TEENS}|{UNITS})");
    vec![
        (
            "year range",
            format!(r"\b(?:(?:from|the|in|her|his|its|their)\s+)?{Y}\s*(?:-|–|to|through|until)\s*((?:1[5-9]|20)?\d{{2}})\b"),
        ),
        ("year between", format!(r"\bbetween\s+{Y}\s+and\s+{Y}\b")),
        (
            "attributive year",
            format!(r"\b(?:the|her|his|its|their|our|this|that|a|an|whose)\s+{Y}\b"),
        ),
        ("possessive year", format!(r"['’]s\s+{Y}\b")),
        (
            "decade",
            r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?((?:1[5-9]|20)\d0)['’]?s\b".to_string(),
        ),
        (
            "short decade",
            r"\bthe\s+(?:(early|mid|late)[\s-]+)?['’]?([1-9]0)['’]?s\b".to_string(),
        ),
        (
            "decade word",
            format!(r"\bthe\s+(?:(early|mid|late)[\s-]+)?{DECADE_WORDS}\b"),
        ),
        (
            "century",
            r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first|twenty[\s-]second)[\s-]+century\b".to_string(),
        ),
        (
            "relative century",
            r"\b(?:the\s+)?(last|previous|this|next|current)\s+century\b".to_string(),
        ),
        (
            "quarter",
            format!(r"\b(?:the\s+)?(?:{ORDINAL}|final)[\s-]+quarter(?:\s+(?:of\s+)?{Y})?\b"),
        ),
        ("q quarter", format!(r"\bQ([1-4])(?:\s*(?:of\s+)?{Y}|\s*['’](\d{{2}}))?\b")),
        (
            "month span quarter",
            format!(r"\bthe\s+({m})[-–]({m})\s+quarter\b"),
        ),
        (
            "relative quarter",
            r"\b(last|this|next|previous|current|coming)\s+quarter\b".to_string(),
        ),
        (
            "the quarter",
            format!(r"\bthe\s+(?:(latest|most\s+recent|recent|just[\s-]ended|past|reporting|current)\s+)?quarter(?:\s+(?:that\s+)?(?:ended|ending|through)\s+({m})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+{Y})?)?\b"),
        ),
        (
            "same period earlier",
            r"\bthe\s+same\s+(quarter|period|month|half)\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year|the\s+previous\s+year)\b".to_string(),
        ),
        (
            "half",
            format!(r"\b(?:the\s+)?(first|second|1st|2nd)[\s-]+half(?:\s+of\s+(?:the\s+year|this\s+year|next\s+year|last\s+year|{Y}))?\b"),
        ),
        ("h half", format!(r"\bH([12])(?:\s*(?:of\s+)?{Y})?\b")),
        ("fiscal year", format!(r"\bfiscal\s+(?:year\s+)?{Y}\b")),
        ("fy year", r"\bFY\s?['’]?(\d{4}|\d{2})\b".to_string()),
        (
            "relative fiscal year",
            r"\b(this|next|last|the\s+current|the\s+previous|the\s+coming|the\s+next|the\s+new)\s+fiscal\s+year\b".to_string(),
        ),
        (
            "season",
            format!(r"\b(?:(?:in|during|over|through|by|until|since|for|throughout)\s+)?the\s+{SEASON}(?:\s+of\s+{Y})?\b"),
        ),
        ("season year", format!(r"\b{SEASON}\s+(?:of\s+)?{Y}\b")),
        (
            "years before or after",
            r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(earlier|before|later|after|on)\b".to_string(),
        ),
        (
            "the next year",
            r"\bthe\s+(next|following|previous|preceding|same)\s+year\b".to_string(),
        ),
        (
            "that year",
            r"\b(?:(earlier|later)\s+(?:in\s+)?)?that\s+year\b".to_string(),
        ),
        (
            "end of the year",
            r"\b(?:(?:by|at|before|until|toward|towards|around)\s+)?the\s+end\s+of\s+(?:the\s+|this\s+)?(next\s+|last\s+)?(year|month)\b".to_string(),
        ),
        ("year-end", r"\byear[-\s]end\b".to_string()),
        (
            "spelled year",
            format!(
                r"\b(?:(nineteen|twenty)[\s-](?:hundred\s+(?:and\s+)?)?({two_digit})|two\s+thousand(?:\s+and)?\s+({two_digit})|(?:in|since|by|until|from|of)\s+two\s+thousand(?:(?:\s+and)?\s+({two_digit}))?)\b"
            ),
        ),
    ]
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "not a calendar date".into())
}

fn month_end(y: i32, m: u32) -> Result<NaiveDate, String> {
    ymd(y, m, 1)?
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| "not a calendar month".into())
}

fn months(y: i32, a: u32, b: u32) -> String {
    format!("{y:04}-{a:02}/{y:04}-{b:02}")
}

fn years(a: i32, b: i32) -> String {
    format!("{a:04}/{b:04}")
}

/// Of periods recurring every year (`span(y)` is year y's first and last
/// day), the one the tense means: past, the last that began on or before
/// publication; future, the next that has not ended; no tense, the
/// nearest.
pub(crate) fn by_tense(
    pubd: NaiveDate,
    tense: Tense,
    span: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<i32> {
    let y = pubd.year();
    let cands: Vec<(i32, NaiveDate, NaiveDate)> = (y - 2..=y + 2)
        .filter_map(|cy| span(cy).map(|(a, b)| (cy, a, b)))
        .collect();
    match tense {
        Tense::Past => cands.iter().rev().find(|c| c.1 <= pubd).map(|c| c.0),
        Tense::Future => cands.iter().find(|c| c.2 >= pubd).map(|c| c.0),
        Tense::Unmarked => cands
            .iter()
            .min_by_key(|c| {
                if pubd < c.1 {
                    (c.1 - pubd).num_days()
                } else if pubd > c.2 {
                    (pubd - c.2).num_days()
                } else {
                    0
                }
            })
            .map(|c| c.0),
    }
}

fn tense_word(t: Tense) -> &'static str {
    match t {
        Tense::Past => "past tense: the last one",
        Tense::Future => "future tense: the next one",
        Tense::Unmarked => "no tense: the nearest one",
    }
}

fn number(s: &str) -> Option<i32> {
    let s = s.to_lowercase().replace('-', " ");
    if let Ok(n) = s.trim().parse() {
        return Some(n);
    }
    let unit = |w: &str| {
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
        .iter()
        .position(|u| *u == w)
        .map(|i| i as i32 + 1)
    };
    let tens = |w: &str| {
        [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ]
        .iter()
        .position(|u| *u == w)
        .map(|i| (i as i32 + 2) * 10)
    };
    let words: Vec<&str> = s.split_whitespace().filter(|w| *w != "and").collect();
    match words.as_slice() {
        [w] => unit(w).or_else(|| tens(w)).or((*w == "a").then_some(1)),
        [t, u] => Some(tens(t)? + unit(u)?),
        _ => None,
    }
}

/// The year a recurring part of the year (its months `a..=b`) falls in,
/// given explicitly or by tense; and how.
fn year_of_part(c: &Ctx, given: Option<i32>, a: u32, b: u32) -> Result<(i32, String), String> {
    if let Some(y) = given {
        return Ok((y, "year given".into()));
    }
    let p = c.pubd.ok_or("cannot anchor: no publication date")?;
    let y = by_tense(p, c.tense, |y| {
        Some((ymd(y, a, 1).ok()?, month_end(y, b).ok()?))
    })
    .ok_or("no such period near publication")?;
    Ok((y, tense_word(c.tense).to_string()))
}

/// Resolve one of this module's rules; `None` when `rule` is another's.
pub(crate) fn resolve(rule: &str, c: &Ctx) -> Option<Result<(String, String), String>> {
    let s = |i: usize| c.caps.get(i).map(|m| m.as_str());
    let n = |i: usize| s(i).and_then(|v| v.parse::<i32>().ok());
    let need_pub = || {
        c.pubd
            .ok_or_else(|| "cannot anchor: no publication date".to_string())
    };
    let part_of = |w: Option<&str>| w.map(|w| w.to_lowercase());
    let r: Result<(String, String), String> = match rule {
        "year range" => (|| {
            let a = n(1).ok_or("no year")?;
            let raw = s(2).ok_or("no year")?;
            let b = if raw.len() == 2 {
                a - a % 100 + raw.parse::<i32>().map_err(|_| "no year")?
            } else {
                raw.parse().map_err(|_| "no year")?
            };
            if b <= a {
                return Err("not a range of years".to_string());
            }
            Ok((years(a, b), "range of years".into()))
        })(),
        "year between" => (|| {
            let (a, b) = (n(1).ok_or("no year")?, n(2).ok_or("no year")?);
            if b <= a {
                return Err("not a range of years".to_string());
            }
            Ok((years(a, b), "range of years".into()))
        })(),
        "attributive year" | "possessive year" => {
            let y = n(1)?;
            // "the 2014-15 season" is a range, read by its own rule.
            Ok((format!("{y:04}"), "year named".into()))
        }
        "decade" | "short decade" | "decade word" => (|| {
            let start = match rule {
                "decade" => n(2).ok_or("no decade")?,
                _ => {
                    let tens = if rule == "short decade" {
                        n(2).ok_or("no decade")?
                    } else {
                        let w = s(2).unwrap_or("").to_lowercase();
                        let i = [
                            "twenties",
                            "thirties",
                            "forties",
                            "fifties",
                            "sixties",
                            "seventies",
                            "eighties",
                            "nineties",
                        ]
                        .iter()
                        .position(|x| *x == w)
                        .ok_or("no decade")?;
                        (i as i32 + 2) * 10
                    };
                    // The last such decade that began before publication.
                    let p = need_pub()?.year();
                    let mut y = p - p % 100 + tens;
                    if y > p {
                        y -= 100;
                    }
                    y
                }
            };
            let (a, b, how) = match part_of(s(1)).as_deref() {
                Some("early") => (start, start + 3, "early decade: its years 0-3"),
                Some("mid") => (start + 4, start + 6, "mid decade: its years 4-6"),
                Some("late") => (start + 7, start + 9, "late decade: its years 7-9"),
                _ => (start, start + 9, "decade"),
            };
            Ok((years(a, b), how.into()))
        })(),
        "century" | "relative century" => (|| {
            let first = if rule == "century" {
                let w = s(2).unwrap_or("").to_lowercase().replace('-', " ");
                let nth: i32 = match w.trim_end_matches(|c: char| c.is_alphabetic()).parse() {
                    Ok(v) => v,
                    Err(_) => {
                        [
                            "first",
                            "second",
                            "third",
                            "fourth",
                            "fifth",
                            "sixth",
                            "seventh",
                            "eighth",
                            "ninth",
                            "tenth",
                            "eleventh",
                            "twelfth",
                            "thirteenth",
                            "fourteenth",
                            "fifteenth",
                            "sixteenth",
                            "seventeenth",
                            "eighteenth",
                            "nineteenth",
                            "twentieth",
                            "twenty first",
                            "twenty second",
                        ]
                        .iter()
                        .position(|x| *x == w)
                        .ok_or("no century")? as i32
                            + 1
                    }
                };
                (nth - 1) * 100
            } else {
                let p = need_pub()?.year();
                let this = p - p % 100;
                match s(1).unwrap_or("").to_lowercase().as_str() {
                    "last" | "previous" => this - 100,
                    "next" => this + 100,
                    _ => this,
                }
            };
            let (a, b, how) = match part_of(if rule == "century" { s(1) } else { None }).as_deref()
            {
                Some("early") => (first, first + 32, "early century: its first third"),
                Some("mid") => (first + 33, first + 66, "mid century: its middle third"),
                Some("late") => (first + 67, first + 99, "late century: its last third"),
                _ => (first, first + 99, "century, its years 00-99 as used"),
            };
            Ok((years(a, b), how.into()))
        })(),
        "quarter" | "q quarter" | "month span quarter" => (|| {
            let (q, given) = match rule {
                "quarter" => (
                    c.caps.get(1).and_then(|m| ordinal(m.as_str())).unwrap_or(4),
                    n(2),
                ),
                "q quarter" => (
                    n(1).ok_or("no quarter")? as u32,
                    n(2).or_else(|| n(3).map(|y| 2000 + y)),
                ),
                _ => {
                    let a = month_of(s(1).unwrap_or("")).ok_or("no month")?;
                    let b = month_of(s(2).unwrap_or("")).ok_or("no month")?;
                    if b != a + 2 || (a - 1) % 3 != 0 {
                        return Err("not a calendar quarter".into());
                    }
                    (a.div_ceil(3), None)
                }
            };
            let (a, b) = (q * 3 - 2, q * 3);
            let (y, how) = year_of_part(c, given, a, b)?;
            Ok((months(y, a, b), format!("calendar quarter {q}; {how}")))
        })(),
        "relative quarter" => (|| {
            let p = need_pub()?;
            let shift: i32 = match s(1).unwrap_or("").to_lowercase().as_str() {
                "last" | "previous" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            let index = p.year() * 4 + (p.month0() / 3) as i32 + shift;
            let (y, q) = (index.div_euclid(4), index.rem_euclid(4) as u32 + 1);
            Ok((
                months(y, q * 3 - 2, q * 3),
                "quarter relative to publication's".into(),
            ))
        })(),
        "the quarter" => (|| {
            let qualifier = s(1).map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "));
            // "The quarter ended Sept. 30": the three months to that month.
            if let Some(name) = s(2) {
                let last = month_of(name).ok_or("no month")?;
                let (y, how) = year_of_part(c, n(3), last, last)?;
                let end = ymd(y, last, 1)?;
                let start = end.checked_sub_months(Months::new(2)).ok_or("bad month")?;
                return Ok((
                    format!(
                        "{:04}-{:02}/{:04}-{:02}",
                        start.year(),
                        start.month(),
                        y,
                        last
                    ),
                    format!("the three months to the month the quarter ended; {how}"),
                ));
            }
            // "In the third quarter ... the quarter's": the one named.
            if qualifier.is_none()
                && let Some((q, given)) = quarter_named_before(c.before)
            {
                let (a, b) = (q * 3 - 2, q * 3);
                let (y, how) = year_of_part(c, given, a, b)?;
                return Ok((
                    months(y, a, b),
                    format!("the quarter named before it in the sentence ({q}); {how}"),
                ));
            }
            // Otherwise the one reported: the last whole quarter before
            // publication; the current one when the sentence looks ahead or
            // says "current".
            let p = need_pub()?;
            let now = p.year() * 4 + (p.month0() / 3) as i32;
            let current = qualifier
                .as_deref()
                .is_some_and(|q| q.eq_ignore_ascii_case("current"))
                || (qualifier.is_none() && c.tense == Tense::Future);
            let index = if current { now } else { now - 1 };
            let (y, q) = (index.div_euclid(4), index.rem_euclid(4) as u32 + 1);
            Ok((
                months(y, q * 3 - 2, q * 3),
                if current {
                    "the quarter publication falls in".into()
                } else {
                    "the last whole quarter before publication (the one a report gives)".into()
                },
            ))
        })(),
        "same period earlier" => (|| {
            let what = s(1).unwrap_or("").to_lowercase();
            if what != "quarter" {
                return Err(format!("cannot anchor: which {what} is not said"));
            }
            let (q, given) = quarter_named_before(c.before)
                .ok_or("cannot anchor: no quarter named before it in the sentence")?;
            let (a, b) = (q * 3 - 2, q * 3);
            let (y, _) = year_of_part(c, given, a, b)?;
            Ok((
                months(y - 1, a, b),
                format!("the quarter named before it (Q{q} {y}), a year earlier"),
            ))
        })(),
        "half" | "h half" => (|| {
            let h = match rule {
                "half" => match s(1).unwrap_or("").to_lowercase().as_str() {
                    "first" | "1st" => 1,
                    _ => 2,
                },
                _ => n(1).ok_or("no half")? as u32,
            };
            let whole = c.caps.get(0).map_or("", |m| m.as_str()).to_lowercase();
            let p = need_pub()?;
            let given = n(2).or_else(|| {
                if whole.contains("this year") {
                    Some(p.year())
                } else if whole.contains("next year") {
                    Some(p.year() + 1)
                } else if whole.contains("last year") {
                    Some(p.year() - 1)
                } else {
                    None
                }
            });
            let (a, b) = if h == 1 { (1, 6) } else { (7, 12) };
            let (y, how) = year_of_part(c, given, a, b)?;
            Ok((months(y, a, b), format!("half year {h}; {how}")))
        })(),
        "fiscal year" => n(1)
            .map(|y| {
                (
                    format!("{y:04}"),
                    "fiscal year, named by its year (its fiscal calendar is not known)".into(),
                )
            })
            .ok_or_else(|| "no year".to_string()),
        "fy year" => (|| {
            let raw = s(1).ok_or("no year")?;
            let y: i32 = raw.parse().map_err(|_| "no year")?;
            let y = if raw.len() == 2 { 2000 + y } else { y };
            Ok((
                format!("{y:04}"),
                "fiscal year, named by its year (its fiscal calendar is not known)".into(),
            ))
        })(),
        "relative fiscal year" => (|| {
            let p = need_pub()?.year();
            let w = s(1).unwrap_or("").to_lowercase();
            let y = if w.contains("next") || w.contains("coming") || w.contains("new") {
                p + 1
            } else if w.contains("last") || w.contains("previous") {
                p - 1
            } else {
                p
            };
            Ok((
                format!("{y:04}"),
                "fiscal year relative to publication's, named by its year".into(),
            ))
        })(),
        "season" | "season year" => (|| {
            let (name, given) = (s(1).unwrap_or("").to_lowercase(), n(2));
            let (code, a) = match name.as_str() {
                "spring" => (21, 3),
                "summer" => (22, 6),
                "autumn" | "fall" => (23, 9),
                _ => (24, 12),
            };
            let y = match given {
                Some(y) => y,
                None => {
                    let p = need_pub()?;
                    by_tense(p, c.tense, |y| {
                        let start = ymd(y, a, 1).ok()?;
                        let end = start.checked_add_months(Months::new(3))?.pred_opt()?;
                        Some((start, end))
                    })
                    .ok_or("no such season near publication")?
                }
            };
            Ok((
                format!("{y:04}-{code}"),
                format!(
                    "{name}, meteorological (northern hemisphere); {}",
                    if given.is_some() {
                        "year given"
                    } else {
                        tense_word(c.tense)
                    }
                ),
            ))
        })(),
        "years before or after" | "the next year" | "that year" => (|| {
            // "Revenue rose 4% in the fourth quarter from a year earlier":
            // the period named, a year before.
            if rule == "years before or after"
                && year_named_before(c.before).is_none()
                && let Some((q, given)) = quarter_named_before(c.before)
                && matches!(
                    s(2).map(str::to_lowercase).as_deref(),
                    Some("earlier" | "before")
                )
            {
                let k = number(s(1).unwrap_or("")).ok_or("no number")?;
                let (a, b) = (q * 3 - 2, q * 3);
                let (y, how) = year_of_part(c, given, a, b)?;
                return Ok((
                    months(y - k, a, b),
                    format!(
                        "quarter {q} named before it in the sentence ({how}), {k} year(s) before"
                    ),
                ));
            }
            // "Sales fell 3% from a year earlier": a comparison with the
            // same time a year before the report, when nothing else in the
            // sentence anchors it.
            if rule == "years before or after"
                && year_named_before(c.before).is_none()
                && matches!(
                    s(2).map(str::to_lowercase).as_deref(),
                    Some("earlier" | "before")
                )
                && compares(c.before)
            {
                let k = number(s(1).unwrap_or("")).ok_or("no number")?;
                let p = need_pub()?;
                return Ok((
                    format!("{:04}", p.year() - k),
                    format!("a comparison with {k} year(s) before publication"),
                ));
            }
            let anchor = year_named_before(c.before)
                .ok_or("cannot anchor: no year named before it in the sentence")?;
            let whole = c.caps.get(0).map_or("", |m| m.as_str()).to_lowercase();
            let shift = match rule {
                "years before or after" => {
                    let k = number(s(1).unwrap_or("")).ok_or("no number")?;
                    match s(2).unwrap_or("").to_lowercase().as_str() {
                        "earlier" | "before" => -k,
                        _ => k,
                    }
                }
                "the next year" => match s(1).unwrap_or("").to_lowercase().as_str() {
                    "next" | "following" => 1,
                    "same" => 0,
                    _ => -1,
                },
                _ => 0,
            };
            Ok((
                format!("{:04}", anchor + shift),
                format!("'{whole}': from {anchor}, the year named before it in the sentence"),
            ))
        })(),
        "end of the year" | "year-end" => (|| {
            let p = need_pub()?;
            let unit = if rule == "year-end" {
                "year".to_string()
            } else {
                s(2).unwrap_or("year").to_lowercase()
            };
            let rel = s(1).map(|w| w.trim().to_lowercase());
            if unit == "month" {
                let first = ymd(p.year(), p.month(), 1)?;
                let m = match rel.as_deref() {
                    Some("next") => first.checked_add_months(Months::new(1)),
                    Some("last") => first.checked_sub_months(Months::new(1)),
                    _ => Some(first),
                }
                .ok_or("bad month")?;
                let end = month_end(m.year(), m.month())?;
                return Ok((
                    format!("{}/{}", ymd(m.year(), m.month(), 21)?, end),
                    "end of a month: its days 21 to the last".into(),
                ));
            }
            let y = match rel.as_deref() {
                Some("next") => p.year() + 1,
                Some("last") => p.year() - 1,
                _ if c.tense == Tense::Past && p.month() <= 6 => p.year() - 1,
                _ => p.year(),
            };
            Ok((format!("{y:04}-12"), "end of a year: its December".into()))
        })(),
        "spelled year" => (|| {
            let y = if let Some(century) = s(1) {
                let hundreds = if century.eq_ignore_ascii_case("nineteen") {
                    1900
                } else {
                    2000
                };
                hundreds + number(s(2).unwrap_or("")).ok_or("no year")?
            } else {
                2000 + s(3).or(s(4)).and_then(number).unwrap_or(0)
            };
            Ok((format!("{y:04}"), "year spelled out".into()))
        })(),
        _ => return None,
    };
    Some(r)
}
