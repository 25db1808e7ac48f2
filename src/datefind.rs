//! Finding and resolving date expressions in news text, the way temporal
//! taggers such as HeidelTime do: relative expressions ("on Wednesday",
//! "last November", "earlier this month") are anchored on the article's
//! publication date, with the tense of the sentence deciding between the
//! last and the next occurrence. Every result carries the rule used;
//! expressions that cannot be anchored are reported, never guessed.

use crate::dates::DateValue;
use crate::model::CharIndex;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Char offsets of the expression.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The resolved date, or None when it cannot be anchored.
    #[serde(skip)]
    pub value: Option<DateValue>,
    pub edtf: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    /// The rule that resolved it, or why it could not be.
    pub rule: String,
}

const MONTH_RE: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
const WEEKDAY_RE: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

fn month_of(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| s.starts_with(n))
        .map(|i| i as u32 + 1)
}

fn weekday_of(s: &str) -> Option<Weekday> {
    let s = s.to_lowercase();
    [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ]
    .iter()
    .find(|(p, _)| s.starts_with(p))
    .map(|&(_, w)| w)
}

fn number_word(s: &str) -> Option<i64> {
    let s = s.to_lowercase();
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words
        .iter()
        .position(|w| *w == s)
        .map(|i| i as i64 + 1)
        .or(if s == "a" || s == "an" { Some(1) } else { None })
}

struct Rule {
    name: &'static str,
    re: Regex,
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let m = MONTH_RE;
        let w = WEEKDAY_RE;
        let d = r"(\d{1,2})(?:st|nd|rd|th)?";
        let y = r"((?:19|20)\d{2})";
        let num = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)";
        let defs: Vec<(&'static str, String)> = vec![
            ("iso date", format!(r"\b{y}-(\d{{2}})-(\d{{2}})\b")),
            ("numeric date", r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b".to_string()),
            // Ranges.
            ("month day range", format!(r"\b(?:from\s+)?({m})\s+{d}\s*(?:-|–|to|and|through|until)\s*(?:({m})\s+)?{d}(?:,?\s+{y})?\b")),
            ("day month range", format!(r"\b{d}\s*(?:-|–|to|and)\s*{d}\s+({m})(?:,?\s+{y})?\b")),
            ("weekday pair", format!(r"\b(?:on\s+)?({w})\s+and\s+({w})\b")),
            // Single days.
            ("month day year", format!(r"\b({m})\s+{d},?\s+{y}\b")),
            ("day month year", format!(r"\b{d}\s+({m}),?\s+{y}\b")),
            ("month day", format!(r"\b({m})\s+{d}\b")),
            ("day month", format!(r"\b{d}\s+({m})\b")),
            // Parts of months.
            ("part of month", format!(r"\b(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|end\s+of|mid-)\s*-?\s*({m})(?:\s+{y})?\b")),
            ("month year", format!(r"\b({m})\s+(?:of\s+)?{y}\b")),
            ("relative month name", format!(r"\b(last|this|next|in|since|until|by|early|earlier|a|the)\s+({m})\b")),
            // Relative expressions.
            ("earlier/later this", r"\b(earlier|later)\s+this\s+(week|month|year)\b".to_string()),
            ("last/this/next unit", r"\b(last|this|next|past|coming)\s+(week|month|year|weekend|summer|winter|spring|autumn|fall)\b".to_string()),
            ("the weekend", r"\b(?:over|at|during)\s+the\s+weekend\b".to_string()),
            ("ago", format!(r"\b{num}\s+(day|week|month|year)s?\s+ago\b")),
            ("yesterday/today/tomorrow", r"\b(yesterday|today|tomorrow)\b".to_string()),
            ("weekday", format!(r"\b(?:(last|next|this|on)\s+)?({w})(?:'s)?\b")),
            ("year", format!(r"\b(?:in|since|by|until|from|before|after|of|early|mid|late|during)\s+{y}\b")),
        ];
        defs.into_iter()
            .map(|(name, pat)| Rule {
                name,
                // ASCII word boundaries: a Unicode \b makes the regex engine
                // give up its fast DFA on any text with a curly quote, and
                // every rule here starts and ends with ASCII words or digits.
                re: Regex::new(&format!("(?i){}", pat.replace(r"\b", r"(?-u:\b)")))
                    .expect("valid date pattern"),
            })
            .collect()
    })
}

