//! The chronology as Markdown with footnotes (`[^1]`), as pandoc, GitHub
//! and most Markdown editors read it: `pandoc report.md -o report.docx`
//! makes a document with real footnotes.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::exchange::report::Chronology;

/// Markdown's special characters in text escaped, and lines kept one.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        // Runs of white space (a line break too) are one space.
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A citation: its `*Outlet*` italics kept, the rest escaped.
fn citation(s: &str) -> String {
    s.split('*')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("*{}*", md(part))
            } else {
                md(part)
            }
        })
        .collect()
}

pub fn to_markdown(c: &Chronology) -> String {
    let mut out = format!("# {}\n\n", md(&c.title));
    out.push_str(&format!(
        "{}. Sources cited in the {} style.\n",
        md(&c.scope),
        c.style.label()
    ));
    let mut footnotes: Vec<String> = vec![];
    for e in &c.entries {
        let status = if e.status.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.status)
        };
        out.push_str(&format!(
            "\n## {}: {}{status}\n\n",
            md(&capitalised(&e.date)),
            md(&e.headline)
        ));
        let mut facts = vec![format!("**Type:** {}", md(&e.kind))];
        if !e.actors.is_empty() {
            facts.push(format!("**Actors:** {}", md(&e.actors.join(", "))));
        }
        if !e.place.is_empty() {
            facts.push(format!("**Place:** {}", md(&e.place)));
        }
        out.push_str(&facts.join(" · "));
        out.push('\n');
        if let Some(d) = &e.disagreement {
            out.push_str(&format!("\n*{}*\n", md(&capitalised(d))));
        }
        if !e.notes.is_empty() {
            let marks: String = e
                .notes
                .iter()
                .map(|n| {
                    footnotes.push(format!(
                        "\u{201c}{}\u{201d} — {}",
                        md(&n.quote),
                        citation(&n.citation)
                    ));
                    format!("[^{}]", footnotes.len())
                })
                .collect();
            out.push_str(&format!("\nSources:{marks}\n"));
        }
    }
    if !c.sources.is_empty() {
        out.push_str("\n## Sources\n\n");
        for s in &c.sources {
            out.push_str(&format!("- {}\n", citation(s)));
        }
    }
    if !footnotes.is_empty() {
        out.push('\n');
        for (i, f) in footnotes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {f}\n", i + 1));
        }
    }
    out
}

pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
