//! Opening a REFI-QDA project from disk: a `.qdpx` zip, or a bare `.qde`
//! beside its `Sources/` folder. A zip is opened defensively: entries are
//! looked up by the names the project gives (a path never leaves the zip),
//! and each entry and the whole are bounded in expanded size and ratio as
//! they are read; a folder gives only regular files under it.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::import::{Docx, Files, Summary, import};
use crate::core::limits::MAX_FILE_BYTES;
use crate::core::model::Workspace;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The whole expanded size a `.qdpx` may have, and the ratio an entry may
/// expand by (a text compresses some 3-10x; a bomb, thousands).
pub const MAX_QDPX_EXPANDED: u64 = 2 * 1024 * 1024 * 1024;
pub const MAX_QDPX_RATIO: u64 = 200;
/// The project document itself.
pub const MAX_PROJECT_XML: u64 = 256 * 1024 * 1024;

/// The entries of a `.qdpx` zip, each read within the limits.
pub struct Zip {
    zip: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
    expanded: u64,
    /// Entry indexes by name and by lowercased name, built once: writers
    /// differ in case ("sources/" from qualitative-coding), and the zip
    /// crate's own look-up scans every entry when a name is missing, which
    /// made a project naming thousands of missing files quadratic.
    exact: std::collections::HashMap<String, usize>,
    lower: std::collections::HashMap<String, usize>,
}

impl Zip {
    pub fn new(bytes: Vec<u8>) -> Result<Zip, String> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| format!("not a REFI-QDA project (.qdpx is a zip): {e}"))?;
        let (mut exact, mut lower) = (
            std::collections::HashMap::new(),
            std::collections::HashMap::new(),
        );
        for i in 0..zip.len() {
            if let Some(Ok(n)) = zip.name_for_index(i) {
                lower.entry(n.to_lowercase()).or_insert(i);
                exact.entry(n.into_owned()).or_insert(i);
            }
        }
        Ok(Zip {
            zip,
            expanded: 0,
            exact,
            lower,
        })
    }

    fn read(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, String> {
        let index = self
            .exact
            .get(name)
            .or_else(|| self.lower.get(&name.to_lowercase()))
            .copied();
        let Some(index) = index else {
            return Ok(None);
        };
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| format!("{name} in the zip: {e}"))?;
        let declared = file.size();
        let packed = file.compressed_size().max(1);
        if declared > limit {
            return Err(format!(
                "{name} in the zip expands to {declared} bytes, over the limit of {limit}"
            ));
        }
        if declared > 1024 * 1024 && declared / packed > MAX_QDPX_RATIO {
            return Err(format!(
                "{name} in the zip expands {}x (a zip bomb?); refused",
                declared / packed
            ));
        }
        // The declared size can lie: read one byte past the limit at most.
        let mut out = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("{name} in the zip: {e}"))?;
        if out.len() as u64 > limit || out.len() as u64 > declared.max(1) * 2 + 1024 {
            return Err(format!(
                "{name} in the zip expands beyond what it declares; refused"
            ));
        }
        self.expanded += out.len() as u64;
        if self.expanded > MAX_QDPX_EXPANDED {
            return Err(format!(
                "the project expands to over {MAX_QDPX_EXPANDED} bytes; refused"
            ));
        }
        Ok(Some(out))
    }

    /// The project document: `project.qde`, or the one `.qde` at the top.
    pub fn project(&mut self) -> Result<String, String> {
        let name = if self.exact.contains_key("project.qde") {
            "project.qde".to_string()
        } else {
            let top: Vec<String> = self
                .zip
                .file_names()
                .filter_map(|n| n.ok())
                .filter(|n| n.ends_with(".qde") && !n.contains('/'))
                .map(|n| n.into_owned())
                .collect();
            match top.as_slice() {
                [one] => one.clone(),
                [] => return Err("not a REFI-QDA project: the zip has no project.qde".into()),
                _ => {
                    return Err(
                        "the zip holds several .qde projects; unpack the one to import".into(),
                    );
                }
            }
        };
        let bytes = self.read(&name, MAX_PROJECT_XML)?.unwrap_or_default();
        xml_text(&bytes).map_err(|e| format!("{name}: {e}"))
    }
}

impl Files for Zip {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        self.read(path, MAX_FILE_BYTES * 4)
    }
}

/// The XML document as text (UTF-8, with or without a BOM; UTF-16 with a BOM).
pub fn xml_text(bytes: &[u8]) -> Result<String, String> {
    let (text, _, bad) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) => enc.decode(bytes),
        None => encoding_rs::UTF_8.decode(bytes),
    };
    if bad {
        return Err("not valid UTF-8 text".into());
    }
    Ok(text.into_owned())
}

/// The files of a bare `.qde`: regular files under its folder.
pub struct Folder(pub PathBuf);

impl Files for Folder {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let p = self.0.join(path);
        // A link (of the file or of a folder on its way, such as `Sources`)
        // leading out of the project's folder is not followed, as a folder
        // import does not follow links to folders.
        if let (Ok(real), Ok(root)) = (std::fs::canonicalize(&p), std::fs::canonicalize(&self.0))
            && !real.starts_with(&root)
        {
            return Err(format!(
                "{} leads outside the project's folder (to {}); not read",
                path,
                real.display()
            ));
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_file() && m.len() <= MAX_FILE_BYTES * 4 => std::fs::read(&p)
                .map(Some)
                .map_err(|e| format!("{}: {e}", p.display())),
            Ok(m) if m.is_file() => Err(format!(
                "{}: over {} bytes",
                p.display(),
                MAX_FILE_BYTES * 4
            )),
            _ => Ok(None),
        }
    }
}

/// Import the project at `path` (`.qdpx` or `.qde`) into `ws`.
pub fn import_file(ws: &mut Workspace, path: &Path, docx: Docx) -> Result<Summary, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a file".into());
    }
    let is_qde = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("qde"));
    if is_qde {
        if meta.len() > MAX_PROJECT_XML {
            return Err(format!("over {MAX_PROJECT_XML} bytes"));
        }
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let xml = xml_text(&bytes)?;
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        import(ws, &xml, &mut Folder(dir), docx)
    } else {
        if meta.len() > MAX_QDPX_EXPANDED {
            return Err(format!("over {MAX_QDPX_EXPANDED} bytes"));
        }
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let mut zip = Zip::new(bytes)?;
        let xml = zip.project()?;
        import(ws, &xml, &mut zip, docx)
    }
}

/// Import the project at `path` into a copy of `ws` and return the copy:
/// the one way every face imports a project. A panic while reading it is
/// this project's refusal, and so is a result the loader would refuse
/// (what an importer creates passes the loader's own checks, or nothing is
/// imported): the workspace given is never left half-changed.
pub fn import_project(
    ws: &Workspace,
    path: &Path,
    docx: Docx,
) -> Result<(Workspace, Summary), String> {
    let mut trial = ws.clone();
    let summary = crate::core::isolate::isolate(|| import_file(&mut trial, path, docx))
        .map_err(|p| format!("the REFI-QDA reader failed on this project ({p})"))??;
    let problems = trial.problems();
    if let Some(first) = problems.first() {
        return Err(format!(
            "the project would leave the workspace unsound ({first}{}); nothing was imported",
            match problems.len() {
                1 => String::new(),
                n => format!(", and {} more", n - 1),
            }
        ));
    }
    Ok((trial, summary))
}

/// Whether `path` names a REFI-QDA project by its extension.
pub fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx") || e.eq_ignore_ascii_case("qde"))
}
