//! Site furniture removed from a page before its main text is extracted:
//! what news pages put among their story's paragraphs or around them and
//! name or shape as such. Readability (dom_smoothie) keeps these because
//! they sit inside the story's container or look like short paragraphs.
//!
//! Every rule here is general (no site is named) and was measured on all
//! 150 pages of `extraction-dev` before it went in: each removes
//! boilerplate on some pages and costs no page its article text. Names
//! that looked as good cost article text and are not here: `post`, `tag`,
//! `date`, `list`, `hidden`, singular `teaser` (some sites mark the lead
//! with it), and a class *containing* `form` (WordPress's
//! `format-standard`, Drupal's `text-formatted` wrap whole articles).
//!
//! Runs after [`crate::read::head::Head::read`]: the page's date elements
//! (in `<nav>`, `meta` boxes) are read before they go.
//!
//! Imports only `text` (layer `read`).

use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// Elements that name themselves as furniture by a class containing
/// these: picture captions, photo credits, related-story boxes.
const NAMED: &str = "[class*='caption' i], [class*='credit' i], [class*='related' i]";

/// Whole words of a class or id (split at spaces, `-`, `_`, `:`, `/`,
/// `.` and camelCase) that name an element as furniture: author boxes,
/// newsletter sign-ups, breadcrumbs, meta lines, category lists,
/// copyright lines, alerts, forms, navigation boxes and sliders.
const WORDS: [&str; 12] = [
    "newsletter",
    "author",
    "authors",
    "breadcrumb",
    "breadcrumbs",
    "meta",
    "categories",
    "copyright",
    "alert",
    "form",
    "navbox",
    "slider",
];

/// An element named as furniture that holds this many paragraphs of 80
/// characters or more is the article (a `post-meta` wrapper around it).
const GUARD_PARAGRAPHS: usize = 3;

/// Remove the furniture from the page's body.
pub fn prune(doc: &Document) {
    doc.select("body").select(NAMED).remove();
    let main = main_block_and_ancestors(doc);
    let mut gone: Vec<NodeRef> = vec![];
    for n in doc.select("body *").nodes() {
        let Some(name) = n.node_name() else { continue };
        let name = name.as_ref();
        if named_by_word(n) && long_paragraphs(n) < GUARD_PARAGRAPHS {
            gone.push(*n);
            continue;
        }
        // The rest never take the story's container or what holds it.
        if main.contains(&n.id) {
            continue;
        }
        if name == "nav" {
            gone.push(*n);
            continue;
        }
        // Short lines: a big subtree is not read for them, and each is
        // read once.
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let boxed = matches!(name, "div" | "span" | "small");
        let credit_only = matches!(name, "em" | "figcaption");
        if !(name == "p" || heading || boxed || credit_only) || !small(n) {
            continue;
        }
        let t = text(n);
        let len = t.chars().count();
        if len == 0 || len > 250 {
            continue;
        }
        let shaped = credit_line(&t)
            || (!credit_only && !heading && copyright_line(&t))
            || ((name == "p" || heading) && read_also(n, &t))
            || (name == "p" && trailing_link_line(n, len));
        if shaped {
            gone.push(*n);
        }
    }
    for n in gone {
        n.remove_from_parent();
    }
}

/// Whether an element has few enough nodes to be a short line.
fn small(n: &NodeRef) -> bool {
    const MOST: usize = 64;
    n.descendants_it().take(MOST).count() < MOST
}

/// Whether a word of the element's class or id names it as furniture
/// (words split at spaces, `-`, `_`, `:`, `/`, `.` and camelCase:
/// "authorBox" is "author" and "box"). Compared in place: this runs for
/// every element of the page.
fn named_by_word(n: &NodeRef) -> bool {
    let is_word = |w: &str| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x));
    ["class", "id"].iter().any(|attr| {
        let Some(v) = n.attr(attr) else { return false };
        v.split(|c: char| c.is_whitespace() || "-_:/.".contains(c))
            .any(|part| {
                let mut start = 0;
                let mut prev_lower = false;
                for (i, c) in part.char_indices() {
                    if c.is_uppercase() && prev_lower {
                        if is_word(&part[start..i]) {
                            return true;
                        }
                        start = i;
                    }
                    prev_lower = c.is_lowercase() || c.is_ascii_digit();
                }
                is_word(&part[start..])
            })
    })
}

fn text(n: &NodeRef) -> String {
    crate::text::normalise::one_line(&n.text())
}

fn long_paragraphs(n: &NodeRef) -> usize {
    n.descendants_it()
        .filter(|d| d.node_name().as_deref() == Some("p"))
        .filter(|p| text(p).chars().count() >= 80)
        .take(GUARD_PARAGRAPHS)
        .count()
}

/// The element holding most paragraph text (the story's container), and
/// every element above it.
fn main_block_and_ancestors(doc: &Document) -> HashSet<dom_query::NodeId> {
    let mut by_parent: std::collections::HashMap<dom_query::NodeId, usize> = Default::default();
    let mut parents: Vec<NodeRef> = vec![];
    for p in doc.select("body p").nodes() {
        if let Some(parent) = p.parent() {
            let len = p.text().trim().len();
            let e = by_parent.entry(parent.id).or_insert_with(|| {
                parents.push(parent);
                0
            });
            *e += len;
        }
    }
    let Some(main) = parents
        .iter()
        .max_by_key(|p| by_parent.get(&p.id).copied().unwrap_or(0))
    else {
        return HashSet::new();
    };
    let mut out: HashSet<dom_query::NodeId> = main.ancestors_it(None).map(|a| a.id).collect();
    out.insert(main.id);
    out
}

