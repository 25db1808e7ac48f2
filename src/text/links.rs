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
}
