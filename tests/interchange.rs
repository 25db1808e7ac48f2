//! REFI-QDA interchange: round trips through `.qdpx`, projects as other
//! tools write them, hostile zips, and the export checked against the
//! QDA-XML 1.0 schema with xmllint.

use detente::core::model::{Event, Role, Workspace};
use detente::core::sample::sample_workspace;
use detente::exchange::qdpx::import::{CODED_SEGMENT, Files, Summary, import};
use detente::exchange::qdpx::open::Zip;
use detente::exchange::qdpx::write::to_qdpx;

fn no_docx(_: &[u8]) -> Result<String, String> {
    Err("no DOCX here".into())
}

fn import_bytes(ws: &mut Workspace, bytes: Vec<u8>) -> Result<Summary, String> {
    let mut zip = Zip::new(bytes)?;
    let xml = zip.project()?;
    import(ws, &xml, &mut zip, &no_docx)
}

#[test]
fn a_round_trip_keeps_texts_quotes_offsets_codes_and_events() {
    let ws = sample_workspace();
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    let bytes = to_qdpx(&ws, &events).unwrap();
    let mut back = Workspace::new("empty");
    back.vocabularies.event_types.clear();
    let s = import_bytes(&mut back, bytes).unwrap();
    assert!(s.from_detente);
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    assert_eq!(back.articles.len(), ws.articles.len());
    for a in &ws.articles {
        let b = back.articles.iter().find(|b| b.title == a.title).unwrap();
        assert_eq!(b.text, a.text);
        assert_eq!(b.url, a.url);
        assert_eq!(
            b.published.as_ref().map(|d| d.edtf().to_string()),
            a.published.as_ref().map(|d| d.edtf().to_string())
        );
    }
    assert_eq!(
        back.events.len(),
        ws.events.iter().filter(|e| !e.evidence.is_empty()).count()
    );
    for e in ws.events.iter().filter(|e| !e.evidence.is_empty()) {
        let f = back
            .events
            .iter()
            .find(|f| f.headline == e.headline)
            .unwrap_or_else(|| panic!("{} lost", e.headline));
        assert_eq!(f.kind, e.kind);
        assert_eq!(
            f.date.as_ref().map(|d| d.edtf()),
            e.date.as_ref().map(|d| d.edtf())
        );
        assert_eq!(f.status, e.status);
        assert_eq!(f.place, e.place);
        assert_eq!(f.tags, e.tags);
        assert_eq!(f.notes, e.notes);
        let names = |w: &Workspace, ev: &Event| -> Vec<(String, Role)> {
            ev.actors
                .iter()
                .map(|r| (w.actor(&r.actor).unwrap().name.clone(), r.role))
                .collect()
        };
        assert_eq!(names(&back, f), names(&ws, e));
        let quotes = |ev: &Event| -> Vec<(usize, usize, String)> {
            let mut q: Vec<_> = ev
                .evidence
                .iter()
                .map(|p| (p.anchor.start, p.anchor.end, p.anchor.exact.clone()))
                .collect();
            q.sort();
            q
        };
        assert_eq!(quotes(f), quotes(e));
    }
    for t in &ws.vocabularies.event_types {
        if ws
            .events
            .iter()
            .any(|e| e.kind == t.code && !e.evidence.is_empty())
        {
            let u = back.event_type(&t.code).unwrap();
            assert_eq!(
                (&u.label, &u.colour, u.goldstein),
                (&t.label, &t.colour, t.goldstein)
            );
        }
    }
    // Importing the same project again adds nothing.
    let again = import_bytes(&mut back, to_qdpx(&ws, &events).unwrap()).unwrap();
    assert_eq!(
        (again.articles, again.events, again.duplicates),
        (0, 0, ws.articles.len())
    );
    assert_eq!(
        again.already,
        ws.events.iter().filter(|e| !e.evidence.is_empty()).count()
    );
    assert!(back.problems().is_empty(), "{:?}", back.problems());
}

