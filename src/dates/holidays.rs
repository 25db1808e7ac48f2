//! Holidays news dates things by: fixed ones (New Year's Day, Christmas,
//! Bastille Day), movable ones (Easter, Orthodox Easter, Thanksgiving, the
//! Lunar New Year) and those that differ by country (National Day,
//! Independence Day, Thanksgiving in Canada), read from the country the
//! sentence names. The year is the one the tense means, as for a day
//! given without a year. A holiday whose country the sentence does not
//! name is reported, not guessed.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::periods::by_tense;
use crate::dates::resolve::Ctx;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The rules this module resolves: (name, pattern).
pub(crate) fn rules() -> Vec<(&'static str, String)> {
    vec![(
        "holiday",
        r"(?-i)\b(New\s+Year['’]s(?:\s+Day|\s+Eve)?|Christmas(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|(?:Orthodox\s+)?Easter(?:\s+Sunday)?|(?:Lunar|Chinese)\s+New\s+Year|Spring\s+Festival|National\s+Day|Independence\s+Day|Bastille\s+Day)\b"
            .to_string(),
    )]
}

/// The first day of the Chinese lunar year (the Spring Festival).
const LUNAR_NEW_YEAR: [(i32, u32, u32); 31] = [
    (2000, 2, 5),
    (2001, 1, 24),
    (2002, 2, 12),
    (2003, 2, 1),
    (2004, 1, 22),
    (2005, 2, 9),
    (2006, 1, 29),
    (2007, 2, 18),
    (2008, 2, 7),
    (2009, 1, 26),
    (2010, 2, 14),
    (2011, 2, 3),
    (2012, 1, 23),
    (2013, 2, 10),
    (2014, 1, 31),
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
];

/// Western Easter Sunday (the Anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday (Meeus's Julian algorithm, in the Gregorian
/// calendar: 13 days later in 1900-2099).
fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    if !(1900..=2099).contains(&y) {
        return None;
    }
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    Some(NaiveDate::from_ymd_opt(y, month as u32, day as u32)? + Duration::days(13))
}

/// The `n`th `w` of a month.
fn nth_weekday(y: i32, m: u32, w: Weekday, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let ahead = (7 + w.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first.checked_add_signed(Duration::days((ahead + 7 * (n - 1)) as i64))
}

/// Whether the sentence names a country (by its name, its capital or
/// its people).
fn names(sentence: &str, words: &[&str]) -> bool {
    words.iter().any(|w| sentence.contains(w))
}

/// The holiday's day in year `y`, and what it was read as.
fn day_of(name: &str, sentence: &str, y: i32) -> Result<Option<(NaiveDate, String)>, String> {
    let lower = name.to_lowercase().replace('’', "'");
    let fixed = |m: u32, d: u32, what: &str| {
        Ok(NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, what.to_string())))
    };
    if lower.starts_with("new year's eve") {
        return fixed(12, 31, "New Year's Eve, 31 December");
    }
    if lower.starts_with("new year's") {
        return fixed(1, 1, "New Year's Day, 1 January");
    }
    if lower == "christmas eve" {
        return fixed(12, 24, "Christmas Eve, 24 December");
    }
    if lower.starts_with("christmas") {
        return fixed(12, 25, "Christmas, 25 December");
    }
    if lower.starts_with("bastille") {
        return fixed(7, 14, "Bastille Day, 14 July");
    }
    if lower.starts_with("orthodox") {
        return Ok(orthodox_easter(y).map(|d| (d, "Orthodox Easter Sunday".into())));
    }
    if lower.starts_with("easter") {
        return Ok(easter(y).map(|d| (d, "Easter Sunday (Western)".into())));
    }
    if lower.starts_with("thanksgiving") {
        return Ok(if names(sentence, &["Canada", "Canadian", "Ottawa"]) {
            nth_weekday(y, 10, Weekday::Mon, 2).map(|d| {
                (
                    d,
                    "Thanksgiving in Canada, the second Monday of October".into(),
                )
            })
        } else {
            nth_weekday(y, 11, Weekday::Thu, 4).map(|d| {
                (
                    d,
                    "Thanksgiving in the US, the fourth Thursday of November".into(),
                )
            })
        });
    }
    if lower.contains("new year") || lower.starts_with("spring festival") {
        return Ok(LUNAR_NEW_YEAR
            .iter()
            .find(|(ly, _, _)| *ly == y)
            .and_then(|&(ly, m, d)| NaiveDate::from_ymd_opt(ly, m, d))
            .map(|d| (d, "the Lunar New Year's first day".into())));
    }
    if lower.starts_with("national day") {
        if names(sentence, &["China", "Chinese", "Beijing", "PRC"]) {
            return fixed(10, 1, "China's National Day, 1 October");
        }
        return Err("cannot anchor: the sentence does not say which country's National Day".into());
    }
    if lower.starts_with("independence day") {
        if names(sentence, &["India", "Indian", "New Delhi"]) {
            return fixed(8, 15, "India's Independence Day, 15 August");
        }
        return fixed(7, 4, "Independence Day in the US, 4 July");
    }
    Err("not a holiday Detente knows".into())
}

/// Resolve a holiday; `None` when `rule` is another's.
pub(crate) fn resolve(rule: &str, c: &Ctx) -> Option<Result<(String, String), String>> {
    if rule != "holiday" {
        return None;
    }
    let name = c.caps.get(1)?.as_str();
    let sentence = c.sentence;
    Some((|| {
        let p = c.pubd.ok_or("cannot anchor: no publication date")?;
        day_of(name, sentence, p.year())?;
        let y = by_tense(p, c.tense, |y| {
            day_of(name, sentence, y)
                .ok()
                .flatten()
                .map(|(d, _)| (d, d))
        })
        .ok_or("the holiday's date is not known for the years around publication")?;
        let (d, what) = day_of(name, sentence, y)?.ok_or("no such day")?;
        Ok((d.format("%Y-%m-%d").to_string(), format!("{what}, {y}")))
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movable_feasts_fall_on_their_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2025), Some(d("2025-04-20")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        assert_eq!(orthodox_easter(2024), Some(d("2024-05-05")));
        assert_eq!(orthodox_easter(2023), Some(d("2023-04-16")));
        assert_eq!(
            nth_weekday(2023, 11, Weekday::Thu, 4),
            Some(d("2023-11-23"))
        );
        assert_eq!(
            nth_weekday(2024, 10, Weekday::Mon, 2),
            Some(d("2024-10-14"))
        );
    }
}
