//! `lectern compare`: two wordings compared word by word, printed as text, Markdown, HTML or
//! JSON.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;

use crate::model::comparison::WordingInput;
use crate::model::comparison::export::{self, ComparisonFormat};
use crate::model::diff::{self, Normalization, Op};
use crate::model::library::Library;
use crate::storage::open::Access;

/// The formats of `lectern compare --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Like `git diff --word-diff`.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// The operations, with character ranges into both inputs.
    Json,
}

/// What counts as a difference (`lectern compare --normalize`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Normalize {
    /// Ignores case, punctuation, kinds of quotes and dashes, white space, ё/е.
    Wording,
    /// Ignores kinds of quotes and dashes, white space, ё/е.
    Typography,
    /// Every character counts.
    Exact,
}

impl Normalize {
    /// The name given on the command line (and printed in the JSON).
    pub fn name(self) -> &'static str {
        match self {
            Self::Wording => "wording",
            Self::Typography => "typography",
            Self::Exact => "exact",
        }
    }

    /// The normalisation profile of that name.
    pub fn normalization(self) -> anyhow::Result<Normalization> {
        Normalization::profile(self.name())
            .ok_or_else(|| anyhow::anyhow!("unknown normalisation profile “{}”", self.name()))
    }
}

/// The library an id is looked up in: the bundled one when the id is a bundled text (no profile
/// needs opening), else the profile's, opened as `lectern list` opens it.
pub fn library_for(profile: Option<&Path>, id: &str) -> Library {
    let bundled = crate::bundled::bundled_library();
    if bundled.get(id).is_some() {
        return bundled;
    }
    match super::open(profile, Access::Read) {
        Ok(opened) => opened.library,
        Err(e) => {
            log::warn!("the profile's imported texts could not be read: {e}");
            bundled
        }
    }
}

/// The two wordings `a` and `b` (files, or ids of texts of `profile`'s library), read at once
/// (two long files take two cores).
pub fn wordings(
    profile: Option<&Path>,
    a: &str,
    b: &str,
) -> anyhow::Result<(WordingInput, WordingInput)> {
    let wording = |argument: &str| {
        crate::storage::text_file::wording(argument, |id| library_for(profile, id))
            .map_err(anyhow::Error::from)
    };
    let (a, b) = rayon::join(|| wording(a), || wording(b));
    Ok((a?, b?))
}

/// Writes the comparison of `a` and `b` (files, or ids of texts of `profile`'s library) to
/// `out` as `format`.
pub fn run(
    profile: Option<&Path>,
    a: &str,
    b: &str,
    format: CompareFormat,
    normalize: Normalize,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let normalization = normalize.normalization()?;
    let (a, b) = wordings(profile, a, b)?;
    let format = match format {
        CompareFormat::Json => {
            let ops = diff::diff(&a.text, &b.text, &normalization);
            return write_json(&a, &b, normalize, &ops, out);
        }
        CompareFormat::Text => ComparisonFormat::Text,
        CompareFormat::Md => ComparisonFormat::Markdown,
        CompareFormat::Html => ComparisonFormat::Html,
    };
    let title = format!("{} / {}", a.label, b.label);
    // The comparison is made a piece at a time and written here; after a failed write (a
    // reader who closed the pipe) nothing more is made, and the error is the I/O error it is.
    let mut failed: Option<std::io::Error> = None;
    export::write_pair(
        format,
        &title,
        (a, b),
        &normalization,
        &mut |piece| match out.write_all(piece.as_bytes()) {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => {
                failed = Some(error);
                ControlFlow::Break(())
            }
        },
    )?;
    match failed {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}

/// A comparison as `lectern compare --format json` prints it.
#[derive(Serialize)]
struct ComparisonJson<'a> {
    a: WitnessJson<'a>,
    b: WitnessJson<'a>,
    normalize: &'static str,
    ops: OpsJson<'a>,
}

/// A wording: its name and length in characters.
#[derive(Serialize)]
struct WitnessJson<'a> {
    name: &'a str,
    chars: usize,
}

impl<'a> WitnessJson<'a> {
    fn of(wording: &'a WordingInput) -> Self {
        Self {
            name: &wording.label,
            chars: wording.text.chars().count(),
        }
    }
}

/// The operations, serialised as they go (a 1 MB pair has tens of thousands of them).
struct OpsJson<'a>(&'a [Op]);

impl Serialize for OpsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|op| OpJson {
            kind: &op.kind,
            a: [op.a.start, op.a.end],
            b: [op.b.start, op.b.end],
        }))
    }
}

/// An operation: its kind and its character ranges in both wordings.
#[derive(Serialize)]
struct OpJson<'a> {
    kind: &'a diff::OpKind,
    a: [usize; 2],
    b: [usize; 2],
}

/// Writes the operations of a comparison as JSON, one operation a line, streamed through
/// serde (no tree of them is built).
fn write_json(
    a: &WordingInput,
    b: &WordingInput,
    normalize: Normalize,
    ops: &[Op],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    let json = ComparisonJson {
        a: WitnessJson::of(a),
        b: WitnessJson::of(b),
        normalize: normalize.name(),
        ops: OpsJson(ops),
    };
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut buffered, OneOpALine::default());
    // An error writing (a reader who closed the pipe) is the I/O error it is.
    json.serialize(&mut serializer)
        .map_err(std::io::Error::from)?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}

/// The layout of `lectern compare --format json`: the top object's keys a line each, the
/// wordings and each operation on a line of its own, `{ "key": value }` with spaces.
#[derive(Default)]
struct OneOpALine {
    /// How deep the value being written is (1 inside the top object).
    depth: usize,
}

impl serde_json::ser::Formatter for OneOpALine {
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        writer.write_all(if self.depth == 1 { b"{" } else { b"{ " })
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        writer.write_all(if self.depth == 0 { b"\n}" } else { b" }" })
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        match (self.depth == 1, first) {
            (true, true) => writer.write_all(b"\n  "),
            (true, false) => writer.write_all(b",\n  "),
            (false, true) => Ok(()),
            (false, false) => writer.write_all(b", "),
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        // The operations' list ends on a line of its own.
        writer.write_all(if self.depth == 1 { b"\n  ]" } else { b"]" })
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        match (self.depth == 2, first) {
            (true, true) => writer.write_all(b"\n    "),
            (true, false) => writer.write_all(b",\n    "),
            (false, true) => Ok(()),
            (false, false) => writer.write_all(b", "),
        }
    }
}
