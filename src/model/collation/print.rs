//! A collation printed: its witnesses, its Table (every place, each witness's reading, the
//! places where they differ marked) and its Apparatus (the base text with its entries'
//! numbers, then the entries), as a document for [`crate::formats::print`]. Pure.

use crate::formats::print::{Block, Document, Span, Style};
use crate::model::words::one_line;

use super::Collation;
use super::apparatus::{Apparatus, Base};

/// The collation `collation`, titled `title`, as a document to print, its apparatus on the
/// base `base`.
pub fn document(collation: &Collation, title: &str, base: Base) -> Document {
    let plain = |text: &str| Span::new(text, Style::Plain);
    let bold = |text: &str| Span::new(text, Style::Bold);
    let mut blocks = vec![Block::Heading(1, vec![plain(title)])];
    blocks.push(Block::Heading(2, vec![plain("Witnesses")]));
    let witnesses = collation.witnesses();
    for (index, witness) in witnesses.iter().enumerate() {
        let words = witness.text.split_whitespace().count();
        blocks.push(Block::Item {
            depth: 0,
            bullet: format!("{}.", index + 1),
            spans: vec![bold(&witness.id), plain(&format!(": {words} words"))],
        });
    }
    // The Table: a place where all agree is one line; where they differ, each reading with
    // its witnesses, the first (most witnesses) plain and the others marked.
    blocks.push(Block::Heading(2, vec![plain("Table")]));
    for (p, place) in collation.places().iter().enumerate() {
        let number = format!("{}", p + 1);
        if !place.is_variant() {
            let text = one_line(collation.reading_text(p, 0));
            blocks.push(Block::Item {
                depth: 0,
                bullet: format!("{number} ="),
                spans: vec![plain(&text)],
            });
            continue;
        }
        blocks.push(Block::Item {
            depth: 0,
            bullet: format!("{number} ≠"),
            spans: vec![Span::new("the witnesses differ:", Style::Italic)],
        });
        for (r, reading) in place.readings.iter().enumerate() {
            let sigla: Vec<&str> = reading
                .witnesses
                .iter()
                .map(|&w| witnesses[w].id.as_str())
                .collect();
            let first = reading.witnesses.first().copied().unwrap_or(0);
            let text = one_line(collation.reading_text(p, first));
            let (text, style) = match (text.is_empty(), r) {
                (true, _) => ("om.".to_owned(), Style::Italic),
                (false, 0) => (text, Style::Plain),
                (false, _) => (text, Style::Added),
            };
            blocks.push(Block::Item {
                depth: 1,
                bullet: "•".to_owned(),
                spans: vec![bold(&sigla.join(", ")), plain(": "), Span::new(text, style)],
            });
        }
    }
    for m in collation.moves() {
        let witness = &witnesses[m.witness];
        blocks.push(Block::Paragraph(vec![Span::new(
            format!(
                "Moved: {} reads “{}” at place {}, where the others read it at place {}.",
                witness.id,
                one_line(witness.shown(m.tokens.clone())),
                collation.place_of_column(m.to.start) + 1,
                collation.place_of_column(m.from.start) + 1,
            ),
            Style::Italic,
        )]));
    }
    // The Apparatus, as a critical edition prints it.
    let apparatus = Apparatus::of(collation, base);
    let base_name = match base {
        Base::Witness(w) => witnesses.get(w).map_or("?", |w| w.id.as_str()).to_owned(),
        Base::Majority => "the majority reading".to_owned(),
    };
    blocks.push(Block::Heading(2, vec![plain("Apparatus")]));
    blocks.push(Block::Paragraph(vec![Span::new(
        format!("Base text: {base_name}."),
        Style::Italic,
    )]));
    blocks.push(Block::Quote(vec![plain(&apparatus.marked_base_text())]));
    for line in apparatus.numbered_lines(collation) {
        blocks.push(Block::Paragraph(vec![plain(&line)]));
    }
    Document {
        title: title.to_owned(),
        author: None,
        language: "en".to_owned(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::collation::{WitnessText, collate};
    use crate::model::diff::Normalization;

    #[test]
    fn a_collation_prints_its_witnesses_table_and_apparatus() {
        let witness = |id: &str, text: &str| WitnessText {
            id: id.into(),
            text: text.into(),
        };
        let collation = collate(
            &[
                witness("1859", "generally differ much more from each other"),
                witness("1860", "generally differ more from each other"),
                witness("1872", "generally differ more from each other"),
            ],
            &Normalization::wording(),
        );
        let document = document(&collation, "Origin, ch. 1", Base::Witness(0));
        let text: Vec<String> = document
            .blocks
            .iter()
            .map(|block| match block {
                Block::Heading(_, spans)
                | Block::Paragraph(spans)
                | Block::Quote(spans)
                | Block::Item { spans, .. } => spans.iter().map(|s| s.text.as_str()).collect(),
                Block::Rule => String::new(),
            })
            .collect();
        let all = text.join("\n");
        for expected in [
            "Witnesses",
            "1859: 7 words",
            "Table",
            "the witnesses differ:",
            "1859: much",
            "1860, 1872: om.",
            "Apparatus",
            "Base text: 1859.",
            "[1] much ] 1859; om. 1860 1872",
        ] {
            assert!(all.contains(expected), "{expected:?} in:\n{all}");
        }
        // It prints.
        let pdf = crate::formats::print::to_pdf(&document).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
