//! TEI P5 parallel segmentation: the witnesses of a collation in one document, their common
//! text written once and each place where they differ an `<app>` with the readings and the
//! witnesses that read them.
//!
//! ```xml
//! <listWit><witness xml:id="w1859" n="1859">…</witness> …</listWit>
//! … differ <app><lem wit="#w1859">much more </lem><rdg wit="#w1860 #w1861">more </rdg></app>from …
//! ```
//!
//! Readings that agree are one `<rdg>` with all their witnesses (never one each, CollateX
//! #67). Readings that agree under the collation's normalisation but are written differently
//! (“Word” and “word”) are one `<rdgGrp>`, each spelling a `<rdg>` of its own inside it, so
//! that every witness's own text comes back. A reading moved elsewhere is an empty `<rdg>`
//! with `cause="transposition"`, as is the moved reading at its new place.
//!
//! The witnesses are declared in the header's `<listWit>` with what is known of them; their
//! `xml:id`s are their sigla made into XML names (“1859” becomes “w1859”; two sigla that
//! would give one name are told apart by “-2”), and the siglum itself is kept in `n`. White
//! space is written as it stands between tokens, each run of it as one space, so that a
//! witness read back is its text with white space collapsed.
//!
//! [`read`] reads such a document back (Lectern's, or CollateX's `<cx:apparatus>`, whose
//! witnesses are found in its `wit` attributes) into its witnesses' texts.

/// A document in parallel segmentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParallelText {
    /// The title.
    pub title: String,
    /// What made it (for the header's publication statement).
    pub made_by: String,
    /// The witnesses, in order.
    pub witnesses: Vec<TeiWitness>,
    /// The body: common text and places of variation, in order.
    pub body: Vec<Piece>,
}

/// A witness declared in the header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeiWitness {
    /// The siglum.
    pub siglum: String,
    /// Its description: title, author, date, source (its provenance), as far as known.
    pub description: String,
}

/// A piece of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text all the witnesses read.
    Text(String),
    /// A place where they differ: groups of readings, the lemma's group first (if there is a
    /// lemma).
    App(Vec<Vec<TeiReading>>),
}

/// One reading of a place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeiReading {
    /// The sigla of the witnesses that read it.
    pub witnesses: Vec<String>,
    /// The text; empty for an omission.
    pub text: String,
    /// Whether it is the lemma (`<lem>`).
    pub lemma: bool,
    /// Whether it is part of a transposition.
    pub transposed: bool,
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TeiError {
    /// Not well-formed XML.
    #[error("this is not well-formed XML ({0})")]
    NotXml(String),
    /// No witnesses: neither a `<listWit>` nor any `wit` attribute.
    #[error("this TEI file names no witnesses (no <listWit> and no <app> with wit=\"…\")")]
    NoWitnesses,
}

/// The TEI namespace.
const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// An XML name (`xml:id`) for `siglum`: its letters, digits, `-`, `_` and `.`, after a `w`
/// when it does not start with a letter or `_`.
pub fn xml_id(siglum: &str) -> String {
    let mut id: String = siglum
        .chars()
        .map(|ch| {
            if ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.') {
                ch
            } else {
                '_'
            }
        })
        .collect();
    if !id.starts_with(|ch: char| ch.is_alphabetic() || ch == '_') {
        id.insert(0, 'w');
    }
    id
}

/// `text` with XML's special characters escaped and each run of white space one space.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

/// The `xml:id` of each witness of `witnesses`: [`xml_id`] of its siglum, with “-2”, “-3” …
/// after it where two sigla would give one name (“A B” and “A_B”).
fn unique_ids(witnesses: &[TeiWitness]) -> Vec<(String, String)> {
    let mut ids: Vec<(String, String)> = Vec::with_capacity(witnesses.len());
    for witness in witnesses {
        let base = xml_id(&witness.siglum);
        let mut id = base.clone();
        let mut n = 2;
        while ids.iter().any(|(_, taken)| *taken == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push((witness.siglum.clone(), id));
    }
    ids
}

/// Writes `document` as TEI P5 (see the module docs).
pub fn write(document: &ParallelText) -> String {
    let ids = unique_ids(&document.witnesses);
    let id_of = |siglum: &str| {
        ids.iter()
            .find(|(s, _)| s == siglum)
            .map_or_else(|| xml_id(siglum), |(_, id)| id.clone())
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<TEI xmlns=\"{TEI_NS}\">\n  <teiHeader>\n    <fileDesc>\n"
    ));
    out.push_str(&format!(
        "      <titleStmt>\n        <title>{}</title>\n      </titleStmt>\n",
        escaped(&document.title)
    ));
    out.push_str(&format!(
        "      <publicationStmt>\n        <p>{}</p>\n      </publicationStmt>\n",
        escaped(&document.made_by)
    ));
    out.push_str("      <sourceDesc>\n        <listWit>\n");
    for witness in &document.witnesses {
        out.push_str(&format!(
            "          <witness xml:id=\"{}\" n=\"{}\">{}</witness>\n",
            id_of(&witness.siglum),
            escaped(&witness.siglum),
            escaped(&witness.description)
        ));
    }
    out.push_str("        </listWit>\n      </sourceDesc>\n    </fileDesc>\n");
    out.push_str("    <encodingDesc>\n");
    out.push_str(
        "      <variantEncoding method=\"parallel-segmentation\" location=\"internal\"/>\n",
    );
    out.push_str("    </encodingDesc>\n");
    out.push_str("  </teiHeader>\n  <text>\n    <body>\n      <p>");
    for piece in &document.body {
        match piece {
            Piece::Text(text) => out.push_str(&escaped(text)),
            Piece::App(groups) => write_app(&mut out, groups, &id_of),
        }
    }
    out.push_str("</p>\n    </body>\n  </text>\n</TEI>\n");
    out
}

