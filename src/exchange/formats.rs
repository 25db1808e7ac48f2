//! One way out: every export format by name, with its options, its file
//! extension and what it is for. The command line (`detente export
//! --format`) and the window's Export dialog both go through [`export`],
//! so a format added here is offered in both.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Event, Workspace};
use crate::core::timeline::LaneBy;
use crate::exchange::figure::{self, FigureOptions};
use crate::exchange::range::{DayRange, ordered, restrict};
use crate::exchange::{citations, csv, eventdata, json, qdpx, report, timelinejs, w3c};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    Qdpx,
    W3c,
    Gdelt,
    Icews,
    Plover,
    TimelineJs,
    Svg,
    Png,
    CslJson,
    Bibtex,
    ReportMarkdown,
    ReportHtml,
    ReportDocx,
    ReportOdt,
}

impl Format {
    pub const ALL: [Format; 16] = [
        Format::Csv,
        Format::Json,
        Format::Qdpx,
        Format::W3c,
        Format::Gdelt,
        Format::Icews,
        Format::Plover,
        Format::TimelineJs,
        Format::Svg,
        Format::Png,
        Format::CslJson,
        Format::Bibtex,
        Format::ReportMarkdown,
        Format::ReportHtml,
        Format::ReportDocx,
        Format::ReportOdt,
    ];

    /// The name on the command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Qdpx => "qdpx",
            Format::W3c => "w3c",
            Format::Gdelt => "gdelt",
            Format::Icews => "icews",
            Format::Plover => "plover",
            Format::TimelineJs => "timelinejs",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::CslJson => "csljson",
            Format::Bibtex => "bibtex",
            Format::ReportMarkdown => "report-md",
            Format::ReportHtml => "report-html",
            Format::ReportDocx => "report-docx",
            Format::ReportOdt => "report-odt",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
    }

    /// What a person picks it by.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV table (spreadsheets, R, pandas)",
            Format::Json => "JSON (events with their passages)",
            Format::Qdpx => "REFI-QDA project (.qdpx: ATLAS.ti, MAXQDA, NVivo, QualCoder)",
            Format::W3c => "W3C Web Annotations (JSON-LD)",
            Format::Gdelt => "GDELT-style event rows (TSV)",
            Format::Icews => "ICEWS-style event rows (TSV)",
            Format::Plover => "PLOVER events (JSON lines)",
            Format::TimelineJs => "TimelineJS (web timeline JSON)",
            Format::Svg => "Timeline figure, SVG (papers: scales without loss)",
            Format::Png => "Timeline figure, PNG (slides)",
            Format::CslJson => "Articles as references, CSL-JSON (Zotero, Mendeley, pandoc)",
            Format::Bibtex => "Articles as references, BibTeX (LaTeX, JabRef, Zotero)",
            Format::ReportMarkdown => {
                "Chronology report, Markdown with footnotes (pandoc, editors)"
            }
            Format::ReportHtml => "Chronology report, HTML page to print or share",
            Format::ReportDocx => "Chronology report, Word document with footnotes (.docx)",
            Format::ReportOdt => "Chronology report, OpenDocument text with footnotes (.odt)",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Qdpx => "qdpx",
            Format::W3c => "jsonld",
            Format::Gdelt | Format::Icews => "tsv",
            Format::Plover => "jsonl",
            Format::TimelineJs => "json",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::CslJson => "json",
            Format::Bibtex => "bib",
            Format::ReportMarkdown => "md",
            Format::ReportHtml => "html",
            Format::ReportDocx => "docx",
            Format::ReportOdt => "odt",
        }
    }

    /// Whether the rows can be one per event x passage.
    pub fn has_per_passage(self) -> bool {
        matches!(self, Format::Csv | Format::Json)
    }

    /// Whether lanes (TimelineJS groups, figure lanes) apply.
    pub fn has_lanes(self) -> bool {
        matches!(self, Format::TimelineJs | Format::Svg | Format::Png)
    }

    /// Whether it lists the articles as references rather than events.
    pub fn is_references(self) -> bool {
        matches!(self, Format::CslJson | Format::Bibtex)
    }

    /// Whether it is the chronology report (memos chosen for it go in).
    pub fn is_report(self) -> bool {
        matches!(
            self,
            Format::ReportMarkdown | Format::ReportHtml | Format::ReportDocx | Format::ReportOdt
        )
    }

    /// Whether it is a figure (size and theme apply).
    pub fn is_figure(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
}

