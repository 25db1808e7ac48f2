//! Work that once grew with the square of its input (issue 26, part 4),
//! measured at n and 4n: linear work takes about 4 times as long, square
//! work 16 times. Each test asserts the ratio, never a time, so a slow or
//! busy machine does not fail it; the best of three runs is taken so a
//! pause of the machine does not either.

use detente::core::model::Workspace;
use detente::exchange::qdpx::import::{Bounds, import_bounded};
use detente::exchange::qdpx::open::Zip;
use std::io::Write;
use std::time::{Duration, Instant};

/// Below 16 with room for noise, far above the 4 to 5 of linear work.
const MAX_RATIO: f64 = 9.0;

fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// The time of `run(4n)` over that of `run(n)`.
fn ratio(n: usize, make: impl Fn(usize) -> Box<dyn FnMut()>) -> f64 {
    let mut small = make(n);
    let mut large = make(4 * n);
    let a = best_of_three(&mut small);
    let b = best_of_three(&mut large);
    b.as_secs_f64() / a.as_secs_f64().max(1e-6)
}

fn qdpx(xml: &str, files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = zip::write::SimpleFileOptions::default();
    z.start_file("project.qde", o).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    for (name, bytes) in files {
        z.start_file(name.as_str(), o).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    buf.into_inner()
}

/// A closure that imports the project into a new workspace.
fn importer(bytes: Vec<u8>) -> Box<dyn FnMut()> {
    Box::new(move || {
        let mut ws = Workspace::new("w");
        let mut zip = Zip::new(bytes.clone()).unwrap();
        let xml = zip.project().unwrap();
        import_bounded(
            &mut ws,
            &xml,
            &mut zip,
            &|_| Err("no docx".into()),
            Bounds::default(),
        )
        .unwrap();
    })
}

#[test]
fn sources_naming_files_not_in_the_zip_scale_linearly() {
    let r = ratio(1_000, |n| {
        let mut xml = String::from(r#"<Project name="p"><Sources>"#);
        for i in 0..n {
            xml.push_str(&format!(
                r#"<TextSource guid="s{i}" name="S{i}" plainTextPath="internal://missing{i}.txt"/>"#
            ));
        }
        xml.push_str("</Sources></Project>");
        let files: Vec<(String, Vec<u8>)> = (0..n)
            .map(|i| (format!("Sources/other{i}.txt"), b"x".to_vec()))
            .collect();
        importer(qdpx(&xml, &files))
    });
    assert!(r < MAX_RATIO, "4x the sources took {r:.1}x the time");
}

const TEXT: &str = "Jake Sullivan met Wang Yi in Vienna on Wednesday and Thursday.";

#[test]
fn many_codes_on_one_selection_scale_linearly() {
    let r = ratio(2_000, |n| {
        let mut xml = String::from(r#"<Project name="p" origin="Other"><CodeBook><Codes>"#);
        for i in 0..n {
            xml.push_str(&format!(r#"<Code guid="c{i}" name="Code {i}"/>"#));
        }
        xml.push_str(r#"</Codes></CodeBook><Sources><TextSource guid="s" name="S" plainTextPath="internal://t.txt"><PlainTextSelection guid="p" startPosition="0" endPosition="13">"#);
        for i in 0..n {
            xml.push_str(&format!(
                r#"<Coding guid="k{i}"><CodeRef targetGUID="c{i}"/></Coding>"#
            ));
        }
        xml.push_str("</PlainTextSelection></TextSource></Sources></Project>");
        importer(qdpx(&xml, &[("Sources/t.txt".into(), TEXT.into())]))
    });
    assert!(r < MAX_RATIO, "4x the codes took {r:.1}x the time");
}

#[test]
fn many_actor_codes_scale_linearly() {
    let r = ratio(1_500, |n| {
        let mut xml = String::from(
            r#"<Project name="p" origin="Detente 0.1"><CodeBook><Codes><Code guid="a" name="Actors">"#,
        );
        for i in 0..n {
            xml.push_str(&format!(r#"<Code guid="c{i}" name="Actor {i}"/>"#));
        }
        xml.push_str(r#"</Code></Codes></CodeBook><Sources><TextSource guid="s" name="S" plainTextPath="internal://t.txt"><PlainTextSelection guid="p" startPosition="0" endPosition="13">"#);
        for i in 0..n {
            xml.push_str(&format!(
                r#"<Coding guid="k{i}"><CodeRef targetGUID="c{i}"/></Coding>"#
            ));
        }
        xml.push_str("</PlainTextSelection></TextSource></Sources></Project>");
        importer(qdpx(&xml, &[("Sources/t.txt".into(), TEXT.into())]))
    });
    assert!(r < MAX_RATIO, "4x the actor codes took {r:.1}x the time");
}

#[test]
fn many_free_notes_scale_linearly() {
    let r = ratio(2_000, |n| {
        let mut xml = String::from(r#"<Project name="p" origin="Other"><Notes>"#);
        for i in 0..n {
            xml.push_str(&format!(
                r#"<Note guid="n{i}" name="Note {i}"><PlainTextContent>Thought {i}.</PlainTextContent></Note>"#
            ));
        }
        xml.push_str("</Notes></Project>");
        importer(qdpx(&xml, &[]))
    });
    assert!(r < MAX_RATIO, "4x the notes took {r:.1}x the time");
}

#[test]
fn reimporting_a_long_tagged_text_scales_linearly() {
    use detente::core::ops::{self, NewEvent};
    use detente::read::prepare::prepare_bytes;
    let r = ratio(150, |n| {
        let para = |i: usize| format!("Paragraph {i}: {TEXT}");
        let old: String = (0..n).map(para).collect::<Vec<_>>().join("\n\n");
        let mut ws = Workspace::new("w");
        let (a, _) = prepare_bytes(old.as_bytes(), "t.txt", None).unwrap();
        let id = a.id.clone();
        ws.articles.push(a.into());
        for i in 0..n {
            let anchor = ops::locate_quote(&ws, &id, &para(i), None).unwrap();
            ops::tag_new_event(
                &mut ws,
                &id,
                anchor,
                NewEvent {
                    headline: format!("Event {i}"),
                    kind: "042".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        }
        // A correction at the top: every passage moves by a few chars.
        let (new, _) = prepare_bytes(
            format!("A corrected first line.\n\n{old}").as_bytes(),
            "t.txt",
            None,
        )
        .unwrap();
        Box::new(move || {
            let (_, report) = detente::core::anchor::replace_text_edit(&ws, &id, &new).unwrap();
            assert_eq!(report.orphans, 0);
        })
    });
    assert!(r < MAX_RATIO, "4x the passages took {r:.1}x the time");
}
