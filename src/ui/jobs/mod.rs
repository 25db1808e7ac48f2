//! Work off the UI thread, with no knowledge of the window: saving
//! ([`save`]), opening ([`open`]), importing ([`import`]) and file dialogs
//! ([`dialog`]). The window polls them each frame.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

pub mod dialog;
pub mod import;
pub mod open;
pub mod save;
