//! Writing a file so that neither a crash, a planted link nor a second
//! writer costs anyone data: the bytes go to a temporary file beside the
//! target, are synced, the old file is kept as `NAME.bak`, and a rename puts
//! the new one in place. A crash at any point leaves the old or the new file.
//!
//! - A target reached through a symlink is written at the link's target;
//!   the backup and temporary files never follow a link.
//! - The new file keeps the old one's permissions (and owner where the
//!   system allows); a new file follows the umask.
//! - Temporaries are named after their target (`.NAME.save-XXXXXX.tmp`), so
//!   those a killed save left are found and removed by the next save or open.
//! - Writers of the same file take turns through an advisory lock on a
//!   sidecar (`.NAME.lock`), and a writer can ask not to replace a file that
//!   changed since it read it ([`Stamp`]).
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temporaries of another Detente (or an older one) that match no target
/// are removed only when at least this old.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The backup kept beside a file: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// What a file on disk is, cheaply: enough to tell that someone replaced
/// or rewrote it (a save by rename gives a new inode on Unix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        }
    }

    /// The stamp of the file at `path` now, if there is one.
    pub fn read(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// The stamp as text, to remember across sessions.
    pub fn token(&self) -> String {
        let nanos = self
            .modified
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        return format!("{}:{nanos}:{}:{}", self.len, self.inode.0, self.inode.1);
        #[cfg(not(unix))]
        return format!("{}:{nanos}", self.len);
    }
}

/// Where writing `path` really writes: the file a symlink points to (a
/// chain of links followed to its end), else `path` itself.
pub fn target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// [`target`], refused unless it is a regular file or nothing yet: a FIFO,
/// a device, a folder or a link that leads nowhere a file can be (such as
/// `/proc/self/fd/1`) would be replaced by a regular file, and what was
/// asked would silently not be written where the user looks for it.
fn writable_target(path: &Path) -> std::io::Result<PathBuf> {
    let refuse = |what: &str| {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{what}; Detente writes only regular files"),
        ))
    };
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if link {
        return match std::fs::canonicalize(path) {
            Ok(t) if std::fs::metadata(&t).is_ok_and(|m| m.is_file()) => Ok(t),
            Ok(_) => refuse("it is a link to something other than a regular file"),
            Err(_) => refuse("it is a link whose target cannot be found"),
        };
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => refuse("it is a folder"),
        Ok(m) if !m.is_file() => refuse("it is a named pipe, socket or device"),
        _ => Ok(path.to_path_buf()),
    }
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The prefix of the temporaries written for `path`.
fn temp_prefix(path: &Path) -> String {
    format!(".{}.save-", file_name(path))
}

/// The lock sidecar of `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    dir_of(path).join(format!(".{}.lock", file_name(path)))
}

/// An exclusive advisory lock on a file's sidecar, held until dropped.
/// Every Detente that writes the file takes it first, so two writers take
/// turns instead of overwriting each other's work. The sidecar is removed
/// as the lock is let go, so no lock file stays beside the user's files.
pub struct Lock {
    file: Option<File>,
    sidecar: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unix: still holding the lock here, so whoever waits on this
        // sidecar sees it gone once it gets the lock, and takes a new one.
        #[cfg(unix)]
        {
            let _ = std::fs::remove_file(&self.sidecar);
            drop(self.file.take());
        }
        // Windows keeps a file that anyone has open: let go of it first,
        // then remove it only if nobody else has it open (an exclusive open
        // that deletes on close). A writer waiting on it keeps it, and
        // removes it in turn when it is done.
        #[cfg(windows)]
        {
            drop(self.file.take());
            remove_if_unused(&self.sidecar);
        }
        #[cfg(not(any(unix, windows)))]
        drop(self.file.take());
    }
}

/// Windows: delete `sidecar` if no process has it open.
#[cfg(windows)]
fn remove_if_unused(sidecar: &Path) {
    use std::os::windows::fs::OpenOptionsExt;
    const DELETE: u32 = 0x0001_0000;
    const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
    let _ = OpenOptions::new()
        .access_mode(DELETE)
        .share_mode(0)
        .custom_flags(FILE_FLAG_DELETE_ON_CLOSE)
        .open(sidecar);
}

