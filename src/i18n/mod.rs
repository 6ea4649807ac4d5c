//! The interface's words in the reader's language: English or Russian, from Project Fluent
//! message files (`resources/i18n/<language>/<area>.ftl`), compiled in. Pure: no egui, no I/O.
//!
//! Every label, tooltip, message and count the window shows is a message of these files,
//! asked for by its id with [`tr!`](crate::tr); counts take Fluent's plural forms (Russian has
//! three for whole numbers: 1 заметка, 2 заметки, 5 заметок).
//!
//! The language is the thread's: the window sets it on its UI thread at each frame
//! ([`set_language`]), and a worker started through `ui::task::Task` takes its starter's. A
//! thread that never set one (the command line, a test) speaks English. Being per thread, two
//! windows tested in parallel in one process never speak each other's language.
//!
//! [`Language::Pseudo`] is for tests: every message is English in ‹brackets›, so that a test
//! can find any word the window shows that did not come from these files.

use std::cell::Cell;
use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

/// A language the interface speaks.
// The hidden pseudo-locale is a language like the others, matched by name everywhere.
#[allow(clippy::manual_non_exhaustive)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Russian.
    Russian,
    /// English with every message in ‹brackets›, for the test that finds words shown without
    /// a message.
    #[doc(hidden)]
    Pseudo,
}

/// Where a pseudo-locale message starts and ends.
pub const PSEUDO_OPEN: char = '‹';
/// Where a pseudo-locale message ends.
pub const PSEUDO_CLOSE: char = '›';

impl Language {
    /// The languages offered to the reader, in the order of the View menu.
    pub const OFFERED: [Language; 2] = [Language::English, Language::Russian];

    /// The BCP 47 code: "en", "ru".
    pub fn code(self) -> &'static str {
        match self {
            Self::English | Self::Pseudo => "en",
            Self::Russian => "ru",
        }
    }

    /// The language of a code or a POSIX locale ("ru", "ru-RU", "ru_RU.UTF-8"), if Lectern
    /// speaks it.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::English),
            "ru" => Some(Self::Russian),
            _ => None,
        }
    }

    /// The language of the system's locale (`ru_RU.UTF-8` …): English where Lectern does not
    /// speak the system's language, or where there is none ("C", "POSIX").
    pub fn of_locale(locale: Option<&str>) -> Self {
        locale.and_then(Self::from_code).unwrap_or(Self::English)
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        match self {
            Self::English | Self::Pseudo => &BUNDLES.0,
            Self::Russian => &BUNDLES.1,
        }
    }
}

/// Each area's message file, in English and in Russian.
macro_rules! message_files {
    ($($area:literal),* $(,)?) => {
        /// The message files' names (without `.ftl`), one per area of the interface.
        pub const AREAS: &[&str] = &[$($area),*];
        const ENGLISH: &[&str] =
            &[$(include_str!(concat!("../../resources/i18n/en/", $area, ".ftl"))),*];
        const RUSSIAN: &[&str] =
            &[$(include_str!(concat!("../../resources/i18n/ru/", $area, ".ftl"))),*];
    };
}

message_files!["commands", "app", "compare", "study", "reading", "model"];

/// The English and the Russian bundles, made once.
static BUNDLES: LazyLock<(FluentBundle<FluentResource>, FluentBundle<FluentResource>)> =
    LazyLock::new(|| (bundle("en", ENGLISH), bundle("ru", RUSSIAN)));

fn bundle(code: &str, files: &[&str]) -> FluentBundle<FluentResource> {
    let language = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // No Unicode isolation marks around placeables: egui draws them as boxes.
    bundle.set_use_isolating(false);
    for source in files {
        // The files are checked by the tests (every message parses, in both languages); a
        // message that did not parse is shown as its id.
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// Sets this thread's language.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// What `work` gives when this thread speaks `language`; the thread's own language is set
/// back after.
pub fn in_language<T>(language: Language, work: impl FnOnce() -> T) -> T {
    let own = self::language();
    set_language(language);
    let answer = work();
    set_language(own);
    answer
}

/// This thread's language (English unless set).
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The message `id` in this thread's language, with its arguments; its id where there is no
/// such message (a test fails on that: every id asked for is in both languages).
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(language(), id, args)
}

/// The message `id` in `language`.
pub fn message_in(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = language.bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    // A placeable the code did not give: a defect the tests of the windows and reports meet.
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    match language {
        Language::Pseudo => format!("{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}"),
        Language::English | Language::Russian => text,
    }
}

/// Whether `language` has the message `id`.
pub fn has_message(language: Language, id: &str) -> bool {
    language
        .bundle()
        .get_message(id)
        .is_some_and(|m| m.value().is_some())
}

/// The ids of every message of `language`'s files, in the files' order.
pub fn message_ids(language: Language) -> Vec<String> {
    let files = match language {
        Language::English | Language::Pseudo => ENGLISH,
        Language::Russian => RUSSIAN,
    };
    let mut ids = Vec::new();
    for source in files {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.push(message.id.name.to_owned());
            }
        }
    }
    ids
}

/// The errors of parsing each message file of `language`, as "area: error".
pub fn parse_errors(language: Language) -> Vec<String> {
    let files = match language {
        Language::English | Language::Pseudo => ENGLISH,
        Language::Russian => RUSSIAN,
    };
    let mut found = Vec::new();
    for (area, source) in AREAS.iter().zip(files.iter()) {
        if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
            found.extend(errors.iter().map(|e| format!("{area}: {e:?}")));
        }
    }
    found
}

/// A value for a message's argument: a number or a string.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// The message with this id in the thread's language: `tr!("menu-file")`, or with arguments,
/// `tr!("notes-count", count = n, title = &title)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::arg($value));)+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