/// The choices an export takes besides its format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub per_passage: bool,
    pub range: DayRange,
    pub lanes: LaneBy,
    /// Figures: width and height in pixels (height 0: as the lanes need),
    /// PNG pixels per figure pixel, dark theme.
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub dark: bool,
}

impl Default for Options {
    fn default() -> Self {
        let f = FigureOptions::default();
        Options {
            per_passage: false,
            range: DayRange::default(),
            lanes: LaneBy::Dyad,
            width: f.width,
            height: f.height,
            scale: f.scale,
            dark: f.dark,
        }
    }
}

impl Options {
    fn figure(&self) -> FigureOptions {
        FigureOptions {
            width: self.width,
            height: self.height,
            range: self.range,
            lanes: self.lanes,
            dark: self.dark,
            scale: self.scale,
        }
    }
}

/// `ws` in `format`, restricted to the events in `opts.range`.
pub fn export(ws: &Workspace, format: Format, opts: &Options) -> Result<Vec<u8>, String> {
    match format {
        Format::Svg => return Ok(figure::svg::to_svg(ws, &opts.figure()).into_bytes()),
        Format::ReportMarkdown | Format::ReportHtml | Format::ReportDocx | Format::ReportOdt => {
            let filters = report::Filters {
                range: opts.range,
                ..Default::default()
            };
            let kind = match format {
                Format::ReportMarkdown => report::Kind::Markdown,
                Format::ReportHtml => report::Kind::Html,
                Format::ReportDocx => report::Kind::Docx,
                _ => report::Kind::Odt,
            };
            return report::write(ws, &filters, report::Style::Chicago, kind);
        }
        Format::Png => return figure::png::to_png(ws, &opts.figure()),
        _ => {}
    }
    // References: all articles, or with a range, those its events cite.
    let cited_only = !opts.range.is_open();
    let ws = restrict(ws, opts.range);
    let events: Vec<&Event> = ordered(&ws);
    let text = match format {
        Format::Csv => csv::to_csv(&ws, opts.per_passage),
        Format::Json => json::to_json(&ws, opts.per_passage),
        Format::Qdpx => return qdpx::write::to_qdpx(&ws, &events),
        Format::W3c => w3c::to_w3c(&ws, &events),
        Format::Gdelt => eventdata::to_gdelt(&ws, &events),
        Format::Icews => eventdata::to_icews(&ws, &events),
        Format::Plover => eventdata::to_plover(&ws, &events),
        Format::TimelineJs => timelinejs::to_timelinejs(&ws, &events, opts.lanes),
        Format::CslJson => citations::to_csl_json(&ws, cited_only),
        Format::Bibtex => citations::to_bibtex(&ws, cited_only),
        Format::Svg
        | Format::Png
        | Format::ReportMarkdown
        | Format::ReportHtml
        | Format::ReportDocx
        | Format::ReportOdt => {
            unreachable!("figures and reports are written above")
        }
    };
    Ok(text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    #[test]
    fn every_format_exports_the_sample_and_names_round_trip() {
        let ws = sample_workspace();
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
            let out = export(&ws, f, &Options::default()).unwrap();
            assert!(out.len() > 100, "{}", f.name());
        }
    }

    #[test]
    fn a_range_narrows_every_format() {
        let ws = sample_workspace();
        let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let june = Options {
            range: DayRange {
                from: day("2023-06-01"),
                to: day("2023-06-30"),
            },
            ..Default::default()
        };
        for f in [
            Format::Csv,
            Format::Gdelt,
            Format::Plover,
            Format::W3c,
            Format::Svg,
        ] {
            let all = export(&ws, f, &Options::default()).unwrap();
            let some = export(&ws, f, &june).unwrap();
            assert!(some.len() < all.len(), "{}", f.name());
        }
    }
}
