//! The year of a dateline that gives none ("WASHINGTON, May 11 (Reuters) –
//! … said on Thursday"). Wire stories name the weekday of the day they
//! report in their lead; a month-day falls on a given weekday about once
//! in seven years, so the lead's weekday and a latest possible day (the
//! file's date, or today) pin the year: the most recent year, not after
//! that day, in which the day fell on that weekday. A year the text names
//! is preferred when the weekday agrees with it. When the lead names no
//! weekday, or several, nothing pins the year and the caller keeps asking.
//!
//! Imports only `dates` (layer `read`).

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// How far back a weekday is tried: beyond this the weekday alone is too
/// weak a clue (it repeats every few years).
const YEARS_BACK: i32 = 12;

/// A year found for a year-less dateline, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub year: i32,
    /// "May 11 was a Thursday in 2023, the weekday of “said on Thursday”".
    pub reason: String,
}

fn weekday_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
            .expect("valid pattern")
    })
}

/// The lead: what follows the dateline up to the end of its first
/// sentence (a full stop before a capital or the end of the line).
fn lead(after_dateline: &str) -> &str {
    let line = after_dateline.lines().next().unwrap_or("");
    let bytes = line.as_bytes();
    for (i, _) in line.match_indices(". ") {
        if bytes
            .get(i + 2)
            .is_some_and(|b| b.is_ascii_uppercase() || *b == b'"' || *b >= 0x80)
        {
            return &line[..=i];
        }
    }
    line
}

/// The one weekday the lead names, with a few words around it; `None`
/// when it names none or more than one.
fn lead_weekday(after_dateline: &str) -> Option<(Weekday, String)> {
    let lead = lead(after_dateline);
    let found: Vec<regex::Match> = weekday_re().find_iter(lead).collect();
    let first = found.first()?;
    let day: Weekday = first.as_str().parse().ok()?;
    if found
        .iter()
        .any(|m| m.as_str().parse::<Weekday>().ok() != Some(day))
    {
        return None;
    }
    // "said on Thursday": the two words before the weekday.
    let start = lead[..first.start()]
        .rmatch_indices(' ')
        .nth(2)
        .map_or(0, |(i, _)| i + 1);
    Some((day, lead[start..first.end()].to_string()))
}

/// Month and day of "May 11", "Sept. 11", "11 May".
fn month_day(md: &str) -> Option<(u32, u32)> {
    // 2000 is a leap year, so "Feb. 29" is read too.
    let d = crate::dates::find::find_dates(&format!("{md}, 2000"), None)
        .into_iter()
        .find_map(|f| f.value?.earliest())?;
    Some((d.month(), d.day()))
}

/// The year of the dateline day `md` ("May 11"), from the weekday named in
/// `after_dateline` (the rest of the dateline's line), the years the text
/// names, and the latest day the article can be from.
pub fn year_of(
    md: &str,
    after_dateline: &str,
    named_years: &[i32],
    not_after: NaiveDate,
) -> Option<Year> {
    let (month, day) = month_day(md)?;
    let (weekday, words) = lead_weekday(after_dateline)?;
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .filter(|d| *d <= not_after && d.weekday() == weekday)
            .is_some()
    };
    let name = crate::dates::edtf::MONTHS[month as usize - 1];
    let day_name = weekday_name(weekday);
    if let Some(y) = named_years.iter().rev().copied().find(|y| fits(*y)) {
        return Some(Year {
            year: y,
            reason: format!(
                "{name} {day} was a {day_name} in {y}, a year the text names, and the lead says “{words}”"
            ),
        });
    }
    let y = (not_after.year() - YEARS_BACK..=not_after.year())
        .rev()
        .find(|y| fits(*y))?;
    Some(Year {
        year: y,
        reason: format!(
            "{name} {day} was a {day_name} in {y}, the latest such year up to {not_after}, and the lead says “{words}”"
        ),
    })
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const LEAD: &str = " – Biden's adviser met China's top diplomat this week, a senior US official said on Thursday. Talks ran on Wednesday and Thursday.";

    #[test]
    fn the_leads_weekday_pins_the_most_recent_year() {
        let y = year_of("May 11", LEAD, &[], day("2026-11-29")).unwrap();
        assert_eq!(y.year, 2023);
        assert!(
            y.reason.starts_with(
                "May 11 was a Thursday in 2023, the latest such year up to 2026-11-29"
            ),
            "{}",
            y.reason
        );
        assert!(y.reason.ends_with("“said on Thursday”"), "{}", y.reason);
        // Not after the file's date: a file saved in early May 2023 is
        // from the year before the next Thursday May 11 (2017).
        assert_eq!(
            year_of("May 11", LEAD, &[], day("2023-05-10"))
                .unwrap()
                .year,
            2017
        );
        assert_eq!(
            year_of("May 11", LEAD, &[], day("2023-05-11"))
                .unwrap()
                .year,
            2023
        );
    }

    #[test]
    fn a_named_year_that_fits_is_preferred() {
        // 2017 and 2023 both have a Thursday May 11.
        let y = year_of("May 11", LEAD, &[2012, 2017], day("2026-11-29")).unwrap();
        assert_eq!(y.year, 2017);
        assert!(y.reason.contains("a year the text names"));
        // A named year on another weekday is not taken.
        assert_eq!(
            year_of("May 11", LEAD, &[2022], day("2026-11-29"))
                .unwrap()
                .year,
            2023
        );
    }

    #[test]
    fn no_weekday_or_two_weekdays_in_the_lead_pin_nothing() {
        let today = day("2026-11-29");
        assert_eq!(
            year_of("May 11", " - Officials met this week.", &[], today),
            None
        );
        assert_eq!(
            year_of(
                "May 11",
                " - Talks on Wednesday ended on Thursday.",
                &[],
                today
            ),
            None
        );
        // The weekday of a later sentence is not the lead's.
        assert_eq!(
            year_of(
                "May 11",
                " - Officials met. They left on Friday.",
                &[],
                today
            ),
            None
        );
    }

    #[test]
    fn abbreviated_months_and_leap_days_are_read() {
        let y = year_of("Sept. 11", " - He spoke on Monday.", &[], day("2026-11-29")).unwrap();
        assert_eq!(y.year, 2023);
        let y = year_of(
            "Feb. 29",
            " - It was announced on Thursday.",
            &[],
            day("2026-11-29"),
        )
        .unwrap();
        assert_eq!(y.year, 2024);
    }
}
