//! The chronology report (issue 19, item 3): the sample's report as a
//! golden Markdown file read by a person, the HTML page's footnotes linked
//! both ways and its text escaped, the filters, and the command line.

mod common;

use detente::core::sample::sample_workspace;
use detente::exchange::range::DayRange;
use detente::exchange::report::{self, Filters, Style};

fn june() -> Filters {
    Filters {
        range: DayRange {
            from: "2023-05-01".parse().ok(),
            to: "2023-06-30".parse().ok(),
        },
        ..Filters::default()
    }
}

/// The May-June 2023 chronology of the sample, as it was read and checked
/// (UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change).
#[test]
fn the_sample_chronology_is_the_one_read() {
    let md = report::markdown::to_markdown(&report::chronology(
        &sample_workspace(),
        &june(),
        Style::Chicago,
    ));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/golden/report-sample-may-june.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &md).unwrap();
    }
    let golden = std::fs::read_to_string(&path).expect("the golden report (UPDATE_SNAPSHOTS=1)");
    assert_eq!(md, golden);
    // What a reader relies on, whatever the golden file says.
    assert!(md.starts_with("# Chronology: "));
    assert!(md.contains("## 10-11 May 2023: Sullivan and Wang Yi hold talks in Vienna"));
    assert!(md.contains("(refused)"));
    let marks = md.matches("[^").count();
    let notes = md.lines().filter(|l| l.starts_with("[^")).count();
    assert_eq!(marks, 2 * notes, "every footnote mark has its note");
    assert!(md.contains(
        "Susan Heavey, “US, China to move beyond balloon accident to stabilize ties,” *Reuters"
    ));
    // The sources in alphabetical order of their first word, an outlet's
    // italics marks aside (Heavey between dpa and NHK).
    let keys: Vec<String> = md
        .split("## Sources\n\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("- "))
        .map(|l| l[2..].trim_start_matches('*').to_lowercase())
        .collect();
    assert!(keys.len() == 5 && keys.is_sorted(), "{keys:?}");
}

#[test]
fn the_html_page_links_its_notes_both_ways_and_escapes_every_text() {
    let mut ws = sample_workspace();
    let e = std::sync::Arc::make_mut(&mut ws.events[0]);
    e.headline = "<script>alert('x')</script> & talks".into();
    let all = Filters::default();
    let chron = report::chronology(&ws, &all, Style::Short);
    let svg = detente::exchange::figure::svg::to_svg(&ws, &Default::default());
    let html = report::html::to_html(&chron, Some(&svg));
    let doc = dom_query::Document::from(html.as_str());
    assert_eq!(doc.select("script").length(), 0, "no headline runs");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; talks"));
    assert_eq!(doc.select("figure svg").length(), 1, "the figure is inline");
    assert!(!html.contains("<?xml"));
    let refs = doc.select("sup a");
    let notes = doc.select("ol.notes li");
    let passages: usize = ws.events.iter().map(|e| e.evidence.len()).sum();
    // Each passage's footnote, and those of the sample's memo for the report.
    let all = passages + memo_notes(&chron).len();
    assert!(all > passages, "the sample has a memo for the report");
    assert_eq!(refs.length(), all);
    assert_eq!(notes.length(), all);
    for a in refs.nodes() {
        let target = a.attr("href").unwrap().trim_start_matches('#').to_string();
        assert_eq!(doc.select(&format!("li#{target}")).length(), 1, "{target}");
    }
    assert!(html.contains("@media print"));
    assert!(
        doc.select("ul.sources li i").length() > 0,
        "outlets in italics"
    );
}

#[test]
fn filters_choose_the_events_by_type_and_actor() {
    let ws = sample_workspace();
    let visits = report::chronology(
        &ws,
        &Filters {
            types: vec!["042".into()],
            ..Filters::default()
        },
        Style::Chicago,
    );
    assert!(!visits.entries.is_empty());
    assert!(visits.entries.iter().all(|e| e.kind.starts_with("042")));
    let blinken = report::chronology(
        &ws,
        &Filters {
            actors: vec!["antony blinken".into()],
            ..Filters::default()
        },
        Style::Chicago,
    );
    assert!(!blinken.entries.is_empty());
    assert!(
        blinken
            .entries
            .iter()
            .all(|e| e.actors.iter().any(|a| a.starts_with("Antony Blinken")))
    );
    assert!(blinken.scope.contains("involving antony blinken"));
}

