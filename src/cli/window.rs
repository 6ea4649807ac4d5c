//! The window's start-up (`lectern`, `lectern FILE…`, `lectern compare A B --window`): files
//! handed to the window that already has the profile open, else a window of its own, with
//! the signals that close it and its icon.

use crate::model::text::TextId;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;

use crate::bundled::bundled_library;
use crate::model::comparison::WordingInput;
use crate::storage::handover::{self, Request, Sent};
use crate::storage::profile::Profile;
use crate::storage::reading_state::WindowPlace;
use crate::storage::text_file::read_text_file;
use crate::ui::app::{LecternApp, StartOptions};

/// `lectern [--open ID…] [FILE…]`: the files go to the window that has the profile open, if
/// one does; else this Lectern opens its window with the texts `open` (ids) and `files`.
pub fn open(
    profile: Option<PathBuf>,
    open: Vec<String>,
    files: Vec<PathBuf>,
    save_delay: Option<u64>,
) -> anyhow::Result<()> {
    // Texts asked for by id (`--open`) are not handed over: this Lectern opens them.
    if open.is_empty() && !files.is_empty() {
        let mut absolute = Vec::with_capacity(files.len());
        for path in &files {
            super::must_be_a_file(path)?;
            absolute.push(std::path::absolute(path)?);
        }
        let request = Request {
            files: absolute,
            compare: false,
            import: None,
        };
        if hand_over(profile.as_deref(), &request)? {
            return Ok(());
        }
    }
    run_gui(profile, open, files, save_delay, Vec::new())
}

/// `lectern compare A B --window`: both wordings are read first (a wording that cannot be read
/// is said here, and no window opens); then the window that has the profile open compares
/// them, or this Lectern opens a window filled by the comparison.
pub fn compare(
    profile: Option<PathBuf>,
    a: &str,
    b: &str,
    save_delay: Option<u64>,
) -> anyhow::Result<()> {
    let (first, second) = super::compare::wordings(profile.as_deref(), a, b)?;
    let files = [a, b]
        .into_iter()
        .map(
            |argument| match crate::storage::text_file::Argument::of(argument) {
                crate::storage::text_file::Argument::File(path) => std::path::absolute(path),
                crate::storage::text_file::Argument::Id(id) => Ok(PathBuf::from(id)),
            },
        )
        .collect::<Result<Vec<_>, _>>()?;
    let request = Request {
        files,
        compare: true,
        import: None,
    };
    if hand_over(profile.as_deref(), &request)? {
        return Ok(());
    }
    run_gui(
        profile,
        Vec::new(),
        Vec::new(),
        save_delay,
        vec![first, second],
    )
}

/// Gives `request` to the Lectern window that has `profile` open, if one does, and prints what
/// it answered; true when it took the request, false when this Lectern should open its own
/// window. A window that refuses the request is an error, with its reason.
pub fn hand_over(profile: Option<&Path>, request: &Request) -> anyhow::Result<bool> {
    let Ok(profile) = Profile::open(profile) else {
        return Ok(false);
    };
    match handover::send(&profile, request) {
        Ok(Sent::Delivered) => {
            println!("Opened in the Lectern window that has this profile open.");
            Ok(true)
        }
        Ok(Sent::Answered(said)) => {
            println!("{}", said.said);
            Ok(true)
        }
        Ok(Sent::NoWindow) => Ok(false),
        Err(handover::SendError::Refused(why)) => {
            anyhow::bail!("the Lectern window that has this profile open did not take it: {why}")
        }
        Err(handover::SendError::Io(e)) => {
            log::warn!("the open Lectern window did not take the files: {e}");
            Ok(false)
        }
    }
}

/// Runs the window on `profile`, with the texts `open` (ids) and `files` (read for this
/// session) in panes, or the wordings `compare` compared and filling the window.
pub fn run_gui(
    profile: Option<PathBuf>,
    open: Vec<String>,
    files: Vec<PathBuf>,
    save_delay: Option<u64>,
    compare: Vec<WordingInput>,
) -> anyhow::Result<()> {
    // A file that cannot be opened at all is said before any window opens; the files are read
    // (and the library, profile and reading state loaded) on a thread of their own while the
    // window and its renderer are made, the longer of the two under a software renderer.
    for path in &files {
        super::must_be_a_file(path)?;
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
        .and_then(|p| crate::storage::reading_state::ReadingState::load(p).value)
        .and_then(|state| state.window);
    let options = StartOptions {
        profile,
        open: open.into_iter().map(TextId::from).collect(),
        session_texts: Vec::new(),
        dialogs: None,
        file_system: None,
        save_delay: save_delay.map(std::time::Duration::from_secs),
        compare,
        system_language: crate::i18n::Language::of_locale(sys_locale::get_locale().as_deref()),
    };
    let app = start_loading(files, options)?;
    run_window(app, viewport(place))
}

/// The loading of the window's app, on a thread of its own: the files read, then the app made.
type Loading = std::thread::JoinHandle<anyhow::Result<LecternApp>>;

/// Starts reading `files` into the session's texts of `options` and making the app of them.
fn start_loading(files: Vec<PathBuf>, mut options: StartOptions) -> anyhow::Result<Loading> {
    std::thread::Builder::new()
        .name("lectern-start".into())
        .spawn(move || -> anyhow::Result<LecternApp> {
            options.session_texts = files
                .iter()
                .map(|path| read_text_file(path))
                .collect::<Result<Vec<_>, _>>()?;
            crate::startup::mark(crate::startup::stage::ARGUMENTS);
            let app = LecternApp::new(bundled_library(), options);
            crate::startup::mark(crate::startup::stage::APP);
            Ok(app)
        })
        .context("starting Lectern")
}

/// The window: where and as big as it was at `place` (else a default size), with its title and
/// icon.
fn viewport(place: Option<WindowPlace>) -> egui::ViewportBuilder {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Lectern")
        .with_app_id(crate::APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size(WindowPlace::MIN_SIZE);
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
    viewport
}

/// Opens the window as `viewport` and runs it, on the app that `app` loads, until it closes;
/// an error when the window could not be opened or the app not loaded.
fn run_window(app: Loading, viewport: egui::ViewportBuilder) -> anyhow::Result<()> {
    // Why the window closed before it began, if it did; and the loading thread, joined after
    // the window closes if the window never took it (it may hold the profile's lock).
    let failed: Arc<std::sync::Mutex<Option<anyhow::Error>>> = Arc::default();
    let failure = Arc::clone(&failed);
    let loader = Arc::new(std::sync::Mutex::new(Some(app)));
    let taken = Arc::clone(&loader);
    let native_options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Lectern",
        native_options,
        Box::new(move |cc| {
            crate::startup::mark(crate::startup::stage::WINDOW);
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

/// The window's icon, compiled in.
fn load_icon() -> anyhow::Result<egui::IconData> {
    let image = image::load_from_memory_with_format(
        include_bytes!("../../resources/icon.png"),
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
