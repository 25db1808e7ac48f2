//! Reading and writing `.detente` files: deterministic pretty JSON, atomic
//! saves with a backup, and a loader that refuses damaged or newer files
//! with a message naming the file and the place.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::atomic::{self, WriteError};
pub use crate::core::atomic::{Lock, Stamp};
use crate::core::lineage;
use crate::core::model::{FORMAT, VERSION, Workspace};
use serde::Deserialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub use crate::core::limits::MAX_WORKSPACE_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: cannot write: {source}")]
    Write {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file}: is {size} bytes, over the limit of {MAX_WORKSPACE_BYTES} bytes for a workspace"
    )]
    TooLarge { file: String, size: u64 },
    #[error("{file}: not a Detente workspace ({why})")]
    NotWorkspace { file: String, why: String },
    #[error(
        "{file}: was written by a newer Detente (file format version {found}); this Detente reads up to version {supported}. Update Detente to open it."
    )]
    TooNew {
        file: String,
        found: u64,
        supported: u32,
    },
    #[error("{file}: damaged at {place}: {message}")]
    Damaged {
        file: String,
        place: String,
        message: String,
    },
    #[error(
        "{file}: changed on disk since it was opened here (another program or person saved it), so it was not overwritten; use Save As to keep this version"
    )]
    Changed { file: String },
    #[error("{file}: {count} problem(s), first: {first}")]
    Invalid {
        file: String,
        count: usize,
        first: String,
    },
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Parse and validate a workspace from bytes. `file` names the source in messages.
pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Workspace, StoreError> {
    checked(parse_unchecked(bytes, file)?, file)
}

/// The workspace if it has no problem, else the first problem and a count.
fn checked(ws: Workspace, file: &str) -> Result<Workspace, StoreError> {
    let problems = ws.problems();
    if let Some(first) = problems.first() {
        return Err(StoreError::Invalid {
            file: file.into(),
            count: problems.len(),
            first: first.to_string(),
        });
    }
    let mut ws = ws;
    ws.saved = lineage::baseline(&ws);
    Ok(ws)
}

/// Parse a workspace, checking its header, syntax and types but not the
/// references between its parts (see [`Workspace::problems`]).
pub fn parse_unchecked(bytes: &[u8], file: &str) -> Result<Workspace, StoreError> {
    // A text editor may have added a UTF-8 byte-order mark, which JSON does
    // not allow: read past it (the next save writes none).
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The common case first: a sound file parses in one pass. Only when
    // that fails is the file read again, slowly, to say what is wrong.
    if let Some(ws) = parse_parallel(bytes)
        && ws.format == FORMAT
        && ws.version >= 1
        && ws.version <= VERSION
    {
        return Ok(ws);
    }
    explain_parse(bytes, file)
}

/// The top level of a workspace file with its two long lists left as raw
/// JSON, so their items can be parsed on every core. Mirrors
/// [`Workspace`] field for field (a test keeps the two in step).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Split<'a> {
    format: String,
    version: u32,
    id: crate::core::model::Id,
    title: String,
    created: String,
    modified: String,
    #[serde(borrow)]
    articles: Vec<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    events: Vec<&'a serde_json::value::RawValue>,
    actors: Vec<crate::core::model::Actor>,
    vocabularies: crate::core::model::Vocabularies,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    orphans: Vec<crate::core::model::Orphan>,
    #[serde(default)]
    conflicts: Vec<crate::core::model::Conflict>,
}

/// Parse a sound file on every core; None on any error (the slow path
/// then explains it).
pub(crate) fn parse_parallel(bytes: &[u8]) -> Option<Workspace> {
    let split: Split = serde_json::from_slice(bytes).ok()?;
    fn items<T: serde::de::DeserializeOwned + Send + Sync>(
        raw: &[&serde_json::value::RawValue],
    ) -> Option<Vec<std::sync::Arc<T>>> {
        crate::core::parallel::parallel_map(raw, |r| {
            serde_json::from_str::<T>(r.get())
                .ok()
                .map(std::sync::Arc::new)
        })
        .into_iter()
        .collect()
    }
    let articles = items(&split.articles)?;
    let events = items(&split.events)?;
    let mut ws = Workspace::new("");
    ws.format = split.format;
    ws.version = split.version;
    ws.id = split.id;
    ws.title = split.title;
    ws.created = split.created;
    ws.modified = split.modified;
    ws.articles = articles;
    ws.events = events;
    ws.actors = split.actors;
    ws.vocabularies = split.vocabularies;
    ws.tags = split.tags;
    ws.notes = split.notes;
    ws.orphans = split.orphans;
    ws.conflicts = split.conflicts;
    Some(ws)
}

