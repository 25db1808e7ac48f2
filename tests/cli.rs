//! The command line, run as a real process against temporary folders.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn detente() -> Command {
    Command::cargo_bin("detente").unwrap()
}

fn new_ws(dir: &Path) -> std::path::PathBuf {
    let ws = dir.join("w.detente");
    detente()
        .arg("new")
        .arg(&ws)
        .arg("--title")
        .arg("Test")
        .assert()
        .success();
    ws
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn new_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let before = std::fs::read(&ws).unwrap();
    detente()
        .arg("new")
        .arg(&ws)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("w.detente"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn import_reports_each_file_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    write(&src, "a.txt", common::VIENNA.as_bytes());
    write(&src, "b.txt", common::BEIJING.as_bytes());
    write(&src, "c.txt", common::VIENNA.as_bytes());
    write(&src, "empty.txt", b"");
    write(&src, "pic.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&src)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[0].starts_with("added art_") && lines[0].ends_with(" Sullivan and Wang hold talks"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("added ") && lines[1].ends_with(" Blinken in Beijing"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("duplicate ") && lines[2].ends_with("c.txt"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("refused ") && lines[3].contains("empty.txt: the file is empty"),
        "{out}"
    );
    assert!(
        lines[4].contains("pic.png: this looks like a binary file (a PNG image)"),
        "{out}"
    );
    // The good files were still added and saved.
    let list = detente()
        .arg("list")
        .arg(&ws)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&list).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["source_file"], "a.txt");
    assert_eq!(v[0]["published"], Value::Null);
    assert!(v[0]["chars"].as_u64().unwrap() > 50);
    // Importing only good files exits 0; a second time they are duplicates.
    detente()
        .arg("import")
        .arg(&ws)
        .arg(src.join("a.txt"))
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("duplicate "));
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    detente().arg("import").assert().code(2);
    detente()
        .args(["export", "x.detente", "--format", "xml"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    detente()
        .arg("import")
        .arg(&ws)
        .arg(dir.path().join("nope.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.txt: no such file"));
    detente()
        .arg("list")
        .arg(dir.path().join("missing.detente"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.detente"));
    detente()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes"));
}

fn tagged_workspace(dir: &Path) -> (std::path::PathBuf, String) {
    let ws = new_ws(dir);
    let a = write(dir, "a.txt", common::VIENNA.as_bytes());
    let b = write(dir, "b.txt", common::BEIJING.as_bytes());
    detente()
        .arg("import")
        .arg(&ws)
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    detente()
        .arg("article")
        .arg(&ws)
        .arg("hold talks")
        .args(["--published", "2023-05-11", "--outlet", "Reuters"])
        .assert()
        .success();
    detente()
        .arg("actor")
        .arg(&ws)
        .arg("Jake Sullivan")
        .args(["--country", "usa", "--sector", "gov", "--alias", "Sullivan"])
        .assert()
        .success();
    let out = detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Jake Sullivan met Wang Yi (王毅) in Vienna",
        ])
        .args([
            "--headline",
            "Sullivan and Wang Yi meet in Vienna",
            "--kind",
            "044",
        ])
        .args([
            "--date",
            "2023-05-10/2023-05-11",
            "--actor",
            "Sullivan",
            "--actor",
            "Wang Yi",
        ])
        .args(["--place", "Vienna", "--tag", "channel"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let event = String::from_utf8(out).unwrap().trim().to_string();
    assert!(event.starts_with("evt_"), "{event}");
    (ws, event)
}

#[test]
fn tag_creates_events_and_adds_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, event) = tagged_workspace(dir.path());
    // Evidence from a second article for the same event.
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "Blinken in Beijing",
            "--quote",
            "Wang Yi",
            "--event",
            &event,
        ])
        .assert()
        .success()
        .stdout(format!("{event}\n"));
    let w = detente::core::store::load(&ws).unwrap();
    let e = w.event(&event).unwrap();
    assert_eq!(e.evidence.len(), 2);
    assert_eq!(e.kind, "044");
    assert_eq!(e.date.as_ref().unwrap().human(), "10-11 May 2023");
    assert_eq!(
        e.actors.len(),
        2,
        "the alias found Sullivan; Wang Yi was created"
    );
    assert_eq!(w.actors.len(), 2);
    let sullivan = w.actor_by_name("Jake Sullivan").unwrap();
    assert_eq!(sullivan.code(), "USAGOV");
    // The CJK quote's offsets are chars.
    let p = &e.evidence[0];
    let art = w.article(&p.article).unwrap();
    let chars: Vec<char> = art.text.chars().collect();
    assert_eq!(
        chars[p.anchor.start..p.anchor.end]
            .iter()
            .collect::<String>(),
        p.anchor.exact
    );
}

