//! The `lectern` binary: parses the command line, then runs the window or a command.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use lectern::model::annotation::Annotation;
use lectern::model::comparison::WordingInput;

use lectern::bundled::bundled_library;
use lectern::model::generate;
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

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the bundled texts with their ids.
    List,
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
    },
    /// Export the profile's annotations: Markdown, HTML, CSV or W3C Web Annotation JSON-LD.
    Export {
        /// md, html, csv or w3c.
        #[arg(long, default_value = "md", value_parser = ["md", "html", "csv", "w3c"])]
        format: String,
        /// Only the annotations of this text (an id from `lectern list`).
        #[arg(long, value_name = "ID")]
        text: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a text file (plain text, Markdown or an HTML page, any common encoding) into the
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
    /// Save the profile's annotations over and over, one more each time, until killed (used
    /// by the test that kills Lectern mid-save).
    #[command(hide = true)]
    SaveLoop,
}

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::List) => {
            list();
            Ok(())
        }
        Some(Command::GenerateText {
            bytes,
            seed,
            output,
        }) => {
            let text = generate::large_text(seed, bytes);
            let meta = text.meta();
            let file = format!(
                "id: {}\ntitle: {}\nauthor: {}\ndate: {}\nlanguage: {}\nsource: {}\nlicence: {}\n---\n{}\n",
                meta.id,
                meta.title,
                meta.author,
                meta.date,
                meta.language,
                meta.source,
                meta.licence,
                text.content()
            );
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
            a,
            b,
            format,
            normalize,
        }) => {
            let output = compare_command(&a, &b, &format, &normalize)?;
            print!("{output}");
            Ok(())
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
            use lectern::storage::import::{ImportMeta, import_file};
            let profile = Profile::open(cli.profile.as_deref())?;
            let meta = ImportMeta {
                title: title.unwrap_or_default(),
                author: author.unwrap_or_default(),
                date: date.unwrap_or_default(),
                language: language.unwrap_or_default(),
                source: source.unwrap_or_default(),
            };
            let (text, encoding, replaced) = import_file(&profile, &file, &meta)?;
            println!("{}", text.id());
            eprintln!(
                "{} “{}” ({encoding}, {} paragraphs){}",
                if replaced { "Re-imported" } else { "Imported" },
                text.meta().title,
                text.paragraphs().len(),
                if replaced {
                    "; annotations follow their passages at the next start"
                } else {
                    ""
                }
            );
            Ok(())
        }
        Some(Command::ImportAnnotations { file }) => {
            import_annotations_command(cli.profile.as_deref(), &file)
        }
        Some(Command::SaveLoop) => save_loop(cli.profile.as_deref()),
        None => run_gui(cli),
    }
}

fn save_loop(profile: Option<&std::path::Path>) -> anyhow::Result<()> {
    use lectern::model::annotation::Annotation;
    use lectern::model::history::Edit;
    use lectern::storage::annotations_file::AnnotationsFile;
    let profile = Profile::open(profile)?;
    let library = bundled_library();
    let text = library
        .get("lenin-1922-09-26-kamenev")
        .context("the bundled letter to Kamenev")?;
    let mut file = AnnotationsFile::default();
    for n in 0.. {
        let start = (n * 7) % (text.char_len() - 40);
        file.annotations.apply(Edit::Add(Annotation {
            note: format!("note {n}: {}", "…".repeat(n % 50)),
            tags: vec![format!("tag-{}", n % 7)],
            ..Annotation::new(
                format!("a{n}"),
                text,
                start..start + 30,
                Some("key-argument"),
                "2026-11-26T21:00:00Z",
            )
        }));
        file.save(&profile)?;
    }
    Ok(())
}

fn list() {
    let library = bundled_library();
    for text in library.texts() {
        let meta = text.meta();
        println!(
            "{:<36} {:<12} {}{}",
            meta.id,
            meta.date,
            meta.title,
            meta.reference
                .as_ref()
                .map(|r| format!(" — {r}"))
                .unwrap_or_default()
        );
    }
}

