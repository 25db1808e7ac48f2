//! Plain-text import: decoding (BOM, UTF-8, detected legacy encodings),
//! normalisation (LF line ends, NFC), titles, duplicates and refusals.

use crate::model::{Article, Id, Workspace, new_id, now};
use encoding_rs::Encoding;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use unicode_normalization::UnicodeNormalization;

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// SHA-256 of the text, as lowercase hex.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("this looks like a binary file ({0}), not text")]
    Binary(String),
    #[error("{0} files cannot be imported yet; save the article as plain text")]
    Unsupported(&'static str),
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("cannot read the web page: {0}")]
    Html(String),
    #[error("{0}")]
    Document(String),
}

/// Decode bytes to text: a BOM wins; then valid UTF-8; then the encoding
/// chardetng guesses. Invalid sequences become U+FFFD, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(Refusal::Binary(kind.into()));
    }
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else if std::str::from_utf8(bytes).is_ok() {
        (encoding_rs::UTF_8, bytes)
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        (det.guess(None, true), bytes)
    };
    let is_utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    if !is_utf16 && body.contains(&0) {
        return Err(Refusal::Binary("it contains NUL bytes".into()));
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(Refusal::Binary("too many control characters".into()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a zip archive or office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7fELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|&(_, k)| k)
}

/// Normalise decoded text: CRLF and CR become LF, other control characters
/// go, text is NFC, trailing spaces on lines and blank lines at both ends
/// are trimmed.
pub fn normalise(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .filter(|&c| c != '\u{feff}')
        .nfc()
        .collect();
    let lines: Vec<&str> = cleaned.lines().map(|l| l.trim_end()).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

/// The first non-empty line, trimmed and cut to 200 chars.
pub fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut t: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        t.push('…');
    }
    t
}

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added { id: String, title: String },
    Duplicate { path: PathBuf, of: String },
    Refused { path: PathBuf, reason: Refusal },
}

/// A prepared article, built off the workspace (so a background thread can
/// do the work) and added by [`import_paths`] or the window's import.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub path: PathBuf,
    pub article: Article,
    pub encoding: &'static str,
}

/// Read and prepare one file as an article.
pub fn prepare_file(path: &Path, title: Option<&str>) -> Result<Prepared, Refusal> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "doc" => return Err(Refusal::Unsupported("Old Word (.doc)")),
        "odt" | "rtf" => return Err(Refusal::Unsupported("OpenDocument and RTF")),
        "epub" => return Err(Refusal::Unsupported("EPUB")),
        _ => {}
    }
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Io(e.to_string()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Refusal::Io(e.to_string()))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    prepare_bytes(&bytes, &file_name, title).map(|(article, encoding)| Prepared {
        path: path.to_path_buf(),
        article,
        encoding,
    })
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
    let page = crate::html::read_page(bytes).map_err(Refusal::Html)?;
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
            text_hash: text_hash(&page.text),
            text: page.text,
            notes,
        },
        page.encoding,
    ))
}

/// Prepare an article from raw bytes.
pub fn prepare_bytes(
    bytes: &[u8],
    file_name: &str,
    title: Option<&str>,
) -> Result<(Article, &'static str), Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if looks_like_html(bytes, file_name) && binary_signature(bytes).is_none() {
        return prepare_html(bytes, file_name, title);
    }
    let lower = file_name.to_ascii_lowercase();
    if lower.ends_with(".docx") || lower.ends_with(".pdf") {
        let doc = if lower.ends_with(".pdf") {
            crate::documents::read_pdf(bytes)
        } else {
            crate::documents::read_docx(bytes)
        }
        .map_err(Refusal::Document)?;
        let title = title.map(str::to_string).or(doc.title);
        let kind = if lower.ends_with(".pdf") {
            "PDF"
        } else {
            "DOCX"
        };
        return article_from_text(&doc.text, file_name, title.as_deref()).map(|a| (a, kind));
    }
    let decoded = decode(bytes)?;
    article_from_text(&decoded.text, file_name, title).map(|a| (a, decoded.encoding))
}

