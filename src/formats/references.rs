//! A text as a bibliographic reference, in the three formats reference managers exchange:
//! CSL-JSON (Zotero, pandoc, every CSL processor), BibTeX (biblatex's fields, as Better BibTeX
//! writes them) and RIS. Pure: a [`Reference`] is made from a text's metadata
//! ([`Reference::of_text`]) and written to a string; nothing is read or written here.

use serde::{Deserialize, Serialize};

use super::text_format::TextMeta;

/// A person's name as CSL-JSON holds it: family and given names, or one literal name (an
/// organisation, an editorial board).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The family name ("Lenin").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The given names or initials ("V. I.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A name not split into family and given ("World-Outlook").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl Name {
    /// "V. I. Lenin" → given "V. I.", family "Lenin"; one word, or a name with a bracketed
    /// remark, is literal ("World-Outlook (editorial introduction)" → "World-Outlook").
    pub fn parse(written: &str) -> Self {
        let name = written.split(" (").next().unwrap_or_default().trim();
        match name.rsplit_once(' ') {
            Some((given, family)) if !written.contains(" (") => Self {
                family: Some(family.to_owned()),
                given: Some(given.to_owned()),
                literal: None,
            },
            Some(_) | None => Self {
                literal: Some(name.to_owned()),
                ..Self::default()
            },
        }
    }

    /// "Lenin, V. I." (BibTeX and RIS), or the literal name in braces for BibTeX's sake where
    /// `braced`.
    fn inverted(&self, braced: bool) -> String {
        match (&self.family, &self.given, &self.literal) {
            (Some(family), Some(given), _) => format!("{family}, {given}"),
            (Some(family), None, _) => family.clone(),
            (None, _, Some(literal)) if braced => format!("{{{literal}}}"),
            (None, _, Some(literal)) => literal.clone(),
            (None, Some(given), None) => given.clone(),
            (None, None, None) => String::new(),
        }
    }
}

/// The family name of the first of the names `written` ("Lenin" of "V. I. Lenin and G.
/// Zinoviev"), or the literal name ("World-Outlook").
pub fn first_family_name(written: &str) -> Option<String> {
    let (made, _) = names(written);
    let first = made.into_iter().next()?;
    first.family.or(first.literal)
}

/// Names written as "A and B", "A, B" or "A; edited by B": the persons before any "edited by".
fn names(written: &str) -> (Vec<Name>, Vec<Name>) {
    let (made, edited) = match written.split_once("; edited by ") {
        Some((made, edited)) => (made, Some(edited)),
        None => (written, None),
    };
    let split = |list: &str| -> Vec<Name> {
        list.split(" and ")
            .flat_map(|part| part.split(", "))
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Name::parse)
            .collect()
    };
    (split(made), edited.map(split).unwrap_or_default())
}

/// A date as CSL-JSON holds it: `{"date-parts": [[1922, 9, 26]]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    /// Year, and month and day where known.
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
}

impl Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None for anything else.
    pub fn parse(sortable: &str) -> Option<Self> {
        let parts: Vec<i32> = sortable
            .split('-')
            .map(|part| part.parse::<i32>())
            .collect::<Result<_, _>>()
            .ok()?;
        (!parts.is_empty() && parts.len() <= 3 && parts[0] > 0).then(|| Self {
            date_parts: vec![parts],
        })
    }

    fn part(&self, index: usize) -> Option<i32> {
        self.date_parts.first().and_then(|p| p.get(index)).copied()
    }
}