fn run_gui(cli: Cli) -> anyhow::Result<()> {
    let session_texts = cli
        .open_file
        .iter()
        .map(|path| read_text_file(path))
        .collect::<Result<Vec<_>, _>>()?;
    let profile = match Profile::open(cli.profile.as_deref()) {
        Ok(profile) => Some(profile),
        Err(e) => {
            log::error!("{e}");
            None
        }
    };
    let options = StartOptions {
        profile,
        open: cli.open,
        session_texts,
        dialogs: None,
    };
    let app = LecternApp::new(bundled_library(), options);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Lectern")
        .with_app_id("lectern")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 400.0]);
    match load_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("window icon not loaded: {e}"),
    }
    let native_options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native("Lectern", native_options, Box::new(|_cc| Ok(Box::new(app))))
        .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
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

/// A wording for `lectern compare`: a file's exact contents, or a bundled text's content.
fn wording(argument: &str) -> anyhow::Result<WordingInput> {
    let path = std::path::Path::new(argument);
    if path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{argument} could not be read: {e}"))?;
        let name = path
            .file_name()
            .map_or(argument.to_owned(), |n| n.to_string_lossy().into_owned());
        return Ok(WordingInput {
            source_label: argument.to_owned(),
            ..WordingInput::pasted(&name, &text)
        });
    }
    let library = lectern::bundled::bundled_library();
    let text = library.get(argument).ok_or_else(|| {
        anyhow::anyhow!("“{argument}” is neither a file nor a bundled text id (see `lectern list`)")
    })?;
    Ok(WordingInput::from_text(text, 0..text.char_len()))
}

fn compare_command(a: &str, b: &str, format: &str, normalize: &str) -> anyhow::Result<String> {
    use lectern::model::compare::{self, Normalization};
    use lectern::model::comparison::{Comparison, Reference, compute_all};
    use lectern::model::comparison_export;
    let normalization = Normalization::profile(normalize)
        .ok_or_else(|| anyhow::anyhow!("unknown normalisation profile “{normalize}”"))?;
    let (a, b) = (wording(a)?, wording(b)?);
    if format == "json" {
        let ops = compare::diff(&a.text, &b.text, &normalization);
        let json = serde_json::json!({
            "a": { "name": a.label, "chars": a.text.chars().count() },
            "b": { "name": b.label, "chars": b.text.chars().count() },
            "normalize": normalize,
            "ops": ops.iter().map(|op| serde_json::json!({
                "kind": op.kind,
                "a": [op.a.start, op.a.end],
                "b": [op.b.start, op.b.end],
            })).collect::<Vec<_>>(),
        });
        return Ok(format!("{}\n", serde_json::to_string_pretty(&json)?));
    }
    let title = format!("{} / {}", a.label, b.label);
    let comparison = Comparison::from_wordings("cli", &title, vec![a, b], &normalization)?;
    let result = compute_all(&comparison, &normalization, Reference::Previous);
    Ok(match format {
        "md" => comparison_export::to_markdown(
            &comparison,
            &result,
            &normalization,
            Reference::Previous,
        ),
        "html" => {
            comparison_export::to_html(&comparison, &result, &normalization, Reference::Previous)
        }
        _ => comparison_export::to_text(&comparison, &result),
    })
}

/// The bundled texts and those imported into `profile`.
fn profile_library(profile: &Profile) -> lectern::model::library::Library {
    let mut library = bundled_library();
    let (imported, notices) = lectern::storage::import::load_imported(profile);
    for notice in notices {
        eprintln!("{notice}");
    }
    for text in imported {
        library.insert_or_replace(text);
    }
    library
}

