//! SIGTERM (a desktop session logging out), SIGINT (Ctrl+C) and SIGHUP (a closed terminal)
//! sent to the real window: what was not yet saved is on disk afterwards, and the profile's lock
//! is released. The window runs on a virtual X server (Xvfb), which `.ci/run` installs.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const KAMENEV: &str = "lenin-1922-09-26-kamenev";

/// A virtual X server for the test's windows, stopped when dropped.
struct VirtualDisplay {
    server: Child,
    display: String,
    _runtime: tempfile::TempDir,
}

impl VirtualDisplay {
    fn start() -> Self {
        let runtime = tempfile::tempdir().unwrap();
        // A display number of this process's own, so that parallel runs do not meet.
        let number = 200 + std::process::id() % 500;
        let server = Command::new("Xvfb")
            .arg(format!(":{number}"))
            .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("Xvfb is needed to run the window under test (apt-get install xvfb): {e}")
            });
        let socket = format!("/tmp/.X11-unix/X{number}");
        let started = Instant::now();
        while !std::path::Path::new(&socket).exists() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "Xvfb did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            server,
            display: format!(":{number}"),
            _runtime: runtime,
        }
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn send(signal: &str, pid: u32) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn each_signal_saves_what_is_pending_and_releases_the_lock() {
    let display = VirtualDisplay::start();
    for signal in ["TERM", "INT", "HUP"] {
        let profile = tempfile::tempdir().unwrap();
        let mut window = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("--profile")
            .arg(profile.path())
            .args(["--open", KAMENEV])
            // Nothing is saved by the timer in this run: only the signal can save the pane.
            .args(["--save-delay", "3600"])
            .env("DISPLAY", &display.display)
            .env("XDG_RUNTIME_DIR", display._runtime.path())
            .env("RUST_LOG", "lectern=info")
            .env_remove("WAYLAND_DISPLAY")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let (ready_tx, ready_rx) = mpsc::channel();
        let stderr = window.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut said = String::new();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("the window is ready") {
                    let _ = ready_tx.send(());
                }
                said.push_str(&line);
                said.push('\n');
            }
            said
        });
        if ready_rx.recv_timeout(Duration::from_secs(60)).is_err() {
            let _ = window.kill();
            let _ = window.wait();
            panic!(
                "SIG{signal}: the window never drew its first frame:\n{}",
                reader.join().unwrap()
            );
        }
        let lock = lectern::storage::profile::Profile::open(Some(profile.path()))
            .unwrap()
            .lock_path();
        // This device's reading state (the window made the device's id when it started).
        let state = lectern::storage::profile::Profile::open(Some(profile.path()))
            .unwrap()
            .reading_state_path();
        assert!(lock.exists(), "SIG{signal}: the window holds the lock");
        assert!(!state.exists(), "SIG{signal}: nothing saved yet");

        send(signal, window.id());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = window.try_wait().unwrap() {
                break status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "SIG{signal}: the window did not close"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let said = reader.join().unwrap();
        assert!(status.success(), "SIG{signal}: {status:?}\n{said}");
        let saved = std::fs::read_to_string(&state)
            .unwrap_or_else(|e| panic!("SIG{signal}: nothing was saved ({e}):\n{said}"));
        assert!(saved.contains(KAMENEV), "SIG{signal}: {saved}");
        assert!(!lock.exists(), "SIG{signal}: the lock was left behind");
    }
}
