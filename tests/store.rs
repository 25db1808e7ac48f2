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

#[cfg(feature = "gui")]
#[test]
fn the_window_icon_decodes() {
    let icon = detente::ui::window_icon().expect("the bundled icon is a PNG");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
}

/// The names in a folder, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn a_backup_never_follows_a_planted_link_or_trips_on_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "not yours").unwrap();
    let path = dir.path().join("w.detente");
    let mut ws = common::sample();
    save(&ws, &path).unwrap();
    let v1 = std::fs::read(&path).unwrap();
    // The trap the old save fell into: the backup a link to a file outside,
    // the old staging name a folder so the fallback copy followed the link.
    std::os::unix::fs::symlink(&victim, backup_path(&path)).unwrap();
    std::fs::create_dir(backup_path(&backup_path(&path))).unwrap();
    ws.title = "Second".into();
    save(&ws, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours");
    let bak = backup_path(&path);
    assert!(
        std::fs::symlink_metadata(&bak).unwrap().is_file(),
        "the link is replaced"
    );
    assert_eq!(std::fs::read(&bak).unwrap(), v1);
    assert_eq!(load(&path).unwrap().title, "Second");
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.detente");
    let link = dir.path().join("link.detente");
    let mut ws = common::sample();
    save(&ws, &real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ws.title = "Through the link".into();
    save(&ws, &link).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load(&real).unwrap().title, "Through the link");
    assert!(
        backup_path(&real).exists(),
        "the backup sits beside the target"
    );
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_mode_and_a_new_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    let ws = common::sample();
    save(&ws, &path).unwrap();
    // What a new file gets: 0666 less the umask (read without changing it).
    let umask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    } as u32;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o666 & !umask);
    // A workspace shared with a group stays shared.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    save(&ws, &path).unwrap();
    assert_eq!(mode(&path), 0o660);
    // Exports go through the same path.
    let csv = dir.path().join("e.csv");
    store::save_bytes(b"a,b\n", &csv).unwrap();
    std::fs::set_permissions(&csv, std::fs::Permissions::from_mode(0o640)).unwrap();
    store::save_bytes(b"a,b\nc,d\n", &csv).unwrap();
    assert_eq!(mode(&csv), 0o640);
}

/// A save killed after its backup link was made but before the new file
/// took the name leaves `NAME.bak` as a second name of `NAME`. The next
/// save staged another link of `NAME` and renamed it over `NAME.bak`: POSIX
/// makes a rename between two names of one file a no-op that succeeds, so
/// the staged name stayed behind (the rare survivor of the kill test).
#[cfg(unix)]
#[test]
fn a_backup_that_is_already_the_file_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    let ws = common::sample();
    save(&ws, &path).unwrap();
    let _ = std::fs::remove_file(backup_path(&path));
    std::fs::hard_link(&path, backup_path(&path)).unwrap();
    save(&ws, &path).unwrap();
    assert_eq!(names_in(dir.path()), ["w.detente", "w.detente.bak"]);
    // The backup is the file as it was, not a name of the new one.
    use std::os::unix::fs::MetadataExt;
    let ino = |p: &std::path::Path| std::fs::metadata(p).unwrap().ino();
    assert_ne!(ino(&path), ino(&backup_path(&path)));
}

#[test]
fn leftovers_of_killed_saves_go_on_the_next_save_and_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    let ws = common::sample();
    save(&ws, &path).unwrap();
    let leftovers = [
        ".w.detente.save-AbC123.tmp",
        ".w.detente.save-zz9.tmp",
        "w.detente.bak.bak",
    ];
    for l in leftovers {
        std::fs::write(dir.path().join(l), "half a save").unwrap();
    }
    // Not Detente's, or another workspace's: left alone.
    let others = [".other.detente.save-x.tmp", "notes.tmp"];
    for o in others {
        std::fs::write(dir.path().join(o), "keep").unwrap();
    }
    std::fs::create_dir(dir.path().join(".w.detente.save-dir.tmp")).unwrap();
    save(&ws, &path).unwrap();
    let mut want: Vec<String> = [
        ".other.detente.save-x.tmp",
        ".w.detente.save-dir.tmp",
        "notes.tmp",
        "w.detente",
        "w.detente.bak",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    want.sort();
    assert_eq!(names_in(dir.path()), want);
    // Opening cleans them too, and leaves no lock file behind.
    std::fs::write(dir.path().join(leftovers[0]), "half a save").unwrap();
    load(&path).unwrap();
    assert_eq!(names_in(dir.path()), want);
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_blocking_or_reading_forever() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.detente");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for p in [fifo.as_path(), std::path::Path::new("/dev/zero")] {
        let (tx, rx) = std::sync::mpsc::channel();
        let owned = p.to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(load(&owned).map(|_| ()).map_err(|e| e.to_string()));
        });
        let r = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("loading {} did not return", p.display()));
        let e = r.unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
    }
}

