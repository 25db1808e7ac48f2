//! On Windows targets, embed the icon and the version information in
//! `detente.exe` (Explorer, the taskbar and the installer show them).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/windows/detente.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("packaging/windows/detente.ico")
        .set("ProductName", "Detente")
        .set(
            "FileDescription",
            "Detente, a research notebook for diplomatic events",
        )
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = res.compile() {
        panic!("embedding the Windows icon and version information: {e}");
    }
}
