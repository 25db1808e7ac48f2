//! Reading a `project.qde` into plain structs: users, the code tree, text
//! sources with their selections and codings, notes, sets and variables.
//! Namespace prefixes are ignored (writers differ); a DTD is refused, so
//! no entity is ever expanded; unknown elements are skipped.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use quick_xml::events::{BytesStart, Event as Xml};
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct Project {
    pub name: String,
    pub origin: String,
    pub users: HashMap<String, String>,
    pub codes: Vec<Code>,
    pub sources: Vec<Source>,
    pub notes: HashMap<String, Note>,
    pub sets: Vec<Set>,
    pub variables: HashMap<String, String>,
    /// Notes the project itself points to.
    pub note_refs: Vec<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Code {
    pub guid: String,
    pub name: String,
    pub parent: Option<usize>,
    pub color: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    #[default]
    Text,
    Pdf,
    Picture,
    Audio,
    Video,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Pdf => "PDF",
            SourceKind::Picture => "picture",
            SourceKind::Audio => "audio",
            SourceKind::Video => "video",
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Source {
    pub kind: SourceKind,
    pub guid: String,
    pub name: Option<String>,
    pub plain_text_path: Option<String>,
    pub rich_text_path: Option<String>,
    /// `path` of a PDF, picture, audio or video source.
    pub path: Option<String>,
    pub content: Option<String>,
    pub created: Option<String>,
    pub selections: Vec<Selection>,
    /// Selections of other kinds (PDF areas, picture regions, time spans).
    pub other_selections: usize,
    /// Codes applied to the whole source.
    pub codings: Vec<String>,
    pub note_refs: Vec<String>,
    /// (variable GUID, value)
    pub values: Vec<(String, String)>,
}

#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub guid: String,
    pub name: Option<String>,
    pub start: i64,
    pub end: i64,
    pub codes: Vec<String>,
    pub note_refs: Vec<String>,
    pub creating_user: Option<String>,
    pub created: Option<String>,
    pub description: String,
}

#[derive(Debug, Default, Clone)]
pub struct Note {
    pub guid: String,
    pub name: String,
    pub text: String,
    pub description: String,
    pub creating_user: Option<String>,
    pub created: Option<String>,
    pub modifying_user: Option<String>,
    pub modified: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Set {
    pub name: String,
    pub notes: Vec<String>,
    pub sources: Vec<String>,
    pub codes: Vec<String>,
}

fn local(name: &str) -> &[u8] {
    let name = name.as_bytes();
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn attrs(e: &BytesStart) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("a malformed attribute: {err}"))?;
        let key = String::from_utf8_lossy(local(a.key.as_ref())).into_owned();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("attribute {key}: {err}"))?
            .into_owned();
        out.insert(key, value);
    }
    Ok(out)
}

/// How deep a project may nest its elements.
pub const MAX_XML_DEPTH: usize = 128;