#[test]
fn tag_errors_list_what_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = tagged_workspace(dir.path());
    let before = std::fs::read(&ws).unwrap();
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Th",
            "--headline",
            "x",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("occurs 2 times").and(predicate::str::contains("--nth 2")),
        );
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Xi Jinping",
            "--headline",
            "x",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not found"));
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Vienna",
            "--headline",
            "x",
            "--date",
            "Mayday",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a valid EDTF date"));
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Vienna",
            "--event",
            "evt_nope",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no event with id evt_nope"));
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Vienna",
            "--event",
            "e",
            "--headline",
            "x",
        ])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "failed commands leave the file alone"
    );
    detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "Th",
            "--nth",
            "2",
            "--headline",
            "Second",
        ])
        .args(["--status", "planned"])
        .assert()
        .success();
}

#[test]
fn export_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, event) = tagged_workspace(dir.path());
    let out = detente()
        .arg("export")
        .arg(&ws)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["format"], "detente-export");
    assert_eq!(v["kind"], "events");
    let row = &v["rows"][0];
    assert_eq!(row["id"], event.as_str());
    assert_eq!(row["kind_label"], "Meet at a third location");
    assert_eq!(row["earliest"], "2023-05-10");
    assert_eq!(row["latest"], "2023-05-11");
    assert_eq!(row["actors"][0]["code"], "USAGOV");
    assert_eq!(row["passages"], 1);
    assert_eq!(
        row["quotes"][0],
        "Jake Sullivan met Wang Yi (王毅) in Vienna"
    );

    let csv_path = dir.path().join("per.csv");
    detente()
        .arg("export")
        .arg(&ws)
        .args(["--format", "csv", "--per-passage", "-o"])
        .arg(&csv_path)
        .assert()
        .success();
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "event_id");
    let recs: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 1);
    let get = |k: &str| recs[0][headers.iter().position(|h| h == k).unwrap()].to_string();
    assert_eq!(get("outlet"), "Reuters");
    assert_eq!(get("published"), "2023-05-11");
    assert_eq!(get("quote"), "Jake Sullivan met Wang Yi (王毅) in Vienna");
    assert!(get("start").parse::<usize>().unwrap() > 20);
}

#[test]
fn validate_lists_every_problem_and_stats_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = tagged_workspace(dir.path());
    detente()
        .arg("validate")
        .arg(&ws)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid"));
    let out = detente()
        .arg("stats")
        .arg(&ws)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 2);
    assert_eq!(v["events"], 1);
    assert_eq!(v["passages"], 1);
    assert_eq!(v["actors"], 2);
    assert_eq!(v["first_event_date"], "2023-05-10");
    assert_eq!(v["last_event_date"], "2023-05-11");

    let mut j: Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    j["events"][0]["evidence"][0]["article"] = "art_x".into();
    j["events"][0]["kind"] = "999".into();
    let bad = dir.path().join("bad.detente");
    std::fs::write(&bad, serde_json::to_vec(&j).unwrap()).unwrap();
    let out = detente()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("unknown article art_x") && out.contains("\"999\" is not in the vocabulary"),
        "{out}"
    );
    assert!(out.contains("2 problem(s)"), "{out}");
    detente()
        .arg("list")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.detente"));
}