/// A user's own codes nested under a CAMEO root and under each other come
/// back from REFI-QDA with their names, colours, parents and descriptions;
/// event data shows the CAMEO root they sit under and their own name.
#[test]
fn own_codes_travel_as_nested_codes_and_as_their_cameo_root() {
    use detente::core::codebook::add_type_edit;
    use detente::core::vocab::EventType;
    let mut ws = sample_workspace();
    for (code, label, parent, description) in [
        (
            "track-ii",
            "Track II dialogue",
            "04",
            "Unofficial talks; scholars",
        ),
        ("academic", "Academic exchange", "track-ii", ""),
    ] {
        let t = EventType {
            code: code.into(),
            label: label.into(),
            colour: "#aa3300".into(),
            parent: parent.into(),
            description: description.into(),
            ..Default::default()
        };
        add_type_edit(&ws, t).unwrap().apply(&mut ws);
    }
    std::sync::Arc::make_mut(&mut ws.events[0]).kind = "academic".into();
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    let xml = detente::exchange::qdpx::write::project_xml(&ws, &events);
    // Nested: the root group holds track-ii, which holds academic.
    let root = xml.find("name=\"04 Consult\"").unwrap();
    let track = xml.find("name=\"track-ii Track II dialogue\"").unwrap();
    let academic = xml.find("name=\"academic Academic exchange\"").unwrap();
    assert!(root < track && track < academic, "{xml}");
    assert!(!xml[track..academic].contains("</Code>"), "not nested");
    let mut back = Workspace::new("empty");
    back.vocabularies.event_types.clear();
    import_bytes(&mut back, to_qdpx(&ws, &events).unwrap()).unwrap();
    let got = |c: &str| back.event_type(c).unwrap().clone();
    assert_eq!(got("academic").parent, "track-ii");
    assert_eq!(got("track-ii").parent, "04");
    assert_eq!(got("track-ii").description, "Unofficial talks; scholars");
    assert_eq!(got("track-ii").label, "Track II dialogue");
    assert!(back.problems().is_empty(), "{:?}", back.problems());
    let one = [&*ws.events[0]];
    let gdelt = detente::exchange::eventdata::to_gdelt(&ws, &one);
    let (head, rest) = gdelt.split_once('\n').unwrap();
    let row = rest.lines().next().unwrap();
    let col = |name: &str| {
        let i = head.split('\t').position(|h| h == name).unwrap();
        row.split('\t').nth(i).unwrap().to_string()
    };
    assert_eq!(
        (col("EventCode"), col("EventRootCode")),
        ("04".into(), "04".into())
    );
    assert_eq!(col("QuadClass"), "1");
    assert_eq!(col("Type"), "academic Academic exchange");
    // ICEWS names the CAMEO code it gives, and the own type beside it.
    let icews = detente::exchange::eventdata::to_icews(&ws, &one);
    assert!(icews.contains("\tConsult\t04\t"), "{icews}");
    assert!(icews.contains("\tacademic Academic exchange"), "{icews}");
    // PLOVER: the CAMEO code, its name and its PLOVER type; the own type
    // in its own keys.
    let plover: serde_json::Value =
        serde_json::from_str(detente::exchange::eventdata::to_plover(&ws, &one).trim()).unwrap();
    assert_eq!(plover["cameo_code"], "04");
    assert_eq!(plover["cameo_label"], "Consult");
    assert_eq!(plover["event"], "CONSULT");
    assert_eq!(plover["own_type"], "academic");
    assert_eq!(plover["own_type_label"], "Academic exchange");
}

