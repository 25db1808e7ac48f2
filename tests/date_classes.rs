//! The classes of date expressions news uses every day (issue 18), one
//! table row per sentence in `tests/fixtures/dates/news-classes.tsv`:
//! class, publication date, sentence, expression, expected EDTF (or
//! `unresolved`: found but not anchored, never guessed; or `none`: not a
//! date at all). The test prints the share resolved exactly per class and
//! fails below a floor that only goes up.

use chrono::NaiveDate;
use detente::dates::find::find_dates;
use std::collections::BTreeMap;

/// The share of rows resolved exactly, in percent, below which the test
/// fails (raised as classes are added).
const FLOOR: usize = 100;

struct Row {
    class: String,
    published: NaiveDate,
    sentence: String,
    expression: String,
    expected: String,
}

fn rows() -> Vec<Row> {
    let text = include_str!("fixtures/dates/news-classes.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{l}");
            Row {
                class: f[0].into(),
                published: f[1].parse().unwrap(),
                sentence: f[2].into(),
                expression: f[3].into(),
                expected: f[4].into(),
            }
        })
        .collect()
}

/// What the finder gives for a row's expression: the EDTF, `unresolved`
/// or `none`.
fn got(r: &Row) -> String {
    let found = find_dates(&r.sentence, Some(r.published));
    let at = r
        .sentence
        .find(&r.expression)
        .map(|b| r.sentence[..b].chars().count());
    let Some(at) = at else {
        return "the expression is not in the sentence".into();
    };
    let end = at + r.expression.chars().count();
    // The match covering the expression, else one inside it.
    let hit = found
        .iter()
        .find(|f| f.start <= at && f.end >= end)
        .or_else(|| found.iter().find(|f| f.start >= at && f.end <= end));
    match hit {
        Some(f) => f.edtf.clone().unwrap_or_else(|| "unresolved".into()),
        None => "none".into(),
    }
}

#[test]
fn news_date_classes_resolve_exactly() {
    let rows = rows();
    assert!(rows.len() >= 190, "{} rows", rows.len());
    let mut by_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = vec![];
    for r in &rows {
        let g = got(r);
        // Not guessed: found and unanchored, or not taken as a date.
        let ok = g == r.expected || (r.expected == "unresolved" && g == "none");
        let e = by_class.entry(&r.class).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            misses.push(format!(
                "{} | {} | {}\n    '{}': got {g}, expected {}",
                r.class, r.published, r.sentence, r.expression, r.expected
            ));
        }
    }
    let exact: usize = by_class.values().map(|v| v.0).sum();
    let share = 100 * exact / rows.len();
    eprintln!("date classes: {exact} of {} exact ({share}%)", rows.len());
    for (c, (ok, n)) in &by_class {
        eprintln!("  {c:<16} {ok:>3} / {n}");
    }
    eprintln!("{}", misses.join("\n"));
    assert!(share >= FLOOR, "{share}% < {FLOOR}%");
}