/// Whether the sentence speaks of the future.
fn future_tense(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    STRONG_FUTURE.iter().any(|k| s.contains(k))
}

/// Markers of the future strong enough to set the tense of a sentence.
const STRONG_FUTURE: &[&str] = &[
    " will ",
    "'ll ",
    "’ll ",
    " is due to",
    " are due to",
    " is scheduled to",
    " are scheduled to",
    " is set to",
    " are set to",
    " plans to",
    " plan to",
    " is expected to",
    " are expected to",
    " is to ",
    " are to ",
    " would visit",
    " upcoming",
    " is planned",
    " are planned",
];

/// Modals that speak of what may come ("could take place", "might meet"):
/// only the clause they stand in is in the future.
const WEAK_FUTURE: &[&str] = &[" could ", " might ", " may be ", " may also ", " can be "];

/// The clause around chars `s..e`, inside its sentence: up to the nearest
/// comma, semicolon, colon, dash or bracket on each side.
fn clause(chars: &[char], s: usize, e: usize) -> String {
    let (sa, sb) = sentence_bounds(chars, s, e);
    let stop = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let mut a = s;
    while a > sa && !stop(chars[a - 1]) {
        a -= 1;
    }
    let mut b = e.min(sb);
    while b < sb && !stop(chars[b]) {
        b += 1;
    }
    format!(" {} ", chars[a..b].iter().collect::<String>())
}

/// The tense that decides between the last and the next occurrence.
fn is_future(chars: &[char], s: usize, e: usize) -> bool {
    if past_verb_before(chars, s) {
        return false;
    }
    let c = clause(chars, s, e).to_lowercase();
    WEAK_FUTURE
        .iter()
        .chain(STRONG_FUTURE)
        .any(|k| c.contains(k))
        || future_tense(&sentence(chars, s, e))
}

/// Whether one of the three words before `start` is a past-tense verb
/// ("said on Sunday that they would meet" speaks of a past Sunday).
fn past_verb_before(chars: &[char], start: usize) -> bool {
    let mut a = start;
    let mut words = 0;
    while a > 0 && words < 3 {
        a -= 1;
        if chars[a] == ' ' {
            words += 1;
        }
        if matches!(chars[a], '.' | '!' | '?' | '\n' | ',') {
            break;
        }
    }
    let before: String = chars[a..start].iter().collect::<String>().to_lowercase();
    before.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w,
            "said"
                | "met"
                | "told"
                | "held"
                | "spoke"
                | "made"
                | "took"
                | "came"
                | "went"
                | "was"
                | "were"
                | "since"
                | "ago"
                | "earlier"
                | "previous"
                | "previously"
                | "first"
                | "had"
                | "announced"
                | "visited"
                | "arrived"
                | "talked"
                | "called"
                | "stated"
                | "agreed"
                | "left"
        ) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
    })
}

/// Whether the char at `i` ends a sentence: a newline, or '.', '!', '?'
/// after a lowercase letter, digit or quote and before a space and a
/// capital (so "U.S. Secretary" and "Aug. 4" do not end one).
fn ends_sentence(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '\n' | '。' | '！' | '？' => true,
        '.' | '!' | '?' => {
            let prev_ok = i == 0 || {
                let p = chars[i - 1];
                p.is_lowercase() || p.is_ascii_digit() || matches!(p, '"' | '”' | '’' | ')')
            };
            let next_ok = match chars.get(i + 1) {
                None => true,
                Some(c) if c.is_whitespace() => chars
                    .get(i + 2)
                    .is_none_or(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘')),
                Some(c) => matches!(c, '"' | '”' | '’'),
            };
            prev_ok && next_ok
        }
        _ => false,
    }
}

/// The chars of the sentence(s) around `s..e`: (start, end).
pub fn sentence_bounds(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let mut a = s.min(chars.len());
    while a > 0 && !ends_sentence(chars, a - 1) {
        a -= 1;
    }
    let mut b = e.min(chars.len());
    if b > a && ends_sentence(chars, b - 1) {
        return (a, b);
    }
    while b < chars.len() && !ends_sentence(chars, b) {
        b += 1;
    }
    (a, b)
}

