//! Pure readers and writers of the formats Lectern reads and writes, beneath the model and
//! storage: no I/O, no threads, and no import of any other part of Lectern.

pub mod calendar;
pub mod cite;
pub mod collatex;
pub mod html;
pub mod ids;
pub mod pages;
pub mod pdf;
pub mod print;
pub mod references;
pub mod tei_parallel;
pub mod text_format;
pub mod w3c;
