//! Hand-over: `lectern FILE…` (or `lectern compare A B --window`, or `lectern import FILE`)
//! while a Lectern window has the same profile open gives the files to that window, which
//! opens them beside its texts (compares them, imports it), as a file manager's second "Open
//! with Lectern" should; without it a second, read-only window would open.
//!
//! The window that holds the profile's lock listens on a Unix socket in the user's runtime
//! folder (`$XDG_RUNTIME_DIR`, else a private folder in the temporary one), named by the
//! profile's path. A later Lectern connects, sends one request (a line of JSON) and waits for
//! `ok` (or the reason the window refused it); after `ok`, a window may say in a second line
//! (an [`Answer`], JSON) what it did, which the later Lectern prints. When nobody listens (no window, or a crash left the socket behind) the later Lectern
//! opens its own window as before. Only Unix has this; elsewhere every Lectern opens its own
//! window.

use crate::model::text::TextId;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::profile::Profile;

/// What a later Lectern asks the open window to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The files to open beside the open texts (absolute paths), or, with `compare`, the two
    /// wordings to compare (absolute paths of files, or ids of bundled texts).
    pub files: Vec<PathBuf>,
    /// Whether the two `files` are compared, the comparison filling the window.
    #[serde(default)]
    pub compare: bool,
    /// With the reader's metadata (blank fields are filled from the file), the one file is
    /// imported into the library, as the window's own import does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<super::import::ImportMeta>,
}

/// What the window says it did with a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// In words for the reader, as the window's status line says it.
    pub said: String,
    /// The id of the text imported, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_id: Option<TextId>,
}

/// What became of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sent {
    /// The open window took it (and did not say more).
    Delivered,
    /// The open window did it, and said this.
    Answered(Answer),
    /// No window listens for this profile: open one.
    NoWindow,
}

/// Why a request was not delivered.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The window refused it, for this reason.
    #[error("the open Lectern window refused the files: {0}")]
    Refused(String),
    /// The window could not be reached, or did not answer.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The window's answer to one request, given when the window has done it: dropped unanswered,
/// it says `ok` (taken) and nothing more.
pub struct Reply {
    stream: Option<Box<dyn io::Write + Send>>,
}

impl Reply {
    /// Answers: what the window did, or why it did not.
    pub fn answer(mut self, answer: Result<Answer, String>) {
        let Some(mut stream) = self.stream.take() else {
            return;
        };
        let written = match answer {
            Ok(answer) => serde_json::to_string(&answer)
                .map_err(io::Error::other)
                .and_then(|json| stream.write_all(format!("ok\n{json}\n").as_bytes())),
            Err(why) => stream.write_all(format!("{}\n", why.replace('\n', " ")).as_bytes()),
        };
        if let Err(e) = written {
            log::warn!("the other Lectern did not hear the answer: {e}");
        }
    }

    /// A reply that goes nowhere (for requests that no Lectern sent, as in tests).
    pub fn nowhere() -> Self {
        Self { stream: None }
    }
}

impl Drop for Reply {
    fn drop(&mut self) {
        if let Some(mut stream) = self.stream.take() {
            let _ = stream.write_all(b"ok\n");
        }
    }
}

/// The most a request may hold (thousands of paths).
const MAX_REQUEST: u64 = 1 << 20;
/// How long either side waits for the other.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
/// How long a later Lectern waits for the window's answer (it answers at its next frame, once
/// it has read the files).
const ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// How often the listening thread looks for a request (and whether it must stop).
const POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// The socket of `profile`'s window, if this platform and user have a private place for it.
pub fn socket_path(profile: &Profile) -> Option<PathBuf> {
    let dir = runtime_dir()?;
    let profile_dir =
        std::fs::canonicalize(profile.dir()).unwrap_or_else(|_| profile.dir().to_path_buf());
    Some(dir.join(format!(
        "lectern-{:016x}.sock",
        fnv1a(profile_dir.as_os_str().as_encoded_bytes())
    )))
}

