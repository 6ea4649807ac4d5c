//! Citations in the styles scholars must use: Chicago (notes and bibliography, and
//! author-date), MLA, APA and ГОСТ Р 7.0.5–2008, formatted by a CSL processor (typst's
//! hayagriva) from the CSL styles and locales Lectern bundles (`resources/csl`: Debian's
//! citation-style-language files, as pandoc and Zotero read them). A text's reference is given
//! to the processor as the CSL-JSON item `lectern references` writes, so that Lectern, pandoc
//! and Zotero format the same item.
//!
//! Lectern's own short form ("V. I. Lenin, “Title”, 26 September 1922 (Collected Works, vol.
//! 42, p. 422)") stays the default style; it is made without CSL
//! ([`crate::model::annotation_export::passage_citation`]).
//!
//! Pure: a reference, a style and a page in, plain text out.

use std::sync::OnceLock;

use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, LocaleFile};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    LocatorPayload, SpecificLocator,
};

use super::references::Reference;

/// The citation styles a reader can choose.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CitationStyle {
    /// Lectern's short form: author, title and date, then where it is printed and the page.
    #[default]
    Lectern,
    /// The Chicago Manual of Style (17th edition), notes and bibliography.
    ChicagoNotes,
    /// The Chicago Manual of Style (17th edition), author-date.
    ChicagoAuthorDate,
    /// The Modern Language Association's (9th edition).
    Mla,
    /// The American Psychological Association's (7th edition).
    Apa,
    /// ГОСТ Р 7.0.5–2008 (numeric), in Russian terms ("Т.", "С.").
    Gost,
}

impl CitationStyle {
    /// The style's name on the command line and in the reading state ("chicago-notes").
    pub fn name(self) -> &'static str {
        match self {
            Self::Lectern => "lectern",
            Self::ChicagoNotes => "chicago-notes",
            Self::ChicagoAuthorDate => "chicago-author-date",
            Self::Mla => "mla",
            Self::Apa => "apa",
            Self::Gost => "gost",
        }
    }

    /// The style named `name` (as [`Self::name`] gives it), if there is one.
    pub fn from_name(name: &str) -> Option<Self> {
        use strum::IntoEnumIterator;
        Self::iter().find(|style| style.name() == name.trim().to_ascii_lowercase())
    }

    /// The style's name as scholars know it ("Chicago (notes and bibliography)").
    pub fn title(self) -> &'static str {
        match self {
            Self::Lectern => "Lectern (short)",
            Self::ChicagoNotes => "Chicago (notes and bibliography)",
            Self::ChicagoAuthorDate => "Chicago (author-date)",
            Self::Mla => "MLA",
            Self::Apa => "APA",
            Self::Gost => "ГОСТ Р 7.0.5–2008",
        }
    }

    /// The bundled CSL file of the style, and its file name; none for Lectern's own.
    pub fn csl(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Self::Lectern => return None,
            Self::ChicagoNotes => (
                "chicago-note-bibliography.csl",
                include_str!("../../resources/csl/chicago-note-bibliography.csl"),
            ),
            Self::ChicagoAuthorDate => (
                "chicago-author-date.csl",
                include_str!("../../resources/csl/chicago-author-date.csl"),
            ),
            Self::Mla => (
                "modern-language-association.csl",
                include_str!("../../resources/csl/modern-language-association.csl"),
            ),
            Self::Apa => ("apa.csl", include_str!("../../resources/csl/apa.csl")),
            Self::Gost => (
                "gost-r-7-0-5-2008-numeric.csl",
                include_str!("../../resources/csl/gost-r-7-0-5-2008-numeric.csl"),
            ),
        })
    }

    /// The quotation marks a quotation within a title takes: single within Chicago's and MLA's
    /// quoted titles, «» in ГОСТ's Russian, as written in APA's plain titles.
    fn quotes_within_titles(self) -> Option<(&'static str, &'static str)> {
        match self {
            Self::ChicagoNotes | Self::ChicagoAuthorDate | Self::Mla => Some(("‘", "’")),
            Self::Gost => Some(("«", "»")),
            Self::Lectern | Self::Apa => None,
        }
    }

    /// The language of the style's terms: Russian for ГОСТ, else American English.
    pub fn locale(self) -> &'static str {
        match self {
            Self::Gost => "ru-RU",
            _ => "en-US",
        }
    }
}

/// A reference formatted in a style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    /// The entry of a bibliography (numbered "1." in a numeric style), as it follows its
    /// citation ("[1, с. 422]").
    pub bibliography: String,
    /// The same entry without its number, for a heading or a list of texts where no citation
    /// points to it.
    pub entry: String,
    /// The first citation of a passage: a note in a note style ("V. I. Lenin, “…,” 422."), an
    /// in-text citation in the others ("(Lenin 1922, 422)", "[1, с. 422]").
    pub citation: String,
}

/// ГОСТ's abbreviation of page and pages alike.
const GOST_PAGE_TERM: &str = r#"<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="ru-RU"><terms><term name="page" form="short"><single>с.</single><multiple>с.</multiple></term></terms></locale>"#;

/// The bundled locales, parsed once.
fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(|| {
        [
            include_str!("../../resources/csl/locales-en-US.xml"),
            include_str!("../../resources/csl/locales-ru-RU.xml"),
        ]
        .into_iter()
        .filter_map(|xml| LocaleFile::from_xml(xml).ok().map(Locale::from))
        .collect()
    })
}

