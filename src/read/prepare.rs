//! Turning a file into a prepared article: choose the reader by name and
//! content (web page, PDF, DOCX, plain text), refuse what cannot be read,
//! drop proposed boilerplate on request, and read many files on every core.
//! Prepared articles are built off the workspace, so a background thread
//! can do the work; [`crate::read::add`] adds them.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::isolate::isolate;
use crate::core::limits::article_over_limits;
use crate::core::model::{Article, new_id, now};
use crate::read::plain::{article_from_text, binary_signature, decode};
use crate::read::refusal::{MAX_FILE_BYTES, Refusal};
use crate::text::normalise::{one_line, text_hash, title_from_text};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A prepared article, built off the workspace (so a background thread can
/// do the work) and added by [`crate::read::add`].
#[derive(Debug, Clone)]
pub struct Prepared {
    pub path: PathBuf,
    pub article: Article,
    pub encoding: &'static str,
}

/// Read and prepare one file as an article; a feed of more than one item
/// is refused here (it is many articles: see [`prepare_file_all`]).
pub fn prepare_file(path: &Path, title: Option<&str>) -> Result<Prepared, Refusal> {
    one(prepare_file_all(path, title)?)
}

/// The one article of a source, or why a feed of several is not one.
fn one<T>(mut all: Vec<Result<T, Refusal>>) -> Result<T, Refusal> {
    match all.len() {
        1 => all.remove(0),
        n => Err(Refusal::Document(format!(
            "a feed of {n} items: import it to add each item as an article"
        ))),
    }
}

/// A source's articles, each read or refused on its own: one article, or
/// one per item of a feed or story of a database export, in the file's
/// order (a story that cannot be read is refused with its number, the
/// others are kept).
pub type Items = Vec<Result<Prepared, Refusal>>;

/// Read and prepare one file as its articles: one, or one per item of a
/// feed or story of an export, in the file's order.
pub fn prepare_file_all(path: &Path, title: Option<&str>) -> Result<Items, Refusal> {
    fault_injection(path);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "doc" => return Err(Refusal::Unsupported("Old Word (.doc)")),
        "odt" => return Err(Refusal::Unsupported("OpenDocument")),
        "epub" => return Err(Refusal::Unsupported("EPUB")),
        _ => {}
    }
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Io(e.to_string()))?;
    // A FIFO would block and a device never end: look before opening.
    if !meta.is_file() {
        return Err(Refusal::NotAFile(if meta.is_dir() {
            "a folder that cannot be read"
        } else {
            "a named pipe, socket or device"
        }));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // Read at most one byte past the limit, whatever the size said.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Refusal::Io(e.to_string()))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The article is from the day its file was last written at the latest.
    let today = chrono::Local::now().date_naive();
    let written = meta
        .modified()
        .ok()
        .map(|t| chrono::DateTime::<chrono::Local>::from(t).date_naive())
        .map_or(today, |d| d.min(today));
    Ok(prepare_bytes_all(&bytes, &file_name, title, written)?
        .into_iter()
        .map(|r| {
            r.map(|(article, encoding)| Prepared {
                path: path.to_path_buf(),
                article,
                encoding,
            })
        })
        .collect())
}