/// One text of the library as a reference: CSL-JSON's fields, which the other formats map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Reference {
    /// The text's id, which is also the citation key.
    pub id: String,
    /// CSL's item type: "chapter" for a document printed in a volume (a letter in the
    /// Collected Works), "manuscript" for one that is not, "book" for a whole book.
    #[serde(rename = "type")]
    pub kind: String,
    /// The title (with its subtitle after a colon).
    #[serde(default)]
    pub title: String,
    /// Its authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    /// Its translators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translator: Vec<Name>,
    /// Editors of the translation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<Name>,
    /// When the document was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// The volume it is printed in ("Collected Works").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// The volume's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Its pages there ("421–423").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// What kind of document ("letter", "memo").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Its language tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where it is on the web.
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where this copy comes from, and where the document was first published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Reference {
    /// The reference of a text, from its metadata: its authors and translators as names, its
    /// date, and the volume and pages of its standard reference ("Collected Works, vol. 42,
    /// pp. 421–423").
    pub fn of_text(meta: &TextMeta) -> Self {
        let (author, _) = meta.known_author().map(names).unwrap_or_default();
        let (translator, editor) = meta.translator.as_deref().map(names).unwrap_or_default();
        let printed = meta.reference.as_deref().map(Printed::parse);
        let title = match &meta.subtitle {
            Some(subtitle) if !subtitle.trim().is_empty() => {
                format!("{}: {}", meta.title, subtitle)
            }
            _ => meta.title.clone(),
        };
        // Not "Source: …": Zotero, pandoc and citeproc read a note's "name: value" lines as
        // CSL variables (MLA would print this copy's source as the document's).
        let mut note = format!("Copy from {}", meta.source);
        if let Some(first) = &meta.first_published {
            note.push_str(&format!(". First published: {first}"));
        }
        Self {
            id: meta.id.to_string(),
            kind: if printed.as_ref().is_some_and(|p| p.container.is_some()) {
                "chapter"
            } else {
                "manuscript"
            }
            .to_owned(),
            title,
            author,
            translator,
            editor,
            issued: Date::parse(&meta.date),
            container_title: printed.as_ref().and_then(|p| p.container.clone()),
            volume: printed.as_ref().and_then(|p| p.volume.clone()),
            page: printed.and_then(|p| p.pages),
            genre: meta.kind.clone(),
            language: Some(meta.language.clone()).filter(|l| !l.is_empty()),
            url: meta.url.clone(),
            note: Some(note),
        }
    }
}

/// A standard reference cut into its parts: "Collected Works, vol. 42, pp. 421–423".
struct Printed {
    container: Option<String>,
    volume: Option<String>,
    pages: Option<String>,
}

impl Printed {
    fn parse(reference: &str) -> Self {
        let mut printed = Self {
            container: None,
            volume: None,
            pages: None,
        };
        for part in reference.split(", ").map(str::trim) {
            if let Some(volume) = part.strip_prefix("vol. ") {
                printed.volume = Some(volume.to_owned());
            } else if let Some(pages) = part
                .strip_prefix("pp. ")
                .or_else(|| part.strip_prefix("p. "))
            {
                printed.pages = Some(pages.to_owned());
            } else if printed.container.is_none() {
                printed.container = Some(part.to_owned());
            }
        }
        printed
    }
}

/// The entry of `entries` that a text titled `title` most likely is: the one of the same title
/// (case and spacing aside), else the first. None when there are none.
pub fn likeliest<'a>(entries: &'a [Reference], title: &str) -> Option<&'a Reference> {
    let folded = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let wanted = folded(title);
    entries
        .iter()
        .find(|e| folded(&e.title) == wanted)
        .or_else(|| entries.first())
}

/// The references as a CSL-JSON array, as Zotero exports and pandoc reads it.
pub fn csl_json(references: &[Reference]) -> String {
    serde_json::to_string_pretty(references).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}

/// Reads a CSL-JSON array (Zotero's "Export item" as CSL JSON), or one item.
pub fn read_csl_json(json: &str) -> Result<Vec<Reference>, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        item @ serde_json::Value::Object(_) => vec![item],
        _ => return Err("a CSL-JSON file holds an array of items".to_owned()),
    };
    items
        .into_iter()
        .map(|item| serde_json::from_value(as_written(item)).map_err(|e| e.to_string()))
        .collect()
}

