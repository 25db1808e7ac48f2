//! Opening the native window: the viewport (size, icon, app id, drag and
//! drop), remembered window state and preferences, fonts and theme, and
//! the first workspace (the one given, else the last one, else the sample).
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::DetenteApp;
use crate::ui::assets::{install_fonts_with, system_korean, window_icon};
use crate::ui::prefs::{PREFS_KEY, Prefs, apply_theme};
use std::path::PathBuf;

/// The one application id: settings folder, desktop entry, Wayland app id.
pub const APP_ID: &str = "org.detente.Detente";

/// The folder for recovery files: Detente's data folder, the one eframe
/// keeps the window state and preferences in, named by the one app id
/// (`~/.local/share/org.detente.detente` on Linux, `~/Library/Application
/// Support/org.detente.Detente` on macOS, `%APPDATA%\org.detente.Detente\data`
/// on Windows).
pub fn default_recovery_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Open the window; returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    crate::ui::runtime_dir::quiet_wayland_probe();
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_app_id(APP_ID)
            .with_title("Detente")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    // The system's Korean font is looked for while the window opens.
    let korean = std::thread::spawn(system_korean);
    let res = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            // Found while the window opened; fonts are set once.
            let korean = korean.join().ok().flatten();
            install_fonts_with(&cc.egui_ctx, korean);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| s.get_string(PREFS_KEY))
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            apply_theme(&cc.egui_ctx, prefs.theme);
            let last = prefs.last_workspace.clone().filter(|p| p.exists());
            let chosen = path.or(last);
            let mut app =
                DetenteApp::open(chosen.clone()).with_recovery_dir(default_recovery_dir());
            let mut prefs = prefs;
            if let Some(p) = &app.path {
                prefs.remember(p);
            }
            // Who is working: --author / DETENTE_AUTHOR, else the name given
            // before, else asked once.
            if crate::core::model::author().is_empty() {
                crate::core::ids::set_author(&prefs.author);
            }
            app.ask_name = crate::core::model::author().is_empty();
            app.prefs = prefs;
            // Now that the preferences are known: the article last viewed.
            app.reset_view();
            Ok(Box::new(app))
        }),
    );
    match res {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("detente: cannot open the window: {e}");
            1
        }
    }
}
