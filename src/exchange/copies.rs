//! Conflict copies that sync clients leave beside a workspace when two
//! machines saved it at once: Dropbox ("NAME (Ana's conflicted copy
//! 2026-11-29).detente"), Syncthing ("NAME.sync-conflict-20261129-101010-
//! ABCDEFG.detente"), Nextcloud and ownCloud ("NAME (conflicted copy
//! 2026-11-29 101010).detente"), OneDrive ("NAME-HOSTNAME.detente", the
//! host name in capitals, so "NAME-2024" is not one) and Google Drive
//! ("NAME (1).detente"). Each holds someone's work: they are
//! found so they can be merged, never overwritten or ignored.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The conflict copies of the workspace at `path` in its folder, sorted.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem), Some(ext)) = (
        path.parent(),
        path.file_stem().and_then(|s| s.to_str()),
        path.extension().and_then(|s| s.to_str()),
    ) else {
        return vec![];
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            is_conflict_copy(stem, ext, &name)
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Whether `name` is a sync client's conflict copy of `stem.ext`.
pub fn is_conflict_copy(stem: &str, ext: &str, name: &str) -> bool {
    let Some(rest) = name.strip_prefix(stem) else {
        return false;
    };
    let Some(middle) = rest.strip_suffix(&format!(".{ext}")) else {
        return false;
    };
    static PATTERNS: OnceLock<Regex> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            Regex::new(
                r"(?x)^(?:
                  \s\([^()]*conflicted\ copy[^()]*(?:\(\d+\))?\)   # Dropbox, Nextcloud, ownCloud
                | \.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}   # Syncthing
                | -[A-Z0-9-]*[A-Z][A-Z0-9-]*                # OneDrive: NAME-HOSTNAME (upper case)
                | \s\(\d{1,3}\)                             # Google Drive: NAME (1)
                )$",
            )
            .expect("valid pattern")
        })
        .is_match(middle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sync_clients_conflict_copy_is_known_and_nothing_else() {
        for name in [
            "us-china (Ana's conflicted copy 2026-11-29).detente",
            "us-china (conflicted copy 2026-11-29 101010).detente",
            "us-china (Ana Lee's conflicted copy 2026-11-29 (1)).detente",
            "us-china.sync-conflict-20261129-101010-ABCDEFG.detente",
            "us-china-LAPTOP-7Q2.detente",
            "us-china (1).detente",
        ] {
            assert!(is_conflict_copy("us-china", "detente", name), "{name}");
        }
        for name in [
            "us-china.detente",
            "us-china.detente.bak",
            "us-china (notes).detente",
            "us-china-2024.detente",
            "us-china-draft.detente",
            "other (conflicted copy 2026-11-29).detente",
            "us-china (conflicted copy 2026-11-29).csv",
            ".us-china.detente.save-AbC123.tmp",
        ] {
            assert!(!is_conflict_copy("us-china", "detente", name), "{name}");
        }
    }

    #[test]
    fn copies_are_found_beside_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.detente");
        for f in [
            "w.detente",
            "w (conflicted copy 2026-11-29).detente",
            "x.detente",
        ] {
            std::fs::write(dir.path().join(f), "{}").unwrap();
        }
        let found = conflict_copies(&ws);
        assert_eq!(
            found,
            [dir.path().join("w (conflicted copy 2026-11-29).detente")]
        );
    }
}