/// A hash that stays the same across builds (the window and the later Lectern may be
/// different versions): 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// `$XDG_RUNTIME_DIR` when it is private to the user (as the specification has it), else a
/// folder of the user's own in the temporary folder, made private; `None` when that folder is
/// someone else's or open to others.
#[cfg(unix)]
fn runtime_dir() -> Option<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let uid = own_uid()?;
    let private = |dir: &Path| private_to(dir, uid);
    if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from)
        && dir.is_absolute()
        && private(&dir)
    {
        return Some(dir);
    }
    let dir = std::env::temp_dir().join(format!("lectern-{uid}"));
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
    private(&dir).then_some(dir)
}

/// Whether `dir` is a folder (not a link to one) of the user `uid`, open to no one else.
#[cfg(unix)]
fn private_to(dir: &Path, uid: u32) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::symlink_metadata(dir).is_ok_and(|meta| {
        meta.is_dir() && meta.uid() == uid && meta.permissions().mode() & 0o077 == 0
    })
}

/// This process's user id: the owner of `/proc/self` on Linux, else of a file it makes.
#[cfg(unix)]
fn own_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    if let Ok(meta) = std::fs::metadata("/proc/self") {
        return Some(meta.uid());
    }
    let probe = std::env::temp_dir().join(format!(".lectern-uid-{}", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .ok()?;
    let uid = file.metadata().ok().map(|m| m.uid());
    let _ = std::fs::remove_file(&probe);
    uid
}

#[cfg(not(unix))]
fn runtime_dir() -> Option<PathBuf> {
    None
}

/// Sends `request` to the window that has `profile` open, if one listens.
#[cfg(unix)]
pub fn send(profile: &Profile, request: &Request) -> Result<Sent, SendError> {
    use std::io::{BufRead as _, Write as _};
    use std::os::unix::net::UnixStream;
    let Some(path) = socket_path(profile) else {
        return Ok(Sent::NoWindow);
    };
    let mut stream = match UnixStream::connect(&path) {
        Ok(stream) => stream,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(Sent::NoWindow);
        }
        Err(e) => return Err(e.into()),
    };
    stream.set_read_timeout(Some(ANSWER_TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let mut line = serde_json::to_vec(request).map_err(io::Error::other)?;
    line.push(b'\n');
    stream.write_all(&line)?;
    stream.shutdown(std::net::Shutdown::Write)?;
    let mut reader = io::BufReader::new(stream);
    let mut answer = String::new();
    reader.read_line(&mut answer)?;
    if answer.trim_end() != "ok" {
        return Err(SendError::Refused(answer.trim_end().to_owned()));
    }
    // What the window did, if it says (an older window does not).
    let mut said = String::new();
    reader.read_line(&mut said)?;
    Ok(match serde_json::from_str::<Answer>(said.trim_end()) {
        Ok(answer) => Sent::Answered(answer),
        Err(_) => Sent::Delivered,
    })
}

/// Elsewhere no window listens.
#[cfg(not(unix))]
pub fn send(_profile: &Profile, _request: &Request) -> Result<Sent, SendError> {
    Ok(Sent::NoWindow)
}

/// The open window's side: listens until dropped, giving each request to `deliver`.
pub struct Listener {
    path: PathBuf,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Listens for requests on `profile`'s socket, calling `deliver` (on the listening thread)
/// with each after answering `ok`. Only the holder of the profile's lock may listen: a socket
/// left behind by a window that crashed is replaced.
pub fn listen(
    profile: &Profile,
    deliver: impl Fn(Request) + Send + 'static,
) -> io::Result<Listener> {
    listen_answering(profile, move |request, reply| {
        drop(reply);
        deliver(request);
    })
}

/// [`listen`], but `deliver` answers each request with its [`Reply`] when it has done it (from
/// any thread), saying what it did or why it did not.
#[cfg(unix)]
pub fn listen_answering(
    profile: &Profile,
    deliver: impl Fn(Request, Reply) + Send + 'static,
) -> io::Result<Listener> {
    use std::os::unix::net::UnixListener;
    use std::sync::atomic::Ordering;
    let path = socket_path(profile)
        .ok_or_else(|| io::Error::other("no private runtime folder for the hand-over socket"))?;
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    // Accepting does not block, so that the thread sees at once that it must stop, whatever
    // became of the socket file.
    listener.set_nonblocking(true)?;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = std::sync::Arc::clone(&stop);
    let thread = std::thread::Builder::new()
        .name("lectern-hand-over".into())
        .spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Err(e) = answer(stream, &deliver) {
                            log::warn!("a request from another Lectern was not taken: {e}");
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        std::thread::sleep(POLL);
                    }
                    Err(e) => {
                        log::warn!("no more files can be handed to this window: {e}");
                        break;
                    }
                }
            }
        })?;
    Ok(Listener {
        path,
        stop,
        thread: Some(thread),
    })
}