/// The sentence around chars `s..e` of `chars`, padded with spaces.
fn sentence(chars: &[char], s: usize, e: usize) -> String {
    let (a, b) = sentence_bounds(chars, s, e);
    format!(" {} ", chars[a..b].iter().collect::<String>())
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn interval(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day(a)
    } else {
        format!("{}/{}", day(a), day(b))
    }
}

/// The year for a month (and day) given without one: the publication year,
/// unless that puts a past-tense event after publication (then the year
/// before) or a future-tense one before it (then the year after).
fn year_for(month: u32, dom: Option<u32>, pubd: NaiveDate, future: bool) -> (i32, &'static str) {
    let y = pubd.year();
    // Within six weeks of publication on the side the tense points to, or
    // within a week on either side, the nearest year wins ("the visit of
    // June 5 could help..." on 6 June).
    let near = [y - 1, y, y + 1].into_iter().find(|&cy| {
        let day = dom.unwrap_or(15).min(28);
        NaiveDate::from_ymd_opt(cy, month, day).is_some_and(|d| {
            let gap = (d - pubd).num_days();
            let right_side = if future { gap >= 0 } else { gap <= 0 };
            gap.abs() <= 7 || (right_side && gap.abs() <= 45)
        })
    });
    if let Some(cy) = near {
        return (cy, "the nearest such date to publication");
    }
    let key = (month, dom.unwrap_or(if future { 31 } else { 1 }));
    let pkey = (pubd.month(), pubd.day());
    if !future && key > pkey {
        (y - 1, "year before publication (past tense, later month)")
    } else if future && key < pkey {
        (
            y + 1,
            "year after publication (future tense, earlier month)",
        )
    } else {
        (y, "publication year")
    }
}

/// The weekday `w` on or before `pubd` (past) or after it (future).
fn weekday_near(w: Weekday, pubd: NaiveDate, future: bool, strict: bool) -> NaiveDate {
    let p = pubd.weekday().num_days_from_monday() as i64;
    let t = w.num_days_from_monday() as i64;
    if future {
        let mut ahead = (t - p).rem_euclid(7);
        if ahead == 0 && strict {
            ahead = 7;
        }
        pubd + Duration::days(ahead)
    } else {
        let mut back = (p - t).rem_euclid(7);
        if strict && back == 0 {
            back = 7;
        }
        pubd - Duration::days(back)
    }
}

struct Ctx<'a> {
    pubd: Option<NaiveDate>,
    future: bool,
    caps: &'a regex::Captures<'a>,
}

impl Ctx<'_> {
    fn s(&self, i: usize) -> Option<&str> {
        self.caps.get(i).map(|m| m.as_str())
    }
    fn n(&self, i: usize) -> Option<u32> {
        self.s(i)?.parse().ok()
    }
}

