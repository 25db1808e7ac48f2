//! How deep a web page nests its elements, found in one linear pass before
//! the page is parsed. The HTML parser and the main-text extractor work
//! harder the deeper a page nests (1,000 nested `<div>`s took seconds, and
//! 100,000 unclosed `<b>`s overflowed the stack and killed the process), so
//! a page nested deeper than [`MAX_HTML_DEPTH`] is refused with the reason.
//! Real pages nest a few dozen levels.
//!
//! Elements that close themselves or whose end tag may be left out (`<br>`,
//! `<p>`, `<li>`, table cells...) do not count, so sloppy but ordinary HTML
//! is never refused; text in `<script>`, `<style>` and comments is skipped.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

pub use crate::core::limits::MAX_HTML_DEPTH;

/// Elements with no content, or whose end tag is optional (the parser
/// closes them itself): they never deepen the tree for long.
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"param",
    b"keygen",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"rb",
    b"rt",
    b"rtc",
    b"rp",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"noscript",
];

/// The deepest nesting of elements in `html`, counted up to just past
/// `stop` (a page beyond it is refused whatever its full depth).
pub fn depth(html: &[u8], stop: usize) -> usize {
    let mut open: Vec<Vec<u8>> = vec![];
    let mut deepest = 0;
    let mut i = 0;
    while let Some(lt) = find(html, i, b"<") {
        i = lt + 1;
        let rest = &html[i..];
        if rest.starts_with(b"!--") {
            i = find(html, i, b"-->").map_or(html.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find(html, i, b">").map_or(html.len(), |e| e + 1);
            continue;
        }
        let closing = rest.starts_with(b"/");
        let start = i + usize::from(closing);
        let name_len = html[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = find(html, start, b">").unwrap_or(html.len());
        i = end + 1;
        if closing {
            // Close the innermost open element of that name, and those in it.
            if let Some(k) = open.iter().rposition(|n| *n == name) {
                open.truncate(k);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name);
            i = find_ignore_case(html, i, &close).unwrap_or(html.len());
            continue;
        }
        let self_closed = end > 0 && end <= html.len() && html[..end].ends_with(b"/");
        if self_closed || NOT_NESTING.contains(&name.as_slice()) {
            continue;
        }
        open.push(name);
        deepest = deepest.max(open.len());
        if deepest > stop {
            break;
        }
    }
    deepest
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|k| from + k)
}

fn find_ignore_case(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = find(hay, at, b"</") {
        if hay.len() >= k + needle.len() && hay[k..k + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(k);
        }
        at = k + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_not_void_optional_or_raw_text() {
        let page = b"<!doctype html><html><head><title>a <b> c</title>\
            <script>if (a < b) { document.write('<div><div><div>') }</script></head>\
            <body><div><article><p>one<p>two<br><img src=x><ul><li>a<li>b</ul>\
            <!-- <div><div><div> --></article></div></body></html>";
        // div > article > ul.
        assert_eq!(depth(page, 100), 3);
        let nested = format!("{}x{}", "<div>".repeat(300), "</div>".repeat(300));
        assert_eq!(depth(nested.as_bytes(), 1000), 300);
        // Unclosed inline elements nest, as the parser nests them; counting
        // stops just past the limit.
        let unclosed = "<b>x".repeat(100_000);
        assert_eq!(depth(unclosed.as_bytes(), 256), 257);
        // A close tag closes what is open inside it.
        assert_eq!(depth(b"<div><span><i>x</div><div>y</div>", 10), 3);
        assert_eq!(depth(b"<div/><div/><div/>", 10), 0);
    }
}
