//! The standfirst: the summary paragraph under a headline ("lede",
//! "intro", "teaser"), which news pages set apart from the story's
//! paragraphs, so Readability leaves it out with the headline. A reader
//! quotes it like any other sentence of the story, so it belongs to the
//! text.
//!
//! Found by what the page says of itself, never by a class name: the
//! page's description (`description`, `og:description`,
//! `twitter:description`) is, on most news pages, the standfirst, word
//! for word or cut short. The element of the body that shows it is the
//! standfirst; when the story read lacks it, it goes before the story.
//! A description shown nowhere in the body (a site's slogan, a summary
//! written for search engines) adds nothing.
//!
//! Imports `text` and [`crate::read::furniture::small`] (layer `read`).

use crate::text::normalise::squeeze as collapse;
use dom_query::{Document, NodeData, NodeRef};

/// The meta names whose value may be the standfirst, most specific last
/// (every one is tried).
const DESCRIPTIONS: [&str; 3] = ["description", "og:description", "twitter:description"];

/// A description shorter than this is a slogan, not a paragraph.
const SHORTEST: usize = 40;

/// How much of the description must be found: its opening, since
/// descriptions are often cut short with "…".
const KEY_CHARS: usize = 60;

/// The standfirst a page shows: its text, and the opening of the
/// description it was found by (to see whether the story has it).
#[derive(Debug, Clone, PartialEq)]
pub struct Lede {
    pub text: String,
    key: String,
}

/// The standfirst of the page, if its description is shown in its body.
/// `descriptions` yields the page's meta values by name; `title` is the
/// headline (a description that is the headline is no standfirst). Runs
/// before extraction, on the pruned page.
pub fn find(
    doc: &Document,
    descriptions: impl Fn(&str) -> Option<String>,
    title: &str,
) -> Option<Lede> {
    let title = collapse(title);
    DESCRIPTIONS
        .iter()
        .filter_map(|name| descriptions(name))
        .map(|d| collapse(&d))
        .filter(|d| d.chars().count() >= SHORTEST && *d != title)
        .map(|d| key_of(&d))
        .fold(Vec::<String>::new(), |mut keys, k| {
            if !keys.contains(&k) {
                keys.push(k);
            }
            keys
        })
        .iter()
        .find_map(|k| shown(doc, k, &title))
}

/// The story's text with the standfirst before it, when it lacks it.
pub fn prepend(text: String, lede: Option<Lede>) -> String {
    match lede {
        Some(l) if !collapse(&text).contains(&l.key) && !text.trim().is_empty() => {
            format!("{}\n\n{text}", l.text)
        }
        _ => text,
    }
}

/// The smallest element of the body whose text holds `key`: a paragraph,
/// not a container; never the headline, a link or a script. Looked for
/// from the text that opens the key (or holds its opening) up through a
/// few parents, not by reading every element's text.
fn shown(doc: &Document, key: &str, title: &str) -> Option<Lede> {
    let words: Vec<&str> = key.split(' ').collect();
    let lead = &words[..words.len().min(3)];
    let mut best: Option<String> = None;
    let body = doc.select("body").nodes().first().copied()?;
    for t in body.descendants_it().filter(|n| n.is_text()) {
        // A script's data may hold the description too (and be a megabyte).
        let in_script = t.parent().is_some_and(|p| {
            p.qual_name_ref().is_some_and(|q| {
                matches!(
                    q.local.as_ref(),
                    "script" | "style" | "noscript" | "template"
                )
            })
        });
        if in_script {
            continue;
        }
        let near = t
            .query(|node| match &node.data {
                NodeData::Text { contents } => opens(contents, &words) || holds(contents, lead),
                _ => false,
            })
            .unwrap_or(false);
        if !near {
            continue;
        }
        for n in t.ancestors_it(Some(4)) {
            let Some(name) = n.node_name() else { break };
            if matches!(
                name.as_ref(),
                "script"
                    | "style"
                    | "noscript"
                    | "template"
                    | "a"
                    | "h1"
                    | "title"
                    | "button"
                    | "body"
            ) || !crate::read::furniture::small(&n)
            {
                break;
            }
            let text = collapse(&n.text());
            if text.contains(key) {
                if text != title
                    && !inside_link(&n)
                    && best.as_ref().is_none_or(|b| text.len() < b.len())
                {
                    best = Some(text);
                }
                break;
            }
        }
    }
    best.map(|text| Lede {
        text,
        key: key.to_string(),
    })
}

