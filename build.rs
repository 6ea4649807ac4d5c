//! Builds the table of bundled texts from `resources/texts/`, checks the study tools' data
//! (`build_support/study_data.rs`: people and places, the timeline's events, the glossary)
//! and embeds the git hash.
//!
//! Every bundled text is parsed with the same header parser the app uses
//! (`src/formats/text_format.rs`), so a malformed file fails the build with a message naming the file,
//! the line and the field, instead of failing at run time on a user's machine.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

#[path = "src/formats/calendar.rs"]
#[allow(dead_code)]
mod calendar;

#[path = "src/formats/ids.rs"]
#[allow(dead_code)]
mod ids;

#[path = "src/formats/text_format.rs"]
#[allow(dead_code)]
mod text_format;

#[path = "build_support/study_data.rs"]
mod study_data;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let texts_dir = Path::new(&manifest_dir).join("resources").join("texts");
    println!("cargo:rerun-if-changed={}", texts_dir.display());
    println!("cargo:rerun-if-changed=src/formats/text_format.rs");
    println!("cargo:rerun-if-changed=src/formats/calendar.rs");

    let mut files: Vec<_> = std::fs::read_dir(&texts_dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", texts_dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        panic!("no bundled texts in {}", texts_dir.display());
    }

    let mut table = String::from(
        "/// The bundled texts: (file name, file contents), validated by build.rs.\n\
         pub static BUNDLED_TEXT_FILES: &[(&str, &str)] = &[\n",
    );
    let mut ids: Vec<String> = Vec::new();
    let mut texts = study_data::Texts::new();
    let mut failures = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("bundled text file names are UTF-8")
            .to_owned();
        let contents = match std::fs::read_to_string(path) {
            Ok(contents) => contents,
            Err(e) => {
                failures.push(format!(
                    "resources/texts/{name}: cannot read as UTF-8 text: {e}"
                ));
                continue;
            }
        };
        match text_format::parse_text_file(&format!("resources/texts/{name}"), &contents) {
            Ok(parsed) => {
                // A bundled text's date is a day of the calendar: what a reader's old file is
                // forgiven is a fault here.
                failures.extend(parsed.notices.iter().cloned());
                if ids.iter().any(|id| *id == parsed.meta.id.as_str()) {
                    failures.push(format!(
                        "resources/texts/{name}, field `id`: {:?} is used by another bundled text",
                        parsed.meta.id
                    ));
                }
                let context = parsed.meta.context_before.clone().unwrap_or_default();
                texts.insert(parsed.meta.id.to_string(), (parsed.paragraphs, context));
                ids.push(parsed.meta.id.into_string());
            }
            Err(e) => failures.push(e.to_string()),
        }
        writeln!(
            table,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    if !failures.is_empty() {
        for failure in &failures {
            println!("cargo:warning=malformed bundled text: {failure}");
        }
        panic!("malformed bundled text(s):\n{}", failures.join("\n"));
    }
    println!("cargo:rerun-if-changed=build_support/study_data.rs");
    let resources = Path::new(&manifest_dir).join("resources");
    let problems = study_data::check(&resources, &texts);
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo:warning=bundled study data: {problem}");
        }
        panic!("bundled study data is wrong:\n{}", problems.join("\n"));
    }
    table.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("bundled_texts.rs"), table)
        .expect("cannot write the bundled text table");

    embed_git_hash(&manifest_dir);
}

/// Sets `LECTERN_GIT_HASH` for `--version`; a warning, not a failure, when git is missing.
fn embed_git_hash(manifest_dir: &str) {
    let git_dir = Path::new(manifest_dir).join(".git");
    if git_dir.exists() {
        println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
        println!(
            "cargo:rerun-if-changed={}",
            git_dir.join("refs").join("heads").display()
        );
    }
    let hash = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(manifest_dir)
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    match hash {
        Some(hash) => println!("cargo:rustc-env=LECTERN_GIT_HASH={hash}"),
        None => {
            println!("cargo:warning=git hash unavailable; the version will say \"unknown\"");
            println!("cargo:rustc-env=LECTERN_GIT_HASH=unknown");
        }
    }
}
