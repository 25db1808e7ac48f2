//! The bundled assets the window needs on every platform: the CJK
//! fallback font (Droid Sans Fallback) and the window icon; and, as
//! Droid Sans Fallback has almost no Hangul, the system's Korean font found
//! at start (without one, Korean shows as boxes).
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window icon, decoded from the bundled PNG.
pub fn window_icon() -> Option<egui::IconData> {
    let img = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    Some(egui::IconData {
        width: img.width(),
        height: img.height(),
        rgba: img.into_raw(),
    })
}

/// Add the bundled CJK font as a fallback after egui's own fonts.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// egui's fonts, then the bundled CJK fallback.
fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "droid-fallback".into(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("droid-fallback".into());
    }
    fonts
}

/// The system's Korean fonts, most wanted first: Windows, macOS, then the
/// Linux packages (Noto CJK, Nanum, Un, Baekmuk).
const KOREAN_FAMILIES: &[&str] = &[
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans K",
    "NanumGothic",
    "NanumBarunGothic",
    "UnDotum",
    "Baekmuk Gulim",
];

/// The bytes and collection index of the first Korean font of `db` in the
/// order of [`KOREAN_FAMILIES`] (a regular, upright face where there is one).
pub fn korean_font(db: &fontdb::Database) -> Option<SystemFont> {
    for family in KOREAN_FAMILIES {
        let mut faces: Vec<&fontdb::FaceInfo> = db
            .faces()
            .filter(|f| {
                f.families
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(family))
            })
            .collect();
        // Regular and upright first.
        faces.sort_by_key(|f| {
            (
                f.style != fontdb::Style::Normal,
                f.weight.0.abs_diff(fontdb::Weight::NORMAL.0),
            )
        });
        if let Some(face) = faces.first()
            && let Some((data, index)) = db.with_face_data(face.id, |d, i| (d.to_vec(), i))
        {
            return Some((family.to_string(), data, index));
        }
    }
    None
}

/// A font found on the system: its family, bytes and collection index.
pub type SystemFont = (String, Vec<u8>, u32);

/// The system's Korean font, if it has one. It reads the font folders'
/// headers (tens of milliseconds), so the window looks while it opens.
pub fn system_korean() -> Option<SystemFont> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    korean_font(&db)
}

/// The bundled fonts and, after them, the system's Korean font when there
/// is one. Set once, before the first frame: text laid out and kept by the
/// Reader would not survive a change of fonts.
pub fn install_fonts_with(ctx: &egui::Context, korean: Option<SystemFont>) {
    let mut fonts = definitions();
    if let Some((family, data, index)) = korean {
        let mut font = egui::FontData::from_owned(data);
        font.index = index;
        fonts
            .font_data
            .insert(family.clone(), std::sync::Arc::new(font));
        for f in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(f).or_default().push(family.clone());
        }
    }
    ctx.set_fonts(fonts);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `fonts` draw every char of `text` (after one pass, when
    /// egui has loaded them).
    fn draws(fonts: egui::FontDefinitions, text: &str) -> bool {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts);
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        ctx.fonts_mut(|f| f.has_glyphs(&egui::FontId::proportional(14.0), text))
    }

    /// The bundled fonts draw Chinese but not Korean; with the system's
    /// Korean font (CI installs fonts-nanum) found and added, Korean draws.
    #[test]
    fn the_system_korean_font_is_found_and_draws_hangul() {
        let korean = "김정은 윤석열 외교부";
        assert!(draws(definitions(), "王毅 沙利文"));
        assert!(
            !draws(definitions(), korean),
            "the bundled font lacks Hangul"
        );
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let Some((family, data, index)) = korean_font(&db) else {
            assert!(
                std::env::var_os("DETENTE_REQUIRE_KOREAN_FONT").is_none(),
                "a Korean font is required here (apt-get install fonts-nanum)"
            );
            eprintln!("SKIPPED: no Korean system font (apt-get install fonts-nanum)");
            return;
        };
        let ctx = egui::Context::default();
        install_fonts_with(&ctx, Some((family.clone(), data, index)));
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let ok = ctx.fonts_mut(|f| f.has_glyphs(&egui::FontId::proportional(14.0), korean));
        assert!(ok, "{family} draws Korean");
    }
}