/// A CSL-JSON item as other programs write it made the shape Lectern reads: Zotero writes a
/// year as a string (`"date-parts": [["1922", 9, 26]]`), CSL allows numbers for an id, a
/// volume or pages, and an item may have no title.
fn as_written(mut item: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let Some(fields) = item.as_object_mut() else {
        return item;
    };
    for key in ["id", "volume", "page", "genre", "language", "URL", "note"] {
        if let Some(Value::Number(number)) = fields.get(key) {
            let written = number.to_string();
            fields.insert(key.to_owned(), Value::String(written));
        }
    }
    fields
        .entry("title")
        .or_insert_with(|| Value::String(String::new()));
    for key in ["issued"] {
        let Some(parts) = fields
            .get_mut(key)
            .and_then(|date| date.get_mut("date-parts"))
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        for part in parts.iter_mut().filter_map(Value::as_array_mut) {
            for value in part.iter_mut() {
                if let Some(number) = value.as_str().and_then(|s| s.trim().parse::<i32>().ok()) {
                    *value = Value::from(number);
                }
            }
        }
    }
    // A date Lectern cannot read (a season, a "raw" string) is left out, not the whole item.
    if fields
        .get("issued")
        .is_some_and(|d| serde_json::from_value::<Date>(d.clone()).is_err())
    {
        fields.remove("issued");
    }
    item
}

/// Reads BibTeX or biblatex entries (Zotero's BibTeX export, Better BibTeX), parsed by the
/// `biblatex` crate: each entry's key, title, authors, translators, date, the volume it is in
/// with its number and pages, language and address.
pub fn read_bibtex(source: &str) -> Result<Vec<Reference>, String> {
    use biblatex::{ChunksExt, Person};
    let bibliography = biblatex::Bibliography::parse(source).map_err(|e| e.to_string())?;
    let names = |people: Vec<Person>| -> Vec<Name> {
        people
            .into_iter()
            .map(|p| Name {
                family: Some(p.name).filter(|n| !n.is_empty()),
                given: Some(p.given_name).filter(|n| !n.is_empty()),
                literal: None,
            })
            .collect()
    };
    let mut references = Vec::new();
    for entry in bibliography.iter() {
        let text = |key: &str| {
            entry
                .get(key)
                .map(|chunks| chunks.format_verbatim())
                .filter(|value| !value.trim().is_empty())
        };
        let people = |key: &str| {
            entry
                .get_as::<Vec<Person>>(key)
                .map(names)
                .unwrap_or_default()
        };
        let container = text("booktitle")
            .or_else(|| text("journaltitle"))
            .or_else(|| text("journal"));
        let kind = match entry.entry_type.to_string().to_lowercase().as_str() {
            "book" | "mvbook" => "book",
            "article" | "incollection" | "inbook" | "inproceedings" | "suppbook" => "chapter",
            _ if container.is_some() => "chapter",
            _ => "manuscript",
        };
        let date = text("date").or_else(|| {
            let year = text("year")?;
            Some(match text("month").and_then(|m| m.parse::<u32>().ok()) {
                Some(month) => format!("{year}-{month:02}"),
                None => year,
            })
        });
        references.push(Reference {
            id: entry.key.clone(),
            kind: kind.to_owned(),
            title: text("title").unwrap_or_default(),
            author: people("author"),
            translator: people("translator"),
            editor: people("editor"),
            issued: date.as_deref().and_then(Date::parse),
            container_title: container,
            volume: text("volume"),
            page: text("pages").map(|p| p.replace("--", "–")),
            genre: text("type"),
            language: text("langid")
                .or_else(|| text("language"))
                .map(|l| language_tag(&l)),
            url: text("url"),
            note: text("note"),
        });
    }
    Ok(references)
}

/// Reads a reference file the reader gives: CSL-JSON (an array or one item) or BibTeX.
pub fn read_any(source: &str) -> Result<Vec<Reference>, String> {
    if source.trim_start().starts_with(['[', '{']) {
        read_csl_json(source)
    } else {
        read_bibtex(source)
    }
}