/// Parse with the header checks first and the path of any error, for
/// messages that name the place ("events[3].date").
pub(crate) fn explain_parse(bytes: &[u8], file: &str) -> Result<Workspace, StoreError> {
    let damaged = |e: serde_json::Error, place: String| StoreError::Damaged {
        file: file.into(),
        place,
        message: strip_position(&e.to_string()),
    };
    let header: Header = serde_json::from_slice(bytes).map_err(|e| {
        let place = format!("line {}, column {}", e.line(), e.column());
        if e.is_eof() {
            StoreError::Damaged {
                file: file.into(),
                place,
                message: "the file ends too early (truncated?)".into(),
            }
        } else if e.is_syntax() || e.to_string().starts_with("duplicate field") {
            // A key given twice is damage at its place, not "no object".
            damaged(e, place)
        } else {
            StoreError::NotWorkspace {
                file: file.into(),
                why: "the top level is not a JSON object".into(),
            }
        }
    })?;
    match header.format.as_ref().and_then(|v| v.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(StoreError::NotWorkspace {
                file: file.into(),
                why: format!("its format is \"{}\"", crate::text::normalise::short(other)),
            });
        }
        None => {
            return Err(StoreError::NotWorkspace {
                file: file.into(),
                why: "it has no \"format\": \"detente-workspace\" header".into(),
            });
        }
    }
    let version = header
        .version
        .as_ref()
        .and_then(|v| v.as_u64())
        .ok_or_else(|| StoreError::Damaged {
            file: file.into(),
            place: "version".into(),
            message: "missing or not a whole number".into(),
        })?;
    if version > u64::from(VERSION) {
        return Err(StoreError::TooNew {
            file: file.into(),
            found: version,
            supported: VERSION,
        });
    }
    if version == 0 {
        return Err(StoreError::Damaged {
            file: file.into(),
            place: "version".into(),
            message: "version 0 does not exist".into(),
        });
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let ws: Workspace = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let place = format!("{path} (line {}, column {})", inner.line(), inner.column());
        damaged(inner, place)
    })?;
    Ok(ws)
}

/// serde_json appends " at line X column Y"; we report the place ourselves.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Load a workspace file. Nothing on disk is changed, whatever happens
/// (but leftovers of killed saves, see [`crate::core::atomic`]).
pub fn load(path: &Path) -> Result<Workspace, StoreError> {
    load_stamped(path).map(|(ws, _)| ws)
}

/// Load a workspace file and the stamp of the very file read, to save it
/// later only if nobody changed it meanwhile ([`save_unless_changed`]).
pub fn load_stamped(path: &Path) -> Result<(Workspace, Stamp), StoreError> {
    let file = name(path);
    let (bytes, meta) = read_bounded(path)?;
    let ws = parse_unchecked(&bytes, &file)?;
    // The file's bytes are not needed for the checks: free them first.
    drop(bytes);
    Ok((checked(ws, &file)?, Stamp::of(&meta)))
}

/// The bytes of a workspace file, read as every reader of one must: only a
/// regular file (a FIFO would block and a device never end), at most
/// [`MAX_WORKSPACE_BYTES`] whatever its size says, and the leftovers of
/// killed saves beside it cleaned when no writer is at work. `load` and
/// `validate` both read through here.
pub fn read_bounded(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), StoreError> {
    let file = name(path);
    let read_err = |source| StoreError::Read {
        file: file.clone(),
        source,
    };
    // Look before opening.
    if !std::fs::metadata(path).map_err(read_err)?.is_file() {
        return Err(StoreError::NotWorkspace {
            file,
            why: "it is not a regular file".into(),
        });
    }
    let mut f = std::fs::File::open(path).map_err(read_err)?;
    let meta = f.metadata().map_err(read_err)?;
    if meta.len() > MAX_WORKSPACE_BYTES {
        return Err(StoreError::TooLarge {
            file,
            size: meta.len(),
        });
    }
    // Read at most one byte past the limit, whatever the size said.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&mut f)
        .take(MAX_WORKSPACE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_WORKSPACE_BYTES {
        return Err(StoreError::TooLarge {
            file,
            size: bytes.len() as u64,
        });
    }
    atomic::clean_stale_if_idle(path);
    Ok((bytes, meta))
}

/// The bytes a workspace is saved as: pretty JSON, objects sorted by id,
/// a trailing newline. The same workspace always gives the same bytes.
pub fn to_bytes(ws: &Workspace) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(ws).expect("a workspace always serialises");
    out.push(b'\n');
    out
}