/// The test-only reader that fails: in debug builds (the test suite's),
/// a file whose name starts with `detente-test-panic` makes its reader
/// panic, as a dependency's bug would, so the tests can show that the one
/// file is refused and the rest of its batch goes on, from the command
/// line and in the window. Release builds have no such file name.
fn fault_injection(path: &Path) {
    #[cfg(debug_assertions)]
    if path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("detente-test-panic"))
    {
        panic!("a reader failure injected for the tests");
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

/// Whether the bytes are a web page (by name or by content).
fn looks_like_html(bytes: &[u8], file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Prepare an article from a saved web page: main text and metadata.
fn prepare_html(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
) -> Result<(Article, &'static str), Refusal> {
    let page = isolate(|| crate::read::html::read_page(bytes))
        .map_err(|p| Refusal::failed("the HTML parser failed on this page", p))?
        .map_err(Refusal::Html)?;
    if page.text.trim().is_empty() {
        return Err(Refusal::Html("no article text found in the page".into()));
    }
    let title = match title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => page.title.clone(),
    };
    let notes = page
        .charset_note
        .as_ref()
        .map(|n| format!("Import: {n}."))
        .unwrap_or_default();
    Ok((
        Article {
            past: Default::default(),
            id: new_id("art"),
            title,
            outlet: page.outlet,
            url: page.url,
            byline: page.byline,
            language: page.language,
            published: page.published,
            published_source: page.published_source,
            imported_from: file_name.to_string(),
            imported_at: now(),
            accessed: String::new(),
            database: String::new(),
            database_id: String::new(),
            text_hash: text_hash(&page.text),
            text: page.text,
            notes,
        },
        page.encoding,
    ))
}

/// Prepare an article from raw bytes: read by the reader its name and
/// content call for, its one-line fields freed of control characters (a
/// title cannot forge a line of output or steer a terminal), and refused
/// if it would be over a limit a workspace holds.
pub fn prepare_bytes(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
) -> Result<(Article, &'static str), Refusal> {
    prepare_bytes_until(bytes, file_name, title, chrono::Local::now().date_naive())
}

/// [`prepare_bytes`] of a source from `not_after` at the latest (the day
/// its file was written, or fetched): a date the text does not give whole
/// is never completed to a later day.
pub fn prepare_bytes_until(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
    not_after: chrono::NaiveDate,
) -> Result<(Article, &'static str), Refusal> {
    one(prepare_bytes_all(bytes, file_name, title, not_after)?)
}

/// An article read from a source of many, or why it was refused.
pub type ItemRead = Result<(Article, &'static str), Refusal>;

/// [`prepare_bytes_until`] for a source that may be many articles: a
/// feed gives one per item and a database export one per story (a title
/// given is for single articles only), each refused on its own; other XML
/// is refused with what it is.
pub fn prepare_bytes_all(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
    not_after: chrono::NaiveDate,
) -> Result<Vec<ItemRead>, Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    let labelled = |all: Vec<Result<Article, Refusal>>, label: &'static str| -> Vec<ItemRead> {
        all.into_iter().map(|r| r.map(|a| (a, label))).collect()
    };
    let export = crate::read::dbexport::sniff(bytes);
    let (articles, word) = match crate::read::feed::sniff(bytes, file_name) {
        // A database export (Nexis, Factiva): one article per story.
        _ if let Some(kind) = export => (
            labelled(
                crate::read::dbexport::articles(bytes, kind, file_name)?,
                kind.label(),
            ),
            "story",
        ),
        crate::read::feed::Sniffed::Feed => (
            crate::read::feed::read_feed(bytes, file_name)?
                .into_iter()
                .map(|a| Ok((a, "feed")))
                .collect(),
            "item",
        ),
        crate::read::feed::Sniffed::Other(root) => {
            return Err(crate::read::feed::not_a_feed(&root));
        }
        crate::read::feed::Sniffed::NotXml => match read_document(bytes, file_name)? {
            // A Nexis Uni or Factiva export saved as DOCX or RTF: one
            // article per story.
            Some((doc, kind)) => match crate::read::dbexport::document_export(&doc.text, file_name)
            {
                Some((export, all)) => (labelled(all?, export.label()), "story"),
                None => {
                    let title = title.map(str::to_string).or(doc.title);
                    let a = article_from_text(&doc.text, file_name, title.as_deref(), not_after)?;
                    (vec![Ok((a, kind))], "item")
                }
            },
            None => (
                vec![Ok(read_bytes(bytes, file_name, title, not_after)?)],
                "item",
            ),
        },
    };
    let n = articles.len();
    Ok(articles
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let (mut a, encoding) = r?;
            for field in [&mut a.title, &mut a.outlet, &mut a.byline, &mut a.url] {
                if field.chars().any(char::is_control) {
                    *field = one_line(field);
                }
            }
            if let Some(first) = article_over_limits(&a).into_iter().next() {
                return Err(if n > 1 {
                    Refusal::item(word, i + 1, n, &a.title, Refusal::OverLimit(first))
                } else {
                    Refusal::OverLimit(first)
                });
            }
            Ok((a, encoding))
        })
        .collect())
}

