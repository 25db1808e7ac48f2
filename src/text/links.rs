//! Which strings are web links: parsed with the `url` crate (the WHATWG URL
//! standard), and only `http` and `https` with a host. A canonical URL from
//! a page, or one typed by a colleague, is shown as a link only then.
//!
//! Imports nothing from the crate (layer `text`).

/// `s` (trimmed, as written) when it is a web link: http or https with a
/// host; None when it is anything else ("httpfoo:evil", "javascript:",
/// "file:", a bare word).
pub fn web_link(s: &str) -> Option<String> {
    let s = s.trim();
    let u = url::Url::parse(s).ok()?;
    (matches!(u.scheme(), "http" | "https") && u.host().is_some()).then(|| s.to_string())
}

/// Whether a link may be written as a link into a document others open
/// (a report in Markdown, HTML, Word or OpenDocument): a web link, or a
/// `mailto:` address. `javascript:`, `vbscript:`, `data:`, `file:` and
/// relative links are not: pandoc and browsers would make them clickable.
/// (`detente:` links are resolved before this is asked.)
pub fn shareable_link(s: &str) -> bool {
    web_link(s).is_some()
        || url::Url::parse(s.trim()).is_ok_and(|u| u.scheme() == "mailto" && !u.path().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_with_a_host_are_links() {
        assert_eq!(
            web_link(" https://www.reuters.com/world/x ").as_deref(),
            Some("https://www.reuters.com/world/x")
        );
        assert!(web_link("http://example.org").is_some());
        for bad in [
            "httpfoo:evil",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http:",
            "www.x.com",
            "",
        ] {
            assert_eq!(web_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_web_and_mail_links_are_shared() {
        assert!(shareable_link("https://example.org/a"));
        assert!(shareable_link("mailto:desk@example.org"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "page.html",
            "mailto:",
        ] {
            assert!(!shareable_link(bad), "{bad}");
        }
    }
}
