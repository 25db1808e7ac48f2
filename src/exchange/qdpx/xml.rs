//! The XML the REFI-QDA writer needs and nothing more: elements with
//! escaped attributes and text, indented, in the project namespace; the
//! characters XML 1.0 cannot carry are dropped, line breaks in attributes
//! kept as character references.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::NAMESPACE;
use crate::text::markup::escape_into;
use std::fmt::Write as _;

/// A small XML writer: escaped attributes and text, nothing else.
#[derive(Default)]
pub struct Xml {
    pub out: String,
    depth: usize,
}

impl Xml {
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
    fn start(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"");
            escape_into(&mut self.out, v, true);
            self.out.push('"');
        }
    }
    pub fn open_ns(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        let _ = writeln!(
            self.out,
            " xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd\">"
        );
        self.depth += 1;
    }
    pub fn open(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }
    pub fn empty(&mut self, name: &str, attrs: &[(&str, String)]) {
        self.start(name, attrs);
        self.out.push_str("/>\n");
    }
    pub fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        let _ = writeln!(self.out, "</{name}>");
    }
    pub fn leaf_text(&mut self, name: &str, text: &str) {
        self.start(name, &[]);
        self.out.push('>');
        escape_into(&mut self.out, text, false);
        let _ = writeln!(self.out, "</{name}>");
    }
}
