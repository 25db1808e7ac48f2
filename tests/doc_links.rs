//! Every relative link in the documentation leads somewhere: README.md,
//! ARCHITECTURE.md and every Markdown file under docs/ are read, each link
//! and image (`[text](target)`, `![alt](target)`, `[label]: target`) outside
//! code is found, and a target that is not a web, mail or `detente:` address
//! must be a file or folder that exists; a `#fragment` (`page.md#part` or
//! `#part` alone) must name a heading of that Markdown file, by the slug a
//! code host makes of it (GitHub's rule: lower case, punctuation other than
//! `-` and `_` dropped, spaces made `-`, `-1`, `-2` after repeats). Every
//! broken link is listed with its file and line before the test fails.
//!
//! Headings are the `#` kind (ATX); underlined headings are not read.
//! Std only: it reads files as text and uses nothing of the crate.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Addresses that are not files of this repository.
const EXTERNAL: &[&str] = &["http:", "https:", "mailto:", "detente:"];

#[test]
fn every_relative_link_in_the_docs_leads_somewhere() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("ARCHITECTURE.md")];
    markdown_under(&root.join("docs"), &mut files);
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = read(file);
        for link in links(&text) {
            checked += 1;
            if let Err(why) = check(&root, file, &link.target) {
                let shown = file.strip_prefix(&root).unwrap_or(file);
                failures.push(format!(
                    "{}:{}: ({}) {why}",
                    shown.display(),
                    link.line,
                    link.target
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} broken link(s) in the documentation:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        checked >= 20,
        "only {checked} links found in {} files: is the link finder broken?",
        files.len()
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `*.md` file under `dir`, at any depth, in name order.
fn markdown_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            markdown_under(&path, out);
        } else if path.extension().is_some_and(|x| x == "md") {
            out.push(path);
        }
    }
}

/// Whether `target`, written in `file`, leads to something that exists.
fn check(root: &Path, file: &Path, target: &str) -> Result<(), String> {
    if EXTERNAL
        .iter()
        .any(|s| starts_with_ignoring_case(target, s))
    {
        return Ok(());
    }
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (target, None),
    };
    let path = path
        .split('?')
        .next()
        .unwrap_or_default()
        .replace("%20", " ");
    let dest = if path.is_empty() {
        if fragment.is_none() {
            return Err("empty link".to_string());
        }
        file.to_path_buf()
    } else if let Some(from_root) = path.strip_prefix('/') {
        root.join(from_root)
    } else {
        file.parent().unwrap_or(root).join(&path)
    };
    if !dest.exists() {
        let shown = dest.strip_prefix(root).unwrap_or(&dest);
        return Err(format!("no such file: {}", shown.display()));
    }
    let Some(fragment) = fragment else {
        return Ok(());
    };
    if dest.extension().is_none_or(|x| x != "md") {
        // A fragment into source code (`#L10`) or a folder is not checked.
        return Ok(());
    }
    let anchors = anchors(&read(&dest));
    if anchors.iter().any(|a| a == fragment) {
        Ok(())
    } else {
        Err(format!(
            "no heading with the anchor #{fragment} in {}",
            dest.file_name().unwrap_or_default().to_string_lossy()
        ))
    }
}

fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// A link as written: its line (from 1) and target.
#[derive(Debug, PartialEq)]
struct Link {
    line: usize,
    target: String,
}

/// The links and images of a Markdown text, outside fenced code blocks and
/// code spans.
fn links(text: &str) -> Vec<Link> {
    let prose = without_code(text);
    let mut out = Vec::new();
    for (i, line) in prose.lines().enumerate() {
        for target in targets_in_line(line) {
            out.push(Link {
                line: i + 1,
                target,
            });
        }
    }
    out
}

/// The targets of the inline links, images and link definitions of a line.
fn targets_in_line(line: &str) -> Vec<String> {
    if let Some(target) = definition_target(line) {
        return vec![target];
    }
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let (target, used) = link_target(after);
        if let Some(target) = target {
            out.push(target);
        }
        rest = &after[used..];
    }
    out
}

/// The target of a link definition line, `[label]: target "title"`.
fn definition_target(line: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (label, after) = rest.split_once("]:")?;
    if label.is_empty() || label.contains(']') {
        return None;
    }
    let target = after.split_whitespace().next().unwrap_or_default();
    Some(
        target
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_string(),
    )
}

