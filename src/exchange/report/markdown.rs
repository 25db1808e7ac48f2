//! The chronology as Markdown with footnotes (`[^1]`), as pandoc, GitHub
//! and most Markdown editors read it: `pandoc report.md -o report.docx`
//! makes a document with real footnotes.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::exchange::report::memos::{Block, Inline};
use crate::exchange::report::{Chronology, Note};

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

/// A footnote's text: the quote (when there is one) and the citation.
fn note(n: &Note) -> String {
    if n.quote.is_empty() {
        citation(&n.citation)
    } else {
        format!(
            "\u{201c}{}\u{201d} — {}",
            md(&n.quote),
            citation(&n.citation)
        )
    }
}

/// `text` escaped and wrapped in `mark`, the white space at its edges
/// left outside (where emphasis markers would not work).
fn marked(text: &str, mark: &str) -> String {
    let body = text.trim();
    if body.is_empty() || mark.is_empty() {
        return md(text);
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let tail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{mark}{}{mark}{tail}", md(body))
}

/// A memo's runs; its footnotes join `footnotes`.
fn runs(rs: &[Inline], footnotes: &mut Vec<String>) -> String {
    rs.iter()
        .map(|r| match r {
            Inline::Text { text, bold, italic } => {
                let mark = match (bold, italic) {
                    (true, true) => "***",
                    (true, false) => "**",
                    (false, true) => "*",
                    (false, false) => "",
                };
                marked(text, mark)
            }
            Inline::Link { text, url } => format!("[{}](<{}>)", md(text), url.replace('>', "%3E")),
            Inline::Note(n) => {
                footnotes.push(note(n));
                format!("[^{}]", footnotes.len())
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
    for s in &c.memos {
        out.push_str(&format!("\n## {}\n", md(&s.title)));
        for b in &s.blocks {
            out.push('\n');
            out.push_str(&match b {
                Block::Heading(r) => format!("### {}\n", runs(r, &mut footnotes)),
                Block::Para(r) => format!("{}\n", runs(r, &mut footnotes)),
                Block::Item(r) => format!("- {}\n", runs(r, &mut footnotes)),
                Block::Quote(r) => format!("> {}\n", runs(r, &mut footnotes)),
            });
        }
    }
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
                    footnotes.push(note(n));
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
