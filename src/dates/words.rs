//! Whole days as web pages print them beside a headline, in the languages
//! of most of the news Detente reads (English, German, French, Spanish,
//! Italian, Portuguese, Dutch): "Veröffentlicht am 12. Mai 2020", "Publié
//! le 3 mars 2021", "4 de mayo de 2022", "May 10, 2022", "02.11.2021",
//! "2.11.22", "2019-04-02 14:05:33", "03/05/2022". The month names of these
//! languages do not collide, so no language has to be known, except for
//! slashed days, which are month first only on English pages.
//!
//! This is for a page's own date line, not for dates in sentences: the
//! finder of dates in article text is [`crate::dates::find`].
//!
//! Imports nothing of Detente (layer `dates`).

use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// Month names and abbreviations, January first.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari",
    ],
    &[
        "february",
        "feb",
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
    ],
    &[
        "march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart",
        "mrt",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
    ],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ],
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&name.as_str()))
        .map(|i| i as u32 + 1)
}

/// Which way a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Iso,
    Dotted,
    DottedShortYear,
    DayMonthYear,
    MonthDayYear,
    Slashed,
}

fn patterns() -> &'static [(Shape, Regex)] {
    static R: OnceLock<Vec<(Shape, Regex)>> = OnceLock::new();
    R.get_or_init(|| {
        let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.iter().copied()).collect();
        // Longest first, so "marzo" is not read as "mar".
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        let mon = format!(r"({})\b\.?", names.join("|"));
        let year = r"((?:19|20)\d{2})";
        let p = |shape, s: String| (shape, Regex::new(&s).expect("valid pattern"));
        vec![
            p(
                Shape::Iso,
                format!(r"(?:^|[^\d/-]){year}-(\d{{2}})-(\d{{2}})(?:\D|$)"),
            ),
            p(
                Shape::Dotted,
                format!(r"(?:^|[^\d.])(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?{year}(?:\D|$)"),
            ),
            p(
                Shape::DottedShortYear,
                r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:[^\d.]|$)".to_string(),
            ),
            p(
                Shape::DayMonthYear,
                format!(
                    r"(?i)(?:^|\D)(\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s*(?:de\s+)?{mon},?\s*(?:de\s+|del\s+)?{year}(?:\D|$)"
                ),
            ),
            p(
                Shape::MonthDayYear,
                format!(r"(?i)\b{mon}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}(?:\D|$)"),
            ),
            p(
                Shape::Slashed,
                format!(r"(?:^|[^\d/])(\d{{1,2}})/(\d{{1,2}})/{year}(?:[^\d/]|$)"),
            ),
        ]
    })
}

/// A day found in a line, with where it is (byte offsets of the date itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub day: NaiveDate,
}

/// The first whole day in `s`. `english` says the page is in English, so
/// "03/05/2022" is 5 March; otherwise it is 3 May (unless a part over 12
/// says which is the day).
pub fn first_day(s: &str, english: bool) -> Option<Found> {
    let mut best: Option<Found> = None;
    for (shape, re) in patterns() {
        for c in re.captures_iter(s) {
            let g = |i: usize| c.get(i).map_or("", |m| m.as_str());
            let n = |i: usize| g(i).parse::<u32>().ok();
            let ymd = match shape {
                Shape::Iso => (n(1), n(2), n(3)),
                Shape::Dotted => (n(3), n(2), n(1)),
                Shape::DottedShortYear => (n(3).map(|y| 2000 + y), n(2), n(1)),
                Shape::DayMonthYear => (n(3), month_number(g(2)), n(1)),
                Shape::MonthDayYear => (n(3), month_number(g(1)), n(2)),
                Shape::Slashed => {
                    let (a, b) = (n(1), n(2));
                    let month_first = match (a, b) {
                        (Some(a), _) if a > 12 => false,
                        (_, Some(b)) if b > 12 => true,
                        _ => english,
                    };
                    if month_first {
                        (n(3), a, b)
                    } else {
                        (n(3), b, a)
                    }
                }
            };
            let (Some(y), Some(m), Some(d)) = ymd else {
                continue;
            };
            let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d) else {
                continue;
            };
            // The date itself: from the first group to the last.
            let first = (1..c.len()).find_map(|i| c.get(i)).map_or(0, |m| m.start());
            let last = (1..c.len())
                .rev()
                .find_map(|i| c.get(i))
                .map_or(0, |m| m.end());
            let f = Found {
                start: first,
                end: last,
                day,
            };
            if best.is_none_or(|b| f.start < b.start || (f.start == b.start && f.end > b.end)) {
                best = Some(f);
            }
            // Later matches of this shape start later.
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        first_day(s, false).map(|f| f.day.to_string())
    }

    #[test]
    fn dates_in_the_languages_of_the_news() {
        for (s, want) in [
            ("Publié le 3 mars 2021", "2021-03-03"),
            ("Veröffentlicht am 12. Mai 2020", "2020-05-12"),
            ("Pubblicato il 4 aprile 2019", "2019-04-04"),
            ("2 de junio de 2022", "2022-06-02"),
            ("04 de mayo 2022, 12:00 A. M.", "2022-05-04"),
            ("May 10, 2022 01:52:54 PM", "2022-05-10"),
            ("Staff Consortium | May 10, 2022", "2022-05-10"),
            ("09 Oct 2018", "2018-10-09"),
            ("26 Mai, 2008 |", "2008-05-26"),
            ("1er mars 2021", "2021-03-01"),
            ("Dienstag, 01. Februar 2022 12:10", "2022-02-01"),
            ("25. Januar 2022 (DJV/FWR) Berlin", "2022-01-25"),
            ("3 maart 2021", "2021-03-03"),
            ("12 de março de 2020", "2020-03-12"),
            ("19.10.2019 07:49 Uhr", "2019-10-19"),
            ("Kultur, 2.11.22", "2022-11-02"),
            ("2019-04-02 14:05:33", "2019-04-02"),
            ("03/05/2022 21:44", "2022-05-03"),
            ("25/12/2021", "2021-12-25"),
        ] {
            assert_eq!(day(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn slashed_days_are_month_first_on_english_pages_only() {
        assert_eq!(
            first_day("03/05/2022", true).unwrap().day.to_string(),
            "2022-03-05"
        );
        assert_eq!(
            first_day("12/25/2021", false).unwrap().day.to_string(),
            "2021-12-25"
        );
    }

    #[test]
    fn the_first_date_is_taken_with_its_place_and_non_dates_are_not_dates() {
        let f = first_day("Updated 5 March 2021, first published 1 March 2021", false).unwrap();
        assert_eq!(f.day.to_string(), "2021-03-05");
        assert_eq!(
            &"Updated 5 March 2021, first published 1 March 2021"[f.start..f.end],
            "5 March 2021"
        );
        for s in [
            "31.02.2021",
            "Version 1.2.3",
            "Marzo",
            "Call 12/34/5678",
            "in 2021 and 2022",
            "Am 21. und 22. Mai",
        ] {
            assert_eq!(day(s), None, "{s}");
        }
    }
}
