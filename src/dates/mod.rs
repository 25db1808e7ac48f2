//! Dates: EDTF values and their human rendering ([`edtf`]); the finder of
//! date expressions in news text ([`find`]), which resolves each one
//! ([`resolve`]) against the publication date, with the tense of its
//! sentence ([`tense`]) choosing between last and next; and dates as
//! people type them ([`typed`]).
//!
//! It may use `text`, nothing above it: the core and the readers use it.
//!
//! Imports only `text` (layer `dates`).

pub mod anchors;
pub mod edtf;
pub mod find;
pub mod holidays;
pub mod periods;
pub mod resolve;
pub mod tense;
pub mod typed;
pub mod words;
