//! The library: every text the reader can open, in date order, with a filter.

use std::sync::Arc;

use super::text::Text;

/// The texts available to the reader. Texts are shared (`Arc`) with the panes showing them.
///
/// Invariant: ids are unique; `texts` are sorted by date, then title.
#[derive(Clone, Debug, Default)]
pub struct Library {
    texts: Vec<Arc<Text>>,
}

impl Library {
    /// A library of `texts`. A text whose id is already present is left out, so the first of
    /// two texts with one id wins.
    pub fn new(texts: impl IntoIterator<Item = Text>) -> Self {
        let mut library = Self::default();
        for text in texts {
            library.insert(text);
        }
        library
    }

    /// Adds a text; returns false (and changes nothing) if its id is taken.
    pub fn insert(&mut self, text: Text) -> bool {
        if self.get(text.id()).is_some() {
            return false;
        }
        let key = |t: &Text| (t.meta().date.clone(), t.meta().title.clone());
        let position = self.texts.partition_point(|t| key(t) <= key(&text));
        self.texts.insert(position, Arc::new(text));
        true
    }

    /// Takes the text with this id out of the library.
    pub fn remove(&mut self, text_id: &str) -> Option<Arc<Text>> {
        let index = self.texts.iter().position(|t| t.id() == text_id)?;
        Some(self.texts.remove(index))
    }

    /// Adds `text`, or puts it in the place of the text with its id (a re-imported file).
    pub fn insert_or_replace(&mut self, text: Text) {
        self.texts.retain(|t| t.id() != text.id());
        self.insert(text);
    }

    /// All texts, by date.
    pub fn texts(&self) -> &[Arc<Text>] {
        &self.texts
    }

    /// The text with this id.
    pub fn get(&self, text_id: &str) -> Option<&Arc<Text>> {
        self.texts.iter().find(|t| t.id() == text_id)
    }

    /// The texts matching every word of `query` (case-insensitive) in their title, subtitle,
    /// author, date, kind or references. An empty query matches everything.
    pub fn filter<'a>(&'a self, query: &str) -> impl Iterator<Item = &'a Arc<Text>> + 'a {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.texts.iter().filter(move |text| {
            if terms.is_empty() {
                return true;
            }
            let meta = text.meta();
            let haystack = [
                Some(meta.title.as_str()),
                meta.subtitle.as_deref(),
                Some(meta.author.as_str()),
                Some(meta.date.as_str()),
                meta.date_label.as_deref(),
                meta.kind.as_deref(),
                meta.reference.as_deref(),
                meta.reference_ru.as_deref(),
                Some(meta.id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
            terms.iter().all(|term| haystack.contains(term.as_str()))
        })
    }

    /// The year a text is grouped under in the library list (`"2022"`, `"1922"`).
    pub fn year_of(text: &Text) -> &str {
        text.meta().date.get(..4).unwrap_or(&text.meta().date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::text_format::TextMeta;

    fn text(id: &str, date: &str, title: &str) -> Text {
        let meta = TextMeta {
            id: id.into(),
            date: date.into(),
            title: title.into(),
            author: "V. I. Lenin".into(),
            ..TextMeta::default()
        };
        Text::new(meta, ["body".to_owned()])
    }

    #[test]
    fn texts_are_kept_in_date_order() {
        let library = Library::new([
            text("c", "1923-03-05", "To L. D. Trotsky"),
            text("a", "1922-09-26", "On the Establishment"),
            text("b", "1922-10-06", "Memo"),
        ]);
        let ids: Vec<_> = library.texts().iter().map(|t| t.id()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn a_duplicate_id_is_refused() {
        let mut library = Library::new([text("a", "1922", "First")]);
        assert!(!library.insert(text("a", "1923", "Second")));
        assert_eq!(library.texts().len(), 1);
        assert_eq!(
            library.get("a").map(|t| t.meta().title.as_str()),
            Some("First")
        );
    }

    #[test]
    fn filter_matches_every_word_case_insensitively() {
        let library = Library::new([
            text("a", "1922-09-26", "On the Establishment of the U.S.S.R."),
            text("b", "1923-03-05", "To L. D. Trotsky"),
        ]);
        let ids = |q: &str| {
            library
                .filter(q)
                .map(|t| t.id().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(""), ["a", "b"]);
        assert_eq!(ids("trotsky"), ["b"]);
        assert_eq!(ids("lenin 1922"), ["a"]);
        assert_eq!(ids("ESTABLISHMENT u.s.s.r."), ["a"]);
        assert!(ids("kautsky").is_empty());
    }
}