/// Resolve one match: (EDTF, rule description) or Err(why not).
fn resolve(rule: &str, c: &Ctx) -> Result<(String, String), String> {
    let need_pub = || {
        c.pubd
            .ok_or_else(|| "cannot anchor: no publication date".to_string())
    };
    let ymd = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "not a calendar date".to_string())
    };
    let tense = if c.future { "future" } else { "past" };
    match rule {
        "iso date" => {
            let d = ymd(
                c.s(1).unwrap_or("").parse().unwrap_or(0),
                c.n(2).unwrap_or(0),
                c.n(3).unwrap_or(0),
            )?;
            Ok((day(d), "explicit ISO date".into()))
        }
        "numeric date" => {
            let (a, b, y) = (
                c.n(1).unwrap_or(0),
                c.n(2).unwrap_or(0),
                c.n(3).unwrap_or(0) as i32,
            );
            if a > 12 {
                Ok((
                    day(ymd(y, b, a)?),
                    "numeric date, day first (first number > 12)".into(),
                ))
            } else if b > 12 || a == b {
                Ok((day(ymd(y, a, b)?), "numeric date, month first".into()))
            } else {
                Ok((
                    day(ymd(y, a, b)?),
                    "numeric date, month first (US order assumed; ambiguous)".into(),
                ))
            }
        }
        "month day range" => {
            let m1 = month_of(c.s(1).unwrap_or("")).ok_or("no month")?;
            let d1 = c.n(2).ok_or("no day")?;
            let m2 = c.s(3).and_then(month_of).unwrap_or(m1);
            let d2 = c.n(4).ok_or("no day")?;
            let (y, how) = match c.n(5) {
                Some(y) => (y as i32, "explicit year".to_string()),
                None => {
                    let p = need_pub()?;
                    let (y, how) = year_for(m1, Some(d1), p, c.future);
                    (y, format!("{how}, {tense} tense"))
                }
            };
            let a = ymd(y, m1, d1)?;
            let y2 = if m2 < m1 { y + 1 } else { y };
            let b = ymd(y2, m2, d2)?;
            if b < a {
                return Err("the range ends before it starts".into());
            }
            Ok((interval(a, b), format!("day range; {how}")))
        }
        "day month range" => {
            let (d1, d2) = (c.n(1).ok_or("no day")?, c.n(2).ok_or("no day")?);
            let m = month_of(c.s(3).unwrap_or("")).ok_or("no month")?;
            let (y, how) = match c.n(4) {
                Some(y) => (y as i32, "explicit year".to_string()),
                None => {
                    let (y, how) = year_for(m, Some(d1), need_pub()?, c.future);
                    (y, format!("{how}, {tense} tense"))
                }
            };
            let (a, b) = (ymd(y, m, d1)?, ymd(y, m, d2)?);
            if b < a {
                return Err("the range ends before it starts".into());
            }
            Ok((interval(a, b), format!("day range; {how}")))
        }
        "weekday pair" => {
            let p = need_pub()?;
            let (w1, w2) = (
                weekday_of(c.s(1).unwrap_or("")).ok_or("no weekday")?,
                weekday_of(c.s(2).unwrap_or("")).ok_or("no weekday")?,
            );
            let (a, b) = if c.future {
                let a = weekday_near(w1, p, true, true);
                (a, weekday_near(w2, a - Duration::days(1), true, true))
            } else {
                let b = weekday_near(w2, p, false, false);
                (weekday_near(w1, b, false, true), b)
            };
            Ok((
                interval(a, b),
                format!(
                    "two weekdays, the {} ones {} publication",
                    if c.future { "next" } else { "last" },
                    if c.future { "after" } else { "on or before" }
                ),
            ))
        }
        "month day year" => {
            let m = month_of(c.s(1).unwrap_or("")).ok_or("no month")?;
            Ok((
                day(ymd(c.n(3).unwrap_or(0) as i32, m, c.n(2).unwrap_or(0))?),
                "explicit date".into(),
            ))
        }
        "day month year" => {
            let m = month_of(c.s(2).unwrap_or("")).ok_or("no month")?;
            Ok((
                day(ymd(c.n(3).unwrap_or(0) as i32, m, c.n(1).unwrap_or(0))?),
                "explicit date".into(),
            ))
        }
        "month day" | "day month" => {
            let (m, d) = if rule == "month day" {
                (
                    month_of(c.s(1).unwrap_or("")).ok_or("no month")?,
                    c.n(2).ok_or("no day")?,
                )
            } else {
                (
                    month_of(c.s(2).unwrap_or("")).ok_or("no month")?,
                    c.n(1).ok_or("no day")?,
                )
            };
            if d == 0 || d > 31 {
                return Err("not a day of the month".into());
            }
            let (y, how) = year_for(m, Some(d), need_pub()?, c.future);
            Ok((
                day(ymd(y, m, d)?),
                format!("day without year: {how}, {tense} tense"),
            ))
        }
        "part of month" => {
            let part = c.s(1).unwrap_or("").to_lowercase();
            let m = month_of(c.s(2).unwrap_or("")).ok_or("no month")?;
            let (y, how) = match c.n(3) {
                Some(y) => (y as i32, "explicit year".to_string()),
                None => {
                    let (y, how) = year_for(m, None, need_pub()?, c.future);
                    (y, format!("{how}, {tense} tense"))
                }
            };
            let end = month_end(y, m).ok_or("bad month")?.day();
            let (a, b, what) = if part.starts_with("early") || part.contains("beginning") {
                (1, 10, "early month: days 1-10")
            } else if part.starts_with("mid") {
                (11, 20, "mid month: days 11-20")
            } else if part.starts_with("late") {
                (21, end, "late month: days 21 to the end")
            } else {
                (21, end, "end of month: days 21 to the end")
            };
            Ok((
                interval(ymd(y, m, a)?, ymd(y, m, b)?),
                format!("{what}; {how}"),
            ))
        }
        "month year" => {
            let m = month_of(c.s(1).unwrap_or("")).ok_or("no month")?;
            Ok((
                format!("{:04}-{:02}", c.n(2).unwrap_or(0), m),
                "month and year".into(),
            ))
        }
        "relative month name" => {
            let p = need_pub()?;
            let word = c.s(1).unwrap_or("").to_lowercase();
            let m = month_of(c.s(2).unwrap_or("")).ok_or("no month")?;
            let (y, how) = match word.as_str() {
                "last" => {
                    let y = if m < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    (
                        y,
                        "'last' month name: the most recent one before publication".to_string(),
                    )
                }
                "next" => {
                    let y = if m > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    };
                    (
                        y,
                        "'next' month name: the first one after publication".to_string(),
                    )
                }
                "this" => (p.year(), "'this' month name: publication year".to_string()),
                "since" => {
                    let y = if m <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    (
                        y,
                        "'since' month name: the most recent one up to publication".to_string(),
                    )
                }
                _ => {
                    let (y, how) = year_for(m, None, p, c.future);
                    (y, format!("month name: {how}, {tense} tense"))
                }
            };
            let value = if word == "early" {
                interval(ymd(y, m, 1)?, ymd(y, m, 10)?)
            } else {
                format!("{y:04}-{m:02}")
            };
            Ok((value, how))
        }
        "earlier/later this" => {
            let p = need_pub()?;
            let (which, unit) = (
                c.s(1).unwrap_or("").to_lowercase(),
                c.s(2).unwrap_or("").to_lowercase(),
            );
            let start = match unit.as_str() {
                "week" => p - Duration::days(p.weekday().num_days_from_monday() as i64),
                "month" => ymd(p.year(), p.month(), 1)?,
                _ => ymd(p.year(), 1, 1)?,
            };
            let end = match unit.as_str() {
                "week" => start + Duration::days(6),
                "month" => month_end(p.year(), p.month()).ok_or("bad month")?,
                _ => ymd(p.year(), 12, 31)?,
            };
            if which == "earlier" {
                let b = p.pred_opt().ok_or("bad date")?;
                if b < start {
                    return Err(format!("publication is the first day of the {unit}"));
                }
                Ok((
                    interval(start, b),
                    format!("earlier this {unit}: its start to the day before publication"),
                ))
            } else {
                let a = p.succ_opt().ok_or("bad date")?;
                if a > end {
                    return Err(format!("publication is the last day of the {unit}"));
                }
                Ok((
                    interval(a, end),
                    format!("later this {unit}: the day after publication to its end"),
                ))
            }
        }
        "last/this/next unit" => {
            let p = need_pub()?;
            let (which, unit) = (
                c.s(1).unwrap_or("").to_lowercase(),
                c.s(2).unwrap_or("").to_lowercase(),
            );
            let shift: i32 = match which.as_str() {
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            match unit.as_str() {
                "week" => {
                    let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64)
                        + Duration::weeks(shift as i64);
                    Ok((
                        interval(monday, monday + Duration::days(6)),
                        format!("{which} week: Monday to Sunday"),
                    ))
                }
                "weekend" => {
                    let sat = if shift < 0 || (shift == 0 && !c.future) {
                        weekday_near(
                            Weekday::Sat,
                            p,
                            false,
                            shift < 0 && p.weekday() == Weekday::Sat,
                        )
                    } else {
                        weekday_near(Weekday::Sat, p, true, true)
                    };
                    Ok((
                        interval(sat, sat + Duration::days(1)),
                        format!("{which} weekend: Saturday and Sunday"),
                    ))
                }
                "month" => {
                    let first = ymd(p.year(), p.month(), 1)?;
                    let d = if shift < 0 {
                        first.checked_sub_months(Months::new(1))
                    } else {
                        first.checked_add_months(Months::new(shift as u32))
                    }
                    .ok_or("bad month")?;
                    Ok((
                        format!("{:04}-{:02}", d.year(), d.month()),
                        format!("{which} month"),
                    ))
                }
                "year" => Ok((format!("{:04}", p.year() + shift), format!("{which} year"))),
                season => {
                    // EDTF level 1 seasons: 21 spring, 22 summer, 23 autumn, 24 winter.
                    let (code, months) = match season {
                        "spring" => (21, 3..=5),
                        "summer" => (22, 6..=8),
                        "autumn" | "fall" => (23, 9..=11),
                        _ => (24, 12..=14),
                    };
                    let pm = p.month();
                    let in_season = months.contains(&pm) || (code == 24 && pm <= 2);
                    let this_year = if code == 24 && pm <= 2 {
                        p.year() - 1
                    } else {
                        p.year()
                    };
                    let y = match shift {
                        -1 if in_season || *months.start() > pm => this_year - 1,
                        -1 => this_year,
                        1 if *months.start() > pm && !in_season => this_year,
                        1 => this_year + 1,
                        _ => this_year,
                    };
                    Ok((format!("{y:04}-{code}"), format!("{which} {season}")))
                }
            }
        }
        "the weekend" => {
            let p = need_pub()?;
            let sat = weekday_near(Weekday::Sat, p, c.future, false);
            let sat = if !c.future && p.weekday() == Weekday::Sat {
                p
            } else {
                sat
            };
            Ok((
                interval(sat, sat + Duration::days(1)),
                format!(
                    "the weekend {} publication",
                    if c.future { "after" } else { "before" }
                ),
            ))
        }
        "ago" => {
            let p = need_pub()?;
            let n = number_word(c.s(1).unwrap_or("")).ok_or("no number")?;
            match c.s(2).unwrap_or("").to_lowercase().as_str() {
                "day" => Ok((
                    day(p - Duration::days(n)),
                    "N days before publication".into(),
                )),
                "week" => Ok((
                    format!("{}~", day(p - Duration::weeks(n))),
                    "N weeks before publication (approximate)".into(),
                )),
                "month" => {
                    let d = p
                        .checked_sub_months(Months::new(n as u32))
                        .ok_or("out of range")?;
                    Ok((
                        format!("{:04}-{:02}~", d.year(), d.month()),
                        "N months before publication (approximate month)".into(),
                    ))
                }
                _ => Ok((
                    format!("{:04}~", p.year() - n as i32),
                    "N years before publication (approximate year)".into(),
                )),
            }
        }
        "yesterday/today/tomorrow" => {
            let p = need_pub()?;
            let (d, what) = match c.s(1).unwrap_or("").to_lowercase().as_str() {
                "yesterday" => (p - Duration::days(1), "the day before publication"),
                "tomorrow" => (p + Duration::days(1), "the day after publication"),
                _ => (p, "the publication day"),
            };
            Ok((day(d), what.into()))
        }
        "weekday" => {
            let p = need_pub()?;
            let w = weekday_of(c.s(2).unwrap_or("")).ok_or("no weekday")?;
            let modifier = c.s(1).map(|s| s.to_lowercase());
            let (d, how) = match modifier.as_deref() {
                Some("last") => (
                    weekday_near(w, p, false, true),
                    "'last' weekday: the most recent one before publication",
                ),
                Some("next") => (
                    weekday_near(w, p, true, true),
                    "'next' weekday: the first one after publication",
                ),
                _ if c.future => (
                    weekday_near(w, p, true, false),
                    "weekday in a future-tense sentence: the next one on or after publication",
                ),
                _ => (
                    weekday_near(w, p, false, false),
                    "weekday: the most recent one on or before publication",
                ),
            };
            Ok((day(d), how.into()))
        }
        "year" => Ok((
            format!("{:04}", c.n(1).unwrap_or(0)),
            "explicit year".into(),
        )),
        _ => Err("unknown rule".into()),
    }
}

