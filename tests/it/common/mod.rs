//! Helpers the integration tests share: the window's tests' gestures and set-up, opening
//! profiles and listing a notebook's ids, and a Syncthing harness on loopback.

pub mod gui;
pub mod notebook;
pub mod syncthing;
