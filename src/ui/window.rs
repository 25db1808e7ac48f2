//! Opening the native window: the viewport (size, icon, app id, drag and
//! drop), remembered window state and preferences, fonts and theme, and
//! the first workspace (the one given, else the last one, else the sample).
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::DetenteApp;
use crate::ui::assets::{install_fonts_with, system_korean, window_icon};
use crate::ui::prefs::{PREFS_KEY, Prefs, apply_theme};
use crate::ui::renderer;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

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

/// Open the window; returns the process exit code. Each graphics backend
/// of [`renderer::order`] is tried until one opens the window; an error
/// after the window opened is not retried.
pub fn run(path: Option<PathBuf>) -> i32 {
    crate::ui::runtime_dir::quiet_wayland_probe();
    // The system's Korean font is looked for while the window opens.
    let korean = Arc::new(Mutex::new(Some(std::thread::spawn(system_korean))));
    let mut tried = vec![];
    // macOS gives a double-clicked file in an event, not an argument.
    crate::ui::open_events::install();
    let data = default_recovery_dir();
    for backends in renderer::order(data.as_deref()) {
        let opened = Arc::new(AtomicBool::new(false));
        let res = eframe::run_native(
            APP_ID,
            options(backends),
            creator(path.clone(), korean.clone(), opened.clone(), backends),
        );
        let opened = opened.load(Ordering::SeqCst);
        match res {
            Ok(()) => return 0,
            Err(e) if opened => {
                eprintln!("detente: the window stopped: {e}");
                return 1;
            }
            Err(e) => tried.push((backends, e.to_string())),
        }
    }
    renderer::tell(&tried);
    1
}

/// The window's options, with the graphics backends to try.
fn options(backends: Option<eframe::wgpu::Backends>) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    eframe::NativeOptions {
        viewport: viewport
            .with_app_id(APP_ID)
            .with_title("Detente")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        wgpu_options: renderer::wgpu_options(backends),
        ..Default::default()
    }
}

type Korean = Arc<Mutex<Option<std::thread::JoinHandle<Option<crate::ui::assets::SystemFont>>>>>;

/// What makes the app once the window is there (and notes that it is).
fn creator(
    path: Option<PathBuf>,
    korean: Korean,
    opened: Arc<AtomicBool>,
    backends: Option<eframe::wgpu::Backends>,
) -> eframe::AppCreator<'static> {
    Box::new(move |cc| {
        // The window and its renderer are made: this backend works.
        opened.store(true, Ordering::SeqCst);
        crate::ui::open_events::set_context(&cc.egui_ctx);
        renderer::remember(default_recovery_dir().as_deref(), backends);
        // Found while the window opened; fonts are set once.
        let found = korean.lock().ok().and_then(|mut k| k.take());
        let korean = found.and_then(|h| h.join().ok()).flatten();
        install_fonts_with(&cc.egui_ctx, korean);
        let prefs: Prefs = cc
            .storage
            .and_then(|s| s.get_string(PREFS_KEY))
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        apply_theme(&cc.egui_ctx, prefs.theme);
        let last = prefs.last_workspace.clone().filter(|p| p.exists());
        let chosen = path.or(last);
        let mut app = DetenteApp::open(chosen.clone()).with_recovery_dir(default_recovery_dir());
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
    })
}
