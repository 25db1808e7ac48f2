//! `export`: the workspace in any format of [`crate::exchange::formats`]
//! (tables, REFI-QDA, W3C annotations, event-data rows, TimelineJS), for
//! a range of days, to a file or standard output.
//!
//! Imports every layer but `ui`, and never egui (layer `cli`).

use crate::cli::common::{EXIT_CODES, Res, in_file};
use crate::core::store;
use crate::core::timeline::LaneBy;
use crate::dates::edtf::DateValue;
use crate::exchange::formats::{self, Format, Options};
use crate::exchange::range::DayRange;
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Export the workspace: tables (csv, json), a REFI-QDA project (qdpx), W3C annotations
    /// (w3c), event-data rows (gdelt, icews, plover), a web timeline (timelinejs), the
    /// timeline as a figure (svg, png), the articles as references (csljson, bibtex) or the
    /// chronology report (report-md, report-html, report-docx, report-odt).
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 7)]
    Export {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// One row per event x passage instead of one per event (csv, json).
        #[arg(long)]
        per_passage: bool,
        /// Only events that may fall on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_from)]
        from: Option<chrono::NaiveDate>,
        /// Only events that may fall on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_to)]
        to: Option<chrono::NaiveDate>,
        /// How TimelineJS and figures group events, as the window's timeline lanes.
        #[arg(long, value_enum, default_value = "dyad")]
        lanes: Lanes,
        /// Figures (svg, png): width in pixels.
        #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(320..=10000))]
        width: u32,
        /// Figures: height in pixels (default: as tall as the lanes need).
        #[arg(long, value_parser = clap::value_parser!(u32).range(200..=10000))]
        height: Option<u32>,
        /// PNG: pixels per figure pixel, 0.25 to 8 (2 suits print and high-density screens).
        #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
        scale: f32,
        /// Figures: the dark theme (for slides on dark backgrounds).
        #[arg(long)]
        dark: bool,
        /// Output file (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Export even while merge conflicts are open (each row then holds
        /// "mine", the value the workspace keeps until settled).
        #[arg(long)]
        with_conflicts: bool,
    },
    /// A chronology to hand in: the events in date order with their date, headline, type,
    /// actors, place and status, each passage's quote as a footnote with its citation, and the
    /// sources, after the memos chosen for the report; Markdown with footnotes, one
    /// self-contained printable HTML page with the timeline figure, or a Word (with the figure)
    /// or OpenDocument text with real footnotes.
    #[command(after_help = EXIT_CODES)]
    #[command(display_order = 8)]
    Report {
        /// The workspace file (.detente).
        workspace: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Only events that may fall on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_from)]
        from: Option<chrono::NaiveDate>,
        /// Only events that may fall on or before this day.
        #[arg(long, value_parser = parse_to)]
        to: Option<chrono::NaiveDate>,
        /// Only events of these CAMEO types (a code or its start: 04 is every consultation).
        #[arg(long = "type")]
        types: Vec<String>,
        /// Only events with these actors (name, alias or id).
        #[arg(long = "actor")]
        actors: Vec<String>,
        /// How sources are cited.
        #[arg(long, value_enum, default_value = "chicago")]
        style: CiteStyle,
        /// Output file (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