/// Open (or create) the sidecar. On Windows it is created hidden, and a
/// moment when another writer holds it open alone to delete it (a sharing
/// violation) is waited out.
fn open_sidecar(sidecar: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_ATTRIBUTE_HIDDEN: u32 = 0x2;
        const ERROR_SHARING_VIOLATION: i32 = 32;
        options.attributes(FILE_ATTRIBUTE_HIDDEN);
        for _ in 0..500 {
            match options.open(sidecar) {
                Err(e) if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION) => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }
    options.open(sidecar)
}

/// Take the lock for writing `path` (its link target), waiting for another
/// writer to finish. The sidecar is a hidden empty file; a link or folder
/// planted in its place is never followed.
pub fn lock(path: &Path) -> std::io::Result<Lock> {
    acquire(path, true)?.ok_or_else(|| std::io::Error::other("the lock was not taken"))
}

/// The lock for writing `path` if no other writer holds it.
pub fn try_lock(path: &Path) -> std::io::Result<Option<Lock>> {
    acquire(path, false)
}

fn acquire(path: &Path, wait: bool) -> std::io::Result<Option<Lock>> {
    let sidecar = lock_path(&target(path));
    loop {
        if std::fs::symlink_metadata(&sidecar).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&sidecar)?;
        }
        let file = open_sidecar(&sidecar)?;
        if !file.metadata()?.is_file() {
            return Err(std::io::Error::other(format!(
                "{} is not a lock file",
                sidecar.display()
            )));
        }
        if wait {
            file.lock()?;
        } else {
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(e)) => return Err(e),
            }
        }
        // The writer before us removes the sidecar as it lets go: if the
        // name no longer leads to the file locked here, lock the new one.
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ours = file.metadata()?;
            match std::fs::metadata(&sidecar) {
                Ok(now) if (now.dev(), now.ino()) == (ours.dev(), ours.ino()) => {}
                _ => continue,
            }
        }
        // Windows: a sidecar deleted as we waited on it (the last writer
        // found it unused just before we opened it) is gone from the
        // folder; take a new one.
        #[cfg(windows)]
        if std::fs::symlink_metadata(&sidecar).is_err() {
            continue;
        }
        return Ok(Some(Lock {
            file: Some(file),
            sidecar,
        }));
    }
}

/// Remove what killed saves of `path` left behind, when no save of it is
/// under way (its lock is free); nothing is locked or created when there is
/// nothing to remove. For opening a file.
pub fn clean_stale_if_idle(path: &Path) {
    let path = target(path);
    // A lock sidecar alone is a leftover too (a writer killed while it held
    // it): taking the free lock and letting it go removes it.
    let sidecar = std::fs::symlink_metadata(lock_path(&path)).is_ok_and(|m| m.is_file());
    if stale(&path).is_empty() && !sidecar {
        return;
    }
    if let Ok(Some(_lock)) = try_lock(&path) {
        clean_stale(&path);
    }
}

/// Remove what killed saves of `path` left behind: its temporaries (any
/// age: the caller holds the lock, so no save of it is under way), the
/// staging name of old backups, and very old temporaries of older versions.
/// Only regular files whose names Detente makes are touched.
fn clean_stale(path: &Path) {
    for f in stale(path) {
        let _ = std::fs::remove_file(f);
    }
}

/// The leftovers [`clean_stale`] removes.
fn stale(path: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let dir = dir_of(path);
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(meta) = e.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let ours = name.starts_with(&prefix) && name.ends_with(".tmp");
        let old_style = name.starts_with(".detente-save-")
            && name.ends_with(".tmp")
            && meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= STALE_AFTER);
        let staged_backup = e.path() == backup_path(&backup_path(path));
        if ours || old_style || staged_backup {
            out.push(e.path());
        }
    }
    out
}

