//! Every user action once, with its label and keyboard shortcuts: the menu
//! bar, the shortcut handler, buttons and tests all read this table, so a
//! label or a key is changed in one place. [`crate::ui::actions`] runs them.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Every user action; menus, shortcuts, buttons and tests send these.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    /// The bundled sample workspace, unsaved, as on the first run.
    OpenSample,
    Save,
    SaveAs,
    Import,
    ImportPaths(Vec<PathBuf>),
    /// Ask for a web address to fetch and import.
    ImportUrl,
    /// Fetch these web addresses and import them (typed, or pasted on
    /// the window).
    ImportUrls(Vec<String>),
    /// The Export dialog: every format, a range of days.
    Export,
    /// The Export dialog on the chronology report.
    ExportReport,
    /// Replace the open article's text with a newer version of it.
    Reimport,
    /// Merge another copy of the workspace into this one.
    MergeWith,
    /// Compare this workspace with another annotator's copy.
    CompareWith,
    /// The workspace's title and description.
    WorkspaceProperties,
    /// Set the name stamped on what this person creates and changes.
    YourName,
    Undo,
    Redo,
    Find,
    /// One search over texts, quotes, headlines, notes, memos and actors.
    SearchEverything,
    TagSelection,
    /// Help: the user guide, built in.
    Guide,
    /// Help: the guide's page of keyboard shortcuts.
    Shortcuts,
    /// Help: the version, and where settings and recovery files are.
    About,
    Quit,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const fn key(modifiers: Modifiers, k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, k)
}
const NEW: &[KeyboardShortcut] = &[key(CMD, Key::N)];
const OPEN: &[KeyboardShortcut] = &[key(CMD, Key::O)];
const SAVE: &[KeyboardShortcut] = &[key(CMD, Key::S)];
const SAVE_AS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::S)];
const IMPORT: &[KeyboardShortcut] = &[key(CMD, Key::I)];
const UNDO: &[KeyboardShortcut] = &[key(CMD, Key::Z)];
const REDO: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)];
const FIND: &[KeyboardShortcut] = &[key(CMD, Key::F)];
const GUIDE: &[KeyboardShortcut] = &[key(Modifiers::NONE, Key::F1)];
const SEARCH: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::F)];
const TAG: &[KeyboardShortcut] = &[key(CMD, Key::E)];
const QUIT: &[KeyboardShortcut] = &[key(CMD, Key::Q)];

impl Command {
    /// The commands a key can run.
    pub const KEYED: [Command; 12] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Import,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::SearchEverything,
        Command::TagSelection,
        Command::Guide,
        Command::Quit,
    ];

    /// The label in menus and buttons ("…" when it asks for more).
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open | Command::OpenPath(_) => "Open…",
            Command::OpenSample => "Open the sample workspace",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Import | Command::ImportPaths(_) => "Import…",
            Command::ImportUrl | Command::ImportUrls(_) => "Import from URL…",
            Command::Export => "Export…",
            Command::ExportReport => "Export report…",
            Command::Reimport => "New version…",
            Command::MergeWith => "Merge with…",
            Command::CompareWith => "Compare with another annotator…",
            Command::WorkspaceProperties => "Workspace properties…",
            Command::YourName => "Your name…",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find in library",
            Command::SearchEverything => "Search everything…",
            Command::TagSelection => "Tag selection",
            Command::Guide => "User guide",
            Command::Shortcuts => "Keyboard shortcuts",
            Command::About => "About Detente",
            Command::Quit => "Quit",
        }
    }

    /// Its keyboard shortcuts; the first is the one menus show.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Command::New => NEW,
            Command::Open => OPEN,
            Command::Save => SAVE,
            Command::SaveAs => SAVE_AS,
            Command::Import => IMPORT,
            Command::Undo => UNDO,
            Command::Redo => REDO,
            Command::Find => FIND,
            Command::SearchEverything => SEARCH,
            Command::TagSelection => TAG,
            Command::Guide => GUIDE,
            Command::Quit => QUIT,
            _ => &[],
        }
    }

    /// The shortcut text menus show ("Ctrl+S", "⌘S"), if it has one.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|k| ctx.format_shortcut(k))
    }

    /// Every (shortcut, command) pair in the order keys are tried: those
    /// with more modifiers first, so Ctrl+Shift+S is never taken as Ctrl+S.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut table: Vec<(KeyboardShortcut, Command)> = Command::KEYED
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |k| (*k, c.clone())))
            .collect();
        let weight = |m: Modifiers| {
            usize::from(m.command || m.ctrl || m.mac_cmd)
                + usize::from(m.shift)
                + usize::from(m.alt)
        };
        table.sort_by_key(|(k, _)| std::cmp::Reverse(weight(k.modifiers)));
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_shortcuts_are_tried_before_the_same_key_without_shift() {
        let table = Command::shortcut_table();
        let at = |k: KeyboardShortcut| table.iter().position(|(x, _)| *x == k).unwrap();
        assert!(at(key(CMD_SHIFT, Key::S)) < at(key(CMD, Key::S)));
        assert!(at(key(CMD_SHIFT, Key::Z)) < at(key(CMD, Key::Z)));
        // Every keyed command has a label and a key, and no key runs two.
        for c in Command::KEYED {
            assert!(!c.label().is_empty() && !c.shortcuts().is_empty(), "{c:?}");
        }
        let mut keys: Vec<String> = table.iter().map(|(k, _)| format!("{k:?}")).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), table.len());
    }
}