#[test]
fn imports_the_seeds_and_the_legacy_encodings() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let Some(enc) = common::shared("realdata/encodings") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&seeds)
        .arg(&enc)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // The two legacy-encoded files are RSS feeds of 8 items each.
    assert_eq!(
        out.lines().filter(|l| l.starts_with("added ")).count(),
        22,
        "{out}"
    );
    assert_eq!(
        out.lines()
            .filter(
                |l| l.starts_with("feed ") && l.ends_with(": 8 items, each imported as an article")
            )
            .count(),
        2,
        "{out}"
    );
    let w = detente::core::store::load(&ws).unwrap();
    let all_of = |name: &str| {
        w.articles
            .iter()
            .filter(|a| a.imported_from == name)
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let by_file = |name: &str| w.articles.iter().find(|a| a.imported_from == name).unwrap();
    assert_eq!(
        by_file("000_c52344cd63a75b3e.txt").title,
        "US And China's Diplomatic Thaw"
    );
    // Issue 30: each seed's headline and the outlet its text names (the
    // spun copy names none, and starts with its story: its file's name).
    for (file, title, outlet) in [
        (
            "000_c52344cd63a75b3e.txt",
            "US And China's Diplomatic Thaw",
            "NHK",
        ),
        ("001_34bf8912d10010c9.txt", "001_34bf8912d10010c9", ""),
        (
            "002_b4784c596d54ca2c.txt",
            "US, China to move beyond balloon accident to stabilize ties",
            "Portal",
        ),
        (
            "003_2b9e090a54734f6f.txt",
            "Winking at Beijing: China and the US are resuming ties",
            "dpa",
        ),
        (
            "004_15d38f3dc919dc95.txt",
            "US, Chinese officials hold constructive talks in Beijing",
            "Caliber.az",
        ),
    ] {
        let a = by_file(file);
        assert_eq!(
            (a.title.as_str(), a.outlet.as_str()),
            (title, outlet),
            "{file}"
        );
    }
    assert!(
        by_file("001_34bf8912d10010c9.txt")
            .notes
            .contains("no line at the top of the text is surely its headline")
    );
    let gb = all_of("gb2312.acnnewswire.net.rss.xml");
    assert!(
        gb.contains("中国银联") && gb.contains("亚洲"),
        "GB2312 decoded: {}",
        &gb[..200]
    );
    let kr = all_of("euc-kr.acnnewswire.net.rss.xml");
    assert!(
        kr.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)),
        "EUC-KR decoded to Hangul"
    );
    let nl = by_file("windows-1252.dutch-prose.txt");
    assert!(
        !nl.text.contains('\u{fffd}'),
        "no replacement characters in windows-1252 text"
    );
    for a in &w.articles {
        assert!(!a.text.contains('\r'));
        assert!(
            !a.text.contains('\u{fffd}'),
            "{} has replacement characters",
            a.imported_from
        );
    }
}

#[test]
fn actor_country_must_be_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    detente()
        .arg("actor")
        .arg(&ws)
        .args(["Wang Yi", "--country", "China"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("alpha-3"));
    detente()
        .arg("actor")
        .arg(&ws)
        .args(["NATO council", "--country", "nato"])
        .assert()
        .success();
    assert_eq!(
        detente::core::store::load(&ws).unwrap().actors[0].country,
        "NATO"
    );
}

#[test]
fn dates_lists_expressions_with_their_rules() {
    let out = detente()
        .args(["dates", "--published", "2023-05-13", "--json", "--text"])
        .arg("Sullivan met Wang Yi in Vienna on Wednesday and Thursday; Biden and Xi met last November.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["text"], "on Wednesday and Thursday");
    assert_eq!(v[0]["edtf"], "2023-05-10/2023-05-11");
    assert_eq!(v[0]["start"], 31);
    assert_eq!(v[1]["earliest"], "2022-11-01");
    assert!(
        v[1]["rule"]
            .as_str()
            .unwrap()
            .contains("relative to 13 May 2023")
    );
    detente()
        .args(["dates", "--published", "13 May", "--text", "x"])
        .assert()
        .code(1);
    detente().args(["dates"]).assert().code(2);
    // On a workspace article, the article's date is the anchor.
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = tagged_workspace(dir.path());
    let out = detente()
        .arg("dates")
        .arg(&ws)
        .args(["--article", "hold talks"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("2023-05-10/2023-05-11\t2023-05-10\t2023-05-11\ton Wednesday and Thursday"),
        "{out}"
    );
}

#[test]
fn import_can_drop_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let f = write(
        dir.path(),
        "spun.txt",
        "[ad_1]\nBlinken met Qin Gang in Beijing on Sunday.\n[ad_2]\nSource link\n".as_bytes(),
    );
    detente()
        .arg("import")
        .arg(&ws)
        .arg(&f)
        .arg("--drop-boilerplate")
        .assert()
        .success();
    let w = detente::core::store::load(&ws).unwrap();
    assert_eq!(
        w.articles[0].text,
        "Blinken met Qin Gang in Beijing on Sunday."
    );
    // Nothing left is surely a headline: the file's name.
    assert_eq!(w.articles[0].title, "spun");
}

#[test]
fn imports_pdf_and_docx_and_refuses_scans() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(fixtures.join("blinken.pdf"))
        .arg(fixtures.join("scan.pdf"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("added ") && out.contains("Blinken meets Qin Gang in Beijing"),
        "{out}"
    );
    assert!(out.contains("scan.pdf: the PDF has no text layer"), "{out}");
    let w = detente::core::store::load(&ws).unwrap();
    let a = &w.articles[0];
    assert!(a.text.contains("seven hours"));
    assert_eq!(
        a.published.as_ref().map(|d| d.edtf()),
        Some("2023-06-18"),
        "{}",
        a.published_source
    );
}

#[test]
fn generated_workspaces_and_corpora_are_valid_and_importable() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("big.detente");
    detente()
        .args([
            "generate",
            "--articles",
            "60",
            "--events",
            "250",
            "--seed",
            "3",
        ])
        .arg(&ws)
        .assert()
        .success()
        .stdout(predicate::str::contains("60 articles, 250 events"));
    detente()
        .arg("validate")
        .arg(&ws)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid (60 articles, 250 events)"));
    let stats: Value = serde_json::from_slice(
        &detente()
            .arg("stats")
            .arg(&ws)
            .arg("--json")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(stats["passages"].as_u64().unwrap() > 250);
    // Never over an existing file.
    detente()
        .args(["generate", "--articles", "5", "--events", "5"])
        .arg(&ws)
        .assert()
        .code(1);
    // The hidden commands stay out of the main help.
    detente()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("generate").not());

    let corpus = dir.path().join("pages");
    detente()
        .args([
            "generate-files",
            "--count",
            "12",
            "--bytes",
            "3000",
            "--kind",
            "html",
        ])
        .arg(&corpus)
        .assert()
        .success();
    let target = new_ws(dir.path());
    let out = detente()
        .arg("import")
        .arg(&target)
        .arg(&corpus)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("added")).count(),
        12,
        "{stdout}"
    );
    let listed: Value = serde_json::from_slice(
        &detente()
            .arg("list")
            .arg(&target)
            .arg("--json")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    // In file order, as the files are named.
    assert!(titles[0].ends_with("(report 0)"), "{titles:?}");
    assert!(titles[11].ends_with("(report 11)"), "{titles:?}");
}