#[test]
fn a_save_does_not_write_over_a_file_changed_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    let mut ws = common::sample();
    save(&ws, &path).unwrap();
    let (mine, stamp) = store::load_stamped(&path).unwrap();
    // Someone else saves in between.
    ws.title = "Theirs".into();
    save(&ws, &path).unwrap();
    let theirs = std::fs::read(&path).unwrap();
    let e = store::save_unless_changed(&mine, &path, Some(stamp)).unwrap_err();
    assert!(matches!(e, StoreError::Changed { .. }), "{e}");
    assert!(e.to_string().contains("changed on disk"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), theirs);
    // A save of what was read last goes through, and stamps the new file.
    let (_, now) = store::load_stamped(&path).unwrap();
    let next = store::save_unless_changed(&mine, &path, Some(now)).unwrap();
    assert!(store::save_unless_changed(&mine, &path, Some(next)).is_ok());
}

#[test]
fn writers_holding_the_lock_lose_no_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    save(&Workspace::new("t"), &path).unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                for i in 0..10 {
                    let lock = store::lock(&path).unwrap();
                    let mut ws = load(&path).unwrap();
                    ws.tags.push(format!("t{t}-{i}"));
                    store::save_locked(&mut ws, &path, &lock).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(load(&path).unwrap().tags.len(), 40);
    assert_eq!(names_in(dir.path()), ["w.detente", "w.detente.bak"]);
}

#[test]
fn an_orphan_may_not_share_its_id_with_a_live_passage() {
    let mut v = sample_json();
    let live = v["events"][0]["evidence"][0].clone();
    let event = v["events"][0]["id"].clone();
    v["orphans"] = serde_json::json!([{ "event": event, "passage": live, "note": "x" }]);
    let msg = refused(&v);
    assert!(
        msg.contains("orphans[0]") && msg.contains("used more than once"),
        "{msg}"
    );
    // With an id of its own it is a sound orphan.
    v["orphans"][0]["passage"]["id"] = "psg_orphan".into();
    let bytes = serde_json::to_vec_pretty(&v).unwrap();
    assert_eq!(from_bytes(&bytes, "w.detente").unwrap().orphans.len(), 1);
}

#[test]
fn a_repeated_key_is_named_and_a_byte_order_mark_is_read_past() {
    let text = String::from_utf8(to_bytes(&common::sample())).unwrap();
    let twice = text.replacen(
        "\"format\":",
        "\"format\": \"detente-workspace\",\n  \"format\":",
        1,
    );
    let e = from_bytes(twice.as_bytes(), "w.detente")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("duplicate field `format`") && e.contains("line 3"),
        "{e}"
    );
    let title_twice = text.replacen("\"title\":", "\"title\": \"A\",\n  \"title\":", 1);
    let e = from_bytes(title_twice.as_bytes(), "w.detente")
        .unwrap_err()
        .to_string();
    assert!(e.contains("duplicate field `title`"), "{e}");
    // Saved by an editor that adds a BOM: still the same workspace.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let back = from_bytes(&bom, "w.detente").unwrap();
    assert_eq!(to_bytes(&back), text.as_bytes());
}

/// A save killed at any point (here: `detente actor`, which loads, edits and
/// saves under the lock, killed with SIGKILL after a random delay) leaves
/// the workspace loadable with the old or the new content, and the next
/// save leaves no temporary or lock file behind.
#[cfg(unix)]
#[test]
fn a_save_killed_at_any_point_leaves_the_old_or_the_new_workspace() {
    let bin = env!("CARGO_BIN_EXE_detente");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.detente");
    // A few MB, so a save takes long enough to be cut in the middle.
    let status = std::process::Command::new(bin)
        .args([
            "generate",
            "--articles",
            "120",
            "--events",
            "400",
            "--seed",
            "3",
        ])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    // How long one save takes here, to spread the kills over it: the
    // fastest of three runs (the first run of a freshly built binary pages
    // it in from disk and can take many times longer than the rest).
    let mut full = u64::MAX;
    for i in 0..3 {
        let t = std::time::Instant::now();
        let ok = std::process::Command::new(bin)
            .args(["actor"])
            .arg(&path)
            .arg(format!("Calibration {i}"))
            .output()
            .unwrap();
        assert!(ok.status.success(), "{ok:?}");
        full = full.min(t.elapsed().as_micros().max(1000) as u64);
    }
    let mut actors = load(&path).unwrap().actors.len();
    let mut rng = fastrand::Rng::with_seed(12);
    let started = std::time::Instant::now();
    let (mut rounds, mut cut) = (0, 0);
    while rounds < 60 && started.elapsed() < std::time::Duration::from_secs(40) {
        rounds += 1;
        let mut child = std::process::Command::new(bin)
            .arg("actor")
            .arg(&path)
            .arg(format!("Envoy {rounds}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng.u64(0..full)));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let now = load(&path)
            .unwrap_or_else(|e| panic!("round {rounds}: the workspace does not load: {e}"))
            .actors
            .len();
        assert!(
            now == actors || now == actors + 1,
            "round {rounds}: {actors} -> {now}"
        );
        if now == actors && !finished {
            cut += 1;
        }
        actors = now;
    }
    assert!(
        cut > 0,
        "no save was cut short in {rounds} rounds: the test proves nothing"
    );
    // The next save clears what the killed ones left (a backup that a kill
    // left as a second name of the file included: see the test above).
    let ws = load(&path).unwrap();
    save(&ws, &path).unwrap();
    let mut left = names_in(dir.path());
    left.retain(|n| n != "w.detente" && n != "w.detente.bak");
    assert!(left.is_empty(), "{left:?}");
}
