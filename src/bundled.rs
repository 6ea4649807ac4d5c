//! The texts that ship with Lectern, compiled in from `resources/texts/` by `build.rs`.

use crate::model::header::parse_text_file;
use crate::model::library::Library;
use crate::model::text::Text;

include!(concat!(env!("OUT_DIR"), "/bundled_texts.rs"));

/// Parses the bundled texts. `build.rs` has already validated them with the same parser, so a
/// failure here means a broken build; it is logged and the text skipped rather than crashing.
pub fn bundled_texts() -> Vec<Text> {
    BUNDLED_TEXT_FILES
        .iter()
        .filter_map(|(name, contents)| match parse_text_file(name, contents) {
            Ok(parsed) => Some(Text::from_parsed(parsed)),
            Err(e) => {
                log::error!("bundled text skipped: {e}");
                None
            }
        })
        .collect()
}

/// A library of the bundled texts.
pub fn bundled_library() -> Library {
    Library::new(bundled_texts())
}