/// A Word, PDF or RTF file's text and title, with what it was read as;
/// None for any other file.
fn read_document(
    bytes: &[u8],
    file_name: &str,
) -> Result<Option<(crate::read::docx::Doc, &'static str)>, Refusal> {
    // A page saved under another name is read as the page it is.
    if looks_like_html(bytes, "") && binary_signature(bytes).is_none() {
        return Ok(None);
    }
    let lower = file_name.to_ascii_lowercase();
    let (doc, kind) = if lower.ends_with(".pdf") {
        (crate::read::pdf::read_pdf(bytes), "PDF")
    } else if lower.ends_with(".docx") {
        (crate::read::docx::read_docx(bytes), "DOCX")
    } else if lower.ends_with(".rtf") || crate::read::rtf::looks_like(bytes) {
        (crate::read::rtf::read_rtf(bytes), "RTF")
    } else {
        return Ok(None);
    };
    doc.map(|d| Some((d, kind))).map_err(Refusal::Document)
}

/// A web page or a plain text file as its article.
fn read_bytes(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
    not_after: chrono::NaiveDate,
) -> Result<(Article, &'static str), Refusal> {
    if looks_like_html(bytes, file_name) && binary_signature(bytes).is_none() {
        return prepare_html(bytes, file_name, title);
    }
    let decoded = decode(bytes)?;
    article_from_text(&decoded.text, file_name, title, not_after).map(|a| (a, decoded.encoding))
}

/// Drop every proposed boilerplate line from a new article (before it has
/// passages); returns how many lines went.
pub fn strip_boilerplate(a: &mut Article) -> usize {
    let proposals = crate::read::boilerplate::propose(&a.text);
    let lines: Vec<usize> = proposals.iter().map(|p| p.line).collect();
    if !lines.is_empty() {
        a.text = crate::read::boilerplate::drop_lines(&a.text, &lines);
        a.text_hash = text_hash(&a.text);
        // A title read from a dropped line ("[ad_1]") is read again.
        if proposals.iter().any(|p| p.text == a.title) {
            a.title = title_from_text(&a.text);
        }
    }
    lines.len()
}

/// Read and prepare `files` on `workers` threads, taking files from a
/// shared counter so a slow file does not hold up the others. `each` gets
/// every file's articles (one, or a feed's items) as soon as they are
/// ready, on the worker's thread. Stops taking new files once `cancel` is
/// set.
pub fn prepare_parallel(
    files: &[PathBuf],
    workers: usize,
    cancel: &AtomicBool,
    each: impl Fn(&Path, Result<Items, Refusal>) + Sync,
) {
    let next = AtomicUsize::new(0);
    let work = || {
        while !cancel.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(f) = files.get(i) else { break };
            // One file's panic is that file's refusal; the others go on.
            let read = isolate(|| prepare_file_all(f, None))
                .unwrap_or_else(|p| Err(Refusal::failed("the reader failed on this file", p)));
            each(f, read);
        }
    };
    let workers = workers.clamp(1, files.len().max(1));
    if workers == 1 {
        work();
        return;
    }
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(work);
        }
    });
}

/// One reader per core, at most eight.
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
}

/// What to import from the paths given.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Entries of a folder not read, and why (a link to a folder).
    pub skipped: Vec<(PathBuf, Refusal)>,
    /// Files read through a link that leads out of the imported folder,
    /// with where it leads (their content joins the workspace: say so).
    pub outside: Vec<(PathBuf, PathBuf)>,
}