/// Every date expression in `text`, resolved against the publication date.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<Found> {
    let idx = CharIndex::new(text);
    let chars: Vec<char> = text.chars().collect();
    // (byte start, byte end, rule index)
    let mut hits: Vec<(usize, usize, usize)> = vec![];
    for (ri, r) in rules().iter().enumerate() {
        for m in r.re.find_iter(text) {
            hits.push((m.start(), m.end(), ri));
        }
    }
    // Longest first ("in November 2022" over "in November"), then earlier
    // rules, then earlier starts; a match overlapping a chosen one is dropped.
    hits.sort_by(|a, b| {
        (b.1 - b.0)
            .cmp(&(a.1 - a.0))
            .then(a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    // Chosen matches never overlap, so keyed by start, only the last one
    // starting before a hit ends can overlap it.
    let mut taken: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    for h in hits {
        if taken
            .range(..h.1)
            .next_back()
            .is_some_and(|(_, &(end, _))| end > h.0)
        {
            continue;
        }
        taken.insert(h.0, (h.1, h.2));
    }
    let chosen: Vec<(usize, usize, usize)> =
        taken.into_iter().map(|(s, (e, r))| (s, e, r)).collect();
    let mut out = vec![];
    for (bs, be, ri) in chosen {
        let rule = &rules()[ri];
        let slice = &text[bs..be];
        let Some(caps) = rule.re.captures(slice) else {
            continue;
        };
        let (start, end) = (idx.char_of_byte(bs), idx.char_of_byte(be));
        // "May" is also a verb, and a bare weekday/month word with no
        // preposition in front may be a name: skip the doubtful ones.
        if doubtful(rule.name, slice, &chars, start) {
            continue;
        }
        let ctx = Ctx {
            pubd: published,
            future: is_future(&chars, start, end),
            caps: &caps,
        };
        let (value, rule_text) = match resolve(rule.name, &ctx) {
            Ok((edtf, how)) => match DateValue::parse(&edtf) {
                Ok(v) => {
                    let how = match published {
                        Some(p) if !how.starts_with("explicit") => {
                            format!("{how} ({})", relative_to(p))
                        }
                        _ => how,
                    };
                    (Some(v.with_source(slice, how.clone())), how)
                }
                Err(e) => (None, format!("cannot resolve: {}", e.reason)),
            },
            Err(why) => (None, why),
        };
        out.push(Found {
            start,
            end,
            text: slice.to_string(),
            edtf: value.as_ref().map(|v| v.edtf().to_string()),
            earliest: value
                .as_ref()
                .and_then(|v| v.earliest())
                .map(|d| d.to_string()),
            latest: value
                .as_ref()
                .and_then(|v| v.latest())
                .map(|d| d.to_string()),
            value,
            rule: rule_text,
        });
    }
    out
}

fn relative_to(p: NaiveDate) -> String {
    format!("relative to {}", p.format("%-d %B %Y"))
}

fn doubtful(rule: &str, slice: &str, chars: &[char], start: usize) -> bool {
    let lower = slice.to_lowercase();
    match rule {
        // "may" as a verb: "they may 5 ..." is rare; require a capital M.
        "month day" | "day month" | "relative month name" | "part of month" => {
            lower.contains("may") && !slice.contains("May")
        }
        // "Sunday Times", "Tuesday's" are fine; a weekday starting a
        // sentence is fine; lowercase weekday words are rare in news.
        "weekday" => {
            let word = slice.split_whitespace().last().unwrap_or(slice);
            let at = start + slice.chars().count() - word.chars().count();
            !word.chars().any(|c| c.is_uppercase()) || is_title_word(chars, at)
        }
        _ => false,
    }
}

/// Whether the word at `start` is in a run of capitalised words that looks
/// like a name ("Sunday Times").
fn is_title_word(chars: &[char], start: usize) -> bool {
    let mut end = start;
    while end < chars.len() && chars[end].is_alphabetic() {
        end += 1;
    }
    let next_word_cap =
        chars.get(end) == Some(&' ') && chars.get(end + 1).is_some_and(|c| c.is_uppercase());
    let next: String = chars
        .iter()
        .skip(end + 1)
        .take_while(|c| c.is_alphabetic())
        .collect();
    next_word_cap && !matches!(next.as_str(), "and" | "And" | "I") && next != "The"
}

/// The date to offer for a passage: the first expression inside it, else
/// the nearest one in the same sentence. Nothing further away: a date in
/// the next sentence usually belongs to something else.
pub fn suggest_for<'a>(
    found: &'a [Found],
    text: &str,
    start: usize,
    end: usize,
) -> Option<&'a Found> {
    let inside = found
        .iter()
        .find(|f| f.value.is_some() && f.start >= start && f.end <= end);
    if inside.is_some() {
        return inside;
    }
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = sentence_bounds(&chars, start, end.max(start + 1).min(chars.len()));
    found
        .iter()
        .filter(|f| f.value.is_some() && f.start >= a && f.end <= b)
        .min_by_key(|f| {
            if f.end <= start {
                start - f.end
            } else {
                f.start.saturating_sub(end)
            }
        })
}

