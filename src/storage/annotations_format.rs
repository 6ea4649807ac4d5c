//! The format of `annotations.json` and of its snapshots: its name and versions, read by the
//! file ([`super::annotations_file`]) and by the snapshots ([`super::backups`]) alike, so that
//! neither imports the other for it.

use super::schema::Format;

/// The annotations file's format: version 2 adds the reader's own people, places, spellings
/// and terms (`study`), where a carried note came from (`carried_from`) and the notes on
/// comparisons in the Trash (`comparison_notes_trash`). This build reads
/// both; it writes version 1 while the file has neither, so that an older Lectern still reads
/// it, and version 2 once it has either, so that an older Lectern opens it read-only instead of
/// saving it without them.
pub const ANNOTATIONS_FORMAT: Format = Format {
    name: "lectern-annotations",
    version: 2,
};

/// The annotations file without the reader's own study data: what an older Lectern writes.
pub const WITHOUT_STUDY: Format = Format {
    name: "lectern-annotations",
    version: 1,
};
