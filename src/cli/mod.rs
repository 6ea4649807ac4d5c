//! The `lectern` command line: the clap definitions ([`Cli`], [`CliCommand`]) and [`run`], which
//! runs a command or the window. Each command is a module of its own that writes to a
//! `&mut dyn Write` (standard output when run, a buffer in tests); JSON is written through
//! serde. Every command opens the profile through [`open`] (that is,
//! [`crate::storage::open::open_profile`], as the window does), reads files through
//! [`crate::storage::import`]'s decoder and resolves text ids through
//! [`crate::storage::text_file::wording`] and [`crate::storage::text_file::text_by_id`].

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::bundled::bundled_library;
use crate::model::search::SearchOptions;
use crate::storage::open::{Access, OpenedProfile, open_profile};
use crate::storage::profile::Profile;

pub mod backups;
pub mod cite;
pub mod collate;
pub mod compare;
pub mod export;
pub mod generate;
pub mod glossary;
pub mod group;
pub mod import;
pub mod import_annotations;
pub mod index;
pub mod list;
pub mod references;
pub mod restore;
pub mod search;
pub mod test_hooks;
pub mod timeline;
pub mod window;

#[cfg(test)]
mod tests;

/// Lectern: read historical texts side by side.
#[derive(Parser, Debug)]
#[command(name = "lectern", version = crate::VERSION, about, long_about = None)]
pub struct Cli {
    /// Profile folder for your reading state and notes [default: the platform's data folder].
    #[arg(long, env = "LECTERN_PROFILE", value_name = "DIR", global = true)]
    pub profile: Option<PathBuf>,

    /// Open these texts in panes, left to right (ids as printed by `lectern list`).
    #[arg(long, value_name = "ID[,ID...]", value_delimiter = ',')]
    pub open: Vec<String>,

    /// Open a text file (in any common encoding) for reading in this session, without adding
    /// it to the library.
    #[arg(long = "open-file", value_name = "FILE")]
    pub open_file: Vec<PathBuf>,

    /// Test hook: seconds a change waits before it is saved (for tests of saving on signals;
    /// see [`test_hooks`]).
    #[arg(long, value_name = "SECONDS", hide = true)]
    pub save_delay: Option<u64>,

    /// Print when each stage of start-up ended, and close the window once its first frame is
    /// on screen (for timing start-up: `lectern --trace-startup FILE`).
    #[arg(long = "trace-startup", hide = true)]
    pub trace_startup: bool,

    /// Text files to open side by side for this session (as a file manager passes them).
    #[arg(value_name = "FILE", global = false)]
    pub files: Vec<PathBuf>,

    /// The command; none runs the window.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Plain lines, or JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    /// Plain text for reading.
    Text,
    /// JSON for programs.
    Json,
}

