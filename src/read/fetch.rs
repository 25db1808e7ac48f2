//! Import from a URL: fetch the page (redirects followed, a time limit, the
//! size limit every file has, gzip, TLS), then read it like a saved page.
//! The URL (after redirects) becomes the article's URL and the fetch time
//! its access date, for citations. A 4xx or 5xx answer, a timeout, a page
//! too large or a name that does not resolve is a refusal naming the URL
//! and the problem.
//!
//! The charset the server gives in `Content-Type` is what a browser uses
//! over the page's own declaration: the body is read in it and handed on
//! as UTF-8 with a byte-order mark, which every reader takes first.
//!
//! Imports only `core`, `dates` and `text` (layer `read`).

use crate::read::prepare::{Items, Prepared, prepare_bytes_all};
use crate::read::refusal::{MAX_FILE_BYTES, Refusal};
use std::io::Read;
use std::time::Duration;

/// How long a whole fetch may take, redirects included.
const TIME_LIMIT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 10;

/// Whether an argument or a pasted text is a web address to fetch.
pub fn is_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://"))
        && !s.contains(char::is_whitespace)
        && url::Url::parse(s).is_ok_and(|u| u.host_str().is_some())
}

/// What a fetch brought back.
#[derive(Debug)]
pub struct Fetched {
    /// The address after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// `Content-Type` without parameters, lower case ("text/html").
    pub mime: String,
    /// The charset `Content-Type` names, if any.
    pub charset: Option<String>,
}

/// Fetch `url`.
pub fn fetch(url: &str) -> Result<Fetched, Refusal> {
    let url = url.trim();
    if !is_url(url) {
        return Err(Refusal::Fetch(format!(
            "“{url}” is not a web address (http:// or https://)"
        )));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIME_LIMIT))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!(
            "Detente/",
            env!("CARGO_PKG_VERSION"),
            " (research notebook; +https://github.com/)"
        ))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        )
        .call()
        .map_err(|e| Refusal::Fetch(describe(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(Refusal::Fetch(format!(
            "the server answered {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut bytes = vec![];
    response
        .body_mut()
        .as_reader()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::Fetch(format!("the page stopped coming: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut parts = content_type.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_string())
    });
    Ok(Fetched {
        url: final_url,
        bytes,
        mime,
        charset,
    })
}

/// What a failed fetch says, in words.
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => {
            format!("no complete answer within {} seconds", TIME_LIMIT.as_secs())
        }
        ureq::Error::TooManyRedirects => {
            format!("more than {MAX_REDIRECTS} redirects")
        }
        ureq::Error::HostNotFound => "the server's name does not resolve".into(),
        ureq::Error::ConnectionFailed => "the server cannot be reached".into(),
        ureq::Error::Io(io) => format!("the connection failed: {io}"),
        other => other.to_string(),
    }
}

/// Fetch `url` and read it into its articles (a page, or a feed's items),
/// each with the address and the time it was fetched. A panic while it is
/// fetched or read is this address's refusal (see `core::isolate`).
pub fn prepare_url(url: &str) -> Result<Items, Refusal> {
    crate::core::isolate::isolate(|| read_url(url))
        .unwrap_or_else(|p| Err(Refusal::failed("reading this address failed", p)))
}

fn read_url(url: &str) -> Result<Items, Refusal> {
    let fetched = fetch(url)?;
    let at = chrono::Utc::now();
    let name = file_name(&fetched);
    let bytes = with_header_charset(&fetched);
    let all = prepare_bytes_all(&bytes, &name, None, at.date_naive())?;
    Ok(all
        .into_iter()
        .map(|r| {
            r.map(|(mut article, encoding)| {
                // A feed's items keep their own links.
                if encoding != "feed" || article.url.is_empty() {
                    article.url = fetched.url.clone();
                }
                article.imported_from = fetched.url.clone();
                article.accessed = if article.url == fetched.url {
                    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                } else {
                    // A feed item's own page was not fetched.
                    String::new()
                };
                // A page with no date of its own may carry it in its address.
                if article.published.is_none()
                    && let Some(day) = crate::read::head::url_day(&fetched.url)
                {
                    article.published = Some(crate::dates::edtf::DateValue::day(day));
                    article.published_source = "the page's address".into();
                }
                Prepared {
                    path: std::path::PathBuf::from(&fetched.url),
                    article,
                    encoding,
                }
            })
        })
        .collect())
}

/// A name that tells the readers what the body is: by its type, else by
/// the address's last segment.
fn file_name(f: &Fetched) -> String {
    let by_type = match f.mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some("page.html"),
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => {
            Some("feed.xml")
        }
        "text/plain" => Some("page.txt"),
        "application/pdf" => Some("document.pdf"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            Some("document.docx")
        }
        _ => None,
    };
    by_type.map(str::to_string).unwrap_or_else(|| {
        url::Url::parse(&f.url)
            .ok()
            .and_then(|u| u.path_segments()?.next_back().map(str::to_string))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "page.html".into())
    })
}

/// The body as the readers should see it: read in the charset the server
/// names (web pages and text only; XML declares its own), as UTF-8 with a
/// byte-order mark. A server that names a legacy charset for bytes that
/// are UTF-8 is not believed (the page's own reading decides); bytes the
/// named charset cannot read are left as they came.
fn with_header_charset(f: &Fetched) -> Vec<u8> {
    let textual = matches!(
        f.mime.as_str(),
        "text/html" | "application/xhtml+xml" | "text/plain"
    );
    let Some(enc) = f
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .filter(|_| textual)
    else {
        return f.bytes.clone();
    };
    if encoding_rs::Encoding::for_bom(&f.bytes).is_some() {
        return f.bytes.clone();
    }
    let utf8 = std::str::from_utf8(&f.bytes).is_ok();
    if enc != encoding_rs::UTF_8 && utf8 && !f.bytes.is_ascii() {
        return f.bytes.clone();
    }
    let (text, _, bad) = enc.decode(&f.bytes);
    if bad {
        return f.bytes.clone();
    }
    let mut out = b"\xef\xbb\xbf".to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_told_from_paths() {
        assert!(is_url("https://example.org/2023/06/18/story"));
        assert!(is_url(" http://127.0.0.1:8080/a.html "));
        for not in [
            "example.org/story",
            "ftp://example.org/x",
            "https://",
            "https://exa mple.org",
            "/home/me/page.html",
        ] {
            assert!(!is_url(not), "{not}");
        }
    }

    #[test]
    fn the_servers_charset_reads_the_body_unless_the_bytes_say_otherwise() {
        let f = |bytes: &[u8], mime: &str, charset: Option<&str>| Fetched {
            url: "https://x.example/a".into(),
            bytes: bytes.to_vec(),
            mime: mime.into(),
            charset: charset.map(str::to_string),
        };
        // windows-1252 "café" named by the header, while the page says UTF-8.
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let out = with_header_charset(&f(page, "text/html", Some("windows-1252")));
        assert_eq!(&out[..3], b"\xef\xbb\xbf");
        assert!(String::from_utf8(out).unwrap().contains("café"));
        // UTF-8 bytes the server calls ISO-8859-1 stay as they are.
        let utf8 = "<p>café</p>".as_bytes();
        assert_eq!(
            with_header_charset(&f(utf8, "text/html", Some("iso-8859-1"))),
            utf8
        );
        // XML keeps its own declaration.
        assert_eq!(
            with_header_charset(&f(page, "application/rss+xml", Some("windows-1252"))),
            page
        );
    }
}
