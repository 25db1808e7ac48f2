//! How an article is cited in a report: the Chicago Manual of Style's
//! notes-bibliography form for newspapers (the default: the form history
//! and political science journals ask for), or a short form for briefs.
//! Titles of outlets are in italics, written `*Outlet*` (Markdown; the
//! HTML writer turns it into `<i>`).
//!
//! Chicago, note: `Jane Doe, "Title," *Outlet*, May 13, 2023, URL.`
//! Chicago, bibliography: `Doe, Jane. "Title." *Outlet*, May 13, 2023. URL.`
//! (no author: the outlet leads the entry). Short: `*Outlet*, "Title," 13
//! May 2023.` An article with no publication date gives its access date
//! ("accessed November 29, 2026"), as Chicago asks.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::Article;
use crate::dates::edtf::MONTHS;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Chicago notes-bibliography, newspaper articles.
    #[default]
    Chicago,
    /// Outlet, title and date only.
    Short,
}

impl Style {
    pub fn label(self) -> &'static str {
        match self {
            Style::Chicago => "Chicago notes-bibliography",
            Style::Short => "short (outlet, title, date)",
        }
    }
}

/// "May 13, 2023", "May 2023", "2023": as precise as the date is.
fn chicago_date(a: &Article) -> Option<String> {
    let d = a.published.as_ref()?;
    let first = d.earliest()?;
    Some(match d.edtf().len() {
        4 => first.year().to_string(),
        7 => format!("{} {}", MONTHS[first.month0() as usize], first.year()),
        _ if d.is_exact_day() => format!(
            "{} {}, {}",
            MONTHS[first.month0() as usize],
            first.day(),
            first.year()
        ),
        _ => d.human(),
    })
}

fn accessed(a: &Article) -> Option<String> {
    let d: NaiveDate = a.accessed.get(..10)?.parse().ok()?;
    Some(format!(
        "accessed {} {}, {}",
        MONTHS[d.month0() as usize],
        d.day(),
        d.year()
    ))
}

/// The byline without "By ".
fn author(a: &Article) -> Option<String> {
    let b = a.byline.trim();
    let b = b.strip_prefix("By ").unwrap_or(b).trim();
    (!b.is_empty()).then(|| crate::text::normalise::one_line(b))
}

/// "Doe, Jane" for a two- or three-word personal name; else as written.
fn inverted(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if (2..=3).contains(&words.len()) && !name.contains(',') && !name.contains(" and ") {
        format!(
            "{}, {}",
            words[words.len() - 1],
            words[..words.len() - 1].join(" ")
        )
    } else {
        name.to_string()
    }
}

/// The article's title with its quotation marks made inner ones.
fn title(a: &Article) -> String {
    crate::text::normalise::one_line(&a.title).replace('"', "'")
}

/// The citation in a footnote.
pub fn note(a: &Article, style: Style) -> String {
    let date = chicago_date(a).or_else(|| accessed(a));
    match style {
        Style::Chicago => {
            // The comma after the title goes inside its quotation marks.
            let mut rest: Vec<String> = vec![];
            if !a.outlet.is_empty() {
                rest.push(format!("*{}*", crate::text::normalise::one_line(&a.outlet)));
            }
            rest.extend(date);
            if !a.url.is_empty() {
                rest.push(a.url.clone());
            }
            rest.extend(database(a));
            let who = author(a).map(|w| format!("{w}, ")).unwrap_or_default();
            if rest.is_empty() {
                format!("{who}\u{201c}{}.\u{201d}", title(a))
            } else {
                format!("{who}\u{201c}{},\u{201d} {}.", title(a), rest.join(", "))
            }
        }
        Style::Short => {
            let mut parts: Vec<String> = vec![];
            if !a.outlet.is_empty() {
                parts.push(format!("*{}*", crate::text::normalise::one_line(&a.outlet)));
            }
            parts.push(format!("\u{201c}{}\u{201d}", title(a)));
            parts.extend(a.published.as_ref().map(|d| d.human()));
            format!("{}.", parts.join(", "))
        }
    }
}

/// The shortened note Chicago gives a source cited before: the author's
/// last name and the title's first four words ("Heavey, “US, China to
/// Move.”"), or without an author the short title and the outlet.
pub fn short_note(a: &Article) -> String {
    // A shortened title leaves out the subtitle.
    let full = title(a);
    let full = full
        .split_once(": ")
        .map_or(full.as_str(), |(t, _)| t)
        .to_string();
    let words: Vec<&str> = full.split_whitespace().collect();
    let short = if words.len() > 4 {
        // Four words at most, not ending on a little word ("…meet in").
        const LITTLE: &[&str] = &[
            "a", "an", "the", "in", "of", "to", "and", "or", "for", "on", "at", "with", "by",
            "from",
        ];
        let mut keep = words[..4].to_vec();
        while keep.len() > 1 && LITTLE.contains(&keep[keep.len() - 1].to_lowercase().as_str()) {
            keep.pop();
        }
        keep.join(" ").trim_end_matches([',', ':', ';']).to_string()
    } else {
        full.clone()
    };
    match author(a) {
        Some(who) => {
            let last = inverted(&who)
                .split(',')
                .next()
                .unwrap_or_default()
                .to_string();
            format!("{last}, \u{201c}{short}.\u{201d}")
        }
        None if !a.outlet.is_empty() => format!(
            "\u{201c}{short},\u{201d} *{}*.",
            crate::text::normalise::one_line(&a.outlet)
        ),
        None => format!("\u{201c}{short}.\u{201d}"),
    }
}