#[test]
fn two_processes_editing_one_workspace_lose_no_edit() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("detente");
    // Two writers at once, each adding actors one command at a time.
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (bin, ws) = (bin.clone(), ws.clone());
            std::thread::spawn(move || {
                for i in 0..15 {
                    let out = std::process::Command::new(&bin)
                        .arg("actor")
                        .arg(&ws)
                        .arg(format!("Envoy {w}-{i}"))
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{out:?}");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let out = detente()
        .arg("stats")
        .arg(&ws)
        .arg("--json")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["actors"], 30, "{v}");
    // No lock or temporary file is left in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_edit_over_a_limit_is_refused_and_nothing_unopenable_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = tagged_workspace(dir.path());
    let before = std::fs::read(&ws).unwrap();
    for (flag, len) in [("--title", 20_000), ("--url", 10_001), ("--outlet", 10_001)] {
        detente()
            .arg("article")
            .arg(&ws)
            .arg("hold talks")
            .arg(flag)
            .arg("x".repeat(len))
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("too long").and(predicate::str::contains("not saved")),
            );
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{flag}");
    }
    detente().arg("validate").arg(&ws).assert().success();
}

#[test]
fn file_names_and_titles_cannot_forge_output_lines_or_steer_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let forged = write(
        dir.path(),
        "x\nadded art_00000000000000000000000000 FORGED.txt",
        b"\x00\x01\x02 binary",
    );
    let page = write(
        dir.path(),
        "page.html",
        b"<html><head><title>Talks\x1b[31m in red\x1b[0m</title></head><body><article><p>\
          Sullivan and Wang Yi met in Vienna for two days of talks on Wednesday and Thursday, \
          officials said, calling them candid and constructive.</p></article></body></html>",
    );
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&forged)
        .arg(&page)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("added ")).count(),
        1,
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("refused ") && l.contains("x\\nadded")),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'), "{stdout:?}");
    // The title was cleaned at import: the file holds no escape either.
    let list = detente()
        .arg("list")
        .arg(&ws)
        .arg("--json")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&list.stdout).unwrap();
    let title = v[0]["title"].as_str().unwrap();
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert!(title.contains("in red"), "{title:?}");
}

#[test]
fn validate_refuses_an_unreadable_file_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.detente", b"{ not json");
    detente()
        .arg("validate")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("bad.detente"));
}

#[cfg(unix)]
#[test]
fn a_folder_with_link_loops_pipes_and_outside_links_imports_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    write(&folder, "a.txt", common::VIENNA.as_bytes());
    // Two links back to the folder: followed, they would walk 2^n paths.
    std::os::unix::fs::symlink(".", folder.join("x")).unwrap();
    std::os::unix::fs::symlink(".", folder.join("y")).unwrap();
    // A pipe would block a reader forever.
    let fifo = std::ffi::CString::new(folder.join("pipe.txt").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    // A link to a file elsewhere: imported, and said.
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = write(elsewhere.path(), "private.txt", common::BEIJING.as_bytes());
    std::os::unix::fs::symlink(&secret, folder.join("b.txt")).unwrap();
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&folder)
        .arg("/dev/zero")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let has = |start: &str, part: &str| {
        stdout
            .lines()
            .any(|l| l.starts_with(start) && l.contains(part))
    };
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("added ")).count(),
        2,
        "{stdout}"
    );
    assert!(has("outside ", "private.txt"), "{stdout}");
    assert!(
        has("refused ", "pipe.txt: not a file to import"),
        "{stdout}"
    );
    assert!(
        has("refused ", "x: not a file to import: a link to a folder"),
        "{stdout}"
    );
    assert!(has("refused /dev/zero", "not a file to import"), "{stdout}");
}