/// Characters of an element's text inside links.
fn link_chars(n: &NodeRef) -> usize {
    n.descendants_it()
        .filter(|d| d.node_name().as_deref() == Some("a"))
        .map(|a| text(&a).chars().count())
        .sum()
}

/// "Read also: <a>Headline</a>", "LE PUEDE INTERESAR: <a>…</a>": a short
/// label ending in a colon, then a link.
fn read_also(n: &NodeRef, all: &str) -> bool {
    let links: Vec<String> = n
        .descendants_it()
        .filter(|d| d.node_name().as_deref() == Some("a"))
        .map(|a| text(&a))
        .collect();
    if links.iter().map(|l| l.chars().count()).sum::<usize>() < 15 {
        return false;
    }
    let mut rest = all.to_string();
    for l in &links {
        rest = rest.replacen(l.as_str(), " ", 1);
    }
    let rest = crate::text::normalise::one_line(&rest);
    (1..=30).contains(&rest.chars().count()) && rest.ends_with(':')
}

/// A short paragraph that is all link and the last thing in its parent
/// ("More from our coverage" as one link under the story).
fn trailing_link_line(n: &NodeRef, len: usize) -> bool {
    if len == 0 || len > 200 || link_chars(n) * 100 <= len * 95 {
        return false;
    }
    let mut next = n.next_element_sibling();
    while let Some(s) = next {
        if !text(&s).is_empty() {
            return false;
        }
        next = s.next_element_sibling();
    }
    true
}

/// "(Credit: …)", "Foto: …", "Bild: …", "Quelle: …": a short credit line.
fn credit_line(t: &str) -> bool {
    if t.is_empty() || t.chars().count() > 120 {
        return false;
    }
    let t = t.trim_start_matches(['(', ' ']).to_lowercase();
    let Some((label, _)) = t.split_once(':') else {
        return false;
    };
    matches!(
        label.trim_end(),
        "credit"
            | "credits"
            | "foto"
            | "fotos"
            | "photo"
            | "photos"
            | "bild"
            | "bilder"
            | "quelle"
            | "source"
            | "image"
            | "picture"
    )
}

/// A short line with a copyright sign.
fn copyright_line(t: &str) -> bool {
    !t.is_empty() && t.chars().count() <= 160 && t.contains('©')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned(body: &str) -> String {
        let doc = Document::from(format!("<html><body>{body}</body></html>"));
        prune(&doc);
        crate::text::normalise::one_line(&doc.select("body").text())
    }

    const STORY: &str = "<p>The two sides held candid, substantive and constructive talks lasting more than seven hours.</p>\
        <p>Blinken invited Qin to Washington to continue the discussions at a mutually suitable time.</p>\
        <p>Both sides agreed to keep the lines of communication open and to meet again in the autumn.</p>";

    #[test]
    fn furniture_named_by_a_word_of_its_class_goes_but_not_the_article() {
        let out = pruned(&format!(
            r#"<div class="breadcrumbs">Home › World</div>
            <article class="post-meta-wrapper">{STORY}
              <div class="authorBox">About the author: Jane writes on Asia.</div>
              <div class="newsletter-form__wrapper">Sign up for our newsletter</div>
            </article>
            <div class="format-standard">Kept: not the word form</div>"#
        ));
        assert!(out.contains("candid, substantive"), "{out}");
        assert!(out.contains("Kept: not the word form"), "{out}");
        for gone in ["Home › World", "About the author", "Sign up"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn read_also_lines_credits_copyright_and_navigation_go() {
        let out = pruned(&format!(
            r#"<nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <div class="story">{STORY}
              <p>Lea más: <a href="/x">Los cancilleres se reúnen en Viena</a></p>
              <p>Foto: Reuters / Jane Doe</p>
              <p>Read more about the summit here.</p>
              <p><a href="/more">More coverage of US-China relations</a></p>
            </div>
            <div>© 2023 Example News</div>"#
        ));
        assert!(out.contains("meet again in the autumn"), "{out}");
        assert!(out.contains("Read more about the summit here."), "{out}");
        for gone in [
            "Home",
            "Lea más",
            "Foto: Reuters",
            "© 2023",
            "More coverage of US-China relations",
        ] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn the_storys_container_is_never_taken_whatever_it_is_called() {
        // A container named like furniture that holds the story stays.
        let out = pruned(&format!(r#"<div class="entry-meta">{STORY}</div>"#));
        assert!(out.contains("candid"), "{out}");
        // Nor is the box around it, whatever it holds besides.
        let out = pruned(&format!(
            r#"<main><div>{STORY}</div><p><a href="/a">One more link at the end of the page</a></p></main>"#
        ));
        assert!(out.contains("candid"), "{out}");
        assert!(!out.contains("One more link"), "{out}");
    }
}
