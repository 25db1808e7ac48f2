//! The articles as references (issue 19, item 4): CSL-JSON checked field
//! by field and validated against the CSL-JSON schema (shipped in
//! tests/fixtures/csl with its licence), BibTeX read back
//! with the `biblatex` crate, and both read by pandoc (a citeproc that
//! Zotero-made files also go through) when it is installed.

mod common;

use detente::core::sample::sample_workspace;
use detente::exchange::formats::{Format, Options, export};
use detente::exchange::range::DayRange;
use serde_json::Value;

/// The CSL item types an article can have (the schema's enumeration).
const CSL_TYPES: &[&str] = &["article-newspaper", "webpage", "article"];

fn csl(ws: &detente::core::model::Workspace, opts: &Options) -> Vec<Value> {
    let bytes = export(ws, Format::CslJson, opts).unwrap();
    serde_json::from_slice::<Value>(&bytes)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_article_is_a_csl_item_with_its_date_outlet_and_link() {
    let ws = sample_workspace();
    let items = csl(&ws, &Options::default());
    assert_eq!(items.len(), ws.articles.len());
    let mut ids = std::collections::HashSet::new();
    for (item, a) in items.iter().zip(&ws.articles) {
        // What the schema requires: an id and a type from its list; names
        // as family/given or literal; dates as date-parts of integers.
        let id = item["id"].as_str().unwrap();
        assert!(ids.insert(id.to_string()), "ids are unique: {id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
        assert!(CSL_TYPES.contains(&item["type"].as_str().unwrap()));
        assert_eq!(item["title"], a.title.as_str());
        if !a.outlet.is_empty() {
            assert_eq!(item["container-title"], a.outlet.as_str());
            assert_eq!(item["type"], "article-newspaper");
        }
        if let Some(names) = item.get("author") {
            for n in names.as_array().unwrap() {
                assert!(
                    n.get("literal").is_some()
                        || (n.get("family").is_some() && n.get("given").is_some()),
                    "{n}"
                );
            }
        }
        let day = a.published.as_ref().and_then(|d| d.earliest()).unwrap();
        let parts = &item["issued"]["date-parts"][0];
        assert_eq!(
            parts[0].as_i64().unwrap(),
            i64::from(chrono::Datelike::year(&day))
        );
        if !a.url.is_empty() {
            assert_eq!(item["URL"], a.url.as_str());
        }
    }
    // The NHK piece of 13 May 2023, dated to the day.
    let nhk = items
        .iter()
        .find(|i| i["title"] == "US And China's Diplomatic Thaw")
        .unwrap();
    assert_eq!(
        nhk["issued"]["date-parts"][0],
        serde_json::json!([2023, 5, 13])
    );
}

#[test]
fn a_range_of_days_cites_only_the_articles_its_events_cite() {
    let ws = sample_workspace();
    let opts = Options {
        range: DayRange {
            from: "2023-06-18".parse().ok(),
            to: "2023-06-19".parse().ok(),
        },
        ..Options::default()
    };
    let items = csl(&ws, &opts);
    assert!(
        !items.is_empty() && items.len() < ws.articles.len(),
        "{}",
        items.len()
    );
    assert!(
        items
            .iter()
            .any(|i| i["title"].as_str().unwrap().contains("Blinken"))
    );
}

#[test]
fn the_bibtex_reads_back_with_every_field_and_no_title_breaks_out() {
    let mut ws = sample_workspace();
    // A title a careless writer would let end the field or run a command.
    let a = std::sync::Arc::make_mut(&mut ws.articles[0]);
    a.title = "Talks {end} at 50% & \\input{secrets} #1_x".into();
    let bib = String::from_utf8(export(&ws, Format::Bibtex, &Options::default()).unwrap()).unwrap();
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    assert_eq!(parsed.len(), ws.articles.len());
    let first = parsed.iter().next().unwrap();
    let title = biblatex::ChunksExt::format_verbatim(&first.title().unwrap().to_vec()[..]);
    assert_eq!(title, "Talks {end} at 50% & \\input{secrets} #1_x");
    for (entry, a) in parsed.iter().zip(&ws.articles) {
        if a.outlet.is_empty() {
            assert_eq!(entry.entry_type.to_string(), "online");
        } else {
            assert_eq!(entry.entry_type.to_string(), "article");
            let journal =
                biblatex::ChunksExt::format_verbatim(&entry.get("journal").unwrap().to_vec()[..]);
            assert_eq!(journal, a.outlet);
        }
        let day = a.published.as_ref().and_then(|d| d.earliest()).unwrap();
        let date = biblatex::ChunksExt::format_verbatim(&entry.get("date").unwrap().to_vec()[..]);
        assert!(day.to_string().starts_with(&date), "{date} {day}");
    }
}

#[test]
fn pandoc_reads_both_formats() {
    let ws = sample_workspace();
    for (format, from, file) in [
        (Format::CslJson, "csljson", "refs.json"),
        (Format::Bibtex, "biblatex", "refs.bib"),
    ] {
        let bytes = export(&ws, format, &Options::default()).unwrap();
        let Some(out) = common::pandoc_output(&bytes, file, &["-f", from, "-t", "csljson"]) else {
            return;
        };
        let back: Value = serde_json::from_slice(&out).unwrap();
        let back = back.as_array().unwrap();
        assert_eq!(back.len(), ws.articles.len(), "{file}");
        // (pandoc curls the apostrophe.)
        assert!(
            back.iter().any(|i| i["title"]
                .as_str()
                .is_some_and(|t| t.ends_with("Diplomatic Thaw"))
                && i["issued"]["date-parts"][0] == serde_json::json!([2023, 5, 13])),
            "{file}: {back:?}"
        );
        // Newspaper articles stay newspaper articles, from either file.
        let papers = back
            .iter()
            .filter(|i| i["type"] == "article-newspaper")
            .count();
        let with_outlet = ws.articles.iter().filter(|a| !a.outlet.is_empty()).count();
        assert_eq!(papers, with_outlet, "{file}: {back:?}");
    }
}

/// A Python with jsonschema (`DETENTE_W3C_PYTHON`, which .ci/run sets up,
/// or python3), or None with a note.
fn python_with_jsonschema() -> Option<String> {
    let python = std::env::var("DETENTE_W3C_PYTHON").unwrap_or_else(|_| "python3".into());
    let usable = std::process::Command::new(&python)
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!("SKIPPED: no Python with jsonschema (set DETENTE_W3C_PYTHON)");
        return None;
    }
    Some(python)
}

/// The schema's errors for `items` (none: valid), from Python's
/// jsonschema with the CSL-JSON schema shipped in tests/fixtures/csl.
fn schema_errors(python: &str, items: &Value) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("items.json");
    std::fs::write(&data, serde_json::to_vec(items).unwrap()).unwrap();
    let schema = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/csl/csl-data.json"
    );
    let out = std::process::Command::new(python)
        .args([
            "-c",
            "import json, sys, jsonschema\n\
             schema = json.load(open(sys.argv[1]))\n\
             data = json.load(open(sys.argv[2]))\n\
             for e in jsonschema.Draft3Validator(schema).iter_errors(data):\n\
             \x20   print(list(e.absolute_path), e.message)",
            schema,
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The CSL-JSON export validates against the CSL-JSON schema (shipped in
/// tests/fixtures/csl with its licence, nothing fetched), and the check
/// does catch an item the schema refuses.
#[test]
fn the_csl_json_validates_against_the_csl_schema() {
    let Some(python) = python_with_jsonschema() else {
        return;
    };
    let mut ws = sample_workspace();
    // Every kind of article: no outlet, no byline, a web page fetched.
    let a = std::sync::Arc::make_mut(&mut ws.articles[0]);
    a.outlet.clear();
    a.accessed = "2026-11-30T10:00:00Z".into();
    let b = std::sync::Arc::make_mut(&mut ws.articles[1]);
    b.byline = "By Ann Lee and Bo Wu".into();
    // A story from a news database.
    b.database = "Factiva".into();
    b.database_id = "LBA0000020230511ej5b00abc".into();
    let items = Value::Array(csl(&ws, &Options::default()));
    assert_eq!(schema_errors(&python, &items), Vec::<String>::new());
    let mut bad = items.clone();
    bad[0]["type"] = "newspaper-story".into();
    bad[1]["author"] = "Ann Lee".into();
    assert_eq!(schema_errors(&python, &bad).len(), 2, "{bad}");
}

/// Issue 29: a story from a news database is cited with the database and
/// its id there, as Chicago and APA cite database articles: CSL's `source`
/// and `archive_location`, biblatex's `eprinttype` and `eprint`, and the
/// report's footnote.
#[test]
fn a_database_story_is_cited_with_its_database() {
    let mut ws = sample_workspace();
    let a = std::sync::Arc::make_mut(&mut ws.articles[0]);
    a.database = "Factiva".into();
    a.database_id = "LBA0000020230511ej5b00abc".into();
    let title = a.title.clone();
    let items = csl(&ws, &Options::default());
    let item = items.iter().find(|i| i["title"] == title.as_str()).unwrap();
    assert_eq!(item["source"], "Factiva");
    assert_eq!(item["archive_location"], "LBA0000020230511ej5b00abc");
    let bib = String::from_utf8(export(&ws, Format::Bibtex, &Options::default()).unwrap()).unwrap();
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    let entry = parsed
        .iter()
        .find(|e| e.fields.contains_key("eprint"))
        .expect("the database entry");
    let field = |k: &str| {
        entry.fields.get(k).map(|v| {
            v.iter()
                .map(|c| match &c.v {
                    biblatex::Chunk::Normal(s) | biblatex::Chunk::Verbatim(s) => s.clone(),
                    other => format!("{other:?}"),
                })
                .collect::<String>()
        })
    };
    assert_eq!(field("eprinttype").as_deref(), Some("Factiva"));
    assert_eq!(
        field("eprint").as_deref(),
        Some("LBA0000020230511ej5b00abc")
    );
    let note = detente::exchange::report::cite::note(
        &ws.articles[0],
        detente::exchange::report::cite::Style::Chicago,
    );
    assert!(
        note.contains("Factiva (LBA0000020230511ej5b00abc)"),
        "{note}"
    );
    // The report's list of sources names the database too.
    let entry = detente::exchange::report::cite::bibliography(
        &ws.articles[0],
        detente::exchange::report::cite::Style::Chicago,
    );
    assert!(
        entry.ends_with(" Factiva (LBA0000020230511ej5b00abc)."),
        "{entry}"
    );
    // A database that gives no id (Nexis Uni) is named in the BibTeX
    // note: biblatex prints an eprinttype without an eprint not at all.
    let mut nexis = ws.clone();
    let a = std::sync::Arc::make_mut(&mut nexis.articles[0]);
    a.database = "Nexis Uni".into();
    a.database_id.clear();
    let bib = detente::exchange::citations::to_bibtex(&nexis, false);
    assert!(!bib.contains("eprinttype"), "{bib}");
    assert!(bib.contains("note = {Nexis Uni. Detente article "), "{bib}");
}
