//! Lectern as a desktop application: its desktop entry and AppStream metainfo pass the
//! freedesktop validators, name the application id the window uses, and its icons are there at
//! the usual sizes.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

fn packaging(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("packaging")
        .join(name)
}

/// Runs a validator (installed by `.ci/run` from Debian's desktop-file-utils and appstream).
fn validate(program: &str, args: &[&str], file: &Path) {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}): install it (see .ci/run)"));
    assert!(
        output.status.success(),
        "{program} refused {}:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_desktop_entry_passes_desktop_file_validate_and_names_the_window() {
    let file = packaging(&format!("{}.desktop", lectern::APP_ID));
    validate("desktop-file-validate", &[], &file);
    let entry = std::fs::read_to_string(&file).unwrap();
    assert!(entry.contains(&format!("\nIcon={}\n", lectern::APP_ID)));
    assert!(entry.contains(&format!("\nStartupWMClass={}\n", lectern::APP_ID)));
    assert!(
        entry.contains("\nExec=lectern %F\n"),
        "files from a file manager open"
    );
}

/// The entry the Debian package's generator makes is replaced by this hidden one, so that the
/// menu shows Lectern once, from its own entry.
#[test]
fn the_packages_generated_entry_is_hidden_and_valid() {
    let file = packaging("hidden.desktop");
    validate("desktop-file-validate", &[], &file);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("\nNoDisplay=true\n")
    );
}

#[test]
fn the_metainfo_passes_appstreamcli_validate_and_launches_the_entry() {
    let file = packaging(&format!("{}.metainfo.xml", lectern::APP_ID));
    validate("appstreamcli", &["validate", "--no-net"], &file);
    let info = std::fs::read_to_string(&file).unwrap();
    assert!(info.contains(&format!("<id>{}</id>", lectern::APP_ID)));
    assert!(info.contains(&format!(
        "<launchable type=\"desktop-id\">{}.desktop</launchable>",
        lectern::APP_ID
    )));
    let version = format!("<release version=\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(info.contains(&version), "the metainfo names this version");
}

#[test]
fn the_icon_is_there_at_the_usual_sizes() {
    for size in [16, 24, 32, 48, 64, 128, 256] {
        let icon = packaging(&format!(
            "icons/hicolor/{size}x{size}/apps/{}.png",
            lectern::APP_ID
        ));
        let bytes = std::fs::read(&icon).unwrap_or_else(|e| panic!("{}: {e}", icon.display()));
        assert_eq!(&bytes[1..4], b"PNG");
        // The width and height in the PNG header.
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((width, height), (size, size), "{}", icon.display());
    }
}