pub fn run(cmd: ExportCommand, out: &mut dyn Write) -> Res {
    match cmd {
        ExportCommand::Export {
            workspace,
            format,
            per_passage,
            from,
            to,
            lanes,
            width,
            height,
            scale,
            dark,
            output,
            with_conflicts,
        } => {
            let ws = store::load(&workspace)?;
            if !ws.conflicts.is_empty() && !with_conflicts {
                return Err(in_file(
                    &workspace,
                    format!(
                        "{} merge conflict(s) are open, so an export would quietly take one side; \
                         settle them in the window (Conflicts tab), or pass --with-conflicts",
                        ws.conflicts.len()
                    ),
                ));
            }
            let opts = Options {
                per_passage,
                range: DayRange { from, to },
                lanes: lanes.into(),
                width,
                height: height.unwrap_or(0),
                scale,
                dark,
            };
            let bytes =
                formats::export(&ws, format.into(), &opts).map_err(|e| in_file(&workspace, e))?;
            match output {
                Some(path) => store::save_bytes(&bytes, &path)?,
                None => out.write_all(&bytes)?,
            }
            Ok(0)
        }
        ExportCommand::Report {
            workspace,
            format,
            from,
            to,
            types,
            actors,
            style,
            output,
        } => {
            use crate::exchange::report;
            let ws = store::load(&workspace)?;
            if !ws.conflicts.is_empty() {
                return Err(in_file(
                    &workspace,
                    format!(
                        "{} merge conflict(s) are open: settle them in the window (Conflicts tab) \
                         before a report cites either side",
                        ws.conflicts.len()
                    ),
                ));
            }
            let filters = report::Filters {
                range: DayRange { from, to },
                types,
                actors,
            };
            let style = match style {
                CiteStyle::Chicago => report::Style::Chicago,
                CiteStyle::Short => report::Style::Short,
            };
            let kind = match format {
                ReportFormat::Md => report::Kind::Markdown,
                ReportFormat::Html => report::Kind::Html,
                ReportFormat::Docx => report::Kind::Docx,
                ReportFormat::Odt => report::Kind::Odt,
            };
            let bytes =
                report::write(&ws, &filters, style, kind).map_err(|e| in_file(&workspace, e))?;
            match output {
                Some(path) => store::save_bytes(&bytes, &path)?,
                None => out.write_all(&bytes)?,
            }
            Ok(0)
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown with footnotes (pandoc, editors).
    Md,
    /// One self-contained, printable page with the timeline figure.
    Html,
    /// Word, with real footnotes and the figure.
    Docx,
    /// OpenDocument text (LibreOffice), with real footnotes.
    Odt,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiteStyle {
    /// Chicago notes-bibliography (newspapers).
    Chicago,
    /// Outlet, title and date.
    Short,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Qdpx,
    W3c,
    Gdelt,
    Icews,
    Plover,
    Timelinejs,
    Svg,
    Png,
    Csljson,
    Bibtex,
    ReportMd,
    ReportHtml,
    ReportDocx,
    ReportOdt,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
            ExportFormat::Qdpx => Format::Qdpx,
            ExportFormat::W3c => Format::W3c,
            ExportFormat::Gdelt => Format::Gdelt,
            ExportFormat::Icews => Format::Icews,
            ExportFormat::Plover => Format::Plover,
            ExportFormat::Timelinejs => Format::TimelineJs,
            ExportFormat::Svg => Format::Svg,
            ExportFormat::Png => Format::Png,
            ExportFormat::Csljson => Format::CslJson,
            ExportFormat::Bibtex => Format::Bibtex,
            ExportFormat::ReportMd => Format::ReportMarkdown,
            ExportFormat::ReportHtml => Format::ReportHtml,
            ExportFormat::ReportDocx => Format::ReportDocx,
            ExportFormat::ReportOdt => Format::ReportOdt,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lanes {
    Dyad,
    Type,
    Actor,
    Article,
}

impl From<Lanes> for LaneBy {
    fn from(l: Lanes) -> LaneBy {
        match l {
            Lanes::Dyad => LaneBy::Dyad,
            Lanes::Type => LaneBy::Kind,
            Lanes::Actor => LaneBy::Actor,
            Lanes::Article => LaneBy::Article,
        }
    }
}

/// The first day a date given as EDTF (a year, a month, a day) can be.
fn parse_from(s: &str) -> Result<chrono::NaiveDate, String> {
    let d = DateValue::parse(s).map_err(|e| e.to_string())?;
    d.earliest()
        .ok_or_else(|| format!("{s:?} has no first day"))
}

/// The last day a date given as EDTF can be.
fn parse_to(s: &str) -> Result<chrono::NaiveDate, String> {
    let d = DateValue::parse(s).map_err(|e| e.to_string())?;
    d.latest().ok_or_else(|| format!("{s:?} has no last day"))
}

/// A PNG scale: a finite number from 0.25 to 8, else a usage error naming
/// the range (NaN once gave a 1x1 image and exit 0).
fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number"))?;
    if v.is_finite() && (0.25..=8.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{s} is outside 0.25 to 8"))
    }
}
