//! The layering rule of ARCHITECTURE.md, checked on the sources: each file
//! may import from its own layer and from layers below it, never from a
//! layer above or beside it; no circle of imports among files; the core
//! layers never name egui; every module opens with a doc comment.
//!
//! It reads `src/` as text (no compiler help): `use` trees and inline
//! `crate::`/`super::`/`self::` paths are resolved to the file of the
//! deepest module they name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first. A layer may use the layers of lower rank;
/// two layers of the same rank (read and exchange, cli and ui) may not use
/// each other.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("dates", 1),
    ("core", 2),
    ("read", 3),
    ("exchange", 3),
    ("dev", 4),
    ("cli", 5),
    ("ui", 5),
];

/// Crates only the window may name.
const GUI_CRATES: &[&str] = &["egui", "eframe", "egui_plot", "egui_extras", "rfd"];

fn rank(layer: &str) -> Option<u8> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

/// A source file: its module path (`["core", "model"]`) and its text.
struct Source {
    module: Vec<String>,
    text: String,
}

fn module_of(rel: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    match stem {
        "lib" if parts.is_empty() => {}
        "main" if parts.is_empty() => return None, // the binary: uses `detente::`
        "mod" => {}
        s => parts.push(s.to_string()),
    }
    Some(parts)
}

fn read_sources(dir: &Path, root: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            read_sources(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p.strip_prefix(root).expect("under src");
            if let Some(module) = module_of(rel) {
                let text = std::fs::read_to_string(&p).expect("source is UTF-8");
                out.push(Source { module, text });
            }
        }
    }
}

