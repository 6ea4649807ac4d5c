//! Reading a parallel-segmentation document back (see the parent module).

use quick_xml::events::{BytesStart, Event};

use super::{ParallelText, Piece, TeiError, TeiReading, TeiWitness};
use crate::formats::html::decode_references;

/// Where the reader is.
#[derive(Default)]
struct State {
    document: ParallelText,
    /// The xml:id of each witness of the list, beside its index.
    ids: Vec<(String, usize)>,
    /// Open elements (local names).
    open: Vec<String>,
    /// The witness of the list whose description is being read.
    witness: Option<usize>,
    /// Whether a reading is open (its text goes to the last reading).
    reading: bool,
    /// Whether an `<rdgGrp>` is open.
    group: bool,
    /// The text of the header's title being read, as written.
    title: Option<String>,
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':').next().unwrap_or_default().to_owned()
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| String::from_utf8_lossy(a.key.as_ref()) == name)
        .map(|a| decode_references(&String::from_utf8_lossy(&a.value)))
}

impl State {
    fn inside(&self, name: &str) -> bool {
        self.open.iter().any(|o| o == name)
    }

    fn start(&mut self, element: &BytesStart, empty: bool) {
        let name = local(element.name().as_ref());
        match name.as_str() {
            "witness" if self.inside("listWit") => {
                let id = attribute(element, "xml:id").unwrap_or_default();
                let siglum = attribute(element, "n").unwrap_or_else(|| id.clone());
                self.ids.push((id, self.document.witnesses.len()));
                self.witness = (!empty).then_some(self.document.witnesses.len());
                self.document.witnesses.push(TeiWitness {
                    siglum,
                    description: String::new(),
                });
            }
            "title" if self.inside("titleStmt") && !empty => {
                self.title.get_or_insert_with(String::new);
            }
            "app" => self.document.body.push(Piece::App(Vec::new())),
            "rdgGrp" => {
                if let Some(Piece::App(groups)) = self.document.body.last_mut() {
                    groups.push(Vec::new());
                }
                self.group = !empty;
            }
            "lem" | "rdg" => self.reading(element, &name, empty),
            _ => {}
        }
        if !empty {
            self.open.push(name);
        }
    }

    fn reading(&mut self, element: &BytesStart, name: &str, empty: bool) {
        let reading = TeiReading {
            witnesses: attribute(element, "wit")
                .unwrap_or_default()
                .split_whitespace()
                .map(|w| w.trim_start_matches('#').to_owned())
                .collect(),
            text: String::new(),
            lemma: name == "lem",
            transposed: attribute(element, "cause").as_deref() == Some("transposition"),
        };
        if let Some(Piece::App(groups)) = self.document.body.last_mut() {
            match groups.last_mut() {
                Some(group) if self.group => group.push(reading),
                _ => groups.push(vec![reading]),
            }
            self.reading = !empty;
        }
    }

    fn end(&mut self) {
        let Some(name) = self.open.pop() else { return };
        match name.as_str() {
            // The titles of the header's title statement (a main title and its subtitles),
            // each with its white space collapsed, one after another.
            "title" if self.inside("titleStmt") => {
                if let Some(title) = self.title.take() {
                    let title = super::collapsed(&title);
                    if !title.is_empty() {
                        if !self.document.title.is_empty() {
                            self.document.title.push(' ');
                        }
                        self.document.title.push_str(&title);
                    }
                }
            }
            "witness" => self.witness = None,
            "lem" | "rdg" => self.reading = false,
            "rdgGrp" => self.group = false,
            "p" if self.inside("body") => self.text(" "),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(title) = &mut self.title {
            title.push_str(text);
        } else if let Some(w) = self.witness {
            self.document.witnesses[w].description.push_str(text);
        } else if self.reading {
            if let Some(Piece::App(groups)) = self.document.body.last_mut()
                && let Some(reading) = groups.last_mut().and_then(|g| g.last_mut())
            {
                reading.text.push_str(text);
            }
        } else if self.inside("app") {
            // White space between readings.
        } else if self.inside("body") || self.inside("apparatus") {
            match self.document.body.last_mut() {
                Some(Piece::Text(common)) => common.push_str(text),
                _ => self.document.body.push(Piece::Text(text.to_owned())),
            }
        }
    }

    /// The document, its readings' witnesses as sigla (witnesses only named in a `wit`
    /// attribute added to the list).
    fn finish(mut self) -> Result<ParallelText, TeiError> {
        let mut ids = self.ids;
        let witnesses = &mut self.document.witnesses;
        for piece in &mut self.document.body {
            let Piece::App(groups) = piece else { continue };
            for reading in groups.iter_mut().flatten() {
                for wit in &mut reading.witnesses {
                    let index = match ids.iter().find(|(id, _)| id == wit) {
                        Some(&(_, index)) => index,
                        None => {
                            ids.push((wit.clone(), witnesses.len()));
                            witnesses.push(TeiWitness {
                                siglum: wit.clone(),
                                description: String::new(),
                            });
                            witnesses.len() - 1
                        }
                    };
                    wit.clone_from(&witnesses[index].siglum);
                }
            }
        }
        for witness in witnesses.iter_mut() {
            witness.description = super::collapsed(&witness.description);
        }
        if witnesses.is_empty() {
            return Err(TeiError::NoWitnesses);
        }
        Ok(self.document)
    }
}

/// Reads a parallel-segmentation document (see the parent module).
pub fn read(xml: &str) -> Result<ParallelText, TeiError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| TeiError::NotXml(e.to_string()))?;
        match event {
            Event::Start(element) => state.start(&element, false),
            Event::Empty(element) => state.start(&element, true),
            Event::End(_) => state.end(),
            Event::Text(text) => state.text(&decode_references(&String::from_utf8_lossy(&text))),
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(&reference);
                state.text(&decode_references(&format!("&{name};")));
            }
            Event::CData(text) => state.text(&String::from_utf8_lossy(&text)),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !state.open.is_empty() {
        return Err(TeiError::NotXml(format!(
            "<{}> is never closed",
            state.open.last().cloned().unwrap_or_default()
        )));
    }
    state.finish()
}
