#![allow(dead_code)]

use detente::core::model::{Role, Status, Workspace};
use detente::core::ops::{self, NewEvent};
use detente::dates::edtf::DateValue;
use detente::read::prepare::prepare_bytes;
use std::path::PathBuf;

pub const VIENNA: &str = "Sullivan and Wang hold talks\r\n\r\nWASHINGTON, May 11 (Reuters) - Jake Sullivan met Wang Yi (王毅) in Vienna on Wednesday and Thursday.\r\n\r\nThe talks lasted eight hours. 🇺🇸🇨🇳 Café diplomacy e\u{301}.\r\n";
pub const BEIJING: &str = "Blinken in Beijing\n\nAntony Blinken met Qin Gang in Beijing on Sunday and Wang Yi on Monday.\n";

/// A small workspace with two articles, three actors and two events.
pub fn sample() -> Workspace {
    let mut ws = Workspace::new("Test workspace");
    let (a, _) = prepare_bytes(VIENNA.as_bytes(), "vienna.txt", Some("Vienna talks")).unwrap();
    let (b, _) = prepare_bytes(BEIJING.as_bytes(), "beijing.txt", None).unwrap();
    let (aid, bid) = (a.id.clone(), b.id.clone());
    ws.articles.push(a.into());
    ws.articles.push(b.into());
    ws.article_mut(&aid).unwrap().published = Some(DateValue::parse("2023-05-11").unwrap());
    let (sullivan, _) = ops::actor_for_name(&mut ws, "Jake Sullivan");
    let (wang, _) = ops::actor_for_name(&mut ws, "Wang Yi");
    ws.actors.iter_mut().find(|x| x.id == wang).unwrap().country = "CHN".into();
    let anchor = ops::locate_quote(
        &ws,
        &aid,
        "Jake Sullivan met Wang Yi (王毅) in Vienna",
        None,
    )
    .unwrap();
    let ev = ops::tag_new_event(
        &mut ws,
        &aid,
        anchor,
        NewEvent {
            headline: "Sullivan and Wang Yi meet in Vienna".into(),
            kind: "044".into(),
            date: Some(
                DateValue::parse("2023-05-10/2023-05-11")
                    .unwrap()
                    .with_source("on Wednesday and Thursday", "weekday"),
            ),
            actors: vec![
                (sullivan, Role::Participant),
                (wang.clone(), Role::Participant),
            ],
            place: "Vienna".into(),
            tags: vec!["channel".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let emoji = ops::locate_quote(&ws, &aid, "🇺🇸🇨🇳 Café", None).unwrap();
    ops::add_evidence(&mut ws, &ev, &aid, emoji).unwrap();
    let (blinken, _) = ops::actor_for_name(&mut ws, "Antony Blinken");
    let anchor = ops::locate_quote(&ws, &bid, "Wang Yi on Monday", None).unwrap();
    ops::tag_new_event(
        &mut ws,
        &bid,
        anchor,
        NewEvent {
            headline: "Blinken meets Wang Yi".into(),
            kind: "042".into(),
            date: Some(DateValue::parse("2023-06-19").unwrap()),
            actors: vec![(blinken, Role::Source), (wang, Role::Target)],
            status: Status::Occurred,
            ..Default::default()
        },
    )
    .unwrap();
    ws
}

pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent (../shared is not beside this clone)",
            p.display()
        );
        None
    }
}

/// Whether pandoc is installed; says SKIPPED when it is not.
pub fn pandoc() -> bool {
    let there = std::process::Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok();
    if !there {
        eprintln!("SKIPPED: pandoc is not installed (apt-get install pandoc)");
    }
    there
}

/// What pandoc prints for `bytes` written to a file named `name`, with
/// `args` (the reader and writer); None, with SKIPPED, without pandoc.
/// A pandoc that fails fails the test, with its message.
#[allow(dead_code)]
pub fn pandoc_output(bytes: &[u8], name: &str, args: &[&str]) -> Option<Vec<u8>> {
    if !pandoc() {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pandoc")
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pandoc {args:?} {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out.stdout)
}
