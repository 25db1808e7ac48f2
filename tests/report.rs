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
        "— Susan Heavey, “US, China to move beyond balloon accident to stabilize ties,” *Reuters"
    ));
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
    assert_eq!(refs.length(), passages);
    assert_eq!(notes.length(), passages);
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
fn the_command_line_writes_both_forms() {
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

/// The Markdown is what pandoc needs for a Word document with real
/// footnotes (`pandoc chronology.md -o chronology.docx`).
#[test]
fn pandoc_makes_a_word_document_with_every_footnote() {
    if !common::pandoc() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let md = report::markdown::to_markdown(&report::chronology(
        &sample_workspace(),
        &june(),
        Style::Chicago,
    ));
    let notes = md.lines().filter(|l| l.starts_with("[^")).count();
    std::fs::write(dir.path().join("c.md"), &md).unwrap();
    let docx = dir.path().join("c.docx");
    let out = std::process::Command::new("pandoc")
        .arg(dir.path().join("c.md"))
        .arg("-o")
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/footnotes.xml").unwrap(), &mut xml)
        .unwrap();
    // Word's own separator notes have ids -1 and 0; ours count from 1.
    let ours = xml.matches("<w:footnote ").count()
        - xml.matches("w:type=\"separator\"").count()
        - xml.matches("w:type=\"continuationSeparator\"").count();
    assert_eq!(ours, notes);
    assert!(xml.contains("Susan Heavey"));
}
