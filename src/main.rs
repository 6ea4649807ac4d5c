//! The `lectern` binary: parses the command line, then runs the window or a command.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use lectern::model::annotation::Annotation;
use lectern::model::comparison::WordingInput;

use lectern::bundled::bundled_library;
use lectern::model::clock;
use lectern::model::generate;
use lectern::model::notebook::Edit;
use lectern::storage::open::{Access, OpenedProfile, open_profile};
use lectern::storage::profile::Profile;
use lectern::storage::text_file::read_text_file;
use lectern::ui::app::{LecternApp, StartOptions};

/// Lectern: read historical texts side by side.
#[derive(Parser, Debug)]
#[command(name = "lectern", version = lectern::VERSION, about, long_about = None)]
struct Cli {
    /// Profile folder for your reading state and notes [default: the platform's data folder].
    #[arg(long, env = "LECTERN_PROFILE", value_name = "DIR", global = true)]
    profile: Option<PathBuf>,

    /// Open these texts in panes, left to right (ids as printed by `lectern list`).
    #[arg(long, value_name = "ID[,ID...]", value_delimiter = ',')]
    open: Vec<String>,

    /// Open a UTF-8 text file for reading in this session, without adding it to the library.
    #[arg(long = "open-file", value_name = "FILE")]
    open_file: Vec<PathBuf>,

    /// Seconds a change waits before it is saved (for tests of saving on signals).
    #[arg(long, value_name = "SECONDS", hide = true)]
    save_delay: Option<u64>,

    /// Print when each stage of start-up ended, and close the window once its first frame is
    /// on screen (for timing start-up: `lectern --trace-startup FILE`).
    #[arg(long = "trace-startup", hide = true)]
    trace_startup: bool,