#[test]
fn hostile_pdfs_are_refused_and_the_rest_of_the_import_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // A Form XObject that draws itself overflowed the stack and aborted the
    // whole import; 10 KB that pdf-extract inflated to 4 GB.
    for f in [
        "hostile-xobject-loop.pdf",
        "hostile-content-bomb.pdf",
        "blinken.pdf",
    ] {
        std::fs::copy(fixtures.join(f), folder.join(f)).unwrap();
    }
    write(&folder, "vienna.txt", common::VIENNA.as_bytes());
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&folder)
        .env("DETENTE_PDF_MEMORY_MB", "512")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let line = |name: &str| {
        stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        line("blinken.pdf").is_empty() || line("Blinken").starts_with("added"),
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("added ")).count(),
        2,
        "{stdout}"
    );
    for f in ["hostile-xobject-loop.pdf", "hostile-content-bomb.pdf"] {
        let l = line(f);
        assert!(
            l.starts_with("refused ") && l.contains("crashed or needed more than 512 MiB"),
            "{stdout}"
        );
    }
    detente().arg("validate").arg(&ws).assert().success();
}

/// Run git in `dir`; its output, or a panic with its error.
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git runs")
}

#[test]
fn git_merges_workspaces_with_detente_never_with_conflict_markers() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.email", "a@example.org"],
        &["config", "user.name", "Annotator"],
    ] {
        assert!(git(repo, args).status.success());
    }
    let (ws, _) = tagged_workspace(repo);
    std::fs::remove_file(repo.join("a.txt")).unwrap();
    std::fs::remove_file(repo.join("b.txt")).unwrap();
    detente()
        .arg("git-setup")
        .arg(repo)
        .assert()
        .success()
        .stdout(predicate::str::contains(".gitattributes"));
    assert!(
        std::fs::read_to_string(repo.join(".gitattributes"))
            .unwrap()
            .contains("*.detente merge=detente")
    );
    let commit = |msg: &str| {
        assert!(git(repo, &["add", "-A"]).status.success());
        assert!(git(repo, &["commit", "-q", "-m", msg]).status.success());
    };
    commit("base");
    // Two annotators on two branches.
    assert!(git(repo, &["checkout", "-q", "-b", "b"]).status.success());
    detente()
        .arg("article")
        .arg(&ws)
        .arg("hold talks")
        .args(["--outlet", "Reuters (B)"])
        .assert()
        .success();
    detente()
        .arg("actor")
        .arg(&ws)
        .arg("Kurt Campbell")
        .assert()
        .success();
    commit("b");
    assert!(git(repo, &["checkout", "-q", "main"]).status.success());
    detente()
        .arg("article")
        .arg(&ws)
        .arg("hold talks")
        .args(["--outlet", "Reuters (A)"])
        .assert()
        .success();
    detente()
        .arg("actor")
        .arg(&ws)
        .arg("Xie Feng")
        .assert()
        .success();
    commit("a");
    let merged = git(repo, &["merge", "-q", "b", "-m", "merge b"]);
    // The outlet was changed both ways: git reports a conflict...
    assert!(!merged.status.success(), "{merged:?}");
    // ...but the file is a valid workspace holding both sides' work and the
    // conflict, never conflict markers.
    let text = std::fs::read_to_string(&ws).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    detente().arg("validate").arg(&ws).assert().success();
    let v: Value = serde_json::from_str(&text).unwrap();
    let actors: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert!(
        actors.contains(&"Kurt Campbell") && actors.contains(&"Xie Feng"),
        "{actors:?}"
    );
    let c = &v["conflicts"][0];
    assert_eq!(
        (
            c["field"].as_str(),
            c["ours"].as_str(),
            c["theirs"].as_str()
        ),
        (Some("outlet"), Some("Reuters (A)"), Some("Reuters (B)")),
        "{c}"
    );
    // Nothing left lying in the repository: no backup of git's temporary
    // file, and the CLI's own backups are ignored here.
    let status = String::from_utf8(git(repo, &["status", "--porcelain"]).stdout).unwrap();
    assert!(
        !status.contains("??"),
        "untracked files after the merge: {status}"
    );
    // While the conflict is open, the workspace is sound but not settled:
    // validate says so, and an export waits unless told otherwise.
    detente()
        .arg("validate")
        .arg(&ws)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 merge conflict(s) open"));
    detente()
        .args(["export", "--format", "csv"])
        .arg(&ws)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--with-conflicts"));
    detente()
        .args(["export", "--format", "csv", "--with-conflicts"])
        .arg(&ws)
        .assert()
        .success();
}

