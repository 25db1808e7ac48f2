//! Import from a URL, against a local HTTP server on 127.0.0.1 started by
//! the test (never the internet): redirects, the server's charset, status
//! errors, the size limit, feeds, and the command line.

use assert_cmd::Command;
use detente::read::add::{Outcome, import_urls};
use std::thread;
use tiny_http::{Header, Response, Server};

/// A server answering a few paths; its base address.
fn serve() -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    thread::spawn(move || {
        for req in server.incoming_requests() {
            let h = |k: &str, v: &str| Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap();
            let _ = match req.url() {
                "/old" => req
                    .respond(Response::empty(301).with_header(h("Location", "/2023/06/18/story"))),
                "/2023/06/18/story" => {
                    // KOI8-R bytes, named by the header; the page wrongly
                    // declares windows-1251 (which reads them without an
                    // error, as other words).
                    let mut body = b"<html><head><meta charset=\"windows-1251\"><title>Blinken meets Qin Gang in Beijing</title></head><body><h1>Blinken meets Qin Gang in Beijing</h1><p>\xf0\xc5\xd2\xc5\xc7\xcf\xd7\xcf\xd2\xd9\x20\xd7\x20\xf0\xc5\xcb\xc9\xce\xc5: the two ministers met for seven hours at the guesthouse.</p>".to_vec();
                    for _ in 0..3 {
                        body.extend_from_slice(b"<p>The two ministers met at the Diaoyutai guesthouse and spoke over a long lunch about the state of relations between their countries.</p>");
                    }
                    body.extend_from_slice(b"</body></html>");
                    req.respond(
                        Response::from_data(body)
                            .with_header(h("Content-Type", "text/html; charset=koi8-r")),
                    )
                }
                "/feed" => req.respond(
                    Response::from_data(
                        std::fs::read(concat!(
                            env!("CARGO_MANIFEST_DIR"),
                            "/tests/fixtures/feeds/state-dept.rss"
                        ))
                        .unwrap(),
                    )
                    .with_header(h("Content-Type", "application/rss+xml")),
                ),
                "/huge" => req.respond(
                    Response::from_data(vec![b'a'; 21 * 1024 * 1024])
                        .with_header(h("Content-Type", "text/plain")),
                ),
                "/gone" => req.respond(Response::from_string("gone").with_status_code(410)),
                _ => req.respond(Response::from_string("not here").with_status_code(404)),
            };
        }
    });
    base
}

#[test]
fn a_page_is_fetched_through_its_redirect_in_the_servers_charset() {
    let base = serve();
    let mut ws = detente::core::model::Workspace::new("t");
    let out = import_urls(&mut ws, &[format!("{base}/old")], false);
    assert!(matches!(out[..], [Outcome::Added { .. }]), "{out:?}");
    let a = &ws.articles[0];
    assert_eq!(a.title, "Blinken meets Qin Gang in Beijing");
    // The address after the redirect is the article's; the fetch time is
    // its access date.
    assert_eq!(a.url, format!("{base}/2023/06/18/story"));
    assert_eq!(a.imported_from, a.url);
    let accessed = chrono::DateTime::parse_from_rfc3339(&a.accessed).unwrap();
    assert!((chrono::Utc::now() - accessed.to_utc()).num_seconds().abs() < 60);
    assert!(a.text.contains("Переговоры в Пекине"), "{}", a.text);
    // The day in its address is its publication date.
    assert_eq!(a.published.as_ref().unwrap().edtf(), "2023-06-18");
}

#[test]
fn errors_name_the_address_and_the_problem_and_nothing_is_added() {
    let base = serve();
    let mut ws = detente::core::model::Workspace::new("t");
    let urls = [
        format!("{base}/missing"),
        format!("{base}/gone"),
        format!("{base}/huge"),
        "http://127.0.0.1:9/".to_string(),
    ];
    let out = import_urls(&mut ws, &urls, false);
    assert!(ws.articles.is_empty());
    let reasons: Vec<String> = out
        .iter()
        .map(|o| match o {
            Outcome::Refused { path, reason } => format!("{}: {reason}", path.display()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r
                .ends_with("/missing: cannot fetch the page: the server answered 404 Not Found")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.ends_with("/gone: cannot fetch the page: the server answered 410 Gone")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("/huge: the file is") && r.contains("over the limit")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("http://127.0.0.1:9/: cannot fetch the page:")),
        "{reasons:?}"
    );
}

#[test]
fn a_feed_at_an_address_imports_its_items_and_the_command_line_takes_urls() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.detente");
    Command::cargo_bin("detente")
        .unwrap()
        .args(["new"])
        .arg(&ws)
        .assert()
        .success();
    let out = Command::cargo_bin("detente")
        .unwrap()
        .arg("import")
        .arg(&ws)
        .arg(format!("{base}/feed"))
        .arg(format!("{base}/missing"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(&format!("feed {base}/feed: 3 items")), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("added ")).count(),
        3,
        "{out}"
    );
    assert!(
        out.contains("/missing: cannot fetch the page: the server answered 404"),
        "{out}"
    );
    let w = detente::core::store::load(&ws).unwrap();
    // Each item keeps its own link, whose page was not fetched: no access
    // date is claimed for it.
    assert_eq!(
        w.articles[0].url,
        "https://ministry.example/press/2023/06/19/blinken-wang-yi"
    );
    assert!(w.articles.iter().all(|a| a.accessed.is_empty()));
}

/// A server that answers every request after `delay`, with a small page.
fn slow_server(delay: std::time::Duration) -> String {
    let server = Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    thread::spawn(move || {
        for req in server.incoming_requests() {
            thread::spawn(move || {
                thread::sleep(delay);
                let page = "<html><head><title>Slow news</title></head><body><article><p>Jake \
                            Sullivan met Wang Yi in Vienna on Wednesday and Thursday, officials \
                            said after eight hours of talks.</p></article></body></html>";
                let _ = req.respond(Response::from_string(page).with_header(
                    Header::from_bytes(&b"Content-Type"[..], &b"text/html"[..]).unwrap(),
                ));
            });
        }
    });
    base
}

#[test]
fn a_slow_server_never_holds_the_workspaces_lock() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.detente");
    Command::cargo_bin("detente")
        .unwrap()
        .arg("new")
        .arg(&ws)
        .assert()
        .success();
    let base = slow_server(std::time::Duration::from_secs(3));
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("import")
        .arg(&ws)
        .arg(format!("{base}/a"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // While the page is on its way, another writer gets the lock at once
    // (the import used to hold it through every fetch).
    thread::sleep(std::time::Duration::from_millis(1_000));
    let lock = detente::core::atomic::try_lock(&ws).unwrap();
    assert!(lock.is_some(), "the import held the lock while it fetched");
    drop(lock);
    let out = import.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("added "));
    assert_eq!(detente::core::store::load(&ws).unwrap().articles.len(), 1);
}