/// The style's CSL, parsed once; none for Lectern's own (or a bundled file that does not
/// parse, which a test rules out).
fn parsed(style: CitationStyle) -> Option<&'static IndependentStyle> {
    static STYLES: OnceLock<Vec<(CitationStyle, IndependentStyle)>> = OnceLock::new();
    let styles = STYLES.get_or_init(|| {
        use strum::IntoEnumIterator;
        CitationStyle::iter()
            .filter_map(|style| {
                let (_, xml) = style.csl()?;
                let mut parsed = IndependentStyle::from_xml(xml).ok()?;
                if style == CitationStyle::Gost {
                    // "С. 421–423", as ГОСТ and pandoc's citeproc print it: the Russian
                    // locale's plural "сс." is not ГОСТ's. A style's own locale is looked up
                    // before the locale files, so this one term is enough.
                    let single_page_term = LocaleFile::from_xml(GOST_PAGE_TERM).ok()?;
                    parsed.locale.insert(0, single_page_term.into());
                }
                Some((style, parsed))
            })
            .collect()
    });
    styles
        .iter()
        .find(|(s, _)| *s == style)
        .map(|(_, parsed)| parsed)
}

/// `reference` formatted in `style`, citing `page` ("422", "421–422") where one is given; none
/// for Lectern's own style, which is not CSL.
pub fn cite(reference: &Reference, style: CitationStyle, page: Option<&str>) -> Option<Cited> {
    let csl = parsed(style)?;
    // Quotation marks within a title as citeproc sets them: single where the style sets the
    // title in double ones (hayagriva would drop them), «» in Russian.
    let mut reference = reference.clone();
    if let Some((open, close)) = style.quotes_within_titles() {
        reference.title = reference.title.replace('“', open).replace('”', close);
    }
    let item: Item = serde_json::to_value(&reference)
        .ok()
        .and_then(|value| serde_json::from_value(value).ok())?;
    let locale = Some(LocaleCode(style.locale().to_owned()));
    let locales = locales();
    let locator = page.map(|page| SpecificLocator(Locator::Page, LocatorPayload::Str(page)));
    // The processor is given what Lectern writes; should it fail on an item all the same, the
    // reader gets Lectern's own citation instead of a crash.
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut driver = BibliographyDriver::new();
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_locator(&item, locator)],
            csl,
            locale.clone(),
            locales,
            Some(1),
        ));
        driver.finish(BibliographyRequest::new(csl, locale, locales))
    }))
    .ok()?;
    let (mut number, mut entry_alone) = (String::new(), String::new());
    for entry in rendered.bibliography.map(|b| b.items).unwrap_or_default() {
        if let Some(first) = entry.first_field {
            first.write_buf(&mut number, BufWriteFormat::Plain).ok()?;
        }
        entry
            .content
            .write_buf(&mut entry_alone, BufWriteFormat::Plain)
            .ok()?;
    }
    let bibliography = if number.trim().is_empty() {
        entry_alone.clone()
    } else {
        format!("{} {entry_alone}", number.trim())
    };
    let mut citation = String::new();
    for cited in rendered.citations {
        cited
            .citation
            .write_buf(&mut citation, BufWriteFormat::Plain)
            .ok()?;
    }
    Some(Cited {
        bibliography: tidy(&bibliography),
        entry: tidy(&entry_alone),
        citation: tidy(&citation),
    })
}

/// White space as one space, none at either end.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn kamenev() -> Reference {
        let meta = crate::formats::text_format::TextMeta {
            id: "lenin-1922-09-26-kamenev".into(),
            title: "To L. B. Kamenev".into(),
            author: "V. I. Lenin".into(),
            date: "1922-09-26".into(),
            language: "en".into(),
            translator: Some("Bernard Isaacs".into()),
            reference: Some("Collected Works, vol. 42, pp. 421–423".into()),
            source: "Marxists Internet Archive".into(),
            ..Default::default()
        };
        Reference::of_text(&meta)
    }

    #[test]
    fn every_bundled_style_and_locale_parses_and_names_itself() {
        assert_eq!(locales().len(), 2);
        for style in CitationStyle::iter() {
            assert_eq!(CitationStyle::from_name(style.name()), Some(style));
            assert_eq!(parsed(style).is_some(), style.csl().is_some(), "{style:?}");
        }
        assert_eq!(
            CitationStyle::from_name("Chicago-Notes"),
            Some(CitationStyle::ChicagoNotes)
        );
        assert_eq!(CitationStyle::from_name("harvard"), None);
    }

    #[test]
    fn a_letter_of_the_collected_works_is_cited_in_each_style_with_its_page() {
        let reference = kamenev();
        let cited = |style| cite(&reference, style, Some("422")).unwrap();
        let chicago = cited(CitationStyle::ChicagoNotes);
        assert_eq!(
            chicago.bibliography,
            "Lenin, V. I. “To L. B. Kamenev.” In Collected Works, translated by Bernard \
             Isaacs, 42:421–23, 1922."
        );
        // The 17th edition's notes are short where a bibliography gives the whole reference.
        assert_eq!(chicago.citation, "Lenin, “To L. B. Kamenev,” 422.");
        assert_eq!(
            cited(CitationStyle::ChicagoAuthorDate).citation,
            "(Lenin 1922, 422)"
        );
        assert_eq!(cited(CitationStyle::Mla).citation, "(Lenin 422)");
        assert_eq!(cited(CitationStyle::Apa).citation, "(Lenin, 1922, p. 422)");
        let gost = cited(CitationStyle::Gost);
        assert!(gost.bibliography.contains("Т. 42"), "{}", gost.bibliography);
        assert!(gost.citation.contains("с. 422"), "{}", gost.citation);
        assert!(
            gost.bibliography.starts_with("1. "),
            "{}",
            gost.bibliography
        );
        assert!(
            !gost.entry.starts_with("1.") && gost.bibliography.ends_with(&gost.entry),
            "the entry alone, for headings: {}",
            gost.entry
        );
        assert_eq!(cite(&reference, CitationStyle::Lectern, None), None);
    }
}