impl Name {
    /// "V. I. Lenin": given names, then the family name; or the literal name.
    pub fn written(&self) -> String {
        match (&self.given, &self.family, &self.literal) {
            (Some(given), Some(family), _) => format!("{given} {family}"),
            (None, Some(family), _) => family.clone(),
            (_, None, Some(literal)) => literal.clone(),
            (Some(given), None, None) => given.clone(),
            (None, None, None) => String::new(),
        }
    }
}

impl Reference {
    /// The names of `people`, written as a reader writes them and joined ("A and B").
    fn written(people: &[Name]) -> Option<String> {
        let names: Vec<String> = people.iter().map(Name::written).collect();
        (!names.is_empty()).then(|| names.join(" and "))
    }

    /// The authors, as a text's header writes them.
    pub fn authors_written(&self) -> Option<String> {
        Self::written(&self.author)
    }

    /// The translators (and editors of the translation), as a text's header writes them.
    pub fn translators_written(&self) -> Option<String> {
        let made = Self::written(&self.translator)?;
        Some(match Self::written(&self.editor) {
            Some(edited) => format!("{made}; edited by {edited}"),
            None => made,
        })
    }

    /// The date as a text's header sorts it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub fn sortable_date(&self) -> Option<String> {
        let parts = self.issued.as_ref()?.date_parts.first()?;
        let mut written = format!("{:04}", parts.first()?);
        for part in parts.iter().skip(1).take(2) {
            written.push_str(&format!("-{part:02}"));
        }
        Some(written)
    }

    /// Where it is printed, as a text's header writes its reference: "Collected Works, vol.
    /// 42, pp. 421–423".
    pub fn printed(&self) -> Option<String> {
        let container = self.container_title.as_ref()?;
        let mut printed = container.clone();
        if let Some(volume) = &self.volume {
            printed.push_str(&format!(", vol. {volume}"));
        }
        if let Some(pages) = &self.page {
            let many = pages.contains(['–', '-', ',']);
            printed.push_str(&format!(", {} {pages}", if many { "pp." } else { "p." }));
        }
        Some(printed)
    }
}

/// The language names biblatex and babel know, for the tags Lectern's texts have.
const BABEL: [(&str, &str); 6] = [
    ("en", "english"),
    ("ru", "russian"),
    ("uk", "ukrainian"),
    ("ka", "georgian"),
    ("de", "german"),
    ("fr", "french"),
];

/// The babel name of a language tag ("ru" → "russian"); another tag as it is.
fn babel_language(tag: &str) -> &str {
    BABEL
        .iter()
        .find(|(code, _)| *code == tag)
        .map_or(tag, |(_, name)| name)
}

