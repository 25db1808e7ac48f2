//! The date line beside a page's headline ("Veröffentlicht am 12. Mai
//! 2020", "By Jane Doe | May 10, 2022", "Kultur, 2.11.22"): many pages give
//! their date only there, in their own language, and where they also give
//! one in their metadata, the visible one is what the reader saw.
//!
//! The headline is the `h1`/`h2` whose words the page's title shares most
//! (pages hide extra `h1`s for screen readers, and forums title with
//! `h2`). Its date line is a short run of text (at most 80 characters, or
//! a date right after a label such as "Publié le") within 300 characters
//! after it or 150 before it. Longer runs are sentences, whose dates are
//! about the story ("Am 21. und 22. Mai 2022 …").
//!
//! Imports only `dates` and `text` (layer `read`).

use crate::dates::words::first_day;
use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Characters of text read after the headline, and before it.
const AFTER: usize = 300;
const BEFORE: usize = 150;
/// The longest run of text that is a date line by its length alone.
const SHORT_RUN: usize = 80;
/// Elements whose text no reader sees.
const UNSEEN: [&str; 9] = [
    "script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button",
];

fn label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(ver[öo]ffentlicht|publi[ée]e?|publicad[oa]|pubblicato|published|posted|updated|aktualisiert|actualizado|mis à jour|creado|erstellt|stand|datum|date|fecha|data)(\s+(am|le|el|il|on|em|den|vom|:))?\W*$",
        )
        .expect("valid pattern")
    })
}

fn hidden_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)hide|hidden|sr-only|visually|screen-reader|offscreen")
            .expect("valid pattern")
    })
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// The page's headline among its `h1` and `h2`, given the titles the page
/// gives itself (`<title>`, `og:title`).
fn headline<'a>(doc: &'a Document, titles: &[&str]) -> Option<NodeRef<'a>> {
    let title_words: HashSet<String> = titles.iter().flat_map(|t| words(t)).collect();
    let headings: Vec<NodeRef> = doc
        .select("body h1, body h2")
        .nodes()
        .iter()
        .filter(|n| n.class().is_none_or(|c| !hidden_re().is_match(&c)))
        .cloned()
        .collect();
    // (words shared with the titles, their share of the heading's words).
    let score = |n: &NodeRef| {
        let ws: Vec<String> = words(&n.text()).collect();
        let shared = ws.iter().filter(|w| title_words.contains(*w)).count();
        let h1 = if n.node_name().as_deref() == Some("h1") {
            0.01
        } else {
            0.0
        };
        (shared, shared as f64 / ws.len().max(1) as f64 + h1)
    };
    // Of the headings mostly made of the title's words, the one sharing
    // most ("Quests", a section heading, shares all its one word).
    let best = headings
        .iter()
        .map(|n| (score(n), n))
        .filter(|((_, share), _)| *share >= 0.5)
        .fold(
            None::<((usize, f64), &NodeRef)>,
            |best, (s, n)| match best {
                Some((b, _)) if b.0 > s.0 || (b.0 == s.0 && b.1 >= s.1) => best,
                _ => Some((s, n)),
            },
        );
    match best {
        Some((_, n)) => Some(*n),
        None => headings
            .into_iter()
            .find(|n| n.node_name().as_deref() == Some("h1") && words(&n.text()).count() >= 2),
    }
}