/// Whether `raw` is the key's opening words (its last word may be cut,
/// as a drop cap's letter is). Word by word, nothing copied: this runs
/// for every text of the page.
fn opens(raw: &str, words: &[&str]) -> bool {
    let mut it = raw.split_whitespace().peekable();
    let mut i = 0;
    while let Some(w) = it.next() {
        let Some(k) = words.get(i) else { return false };
        let last = it.peek().is_none();
        if w != *k && !(last && k.starts_with(w)) {
            return false;
        }
        i += 1;
    }
    i > 0
}

/// Whether `raw` holds the words of `lead` one after another.
fn holds(raw: &str, lead: &[&str]) -> bool {
    let mut it = raw.split_whitespace();
    loop {
        let mut probe = it.clone();
        if lead.iter().all(|k| probe.next() == Some(k)) {
            return true;
        }
        if it.next().is_none() {
            return false;
        }
    }
}

fn inside_link(n: &NodeRef) -> bool {
    n.ancestors_it(None)
        .any(|a| a.node_name().as_deref() == Some("a"))
}

/// The description's opening, ending at a word (no "…" of a cut).
fn key_of(d: &str) -> String {
    let cut: String = d.chars().take(KEY_CHARS).collect();
    let cut = if d.chars().count() > KEY_CHARS {
        cut.rsplit_once(' ')
            .map_or(cut.as_str(), |(a, _)| a)
            .to_string()
    } else {
        cut
    };
    cut.trim_end_matches(['…', '.', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lede(html: &str, description: &str) -> Option<Lede> {
        let doc = Document::from(html);
        find(
            &doc,
            |n| (n == "og:description").then(|| description.to_string()),
            "Blinken meets Qin in Beijing",
        )
    }

    const PAGE: &str = r#"<html><body><header><h1>Blinken meets Qin in Beijing</h1>
        <p class="x"><strong>Beijing.</strong> The two sides held candid and constructive
        talks for more than seven hours on Sunday.</p></header>
        <div><p>The story's first paragraph.</p></div></body></html>"#;

    #[test]
    fn the_paragraph_showing_the_description_is_the_standfirst() {
        let l = lede(
            PAGE,
            "Beijing. The two sides held candid and constructive talks for more than seven hours…",
        )
        .expect("found");
        assert_eq!(
            l.text,
            "Beijing. The two sides held candid and constructive talks for more than seven hours on Sunday."
        );
        let text = prepend("The story's first paragraph.".into(), Some(l.clone()));
        assert!(text.starts_with("Beijing. The two"), "{text}");
        assert!(text.ends_with("first paragraph."), "{text}");
        // A story that has it already is left as it is.
        let has = format!("{}\n\nMore.", l.text);
        assert_eq!(prepend(has.clone(), Some(l)), has);
    }

    #[test]
    fn a_description_the_body_does_not_show_adds_nothing() {
        assert_eq!(
            lede(
                PAGE,
                "The best news site for diplomats, every day of the week."
            ),
            None
        );
        // Too short to be a paragraph.
        assert_eq!(lede(PAGE, "Beijing. The two sides"), None);
        // The headline itself is no standfirst.
        assert_eq!(lede(PAGE, "Blinken meets Qin in Beijing"), None);
    }

    #[test]
    fn words_are_matched_without_copying_the_text() {
        let words: Vec<&str> = "The two sides held candid talks".split(' ').collect();
        assert!(opens("The two", &words));
        assert!(opens(" T", &words), "a drop cap");
        assert!(opens("The\n   two sides", &words));
        assert!(!opens("The three", &words));
        assert!(!opens("  ", &words));
        assert!(holds("Beijing. The two sides held", &words[..3]));
        assert!(holds("x The\ntwo   sides", &words[..3]));
        assert!(!holds("The two, sides", &words[..3]));
    }

    #[test]
    fn a_link_showing_the_description_is_a_teaser_not_the_standfirst() {
        let html = r#"<html><body><ul><li><a href="/x"><span>Beijing. The two sides held candid
            and constructive talks for more than seven hours on Sunday.</span></a></li></ul></body></html>"#;
        assert_eq!(
            lede(
                html,
                "Beijing. The two sides held candid and constructive talks for more than seven hours"
            ),
            None
        );
    }
}