/// The backup kept beside a workspace: `NAME.detente.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    atomic::backup_path(path)
}

/// Save atomically (see [`crate::core::atomic`]): a crash at any point
/// leaves either the old or the new file in place, and the previous version
/// is kept as `NAME.bak`.
pub fn save(ws: &Workspace, path: &Path) -> Result<(), StoreError> {
    save_bytes(&to_bytes(ws), path)
}

/// Write any file (a workspace, an export) atomically, taking turns with
/// other writers of it.
pub fn save_bytes(bytes: &[u8], path: &Path) -> Result<(), StoreError> {
    write(bytes, path, None, false).map(|_| ())
}

/// Save a workspace unless the file changed on disk since `expect` was
/// taken (when it was opened or last saved here); returns the new stamp.
pub fn save_unless_changed(
    ws: &Workspace,
    path: &Path,
    expect: Option<Stamp>,
) -> Result<Stamp, StoreError> {
    write(&to_bytes(ws), path, expect, false)
}

/// Save while holding the lock taken with [`lock`] (a load, an edit and a
/// save by one command, so no other writer comes in between). What changed
/// since the load is first noted in the objects' `past`
/// ([`lineage::record`]).
pub fn save_locked(ws: &mut Workspace, path: &Path, _lock: &Lock) -> Result<(), StoreError> {
    lineage::record(ws);
    write(&to_bytes(ws), path, None, true).map(|_| ())
}

/// [`save_locked`] without keeping the previous file as `NAME.bak`.
pub fn save_locked_without_backup(
    ws: &mut Workspace,
    path: &Path,
    _lock: &Lock,
) -> Result<(), StoreError> {
    lineage::record(ws);
    let file = name(path);
    atomic::write_with(&to_bytes(ws), path, None, true, false)
        .map(|_| ())
        .map_err(|e| match e {
            WriteError::Io(source) => StoreError::Write { file, source },
            WriteError::Changed => StoreError::Changed { file },
        })
}

/// Take the lock writers of `path` share; hold it across load, edit and
/// save so that no edit of another writer is lost.
pub fn lock(path: &Path) -> Result<Lock, StoreError> {
    atomic::lock(path).map_err(|source| StoreError::Write {
        file: name(path),
        source,
    })
}

fn write(
    bytes: &[u8],
    path: &Path,
    expect: Option<Stamp>,
    locked: bool,
) -> Result<Stamp, StoreError> {
    let file = name(path);
    atomic::write(bytes, path, expect, locked).map_err(|e| match e {
        WriteError::Io(source) => StoreError::Write { file, source },
        WriteError::Changed => StoreError::Changed { file },
    })
}

/// Create a new workspace file; refuses to overwrite an existing one.
pub fn create(ws: &Workspace, path: &Path) -> Result<(), StoreError> {
    let file = name(path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| StoreError::Write {
            file: file.clone(),
            source,
        })?;
    f.write_all(&to_bytes(ws))
        .and_then(|_| f.sync_all())
        .map_err(|source| StoreError::Write { file, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_and_format_checks() {
        let ws = Workspace::new("t");
        let mut v: serde_json::Value = serde_json::from_slice(&to_bytes(&ws)).unwrap();
        v["version"] = 7.into();
        let err = from_bytes(v.to_string().as_bytes(), "x.detente").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("version 7") && msg.contains("up to version 1"),
            "{msg}"
        );
        v["format"] = "other".into();
        assert!(matches!(
            from_bytes(v.to_string().as_bytes(), "x"),
            Err(StoreError::NotWorkspace { .. })
        ));
        assert!(matches!(
            from_bytes(b"[1,2]", "x"),
            Err(StoreError::NotWorkspace { .. })
        ));
    }
}
