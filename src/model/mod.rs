//! The domain: texts, selections, the library. No egui and no I/O here, so all of it is tested
//! with plain unit tests.

pub mod anchor;
pub mod annotation;
pub mod annotation_export;
pub mod annotation_set;
pub mod archive;
pub mod carry;
pub mod clock;
pub mod collation;
pub mod comparison;
pub mod diff;
pub mod escape;
pub mod generate;
pub mod glossary;
pub mod group;
pub mod import_report;
pub mod library;
pub mod notebook;
pub mod notebook_import;
pub mod own_entries;
pub mod people_places;
pub mod reading_history;
pub mod search;
pub mod selection;
pub mod spans;
pub mod sync;
pub mod text;
pub mod timeline;
pub mod w3c_import;
pub mod words;