/// Elsewhere nobody listens.
#[cfg(not(unix))]
pub fn listen_answering(
    _profile: &Profile,
    _deliver: impl Fn(Request, Reply) + Send + 'static,
) -> io::Result<Listener> {
    Err(io::Error::other("hand-over needs Unix sockets"))
}

/// Reads one request from `stream` and hands it on with its reply (or answers why not).
#[cfg(unix)]
fn answer(
    stream: std::os::unix::net::UnixStream,
    deliver: &dyn Fn(Request, Reply),
) -> io::Result<()> {
    use std::io::{BufRead as _, Read as _, Write as _};
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let mut line = Vec::new();
    io::BufReader::new(stream.try_clone()?.take(MAX_REQUEST)).read_until(b'\n', &mut line)?;
    let mut stream = stream;
    let request = serde_json::from_slice::<Request>(&line)
        .map_err(|e| format!("not a request ({e})"))
        .and_then(|request| {
            if request.compare && request.files.len() != 2 {
                return Err("a comparison needs two wordings".to_owned());
            }
            if request.import.is_some() && (request.compare || request.files.len() != 1) {
                return Err("an import takes one file".to_owned());
            }
            // A file is an absolute path to a plain file (not a pipe or a device, which
            // reading would block on or never finish); a wording to compare may also be the id
            // of a bundled text.
            let bad = request.files.iter().find(|f| {
                let id = request.compare && !f.is_absolute() && f.components().count() == 1;
                let file = f.is_absolute() && f.is_file();
                !(id || file)
            });
            match bad {
                Some(file) => Err(format!(
                    "{} is not an absolute path to a file",
                    file.display()
                )),
                None => Ok(request),
            }
        });
    match request {
        Ok(request) => {
            // Taken: the window answers when it has done it (or at once, dropping the reply,
            // and reads the files, which may be long, after answering).
            stream.set_write_timeout(Some(TIMEOUT))?;
            let reply = Reply {
                stream: Some(Box::new(stream)),
            };
            deliver(request, reply);
            Ok(())
        }
        Err(why) => {
            stream.write_all(format!("{why}\n").as_bytes())?;
            Err(io::Error::other(why))
        }
    }
}

