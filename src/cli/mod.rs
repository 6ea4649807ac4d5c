//! The commands of the `lectern` binary that have more to them than parsing their arguments:
//! each a library function over an opened profile, writing to any `std::io::Write`, so that
//! tests call it in-process. `src/main.rs` only parses the command line and calls them.

pub mod search;