#[test]
fn the_command_line_writes_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.detente");
    detente::core::store::save(&sample_workspace(), &ws).unwrap();
    let html = dir.path().join("chronology.html");
    assert_cmd::Command::cargo_bin("detente")
        .unwrap()
        .args(["report"])
        .arg(&ws)
        .args([
            "--format", "html", "--from", "2023-05", "--to", "2023-06", "-o",
        ])
        .arg(&html)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    for (format, part_name, note) in [
        ("docx", "word/footnotes.xml", "<w:footnote "),
        ("odt", "content.xml", "<text:note "),
    ] {
        let path = dir.path().join(format!("chronology.{format}"));
        assert_cmd::Command::cargo_bin("detente")
            .unwrap()
            .args(["report"])
            .arg(&ws)
            .args([
                "--format", format, "--from", "2023-05", "--to", "2023-06", "-o",
            ])
            .arg(&path)
            .assert()
            .success();
        let xml = part(&std::fs::read(&path).unwrap(), part_name);
        assert!(xml.matches(note).count() > 10, "{format}");
    }
    let out = assert_cmd::Command::cargo_bin("detente")
        .unwrap()
        .args(["report"])
        .arg(&ws)
        .args(["--style", "short", "--type", "04"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("short (outlet, title, date)"), "{md}");
    assert!(md.contains("## 18 June 2023: Blinken holds talks with Qin Gang in Beijing"));
    assert!(!md.contains("refuses"), "only consultations (04)");
}

