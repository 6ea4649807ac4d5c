//! The `lectern` command line.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::process::Command;

fn lectern() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
}

#[test]
fn list_prints_every_bundled_text_with_its_id() {
    let output = lectern().arg("list").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert!(
        lines[0].starts_with("lenin-1922-09-26-kamenev "),
        "{stdout}"
    );
    assert!(stdout.contains("The Question of Nationalities or “Autonomization”"));
    assert!(stdout.contains("Collected Works, vol. 45, p. 608"));
}

#[test]
fn help_names_the_options() {
    let output = lectern().arg("--help").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for option in ["--profile", "--open", "LECTERN_PROFILE", "list"] {
        assert!(stdout.contains(option), "{option} missing from:\n{stdout}");
    }
}

#[test]
fn version_includes_the_commit() {
    let output = lectern().arg("--version").output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("lectern 0."), "{stdout}");
    assert!(stdout.contains('('), "{stdout}");
}

#[test]
fn generate_text_writes_a_file_lectern_can_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let output = lectern()
        .args(["generate-text", "--bytes", "200000", "--seed", "3", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let contents = std::fs::read_to_string(&path).unwrap();
    let parsed = lectern::model::header::parse_text_file("big.txt", &contents).unwrap();
    assert_eq!(parsed.meta.id, "generated-3-200000");
    assert!(contents.len() > 200_000);
}

#[test]
fn an_unreadable_open_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = lectern()
        .arg("--profile")
        .arg(dir.path())
        .arg("--open-file")
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("missing.txt"), "{stderr}");
}