#[test]
fn merge_of_two_copies_lists_conflicts_and_writes_a_sound_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let (base, _) = tagged_workspace(dir.path());
    let a = dir.path().join("a.detente");
    let b = dir.path().join("b.detente");
    std::fs::copy(&base, &a).unwrap();
    std::fs::copy(&base, &b).unwrap();
    detente()
        .arg("article")
        .arg(&a)
        .arg("hold talks")
        .args(["--outlet", "A"])
        .assert()
        .success();
    detente()
        .arg("article")
        .arg(&b)
        .arg("hold talks")
        .args(["--outlet", "B"])
        .assert()
        .success();
    detente()
        .arg("actor")
        .arg(&b)
        .arg("Kurt Campbell")
        .assert()
        .success();
    let out = dir.path().join("m.detente");
    detente()
        .arg("merge")
        .args([&base, &a, &b])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("conflict article").and(predicate::str::contains(
                "outlet: ours \"A\" | theirs \"B\"",
            )),
        );
    detente().arg("validate").arg(&out).assert().success();
    // With no conflict, exit 0.
    detente()
        .arg("merge")
        .args([&base, &base, &b])
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
}

#[test]
fn who_tagged_and_changed_what_is_stamped() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, event) = tagged_workspace(dir.path());
    // Made without a name: nothing stamped, and the file still reads.
    let v: Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    assert!(v["events"][0].get("created_by").is_none());
    let out = detente()
        .arg("tag")
        .arg(&ws)
        .args([
            "--article",
            "hold talks",
            "--quote",
            "The talks lasted eight hours",
            "--headline",
            "Eight hours",
        ])
        .env("DETENTE_AUTHOR", "Ana Lee")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    detente()
        .arg("actor")
        .arg(&ws)
        .arg("Wang Yi")
        .args([
            "--office",
            "Director of the Office of the Foreign Affairs Commission",
            "--author",
            "Ben Okafor",
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let e = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap();
    assert_eq!(e["created_by"], "Ana Lee");
    assert_eq!(e["evidence"][0]["created_by"], "Ana Lee");
    assert!(
        e["evidence"][0]["created"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    let wang = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Wang Yi")
        .unwrap();
    assert_eq!(wang["changed_by"], "Ben Okafor");
    assert!(!event.is_empty());
    // The name may also come first, before the subcommand.
    detente()
        .args(["--author", "Chen Wei", "actor"])
        .arg(&ws)
        .arg("Qin Gang")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let qin = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Qin Gang")
        .unwrap();
    assert_eq!(qin["created_by"], "Chen Wei");
    // A workspace to open and a command at once is a usage error.
    detente().arg(&ws).args(["stats"]).assert().code(2);
}

#[test]
fn agree_prints_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = tagged_workspace(dir.path());
    detente()
        .arg("agree")
        .arg(&ws)
        .arg(&ws)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("passage F1\t1.000").and(predicate::str::contains("matched")),
        );
    let out = detente()
        .arg("agree")
        .arg(&ws)
        .arg(&ws)
        .arg("--json")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["passage_f1"], 1.0);
}