/// Expand folders (recursively, sorted, skipping hidden entries) into
/// files. Paths given are taken as they are; inside a folder, a link to a
/// folder is not followed (so links cannot make a loop), and a link to a
/// file outside the folder is read but listed in `outside`.
pub fn collect_files(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    for p in paths {
        if p.is_dir() {
            let root = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            walk(p, &root, &mut out);
        } else {
            out.files.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, root: &Path, out: &mut Collected) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|e| {
                !e.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect(),
        Err(_) => {
            out.files.push(dir.to_path_buf());
            return;
        }
    };
    entries.sort();
    for e in entries {
        let Ok(meta) = std::fs::symlink_metadata(&e) else {
            out.files.push(e);
            continue;
        };
        if meta.is_dir() {
            walk(&e, root, out);
        } else if meta.file_type().is_symlink() {
            match std::fs::canonicalize(&e) {
                Ok(target) if target.is_dir() => out.skipped.push((
                    e,
                    Refusal::NotAFile("a link to a folder (links to folders are not followed)"),
                )),
                Ok(target) => {
                    if !target.starts_with(root) {
                        out.outside.push((e.clone(), target));
                    }
                    out.files.push(e);
                }
                // A dangling link: reading it says why.
                Err(_) => out.files.push(e),
            }
        } else {
            out.files.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::Encoding;

    #[test]
    fn boms_and_line_ends() {
        let mut utf16 = vec![0xff, 0xfe];
        for u in "Wang Yi\r\nmet\rSullivan".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let (a, enc) = prepare_bytes(&utf16, "x.txt", None).unwrap();
        assert_eq!(enc, "UTF-16LE");
        assert_eq!(a.text, "Wang Yi\nmet\nSullivan");
        let (a, enc) =
            prepare_bytes(b"\xef\xbb\xbfHello\r\n\r\nWorld  \r\n", "x.txt", None).unwrap();
        assert_eq!(enc, "UTF-8");
        assert_eq!(a.text, "Hello\n\nWorld");
        // One word is no headline: the file's name stands.
        assert_eq!(a.title, "x");
    }

    #[test]
    fn nfc_composes_accents() {
        let (a, _) = prepare_bytes("Cafe\u{301} talks".as_bytes(), "x.txt", None).unwrap();
        assert_eq!(a.text, "Caf\u{e9} talks");
    }

    #[test]
    fn refusals() {
        assert_eq!(prepare_bytes(b"", "x", None).unwrap_err(), Refusal::Empty);
        assert_eq!(
            prepare_bytes(b"  \n\r\n ", "x", None).unwrap_err(),
            Refusal::Empty
        );
        assert!(matches!(
            prepare_bytes(b"%PDF-1.7 ...", "x", None),
            Err(Refusal::Binary(_))
        ));
        assert!(matches!(
            prepare_bytes(b"abc\0def", "x", None),
            Err(Refusal::Binary(_))
        ));
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(matches!(
            prepare_bytes(&big, "x", None),
            Err(Refusal::TooLarge { .. })
        ));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let samples: &[(&str, &'static Encoding)] = &[
            (
                "中美两国外交部长在北京举行会谈，双方同意保持沟通渠道畅通。",
                encoding_rs::GBK,
            ),
            (
                "美中兩國外交部長在北京舉行會談，雙方同意保持溝通管道暢通。",
                encoding_rs::BIG5,
            ),
            (
                "米中両国の外相が北京で会談し、意思疎通を続けることで合意した。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "미국과 중국 외교장관이 베이징에서 회담을 갖고 소통을 이어가기로 합의했다.",
                encoding_rs::EUC_KR,
            ),
            (
                "Министры иностранных дел США и Китая провели переговоры в Пекине.",
                encoding_rs::WINDOWS_1251,
            ),
            (
                "Le ministre a déclaré à la presse que les négociations étaient « très difficiles ».",
                encoding_rs::WINDOWS_1252,
            ),
        ];
        for (text, enc) in samples {
            let (bytes, _, _) = enc.encode(text);
            let d = decode(&bytes).unwrap();
            assert_eq!(
                d.text,
                *text,
                "decoded as {} instead of {}",
                d.encoding,
                enc.name()
            );
        }
    }

    #[test]
    fn an_article_over_a_workspace_limit_is_refused_at_import() {
        use std::io::Write;
        // 115 KB of zip, 21 M chars of text: over what a workspace holds.
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        write!(z, "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>").unwrap();
        z.write_all(&vec![b'a'; crate::core::limits::MAX_ARTICLE_CHARS + 10])
            .unwrap();
        write!(z, "</w:t></w:r></w:p></w:body></w:document>").unwrap();
        z.finish().unwrap();
        let bytes = buf.into_inner();
        assert!(bytes.len() < 200_000, "{}", bytes.len());
        let e = prepare_bytes(&bytes, "big.docx", None).unwrap_err();
        assert!(matches!(e, Refusal::OverLimit(_)), "{e}");
        assert!(e.to_string().contains("over the limit"), "{e}");
        // A title over the limit is refused too, not saved to be refused on load.
        let page = format!(
            "<html><head><title>{}</title></head><body><article><p>Sullivan met Wang Yi in \
             Vienna on Wednesday and Thursday, officials said after the talks.</p></article>\
             </body></html>",
            "t".repeat(crate::core::limits::MAX_SHORT_FIELD + 1)
        );
        let e = prepare_bytes(page.as_bytes(), "p.html", None).unwrap_err();
        assert!(e.to_string().contains("title is too long"), "{e}");
    }
}