/// Why an atomic write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(
        "it changed on disk since it was opened here (another program or person saved it); it was not overwritten"
    )]
    Changed,
}

/// Write `bytes` to `path` atomically, keeping the old file as `NAME.bak`.
/// With `expect`, refuse if the file on disk is no longer the one stamped
/// (a file that is gone is written). Returns the stamp of the new file.
/// Takes the lock unless the caller holds it (`locked`).
pub fn write(
    bytes: &[u8],
    path: &Path,
    expect: Option<Stamp>,
    locked: bool,
) -> Result<Stamp, WriteError> {
    write_with(bytes, path, expect, locked, true)
}

/// [`write`], keeping the old file as `NAME.bak` only when `keep_backup`
/// (git's merge driver writes into a temporary file of git's, where a
/// backup would be left behind in the repository).
pub fn write_with(
    bytes: &[u8],
    path: &Path,
    expect: Option<Stamp>,
    locked: bool,
    keep_backup: bool,
) -> Result<Stamp, WriteError> {
    let path = writable_target(path)?;
    let _lock = if locked { None } else { Some(lock(&path)?) };
    let old = std::fs::metadata(&path).ok();
    if let (Some(want), Some(now)) = (expect, &old)
        && Stamp::of(now) != want
    {
        return Err(WriteError::Changed);
    }
    clean_stale(&path);
    let dir = dir_of(&path);
    let mut tmp = temp_file(&dir, &temp_prefix(&path))?;
    tmp.write_all(bytes)?;
    if let Some(old) = &old {
        keep_owner_and_mode(tmp.as_file(), old);
    }
    tmp.as_file().sync_all()?;
    if old.is_some() && keep_backup {
        backup(&path)?;
    }
    let file = tmp.persist(&path).map_err(|e| e.error)?;
    let stamp = Stamp::of(&file.metadata()?);
    #[cfg(unix)]
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(stamp)
}

/// A new temporary file in `dir`, created exclusively (never through a
/// link), readable as a new file would be (0666 less the umask).
fn temp_file(dir: &Path, prefix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

/// Give the new file the old one's permissions, and its owner and group
/// where the system lets this process (a shared folder stays shared).
fn keep_owner_and_mode(new: &File, old: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
    }
    // After the owner: changing it may clear set-id bits.
    let _ = new.set_permissions(old.permissions());
}

/// Keep the current file as `NAME.bak`: a hard link made under a fresh
/// temporary name then renamed over the backup (the rename replaces a link
/// planted there, never its target), or a copy into a fresh temporary where
/// links fail. A directory in the backup's place is left alone.
fn backup(path: &Path) -> std::io::Result<()> {
    let bak = backup_path(path);
    let bak_meta = std::fs::symlink_metadata(&bak);
    if bak_meta.as_ref().is_ok_and(|m| m.is_dir()) {
        return Ok(());
    }
    // A save killed between its backup link and its rename leaves the
    // backup as a second name of the file. A rename between two names of
    // one file does nothing and succeeds (POSIX), so the staged name would
    // stay behind: the backup already holds this content, keep it.
    #[cfg(unix)]
    if let (Ok(b), Ok(f)) = (&bak_meta, std::fs::symlink_metadata(path)) {
        use std::os::unix::fs::MetadataExt;
        if b.is_file() && (b.dev(), b.ino()) == (f.dev(), f.ino()) {
            return Ok(());
        }
    }
    let dir = dir_of(path);
    let prefix = temp_prefix(path);
    let staged = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .make_in(&dir, |p| std::fs::hard_link(path, p));
    let staged = match staged {
        Ok(s) => s.into_temp_path(),
        Err(_) => {
            let mut copy = temp_file(&dir, &prefix)?;
            std::io::copy(&mut File::open(path)?, copy.as_file_mut())?;
            if let Ok(m) = std::fs::metadata(path) {
                keep_owner_and_mode(copy.as_file(), &m);
            }
            copy.into_temp_path()
        }
    };
    staged.persist(&bak).map_err(|e| e.error)
}
