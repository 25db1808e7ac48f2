//! The figure as PNG: the SVG of [`super::svg`] rasterised by resvg (a
//! well-kept pure-Rust renderer) with the bundled font, so a figure looks
//! the same on every machine and CJK names render without system fonts.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::{FONT_FAMILY, FONTS, FigureOptions};
use crate::core::model::Workspace;
use resvg::{tiny_skia, usvg};

/// The most pixels a PNG may have (a 10,000 x 10,000 image).
pub const MAX_PIXELS: u64 = 100_000_000;

/// The figure of `ws` as PNG bytes.
pub fn to_png(ws: &Workspace, opts: &FigureOptions) -> Result<Vec<u8>, String> {
    svg_to_png(&super::svg::to_svg(ws, opts), opts.scale)
}

/// Rasterise an SVG at `scale` pixels per SVG pixel.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    // NaN survives clamp: a scale that is not a number is refused.
    if !scale.is_finite() {
        return Err(format!("the scale {scale} is not a number"));
    }
    let scale = scale.clamp(0.25, 8.0);
    let mut opt = usvg::Options {
        font_family: FONT_FAMILY.into(),
        ..Default::default()
    };
    {
        let db = opt.fontdb_mut();
        for f in FONTS {
            db.load_font_data(f.to_vec());
        }
        db.set_sans_serif_family(FONT_FAMILY);
    }
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("the figure: {e}"))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!(
            "a {w} x {h} image is too large; choose a smaller size, scale or range"
        ));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("the image could not be made")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// A PNG's width and height in pixels, from its header (the IHDR chunk
/// that every PNG opens with), or None when the bytes are not a PNG.
pub fn dimensions(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if png.len() < 24 || !png.starts_with(SIGNATURE) || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    #[test]
    fn the_png_has_the_size_asked_and_text_is_drawn() {
        let ws = sample_workspace();
        let opts = FigureOptions {
            width: 800,
            height: 500,
            scale: 1.0,
            ..Default::default()
        };
        let png = to_png(&ws, &opts).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert_eq!(dimensions(&png), Some((800, 500)));
        assert_eq!(dimensions(b"GIF89a not a png at all, long enough"), None);
        // Text with the bundled font: a label adds dark pixels, no font none.
        let with = svg_to_png(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30"><rect width="80" height="30" fill="#fff"/><text x="4" y="20" font-size="16">北京 Wang</text></svg>"##,
            1.0,
        )
        .unwrap();
        let blank = svg_to_png(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30"><rect width="80" height="30" fill="#fff"/></svg>"##,
            1.0,
        )
        .unwrap();
        assert!(with.len() > blank.len() + 100, "no glyphs were drawn");
    }

    #[test]
    fn an_image_too_large_is_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"></svg>"#;
        assert!(svg_to_png(svg, 1.0).unwrap_err().contains("too large"));
    }
}