/// The date of the date line beside the headline, and that line.
pub fn headline_date(
    doc: &Document,
    titles: &[&str],
    english: bool,
) -> Option<(NaiveDate, String)> {
    let head = headline(doc, titles)?;
    let body = *doc.select("body").nodes().first()?;
    // The runs of visible text just before the headline (nearest last),
    // then those after it, in document order: one walk that skips what no
    // reader sees and stops once enough text after the headline is read.
    let mut before: std::collections::VecDeque<String> = Default::default();
    let mut before_len = 0;
    let mut after: Vec<String> = vec![];
    let mut after_len = 0;
    let mut seen_head = false;
    let mut stack = vec![(body, false)];
    while let Some((n, in_head)) = stack.pop() {
        if n.is_element() {
            if n.node_name()
                .is_some_and(|name| UNSEEN.contains(&name.as_ref()))
            {
                continue;
            }
            let in_head = in_head || n.id == head.id;
            seen_head |= in_head;
            stack.extend(n.children_it(true).map(|c| (c, in_head)));
            continue;
        }
        if !n.is_text() || in_head {
            continue;
        }
        let text = crate::text::normalise::one_line(&n.text());
        if text.is_empty() {
            continue;
        }
        let len = text.chars().count();
        if seen_head {
            after_len += len;
            after.push(text);
            if after_len >= AFTER {
                break;
            }
        } else {
            before_len += len;
            before.push_back(text);
            while before_len > BEFORE + before.front().map_or(0, |t| t.chars().count()) {
                if let Some(t) = before.pop_front() {
                    before_len -= t.chars().count();
                }
            }
        }
    }
    after
        .iter()
        .chain(before.iter().rev())
        .find_map(|run| date_line(run, english).map(|d| (d, run.clone())))
}

/// The date of a run that is a date line: short, or a date right after a
/// label.
fn date_line(run: &str, english: bool) -> Option<NaiveDate> {
    let f = first_day(run, english)?;
    let short = run.chars().count() <= SHORT_RUN;
    let labelled = || run[..f.start].chars().count() <= 40 && label_re().is_match(&run[..f.start]);
    (short || labelled()).then_some(f.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str) -> Option<String> {
        let doc = Document::from(html);
        let title = doc
            .select("title")
            .nodes()
            .first()
            .map(|n| n.text().to_string())
            .unwrap_or_default();
        headline_date(&doc, &[&title], false).map(|(d, _)| d.to_string())
    }

    #[test]
    fn the_short_line_after_the_headline_gives_the_date() {
        let page = r#"<html><head><title>Neue Regeln für Mieter | Zeitung</title></head><body>
            <nav>Home 1.1.2020</nav>
            <h1 class="sr-only">Zeitung</h1>
            <h2>Mieter</h2><p>1.2.2019</p>
            <h1>Neue Regeln für alle Mieter</h1>
            <p class="post-byline">29. Juni 2017, 23:39 · <a>Autor</a></p>
            <p>Am 21. und 22. Mai 2022 wurde im Landtag lange darüber gestritten, und erst am 3. Juni 2022 kam die Einigung, die nun gilt.</p>
            </body></html>"#;
        assert_eq!(date(page).as_deref(), Some("2017-06-29"));
    }

    #[test]
    fn a_labelled_date_in_a_longer_run_and_a_line_above_count() {
        let labelled = r#"<html><head><title>Le sommet de Bali</title></head><body>
            <h2>Le sommet de Bali</h2><div>Publié le 3 mars 2021 à 14h10 par la rédaction du service international de notre journal</div>
            </body></html>"#;
        assert_eq!(date(labelled).as_deref(), Some("2021-03-03"));
        let above = r#"<html><head><title>Cumbre en Bali</title></head><body>
            <span class="date">4 de mayo de 2022</span><h1>Cumbre en Bali</h1><p>Texto.</p></body></html>"#;
        assert_eq!(date(above).as_deref(), Some("2022-05-04"));
    }

    #[test]
    fn dates_in_sentences_scripts_or_far_away_are_not_the_date_line() {
        let sentence = r#"<html><head><title>Talks resume</title></head><body><h1>Talks resume</h1>
            <p>The two sides first met on 21 May 2022 in Vienna, and agreed to meet again after the summer break.</p></body></html>"#;
        assert_eq!(date(sentence), None);
        let script = r#"<html><head><title>Talks resume</title></head><body><h1>Talks resume</h1>
            <script>var d = "10 May 2022";</script><p>Text.</p></body></html>"#;
        assert_eq!(date(script), None);
        let far = format!(
            r#"<html><head><title>Talks resume</title></head><body><h1>Talks resume</h1><p>{}</p><p>10 May 2022</p></body></html>"#,
            "Long paragraph of story text. ".repeat(12)
        );
        assert_eq!(date(&far), None);
        // No headline, no date line.
        assert_eq!(date("<html><body><p>10 May 2022</p></body></html>"), None);
    }
}
