//! Resolving one matched date expression to an EDTF value against the
//! publication date: each rule of [`crate::dates::find`] has its arm here,
//! and each arm says how it resolved ("next Wednesday after ...") or why
//! it could not. Nothing is guessed.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::tense::Tense;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

pub(crate) fn month_of(s: &str) -> Option<u32> {
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

/// The year for a month (and day) given without one, by the tense of its
/// clause: past, the last occurrence on or before publication; future (or
/// a schedule), the next on or after it; no tense, the nearest. A date
/// within a week of publication, or within six weeks on the side the
/// tense points to, is the nearest one ("the visit of June 5 could
/// help..." on 6 June).
pub(crate) fn year_for(
    month: u32,
    dom: Option<u32>,
    pubd: NaiveDate,
    tense: Tense,
) -> (i32, &'static str) {
    let y = pubd.year();
    let at = |cy: i32| NaiveDate::from_ymd_opt(cy, month, dom.unwrap_or(15).min(28));
    let gap = |cy: i32| at(cy).map(|d| (d - pubd).num_days());
    let near = [y - 1, y, y + 1].into_iter().find(|&cy| {
        gap(cy).is_some_and(|gap| {
            let right_side = match tense {
                Tense::Future => gap >= 0,
                Tense::Past => gap <= 0,
                Tense::Unmarked => true,
            };
            gap.abs() <= 7 || (right_side && gap.abs() <= 45)
        })
    });
    if let Some(cy) = near {
        return (cy, "the nearest such date to publication");
    }
    let key = (
        month,
        dom.unwrap_or(if tense == Tense::Future { 31 } else { 1 }),
    );
    let pkey = (pubd.month(), pubd.day());
    match tense {
        Tense::Past if key > pkey => (y - 1, "year before publication (past tense, later month)"),
        Tense::Future if key < pkey => (
            y + 1,
            "year after publication (future tense, earlier month)",
        ),
        Tense::Unmarked => {
            let nearest = [y - 1, y, y + 1]
                .into_iter()
                .min_by_key(|&cy| gap(cy).map_or(i64::MAX, i64::abs))
                .unwrap_or(y);
            (nearest, "the nearest such month to publication (no tense)")
        }
        _ => (y, "publication year"),
    }
}

/// The largest N in "N days/weeks/months/years ago" that is dated.
const MAX_AGO: i64 = 100_000;

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

pub(crate) struct Ctx<'a> {
    pub(crate) pubd: Option<NaiveDate>,
    pub(crate) tense: Tense,
    /// The sentence before the expression ("In 2019 … and the next year").
    pub(crate) before: &'a str,
    /// The whole sentence (a holiday's country may come after it).
    pub(crate) sentence: &'a str,
    pub(crate) caps: &'a regex::Captures<'a>,
}

impl Ctx<'_> {
    /// Whether the next occurrence is meant (the future, a schedule).
    fn future(&self) -> bool {
        self.tense == Tense::Future
    }
    fn s(&self, i: usize) -> Option<&str> {
        self.caps.get(i).map(|m| m.as_str())
    }
    fn n(&self, i: usize) -> Option<u32> {
        self.s(i)?.parse().ok()
    }
}

/// Resolve one match: (EDTF, rule description) or Err(why not).
pub(crate) fn resolve(rule: &str, c: &Ctx) -> Result<(String, String), String> {
    let need_pub = || {
        c.pubd
            .ok_or_else(|| "cannot anchor: no publication date".to_string())
    };
    let ymd = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| "not a calendar date".to_string())
    };
    let tense = match c.tense {
        Tense::Future => "future",
        Tense::Past => "past",
        Tense::Unmarked => "no",
    };
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
                    let (y, how) = year_for(m1, Some(d1), p, c.tense);
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
                    let (y, how) = year_for(m, Some(d1), need_pub()?, c.tense);
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
            let (a, b) = if c.future() {
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
                    if c.future() { "next" } else { "last" },
                    if c.future() { "after" } else { "on or before" }
                ),
            ))
        }
        "weekday month day" => {
            let w = weekday_of(c.s(1).unwrap_or("")).ok_or("no weekday")?;
            let m = month_of(c.s(2).unwrap_or("")).ok_or("no month")?;
            let d = c.n(3).ok_or("no day")?;
            if let Some(y) = c.n(4) {
                return Ok((day(ymd(y as i32, m, d)?), "explicit date".into()));
            }
            let p = need_pub()?;
            // The year, of the three around publication, in which that day
            // falls on that weekday; else the year the tense gives.
            let fits = [p.year(), p.year() - 1, p.year() + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .filter(|x| x.weekday() == w)
                .min_by_key(|x| (*x - p).num_days().abs());
            match fits {
                Some(x) => Ok((
                    day(x),
                    "day without year: the year in which it falls on the weekday named".into(),
                )),
                None => {
                    let (y, how) = year_for(m, Some(d), p, c.tense);
                    Ok((
                        day(ymd(y, m, d)?),
                        format!(
                            "day without year: {how}, {tense} tense (the weekday named does not fit)"
                        ),
                    ))
                }
            }
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
            let (y, how) = year_for(m, Some(d), need_pub()?, c.tense);
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
                    let (y, how) = year_for(m, None, need_pub()?, c.tense);
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
        "month possessive" => {
            let m = month_of(c.s(1).unwrap_or("")).ok_or("no month")?;
            let (y, how) = year_for(m, None, need_pub()?, c.tense);
            Ok((
                format!("{y:04}-{m:02}"),
                format!("month name: {how}, {tense} tense"),
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
                    let (y, how) = year_for(m, None, p, c.tense);
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
                    let sat = if shift < 0 || (shift == 0 && !c.future()) {
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
            let sat = weekday_near(Weekday::Sat, p, c.future(), false);
            let sat = if !c.future() && p.weekday() == Weekday::Sat {
                p
            } else {
                sat
            };
            Ok((
                interval(sat, sat + Duration::days(1)),
                format!(
                    "the weekend {} publication",
                    if c.future() { "after" } else { "before" }
                ),
            ))
        }
        "ago" => {
            let p = need_pub()?;
            let n = number_word(c.s(1).unwrap_or("")).ok_or("no number")?;
            // The number comes from the text: "4444444418 days ago" must be
            // refused, not overflow the calendar (found by fuzzing).
            if !(0..=MAX_AGO).contains(&n) {
                return Err(format!("cannot resolve: {n} is too far back to date"));
            }
            let back = |days: i64| {
                Duration::try_days(days)
                    .and_then(|d| p.checked_sub_signed(d))
                    .ok_or_else(|| "cannot resolve: out of the calendar's range".to_string())
            };
            match c.s(2).unwrap_or("").to_lowercase().as_str() {
                "day" => Ok((day(back(n)?), "N days before publication".into())),
                "week" => Ok((
                    format!("{}~", day(back(n * 7)?)),
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
                _ if c.future() => (
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
            // After a preposition, after "of", or after an event's "of".
            format!("{:04}", c.n(1).or(c.n(2)).or(c.n(3)).unwrap_or(0)),
            "explicit year".into(),
        )),
        _ => Err("unknown rule".into()),
    }
}
