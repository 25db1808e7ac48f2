//! Ids and times: ULID-based ids that never collide across merged
//! workspaces, RFC 3339 timestamps, and the in-memory revision number
//! views cache on.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use std::sync::{Arc, Mutex};

pub type Id = String;

static ID_GEN: Mutex<Option<ulid::Generator>> = Mutex::new(None);

/// A new id: a prefix naming the kind of object and a ULID. ULIDs are
/// unique without coordination (so merged workspaces never collide) and
/// increase with time (so new objects sort last).
pub fn new_id(prefix: &str) -> Id {
    let mut guard = ID_GEN.lock().unwrap_or_else(|p| p.into_inner());
    let generator = guard.get_or_insert_with(ulid::Generator::new);
    let ulid = generator.generate().unwrap_or_else(|_| ulid::Ulid::new());
    format!("{prefix}_{}", ulid.to_string().to_ascii_lowercase())
}

static AUTHOR: Mutex<String> = Mutex::new(String::new());

/// Who is working, stamped on what they create and change ("Your name" in
/// the window; `--author` or `DETENTE_AUTHOR` on the command line); empty
/// when nobody said.
pub fn author() -> String {
    AUTHOR.lock().map(|a| a.clone()).unwrap_or_default()
}

/// Set who is working (trimmed, one line).
pub fn set_author(name: &str) {
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(mut a) = AUTHOR.lock() {
        *a = name.trim().chars().take(200).collect();
    }
}

/// The current time as an RFC 3339 UTC timestamp with second precision.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub trait HasId {
    fn id(&self) -> &str;
}

impl<T: HasId> HasId for Arc<T> {
    fn id(&self) -> &str {
        self.as_ref().id()
    }
}

static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number that changes whenever a workspace changes, unique across all
/// workspaces in the process, so views can cache what they derive from
/// one. Not saved, and ignored when comparing workspaces.
#[derive(Debug, Clone)]
pub struct Revision(u64);

impl Revision {
    pub fn next() -> Self {
        Revision(REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
    pub fn get(&self) -> u64 {
        self.0
    }
}

impl Default for Revision {
    fn default() -> Self {
        Revision::next()
    }
}

impl PartialEq for Revision {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