/// The target at the start of `s` (just after `](`) and how many bytes it
/// took: `<target>`, or text up to a space or the `)` that closes the link,
/// with balanced parentheses inside. A title after a space is left out.
fn link_target(s: &str) -> (Option<String>, usize) {
    let lead = s.len() - s.trim_start().len();
    let body = &s[lead..];
    if let Some(inner) = body.strip_prefix('<') {
        return match inner.find('>') {
            Some(end) => (Some(inner[..end].to_string()), lead + end + 2),
            None => (None, lead + 1),
        };
    }
    let mut depth = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return (Some(body[..i].to_string()), lead + i + 1),
            ')' => depth -= 1,
            c if c.is_whitespace() => {
                // A title follows: the target ends here.
                return (Some(body[..i].to_string()), lead + i);
            }
            _ => {}
        }
    }
    (None, s.len())
}

/// The text with fenced code blocks and code spans blanked out (their
/// characters made spaces, line ends kept), so line numbers stay true.
fn without_code(text: &str) -> String {
    let mut prose = String::with_capacity(text.len());
    let mut fence: Option<(char, usize)> = None;
    for line in text.split_inclusive('\n') {
        let marker = fence_marker(line);
        let in_code = match (fence, marker) {
            (None, Some((c, n, _))) => {
                fence = Some((c, n));
                true
            }
            (Some((c, n)), Some((mc, mn, info))) if mc == c && mn >= n && info.is_empty() => {
                fence = None;
                true
            }
            (Some(_), _) => true,
            (None, None) => false,
        };
        if in_code {
            prose.extend(line.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        } else {
            prose.push_str(line);
        }
    }
    without_code_spans(&prose)
}

/// A fence line: its character (`` ` `` or `~`), its length and what follows it.
fn fence_marker(line: &str) -> Option<(char, usize, &str)> {
    let trimmed = line.trim_start();
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    if n < 3 {
        return None;
    }
    let info = trimmed[n..].trim();
    if c == '`' && info.contains('`') {
        return None;
    }
    Some((c, n, info))
}

/// Code spans blanked: a run of backticks up to the next run of the same
/// length in the same paragraph; a run with no partner stays as it is.
fn without_code_spans(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let n = chars[i..].iter().take_while(|c| **c == '`').count();
        match closing_run(&chars, i + n, n) {
            Some(end) => {
                out.extend(
                    chars[i..end]
                        .iter()
                        .map(|c| if *c == '\n' { '\n' } else { ' ' }),
                );
                i = end;
            }
            None => {
                out.extend(&chars[i..i + n]);
                i += n;
            }
        }
    }
    out
}

/// Where a run of exactly `n` backticks from `from` on ends, before a blank line.
fn closing_run(chars: &[char], from: usize, n: usize) -> Option<usize> {
    let mut j = from;
    let mut line_blank = false;
    while j < chars.len() {
        match chars[j] {
            '`' => {
                let m = chars[j..].iter().take_while(|c| **c == '`').count();
                if m == n {
                    return Some(j + m);
                }
                j += m;
                line_blank = false;
            }
            '\n' if line_blank => return None,
            '\n' => {
                line_blank = true;
                j += 1;
            }
            c => {
                if !c.is_whitespace() {
                    line_blank = false;
                }
                j += 1;
            }
        }
    }
    None
}

/// The anchors of a Markdown text's headings, repeats numbered as a code host does.
fn anchors(text: &str) -> Vec<String> {
    let prose = without_code(text);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    // Code spans are blanked in `prose`; the heading's words come from the original line.
    for (line, original) in prose.lines().zip(text.lines()) {
        if heading_text(line).is_none() {
            continue;
        }
        let Some(words) = heading_text(original) else {
            continue;
        };
        let base = slug(words);
        let count = seen.entry(base.clone()).or_insert(0);
        out.push(if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        });
        *count += 1;
    }
    out
}

/// The words of an ATX heading line (`## Words ##`), or None.
fn heading_text(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.chars().take_while(|c| *c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let after = &rest[level..];
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\t')) {
        return None;
    }
    let words = after.trim();
    // A closing run of `#` after a space is not part of the words.
    let open = words.trim_end_matches('#');
    Some(if open.is_empty() || open.ends_with([' ', '\t']) {
        open.trim_end()
    } else {
        words
    })
}

