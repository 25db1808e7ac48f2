//! The user guide and the reference, built into the program from `docs/`
//! so Help works offline and always describes this version; links between
//! pages are made to turn pages in the Help window, and the guide's
//! pictures are built in too ([`PICTURES`]).
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

/// One page of the documentation.
pub struct Page {
    /// Its path under `docs/` ("guide/dates.md"), as links name it.
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! page {
    ($path:literal) => {
        Page {
            path: $path,
            text: include_str!(concat!("../../../docs/", $path)),
        }
    };
}

/// Every page, the guide's first, in the order the Help window lists them.
pub const PAGES: &[Page] = &[
    page!("guide/README.md"),
    page!("guide/install.md"),
    page!("guide/start-and-import.md"),
    page!("guide/read-and-tag.md"),
    page!("guide/dates.md"),
    page!("guide/timeline.md"),
    page!("guide/memos-and-search.md"),
    page!("guide/curate.md"),
    page!("guide/share-and-merge.md"),
    page!("guide/export-and-report.md"),
    page!("guide/shortcuts.md"),
    page!("reference/README.md"),
    page!("reference/cli.md"),
    page!("reference/json.md"),
    page!("reference/interchange.md"),
    page!("reference/import-formats.md"),
    page!("reference/file-format.md"),
    page!("reference/dates.md"),
    page!("reference/benchmarks.md"),
    page!("reference/fuzzing.md"),
    page!("reference/decisions.md"),
    page!("reference/development.md"),
];

macro_rules! picture {
    ($path:literal) => {
        (
            $path,
            include_bytes!(concat!("../../../docs/", $path)).as_slice(),
        )
    };
}

/// The pictures the pages show, by their path from `docs/`, built in so
/// Help shows them offline (a test checks that every picture a page
/// names is here).
pub const PICTURES: &[(&str, &[u8])] = &[
    picture!("guide/img/conflicts-tab.png"),
    picture!("guide/img/export-dialog.png"),
    picture!("guide/img/import-result.png"),
    picture!("guide/img/search-everything.png"),
    picture!("screenshot-cjk.png"),
    // The window's snapshots, which the UI tests keep current.
    picture!("../tests/snapshots/main_light.png"),
    picture!("../tests/snapshots/actors_tab.png"),
    picture!("../tests/snapshots/codebook_tab.png"),
    picture!("../tests/snapshots/timeline_small_many_lanes.png"),
];

/// The address the Help window loads a built-in picture from.
pub fn picture_uri(path: &str) -> String {
    format!("bytes://help/{path}")
}

/// The page at `path`, if built in.
pub fn index_of(path: &str) -> Option<usize> {
    PAGES.iter().position(|p| p.path == path)
}

/// The guide's page of keyboard shortcuts.
pub const SHORTCUTS: &str = "guide/shortcuts.md";

/// A page's title: its first heading.
pub fn title(page: &Page) -> &'static str {
    page.text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::trim)
        .unwrap_or(page.path)
}

/// A heading's anchor as code hosts make it: lower case, spaces to
/// hyphens, other marks dropped ("Typing a date" is `typing-a-date`).
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The page's text from the heading whose anchor is `frag` on; None when
/// no heading has it.
pub fn section<'a>(text: &'a str, frag: &str) -> Option<&'a str> {
    let mut at = 0;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        let heading = line.trim_start_matches('#');
        if !in_fence && line.starts_with('#') && heading.starts_with(' ') && slug(heading) == frag {
            return Some(&text[at..]);
        }
        at += line.len();
    }
    None
}

/// The scheme of a link that turns to another built-in page.
pub const SCHEME: &str = "detente-help:";

/// `target` (a link in the page at `from`) as a path under `docs/`, when
/// it leads to a built-in page: "../reference/cli.md#import" from
/// "guide/dates.md" is "reference/cli.md"; a link to the page itself
/// ("#section") is that page.
pub fn resolve(from: &str, target: &str) -> Option<&'static str> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let file = target.split('#').next().unwrap_or("");
    if file.is_empty() {
        return PAGES.iter().find(|p| p.path == from).map(|p| p.path);
    }
    let path = joined(from, file);
    PAGES.iter().find(|p| p.path == path).map(|p| p.path)
}