/// A date typed by a person: EDTF ("2023-05-10/2023-05-11", "2023-01~")
/// or an ordinary form ("10-11 May 2023", "May 2023", "c. Jan 2023",
/// "late June 2024", "Nov. 14, 2022"). "c."/"circa"/"about" make it
/// approximate, a trailing "?" uncertain. Relative words need an anchor,
/// so they are refused here.
pub fn parse_typed(input: &str) -> Result<DateValue, crate::dates::DateError> {
    let trimmed = input.trim();
    if let Ok(v) = DateValue::parse(trimmed) {
        return Ok(v);
    }
    let err = |reason: &str| crate::dates::DateError {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let mut s = trimmed.to_string();
    let mut approximate = false;
    for p in [
        "c.",
        "ca.",
        "circa",
        "about",
        "around",
        "approx.",
        "approximately",
        "~",
    ] {
        if s.to_lowercase().starts_with(p) {
            s = s[p.len()..].trim().to_string();
            approximate = true;
            break;
        }
    }
    let uncertain = s.ends_with('?');
    let s = s.trim_end_matches('?').trim().to_string();
    let found = find_dates(&s, None);
    let [f] = found.as_slice() else {
        return Err(err(
            "write EDTF (2023-05-10, 2023-05, 2023-05-10/2023-05-11, 2023-01~) or a date such as 10-11 May 2023, May 2023, c. Jan 2023",
        ));
    };
    if f.start != 0 || f.end != s.chars().count() {
        return Err(err("only part of it reads as a date"));
    }
    let Some(v) = &f.value else {
        return Err(err(
            "a relative date needs the article's date; write the calendar date",
        ));
    };
    let mut edtf = v.edtf().to_string();
    let qualifier = match (approximate, uncertain) {
        (true, true) => "%",
        (true, false) => "~",
        (false, true) => "?",
        _ => "",
    };
    if !qualifier.is_empty() {
        if edtf.contains('/') {
            edtf = edtf
                .split('/')
                .map(|p| format!("{p}{qualifier}"))
                .collect::<Vec<_>>()
                .join("/");
        } else {
            edtf.push_str(qualifier);
        }
    }
    DateValue::parse(&edtf)
}

#[cfg(test)]
mod typed_tests {
    use super::parse_typed;

    #[test]
    fn ordinary_forms_become_edtf() {
        let p = |s: &str| parse_typed(s).map(|v| v.edtf().to_string());
        assert_eq!(p("10-11 May 2023").unwrap(), "2023-05-10/2023-05-11");
        assert_eq!(p("May 2023").unwrap(), "2023-05");
        assert_eq!(p("c. Jan 2023").unwrap(), "2023-01~");
        assert_eq!(p("late June 2024").unwrap(), "2024-06-21/2024-06-30");
        assert_eq!(p("Nov. 14, 2022").unwrap(), "2022-11-14");
        assert_eq!(p("14 November 2022?").unwrap(), "2022-11-14?");
        assert_eq!(p(" 2023-05-10 ").unwrap(), "2023-05-10");
        assert!(
            p("last Wednesday")
                .unwrap_err()
                .to_string()
                .contains("article's date")
        );
        assert!(p("next to nothing").is_err());
        assert!(p("May 2023 and more").is_err());
    }
}
