//! What the Export dialog holds (format, rows per passage, a typed range of
//! days, lanes, figure size and theme) and the export options it makes;
//! kept in the window's state so the next export starts from the last.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::timeline::LaneBy;
use crate::dates::edtf::DateValue;
use crate::exchange::formats::{Format, Options};
use crate::exchange::range::DayRange;

/// What the Export dialog holds while it is open, and remembers after.
#[derive(Debug, Clone)]
pub struct ExportForm {
    pub open: bool,
    pub format: Format,
    pub per_passage: bool,
    /// A range of days as typed (EDTF: "2023", "2023-06", "2023-06-18").
    pub from: String,
    pub to: String,
    pub lanes: LaneBy,
    pub width: u32,
    /// 0: as tall as the lanes need.
    pub height: u32,
    pub dark: bool,
}

impl Default for ExportForm {
    fn default() -> Self {
        ExportForm {
            open: false,
            format: Format::Csv,
            per_passage: false,
            from: String::new(),
            to: String::new(),
            lanes: LaneBy::Dyad,
            width: 1200,
            height: 0,
            dark: false,
        }
    }
}

impl ExportForm {
    /// The options, or what is wrong with the typed range.
    pub fn options(&self) -> Result<Options, String> {
        let day = |s: &str, first: bool| -> Result<Option<chrono::NaiveDate>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            let field = if first { "From" } else { "To" };
            let d = DateValue::parse(s).map_err(|e| format!("{field}: {e}"))?;
            Ok(if first { d.earliest() } else { d.latest() })
        };
        Ok(Options {
            per_passage: self.per_passage && self.format.has_per_passage(),
            range: DayRange {
                from: day(&self.from, true)?,
                to: day(&self.to, false)?,
            },
            lanes: self.lanes,
            width: self.width,
            height: self.height,
            dark: self.dark,
            ..Options::default()
        })
    }
}