/// The path from `docs/` of `file`, named relative to the page at `from`;
/// it starts with ".." for a file above `docs/` ("../tests/snapshots/…").
fn joined(from: &str, file: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in file.split('/') {
        match seg {
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The page's Markdown as the Help window shows it: links to built-in
/// pages go through [`SCHEME`], links to other files of the source
/// (ARCHITECTURE.md, the code) are left as text, built-in pictures are
/// shown with their description under them and others become it. Also the links made ("guide/dates.md" or
/// "guide/dates.md#typing-a-date"), for the viewer's hooks.
pub fn shown(page: &Page) -> (String, Vec<String>) {
    let mut out = String::with_capacity(page.text.len());
    let mut linked = vec![];
    let mut in_fence = false;
    for line in page.text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || line.trim_start().starts_with("```") {
            out.push_str(line);
        } else {
            out.push_str(&links_in(page.path, line, &mut linked));
        }
        out.push('\n');
    }
    linked.sort_unstable();
    linked.dedup();
    (out, linked)
}

/// The built-in picture a page at `from` names with `target`.
fn picture_path(from: &str, target: &str) -> Option<&'static str> {
    let path = joined(from, target);
    PICTURES.iter().find(|(p, _)| *p == path).map(|(p, _)| *p)
}

/// One line with its links and pictures rewritten (see [`shown`]).
fn links_in(from: &str, line: &str, linked: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let picture = open > 0 && rest[..open].ends_with('!');
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close + 2..].find(')').map(|i| close + 2 + i) else {
            break;
        };
        let label = &rest[open + 1..close];
        let target = rest[close + 2..end].split_whitespace().next().unwrap_or("");
        out.push_str(&rest[..if picture { open - 1 } else { open }]);
        if picture {
            // A built-in picture is shown, with its description under it;
            // any other stays its description.
            match picture_path(from, target) {
                Some(path) => {
                    out.push_str(&format!("![{label}]({})\n\n*{label}*", picture_uri(path)))
                }
                None => out.push_str(&format!("*(picture: {label})*")),
            }
        } else if target.contains("://") || target.starts_with("mailto:") {
            out.push_str(&rest[open..=end]);
        } else if let Some(page) = resolve(from, target) {
            let to = match target.split_once('#') {
                Some((_, frag)) if !frag.is_empty() => format!("{page}#{frag}"),
                _ => page.to_string(),
            };
            out.push_str(&format!("[{label}]({SCHEME}{to})"));
            linked.push(to);
        } else {
            // A file of the source, not built in: its name, as text.
            out.push_str(label);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_a_title_and_its_links_lead_to_built_in_pages() {
        for p in PAGES {
            assert!(title(p).len() > 3, "{}", p.path);
            let (text, linked) = shown(p);
            // Pictures only as built-in ones.
            let outside = text.replace("](bytes://help/", "](built-in:");
            assert!(
                !outside.contains("](../") && !outside.contains("](img/"),
                "{}",
                p.path
            );
            for l in linked {
                let (path, frag) = l.split_once('#').unwrap_or((&l, ""));
                let target = &PAGES[index_of(path).unwrap_or_else(|| panic!("{l}"))];
                assert!(
                    frag.is_empty() || section(target.text, frag).is_some(),
                    "{}: no section {l}",
                    p.path
                );
            }
        }
        assert!(index_of(SHORTCUTS).is_some());
    }

    #[test]
    fn relative_links_resolve_between_the_guide_and_the_reference() {
        assert_eq!(
            resolve("guide/dates.md", "../reference/cli.md#import"),
            Some("reference/cli.md")
        );
        assert_eq!(
            resolve("guide/README.md", "dates.md"),
            Some("guide/dates.md")
        );
        assert_eq!(resolve("guide/dates.md", "#typing"), Some("guide/dates.md"));
        assert_eq!(resolve("guide/dates.md", "../../ARCHITECTURE.md"), None);
        assert_eq!(resolve("guide/dates.md", "https://example.org/a.md"), None);
    }

    #[test]
    fn pictures_become_their_descriptions_and_other_files_text() {
        let page = Page {
            path: "guide/x.md",
            text: "See ![the timeline](img/t.png) and [dates](dates.md#a) or \
                   [the map](../../ARCHITECTURE.md), [site](https://example.org).\n\
                   ```\n[not](a link.md)\n```",
        };
        let (text, linked) = shown(&page);
        assert!(text.starts_with(
            "See *(picture: the timeline)* and [dates](detente-help:guide/dates.md#a) or the map, \
             [site](https://example.org)."
        ));
        assert!(text.contains("[not](a link.md)"), "code is left alone");
        assert_eq!(linked, ["guide/dates.md#a"]);
    }

    #[test]
    fn built_in_pictures_are_shown_with_their_description() {
        let page = Page {
            path: "guide/x.md",
            text: "![The Export dialog](img/export-dialog.png)",
        };
        let (text, _) = shown(&page);
        assert_eq!(
            text.trim_end(),
            "![The Export dialog](bytes://help/guide/img/export-dialog.png)\n\n*The Export dialog*"
        );
    }

    /// A screenshot added to the guide but not built in would show as a
    /// description only: every picture a page names is in PICTURES, and
    /// every one there is a PNG.
    #[test]
    fn every_picture_the_pages_name_is_built_in() {
        let mut named = 0;
        for page in PAGES {
            for (i, _) in page.text.match_indices("![") {
                let rest = &page.text[i..];
                let Some(open) = rest.find("](") else {
                    continue;
                };
                let after = &rest[open + 2..];
                let target = &after[..after.find(')').unwrap_or(after.len())];
                assert!(
                    picture_path(page.path, target).is_some(),
                    "{}: {target} is not in PICTURES",
                    page.path
                );
                named += 1;
            }
        }
        assert!(named >= PICTURES.len(), "{named} pictures named");
        for (path, bytes) in PICTURES {
            assert!(bytes.starts_with(b"\x89PNG"), "{path}");
        }
    }
}
