//! The timeline as a figure for papers and slides: [`svg`] draws it from
//! the same layout as the window ([`crate::core::timeline::layout`]:
//! lanes, precision spans, statuses), with a legend and the contacts-per-
//! month strip, at a chosen size and range; [`png`] rasterises that SVG
//! with resvg, using the bundled font so Chinese and Russian names render.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

pub mod png;
pub mod svg;

use crate::core::timeline::LaneBy;
use crate::exchange::range::DayRange;

/// The fonts the figure names and the PNG embeds: the window's own face
/// (Ubuntu: Latin, Cyrillic, Greek), then the bundled CJK fallback.
pub const FONTS: [&[u8]; 2] = [
    epaint_default_fonts::UBUNTU_LIGHT,
    include_bytes!("../../../assets/fonts/DroidSansFallbackFull.ttf"),
];
pub const FONT_FAMILY: &str = "Ubuntu";
pub const FALLBACK_FAMILY: &str = "Droid Sans Fallback";

/// What a figure shows and how big it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureOptions {
    /// Width in pixels (CSS px for the SVG; PNG pixels at scale 1).
    pub width: u32,
    /// Height in pixels; 0 lets the lanes decide.
    pub height: u32,
    pub range: DayRange,
    pub lanes: LaneBy,
    pub dark: bool,
    /// PNG pixels per SVG pixel (2 for print and high-density screens).
    pub scale: f32,
}

impl Default for FigureOptions {
    fn default() -> Self {
        FigureOptions {
            width: 1200,
            height: 0,
            range: DayRange::default(),
            lanes: LaneBy::Dyad,
            dark: false,
            scale: 2.0,
        }
    }
}
