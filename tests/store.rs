//! The .detente file: round trips, determinism, atomic saves, refusals.

mod common;

use detente::core::model::Workspace;
use detente::core::store::{self, StoreError, backup_path, from_bytes, load, save, to_bytes};
use serde_json::Value;

#[test]
fn round_trip_is_identity_and_second_save_is_byte_identical() {
    let ws = common::sample();
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    save(&ws, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let back = load(&path).unwrap();
    assert_eq!(back, ws);
    save(&back, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    // The previous version is kept as a backup.
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), first);
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn output_is_sorted_by_id_whatever_the_order_in_memory() {
    let ws = common::sample();
    let mut shuffled = ws.clone();
    shuffled.articles.reverse();
    shuffled.events.reverse();
    shuffled.actors.reverse();
    assert_eq!(to_bytes(&ws), to_bytes(&shuffled));
    let v: Value = serde_json::from_slice(&to_bytes(&ws)).unwrap();
    let ids: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(v["format"], "detente-workspace");
    assert_eq!(v["version"], 1);
}

#[test]
fn the_backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    let mut ws = common::sample();
    save(&ws, &path).unwrap();
    let v1 = std::fs::read(&path).unwrap();
    ws.title = "Renamed".into();
    save(&ws, &path).unwrap();
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), v1);
    assert_eq!(load(&path).unwrap().title, "Renamed");
}

fn sample_json() -> Value {
    serde_json::from_slice(&to_bytes(&common::sample())).unwrap()
}

fn refused(v: &Value) -> String {
    let bytes = serde_json::to_vec_pretty(v).unwrap();
    match from_bytes(&bytes, "damaged.detente") {
        Ok(_) => panic!("a damaged workspace was accepted"),
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("damaged.detente: "),
                "message must name the file: {msg}"
            );
            msg
        }
    }
}

#[test]
fn damaged_files_are_refused_with_the_place() {
    let mut v = sample_json();
    v["events"][0]["evidence"][0]["article"] = "art_nonexistent".into();
    let msg = refused(&v);
    assert!(
        msg.contains("events[0]") && msg.contains("unknown article art_nonexistent"),
        "{msg}"
    );

    let mut v = sample_json();
    v["events"][0]["evidence"][0]["anchor"]["end"] = 100_000.into();
    let msg = refused(&v);
    assert!(msg.contains("outside the article"), "{msg}");

    let mut v = sample_json();
    v["events"][0]["evidence"][0]["anchor"]["exact"] = "something else".into();
    let msg = refused(&v);
    assert!(msg.contains("does not match the text"), "{msg}");

    let mut v = sample_json();
    v["articles"][0]["title"] = 42.into();
    let msg = refused(&v);
    assert!(
        msg.contains("articles[0].title") && msg.contains("invalid type"),
        "{msg}"
    );

    let mut v = sample_json();
    v["events"][0]["date"]["edtf"] = "2023-02-30".into();
    let msg = refused(&v);
    assert!(
        msg.contains("events[0].date") && msg.contains("2023-02-30"),
        "{msg}"
    );

    let mut v = sample_json();
    v["events"][0]["kind"] = "999".into();
    assert!(refused(&v).contains("not in the vocabulary"));

    let mut v = sample_json();
    v["articles"][1]["id"] = v["articles"][0]["id"].clone();
    assert!(refused(&v).contains("used more than once"));

    let mut v = sample_json();
    v["articles"][0]["text"] = "changed".into();
    assert!(refused(&v).contains("text_hash"));

    let mut v = sample_json();
    v["events"][0]["surprise"] = true.into();
    assert!(refused(&v).contains("unknown field"));
}

#[test]
fn truncated_and_non_json_files_are_refused() {
    let bytes = to_bytes(&common::sample());
    let cut = &bytes[..bytes.len() / 2];
    let msg = from_bytes(cut, "cut.detente").unwrap_err().to_string();
    assert!(msg.starts_with("cut.detente: damaged at line"), "{msg}");
    assert!(msg.contains("truncated"), "{msg}");
    let msg = from_bytes(b"hello world", "h.detente")
        .unwrap_err()
        .to_string();
    assert!(msg.contains("line 1, column 1"), "{msg}");
    assert!(matches!(
        from_bytes(b"{\"a\":1}", "x"),
        Err(StoreError::NotWorkspace { .. })
    ));
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let mut v = sample_json();
    v["version"] = 2.into();
    let msg = from_bytes(v.to_string().as_bytes(), "new.detente")
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("version 2") && msg.contains("up to version 1"),
        "{msg}"
    );
}

#[test]
fn a_refused_file_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.detente");
    let bytes = b"{\"format\": \"detente-workspace\", \"version\": 1, \"id\": ";
    std::fs::write(&path, bytes).unwrap();
    assert!(load(&path).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no backup or temporary file was written");
}

#[test]
fn create_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    store::create(&Workspace::new("a"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(store::create(&Workspace::new("b"), &path).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_bundled_sample_is_valid() {
    let ws = detente::core::sample::sample_workspace();
    assert_eq!(ws.articles.len(), 5);
    assert!(ws.events.len() >= 8, "the sample has the contacts tagged");
    assert!(ws.problems().is_empty());
    assert!(
        ws.articles.iter().all(|a| a.published.is_some()),
        "every sample article has its date"
    );
    assert!(
        ws.events.iter().any(|e| e.evidence.len() >= 3),
        "the Vienna talks are one event with several passages"
    );
}

#[test]
fn the_window_icon_decodes() {
    let icon = detente::ui::window_icon().expect("the bundled icon is a PNG");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
}