fn export_command(
    profile: Option<&std::path::Path>,
    format: &str,
    text: Option<&str>,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    use lectern::model::annotation_export;
    use lectern::storage::annotations_file::AnnotationsFile;
    let profile = Profile::open(profile)?;
    let loaded = AnnotationsFile::load(&profile);
    for notice in &loaded.notices {
        eprintln!("{notice}");
    }
    let file = loaded.value.unwrap_or_default();
    let library = profile_library(&profile);
    if let Some(id) = text
        && library.get(id).is_none()
    {
        anyhow::bail!("there is no text with the id “{id}” (`lectern list` shows them)");
    }
    let annotations: Vec<&Annotation> = file
        .annotations
        .live()
        .iter()
        .filter(|a| text.is_none_or(|id| a.text_id == id))
        .map(|a| &**a)
        .collect();
    let categories = &file.categories;
    let written = match format {
        "html" => annotation_export::to_html(&annotations, &library, categories),
        "csv" => annotation_export::to_csv(&annotations, &library, categories),
        "w3c" => annotation_export::to_w3c(&annotations, &library, categories),
        _ => annotation_export::to_markdown(&annotations, &library, categories),
    };
    match output {
        Some(path) => std::fs::write(&path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None => print!("{written}"),
    }
    eprintln!("{} annotations exported", annotations.len());
    Ok(())
}

fn generate_corpus_command(
    profile: Option<&std::path::Path>,
    bytes: usize,
    volumes: usize,
    count: usize,
    seed: u64,
) -> anyhow::Result<()> {
    use lectern::model::history::Edit;
    use lectern::storage::import::add_text;
    let profile = Profile::open(profile)?;
    let (_lock, mut file) = lock_for_writing(&profile)?;
    let texts = generate::collected_works(seed, bytes, volumes);
    for text in &texts {
        add_text(&profile, text)?;
    }
    let mut added = 0;
    for annotation in generate::annotations(&texts, count, seed) {
        added += usize::from(file.annotations.apply(Edit::Add(annotation)).is_some());
    }
    file.save(&profile)?;
    let total: usize = texts.iter().map(|t| t.content().len()).sum();
    eprintln!(
        "Added {} generated volumes ({:.1} MB) and {added} annotations to {}",
        texts.len(),
        total as f64 / 1e6,
        profile.dir().display()
    );
    Ok(())
}

/// Takes the profile's lock and loads its annotations for a command that changes them; fails
/// when Lectern has the profile open or the file cannot be written.
fn lock_for_writing(
    profile: &Profile,
) -> anyhow::Result<(
    lectern::storage::lock::ProfileLock,
    lectern::storage::annotations_file::AnnotationsFile,
)> {
    use lectern::storage::annotations_file::AnnotationsFile;
    use lectern::storage::lock::{LockOutcome, lock_profile};
    let lock = match lock_profile(profile)? {
        LockOutcome::Acquired(lock) => lock,
        LockOutcome::HeldBy(_) => {
            anyhow::bail!("Lectern has this profile open: close it first")
        }
    };
    let loaded = AnnotationsFile::load(profile);
    if loaded.read_only {
        anyhow::bail!(
            "the profile's annotations cannot be written: {}",
            loaded.notices.join(" ")
        );
    }
    Ok((lock, loaded.value.unwrap_or_default()))
}

fn import_annotations_command(
    profile: Option<&std::path::Path>,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    use lectern::model::annotation_export;
    let json = std::fs::read_to_string(file)
        .with_context(|| format!("{} could not be read", file.display()))?;
    let profile = Profile::open(profile)?;
    let (_lock, mut annotations) = lock_for_writing(&profile)?;
    let imported = annotation_export::from_w3c(&json, &annotations.categories)
        .with_context(|| format!("{} holds no annotations Lectern can read", file.display()))?;
    let library = profile_library(&profile);
    let report = annotation_export::merge(&mut annotations.annotations, imported, &library);
    annotations.save(&profile)?;
    eprintln!("{}", report.summary());
    Ok(())
}
