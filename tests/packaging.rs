//! What the packages ship stays in step with the code: one app id
//! everywhere, one workspace MIME type whose magic matches what a save
//! writes, every icon in the size its script promises, every file the
//! .deb lists present. (packaging/linux/test-deb.sh installs the package
//! itself; this needs no tool.)

use std::path::Path;

fn read(p: &str) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(p: &Path) -> (u32, u32) {
    let b = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    assert_eq!(
        &b[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        p.display()
    );
    let be = |i: usize| u32::from_be_bytes(b[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

const APP_ID: &str = "org.detente.Detente";
const MIME: &str = "application/x-detente-workspace";

#[test]
fn one_app_id_everywhere() {
    assert!(read("src/ui/window.rs").contains(&format!("APP_ID: &str = \"{APP_ID}\"")));
    let desktop = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert!(desktop.contains(&format!("Icon={APP_ID}\n")), "{desktop}");
    assert!(desktop.contains(&format!("StartupWMClass={APP_ID}\n")));
    let meta = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    assert!(meta.contains(&format!("<id>{APP_ID}</id>")));
    assert!(meta.contains(&format!(
        "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
    )));
    let cargo = read("Cargo.toml");
    assert!(cargo.contains(&format!("identifier = \"{APP_ID}\"")));
    assert!(read("packaging/macos/Info.plist").contains(&format!("<string>{APP_ID}</string>")));
}

#[test]
fn the_workspace_type_is_registered_and_its_magic_matches_a_saved_file() {
    let desktop = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert!(desktop.contains(&format!("MimeType={MIME};")));
    assert!(
        desktop.contains("Exec=detente %f"),
        "a double-clicked file is passed"
    );
    let meta = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    assert!(meta.contains(&format!("<mediatype>{MIME}</mediatype>")));
    let mime = read(&format!("packaging/linux/{APP_ID}.mime.xml"));
    assert!(mime.contains(&format!("type=\"{MIME}\"")));
    assert!(mime.contains("<glob pattern=\"*.detente\"/>"));
    // The magic: this string within the first 64 bytes of every save.
    assert!(
        mime.contains(
            "offset=\"0:64\" value=\"&quot;format&quot;: &quot;detente-workspace&quot;\""
        )
    );
    let saved = detente::core::store::to_bytes(&detente::core::sample::sample_workspace());
    let head = String::from_utf8_lossy(&saved[..64 + 29]);
    assert!(
        head.contains("\"format\": \"detente-workspace\""),
        "a save no longer starts with the format: {head}"
    );
    let plist = read("packaging/macos/Info.plist");
    assert!(
        plist.contains("<string>detente</string>"),
        "the .detente extension"
    );
    let nsi = read("packaging/windows/detente.nsi");
    assert!(
        nsi.contains("Software\\Classes\\.detente"),
        "the Windows association"
    );
}

#[test]
fn every_icon_is_the_size_its_script_makes() {
    let script = read("packaging/icons/make-icons.sh");
    let sizes = script
        .lines()
        .find_map(|l| l.strip_prefix("for s in "))
        .and_then(|l| l.strip_suffix("; do"))
        .expect("the size loop");
    let sizes: Vec<u32> = sizes.split(' ').map(|s| s.parse().unwrap()).collect();
    assert_eq!(sizes, [16, 32, 48, 64, 128, 256, 512]);
    for s in &sizes {
        let p = format!("packaging/icons/hicolor/{s}x{s}/apps/{APP_ID}.png");
        assert_eq!(png_size(Path::new(&p)), (*s, *s), "{p}");
    }
    // The window icon is the 256 px one.
    assert_eq!(
        std::fs::read("assets/icon.png").unwrap(),
        std::fs::read(format!("packaging/icons/hicolor/256x256/apps/{APP_ID}.png")).unwrap()
    );
    let ico = std::fs::read("packaging/windows/detente.ico").unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an .ico");
    assert_eq!(
        u16::from_le_bytes([ico[4], ico[5]]),
        4,
        "16, 32, 48, 256 px"
    );
    let icns = std::fs::read("packaging/macos/detente.icns").unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize,
        icns.len()
    );
}

#[test]
fn every_file_the_deb_lists_is_in_the_tree() {
    let assets = deb_assets(&read("Cargo.toml"));
    assert!(assets.len() >= 12, "{assets:?}");
    for a in &assets {
        if a.starts_with("target/") {
            continue;
        }
        assert!(
            Path::new(a).is_file(),
            "the .deb lists {a}, which is missing"
        );
    }
    for s in [16, 32, 48, 64, 128, 256, 512] {
        assert!(
            assets
                .iter()
                .any(|a| a.contains(&format!("/{s}x{s}/apps/"))),
            "{s} px icon"
        );
    }
}

/// The source paths of `[package.metadata.deb] assets`, read as the plain
/// list it is (no TOML crate is a dependency).
fn deb_assets(cargo: &str) -> Vec<String> {
    let rest = &cargo[cargo.find("[package.metadata.deb]").expect("deb section")..];
    let list = &rest[rest.find("assets = [").expect("assets")..];
    let list = &list[..list.find("\n]").expect("end of assets")];
    list.lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .map(str::to_string)
        .collect()
}
