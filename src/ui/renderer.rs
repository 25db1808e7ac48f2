//! Which graphics backends the window tries, in order, and the one that
//! worked remembered for the next start. wgpu picks the "best" backend it
//! finds, but a backend can be found and still fail to make a device: DX12
//! through Wine's vkd3d ("Parent device is lost"), and on real machines old
//! drivers, remote desktops and virtual machines. The window then tries the
//! next one (Windows: DX12, Vulkan, OpenGL; elsewhere Vulkan or Metal, then
//! OpenGL) instead of exiting. `WGPU_BACKEND` set by the user is obeyed
//! alone. When none works, [`tell`] says so in a message box: a GUI program
//! started from the Start menu has no console to print to.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use eframe::wgpu::Backends;
use std::path::{Path, PathBuf};

/// The file the backend that worked is kept in, in the data folder `dir`
/// (beside the window state).
fn remembered_path(dir: Option<&Path>) -> Option<PathBuf> {
    dir.map(|d| d.join("renderer"))
}

/// A backend's name as `WGPU_BACKEND` spells it.
pub fn name(b: Backends) -> &'static str {
    if b == Backends::DX12 {
        "dx12"
    } else if b == Backends::VULKAN {
        "vulkan"
    } else if b == Backends::METAL {
        "metal"
    } else if b == Backends::GL {
        "gl"
    } else {
        "default"
    }
}

fn from_name(s: &str) -> Option<Backends> {
    match s.trim() {
        "dx12" => Some(Backends::DX12),
        "vulkan" => Some(Backends::VULKAN),
        "metal" => Some(Backends::METAL),
        "gl" => Some(Backends::GL),
        _ => None,
    }
}

/// The backends to try, one at a time, in order: the one remembered
/// first (kept in the data folder `dir`), then the platform's usual order.
/// None inside: the user chose with `WGPU_BACKEND`, and wgpu reads it.
pub fn order(dir: Option<&Path>) -> Vec<Option<Backends>> {
    if std::env::var_os("WGPU_BACKEND").is_some() {
        return vec![None];
    }
    let usual: &[Backends] = if cfg!(windows) {
        &[Backends::DX12, Backends::VULKAN, Backends::GL]
    } else if cfg!(target_os = "macos") {
        &[Backends::METAL]
    } else {
        &[Backends::VULKAN, Backends::GL]
    };
    let remembered = remembered_path(dir)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|s| from_name(&s))
        .filter(|b| usual.contains(b));
    let mut out: Vec<Option<Backends>> = remembered.into_iter().map(Some).collect();
    out.extend(
        usual
            .iter()
            .filter(|b| Some(**b) != remembered)
            .map(|b| Some(*b)),
    );
    out
}

/// Keep `b` as the backend to try first next time, in the data folder `dir`.
pub fn remember(dir: Option<&Path>, b: Option<Backends>) {
    let (Some(b), Some(path)) = (b, remembered_path(dir)) else {
        return;
    };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(path, name(b));
}

/// The wgpu setup that tries only `b` (None: wgpu's own choice).
pub fn wgpu_options(b: Option<Backends>) -> eframe::egui_wgpu::WgpuConfiguration {
    let mut options = eframe::egui_wgpu::WgpuConfiguration::default();
    if let (Some(b), eframe::egui_wgpu::WgpuSetup::CreateNew(setup)) = (b, &mut options.wgpu_setup)
    {
        setup.instance_descriptor.backends = b;
    }
    options
}

/// Say why the window could not open: on stderr, and in a message box
/// (the platform's own), naming what to try.
pub fn tell(tried: &[(Option<Backends>, String)]) {
    let mut text = String::from("Detente could not open its window.\n\n");
    for (b, why) in tried {
        let which = match b {
            Some(b) => name(*b).to_string(),
            None => format!(
                "WGPU_BACKEND={}",
                std::env::var("WGPU_BACKEND").unwrap_or_default()
            ),
        };
        text.push_str(&format!("{which}: {why}\n"));
    }
    text.push_str(
        "\nThe graphics driver may be too old, or this is a remote or virtual machine \
         without 3D support. Update the graphics driver, or start Detente with the \
         environment variable WGPU_BACKEND set to gl (or vulkan, dx12). The command line \
         (detente --help) works without a window.",
    );
    eprintln!("detente: {text}");
    // The box is shown unless a test says not to (it would wait for a click).
    if std::env::var_os("DETENTE_NO_DIALOGS").is_none() {
        let _ = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Detente")
            .set_description(&text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_backend_is_tried_once_and_names_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let order = order(Some(dir.path()));
        let mut seen = std::collections::HashSet::new();
        for b in order.iter().flatten() {
            assert!(seen.insert(name(*b)), "{} twice", name(*b));
            assert_eq!(from_name(name(*b)), Some(*b));
        }
        assert!(!order.is_empty());
        // The one that worked is tried first next time.
        if std::env::var_os("WGPU_BACKEND").is_none() {
            let last = *order.last().unwrap();
            remember(Some(dir.path()), last);
            assert_eq!(self::order(Some(dir.path()))[0], last);
        }
        let opts = wgpu_options(Some(Backends::GL));
        match opts.wgpu_setup {
            eframe::egui_wgpu::WgpuSetup::CreateNew(s) => {
                assert_eq!(s.instance_descriptor.backends, Backends::GL)
            }
            _ => panic!("a new setup"),
        }
    }
}