/// The commands of `lectern`.
#[derive(Subcommand, Debug)]
pub enum CliCommand {
    /// Print the texts of the library with their ids: the bundled ones and those imported
    /// into the profile.
    List {
        /// `text` (a line each) or `json` (an array of objects).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Every text of the library (bundled and imported) as a reference for Zotero, pandoc or
    /// another reference manager.
    References {
        /// `csl-json` (Zotero, pandoc), `bibtex` (biblatex's fields) or `ris`.
        #[arg(long, value_enum, default_value_t = references::ReferenceFormat::CslJson)]
        format: references::ReferenceFormat,
    },
    /// A text of the library cited in a style: the note or in-text citation (at a page, if
    /// given), then its bibliography entry. The style is the one chosen in the window's View ▸
    /// Citation style unless `--style` names another.
    Cite {
        /// The text's id, as `lectern list` prints it.
        id: String,
        /// lectern, chicago-notes, chicago-author-date, mla, apa or gost.
        #[arg(long)]
        style: Option<String>,
        /// The page (or pages, "421–422") cited.
        #[arg(long)]
        page: Option<String>,
    },
    /// People and places named in the library (bundled and imported texts), under every
    /// spelling and Russian form, with how often and where they are mentioned.
    Index {
        /// `text` (a line each) or `json` (an array of objects).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Every dated document of the library (bundled and imported texts) and the events the
    /// texts date, in order, each with its date's precision and source.
    Timeline {
        /// `text` (a line each) or `json` (an object with `entries` and `undated`).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// The glossary: the words the texts turn on, each with its renderings in Russian and the
    /// English translations, and how often each is found in the library and the comparisons.
    Glossary {
        /// `text` (a term and its renderings a block) or `json` (an array of objects).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Search everything: the texts of the library, the notes and tags of annotations, notes
    /// on comparisons and the comparisons' wordings, as the window's Search everything does
    /// (case, accents, ё/е and line breaks aside; a name also finds its other spellings).
    Search {
        /// The word or phrase.
        query: String,
        /// `text` (each result's kind and place, its context under it) or `json` (an object
        /// with `also_searched`, `texts` and `results`).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Upper and lower case must match.
        #[arg(long)]
        match_case: bool,
        /// Only whole words.
        #[arg(long)]
        whole_words: bool,
    },
    /// Write a deterministic generated text (for trying Lectern on a long text).
    GenerateText {
        /// Approximate size in bytes.
        #[arg(long, default_value_t = 5_000_000)]
        bytes: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Write a generated study group (members with keys, each sharing generated annotations on
    /// the bundled texts, signed) into a folder, for trying a group at scale.
    GenerateGroup {
        /// The group's folder.
        dir: PathBuf,
        /// How many members.
        #[arg(long, default_value_t = 10)]
        members: usize,
        /// How many annotations each shares.
        #[arg(long, default_value_t = 1_000)]
        annotations: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Add a generated collected works (seeded volumes of English and Russian text) and
    /// generated annotations on it to the profile, for trying Lectern at scale.
    GenerateCorpus {
        /// Approximate size of all the volumes together, in bytes.
        #[arg(long, default_value_t = 30_000_000)]
        bytes: usize,
        /// How many volumes.
        #[arg(long, default_value_t = 45)]
        volumes: usize,
        /// How many annotations to add, spread over the volumes.
        #[arg(long, default_value_t = 10_000)]
        annotations: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Compare two wordings word by word: files, or ids of texts of the library (as `lectern
    /// list` prints them).
    Compare {
        /// The first wording: a file, or a text id from `lectern list`.
        a: String,
        /// The second wording.
        b: String,
        /// What to print: text (like `git diff --word-diff`), md, html, or json (operations
        /// with character ranges into both inputs).
        #[arg(long, value_enum, default_value_t = compare::CompareFormat::Text)]
        format: compare::CompareFormat,
        /// What counts as a difference: wording (ignores case, punctuation, kinds of quotes and
        /// dashes, white space, ё/е), typography (ignores quotes/dashes, white space, ё/е) or
        /// exact.
        #[arg(long, value_enum, default_value_t = compare::Normalize::Wording)]
        normalize: compare::Normalize,
        /// Open the comparison in Lectern's window, filling it (as `meld a b` does), instead of
        /// printing it.
        #[arg(long)]
        window: bool,
    },
    /// Collate two or more witnesses into one alignment (files, ids of texts of the library,
    /// CollateX's JSON witness input or a TEI parallel-segmentation file): which places agree,
    /// which witnesses share each reading, what moved.
    Collate(collate::CollateArgs),
    /// Export the profile's annotations: Markdown, HTML, CSV or W3C Web Annotation JSON-LD.
    Export {
        /// md, html, csv, w3c, zotero (Zotero's notes from annotations, Markdown), archive, or
        /// pdf (to print: what the Markdown export holds, on A4 pages).
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Md)]
        format: export::ExportFormat,
        /// Only the annotations of this text (an id from `lectern list`).
        #[arg(long, value_name = "ID")]
        text: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Export this study group's layer (md, html or w3c) instead of the notebook.
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
    },
    /// Import a text file (plain text, Markdown, an HTML page in any common encoding, or an
    /// EPUB) into the profile's library; blank fields are filled from the file. While a window
    /// has the profile open, that window imports it.
    Import {
        /// The file.
        file: PathBuf,
        /// Title.
        #[arg(long)]
        title: Option<String>,
        /// Author.
        #[arg(long)]
        author: Option<String>,
        /// Date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// Language tag (en, ru, ka …).
        #[arg(long)]
        language: Option<String>,
        /// Where the text comes from.
        #[arg(long)]
        source: Option<String>,
        /// Fill the blank fields from a reference: a CSL-JSON file (Zotero's "Export item") or a
        /// BibTeX file (Better BibTeX).
        #[arg(long, value_name = "FILE")]
        reference: Option<PathBuf>,
        /// The entry of the reference file to take, by its key (needed when it has several).
        #[arg(long, value_name = "KEY", requires = "reference")]
        key: Option<String>,
    },
    /// Import annotations from W3C Web Annotation JSON-LD (a Lectern export or another tool's)
    /// into the profile; those already there (same id) are left as they are.
    ImportAnnotations {
        /// The JSON-LD file.
        file: PathBuf,
        /// Share them with this study group instead, as your records (the notebook is not
        /// changed).
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
    },
    /// Show who you are in your study groups, or set your name (and colour); `--new-key`
    /// replaces this device's signing key.
    Member {
        /// Your name, as the groups see it.
        name: Option<String>,
        /// Your layer's colour, as #rrggbb.
        #[arg(long)]
        colour: Option<String>,
        /// Replace this device's key: the new one is published, signed by the old, and your
        /// records are signed again with it.
        #[arg(long)]
        new_key: bool,
    },
    /// Study groups: join a group folder, list, show, share, reply, resolve.
    Group {
        /// What to do.
        #[command(subcommand)]
        command: group::GroupCommand,
    },
    /// List the backups of the profile's annotations: the previous save and the snapshots
    /// in its backups folder, newest first.
    Backups,
    /// Restore the profile's annotations from a backup (a name from `lectern backups`). What
    /// the backup lacks is moved to the trash, not dropped; the window's Undo takes it back.
    Restore {
        /// The backup's name.
        name: String,
    },
    /// Test hook: save the profile's annotations over and over, one more each time, until
    /// killed (used by the test that kills Lectern mid-save); a snapshot is taken at every
    /// save. See [`test_hooks`].
    #[command(hide = true)]
    SaveLoop,
}

/// Runs what `cli` asks for: a command, writing to standard output, or the window.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let profile = cli.profile.as_deref();
    match cli.command {
        Some(CliCommand::List { format }) => printed(|out| list::run(profile, format, out)),
        Some(CliCommand::References { format }) => {
            printed(|out| references::run(profile, format, out))
        }
        Some(CliCommand::Cite { id, style, page }) => {
            printed(|out| cite::run(profile, &id, style.as_deref(), page.as_deref(), out))
        }
        Some(CliCommand::Index { format }) => printed(|out| index::run(profile, format, out)),
        Some(CliCommand::Timeline { format }) => printed(|out| timeline::run(profile, format, out)),
        Some(CliCommand::Glossary { format }) => printed(|out| glossary::run(profile, format, out)),
        Some(CliCommand::Search {
            query,
            format,
            match_case,
            whole_words,
        }) => search_everything(
            profile,
            &query,
            format,
            SearchOptions {
                match_case,
                whole_words,
            },
        ),
        Some(CliCommand::GenerateGroup {
            dir,
            members,
            annotations,
            seed,
        }) => printed(|out| generate::group(&dir, members, annotations, seed, out)),
        Some(CliCommand::GenerateText {
            bytes,
            seed,
            output,
        }) => printed(|out| generate::text(bytes, seed, &output, out)),
        Some(CliCommand::GenerateCorpus {
            bytes,
            volumes,
            annotations,
            seed,
        }) => printed(|_| generate::corpus(profile, bytes, volumes, annotations, seed)),
        Some(CliCommand::Compare {
            a, b, window: true, ..
        }) => window::compare(cli.profile, &a, &b, cli.save_delay),
        Some(CliCommand::Compare {
            a,
            b,
            format,
            normalize,
            ..
        }) => printed(|out| compare::run(profile, &a, &b, format, normalize, out)),
        Some(CliCommand::Collate(args)) => collate_command(profile, &args),
        Some(CliCommand::Export {
            format,
            text,
            output,
            group: Some(group),
        }) => printed(|out| {
            export::run_group(
                profile,
                &group,
                format,
                text.is_some(),
                output.as_deref(),
                out,
            )
        }),
        Some(CliCommand::Export {
            format,
            text,
            output,
            group: None,
        }) => printed(|out| export::run(profile, format, text.as_deref(), output.as_deref(), out)),
        Some(CliCommand::Import {
            file,
            title,
            author,
            date,
            language,
            source,
            reference,
            key,
        }) => printed(|out| {
            let mut meta = import_meta(title, author, date, language, source);
            if let Some(reference) = reference {
                meta.fill_from(&import::reference_entry(&reference, key.as_deref())?);
            }
            import::run(profile, &file, &meta, out)
        }),
        Some(CliCommand::ImportAnnotations { file, group: None }) => {
            printed(|_| import_annotations::run(profile, &file))
        }
        Some(CliCommand::ImportAnnotations {
            file,
            group: Some(group),
        }) => printed(|_| group::import_into_group(profile, &file, &group)),
        Some(CliCommand::Member {
            name,
            colour,
            new_key,
        }) => {
            printed(|out| group::member(profile, name.as_deref(), colour.as_deref(), new_key, out))
        }
        Some(CliCommand::Group { command }) => printed(|out| group::run(profile, command, out)),
        Some(CliCommand::Backups) => printed(|out| backups::run(profile, out)),
        Some(CliCommand::Restore { name }) => printed(|_| restore::run(profile, &name)),
        Some(CliCommand::SaveLoop) => printed(|out| test_hooks::save_loop(profile, out)),
        None => window::open(
            cli.profile,
            cli.open,
            [cli.open_file, cli.files].concat(),
            cli.save_delay,
        ),
    }
}

/// `lectern collate`: prints the collation, or opens it in a window.
fn collate_command(profile: Option<&Path>, args: &collate::CollateArgs) -> anyhow::Result<()> {
    let sources = args.sources();
    if args.window {
        collate::window(profile, sources, args.normalize, args.base.as_deref())
    } else {
        printed(|out| collate::run(profile, sources, args.options(), out))
    }
}

/// Runs a command that writes to standard output (locked while it runs), then flushes what it
/// wrote; a pipe closed by its reader is no error (see [`quiet_on_a_closed_pipe`]).
fn printed(command: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = command(&mut out);
    quiet_on_a_closed_pipe(written.and_then(|()| Ok(out.flush()?)))
}

/// `lectern search`: searches everything in the profile for `query` as `options` say, and
/// prints the results in `format`.
fn search_everything(
    profile: Option<&Path>,
    query: &str,
    format: TextOrJson,
    options: SearchOptions,
) -> anyhow::Result<()> {
    let opened = open(profile, Access::Read)?;
    let format = match format {
        TextOrJson::Text => search::SearchFormat::Text,
        TextOrJson::Json => search::SearchFormat::Json,
    };
    printed(|out| {
        search::search(&opened, query, options, format, out, &mut std::io::stderr())
            .map_err(anyhow::Error::from)
    })
}

/// What `lectern import` is told of the text, each field blank where it is not given (and then
/// filled from the file).
fn import_meta(
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    language: Option<String>,
    source: Option<String>,
) -> crate::storage::import::ImportMeta {
    crate::storage::import::ImportMeta {
        title: title.unwrap_or_default(),
        author: author.unwrap_or_default(),
        date: date.unwrap_or_default(),
        language: language.unwrap_or_default(),
        source: source.unwrap_or_default(),
        ..crate::storage::import::ImportMeta::default()
    }
}

/// Opens the profile as the window does ([`open_profile`]), printing what it found on standard
/// error.
pub fn open(profile: Option<&Path>, access: Access) -> anyhow::Result<OpenedProfile> {
    let profile = Profile::open(profile)?;
    let opened = open_profile(profile, bundled_library(), access)?;
    for notice in &opened.notices {
        eprintln!("{notice}");
    }
    Ok(opened)
}

/// An error unless `path` is a file that can be read (a pipe or a device is not: reading it
/// would block or never end).
pub fn must_be_a_file(path: &Path) -> anyhow::Result<()> {
    let metadata =
        std::fs::metadata(path).with_context(|| format!("{} could not be read", path.display()))?;
    if !metadata.is_file() {
        anyhow::bail!("{} could not be read: it is not a file", path.display());
    }
    std::fs::File::open(path).with_context(|| format!("{} could not be read", path.display()))?;
    Ok(())
}

/// `written`, but a pipe closed by its reader is no error: a reader who stops reading early
/// (`lectern compare A B | head`) has closed it on purpose, and the command ends quietly.
fn quiet_on_a_closed_pipe(written: anyhow::Result<()>) -> anyhow::Result<()> {
    let closed = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    match written {
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(closed) => Ok(()),
        written => written,
    }
}