/// The text of each element `tag` (with its descendants' text) of an XML
/// part, skipping those whose `skip_attr` is set (Word's separators).
fn texts_of(xml: &str, tag: &str, skip_attr: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut out, mut depth, mut cur) = (vec![], 0usize, String::new());
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == tag => {
                let skip = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == skip_attr);
                if depth == 0 && !skip {
                    depth = 1;
                    cur.clear();
                } else if depth > 0 {
                    depth += 1;
                }
            }
            Event::Start(_) if depth > 0 => depth += 1,
            Event::End(_) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(cur.clone());
                }
            }
            Event::Text(t) if depth > 0 => cur.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if depth > 0 => {
                let name: &str = &g;
                match g.resolve_char_ref().unwrap() {
                    Some(c) => cur.push(c),
                    None => {
                        cur.push_str(quick_xml::escape::resolve_predefined_entity(name).unwrap())
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

/// The footnotes of the memos chosen for the report, in order (they come
/// before the events').
fn memo_notes(c: &report::Chronology) -> Vec<&report::Note> {
    use detente::exchange::report::memos::{Block, Inline};
    c.memos
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| match b {
            Block::Heading(r) | Block::Para(r) | Block::Item(r) | Block::Quote(r) => r,
        })
        .filter_map(|i| match i {
            Inline::Note(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// Every footnote the chronology holds, in order (the memos', then the
/// events'), as "“quote” — citation" (the citation alone for a link
/// without a quote) with the citation's italics marks dropped.
fn expected_notes(c: &report::Chronology) -> Vec<String> {
    memo_notes(c)
        .into_iter()
        .chain(c.entries.iter().flat_map(|e| &e.notes))
        .map(|n| {
            if n.quote.is_empty() {
                n.citation.replace('*', "")
            } else {
                format!(
                    "\u{201c}{}\u{201d} — {}",
                    n.quote,
                    n.citation.replace('*', "")
                )
            }
        })
        .collect()
}

/// The Word document Detente writes has every quote and citation as a
/// real footnote, the events as Word headings, and the figure; pandoc reads
/// it back with the same footnotes.
#[test]
fn the_word_document_has_real_footnotes_headings_and_the_figure() {
    let ws = sample_workspace();
    let c = report::chronology(&ws, &june(), Style::Chicago);
    let bytes = report::write(&ws, &june(), Style::Chicago, report::Kind::Docx).unwrap();
    let notes = texts_of(&part(&bytes, "word/footnotes.xml"), "w:footnote", "w:type");
    assert_eq!(notes, expected_notes(&c));
    let doc = part(&bytes, "word/document.xml");
    assert_eq!(doc.matches("<w:footnoteReference").count(), notes.len());
    assert!(doc.contains("<w:drawing>"), "the timeline figure");
    let paras = texts_of(&doc, "w:p", "-");
    for e in &c.entries {
        assert!(
            paras.iter().any(|p| p.contains(&e.headline)),
            "{}",
            e.headline
        );
    }
    assert!(doc.matches("w:val=\"Heading1\"").count() >= c.entries.len());
    if let Some(out) = common::pandoc_output(&bytes, "c.docx", &["-t", "markdown"]) {
        let md = String::from_utf8(out).unwrap();
        let read = md.lines().filter(|l| l.starts_with("[^")).count();
        assert_eq!(read, notes.len(), "pandoc reads every footnote:\n{md}");
    }
}

/// The OpenDocument text: a valid package (mimetype first, stored) whose
/// footnotes are `text:note`s; pandoc reads them back as footnotes.
#[test]
fn the_opendocument_text_has_real_footnotes() {
    let ws = sample_workspace();
    let c = report::chronology(&ws, &june(), Style::Chicago);
    let bytes = report::write(&ws, &june(), Style::Chicago, report::Kind::Odt).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    {
        let first = zip.by_index(0).unwrap();
        assert_eq!(first.name().unwrap(), "mimetype");
        assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    }
    assert_eq!(&bytes[30..38], b"mimetype");
    let content = part(&bytes, "content.xml");
    let bodies = texts_of(&content, "text:note-body", "-");
    assert_eq!(bodies, expected_notes(&c));
    assert!(content.contains("<draw:image xlink:href=\"Pictures/timeline.png\""));
    assert!(part(&bytes, "META-INF/manifest.xml").contains("Pictures/timeline.png"));
    {
        let png = zip.by_name("Pictures/timeline.png").unwrap();
        assert!(png.size() > 1000);
    }
    let heads = texts_of(&content, "text:h", "-");
    for e in &c.entries {
        assert!(
            heads.iter().any(|h| h.contains(&e.headline)),
            "{}",
            e.headline
        );
    }
    if let Some(out) = common::pandoc_output(&bytes, "c.odt", &["-t", "markdown"]) {
        let md = String::from_utf8(out).unwrap();
        let read = md.lines().filter(|l| l.starts_with("[^")).count();
        assert_eq!(read, bodies.len(), "pandoc reads every footnote:\n{md}");
        assert!(md.contains("Sullivan and Wang Yi hold talks in Vienna"));
    }
}

/// Memos ticked "In report" come before the events as sections; a link to
/// a passage is a footnote with its quote and citation, and its article
/// joins the sources; in every form.
#[test]
fn memos_chosen_for_the_report_are_sections_with_footnotes() {
    use detente::core::memo::{link_markdown, new_memo};
    let mut ws = sample_workspace();
    // This test's memo alone (the sample has its own).
    ws.memos.clear();
    let e = ws
        .events
        .iter()
        .find(|e| e.headline.contains("Vienna"))
        .unwrap()
        .clone();
    let p = e.evidence[0].clone();
    let mut m = new_memo("Why I date Vienna to 10-11 May");
    m.in_report = true;
    m.text = format!(
        "The **readout** puts it so: {}.\n\n- one source only",
        link_markdown("the NHK report", &p.id)
    );
    ws.memos.push(m);
    let md = String::from_utf8(
        report::write(&ws, &june(), Style::Chicago, report::Kind::Markdown).unwrap(),
    )
    .unwrap();
    let memo_at = md.find("## Why I date Vienna to 10-11 May").expect(&md);
    let first_event = md.find("## 10-11 May 2023").unwrap();
    assert!(memo_at < first_event, "memos come first");
    assert!(
        md.contains("The **readout** puts it so: the NHK report[^1]."),
        "{md}"
    );
    assert!(md.contains("- one source only"));
    let title = &ws.article(&p.article).unwrap().title;
    let note1 = md.lines().find(|l| l.starts_with("[^1]: ")).unwrap();
    assert!(note1.contains(title.as_str()), "{note1}");
    let marks = md.matches("[^").count();
    let notes = md.lines().filter(|l| l.starts_with("[^")).count();
    assert_eq!(marks, 2 * notes);
    // The same in the Word document and the OpenDocument text.
    let docx = report::write(&ws, &june(), Style::Chicago, report::Kind::Docx).unwrap();
    let dn = texts_of(&part(&docx, "word/footnotes.xml"), "w:footnote", "w:type");
    assert_eq!(dn.len(), notes);
    assert!(dn[0].contains(title.as_str()));
    let odt = report::write(&ws, &june(), Style::Chicago, report::Kind::Odt).unwrap();
    let content = part(&odt, "content.xml");
    assert_eq!(texts_of(&content, "text:note-body", "-").len(), notes);
    assert!(texts_of(&content, "text:h", "-")[0].contains("Why I date Vienna"));
    let html =
        String::from_utf8(report::write(&ws, &june(), Style::Chicago, report::Kind::Html).unwrap())
            .unwrap();
    assert!(html.contains("<b>readout</b>") && html.contains("href=\"#note1\""));
}
