//! libwayland prints "error: XDG_RUNTIME_DIR is invalid or not set in the
//! environment." once per probe (four times at each start) when an X
//! session was started without a login manager (Xvfb, some remote
//! desktops). Given a private, empty runtime folder it finds no Wayland
//! socket there and says nothing. Only done when neither variable is set,
//! so a real Wayland or systemd session is never touched.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use std::path::{Path, PathBuf};

/// Before any thread starts: set `XDG_RUNTIME_DIR` to a private folder if
/// there is none and no Wayland display is named.
pub fn quiet_wayland_probe() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("XDG_RUNTIME_DIR").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
        && let Some(dir) = private_dir(&std::env::temp_dir(), unsafe { libc::getuid() })
    {
        // SAFETY: called at the start of `ui::run`, before eframe or
        // anything else has started a thread that could read the
        // environment at the same time.
        unsafe { std::env::set_var("XDG_RUNTIME_DIR", dir) };
    }
}

/// `BASE/detente-runtime-UID`, created with mode 0700, or an existing one
/// that is a real folder (not a link) owned by `uid` and closed to others;
/// None otherwise (someone else made it: leave the variable unset).
pub fn private_dir(base: &Path, uid: u32) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt};
        let dir = base.join(format!("detente-runtime-{uid}"));
        let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
        let meta = std::fs::symlink_metadata(&dir).ok()?;
        let ok = meta.is_dir() && meta.uid() == uid && meta.mode() & 0o077 == 0;
        ok.then_some(dir)
    }
    #[cfg(not(unix))]
    {
        let _ = (base, uid);
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_ours_and_private_or_not_used() {
        let base = tempfile::tempdir().unwrap();
        let uid = unsafe { libc::getuid() };
        let dir = private_dir(base.path(), uid).expect("made");
        assert!(dir.is_dir());
        assert_eq!(private_dir(base.path(), uid), Some(dir.clone()), "reused");
        // Opened to others (or planted by someone else): not used.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(private_dir(base.path(), uid), None);
        // A link in its place: not followed.
        let other = tempfile::tempdir().unwrap();
        let base2 = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(
            other.path(),
            base2.path().join(format!("detente-runtime-{uid}")),
        )
        .unwrap();
        assert_eq!(private_dir(base2.path(), uid), None);
    }
}
