//! Peak memory with a collected works open: a profile of 45 generated volumes (30 MB of text)
//! and 10 000 annotations, started as Lectern starts, two volumes open in panes, every volume
//! folded for Search everything and searched, the annotations panel listing all annotations,
//! frames drawn headlessly.
//!
//! Run with `cargo bench --bench memory`. The measurement runs in a separate process (this
//! program started again), which reads its own peak resident size, `VmHWM` in
//! `/proc/self/status` (Linux). Budget (DESIGN.md): ≤ 250 MB.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::screen;
use egui::Context;
use lectern::bundled::bundled_library;
use lectern::model::annotation_set::AnnotationEdit;
use lectern::model::generate::{annotations, collected_works};
use lectern::storage::annotations_file::AnnotationsFile;
use lectern::storage::import::add_text;
use lectern::storage::profile::Profile;
use lectern::ui::action::{Action, SearchAction};
use lectern::ui::app::{LecternApp, StartOptions};

const CHILD: &str = "LECTERN_MEASURE_MEMORY_OF";
const BUDGET_MB: f64 = 250.0;

fn main() {
    if let Ok(profile) = std::env::var(CHILD) {
        measure(Path::new(&profile));
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list`: nothing to list
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let profile = Profile::open(Some(dir.path())).expect("a profile");
    let volumes = collected_works(1, 30_000_000, 45);
    for volume in &volumes {
        add_text(&profile, volume).expect("volume written");
    }
    let mut file = AnnotationsFile::default();
    for annotation in annotations(&volumes, 10_000, 1) {
        file.annotations.apply(AnnotationEdit::Add(annotation));
    }
    file.save(&profile).expect("annotations written");
    drop(volumes);
    eprintln!(
        "profile of 45 volumes and 10 000 annotations written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let output = Command::new(std::env::current_exe().expect("this program"))
        .env(CHILD, dir.path())
        .output()
        .expect("the measuring process runs");
    print!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the measuring process failed");
}

fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// One frame of the whole window, laid out and tessellated.
fn frame(ctx: &Context, app: &mut LecternApp) {
    let output = ctx.run_ui(screen(), |ui| app.show(ui));
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn measure(dir: &Path) {
    let before = status_mb("VmHWM:");
    let started = Instant::now();
    let mut app = LecternApp::new(
        bundled_library(),
        StartOptions {
            profile: Some(Profile::open(Some(dir)).expect("the profile")),
            open: vec![
                "generated-1-volume-01".into(),
                "generated-1-volume-30".into(),
            ],
            session_texts: Vec::new(),
            dialogs: None,
            file_system: None,
            save_delay: None,
            compare: Vec::new(),
            system_language: lectern::i18n::Language::English,
        },
    );
    let ctx = Context::default();
    frame(&ctx, &mut app);
    let first_frame = started.elapsed();
    assert_eq!(
        app.library().texts().len(),
        45 + 6,
        "every volume is in the library"
    );
    app.view_mut().annotations_panel_mut().all_texts = true;
    app.apply(&ctx, Action::Search(SearchAction::SearchAll));
    if let Some(search) = &mut app.search_mut().search_all {
        search.query = "союз республик".into();
    }
    let folding = Instant::now();
    loop {
        frame(&ctx, &mut app);
        let done = app
            .search()
            .search_all
            .as_ref()
            .is_some_and(|s| s.preparing == 0 && s.searched.is_some());
        if done {
            break;
        }
        assert!(
            folding.elapsed() < Duration::from_secs(120),
            "folding never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let searched = folding.elapsed();
    let hits: usize = app
        .search()
        .search_all
        .as_ref()
        .map_or(0, |s| s.texts.iter().map(|t| t.count).sum());
    for _ in 0..60 {
        for index in 0..2 {
            if let Some(pane) = app.desk_mut().pane_mut(index) {
                pane.view.scroll_by(120.0);
            }
        }
        frame(&ctx, &mut app);
    }
    let peak = status_mb("VmHWM:");
    println!(
        "start with 45 volumes (30 MB) and 10 000 annotations to the first frame: {:.0} ms",
        first_frame.as_secs_f64() * 1e3
    );
    println!(
        "fold every volume and search everything: {:.0} ms, {hits} matches",
        searched.as_secs_f64() * 1e3
    );
    println!(
        "BUDGET | peak memory, 30 MB corpus open (VmHWM) | ≤ {BUDGET_MB} MB | {peak:.0} MB | — | — | 1 | {}",
        if peak <= BUDGET_MB { "met" } else { "NOT MET" }
    );
    println!(
        "(resident before loading: {before:.0} MB; now {:.0} MB)",
        status_mb("VmRSS:")
    );
}
