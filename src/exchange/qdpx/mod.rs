//! REFI-QDA (QDA-XML 1.0): the project exchange standard ATLAS.ti, MAXQDA,
//! NVivo, QualCoder and others read and write. [`write`] makes a `.qdpx`
//! (a zip of `project.qde` and `Sources/GUID.txt`) from a workspace;
//! [`parse`] reads a `project.qde` into plain structs, refusing DTDs (no
//! entity expansion); [`import`] opens a `.qdpx` or `.qde` safely (no path
//! leaves the zip, expansion is bounded) and turns its text sources and
//! codings into articles and events, choosing how the writer counted
//! offsets.
//!
//! A GUID is derived from the Detente id it stands for, so exporting the
//! same workspace twice gives the same GUIDs and a colleague's tool sees
//! the same codes and sources again.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

mod coded;
pub mod import;
pub mod memos;
pub mod offsets;
pub mod open;
pub mod parse;
pub mod write;
pub mod xml;

use sha2::{Digest, Sha256};

/// The namespace of QDA-XML 1.0 project files.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// What Detente writes as the project's `origin`; a file with it is read
/// back as Detente's own (event notes and actor codes become events again).
pub const ORIGIN: &str = "Detente";

/// The description of a Note that is a Detente memo (not an event's or an
/// article's note), so an import makes it a memo again.
pub const MEMO_NOTE: &str = "Detente memo";

/// The name of the code that holds the actors as child codes.
pub const ACTORS_CODE: &str = "Actors";

/// A GUID (8-4-4-4-12 hex, RFC 9562 version 8) derived from `seed`.
pub fn guid(seed: &str) -> String {
    let d = Sha256::digest(seed.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_well_formed_and_distinct() {
        let a = guid("art_01");
        assert_eq!(a, guid("art_01"));
        assert_ne!(a, guid("art_02"));
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        assert_eq!(&parts[2][..1], "8");
    }
}