/// The primary language tag of a reference's language as Zotero or biblatex write it: "en-US"
/// and "english" are "en", "ru-RU" and "Russian" are "ru"; none for what is not a tag.
pub fn primary_language(written: &str) -> Option<String> {
    let tag = language_tag(written.trim());
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// The tag of a babel language name ("russian" → "ru"); another name as it is.
fn language_tag(name: &str) -> String {
    BABEL
        .iter()
        .find(|(_, babel)| babel.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_owned(), |(code, _)| (*code).to_owned())
}

/// A BibTeX value: braces and backslashes escaped, so that any title is one value.
fn bib_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// The references as BibTeX entries with biblatex's fields (`@incollection` in a volume,
/// `@unpublished` otherwise), keyed by the text's id.
pub fn bibtex(references: &[Reference]) -> String {
    let mut out = String::new();
    for reference in references {
        let entry = match reference.kind.as_str() {
            "chapter" => "incollection",
            "book" => "book",
            _ => "unpublished",
        };
        out.push_str(&format!("@{entry}{{{},\n", reference.id));
        let mut field = |name: &str, value: &str| {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        };
        let people = |names: &[Name]| {
            names
                .iter()
                .map(|n| match &n.literal {
                    Some(literal) if n.family.is_none() => format!("{{{}}}", bib_value(literal)),
                    _ => bib_value(&n.inverted(false)),
                })
                .collect::<Vec<_>>()
                .join(" and ")
        };
        if !reference.author.is_empty() {
            field("author", &people(&reference.author));
        }
        // Titles in a second pair of braces: their capitals are the text's, not to be made
        // sentence case by a reader of English entries (pandoc, biber).
        field("title", &format!("{{{}}}", bib_value(&reference.title)));
        if let Some(container) = &reference.container_title {
            field("booktitle", &format!("{{{}}}", bib_value(container)));
        }
        if !reference.translator.is_empty() {
            field("translator", &people(&reference.translator));
        }
        if !reference.editor.is_empty() {
            field("editor", &people(&reference.editor));
        }
        if let Some(volume) = &reference.volume {
            field("volume", &bib_value(volume));
        }
        if let Some(pages) = &reference.page {
            field("pages", &bib_value(&pages.replace('–', "--")));
        }
        if let Some(date) = &reference.issued {
            let parts: Vec<String> = date
                .date_parts
                .first()
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        format!("{p:04}")
                    } else {
                        format!("{p:02}")
                    }
                })
                .collect();
            field("date", &parts.join("-"));
        }
        if let Some(genre) = &reference.genre {
            field("type", &bib_value(genre));
        }
        if let Some(language) = &reference.language {
            field("langid", &bib_value(babel_language(language)));
        }
        if let Some(url) = &reference.url {
            // A URL is verbatim in biblatex: only its braces could end the value.
            field("url", &url.replace('{', "%7B").replace('}', "%7D"));
        }
        if let Some(note) = &reference.note {
            field("note", &bib_value(note));
        }
        out.push_str("}\n\n");
    }
    out
}

/// The references as RIS records (`CHAP` in a volume, `UNPB` otherwise), as Zotero imports
/// them.
pub fn ris(references: &[Reference]) -> String {
    let mut out = String::new();
    for reference in references {
        let kind = match reference.kind.as_str() {
            "chapter" => "CHAP",
            "book" => "BOOK",
            _ => "UNPB",
        };
        let mut tag = |tag: &str, value: &str| {
            // A record is a line each: line breaks in a value would end it.
            out.push_str(&format!(
                "{tag}  - {}\r\n",
                value.replace(['\r', '\n'], " ")
            ));
        };
        tag("TY", kind);
        tag("ID", &reference.id);
        tag("TI", &reference.title);
        for author in &reference.author {
            tag("AU", &author.inverted(false));
        }
        for translator in &reference.translator {
            tag("A4", &translator.inverted(false));
        }
        for editor in &reference.editor {
            tag("ED", &editor.inverted(false));
        }
        if let Some(container) = &reference.container_title {
            tag("T2", container);
        }
        if let Some(volume) = &reference.volume {
            tag("VL", volume);
        }
        if let Some(pages) = &reference.page {
            let (start, end) = pages.split_once(['–', '-']).unwrap_or((pages, ""));
            tag("SP", start);
            if !end.is_empty() {
                tag("EP", end);
            }
        }
        if let Some(date) = &reference.issued {
            if let Some(year) = date.part(0) {
                tag("PY", &format!("{year:04}"));
            }
            let month = date.part(1).map(|m| format!("{m:02}")).unwrap_or_default();
            let day = date.part(2).map(|d| format!("{d:02}")).unwrap_or_default();
            if let Some(year) = date.part(0) {
                tag("DA", &format!("{year:04}/{month}/{day}/"));
            }
        }
        if let Some(genre) = &reference.genre {
            tag("M3", genre);
        }
        if let Some(language) = &reference.language {
            tag("LA", language);
        }
        if let Some(url) = &reference.url {
            tag("UR", url);
        }
        if let Some(note) = &reference.note {
            tag("N1", note);
        }
        tag("ER", "");
    }
    out
}

#[cfg(test)]
mod tests;