impl Listener {
    /// The socket listened on.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Listener {
    /// Stops listening: the thread ends within a poll (or when the request it is answering
    /// is done), and the socket file goes unless another window has put its own there.
    pub fn stop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let Some(thread) = self.thread.take() else {
            return;
        };
        let _ = thread.join();
        // Ours, unless someone answers on it.
        #[cfg(unix)]
        if std::os::unix::net::UnixStream::connect(&self.path).is_err() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn profile() -> (tempfile::TempDir, Profile) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let profile = Profile::open(Some(dir.path())).expect("a profile");
        (dir, profile)
    }

    /// Real files to hand over, in their own folder.
    fn files(names: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = names
            .iter()
            .map(|name| {
                let path = dir.path().join(name);
                std::fs::write(&path, "formal unification").expect("written");
                path
            })
            .collect();
        (dir, paths)
    }

    fn request(files: &[PathBuf]) -> Request {
        Request {
            files: files.to_vec(),
            compare: false,
            import: None,
        }
    }

    type Got = Arc<Mutex<Vec<Request>>>;

    fn listening(profile: &Profile) -> (Listener, Got) {
        let got: Got = Arc::default();
        let sink = Arc::clone(&got);
        let listener =
            listen(profile, move |r| sink.lock().expect("test setup").push(r)).expect("test setup");
        (listener, got)
    }

    /// What the window was given, once `count` requests are in (it takes them after answering).
    fn given(got: &Got, count: usize) -> Vec<Request> {
        for _ in 0..200 {
            if got.lock().expect("test setup").len() >= count {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        got.lock().expect("test setup").clone()
    }

    #[test]
    fn with_no_window_listening_the_files_are_not_delivered() {
        let (_dir, profile) = profile();
        let (_files, paths) = files(&["a.txt"]);
        assert_eq!(send(&profile, &request(&paths)).unwrap(), Sent::NoWindow);
    }

    #[test]
    fn the_listening_window_is_given_each_request_and_stops_when_dropped() {
        let (_dir, profile) = profile();
        let (_files, paths) = files(&["a.txt", "b.txt"]);
        let (listener, got) = listening(&profile);
        let path = listener.path().to_path_buf();
        assert!(path.exists());
        let first = request(&paths);
        let second = Request {
            files: vec![paths[0].clone(), "lenin-1922-09-26-kamenev".into()],
            compare: true,
            import: None,
        };
        assert_eq!(send(&profile, &first).unwrap(), Sent::Delivered);
        assert_eq!(send(&profile, &second).unwrap(), Sent::Delivered);
        assert_eq!(given(&got, 2), vec![first.clone(), second]);
        drop(listener);
        assert!(!path.exists(), "the socket is removed with the window");
        assert_eq!(send(&profile, &first).unwrap(), Sent::NoWindow);
    }

    #[test]
    fn a_socket_left_by_a_crashed_window_is_nobody_and_is_replaced() {
        let (_dir, profile) = profile();
        let (_files, paths) = files(&["a.txt"]);
        let path = socket_path(&profile).unwrap();
        // A listener dropped without removing its file, as a killed process leaves it.
        drop(std::os::unix::net::UnixListener::bind(&path).unwrap());
        assert!(path.exists());
        assert_eq!(send(&profile, &request(&paths)).unwrap(), Sent::NoWindow);
        let (_listener, got) = listening(&profile);
        assert_eq!(send(&profile, &request(&paths)).unwrap(), Sent::Delivered);
        assert_eq!(given(&got, 1).len(), 1);
    }

    #[test]
    fn a_window_whose_socket_was_taken_over_stops_at_once_and_leaves_the_new_one() {
        let (_dir, profile) = profile();
        let (_files, paths) = files(&["a.txt"]);
        let (mut old, _) = listening(&profile);
        // Another window took the profile (and the socket) while this one was closing.
        let (new, got) = listening(&profile);
        let started = std::time::Instant::now();
        old.stop();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "no hang"
        );
        assert!(new.path().exists(), "the new window's socket is left alone");
        assert_eq!(send(&profile, &request(&paths)).unwrap(), Sent::Delivered);
        assert_eq!(given(&got, 1).len(), 1);
    }

    #[test]
    fn bad_requests_are_refused_with_the_reason_and_the_next_one_served() {
        use std::io::{BufRead as _, Write as _};
        let (_dir, profile) = profile();
        let (files_dir, paths) = files(&["a.txt"]);
        let (listener, got) = listening(&profile);
        let mut raw = std::os::unix::net::UnixStream::connect(listener.path()).unwrap();
        raw.write_all(b"\xff{not json\n").unwrap();
        let mut answer = String::new();
        io::BufReader::new(raw).read_line(&mut answer).unwrap();
        assert!(answer.starts_with("not a request"), "{answer}");
        // A relative path, a file that is not there, a pipe, a device: none is read.
        let pipe = files_dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&pipe)
                .status()
                .unwrap()
                .success()
        );
        for bad in [
            PathBuf::from("notes.txt"),
            files_dir.path().join("gone.txt"),
            pipe,
            PathBuf::from("/dev/zero"),
        ] {
            let error = send(&profile, &request(std::slice::from_ref(&bad))).unwrap_err();
            assert!(
                error.to_string().contains("not an absolute path to a file"),
                "{bad:?}: {error}"
            );
        }
        let one = Request {
            files: paths.clone(),
            compare: true,
            import: None,
        };
        let error = send(&profile, &one).unwrap_err();
        assert!(error.to_string().contains("two wordings"), "{error}");
        assert!(got.lock().unwrap().is_empty());
        assert_eq!(send(&profile, &request(&paths)).unwrap(), Sent::Delivered);
        assert_eq!(given(&got, 1).len(), 1);
    }

    #[test]
    fn a_window_answers_what_it_did_or_why_not_and_an_import_takes_one_file() {
        let (_dir, profile) = profile();
        let (_files, paths) = files(&["a.txt", "b.txt"]);
        // The window imports the file and says so; a second file it refuses, with the reason.
        let _listener = listen_answering(&profile, |request, reply| {
            let answer = match request.files.first() {
                Some(file) if file.ends_with("a.txt") => Ok(Answer {
                    said: "Imported “a”".to_owned(),
                    text_id: Some("import-a".into()),
                }),
                _ => Err("a.txt only".to_owned()),
            };
            // Answered from another thread, as the window answers at its next frame.
            std::thread::spawn(move || reply.answer(answer));
        })
        .unwrap();
        let import = |files: &[PathBuf]| Request {
            files: files.to_vec(),
            compare: false,
            import: Some(super::super::import::ImportMeta::default()),
        };
        assert_eq!(
            send(&profile, &import(&paths[..1])).unwrap(),
            Sent::Answered(Answer {
                said: "Imported “a”".to_owned(),
                text_id: Some("import-a".into()),
            })
        );
        let refused = send(&profile, &import(&paths[1..])).unwrap_err();
        assert!(
            matches!(&refused, SendError::Refused(why) if why == "a.txt only"),
            "{refused}"
        );
        let two = send(&profile, &import(&paths)).unwrap_err();
        assert!(
            two.to_string().contains("an import takes one file"),
            "{two}"
        );
    }

    #[test]
    fn only_a_folder_of_our_own_closed_to_others_holds_the_socket() {
        use std::os::unix::fs::PermissionsExt;
        let uid = own_uid().expect("a user id");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let folder = dir.path().join("run");
        std::fs::create_dir(&folder).expect("made");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).expect("set");
        assert!(private_to(&folder, uid));
        assert!(!private_to(&folder, uid + 1), "someone else's");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("set");
        assert!(!private_to(&folder, uid), "open to others");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&folder, &link).expect("linked");
        assert!(!private_to(&link, uid), "a link is not the folder");
        assert!(!private_to(&dir.path().join("none"), uid));
    }

    #[test]
    fn each_profile_has_its_own_socket_whatever_the_path_is_called() {
        let (dir, first) = profile();
        let (_other_dir, other) = profile();
        let dotted = Profile::open(Some(&dir.path().join("."))).unwrap();
        assert_eq!(socket_path(&first), socket_path(&dotted));
        assert_ne!(socket_path(&first), socket_path(&other));
        // The name is the same in every build (the window may be an older version): FNV-1a's
        // published values.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