/// The text without comments (so prose naming a module is no import) and
/// without string literals' contents.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                if b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            // Skip a string literal, keeping its line breaks.
            out.push('"');
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                } else if b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            // A char literal such as '{' or '"'.
            out.push_str("' '");
            i += 3;
        } else {
            let c = text[i..].chars().next().expect("in range");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Expand a `use` tree (`crate::a::{b, c::{d, e}}`) into flat paths.
fn expand_use(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &base, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(join(prefix, path));
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// Every path a file names that starts at `crate`, `super` or `self`, with
/// the module it is written in (an inline `mod tests` counts).
fn paths_in(src: &Source) -> Vec<(Vec<String>, String)> {
    let code = code_only(&src.text);
    let mut out = vec![];
    // Inline modules (`mod tests {` at the start of a line, to its `}`).
    let mut here = src.module.clone();
    let mut inline: Option<usize> = None;
    let mut statement = String::new();
    for line in code.lines() {
        if inline.is_none()
            && let Some(name) = line
                .strip_prefix("mod ")
                .or_else(|| line.strip_prefix("pub mod "))
                .and_then(|r| r.strip_suffix(" {"))
        {
            here.push(name.trim().to_string());
            inline = Some(here.len());
            continue;
        }
        if inline.is_some() && line == "}" {
            here.pop();
            inline = None;
            continue;
        }
        let t = line.trim_start();
        let t = t.strip_prefix("pub ").unwrap_or(t);
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub(super) "))
            .unwrap_or(t);
        if !statement.is_empty() || t.starts_with("use ") {
            statement.push_str(t.strip_prefix("use ").unwrap_or(t));
            statement.push(' ');
            if t.trim_end().ends_with(';') {
                let mut flat = vec![];
                expand_use(statement.trim().trim_end_matches(';'), "", &mut flat);
                out.extend(flat.into_iter().map(|p| (here.clone(), p)));
                statement.clear();
            }
            continue;
        }
        for start in ["crate::", "super::", "self::"] {
            let mut from = 0;
            while let Some(i) = line[from..].find(start).map(|i| from + i) {
                let boundary = i == 0
                    || !line[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
                let end = line[i..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .map_or(line.len(), |e| i + e);
                if boundary {
                    out.push((here.clone(), line[i..end].trim_end_matches(':').to_string()));
                }
                from = end.max(i + 1);
            }
        }
    }
    out
}

/// The absolute module path a path written in `module` names.
fn absolute(module: &[String], path: &str) -> Option<Vec<String>> {
    let mut segs = path.split("::").filter(|s| !s.is_empty());
    let first = segs.next()?;
    let mut abs: Vec<String> = match first {
        "crate" => vec![],
        "self" => module.to_vec(),
        "super" => module[..module.len().checked_sub(1)?].to_vec(),
        _ => return None, // an external crate or std
    };
    for s in segs {
        if s == "super" {
            abs.pop()?;
        } else {
            abs.push(s.to_string());
        }
    }
    Some(abs)
}

/// The problems found, and how many imports between files were seen.
fn check(sources: &[Source]) -> (Vec<String>, usize) {
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let name = |m: &[String]| {
        if m.is_empty() {
            "lib".to_string()
        } else {
            m.join("::")
        }
    };
    let mut problems = vec![];
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for src in sources {
        let own_layer = src.module.first().map(String::as_str);
        let doc: String = src
            .text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join(" ");
        if doc.is_empty() {
            problems.push(format!(
                "{} does not open with a doc comment (//!) saying what it owns",
                name(&src.module)
            ));
        } else if let Some(layer) = own_layer
            && !doc.contains(&format!("(layer `{layer}`)"))
        {
            problems.push(format!(
                "{}'s doc comment does not say what it may import \"(layer `{layer}`)\"",
                name(&src.module)
            ));
        }
        // GUI crates only in the ui layer.
        if own_layer != Some("ui") {
            let code = code_only(&src.text);
            for krate in GUI_CRATES {
                let needle = format!("{krate}::");
                if code.match_indices(&needle).any(|(i, _)| {
                    !code[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                }) {
                    problems.push(format!("{} names {krate}", name(&src.module)));
                }
            }
        }
        for (written_in, path) in paths_in(src) {
            let Some(abs) = absolute(&written_in, &path) else {
                continue;
            };
            // The deepest module the path names is the file it depends on.
            let target = (0..=abs.len())
                .rev()
                .map(|n| abs[..n].to_vec())
                .find(|m| modules.contains(m))
                .unwrap_or_default();
            if target == src.module || target.is_empty() {
                continue;
            }
            // A module's own inline children or its parent's re-exports
            // are not imports of another layer; check the layers.
            let (Some(from), Some(to)) = (own_layer, target.first().map(String::as_str)) else {
                continue;
            };
            if from != to {
                match (rank(from), rank(to)) {
                    (Some(a), Some(b)) if b < a => {}
                    _ => problems.push(format!(
                        "{} imports {} ({path}): layer {from} may not use layer {to}",
                        name(&src.module),
                        name(&target)
                    )),
                }
            }
            edges.entry(src.module.clone()).or_default().insert(target);
        }
    }
    for cycle in cycles(&edges) {
        let names: Vec<String> = cycle.iter().map(|m| name(m)).collect();
        problems.push(format!("circle of imports: {}", names.join(" -> ")));
    }
    (problems, edges.values().map(BTreeSet::len).sum())
}

/// The strongly connected components of more than one file (Tarjan).
fn cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct State<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        next: usize,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Vec<String>) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(ws) = s.edges.get(v) {
            for w in ws {
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on_stack.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = vec![];
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: vec![],
        on_stack: BTreeSet::new(),
        next: 0,
        out: vec![],
    };
    let all: BTreeSet<&Vec<String>> = edges
        .iter()
        .flat_map(|(k, vs)| std::iter::once(k).chain(vs))
        .collect();
    for v in all {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// A made-up source file; `{doc}` in `text` becomes a doc comment that
/// names the file's layer, as every real file's does.
fn src(module: &str, text: &str) -> Source {
    let layer = module.split("::").next().unwrap_or_default();
    Source {
        module: module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        text: text.replace(
            "{doc}",
            &format!("//! A module.\n//! Imports what it may (layer `{layer}`).\n"),
        ),
    }
}

#[test]
fn every_file_imports_only_from_its_layer_and_below_without_circles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = vec![];
    read_sources(&root, &root, &mut sources);
    assert!(sources.len() > 20, "found the sources");
    let (problems, imports) = check(&sources);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The reader of imports sees them (a broken one would pass anything).
    assert!(imports > 200, "only {imports} imports between files seen");
}

#[test]
fn the_checker_catches_an_upward_import_a_circle_and_egui_in_the_core() {
    let sources = vec![
        src("", "//! The crate.\n"),
        src("core", "{doc}"),
        src("core::model", "{doc}use crate::ui::app::App;\n"),
        src("core::store", "{doc}use crate::core::{ops::x, model};\n"),
        src("core::ops", "{doc}fn f() { crate::core::store::save(); }\n"),
        src("core::timeline", "{doc}fn f(_: egui::Ui) {}\n"),
        src("read", "{doc}"),
        src("read::html", "{doc}use crate::exchange::csv;\n"),
        src("exchange", "{doc}"),
        src("exchange::csv", "{doc}"),
        src("exchange::json", "//! JSON, with no word on its imports.\n"),
        src("ui", "{doc}"),
        src("ui::app", "{doc}use super::super::core::model::Id;\n"),
        src("ui::reader", "fn no_doc() {}\n"),
        src(
            "dates::find",
            "{doc}// crate::ui::app in a comment is no import\nconst S: &str = \"crate::ui\";\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
    ];
    let (problems, _) = check(&sources);
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(has("core::model imports ui::app"), "{problems:?}");
    assert!(has("read::html imports exchange::csv"), "{problems:?}");
    assert!(
        has("circle of imports: core::ops -> core::store"),
        "{problems:?}"
    );
    assert!(
        has("circle of imports: core::model -> ui::app"),
        "{problems:?}"
    );
    assert!(has("core::timeline names egui"), "{problems:?}");
    assert!(
        has("ui::reader does not open with a doc comment"),
        "{problems:?}"
    );
    // A layer above may use one below; comments, strings and `super` in
    // an inline test module are no imports.
    assert!(
        has("exchange::json's doc comment does not say what it may import"),
        "{problems:?}"
    );
    assert!(!has("ui::app imports"), "{problems:?}");
    assert!(!has("dates::find"), "{problems:?}");
    assert_eq!(problems.len(), 7, "{problems:?}");
}