#[test]
fn a_feed_imports_each_item_and_other_xml_is_refused_with_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds");
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(fixtures.join("state-dept.rss"))
        .arg(fixtures.join("sitemap.xml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("feed ") && out.contains("state-dept.rss: 3 items"),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("added ")).count(),
        3,
        "{out}"
    );
    assert!(
        out.contains(
            "sitemap.xml: an XML file whose root element is <urlset>, not an RSS or Atom feed"
        ),
        "{out}"
    );
    let w = detente::core::store::load(&ws).unwrap();
    assert_eq!(w.articles.len(), 3);
    let a = &w.articles[0];
    assert_eq!(
        a.title,
        "Secretary Blinken’s Meeting with PRC Director Wang Yi"
    );
    assert_eq!(a.outlet, "Press Releases – Example Ministry");
    assert_eq!(
        a.url,
        "https://ministry.example/press/2023/06/19/blinken-wang-yi"
    );
    // 21:40 in Washington is the 20th in UTC; the ministry dated it the 19th.
    assert_eq!(a.published.as_ref().unwrap().edtf(), "2023-06-19");
    assert!(
        a.text.contains("Wang Yi in Beijing.\n\nThey discussed"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("<p>"));
    assert_eq!(
        w.articles[1].text,
        "Secretary Blinken will travel to Beijing from June 16 to 21."
    );
    // Importing the feed again adds nothing: every item is a duplicate.
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(fixtures.join("state-dept.rss"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out.lines().filter(|l| l.starts_with("duplicate ")).count(),
        3,
        "{out}"
    );
}

#[test]
fn dates_lists_each_expressions_class_and_leaves_the_unanchored_unresolved() {
    let out = detente()
        .args([
            "dates",
            "--published",
            "2024-03-01",
            "--text",
            "The accord was signed in 2019 and ratified the next year. A year before, talks had stalled. Growth slowed in the fourth quarter.",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let line = |t: &str| {
        out.lines()
            .find(|l| l.split('\t').nth(5) == Some(t))
            .unwrap_or_else(|| panic!("{t} not in {out}"))
            .split('\t')
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert!(out.starts_with("start\tend\tedtf\tearliest\tlatest\ttext\tclass\trule"));
    let next = line("the next year");
    assert_eq!(
        (next[2].as_str(), next[6].as_str()),
        ("2020", "the next year")
    );
    assert!(next[7].contains("from 2019"), "{next:?}");
    // No year named before it in its sentence: found, not guessed.
    let before = line("A year before");
    assert_eq!(before[2], "unresolved");
    assert!(before[7].contains("no year named before it"), "{before:?}");
    let q = line("the fourth quarter");
    assert_eq!(
        (q[2].as_str(), q[6].as_str()),
        ("2023-10/2023-12", "quarter")
    );
}

/// Issue 29: a LexisNexis text export (written here in its structure)
/// is read as its stories: a line for the export, one per story.
#[test]
fn a_database_export_is_imported_story_by_story() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.detente");
    detente().arg("new").arg(&ws).assert().success();
    let export = dir.path().join("nexis.TXT");
    std::fs::write(
        &export,
        "Terms: china\r\n\r\n          1 of 2 DOCUMENTS\r\n\r\n          The Times (London)\r\n\r\n\
         \x20         May 11, 2023 Thursday\r\n\r\nTalks in Vienna\r\n\r\nBYLINE: Ann Lee\r\n\r\n\
         Officials met in Vienna.\r\n\r\nLOAD-DATE: May 12, 2023\r\n\r\n\
         \x20         2 of 2 DOCUMENTS\r\n\r\n          The Guardian\r\n\r\n          May 12, 2023 Friday\r\n\r\n\
         Second round\r\n\r\nThey met again.\r\n",
    )
    .unwrap();
    let out = detente()
        .arg("import")
        .arg(&ws)
        .arg(&export)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("LexisNexis export ")
            && lines[0].ends_with(": 2 stories, each imported as an article"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("added art_") && lines[1].ends_with(" Talks in Vienna"),
        "{out}"
    );
    assert!(lines[2].ends_with(" Second round"), "{out}");
    let w = detente::core::store::load(&ws).unwrap();
    let a = w
        .articles
        .iter()
        .find(|a| a.title == "Talks in Vienna")
        .unwrap();
    assert_eq!(
        (a.outlet.as_str(), a.byline.as_str()),
        ("The Times (London)", "Ann Lee")
    );
    assert_eq!(a.published.as_ref().unwrap().edtf(), "2023-05-11");
}

/// Issue 29: Nexis Uni's DOCX and RTF and Factiva's RTF (both layouts),
/// written here in their structures by `tests/fixtures/dbexports/make.py`,
/// are read as their stories with their fields; a story without its head
/// is refused with its number and the others are imported; the same
/// stories from the Nexis Uni DOCX after its RTF are duplicates, named.
#[test]
fn database_exports_in_word_and_rtf_are_imported_story_by_story() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dbexports");
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let import = |name: &str| {
        let out = detente()
            .arg("import")
            .arg(&ws)
            .arg(fixtures.join(name))
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let out = import("nexis-uni-three.rtf");
    assert!(
        out.lines().next().unwrap().starts_with("Nexis Uni export ")
            && out.contains(": 3 stories, each imported as an article"),
        "{out}"
    );
    let out = import("nexis-uni-three.docx");
    assert_eq!(out.matches("\nduplicate ").count(), 3, "{out}");
    assert!(
        out.contains("nexis-uni-three.docx (story 2 of 3, “Gespräche in Wien”)"),
        "{out}"
    );
    let out = import("factiva-article.rtf");
    assert!(
        out.contains(
            "factiva-article.rtf: story 2 of 3, “Zeitungsausschnitt ohne Kopf” \
             (document XXXX000020230512ej5c00001): the story has no word count line"
        ),
        "{out}"
    );
    assert_eq!(out.matches("\nadded ").count(), 2, "{out}");
    import("factiva-indexed.rtf");
    let w = detente::core::store::load(&ws).unwrap();
    let get = |title: &str| {
        w.articles
            .iter()
            .find(|a| a.title == title)
            .unwrap_or_else(|| {
                panic!(
                    "no “{title}” in {:?}",
                    w.articles.iter().map(|a| &a.title).collect::<Vec<_>>()
                )
            })
    };
    let day = |a: &detente::core::model::Article| a.published.as_ref().unwrap().edtf().to_string();
    let wp = get("US and China hold talks in Vienna");
    assert_eq!(
        (wp.outlet.as_str(), wp.byline.as_str(), day(wp).as_str()),
        ("The Washington Post", "Ellen Nakashima", "2023-05-11")
    );
    assert!(!wp.text.contains("Load-Date") && !wp.text.contains("Results list"));
    let sz = get("Gespräche in Wien");
    assert_eq!(
        (
            sz.outlet.as_str(),
            sz.byline.as_str(),
            sz.language.as_str(),
            day(sz).as_str()
        ),
        ("Süddeutsche Zeitung", "Lea Sahay", "de", "2023-05-12")
    );
    let reuters = get("US, China hold candid talks in Vienna");
    assert_eq!(
        (
            reuters.outlet.as_str(),
            reuters.byline.as_str(),
            day(reuters).as_str()
        ),
        ("Reuters News", "Michael Martina", "2023-05-11")
    );
    assert_eq!(reuters.database_id, "LBA0000020230511ej5b00abc");
    assert!(!reuters.text.contains("Copyright") && !reuters.text.contains("612 words"));
    let monde = get("Chine et États-Unis : reprise du dialogue");
    assert_eq!(
        (
            monde.outlet.as_str(),
            monde.language.as_str(),
            day(monde).as_str()
        ),
        ("Le Monde", "fr", "2023-05-12")
    );
    assert!(!monde.text.contains("Search Summary"));
    let indexed = get("US, China agree to keep talking after Vienna meeting");
    assert_eq!(
        (
            indexed.outlet.as_str(),
            indexed.byline.as_str(),
            day(indexed).as_str()
        ),
        ("Reuters News", "Humeyra Pamuk", "2023-05-12")
    );
    assert_eq!(indexed.database_id, "LBA0000020230512ej5c00def");
    assert!(
        indexed.text.contains("No date was given.") && !indexed.text.contains("gdip"),
        "{}",
        indexed.text
    );
    assert_eq!(w.articles.len(), 3 + 2 + 2);
}

/// Issue 31: a script can write memos and own event types, as the sample
/// builder does: `code` prints the code `tag --kind` takes, `memo` links by
/// id and refuses a link to nothing, and rewrites the memo of its title.
#[test]
fn memos_and_own_types_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_ws(dir.path());
    let text = write(
        dir.path(),
        "vienna.txt",
        "Talks in Vienna\n\nSullivan met Wang Yi in Vienna on 10 May 2023.".as_bytes(),
    );
    detente()
        .arg("import")
        .arg(&ws)
        .arg(&text)
        .assert()
        .success();
    let run = |args: &[&str]| {
        let out = detente().args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap().trim().to_string(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let w = ws.to_str().unwrap();
    let (code, kind, _) = run(&["code", w, "Back-channel contact", "--parent", "04"]);
    assert_eq!((code, kind.as_str()), (Some(0), "back-channel"));
    let (code, event, err) = run(&[
        "tag",
        w,
        "--article",
        "Talks in Vienna",
        "--quote",
        "Sullivan met Wang Yi",
        "--headline",
        "Vienna",
        "--kind",
        &kind,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let link = format!("See [the talks](detente:{event}).");
    let (code, memo, _) = run(&["memo", w, "--title", "Why", "--text", &link, "--report"]);
    assert_eq!(code, Some(0));
    let (code, _, err) = run(&[
        "memo",
        w,
        "--title",
        "Bad",
        "--text",
        "[x](detente:evt_gone)",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("evt_gone, which is not in this workspace"),
        "{err}"
    );
    let (_, again, _) = run(&["memo", w, "--title", "Why", "--text=- rewritten"]);
    assert_eq!(again, memo, "the memo of that title is rewritten");
    let back = detente::core::store::load(&ws).unwrap();
    assert_eq!(back.memos.len(), 1);
    assert_eq!(back.memos[0].text, "- rewritten");
    assert!(!back.memos[0].in_report, "what is not given is reset");
    assert_eq!(back.events[0].kind, "back-channel");
    let t = back.event_type("back-channel").unwrap();
    assert_eq!(
        (t.label.as_str(), t.parent.as_str()),
        ("Back-channel contact", "04")
    );
}
