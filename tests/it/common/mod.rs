//! Helpers the integration tests share: opening profiles and listing a notebook's ids, and a
//! Syncthing harness on loopback.

pub mod notebook;
pub mod syncthing;