/// A project as another tool writes it: CRLF kept in the file but
/// counted as one, no `name`, a bare `plainTextPath`, nested codes,
/// a note on a selection, a source coded as a whole, and an audio file.
fn foreign() -> Vec<u8> {
    let text = "Wang Yi met Blinken.\r\nThe talks in Beijing were “candid”.\r\n北京会谈 😀 ended.";
    let lf = text.replace("\r\n", "\n");
    let at = |q: &str| {
        let b = lf.find(q).unwrap();
        let s = lf[..b].chars().count();
        (s, s + q.chars().count())
    };
    let (a1, b1) = at("Blinken");
    let (a2, b2) = at("talks in Beijing");
    let (a3, b3) = at("北京会谈");
    let xml = format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project name="Other" origin="SomeQDA 3" xmlns="urn:QDA-XML:project:1.0">
<Users><User guid="11111111-1111-1111-1111-111111111111" name="Ann"/></Users>
<CodeBook><Codes>
 <Code guid="22222222-2222-2222-2222-222222222222" name="Diplomacy" isCodable="true">
  <Code guid="33333333-3333-3333-3333-333333333333" name="Meetings" isCodable="true" color="#FF0000"/>
 </Code>
 <Code guid="44444444-4444-4444-4444-444444444444" name="People" isCodable="true"/>
</Codes></CodeBook>
<Sources>
 <TextSource guid="55555555-5555-5555-5555-555555555555" plainTextPath="doc1.txt">
  <PlainTextSelection guid="66666666-6666-6666-6666-666666666666" startPosition="{a1}" endPosition="{b1}" creatingUser="11111111-1111-1111-1111-111111111111">
   <Coding guid="77777777-7777-7777-7777-777777777777"><CodeRef targetGUID="44444444-4444-4444-4444-444444444444"/></Coding>
  </PlainTextSelection>
  <PlainTextSelection guid="88888888-8888-8888-8888-888888888888" startPosition="{a2}" endPosition="{b2}">
   <Coding guid="99999999-9999-9999-9999-999999999999"><CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
   <NoteRef targetGUID="aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"/>
  </PlainTextSelection>
  <PlainTextSelection guid="bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb" startPosition="{a3}" endPosition="{b3}">
   <Coding guid="cccccccc-cccc-cccc-cccc-cccccccccccc"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
  </PlainTextSelection>
  <Coding guid="dddddddd-dddd-dddd-dddd-dddddddddddd"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
 </TextSource>
 <AudioSource guid="eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee" name="Interview" path="internal://tape.mp3"/>
</Sources>
<Notes><Note guid="aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa" name="memo"><PlainTextContent>Tone matters here.</PlainTextContent></Note></Notes>
</Project>"##
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = zip::write::SimpleFileOptions::default();
    use std::io::Write;
    z.start_file("project.qde", o).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.start_file("Sources/doc1.txt", o).unwrap();
    z.write_all(text.as_bytes()).unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn another_tools_project_lands_on_the_right_words() {
    let mut ws = Workspace::new("w");
    let s = import_bytes(&mut ws, foreign()).unwrap();
    assert!(!s.from_detente);
    assert_eq!((s.articles, s.events, s.passages), (1, 3, 3), "{s:?}");
    assert_eq!(s.readings.len(), 1, "{:?}", s.readings);
    assert!(s.readings[0].contains("CRLF"), "{:?}", s.readings);
    assert_eq!(s.skipped.len(), 1);
    assert!(s.skipped[0].contains("audio"), "{:?}", s.skipped);
    let quotes: Vec<&str> = ws
        .events
        .iter()
        .map(|e| e.evidence[0].anchor.exact.as_str())
        .collect();
    assert_eq!(quotes, ["Blinken", "talks in Beijing", "北京会谈"]);
    let e = &ws.events[1];
    assert_eq!(e.kind, CODED_SEGMENT);
    assert_eq!(e.tags, ["Diplomacy/Meetings"]);
    assert_eq!(e.headline, "Meetings");
    assert_eq!(e.notes, "Tone matters here.");
    assert_eq!(ws.events[0].created_by, "Ann");
    let a = &ws.articles[0];
    assert_eq!(a.title, "Wang Yi met Blinken.");
    assert!(
        a.notes.contains("Coded as a whole: Diplomacy"),
        "{}",
        a.notes
    );
    assert!(ws.tags.contains(&"Diplomacy/Meetings".to_string()));
    assert!(ws.problems().is_empty());
}

#[test]
fn hostile_zips_are_refused_with_the_reason() {
    // Path traversal: a project naming a file outside itself.
    let xml = r#"<Project name="x"><Sources><TextSource guid="1" name="t" plainTextPath="internal://../../etc/passwd"><PlainTextSelection guid="2" startPosition="0" endPosition="3"/></TextSource></Sources></Project>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    use std::io::Write;
    z.start_file("project.qde", o).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    // A bomb: 50 MB of zeros.
    z.start_file("Sources/bomb.txt", o).unwrap();
    z.write_all(&vec![b'0'; 50 * 1024 * 1024]).unwrap();
    z.finish().unwrap();
    let mut ws = Workspace::new("w");
    let s = import_bytes(&mut ws, buf.into_inner()).unwrap();
    assert_eq!(s.articles, 0);
    assert!(
        s.skipped[0].contains("leaves the project"),
        "{:?}",
        s.skipped
    );
    let mut zip = Zip::new({
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("Sources/bomb.txt", o).unwrap();
        z.write_all(&vec![b'0'; 50 * 1024 * 1024]).unwrap();
        z.finish().unwrap();
        buf.into_inner()
    })
    .unwrap();
    let e = zip.get("Sources/bomb.txt").unwrap_err();
    assert!(e.contains("bomb"), "{e}");
    // Not a zip at all.
    assert!(Zip::new(b"PK not really".to_vec()).is_err());
}

/// xmllint, or None with a note: CI installs it (libxml2-utils) and sets
/// DETENTE_REQUIRE_XMLLINT, so there a missing xmllint fails the test.
fn xmllint() -> Option<&'static str> {
    let found = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("DETENTE_REQUIRE_XMLLINT").is_none(),
            "xmllint is required here (apt-get install libxml2-utils)"
        );
        eprintln!("SKIPPED: xmllint not found (apt-get install libxml2-utils)");
        return None;
    }
    Some("xmllint")
}