    /// Text files to open side by side for this session (as a file manager passes them).
    #[arg(value_name = "FILE", global = false)]
    files: Vec<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the texts of the library with their ids: the bundled ones and those imported
    /// into the profile.
    List {
        /// `text` (a line each) or `json` (an array of objects).
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// People and places named in the library (bundled and imported texts), under every
    /// spelling and Russian form, with how often and where they are mentioned.
    Index {
        /// `text` (a line each) or `json` (an array of objects).
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Every dated document of the library (bundled and imported texts) and the events the
    /// texts date, in order, each with its date's precision and source.
    Timeline {
        /// `text` (a line each) or `json` (an object with `entries` and `undated`).
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// The glossary: the words the texts turn on, each with its renderings in Russian and the
    /// English translations, and how often each is found in the library and the comparisons.
    Glossary {
        /// `text` (a term and its renderings a block) or `json` (an array of objects).
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Search everything: the texts of the library, the notes and tags of annotations, notes
    /// on comparisons and the comparisons' wordings, as the window's Search everything does
    /// (case, accents, ё/е and line breaks aside; a name also finds its other spellings).
    Search {
        /// The word or phrase.
        query: String,
        /// `text` (each result's kind and place, its context under it) or `json` (an object
        /// with `also_searched`, `texts` and `results`).
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
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
    /// Compare two wordings word by word: files, or ids of bundled texts.
    Compare {
        /// The first wording: a file or a bundled text id.
        a: String,
        /// The second wording.
        b: String,
        /// What to print: text (like `git diff --word-diff`), md, html, or json (operations
        /// with character ranges into both inputs).
        #[arg(long, default_value = "text", value_parser = ["text", "md", "html", "json"])]
        format: String,
        /// What counts as a difference: wording (ignores case, punctuation, kinds of quotes and
        /// dashes, white space, ё/е), typography (ignores quotes/dashes, white space, ё/е) or
        /// exact.
        #[arg(long, default_value = "wording", value_parser = ["wording", "typography", "exact"])]
        normalize: String,
        /// Open the comparison in Lectern's window, filling it (as `meld a b` does), instead of
        /// printing it.
        #[arg(long)]
        window: bool,
    },
    /// Export the profile's annotations: Markdown, HTML, CSV or W3C Web Annotation JSON-LD.
    Export {
        /// md, html, csv, w3c, or archive (the whole notebook, every kind, to move or hand over;
        /// `lectern import-annotations` reads it back).
        #[arg(long, default_value = "md", value_parser = ["md", "html", "csv", "w3c", "archive"])]
        format: String,
        /// Only the annotations of this text (an id from `lectern list`).
        #[arg(long, value_name = "ID")]
        text: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a text file (plain text, Markdown, an HTML page in any common encoding, or an EPUB) into the
    /// profile's library; blank fields are filled from the file.
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
    },
    /// Import annotations from W3C Web Annotation JSON-LD (a Lectern export or another tool's)
    /// into the profile; those already there (same id) are left as they are.
    ImportAnnotations {
        /// The JSON-LD file.
        file: PathBuf,
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
    /// Save the profile's annotations over and over, one more each time, until killed (used
    /// by the test that kills Lectern mid-save); a snapshot is taken at every save.
    #[command(hide = true)]
    SaveLoop,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if cli.trace_startup {
        lectern::startup::begin();
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match cli.command {
        Some(Command::List { format }) => list(cli.profile.as_deref(), &format),
        Some(Command::Index { format }) => index_command(cli.profile.as_deref(), &format),
        Some(Command::Timeline { format }) => timeline_command(cli.profile.as_deref(), &format),
        Some(Command::Glossary { format }) => glossary_command(cli.profile.as_deref(), &format),
        Some(Command::Search {
            query,
            format,
            match_case,
            whole_words,
        }) => {
            use std::io::Write;
            let opened = open(cli.profile.as_deref(), Access::Read)?;
            let options = lectern::model::search::SearchOptions {
                match_case,
                whole_words,
            };
            let format = format.parse().map_err(anyhow::Error::msg)?;
            let mut stdout = std::io::stdout().lock();
            let written = lectern::cli::search::search(
                &opened,
                &query,
                options,
                format,
                &mut stdout,
                &mut std::io::stderr(),
            )
            .and_then(|()| stdout.flush());
            quiet_on_a_closed_pipe(written.map_err(anyhow::Error::from))
        }
        Some(Command::GenerateText {
            bytes,
            seed,
            output,
        }) => {
            let text = generate::large_text(seed, bytes);
            let paragraphs: Vec<&str> = (0..text.paragraphs().len())
                .map(|i| text.paragraph_text(i))
                .collect();
            let file = lectern::model::header::write_text_file(text.meta(), &paragraphs);
            std::fs::write(&output, file)
                .with_context(|| format!("writing {}", output.display()))?;
            println!(
                "{}: {} bytes, {} paragraphs",
                output.display(),
                text.content().len(),
                text.paragraphs().len()
            );
            Ok(())
        }
        Some(Command::GenerateCorpus {
            bytes,
            volumes,
            annotations,
            seed,
        }) => generate_corpus_command(cli.profile.as_deref(), bytes, volumes, annotations, seed),
        Some(Command::Compare {
            a, b, window: true, ..
        }) => {
            let arguments = [PathBuf::from(&a), PathBuf::from(&b)];
            if hand_over(cli.profile.as_deref(), &arguments, true)? {
                return Ok(());
            }
            let compare = vec![wording(&a)?, wording(&b)?];
            run_gui(cli.profile, Vec::new(), Vec::new(), cli.save_delay, compare)
        }
        Some(Command::Compare {
            a,
            b,
            format,
            normalize,
            ..
        }) => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let written = compare_command(&a, &b, &format, &normalize, &mut stdout)
                .and_then(|()| Ok(stdout.flush()?));
            quiet_on_a_closed_pipe(written)
        }
        Some(Command::Export {
            format,
            text,
            output,
        }) => export_command(cli.profile.as_deref(), &format, text.as_deref(), output),
        Some(Command::Import {
            file,
            title,
            author,
            date,
            language,
            source,
        }) => {
            let meta = lectern::storage::import::ImportMeta {
                title: title.unwrap_or_default(),
                author: author.unwrap_or_default(),
                date: date.unwrap_or_default(),
                language: language.unwrap_or_default(),
                source: source.unwrap_or_default(),
            };
            import_command(cli.profile.as_deref(), &file, &meta)
        }
        Some(Command::ImportAnnotations { file }) => {
            import_annotations_command(cli.profile.as_deref(), &file)
        }
        Some(Command::Backups) => backups_command(cli.profile.as_deref()),
        Some(Command::Restore { name }) => restore_command(cli.profile.as_deref(), &name),
        Some(Command::SaveLoop) => save_loop(cli.profile.as_deref()),
        None => {
            let mut files = cli.open_file;
            files.extend(cli.files);
            // Texts asked for by id (`--open`) are not handed over: this Lectern opens them.
            if cli.open.is_empty() && hand_over(cli.profile.as_deref(), &files, false)? {
                return Ok(());
            }
            run_gui(cli.profile, cli.open, files, cli.save_delay, Vec::new())
        }
    }
}

fn save_loop(profile: Option<&Path>) -> anyhow::Result<()> {
    use lectern::storage::backups::SnapshotPolicy;
    let mut opened = open(profile, Access::Write)?;
    let text = opened
        .library
        .get("lenin-1922-09-26-kamenev")
        .context("the bundled letter to Kamenev")?
        .clone();
    // A snapshot at every save, so that kills land in snapshots being written too.
    let policy = SnapshotPolicy {
        interval: std::time::Duration::ZERO,
        ..SnapshotPolicy::default()
    };
    for n in opened.notebook.annotations().live().len().. {
        let start = (n * 7) % (text.char_len() - 40);
        let annotation = Annotation {
            note: format!("note {n}: {}", "…".repeat(n % 50)),
            tags: vec![format!("tag-{}", n % 7)],
            ..Annotation::new(
                format!("a{n}"),
                &text,
                start..start + 30,
                Some("key-argument"),
                "2026-11-26T21:00:00Z",
            )
        };
        opened
            .notebook
            .edit(Edit::AddAnnotation(annotation), &clock::now())?;
        lectern::storage::annotations_file::save_notebook(
            &lectern::storage::atomic::RealFileSystem,
            &opened.profile,
            &opened.store,
            &opened.notebook.to_contents(),
            &policy,
        )?;
        // Said only once the save is complete: what the killing test may count on.
        println!("saved {}", n + 1);
    }
    Ok(())
}

fn list(profile: Option<&Path>, format: &str) -> anyhow::Result<()> {
    if !matches!(format, "text" | "json") {
        anyhow::bail!("unknown format “{format}”: use text or json");
    }
    let opened = open(profile, Access::Read)?;
    let texts = opened.library.texts();
    if format == "json" {
        let items: Vec<serde_json::Value> = texts
            .iter()
            .map(|text| {
                let meta = text.meta();
                serde_json::json!({
                    "id": meta.id,
                    "title": meta.title,
                    "subtitle": meta.subtitle,
                    "author": meta.known_author(),
                    "date": meta.date,
                    "date_label": meta.display_date(),
                    "language": meta.language,
                    "kind": meta.kind,
                    "reference": meta.reference,
                    "url": meta.url,
                    "imported": meta.id.starts_with("import-"),
                    "paragraphs": text.paragraphs().len(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    for text in texts {
        let meta = text.meta();
        let date = if lectern::model::header::is_undated(&meta.date) {
            "undated"
        } else {
            &meta.date
        };
        println!(
            "{:<36} {:<12} {}{}",
            meta.id,
            date,
            meta.title,
            meta.reference
                .as_ref()
                .map(|r| format!(" — {r}"))
                .unwrap_or_default()
        );
    }
    Ok(())
}

/// An error unless `path` is a file that can be read (a pipe or a device is not: reading it
/// would block or never end).
fn must_be_a_file(path: &Path) -> anyhow::Result<()> {
    let metadata =
        std::fs::metadata(path).with_context(|| format!("{} could not be read", path.display()))?;
    if !metadata.is_file() {
        anyhow::bail!("{} could not be read: it is not a file", path.display());
    }
    std::fs::File::open(path).with_context(|| format!("{} could not be read", path.display()))?;
    Ok(())
}

/// Gives `files` to the Lectern window that has `profile` open, if one does; true when it took
/// them (they open there, beside its texts), false when this Lectern should open its own
/// window. With `compare` the two are wordings to compare (files, or ids of bundled texts).
fn hand_over(profile: Option<&Path>, files: &[PathBuf], compare: bool) -> anyhow::Result<bool> {
    use lectern::storage::handover::{self, Request, Sent};
    if files.is_empty() {
        return Ok(false);
    }
    let mut absolute = Vec::with_capacity(files.len());
    for path in files {
        if compare && !path.is_file() {
            absolute.push(path.clone()); // a bundled text's id
            continue;
        }
        must_be_a_file(path)?;
        absolute.push(std::path::absolute(path)?);
    }
    let Ok(profile) = Profile::open(profile) else {
        return Ok(false);
    };
    let request = Request {
        files: absolute,
        compare,
    };
    match handover::send(&profile, &request) {
        Ok(Sent::Delivered) => {
            println!("Opened in the Lectern window that has this profile open.");
            Ok(true)
        }
        Ok(Sent::NoWindow) => Ok(false),
        Err(e) => {
            log::warn!("the open Lectern window did not take the files: {e}");
            Ok(false)
        }
    }
}

/// Runs the window on `profile`, with the texts `open` (ids) and `files` (read for this
/// session) in panes, or the wordings `compare` compared and filling the window.
fn run_gui(
    profile: Option<PathBuf>,
    open: Vec<String>,
    files: Vec<PathBuf>,
    save_delay: Option<u64>,
    compare: Vec<lectern::model::comparison::WordingInput>,
) -> anyhow::Result<()> {
    // A file that cannot be opened at all is said before any window opens; the files are read
    // (and the library, profile and reading state loaded) on a thread of their own while the
    // window and its renderer are made, the longer of the two under a software renderer.
    for path in &files {
        must_be_a_file(path)?;
    }
    let profile = match Profile::open(profile.as_deref()) {
        Ok(profile) => Some(profile),
        Err(e) => {
            log::error!("{e}");
            None
        }
    };
    // The window opens where and as big as it was.
    let place = profile
        .as_ref()
        .and_then(|p| lectern::storage::reading_state::ReadingState::load(p).value)
        .and_then(|state| state.window);
    let app = std::thread::Builder::new()
        .name("lectern-start".into())
        .spawn(move || -> anyhow::Result<LecternApp> {
            let session_texts = files
                .iter()
                .map(|path| read_text_file(path))
                .collect::<Result<Vec<_>, _>>()?;
            lectern::startup::mark(lectern::startup::stage::ARGUMENTS);
            let options = StartOptions {
                profile,
                open,
                session_texts,
                dialogs: None,
                file_system: None,
                save_delay: save_delay.map(std::time::Duration::from_secs),
                compare,
            };
            let app = LecternApp::new(bundled_library(), options);
            lectern::startup::mark(lectern::startup::stage::APP);
            Ok(app)
        })
        .context("starting Lectern")?;
    // Why the window closed before it began, if it did; and the loading thread, joined after
    // the window closes if the window never took it (it may hold the profile's lock).
    let failed: Arc<std::sync::Mutex<Option<anyhow::Error>>> = Arc::default();
    let failure = Arc::clone(&failed);
    let loader = Arc::new(std::sync::Mutex::new(Some(app)));
    let taken = Arc::clone(&loader);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Lectern")
        .with_app_id(lectern::APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size(lectern::storage::reading_state::WindowPlace::MIN_SIZE);
    if let Some(place) = place {
        viewport = viewport
            .with_inner_size([place.width, place.height])
            .with_position([place.x, place.y])
            .with_maximized(place.maximized);
    }
    match load_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("window icon not loaded: {e}"),
    }
    let native_options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Lectern",
        native_options,
        Box::new(move |cc| {
            lectern::startup::mark(lectern::startup::stage::WINDOW);
            let Some(app) = taken.lock().unwrap_or_else(|e| e.into_inner()).take() else {
                return Err("Lectern was already started".into());
            };
            // A panic while loading is the same panic here.
            let app = match app.join().unwrap_or_else(|e| std::panic::resume_unwind(e)) {
                Ok(app) => app,
                Err(e) => {
                    let said = e.to_string();
                    *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                    return Err(said.into());
                }
            };
            if let Err(e) = answer_signals(cc.egui_ctx.clone(), app.stop_flag()) {
                log::warn!("signals will end Lectern without saving: {e}");
            }
            let mut app = app;
            app.listen_for_hand_over(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    );
    // The window never began: the loaded app is dropped here, releasing the profile.
    if let Some(app) = loader.lock().unwrap_or_else(|e| e.into_inner()).take() {
        let _ = app.join();
    }
    if let Some(e) = failed.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(e);
    }
    result.map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}

/// SIGTERM (what a desktop session sends at logout), SIGINT and SIGHUP set the window's stop
/// flag and wake it: it saves what is pending, releases the profile and closes. Should the
/// window not close within a few seconds (it cannot draw), Lectern exits all the same.
#[cfg(unix)]
fn answer_signals(ctx: egui::Context, stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("lectern-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                log::info!("signal {signal}: saving and closing");
                stop.store(true, Ordering::SeqCst);
                ctx.request_repaint();
                std::thread::sleep(std::time::Duration::from_secs(10));
                log::error!("the window did not close after signal {signal}; leaving");
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Elsewhere the platform's own way of ending a program applies.
#[cfg(not(unix))]
fn answer_signals(_ctx: egui::Context, _stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    Ok(())
}

fn load_icon() -> anyhow::Result<egui::IconData> {
    let image = image::load_from_memory_with_format(
        include_bytes!("../resources/icon.png"),
        image::ImageFormat::Png,
    )?
    .to_rgba8();
    let (width, height) = image.dimensions();
    Ok(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    })
}

/// `written`, but a pipe closed by its reader is no error: a reader who stops reading early
/// (`lectern compare A B | head`) has closed it on purpose, and the command ends quietly.
fn quiet_on_a_closed_pipe(written: anyhow::Result<()>) -> anyhow::Result<()> {
    use lectern::model::comparison_export::PairError;
    let closed = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    match written {
        Err(e)
            if e.downcast_ref::<std::io::Error>().is_some_and(closed)
                || matches!(e.downcast_ref::<PairError>(), Some(PairError::Write(w)) if closed(w)) =>
        {
            Ok(())
        }
        written => written,
    }
}

/// A wording for `lectern compare`: a file's exact contents, or a bundled text's content.
fn wording(argument: &str) -> anyhow::Result<WordingInput> {
    lectern::storage::text_file::wording(argument, bundled_library).map_err(anyhow::Error::msg)
}

/// `lectern compare`: the comparison of `a` and `b`, written to `out`.
fn compare_command(
    a: &str,
    b: &str,
    format: &str,
    normalize: &str,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    use lectern::model::compare::{self, Normalization};
    use lectern::model::comparison_export::{self, Format};
    let normalization = Normalization::profile(normalize)
        .ok_or_else(|| anyhow::anyhow!("unknown normalisation profile “{normalize}”"))?;
    // Two long files are read (and checked to be UTF-8) at once.
    let (a, b) = std::thread::scope(|scope| {
        let b = scope.spawn(|| wording(b));
        let a = wording(a);
        (a, b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    let (a, b) = (a?, b?);
    if format == "json" {
        let ops = compare::diff(&a.text, &b.text, &normalization);
        return Ok(out.write_all(compare_json(&a, &b, normalize, &ops)?.as_bytes())?);
    }
    let title = format!("{} / {}", a.label, b.label);
    let format = match format {
        "md" => Format::Markdown,
        "html" => Format::Html,
        _ => Format::Text,
    };
    Ok(comparison_export::write_pair(
        format,
        &title,
        (a, b),
        &normalization,
        out,
    )?)
}

/// The operations of a comparison as JSON, one operation a line, written as they go (a
/// 1 MB pair has tens of thousands of them; a JSON tree of them would take longer than the
/// diff).
fn compare_json(
    a: &lectern::model::comparison::WordingInput,
    b: &lectern::model::comparison::WordingInput,
    normalize: &str,
    ops: &[lectern::model::compare::Op],
) -> anyhow::Result<String> {
    use std::fmt::Write;
    let mut out = String::with_capacity(256 + ops.len() * 48);
    out.push_str("{\n");
    for (key, witness) in [("a", a), ("b", b)] {
        writeln!(
            out,
            "  \"{key}\": {{ \"name\": {}, \"chars\": {} }},",
            serde_json::to_string(&witness.label)?,
            witness.text.chars().count()
        )?;
    }
    writeln!(
        out,
        "  \"normalize\": {},\n  \"ops\": [",
        serde_json::to_string(normalize)?
    )?;
    for (n, op) in ops.iter().enumerate() {
        writeln!(
            out,
            "    {{ \"kind\": {}, \"a\": [{}, {}], \"b\": [{}, {}] }}{}",
            serde_json::to_string(&op.kind)?,
            op.a.start,
            op.a.end,
            op.b.start,
            op.b.end,
            if n + 1 < ops.len() { "," } else { "" }
        )?;
    }
    out.push_str("  ]\n}\n");
    Ok(out)
}

/// Opens the profile as the window does ([`open_profile`]), printing what it found on standard
/// error.
fn open(profile: Option<&Path>, access: Access) -> anyhow::Result<OpenedProfile> {
    let profile = Profile::open(profile)?;
    let opened = open_profile(profile, bundled_library(), access)?;
    for notice in &opened.notices {
        eprintln!("{notice}");
    }
    Ok(opened)
}

/// Saves the notebook of a profile opened for writing.
fn save(opened: &OpenedProfile) -> anyhow::Result<()> {
    opened.save_notebook()?;
    Ok(())
}

fn export_command(
    profile: Option<&Path>,
    format: &str,
    text: Option<&str>,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    use lectern::model::annotation_export::{AnnotationFormat, Scope, export_notebook};
    let opened = open(profile, Access::Read)?;
    if let Some(id) = text
        && opened.library.get(id).is_none()
    {
        anyhow::bail!("there is no text with the id “{id}” (`lectern list` shows them)");
    }
    let format = AnnotationFormat::from_name(format)
        .with_context(|| format!("there is no export format “{format}”"))?;
    let scope = if text.is_some() {
        Scope::Annotations
    } else {
        Scope::Notebook
    };
    let (written, counts) =
        export_notebook(&opened.notebook, &opened.library, format, scope, |a| {
            text.is_none_or(|id| a.text_id == id)
        });
    match output {
        Some(path) => std::fs::write(&path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None => print!("{written}"),
    }
    eprintln!("Exported {}", counts.summary());
    Ok(())
}

fn glossary_command(profile: Option<&Path>, format: &str) -> anyhow::Result<()> {
    use lectern::model::glossary::Glossary;
    let opened = open(profile, Access::Read)?;
    // The bundled terms, with the reader's own.
    let (glossary, problems) = opened.notebook.study().glossary(&Glossary::bundled());
    for problem in problems {
        eprintln!("{problem}");
    }
    // Per term, per rendering: (in texts, in comparisons' witnesses).
    let mut counts: Vec<Vec<(usize, usize)>> = glossary
        .terms()
        .iter()
        .map(|t| vec![(0, 0); t.renderings.len()])
        .collect();
    for text in opened.library.texts() {
        for found in glossary.found_in(text.content()) {
            counts[found.term][found.rendering].0 += 1;
        }
    }
    for comparison in lectern::bundled::bundled_comparisons() {
        for witness in &comparison.witnesses {
            for found in glossary.found_in(&witness.text()) {
                counts[found.term][found.rendering].1 += 1;
            }
        }
    }
    if format == "json" {
        let items: Vec<serde_json::Value> = glossary
            .terms()
            .iter()
            .zip(&counts)
            .map(|(term, counts)| {
                let renderings: Vec<serde_json::Value> = term
                    .renderings
                    .iter()
                    .zip(counts)
                    .map(|(r, (texts, comparisons))| {
                        serde_json::json!({"language": r.language, "text": r.text, "in": r.used_in,
                            "found_in_texts": texts, "found_in_comparisons": comparisons})
                    })
                    .collect();
                serde_json::json!({"id": term.id, "concept": term.concept, "about": term.about,
                    "source": term.source, "renderings": renderings})
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    for (term, counts) in glossary.terms().iter().zip(&counts) {
        println!("{}  [{}]", term.concept, term.id);
        for (rendering, (texts, comparisons)) in term.renderings.iter().zip(counts) {
            println!(
                "  {:<3} {:<42} {} in texts, {} in comparisons — {}",
                rendering.language, rendering.text, texts, comparisons, rendering.used_in
            );
        }
        println!("  {} (source: {})\n", term.about, term.source);
    }
    Ok(())
}

fn timeline_command(profile: Option<&Path>, format: &str) -> anyhow::Result<()> {
    use lectern::model::timeline::{EntryKind, Opens, bundled_events, timeline};
    let opened = open(profile, Access::Read)?;
    let (entries, undated) = timeline(&opened.library, &bundled_events());
    if format == "json" {
        let json = serde_json::json!({ "entries": entries, "undated": undated });
        println!("{}", serde_json::to_string_pretty(&json)?);
        return Ok(());
    }
    for entry in &entries {
        let kind = match entry.kind {
            EntryKind::Document => "document",
            EntryKind::Event => "event",
        };
        let opens = match &entry.opens {
            Opens::Text { id, .. } => id.as_str(),
            Opens::Comparison(id) => id.as_str(),
        };
        println!(
            "{:<28} {kind:<9} {}  [{opens}]",
            entry.date.label, entry.title
        );
    }
    if !undated.is_empty() {
        println!("\nUndated: {}", undated.join("; "));
    }
    Ok(())
}

fn index_command(profile: Option<&Path>, format: &str) -> anyhow::Result<()> {
    use lectern::model::index::{EntityKind, Index};
    let opened = open(profile, Access::Read)?;
    // The bundled people and places, with the reader's own.
    let (index, problems) = opened.notebook.study().index(&Index::bundled());
    for problem in problems {
        eprintln!("{problem}");
    }
    // Per entity: mentions, and the texts they are in (in library order).
    let mut found: Vec<(usize, Vec<(String, usize)>)> =
        vec![(0, Vec::new()); index.entities().len()];
    for text in opened.library.texts() {
        for mention in index.mentions(text) {
            let (count, texts) = &mut found[mention.entity];
            *count += 1;
            match texts.last_mut() {
                Some((id, n)) if id == text.id() => *n += 1,
                _ => texts.push((text.id().to_owned(), 1)),
            }
        }
    }
    if format == "json" {
        let items: Vec<serde_json::Value> = index
            .entities()
            .iter()
            .zip(&found)
            .map(|(entity, (count, texts))| {
                serde_json::json!({
                    "id": entity.id,
                    "kind": entity.kind,
                    "name": entity.name,
                    "variants": entity.variants,
                    "russian": entity.russian,
                    "about": entity.about,
                    "about_source": entity.about_source,
                    "wikidata": entity.wikidata,
                    "mentions": count,
                    "texts": texts.iter().map(|(id, n)| serde_json::json!({"id": id, "mentions": n})).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    use lectern::model::markup::count;
    for kind in [EntityKind::Person, EntityKind::Place] {
        println!(
            "{}",
            if kind == EntityKind::Person {
                "People"
            } else {
                "Places"
            }
        );
        for (entity, (mentions, texts)) in index.entities().iter().zip(&found) {
            if entity.kind != kind {
                continue;
            }
            println!(
                "  {:<16} {:<22} {} in {}  ({})",
                entity.id,
                entity.name,
                count(*mentions, "mention", "mentions"),
                count(texts.len(), "text", "texts"),
                entity
                    .variants
                    .iter()
                    .chain(&entity.russian)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(())
}

fn import_command(
    profile: Option<&Path>,
    file: &Path,
    meta: &lectern::storage::import::ImportMeta,
) -> anyhow::Result<()> {
    use lectern::storage::import::import_file;
    let mut opened = open(profile, Access::Write)?;
    let (text, encoding, replaced) = import_file(&opened.profile, file, meta)?;
    println!("{}", text.id());
    let (id, title, extent) = (
        text.id().to_owned(),
        text.meta().title.clone(),
        lectern::storage::import::extent(&text),
    );
    opened.library.insert_or_replace(text);
    let revision = opened.notebook.revision();
    let report = opened.notebook.reanchor_text(&opened.library, &id);
    if opened.notebook.revision() != revision {
        save(&opened)?;
    }
    eprintln!(
        "{} “{title}” ({encoding}, {extent}){}",
        if replaced { "Re-imported" } else { "Imported" },
        if replaced && report.annotations > 0 {
            format!(". {}", report.summary())
        } else {
            String::new()
        }
    );
    Ok(())
}

fn generate_corpus_command(
    profile: Option<&Path>,
    bytes: usize,
    volumes: usize,
    count: usize,
    seed: u64,
) -> anyhow::Result<()> {
    use lectern::storage::import::add_text;
    let mut opened = open(profile, Access::Write)?;
    let texts = generate::collected_works(seed, bytes, volumes);
    for text in &texts {
        add_text(&opened.profile, text)?;
    }
    let mut contents = opened.notebook.to_contents();
    let mut added = 0;
    for annotation in generate::annotations(&texts, count, seed) {
        added += usize::from(
            contents
                .annotations
                .apply(lectern::model::history::Edit::Add(annotation))
                .is_some(),
        );
    }
    opened.notebook = lectern::model::notebook::Notebook::new(contents);
    save(&opened)?;
    let total: usize = texts.iter().map(|t| t.content().len()).sum();
    eprintln!(
        "Added {} ({:.1} MB) and {} to {}",
        lectern::model::markup::count(texts.len(), "generated volume", "generated volumes"),
        total as f64 / 1e6,
        lectern::model::markup::count(added, "annotation", "annotations"),
        opened.profile.dir().display()
    );
    Ok(())
}

fn import_annotations_command(profile: Option<&Path>, file: &Path) -> anyhow::Result<()> {
    let json = std::fs::read_to_string(file)
        .with_context(|| format!("{} could not be read", file.display()))?;
    let mut opened = open(profile, Access::Write)?;
    let summary =
        lectern::model::archive::import_file(&mut opened.notebook, &json, &opened.library)
            .with_context(|| format!("{} holds nothing Lectern can import", file.display()))?;
    save(&opened)?;
    eprintln!("{summary}");
    Ok(())
}

fn backups_command(profile: Option<&Path>) -> anyhow::Result<()> {
    use lectern::storage::backups;
    let opened = open(profile, Access::Read)?;
    let now = opened.notebook.contents().counts();
    let listed = backups::list(&opened.profile);
    if listed.is_empty() {
        eprintln!("There are no backups yet: one is kept at every save.");
    }
    for backup in listed {
        let what = match &backup.counts {
            Ok(counts) => counts.beside(&now).join(", "),
            Err(reason) => format!("cannot be read: {reason}"),
        };
        println!("{:<34} {:<22} {what}", backup.name, backup.written);
    }
    Ok(())
}

fn restore_command(profile: Option<&Path>, name: &str) -> anyhow::Result<()> {
    use lectern::storage::backups;
    let mut opened = open(profile, Access::Write)?;
    let copy = backups::read(&opened.profile, name).map_err(anyhow::Error::msg)?;
    let report = opened.notebook.restore_from(copy, &opened.library)?;
    save(&opened)?;
    eprintln!("Restored {name}. {}", report.summary());
    Ok(())
}
