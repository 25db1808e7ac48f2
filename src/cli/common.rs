//! What every subcommand shares: the exit codes in `--help`, the error
//! that names the file, and loading a workspace with one of its articles.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::core::model::Workspace;
use crate::core::ops;
use crate::core::store;
use std::path::Path;

pub const EXIT_CODES: &str = "Exit codes:
  0  success
  1  the command ran but failed or found problems (a refused file, an invalid workspace,
     an unreadable file); the message on stderr names the file
  2  usage error (unknown option, missing argument)";

/// An error for stderr, and the exit code it means.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type Res = Result<i32, Failure>;

pub fn in_file(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure(format!("{}: {e}", path.display()))
}

/// `s` fit for one line of output: control characters (a newline that
/// would forge a line, an ESC that would steer the terminal) are written
/// as escapes (`\n`, `\u{1b}`); everything else, CJK included, as it is.
pub fn shown(s: &str) -> String {
    crate::text::normalise::escape_controls(s)
}

/// A path fit for one line of output (see [`shown`]).
pub fn shown_path(p: &Path) -> String {
    shown(&p.display().to_string())
}

/// Take the workspace's writers' lock (see [`store::lock`]) for a command
/// that loads, edits and saves it; a missing workspace is reported as the
/// load would report it.
pub fn lock(workspace: &Path) -> Result<store::Lock, Failure> {
    if !workspace.exists() {
        store::load(workspace)?;
    }
    Ok(store::lock(workspace)?)
}

/// Load a workspace and find an article in it by id or title.
pub fn load_with_article(workspace: &Path, query: &str) -> Result<(Workspace, String), Failure> {
    let ws = store::load(workspace)?;
    let id = ops::find_article(&ws, query)
        .map_err(|e| in_file(workspace, e))?
        .id
        .clone();
    Ok((ws, id))
}