fn schema_check(xml: &str) {
    let Some(lint) = xmllint() else { return };
    let dir = tempfile::tempdir().unwrap();
    let qde = dir.path().join("project.qde");
    std::fs::write(&qde, xml).unwrap();
    let xsd = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/refi-qda/Project-mrt2019.xsd"
    );
    let out = std::process::Command::new(lint)
        .args(["--noout", "--nonet", "--schema", xsd])
        .arg(&qde)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the project does not validate against QDA-XML 1.0:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_export_is_valid_qda_xml() {
    use detente::exchange::qdpx::write::project_xml;
    let ws = sample_workspace();
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    schema_check(&project_xml(&ws, &events));
    // With authors, notes, tags, odd characters and a user's own code.
    let mut ws = sample_workspace();
    ws.notes = "Workspace <notes> & more".into();
    let e = std::sync::Arc::make_mut(&mut ws.events[0]);
    e.created_by = "Ann \"A\" <ann@x>".into();
    e.tags = vec!["key & core".into(), "hot\tline".into()];
    e.notes = "line one\nline two \u{1} bell".into();
    e.evidence[0].created_by = "Bo".into();
    std::sync::Arc::make_mut(&mut ws.articles[0]).notes = "Why this source".into();
    ws.vocabularies
        .event_types
        .push(detente::core::vocab::EventType {
            code: "MINE".into(),
            label: "My own".into(),
            goldstein: None,
            plover_type: String::new(),
            plover_mode: String::new(),
            colour: "#123456".into(),
            ..Default::default()
        });
    // Own codes nested under a root and under each other.
    for (code, parent) in [("mine", "04"), ("mine-too", "mine"), ("top", "")] {
        ws.vocabularies
            .event_types
            .push(detente::core::vocab::EventType {
                code: code.into(),
                label: format!("{code} <label>"),
                colour: "#123456".into(),
                parent: parent.into(),
                description: "what & why".into(),
                ..Default::default()
            });
    }
    std::sync::Arc::make_mut(&mut ws.events[1]).kind = "mine-too".into();
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    let xml = project_xml(&ws, &events);
    assert!(xml.contains("<User "));
    assert!(xml.contains("<Set "));
    schema_check(&xml);
}

