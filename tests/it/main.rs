//! Lectern's integration tests, in one binary so that the whole graph (eframe, wgpu, winit …)
//! is linked once: the command line run as a user runs it, the window through egui_kittest, the
//! storage under faults, kills and real sync engines, the bundled corpus, and image snapshots.
//! `cargo test --test it MODULE::` runs one part.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

mod common;
mod w3c;

mod cli;
mod collate_tei;
mod collation_view;
mod corpus;
mod desktop;
mod faults;
mod fuzz;
mod groups;
mod gui;
mod jumps;
mod kill;
mod language;
mod pages;
mod pdf_import;
mod print;
mod reanchor;
mod recovery;
mod references;
mod signals;
mod snapshots;
mod study_data;
mod sync_git;
mod sync_group;
mod sync_syncthing;
mod syncthing_engine;