/// The note for `a` where it is cited next: the full note the first time,
/// Chicago's shortened note after (the short style is short already).
/// `cited` keeps the articles cited so far, in order.
pub fn note_in_turn<'a>(a: &'a Article, style: Style, cited: &mut Vec<&'a Article>) -> String {
    if cited.iter().any(|c| c.id == a.id) {
        return match style {
            Style::Chicago => short_note(a),
            Style::Short => note(a, style),
        };
    }
    cited.push(a);
    note(a, style)
}

/// The entry in the list of sources.
pub fn bibliography(a: &Article, style: Style) -> String {
    if style == Style::Short {
        return note(a, style);
    }
    let mut s = String::new();
    let outlet = crate::text::normalise::one_line(&a.outlet);
    match author(a) {
        Some(who) => s.push_str(&format!("{}. ", inverted(&who))),
        // With no author, Chicago leads with the newspaper.
        None if !outlet.is_empty() => s.push_str(&format!("*{outlet}*. ")),
        None => {}
    }
    s.push_str(&format!("\u{201c}{}.\u{201d}", title(a)));
    let date = chicago_date(a).or_else(|| accessed(a));
    let mut tail: Vec<String> = vec![];
    if author(a).is_some() && !outlet.is_empty() {
        tail.push(format!("*{outlet}*"));
    }
    tail.extend(date);
    if !tail.is_empty() {
        s.push_str(&format!(" {}.", tail.join(", ")));
    }
    if !a.url.is_empty() {
        s.push_str(&format!(" {}.", a.url));
    }
    // The database too, as in the notes: a reader finds the story there.
    if let Some(db) = database(a) {
        s.push_str(&format!(" {db}."));
    }
    s
}

/// A database article, as Chicago cites one: the database's name (and
/// the story's id there), after the date in a note and at the end of the
/// bibliography entry.
fn database(a: &Article) -> Option<String> {
    if a.database.is_empty() {
        return None;
    }
    let db = crate::text::normalise::one_line(&a.database);
    Some(if a.database_id.is_empty() {
        db
    } else {
        format!(
            "{db} ({})",
            crate::text::normalise::one_line(&a.database_id)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::edtf::DateValue;

    fn article() -> Article {
        let mut a = Article::new("Biden, Xi meet in Bali", "text");
        a.outlet = "Example Times".into();
        a.byline = "By Jane Doe".into();
        a.url = "https://example.org/bali".into();
        a.published = Some(DateValue::parse("2022-11-14").unwrap());
        a
    }

    #[test]
    fn chicago_notes_and_entries_for_newspapers() {
        let a = article();
        assert_eq!(
            note(&a, Style::Chicago),
            "Jane Doe, \u{201c}Biden, Xi meet in Bali,\u{201d} *Example Times*, November 14, 2022, https://example.org/bali."
        );
        assert_eq!(
            bibliography(&a, Style::Chicago),
            "Doe, Jane. \u{201c}Biden, Xi meet in Bali.\u{201d} *Example Times*, November 14, 2022. https://example.org/bali."
        );
        assert_eq!(
            note(&a, Style::Short),
            "*Example Times*, \u{201c}Biden, Xi meet in Bali\u{201d}, 14 November 2022."
        );
        // No author: the outlet leads the entry; no date: the access date.
        let mut b = article();
        b.byline.clear();
        b.published = None;
        b.accessed = "2026-11-29T10:00:00Z".into();
        assert_eq!(
            bibliography(&b, Style::Chicago),
            "*Example Times*. \u{201c}Biden, Xi meet in Bali.\u{201d} accessed November 29, 2026. https://example.org/bali."
        );
        assert_eq!(
            note(&b, Style::Chicago),
            "\u{201c}Biden, Xi meet in Bali,\u{201d} *Example Times*, accessed November 29, 2026, https://example.org/bali."
        );
    }

    #[test]
    fn a_source_cited_again_gets_the_shortened_note() {
        let a = article();
        let mut b = article();
        b.id = "art_b".into();
        b.byline.clear();
        b.title = "Talks end: a statement from both sides".into();
        let mut cited = vec![];
        assert_eq!(
            note_in_turn(&a, Style::Chicago, &mut cited),
            note(&a, Style::Chicago)
        );
        assert_eq!(
            note_in_turn(&b, Style::Chicago, &mut cited),
            note(&b, Style::Chicago)
        );
        assert_eq!(
            note_in_turn(&a, Style::Chicago, &mut cited),
            "Doe, \u{201c}Biden, Xi meet.\u{201d}"
        );
        assert_eq!(
            note_in_turn(&b, Style::Chicago, &mut cited),
            "\u{201c}Talks end,\u{201d} *Example Times*."
        );
        // The short style is short already: the same note each time.
        assert_eq!(
            note_in_turn(&a, Style::Short, &mut cited),
            note(&a, Style::Short)
        );
        assert_eq!(cited.len(), 2);
    }
}
