//! The domain: texts, selections, the library. No egui and no I/O here, so all of it is tested
//! with plain unit tests.

pub mod anchor;
pub mod annotation;
pub mod annotation_export;
pub mod archive;
pub mod carry;
pub mod clock;
pub mod compare;
pub mod comparison;
pub mod comparison_export;
pub mod generate;
pub mod glossary;
pub mod header;
pub mod history;
pub mod import_report;
pub mod index;
pub mod library;
pub mod markup;
pub mod notebook;
pub mod notebook_import;
pub mod search;
pub mod selection;
pub mod spans;
pub mod study;
pub mod sync;
pub mod text;
pub mod timeline;
pub mod w3c_import;