fn write_app(out: &mut String, groups: &[Vec<TeiReading>], id_of: &dyn Fn(&str) -> String) {
    out.push_str("<app>");
    for group in groups {
        if group.len() > 1 {
            out.push_str("<rdgGrp>");
        }
        for reading in group {
            let element = if reading.lemma { "lem" } else { "rdg" };
            let wit: Vec<String> = reading
                .witnesses
                .iter()
                .map(|w| format!("#{}", id_of(w)))
                .collect();
            let cause = if reading.transposed {
                " cause=\"transposition\""
            } else {
                ""
            };
            let text = escaped(&reading.text);
            if text.is_empty() {
                out.push_str(&format!("<{element} wit=\"{}\"{cause}/>", wit.join(" ")));
            } else {
                out.push_str(&format!(
                    "<{element} wit=\"{}\"{cause}>{text}</{element}>",
                    wit.join(" ")
                ));
            }
        }
        if group.len() > 1 {
            out.push_str("</rdgGrp>");
        }
    }
    out.push_str("</app>");
}

/// The witnesses of a parallel-segmentation document, each with its text: the common text
/// and, at each place, its own reading (white space collapsed, trimmed).
pub fn witness_texts(document: &ParallelText) -> Vec<(String, String)> {
    document
        .witnesses
        .iter()
        .map(|witness| {
            let mut text = String::new();
            for piece in &document.body {
                match piece {
                    Piece::Text(common) => text.push_str(common),
                    Piece::App(groups) => {
                        let own = groups
                            .iter()
                            .flatten()
                            .find(|r| r.witnesses.contains(&witness.siglum));
                        if let Some(reading) = own {
                            text.push_str(&reading.text);
                        }
                    }
                }
            }
            (witness.siglum.clone(), collapsed(&text))
        })
        .collect()
}

/// `text` with each run of white space one space, trimmed.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

mod read;
pub use read::read;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

    use super::{ParallelText, Piece, TeiReading, TeiWitness, read, witness_texts, write};

    fn witness(siglum: &str) -> TeiWitness {
        TeiWitness {
            siglum: siglum.to_owned(),
            description: format!("{siglum} & <co>"),
        }
    }

    #[test]
    fn sigla_that_are_no_xml_names_get_ids_of_their_own_and_come_back() {
        let document = ParallelText {
            title: "T".into(),
            made_by: "L".into(),
            witnesses: vec![witness("1859"), witness("A B"), witness("A_B")],
            body: vec![
                Piece::Text("The ".into()),
                Piece::App(vec![
                    vec![TeiReading {
                        witnesses: vec!["1859".into(), "A B".into()],
                        text: "cat & dog ".into(),
                        lemma: true,
                        transposed: false,
                    }],
                    vec![TeiReading {
                        witnesses: vec!["A_B".into()],
                        ..TeiReading::default()
                    }],
                ]),
                Piece::Text("ran.".into()),
            ],
        };
        let xml = write(&document);
        assert!(
            xml.contains(r#"<witness xml:id="w1859" n="1859">"#),
            "{xml}"
        );
        assert!(xml.contains(r#"xml:id="A_B" n="A B""#), "{xml}");
        assert!(xml.contains(r#"xml:id="A_B-2" n="A_B""#), "{xml}");
        assert!(
            xml.contains(r##"<lem wit="#w1859 #A_B">cat &amp; dog </lem><rdg wit="#A_B-2"/>"##),
            "{xml}"
        );
        let back = read(&xml).unwrap();
        assert_eq!(back.witnesses, document.witnesses);
        assert_eq!(
            witness_texts(&back),
            vec![
                ("1859".to_owned(), "The cat & dog ran.".to_owned()),
                ("A B".to_owned(), "The cat & dog ran.".to_owned()),
                ("A_B".to_owned(), "The ran.".to_owned()),
            ]
        );
    }

    #[test]
    fn collatex_s_own_tei_is_read_too() {
        // CollateX's Python port's TEI output (its test suite's example), witnesses named only
        // in wit attributes.
        let xml = r##"<?xml version="1.0" ?><cx:apparatus xmlns:cx="http://interedition.eu/collatex/ns/1.0" xmlns="http://www.tei-c.org/ns/1.0">The <app><rdg wit="#A">quick</rdg></app> brown <app><rdg wit="#A">wombat</rdg><rdg wit="#B #C">koala</rdg></app> jumps over the <app><rdg wit="#A #C">industrious</rdg><rdg wit="#B">lazy</rdg></app> <app><rdg wit="#A">brown</rdg><rdg wit="#B #C">yellow</rdg></app> dog.</cx:apparatus>"##;
        let texts = witness_texts(&read(xml).unwrap());
        assert_eq!(
            texts,
            vec![
                (
                    "A".to_owned(),
                    "The quick brown wombat jumps over the industrious brown dog.".to_owned()
                ),
                (
                    "B".to_owned(),
                    "The brown koala jumps over the lazy yellow dog.".to_owned()
                ),
                (
                    "C".to_owned(),
                    "The brown koala jumps over the industrious yellow dog.".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn what_is_not_xml_or_names_no_witness_is_refused() {
        assert!(matches!(
            read("<TEI><p>open"),
            Err(super::TeiError::NotXml(_))
        ));
        assert_eq!(
            read("<TEI><text><body><p>No witnesses.</p></body></text></TEI>"),
            Err(super::TeiError::NoWitnesses)
        );
    }
}