/// GitHub's anchor for a heading: links reduced to their text, lower case,
/// every character but letters, digits, `-`, `_` and spaces dropped, spaces
/// made `-`.
fn slug(heading: &str) -> String {
    let mut text = String::new();
    let mut rest = heading;
    // `[words](target)` keeps its words.
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let (target, used) = link_target(&rest[close + 2..]);
        if target.is_none() {
            break;
        }
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..close]);
        rest = &rest[close + 2 + used..];
    }
    text.push_str(rest);
    text.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod finder {
    use super::*;

    fn targets(text: &str) -> Vec<String> {
        links(text).into_iter().map(|l| l.target).collect()
    }

    #[test]
    fn slugs_follow_the_code_hosts_rule() {
        assert_eq!(slug("Install"), "install");
        assert_eq!(slug("The `.detente` file"), "the-detente-file");
        assert_eq!(
            slug("The JSON export (stable machine interface)"),
            "the-json-export-stable-machine-interface"
        );
        assert_eq!(
            slug("`src/text/` — text primitives"),
            "srctext--text-primitives"
        );
        assert_eq!(
            slug("Dates: how to correct them"),
            "dates-how-to-correct-them"
        );
        assert_eq!(
            slug("snake_case and kebab-case"),
            "snake_case-and-kebab-case"
        );
        assert_eq!(slug("Żółć and 日本語 2023"), "żółć-and-日本語-2023");
        assert_eq!(
            slug("See [the guide](guide/README.md) first"),
            "see-the-guide-first"
        );
    }

    #[test]
    fn repeated_headings_are_numbered() {
        let text = "# Notes\n\n## Notes\n\n### Other ###\n\n## Notes\n";
        assert_eq!(anchors(text), ["notes", "notes-1", "other", "notes-2"]);
    }

    #[test]
    fn headings_in_code_are_not_headings() {
        let text = "# Real\n\n```sh\n# a shell comment\n```\n\n#not a heading\n";
        assert_eq!(anchors(text), ["real"]);
    }

    #[test]
    fn links_images_titles_and_definitions_are_found() {
        let text = "See [the guide](docs/guide/README.md \"Guide\") and ![shot](img/a.png).\n\
                    [a](<with space.md>) [b](#part) [c](page.md#part)\n\
                    [ref]: reference/cli.md \"The CLI\"\n";
        assert_eq!(
            targets(text),
            [
                "docs/guide/README.md",
                "img/a.png",
                "with space.md",
                "#part",
                "page.md#part",
                "reference/cli.md"
            ]
        );
        assert_eq!(links(text)[4].line, 2);
        assert_eq!(links(text)[5].line, 3);
    }

    #[test]
    fn parentheses_are_balanced_and_plain_parentheses_are_no_links() {
        assert_eq!(
            targets("(a)(b) and f(x) [x](a_(b).md) (done)"),
            ["a_(b).md"]
        );
        assert_eq!(targets("[one](a.md)[two](b.md)"), ["a.md", "b.md"]);
        assert_eq!(targets("an array[0](1) is not closed [x](never"), ["1"]);
    }

    #[test]
    fn code_fences_and_code_spans_are_skipped() {
        let text = "```md\n[in a fence](nowhere.md)\n```\n\
                    ~~~\n[tilde](nowhere.md)\n```\nstill code\n~~~\n\
                    `[in a span](nowhere.md)` and ``a ` [b](nowhere.md)``\n\
                    a span `across\n[lines](nowhere.md)` ends\n\
                    [real](here.md) after `code`\n";
        assert_eq!(targets(text), ["here.md"]);
        assert_eq!(links(text)[0].line, 12);
    }

    #[test]
    fn an_unclosed_backtick_is_text() {
        assert_eq!(targets("a lone ` backtick\n\n[x](y.md)\n"), ["y.md"]);
    }

    #[test]
    fn external_addresses_are_not_files() {
        let root = Path::new("/nonexistent");
        let file = root.join("README.md");
        for t in [
            "https://example.org/x",
            "HTTP://example.org",
            "mailto:a@b.c",
            "detente:psg_1",
        ] {
            assert_eq!(check(root, &file, t), Ok(()), "{t}");
        }
        assert!(check(root, &file, "missing.md").is_err());
        assert!(check(root, &file, "").is_err());
    }
}