#[test]
fn the_command_line_exports_and_imports_a_project() {
    let bin = env!("CARGO_BIN_EXE_detente");
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("s.detente");
    detente::core::store::save(&sample_workspace(), &src).unwrap();
    let qdpx = dir.path().join("s.qdpx");
    let ok = std::process::Command::new(bin)
        .args(["export"])
        .arg(&src)
        .args(["--format", "qdpx", "-o"])
        .arg(&qdpx)
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
    let new = dir.path().join("n.detente");
    assert!(
        std::process::Command::new(bin)
            .arg("new")
            .arg(&new)
            .output()
            .unwrap()
            .status
            .success()
    );
    let out = std::process::Command::new(bin)
        .arg("import")
        .arg(&new)
        .arg(&qdpx)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(&format!(
            "imported 5 article(s), {} event(s)",
            sample_workspace().events.len()
        )),
        "{said}"
    );
    let ws = detente::core::store::load(&new).unwrap();
    assert_eq!(ws.events.len(), sample_workspace().events.len());
    // A range narrows the export; a range that is not a date is refused.
    let rows = |extra: &[&str]| {
        let o = std::process::Command::new(bin)
            .arg("export")
            .arg(&new)
            .args(["--format", "gdelt"])
            .args(extra)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).lines().count(),
        )
    };
    let (_, all) = rows(&[]);
    let (_, june) = rows(&["--from", "2023-06", "--to", "2023-06-30"]);
    assert!(1 < june && june < all, "{june} of {all}");
    assert_eq!(rows(&["--from", "June"]).0, Some(2));
}

/// Projects written by other tools (qualitative-coding 1.7.8 and pyrefiqda
/// 0.3.1; how each was made is in tests/fixtures/refi-qda/others/README.md),
/// with the coded passages written down from what was coded, not read
/// back from the files: every one lands on the right words.
#[test]
fn projects_from_other_tools_import_with_every_passage_on_its_words() {
    use unicode_normalization::UnicodeNormalization;
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/refi-qda/others");
    let docx = |_: &[u8]| Err::<String, String>("no".into());
    let mut checked = 0;
    for name in ["qc-diplomacy", "pyrefiqda-diplomacy"] {
        let mut ws = Workspace::new("w");
        let s = detente::exchange::qdpx::open::import_file(
            &mut ws,
            &dir.join(format!("{name}.qdpx")),
            &docx,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(s.skipped.is_empty(), "{name}: {:?}", s.skipped);
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        for want in expected.as_array().unwrap() {
            let source = want["source"].as_str().unwrap();
            let quote: String = want["quote"]
                .as_str()
                .unwrap()
                .replace("\r\n", "\n")
                .nfc()
                .collect();
            let codes: Vec<&str> = want["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let article = ws
                .articles
                .iter()
                .find(|a| a.title == source)
                .unwrap_or_else(|| {
                    panic!(
                        "{name}: no article {source:?} in {:?}",
                        ws.articles.iter().map(|a| &a.title).collect::<Vec<_>>()
                    )
                });
            let tagged =
                |e: &Event, code: &str| e.tags.iter().any(|t| t.rsplit('/').next() == Some(code));
            for code in codes {
                let hit = ws.events.iter().any(|e| {
                    tagged(e, code)
                        && e.evidence
                            .iter()
                            .any(|p| p.article == article.id && p.anchor.exact == quote)
                });
                assert!(
                    hit,
                    "{name}: {quote:?} coded {code:?} in {source:?} was not found; passages: {:?}",
                    ws.events
                        .iter()
                        .map(|e| (&e.evidence[0].anchor.exact, &e.tags))
                        .collect::<Vec<_>>()
                );
                checked += 1;
            }
        }
        assert!(ws.problems().is_empty(), "{name}: {:?}", ws.problems());
    }
    assert!(checked >= 13, "{checked}");
}

/// The timeline figure of the sample, compared with the SVG looked at and
/// kept in tests/fixtures/golden/figure.svg (UPDATE_SNAPSHOTS=1 rewrites
/// it; look at it before committing).
#[test]
fn the_figure_of_the_sample_is_the_one_looked_at() {
    use detente::exchange::figure::{FigureOptions, svg::to_svg};
    let svg = to_svg(&sample_workspace(), &FigureOptions::default());
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden/figure.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &svg).unwrap();
    }
    let want =
        std::fs::read_to_string(&path).expect("the golden figure (run with UPDATE_SNAPSHOTS=1)");
    assert!(
        svg == want,
        "the figure changed: run with UPDATE_SNAPSHOTS=1, look at {}, and commit it",
        path.display()
    );
}