/// Parse a `project.qde` document.
pub fn parse(xml: &str) -> Result<Project, String> {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().trim_text(false);
    let mut p = Project::default();
    let mut stack: Vec<Vec<u8>> = vec![];
    let mut code_stack: Vec<usize> = vec![];
    let mut source: Option<Source> = None;
    let mut selection: Option<Selection> = None;
    let mut note: Option<Note> = None;
    let mut set: Option<Set> = None;
    let mut text = String::new();
    let mut seen_project = false;
    // The variable a VariableValue refers to, until its value is read.
    let mut variable: Option<String> = None;
    let mut ended: Option<Vec<u8>> = None;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| format!("not well-formed XML at byte {}: {e}", r.error_position()))?;
        let (start, empty) = match &ev {
            Xml::Start(e) => (Some(e.clone()), false),
            Xml::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = local(e.name().as_ref()).to_vec();
            let a = attrs(&e)?;
            let get = |k: &str| a.get(k).cloned();
            let parent = stack.last().map(|v| v.as_slice());
            match name.as_slice() {
                b"Project" => {
                    seen_project = true;
                    p.name = get("name").unwrap_or_default();
                    p.origin = get("origin").unwrap_or_default();
                }
                b"User" => {
                    if let Some(g) = get("guid") {
                        p.users.insert(g, get("name").unwrap_or_default());
                    }
                }
                b"Code" => {
                    p.codes.push(Code {
                        guid: get("guid").unwrap_or_default(),
                        name: get("name").unwrap_or_default(),
                        parent: code_stack.last().copied(),
                        color: get("color"),
                        description: String::new(),
                    });
                    // Popped where it ends (at once when empty).
                    code_stack.push(p.codes.len() - 1);
                }
                b"Variable" => {
                    if let (Some(g), Some(n)) = (get("guid"), get("name")) {
                        p.variables.insert(g, n);
                    }
                }
                b"TextSource" | b"PDFSource" | b"PictureSource" | b"AudioSource"
                | b"VideoSource"
                    if parent == Some(b"Sources") =>
                {
                    let kind = match name.as_slice() {
                        b"TextSource" => SourceKind::Text,
                        b"PDFSource" => SourceKind::Pdf,
                        b"PictureSource" => SourceKind::Picture,
                        b"AudioSource" => SourceKind::Audio,
                        _ => SourceKind::Video,
                    };
                    source = Some(Source {
                        kind,
                        guid: get("guid").unwrap_or_default(),
                        name: get("name"),
                        plain_text_path: get("plainTextPath"),
                        rich_text_path: get("richTextPath"),
                        path: get("path").or_else(|| get("currentPath")),
                        created: get("creationDateTime"),
                        ..Default::default()
                    });
                }
                // A PDF's text representation: its plain text is the source's.
                b"Representation" if parent == Some(b"PDFSource") => {
                    if let Some(s) = source.as_mut() {
                        s.plain_text_path = s.plain_text_path.take().or(get("plainTextPath"));
                        s.rich_text_path = s.rich_text_path.take().or(get("richTextPath"));
                    }
                }
                b"PlainTextSelection" if source.is_some() => {
                    let num = |k: &str| get(k).and_then(|v| v.trim().parse::<i64>().ok());
                    selection = Some(Selection {
                        guid: get("guid").unwrap_or_default(),
                        name: get("name"),
                        start: num("startPosition").unwrap_or(-1),
                        end: num("endPosition").unwrap_or(-1),
                        creating_user: get("creatingUser"),
                        created: get("creationDateTime"),
                        ..Default::default()
                    });
                }
                b"PDFSelection"
                | b"PictureSelection"
                | b"AudioSelection"
                | b"VideoSelection"
                | b"TranscriptSelection" => {
                    if let Some(s) = source.as_mut() {
                        s.other_selections += 1;
                    }
                }
                b"Note" if parent == Some(b"Notes") => {
                    note = Some(Note {
                        guid: get("guid").unwrap_or_default(),
                        name: get("name").unwrap_or_default(),
                        creating_user: get("creatingUser"),
                        created: get("creationDateTime"),
                        modifying_user: get("modifyingUser"),
                        modified: get("modifiedDateTime"),
                        ..Default::default()
                    });
                }
                b"Set" => {
                    set = Some(Set {
                        name: get("name").unwrap_or_default(),
                        ..Default::default()
                    });
                }
                b"CodeRef" => {
                    let g = get("targetGUID").unwrap_or_default();
                    if let Some(sel) = selection.as_mut() {
                        sel.codes.push(g);
                    } else if let Some(s) = source.as_mut() {
                        s.codings.push(g);
                    }
                }
                b"NoteRef" => {
                    let g = get("targetGUID").unwrap_or_default();
                    if let Some(sel) = selection.as_mut() {
                        sel.note_refs.push(g);
                    } else if let Some(s) = source.as_mut() {
                        s.note_refs.push(g);
                    } else if parent == Some(b"Project") {
                        p.note_refs.push(g);
                    }
                }
                b"MemberNote" | b"MemberSource" | b"MemberCode" => {
                    if let Some(s) = set.as_mut() {
                        let g = get("targetGUID").unwrap_or_default();
                        match name.as_slice() {
                            b"MemberNote" => s.notes.push(g),
                            b"MemberSource" => s.sources.push(g),
                            _ => s.codes.push(g),
                        }
                    }
                }
                b"VariableRef" => variable = get("targetGUID"),
                _ => {}
            }
            text.clear();
            stack.push(name.clone());
            // Real projects nest a dozen levels (codes a few deep in the
            // codebook); each code's path repeats its parents', so 30,000
            // nested codes once asked for gigabytes.
            if stack.len() > MAX_XML_DEPTH {
                return Err(format!(
                    "the project nests its elements more than {MAX_XML_DEPTH} deep (codes inside \
                     codes, most likely); real projects nest a dozen levels"
                ));
            }
            if !empty {
                continue;
            }
            // An empty element ends where it starts.
            ended = Some(name);
        }
        let closing = match (&ev, ended.take()) {
            (_, Some(n)) => Some(n),
            (Xml::End(e), None) => Some(local(e.name().as_ref()).to_vec()),
            _ => None,
        };
        if let Some(name) = closing {
            stack.pop();
            let parent = stack.last().map(|v| v.as_slice());
            match name.as_slice() {
                b"Code" => {
                    code_stack.pop();
                }
                b"Description" => {
                    if parent == Some(b"Code")
                        && let Some(&i) = code_stack.last()
                    {
                        p.codes[i].description = std::mem::take(&mut text);
                    } else if parent == Some(b"PlainTextSelection")
                        && let Some(sel) = selection.as_mut()
                    {
                        sel.description = std::mem::take(&mut text);
                    } else if parent == Some(b"Note")
                        && let Some(n) = note.as_mut()
                    {
                        n.description = std::mem::take(&mut text);
                    }
                }
                b"PlainTextContent" => {
                    let t = std::mem::take(&mut text);
                    if let Some(n) = note.as_mut() {
                        n.text = t;
                    } else if let Some(s) = source.as_mut()
                        && matches!(parent, Some(b"TextSource") | Some(b"Representation"))
                    {
                        s.content = Some(t);
                    }
                }
                b"TextValue" => {
                    if let (Some(v), Some(s)) = (variable.take(), source.as_mut()) {
                        s.values.push((v, std::mem::take(&mut text)));
                    }
                }
                b"PlainTextSelection" => {
                    if let (Some(sel), Some(s)) = (selection.take(), source.as_mut()) {
                        s.selections.push(sel);
                    }
                }
                b"TextSource" | b"PDFSource" | b"PictureSource" | b"AudioSource"
                | b"VideoSource"
                    if parent == Some(b"Sources") =>
                {
                    if let Some(s) = source.take() {
                        p.sources.push(s);
                    }
                }
                b"Note" if parent == Some(b"Notes") => {
                    if let Some(n) = note.take() {
                        p.notes.insert(n.guid.clone(), n);
                    }
                }
                b"Set" => {
                    if let Some(s) = set.take() {
                        p.sets.push(s);
                    }
                }
                _ => {}
            }
            text.clear();
            continue;
        }
        match ev {
            Xml::Text(t) => {
                text.push_str(&t.xml10_content());
            }
            Xml::GeneralRef(g) => {
                // Only the five predefined entities and character references.
                let name: &str = &g;
                if let Some(c) = g.resolve_char_ref().map_err(|e| e.to_string())? {
                    text.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(name) {
                    text.push_str(s);
                } else {
                    return Err(format!(
                        "an undeclared entity &{name}; (entities are refused)"
                    ));
                }
            }
            Xml::CData(t) => text.push_str(&t.xml10_content()),
            Xml::DocType(_) => {
                return Err(
                    "the file declares a DTD, which may expand entities without bound; refused"
                        .into(),
                );
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    if !seen_project {
        return Err("not a REFI-QDA project: no <Project> element".into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<Project name="P" origin="Tool" xmlns="urn:QDA-XML:project:1.0">
 <Users><User guid="u1" name="Ann"/></Users>
 <CodeBook><Codes>
  <Code guid="c1" name="Diplomacy" isCodable="false">
   <Description>Top &amp; more</Description>
   <Code guid="c2" name="Visits" isCodable="true" color="#FF0000"/>
   <Code guid="c3" name="Calls" isCodable="true"/>
  </Code>
  <Code guid="c4" name="Other" isCodable="true"/>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="s1" name="One" plainTextPath="internal://s1.txt">
   <PlainTextSelection guid="x1" startPosition="3" endPosition="9" creatingUser="u1">
    <Coding guid="k1"><CodeRef targetGUID="c2"/></Coding>
    <NoteRef targetGUID="n1"/>
   </PlainTextSelection>
   <Coding guid="k2"><CodeRef targetGUID="c1"/></Coding>
  </TextSource>
  <AudioSource guid="s2" name="Tape" path="internal://a.mp3"/>
 </Sources>
 <Notes><Note guid="n1" name="Why"><PlainTextContent>Because &lt;this&gt;</PlainTextContent></Note></Notes>
 <Sets><Set guid="t1" name="Key"><MemberSource targetGUID="s1"/></Set></Sets>
</Project>"##;

    #[test]
    fn reads_codes_sources_selections_notes_and_sets() {
        let p = parse(SMALL).unwrap();
        assert_eq!(p.name, "P");
        assert_eq!(p.users["u1"], "Ann");
        let parents: Vec<Option<usize>> = p.codes.iter().map(|c| c.parent).collect();
        assert_eq!(parents, [None, Some(0), Some(0), None]);
        assert_eq!(p.codes[0].description, "Top & more");
        assert_eq!(p.sources.len(), 2);
        let s = &p.sources[0];
        assert_eq!(s.selections.len(), 1);
        assert_eq!((s.selections[0].start, s.selections[0].end), (3, 9));
        assert_eq!(s.selections[0].codes, ["c2"]);
        assert_eq!(s.selections[0].note_refs, ["n1"]);
        assert_eq!(s.codings, ["c1"]);
        assert_eq!(p.sources[1].kind, SourceKind::Audio);
        assert_eq!(p.notes["n1"].text, "Because <this>");
        assert_eq!(p.sets[0].sources, ["s1"]);
    }

    #[test]
    fn a_dtd_or_an_undeclared_entity_is_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project name="x">&lol2;</Project>"#;
        let e = parse(bomb).unwrap_err();
        assert!(e.contains("DTD"), "{e}");
        let e =
            parse(r#"<Project name="x"><Description>&ext;</Description></Project>"#).unwrap_err();
        assert!(e.contains("entit"), "{e}");
    }

    #[test]
    fn not_a_project_is_said() {
        assert!(parse("<html/>").unwrap_err().contains("no <Project>"));
        assert!(parse("<Project").is_err());
    }
}
