//! Site furniture removed from a page before its main text is extracted:
//! what news pages put among their story's paragraphs or around them and
//! name as such. Readability (dom_smoothie) keeps these because they sit
//! inside the story's container or look like short paragraphs.
//!
//! Every rule here is general (no site is named) and earns its place on
//! sites it was not found on: `benches/extraction_folds.py` splits
//! `extraction-dev` into five folds by site and keeps a rule only when it
//! helps on more than one fold. Kept: elements whose class names a
//! caption, credit or related box; a class or id word `newsletter`; short
//! lines with a copyright sign; and, in the story Readability extracted,
//! blocks whose text is mostly links ([`link_lists`]). Dropped for helping
//! on one fold only: the class words author, breadcrumb, meta, categories,
//! copyright, alert, form, navbox, slider and footer, `<nav>` and
//! `<footer>`, credit lines, "read also" lines and lines that are one link.
//! Names that cost article text were never here:
//! `post`, `tag`, `date`, `list`, `hidden`, `teaser`, a class *containing*
//! `form` (WordPress's `format-standard` wraps whole articles).
//!
//! Runs after [`crate::read::head::Head::read`]: the page's date elements
//! (in `<nav>`, `meta` boxes) are read before they go.
//!
//! Imports only `text` (layer `read`).

use crate::read::ablate::off;
use dom_query::{Document, NodeData, NodeId, NodeRef};
use std::collections::{HashMap, HashSet};

/// Elements that name themselves as furniture by a class containing
/// these: picture captions, photo credits, related-story boxes.
const NAMED: &str = "[class*='caption' i], [class*='credit' i], [class*='related' i]";

/// Whole words of a class or id (split at spaces, `-`, `_`, `:`, `/`,
/// `.` and camelCase) that name an element as furniture: newsletter
/// sign-ups. The other words of the last round (author, breadcrumb,
/// meta, categories, copyright, alert, form, navbox, slider) helped on
/// one fold of sites each, never on another, and were dropped
/// (`benches/extraction_folds.py`; docs/reference/import-formats.md).
const WORDS: [&str; 1] = ["newsletter"];

/// An element named as furniture that holds this many paragraphs of 80
/// characters or more is the article (a `post-meta` wrapper around it).
const GUARD_PARAGRAPHS: usize = 3;

/// The blocks a list of links is in.
const LINK_BLOCKS: [&str; 17] = [
    "div", "ul", "ol", "li", "section", "aside", "nav", "p", "table", "dl", "span", "h1", "h2",
    "h3", "h4", "h5", "h6",
];

/// A block of links shorter than this (letters, not spaces) is a line of
/// the story with two links in it.
const LINK_LIST_CHARS: usize = 20;

/// Remove the furniture from the page's body.
pub fn prune(doc: &Document) {
    if !off("named") {
        doc.select("body").select(NAMED).remove();
    }
    let Some(body) = doc.select("body").nodes().first().copied() else {
        return;
    };
    let main = main_block_and_ancestors(&body);
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
        // Short lines with a copyright sign: a big subtree is not read.
        if !matches!(name, "p" | "div" | "span" | "small") || !small(n) || off("copyright") {
            continue;
        }
        let t = text(n);
        if copyright_line(&t) {
            gone.push(*n);
        }
    }
    for n in gone {
        n.remove_from_parent();
    }
}

/// Remove from the extracted story the blocks whose text is mostly
/// links (two links or more, four fifths of the text in them): lists of
/// other stories, tag and category lists, navigation boxes that sit inside
/// the story's container. Run on Readability's result, not before it: taken
/// from the whole page, they change which container Readability chooses
/// (a page lost its story's end that way). Returns whether any went.
pub fn link_lists(root: &NodeRef) -> bool {
    if off("links") {
        return false;
    }
    let mut lists: Vec<NodeRef> = vec![];
    for c in root.children_it(false) {
        tally(&c, &mut lists);
    }
    if lists.is_empty() {
        return false;
    }
    // The story's container and what holds it stay, whatever they hold.
    let main = main_block_and_ancestors(root);
    lists.retain(|n| !main.contains(&n.id) && long_paragraphs(n) < GUARD_PARAGRAPHS);
    let any = !lists.is_empty();
    for n in lists {
        n.remove_from_parent();
    }
    any
}