/// The W3C export against the W3C Web Annotation test suite's MUST
/// assertions (../shared/schemas/validate_w3c_annotation.py), each
/// annotation on its own with the collection's context. Needs a Python with
/// jsonschema >= 4.18 and rfc3987: `DETENTE_W3C_PYTHON`, or a python3 that
/// has them; says SKIPPED otherwise (.ci/run sets one up when it can).
#[test]
fn the_w3c_export_passes_the_w3c_assertions() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas");
    let script = shared.join("validate_w3c_annotation.py");
    if !script.exists() {
        eprintln!("SKIPPED: {} is absent", script.display());
        return;
    }
    let python = std::env::var("DETENTE_W3C_PYTHON").unwrap_or_else(|_| "python3".into());
    let usable = std::process::Command::new(&python)
        .args(["-c", "import jsonschema, referencing, rfc3987"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!(
            "SKIPPED: no Python with jsonschema, referencing and rfc3987 (set DETENTE_W3C_PYTHON)"
        );
        return;
    }
    let ws = sample_workspace();
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    let doc: serde_json::Value =
        serde_json::from_str(&detente::exchange::w3c::to_w3c(&ws, &events)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![];
    for (i, item) in doc["first"]["items"].as_array().unwrap().iter().enumerate() {
        let mut one = item.clone();
        one["@context"] = doc["@context"].clone();
        let f = dir.path().join(format!("a{i}.json"));
        std::fs::write(&f, serde_json::to_vec(&one).unwrap()).unwrap();
        files.push(f);
    }
    assert!(files.len() >= 40, "{} annotations", files.len());
    let out = std::process::Command::new(&python)
        .arg(&script)
        .args(["--test", "annotations/annotationMusts.test"])
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Some writers ship an empty plain-text file beside the source's DOCX:
/// the DOCX is read then (by the reader the caller passes in), and the
/// selections land on its text.
#[test]
fn an_empty_plain_text_beside_a_docx_reads_the_docx() {
    let xml = r#"<Project name="p" origin="Other"><CodeBook><Codes><Code guid="c" name="Visit" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="s" name="Memo" plainTextPath="internal://s.txt" richTextPath="internal://s.docx"><PlainTextSelection guid="x" startPosition="12" endPosition="19"><Coding guid="k"><CodeRef targetGUID="c"/></Coding></PlainTextSelection></TextSource></Sources></Project>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = zip::write::SimpleFileOptions::default();
    use std::io::Write;
    z.start_file("project.qde", o).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.start_file("Sources/s.txt", o).unwrap();
    z.start_file("Sources/s.docx", o).unwrap();
    z.write_all(b"DOCX BYTES").unwrap();
    z.finish().unwrap();
    let mut zip = Zip::new(buf.into_inner()).unwrap();
    let project = zip.project().unwrap();
    let docx = |b: &[u8]| {
        assert_eq!(b, b"DOCX BYTES");
        Ok::<String, String>("Blinken met Wang Yi in Beijing.".into())
    };
    let mut ws = Workspace::new("w");
    let s = import(&mut ws, &project, &mut zip, &docx).unwrap();
    assert_eq!((s.articles, s.events), (1, 1), "{s:?}");
    assert_eq!(ws.events[0].evidence[0].anchor.exact, "Wang Yi");
    assert_eq!(ws.events[0].tags, ["Visit"]);
}

/// Memos travel as REFI-QDA Notes: valid QDA-XML, each attached (NoteRef)
/// to the sources and selections it links, and read back as memos whose
/// links name the imported passage, event, article and memo; the event
/// keeps its own notes. Another tool's free note (nothing points to it)
/// becomes a memo too.
#[test]
fn memos_travel_as_notes_and_come_back_linked() {
    use detente::core::history::Edit;
    use detente::core::memo::{self, Target, link_markdown, new_memo};
    use detente::exchange::qdpx::write::project_xml;
    let mut ws = sample_workspace();
    // This test's memo alone (the sample has its own).
    ws.memos.clear();
    let e = ws.events[0].clone();
    let p = e.evidence[0].clone();
    let mut first = new_memo("Pattern");
    first.text = "Every cancelled visit follows an incident.".into();
    let mut m = new_memo("Why I date it so");
    m.created_by = "Ana".into();
    m.text = format!(
        "See {}, {} in {} and {}.\n\nDate: not an event note",
        link_markdown("the quote", &p.id),
        link_markdown("the event", &e.id),
        link_markdown("its article", &p.article),
        link_markdown("the pattern", &first.id)
    );
    Edit::memo(None, Some(first.clone())).apply(&mut ws);
    Edit::memo(None, Some(m.clone())).apply(&mut ws);
    let events: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    let xml = project_xml(&ws, &events);
    schema_check(&xml);
    assert!(xml.contains("<Description>Detente memo</Description>"));
    let memo_guid = detente::exchange::qdpx::guid(&m.id);
    assert!(
        xml.matches(&format!("<NoteRef targetGUID=\"{memo_guid}\"/>"))
            .count()
            >= 2
    );

    let bytes = to_qdpx(&ws, &events).unwrap();
    let mut back = Workspace::new("empty");
    back.vocabularies.event_types.clear();
    let s = import_bytes(&mut back, bytes).unwrap();
    assert_eq!(s.memos, 2, "{:?}", s.lines());
    let got = back.memos.iter().find(|x| x.title == m.title).unwrap();
    assert_eq!(got.created_by, "Ana");
    let targets: Vec<String> = memo::links(&got.text)
        .into_iter()
        .map(|l| l.target)
        .collect();
    assert_eq!(targets.len(), 4);
    match memo::resolve(&back, &targets[0]) {
        Target::Passage(_, q) => assert_eq!(q.anchor.exact, p.anchor.exact),
        t => panic!("the quote's link: {t:?}"),
    }
    match memo::resolve(&back, &targets[1]) {
        Target::Event(f) => {
            assert_eq!(f.headline, e.headline);
            assert_eq!(f.notes, e.notes, "the memo is not the event's note");
        }
        t => panic!("the event's link: {t:?}"),
    }
    assert!(
        matches!(memo::resolve(&back, &targets[2]), Target::Article(a) if a.text == ws.article(&p.article).unwrap().text)
    );
    assert!(matches!(memo::resolve(&back, &targets[3]), Target::Memo(x) if x.title == "Pattern"));
    // The article does not take the memo as its notes.
    let a = back
        .articles
        .iter()
        .find(|a| a.text == ws.article(&p.article).unwrap().text)
        .unwrap();
    assert!(!a.notes.contains("Why I date"), "{}", a.notes);
    // Importing again adds no second copy.
    let bytes = to_qdpx(&ws, &events).unwrap();
    let s = import_bytes(&mut back, bytes).unwrap();
    assert_eq!(s.memos, 0);
    // A free note from another tool is a memo.
    let other = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Theirs" origin="QualCoder">
 <Notes><Note guid="11111111-2222-3333-4444-555555555555" name="Journal" creationDateTime="2024-01-02T03:04:05Z"><PlainTextContent>Thoughts on the talks</PlainTextContent></Note></Notes>
</Project>"#;
    let mut w = Workspace::new("t");
    let s = import(&mut w, other, &mut NoFiles, &no_docx).unwrap();
    assert_eq!(s.memos, 1);
    assert_eq!(w.memos[0].title, "Journal");
    assert_eq!(w.memos[0].text, "Thoughts on the talks");
}

/// A project with no files beside its XML.
struct NoFiles;

impl detente::exchange::qdpx::import::Files for NoFiles {
    fn get(&mut self, _: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(None)
    }
}