/// An article from decoded text: normalised, titled, dated from its first lines.
fn article_from_text(raw: &str, file_name: &str, title: Option<&str>) -> Result<Article, Refusal> {
    let text = normalise(raw);
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    let title = match title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => title_from_text(&text),
    };
    let detected = crate::pubdate::detect(&text);
    Ok(Article {
        id: new_id("art"),
        title,
        outlet: String::new(),
        url: String::new(),
        byline: String::new(),
        language: String::new(),
        published: detected.as_ref().map(|c| c.value.clone()),
        published_source: detected
            .map(|c| format!("detected in the text, {}", c.describe()))
            .unwrap_or_default(),
        imported_from: file_name.to_string(),
        imported_at: now(),
        text_hash: text_hash(&text),
        text,
        notes: String::new(),
    })
}

/// Drop every proposed boilerplate line from a new article (before it has
/// passages); returns how many lines went.
pub fn strip_boilerplate(a: &mut Article) -> usize {
    let proposals = crate::boilerplate::propose(&a.text);
    let lines: Vec<usize> = proposals.iter().map(|p| p.line).collect();
    if !lines.is_empty() {
        a.text = crate::boilerplate::drop_lines(&a.text, &lines);
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
/// every result as soon as it is ready, on the worker's thread. Stops
/// taking new files once `cancel` is set.
pub fn prepare_parallel(
    files: &[PathBuf],
    workers: usize,
    cancel: &AtomicBool,
    each: impl Fn(&Path, Result<Prepared, Refusal>) + Sync,
) {
    let next = AtomicUsize::new(0);
    let work = || {
        while !cancel.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(f) = files.get(i) else { break };
            each(f, prepare_file(f, None));
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

/// Expand folders (recursively, sorted, skipping hidden entries) into files.
pub fn collect_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = vec![];
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|e| {
                        !e.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    })
                    .collect(),
                Err(_) => {
                    out.push(p.clone());
                    continue;
                }
            };
            entries.sort();
            out.extend(collect_files(&entries));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Import files and folders into the workspace, one outcome per file, in
/// the order of the files; with `clean`, proposed boilerplate lines are
/// dropped first. Files are read on every core.
pub fn import_paths(ws: &mut Workspace, paths: &[PathBuf], clean: bool) -> Vec<Outcome> {
    let files = collect_files(paths);
    let results = std::sync::Mutex::new(Vec::with_capacity(files.len()));
    prepare_parallel(
        &files,
        default_workers(),
        &AtomicBool::new(false),
        |f, r| {
            let r = r.map(|mut p| {
                if clean {
                    strip_boilerplate(&mut p.article);
                }
                p
            });
            if let Ok(mut v) = results.lock() {
                v.push((f.to_path_buf(), r));
            }
        },
    );
    let mut results = results.into_inner().unwrap_or_default();
    // The order of the files, whichever reader finished first.
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut known: HashMap<String, Id> = ws
        .articles
        .iter()
        .map(|a| (a.text_hash.clone(), a.id.clone()))
        .collect();
    let mut added = false;
    let out = results
        .into_iter()
        .map(|(path, r)| match r {
            Err(reason) => Outcome::Refused { path, reason },
            Ok(p) => {
                if let Some(of) = known.get(&p.article.text_hash) {
                    return Outcome::Duplicate {
                        path,
                        of: of.clone(),
                    };
                }
                // Ids in file order, so the library lists files in that order.
                let mut article = p.article;
                article.id = new_id("art");
                known.insert(article.text_hash.clone(), article.id.clone());
                let (id, title) = (article.id.clone(), article.title.clone());
                ws.articles.push(article.into());
                added = true;
                Outcome::Added { id, title }
            }
        })
        .collect();
    if added {
        ws.touch();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(a.title, "Hello");
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
}