/// Letters (not spaces), letters inside links and links under `n`; the
/// blocks that are mostly links go to `lists`, children before parents
/// (taking a child out of what goes anyway does no harm). Recursive: the
/// page's nesting was bounded before it was parsed (`nesting.rs`). Reads
/// text and names in place: this runs for every element of every story.
fn tally<'a>(n: &NodeRef<'a>, lists: &mut Vec<NodeRef<'a>>) -> (usize, usize, usize) {
    if let Some(letters) = n
        .query(|node| match &node.data {
            NodeData::Text { contents } => {
                Some(contents.chars().filter(|c| !c.is_whitespace()).count())
            }
            _ => None,
        })
        .flatten()
    {
        return (letters, 0, 0);
    }
    if !n.is_element() {
        return (0, 0, 0);
    }
    let (mut text, mut in_links, mut links) = (0, 0, 0);
    for c in n.children_it(false) {
        let (t, l, k) = tally(&c, lists);
        text += t;
        in_links += l;
        links += k;
    }
    let (is_link, is_block) = n.qual_name_ref().map_or((false, false), |q| {
        let name: &str = q.local.as_ref();
        (name == "a", LINK_BLOCKS.contains(&name))
    });
    if is_link {
        in_links = text;
        links += 1;
    }
    if is_block && text >= LINK_LIST_CHARS && links >= 2 && in_links * 5 >= text * 4 {
        lists.push(*n);
    }
    (text, in_links, links)
}

/// Whether an element has few enough nodes to be a short line.
pub(crate) fn small(n: &NodeRef) -> bool {
    const MOST: usize = 64;
    n.descendants_it().take(MOST).count() < MOST
}

/// Whether a word of the element's class or id names it as furniture
/// (words split at spaces, `-`, `_`, `:`, `/`, `.` and camelCase:
/// "authorBox" is "author" and "box"). Compared in place: this runs for
/// every element of the page.
fn named_by_word(n: &NodeRef) -> bool {
    let is_word = |w: &str| {
        WORDS
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x) && !off(&format!("word:{x}")))
    };
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
/// every element above it, under `root`.
fn main_block_and_ancestors(root: &NodeRef) -> HashSet<NodeId> {
    let mut by_parent: HashMap<NodeId, usize> = HashMap::new();
    let mut parents: Vec<NodeRef> = vec![];
    let paragraphs = root
        .descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("p"));
    for p in paragraphs {
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
    let mut out: HashSet<NodeId> = main.ancestors_it(None).map(|a| a.id).collect();
    out.insert(main.id);
    out
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
              <div class="newsletter-form__wrapper">Sign up for our newsletter</div>
            </article>
            <div class="newsletterFoo">Gone too: camelCase</div>
            <div class="newsletters-archive">Kept: not the word newsletter</div>"#
        ));
        assert!(out.contains("candid, substantive"), "{out}");
        assert!(out.contains("Kept: not the word newsletter"), "{out}");
        // A breadcrumb is no longer taken by its name (it helped on one
        // site's pages only).
        assert!(out.contains("Home › World"), "{out}");
        for gone in ["Sign up", "Gone too"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn short_copyright_lines_go_outside_the_story() {
        let out = pruned(&format!(
            r#"<div class="story">{STORY}<p>© 2023 Example News</p></div>
            <div>© 2023 Example News. All rights reserved.</div>"#
        ));
        assert!(out.contains("meet again in the autumn"), "{out}");
        assert!(!out.contains("©"), "{out}");
    }

    fn without_link_lists(body: &str) -> (bool, String) {
        let doc = Document::from(format!(
            "<html><body><div id=\"root\">{body}</div></body></html>"
        ));
        let root = doc.select("#root").nodes()[0];
        let any = link_lists(&root);
        (
            any,
            crate::text::normalise::one_line(&doc.select("body").text()),
        )
    }

    #[test]
    fn blocks_that_are_mostly_links_leave_the_story() {
        let (any, out) = without_link_lists(&format!(
            r#"<div class="body">{STORY}
              <div class="more"><b>See also:</b><ul>
                <li><a href="/1">Qin Gang to visit Washington in the autumn</a></li>
                <li><a href="/2">What the balloon incident changed</a></li></ul></div>
              <p>Tags: <a href="/t/us">United States</a>, <a href="/t/cn">China</a>,
                <a href="/t/d">Diplomacy</a>, <a href="/t/f">Foreign policy</a></p>
            </div>"#
        ));
        assert!(any);
        assert!(out.contains("meet again in the autumn"), "{out}");
        for gone in ["See also", "What the balloon", "Tags:", "United States"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn a_story_line_with_links_in_it_stays() {
        // Two links in a sentence, one link alone, a short pair of links:
        // none is mostly links of two or more and twenty letters.
        let (any, out) = without_link_lists(&format!(
            r#"<div class="body">{STORY}
              <p>The <a href="/s">State Department</a> and the <a href="/m">foreign ministry</a>
                 published readouts of the meeting within the hour.</p>
              <p><a href="/r">Read the full readout</a></p>
              <p><a href="/a">AP</a> <a href="/b">AFP</a></p></div>"#
        ));
        assert!(!any, "{out}");
        assert!(out.contains("published readouts"), "{out}");
        assert!(out.contains("Read the full readout"), "{out}");
    }

    #[test]
    fn the_storys_container_is_never_taken_whatever_it_is_called() {
        // A container named like furniture that holds the story stays.
        let out = pruned(&format!(r#"<div class="newsletter-page">{STORY}</div>"#));
        assert!(out.contains("candid"), "{out}");
    }
}
