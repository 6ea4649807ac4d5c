//! Two real Syncthing instances on the loopback interface sharing one folder, for integration
//! tests: [`SyncedPair::start`] makes both homes, writes their configurations and starts them;
//! [`SyncedPair::pause`] and [`SyncedPair::resume`] cut and restore their link so that each side
//! can change its copy "offline"; [`SyncedPair::settle`] waits until both copies agree.
//!
//! [`SyncedMesh`] does the same for two or more instances (peers `0..n`), every one linked
//! with every other and the one folder shared among all: [`SyncedMesh::start`],
//! [`SyncedMesh::pause`], [`SyncedMesh::resume`] and [`SyncedMesh::settle`] as for the pair.
//!
//! Tests use it as `crate::common::syncthing`.
//!
//! It needs the `syncthing` binary on `PATH` (Debian: `apt-get install syncthing`, 1.19 or
//! later); without it [`SyncedPair::start`] returns an error saying so, and tests should fail on
//! it rather than pass quietly.
//!
//! Syncthing talks only to the loopback interface: both instances listen (sync protocol and
//! REST/GUI) on `127.0.0.1` only, A dials B at a fixed `tcp://127.0.0.1:PORT` address (B only
//! accepts; see `write_config` for why only one side dials), and global and local discovery,
//! relays, NAT traversal, usage and crash reporting and automatic upgrades are all off.
//!
//! Only the standard library and `serde_json` are used: the REST API is spoken with
//! hand-written HTTP/1.1 requests carrying the `X-API-Key` header.
//!
//! What the synced folders contain besides the test's own files: Syncthing's folder marker, the
//! empty directory `.stfolder`, on both sides (made here before start), for a moment the
//! temporary files `.syncthing.NAME.tmp` of a transfer in progress, and the conflict copies
//! `NAME.sync-conflict-YYYYMMDD-HHMMSS-SHORTID.EXT` of files changed on both sides (what
//! Syncthing 1.19 does with those is described and checked in `tests/syncthing_engine.rs`).
//!
//! If the test process is killed outright (SIGKILL), nothing stops the two instances: they
//! outlive it until killed by hand. A panicking test is fine: the pair's drop kills them.
#![allow(dead_code)] // each test crate uses only part of the harness

use std::fmt::Write as _;
use std::fs;
use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// The ID of the one folder both instances share.
pub const FOLDER_ID: &str = "lectern-sync";

/// The Syncthing binary, looked up on `PATH`.
const BINARY: &str = "syncthing";

/// How long an instance may take to answer its REST API after it is spawned.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long [`SyncedPair::pause`] and [`SyncedPair::resume`] wait for the link to go down or up.
const LINK_TIMEOUT: Duration = Duration::from_secs(30);

/// The interval between two polls of the REST API.
const POLL: Duration = Duration::from_millis(250);

/// How many polls in a row must see the same settled state (after the first) before it counts.
const STABLE_POLLS: u32 = 2;

/// Folder rescan interval (seconds): short, so that a change the watcher misses is found soon.
const RESCAN_INTERVAL_S: u32 = 2;

/// Delay of the filesystem watcher (seconds) before it scans what changed.
const WATCHER_DELAY_S: u32 = 1;

/// Pause (seconds) of the puller after a failed pull; Syncthing's default of 60 s would make a
/// transient failure (a file changed while it was being pulled) stall a test for a minute.
const PULLER_PAUSE_S: u32 = 2;

/// How many log lines of each instance an error message quotes.
const LOG_TAIL_LINES: usize = 25;

/// One of the two instances of a [`SyncedPair`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The instance syncing `folder_a`.
    A,
    /// The instance syncing `folder_b`.
    B,
}

impl Side {
    /// The other instance.
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

/// One running Syncthing instance.
struct Instance {
    /// "a" or "b", for file names and messages.
    name: &'static str,
    /// Its home (configuration, keys and database).
    home: PathBuf,
    /// The folder it syncs (absolute).
    folder: PathBuf,
    /// Its stdout and stderr.
    log: PathBuf,
    /// Its device ID (`XXXXXXX-XXXXXXX-…`).
    device_id: String,
    /// The port of its REST API and GUI on 127.0.0.1.
    gui_port: u16,
    /// The port of its sync protocol listener on 127.0.0.1.
    listen_port: u16,
    /// The API key of its REST API.
    api_key: String,
    /// The process, killed and reaped on drop.
    child: Mutex<Option<Child>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let child = self.child.get_mut().unwrap_or_else(PoisonError::into_inner);
        if let Some(mut child) = child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Instance {
    /// An HTTP request to its REST API; the status and the body.
    fn request(
        &self,
        method: &str,
        target: &str,
        timeout: Duration,
    ) -> Result<(u16, String), String> {
        http_request(self.gui_port, &self.api_key, method, target, timeout)
            .map_err(|e| format!("syncthing {}: {method} {target}: {e}", self.name))
    }

    /// `GET target`, which must answer 200 with JSON.
    fn get(&self, target: &str, timeout: Duration) -> Result<Value, String> {
        let (status, body) = self.request("GET", target, timeout)?;
        if status != 200 {
            return Err(format!(
                "syncthing {}: GET {target}: HTTP {status}: {}",
                self.name,
                body.trim()
            ));
        }
        serde_json::from_str(&body).map_err(|e| {
            format!(
                "syncthing {}: GET {target}: not JSON ({e}): {body}",
                self.name
            )
        })
    }

    /// `POST target` (no body), which must answer 200; the body of the answer.
    fn post(&self, target: &str, timeout: Duration) -> Result<String, String> {
        let (status, body) = self.request("POST", target, timeout)?;
        if status != 200 {
            return Err(format!(
                "syncthing {}: POST {target}: HTTP {status}: {}",
                self.name,
                body.trim()
            ));
        }
        Ok(body)
    }

    /// An error if the process has exited.
    fn check_alive(&self) -> Result<(), String> {
        let mut child = self.child.lock().unwrap_or_else(PoisonError::into_inner);
        match child.as_mut().map(Child::try_wait) {
            None => Err(format!("syncthing {} is not running", self.name)),
            Some(Ok(None)) => Ok(()),
            Some(Ok(Some(status))) => Err(format!(
                "syncthing {} exited ({status}); log {}:\n{}",
                self.name,
                self.log.display(),
                log_tail(&self.log)
            )),
            Some(Err(e)) => Err(format!(
                "syncthing {}: cannot check the process: {e}",
                self.name
            )),
        }
    }

    /// Waits until the REST API answers and the sync listener is up.
    fn wait_ready(&self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        let listen_address = format!("tcp://127.0.0.1:{}", self.listen_port);
        let mut last = String::from("no answer yet");
        while Instant::now() < deadline {
            self.check_alive()?;
            match self.get("/rest/system/status", POLL * 4) {
                Ok(status) => {
                    let my_id = status["myID"].as_str().unwrap_or_default();
                    if my_id != self.device_id {
                        return Err(format!(
                            "syncthing {}: port {} answers with device ID {my_id:?}, not {} \
                             (port taken by another instance?)",
                            self.name, self.gui_port, self.device_id
                        ));
                    }
                    let listener = &status["connectionServiceStatus"][&listen_address];
                    if !listener["error"].is_null() {
                        return Err(format!(
                            "syncthing {}: listener {listen_address} failed: {}; log {}:\n{}",
                            self.name,
                            listener["error"],
                            self.log.display(),
                            log_tail(&self.log)
                        ));
                    }
                    if listener["lanAddresses"]
                        .as_array()
                        .is_some_and(|a| !a.is_empty())
                    {
                        return Ok(());
                    }
                    last = format!("listener not up yet: {listener}");
                }
                Err(e) => last = e,
            }
            thread::sleep(POLL);
        }
        Err(format!(
            "syncthing {} not ready after {START_TIMEOUT:?} ({last}); log {}:\n{}",
            self.name,
            self.log.display(),
            log_tail(&self.log)
        ))
    }
}

/// Two Syncthing instances on 127.0.0.1, each knowing the other's device, sharing the folder
/// [`FOLDER_ID`] (send-receive) between `folder_a` (side [`Side::A`]) and `folder_b`
/// (side [`Side::B`]). Dropping it kills and reaps both processes.
pub struct SyncedPair {
    /// Where the homes and logs are.
    root: PathBuf,
    a: Instance,
    b: Instance,
}

impl SyncedPair {
    /// Generates two Syncthing homes under `root` (`root/home-a`, `root/home-b`; logs in
    /// `root/syncthing-a.log`, `root/syncthing-b.log`), configures them (see the module's
    /// documentation) to share `folder_a` and `folder_b` (created if missing; their existing
    /// content is synced too), starts both and waits until their REST APIs answer. It does not
    /// wait for the two to connect or sync: [`SyncedPair::settle`] does.
    ///
    /// An error if the `syncthing` binary is missing, if generating or starting fails, or if an
    /// instance is not ready within 30 s.
    pub fn start(root: &Path, folder_a: &Path, folder_b: &Path) -> Result<Self, String> {
        check_binary()?;
        fs::create_dir_all(root).map_err(|e| format!("cannot create {}: {e}", root.display()))?;
        let root = absolute(root)?;
        let home_a = root.join("home-a");
        let home_b = root.join("home-b");
        let version_a = generate(&home_a)?;
        let version_b = generate(&home_b)?;
        let id_a = device_id(&home_a)?;
        let id_b = device_id(&home_b)?;
        let folder_a = prepare_folder(folder_a)?;
        let folder_b = prepare_folder(folder_b)?;
        let ports = free_ports(4)?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let instance = |name, home: PathBuf, folder, device_id, gui_port, listen_port| Instance {
            name,
            log: root.join(format!("syncthing-{name}.log")),
            home,
            folder,
            device_id,
            gui_port,
            listen_port,
            api_key: format!("lectern-test-{name}-{}-{stamp:x}", std::process::id()),
            child: Mutex::new(None),
        };
        let a = instance("a", home_a, folder_a, id_a, ports[0], ports[1]);
        let b = instance("b", home_b, folder_b, id_b, ports[2], ports[3]);
        write_config(&a, &b, &version_a)?;
        write_config(&b, &a, &version_b)?;
        // B (which only accepts) first, so that A's first dial finds it listening: a failed
        // dial is retried only 5 s or more later. On an error, dropping them kills the started.
        spawn(&b)?;
        b.wait_ready()?;
        spawn(&a)?;
        a.wait_ready()?;
        Ok(SyncedPair { root, a, b })
    }

    /// Where the homes and logs are.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The ID of the shared folder ([`FOLDER_ID`]).
    pub fn folder_id(&self) -> &str {
        FOLDER_ID
    }

    /// The folder a side syncs (absolute).
    pub fn folder(&self, side: Side) -> &Path {
        &self.instance(side).folder
    }

    /// A side's device ID (`XXXXXXX-XXXXXXX-…-XXXXXXX`). Its first seven characters are the
    /// short ID of REST answers' `modifiedBy` and of conflict copies' names (there, in 1.19, the
    /// ID of the device whose version *won*, not of the one whose content the copy holds).
    pub fn device_id(&self, side: Side) -> &str {
        &self.instance(side).device_id
    }

    /// A side's log file (Syncthing's stdout and stderr).
    pub fn log_path(&self, side: Side) -> &Path {
        &self.instance(side).log
    }

    /// The last lines of both logs, for failure messages.
    pub fn logs(&self) -> String {
        format!(
            "--- {}:\n{}\n--- {}:\n{}",
            self.a.log.display(),
            log_tail(&self.a.log),
            self.b.log.display(),
            log_tail(&self.b.log)
        )
    }

    /// `GET target` (for example `/rest/db/status?folder=lectern-sync`) on a side's REST API,
    /// which must answer 200 with JSON.
    pub fn rest_get(&self, side: Side, target: &str) -> Result<Value, String> {
        self.instance(side).get(target, LINK_TIMEOUT)
    }

    /// `POST target` (no body) on a side's REST API, which must answer 200; the answer's body.
    pub fn rest_post(&self, side: Side, target: &str) -> Result<String, String> {
        self.instance(side).post(target, LINK_TIMEOUT)
    }

    /// Whether `side` has a live connection to the other side.
    pub fn connected(&self, side: Side) -> Result<bool, String> {
        let connections = self
            .instance(side)
            .get("/rest/system/connections", LINK_TIMEOUT)?;
        Ok(
            connections["connections"][self.device_id(side.other())]["connected"].as_bool()
                == Some(true),
        )
    }

    /// Rescans the shared folder on both sides now (each request returns when its scan is done).
    pub fn rescan(&self) -> Result<(), String> {
        self.rescan_within(Instant::now() + LINK_TIMEOUT)
    }

    /// Cuts the link: each side pauses the other device (`POST /rest/system/pause?device=…`),
    /// then this waits until neither side is connected. Each side keeps watching and scanning
    /// its own folder, so changes made now are "offline" changes that meet at
    /// [`SyncedPair::resume`]. The pause is saved in each configuration; [`SyncedPair::settle`]
    /// cannot succeed until the pair is resumed.
    pub fn pause(&self) -> Result<(), String> {
        for side in [Side::A, Side::B] {
            let target = format!("/rest/system/pause?device={}", self.device_id(side.other()));
            self.instance(side).post(&target, LINK_TIMEOUT)?;
        }
        self.wait_link(false)
    }

    /// Restores the link cut by [`SyncedPair::pause`] and waits until both sides are connected
    /// again (they then exchange indexes and pull; [`SyncedPair::settle`] waits for that).
    pub fn resume(&self) -> Result<(), String> {
        // B first: A is the side that dials (see `write_config`), and it dials at once when it
        // resumes; B must not still be refusing it then, or A retries only seconds later.
        for side in [Side::B, Side::A] {
            let target = format!(
                "/rest/system/resume?device={}",
                self.device_id(side.other())
            );
            self.instance(side).post(&target, LINK_TIMEOUT)?;
        }
        self.wait_link(true)
    }

    /// Waits until both copies of the folder agree: rescans both sides (so that changes the
    /// test just made are seen at once), then polls until, on each side, the other device is
    /// connected, the folder is idle with nothing left to pull (`needTotalItems == 0`, no pull
    /// errors), the other device is 100% complete as far as this side knows, and both sides
    /// count the same global files, directories, symlinks and bytes, and this for several polls
    /// in a row; then rescans both once more (to catch files Syncthing itself wrote, such as
    /// conflict copies, before its watcher reports them) and requires the same state again.
    ///
    /// An error (with both sides' last state and their logs' last lines) if that does not happen
    /// within `timeout`, or if an instance died. With a few small files it takes about 1–1.5 s.
    pub fn settle(&self, timeout: Duration) -> Result<(), String> {
        settle_with(
            timeout,
            || {
                self.a.check_alive()?;
                self.b.check_alive()
            },
            |deadline| self.observe(deadline),
            |deadline| self.rescan_within(deadline),
            |elapsed, last| {
                format!(
                    "syncthing pair not settled after {elapsed:?}; last state: {last}\n{}",
                    self.logs()
                )
            },
        )
    }

    fn instance(&self, side: Side) -> &Instance {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// `POST /rest/db/scan` on both sides.
    fn rescan_within(&self, deadline: Instant) -> Result<(), String> {
        let target = format!("/rest/db/scan?folder={FOLDER_ID}");
        for instance in [&self.a, &self.b] {
            instance.post(&target, remaining(deadline))?;
        }
        Ok(())
    }

    /// Waits until both sides are connected (`up`) or neither is.
    fn wait_link(&self, up: bool) -> Result<(), String> {
        let deadline = Instant::now() + LINK_TIMEOUT;
        loop {
            self.a.check_alive()?;
            self.b.check_alive()?;
            let (a, b) = (self.connected(Side::A)?, self.connected(Side::B)?);
            if a == up && b == up {
                return Ok(());
            }
            if Instant::now() >= deadline {
                let wanted = if up { "connect" } else { "disconnect" };
                return Err(format!(
                    "syncthing pair did not {wanted} within {LINK_TIMEOUT:?} \
                     (a connected: {a}, b connected: {b})\n{}",
                    self.logs()
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// One look at both sides.
    fn observe(&self, deadline: Instant) -> Result<Observation, String> {
        let a = self.side_state(Side::A, deadline)?;
        let b = self.side_state(Side::B, deadline)?;
        let busy: Vec<&str> = [&a, &b].iter().filter_map(|s| s.busy.as_deref()).collect();
        let fingerprint = format!("a {} | b {}", a.fingerprint, b.fingerprint);
        if !busy.is_empty() {
            return Ok(Observation::Busy(format!(
                "{}; {fingerprint}",
                busy.join("; ")
            )));
        }
        if a.global != b.global {
            return Ok(Observation::Busy(format!(
                "global counts differ; {fingerprint}"
            )));
        }
        Ok(Observation::Settled(fingerprint))
    }

    /// One side's folder status and its view of the other side's completion.
    fn side_state(&self, side: Side, deadline: Instant) -> Result<SideState, String> {
        let instance = self.instance(side);
        let other = self.device_id(side.other());
        let timeout = remaining(deadline);
        let connected = self.connected(side)?;
        let status = instance.get(&format!("/rest/db/status?folder={FOLDER_ID}"), timeout)?;
        let completion = instance.get(
            &format!("/rest/db/completion?folder={FOLDER_ID}&device={other}"),
            timeout,
        )?;
        let int = |v: &Value, key: &str| v[key].as_i64().unwrap_or(-1);
        let state = status["state"].as_str().unwrap_or("?").to_owned();
        let percent = completion["completion"].as_f64().unwrap_or(-1.0);
        let global = [
            int(&status, "globalFiles"),
            int(&status, "globalDirectories"),
            int(&status, "globalSymlinks"),
            int(&status, "globalBytes"),
        ];
        let fingerprint = format!(
            "state={state} connected={connected} seq={} global={global:?} deleted={} local={}/{} \
             need={} pullErrors={} peer: completion={percent} need={}/{} seq={}",
            int(&status, "sequence"),
            int(&status, "globalDeleted"),
            int(&status, "localFiles"),
            int(&status, "localBytes"),
            int(&status, "needTotalItems"),
            int(&status, "pullErrors"),
            int(&completion, "needItems"),
            int(&completion, "needDeletes"),
            int(&completion, "sequence"),
        );
        let mut busy = Vec::new();
        if !connected {
            busy.push("not connected".to_owned());
        }
        if state != "idle" {
            busy.push(format!("folder {state}"));
        }
        if int(&status, "needTotalItems") != 0 || int(&status, "pullErrors") != 0 {
            busy.push("items to pull".to_owned());
        }
        if percent < 100.0
            || int(&completion, "needItems") != 0
            || int(&completion, "needDeletes") != 0
        {
            busy.push(format!("peer {percent}% complete"));
        }
        let busy = (!busy.is_empty()).then(|| format!("{}: {}", instance.name, busy.join(", ")));
        Ok(SideState {
            busy,
            global,
            fingerprint,
        })
    }
}

/// The names of a [`SyncedMesh`]'s instances, in the order of their folders: its homes
/// (`home-NAME`), logs (`syncthing-NAME.log`) and messages use them.
const MESH_NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];

/// Two or more Syncthing instances on 127.0.0.1, the peers `0..n`, each knowing every other's
/// device and sharing the folder [`FOLDER_ID`] (send-receive) with every other: peer `i` syncs
/// the `i`th folder given to [`SyncedMesh::start`]. Of each two peers, the one given first dials
/// the other, which only accepts it (one dialer per link, for the reason `write_config` gives).
/// Dropping it kills and reaps every process.
pub struct SyncedMesh {
    /// Where the homes and logs are.
    root: PathBuf,
    peers: Vec<Instance>,
}

impl SyncedMesh {
    /// Generates a Syncthing home per folder under `root` (`root/home-a`, `root/home-b`, …; logs
    /// in `root/syncthing-a.log`, …), configures them as [`SyncedPair::start`] does but each
    /// with all the others as its peers, the shared folder shared with all of them, starts them
    /// and waits until their REST APIs answer. It does not wait for them to connect or sync:
    /// [`SyncedMesh::settle`] does.
    ///
    /// An error if there are fewer than 2 or more than 8 folders, if the `syncthing` binary is
    /// missing, if generating or starting fails, or if an instance is not ready within 30 s.
    pub fn start(root: &Path, folders: &[&Path]) -> Result<Self, String> {
        if folders.len() < 2 || folders.len() > MESH_NAMES.len() {
            return Err(format!(
                "a mesh syncs 2 to {} folders, not {}",
                MESH_NAMES.len(),
                folders.len()
            ));
        }
        check_binary()?;
        fs::create_dir_all(root).map_err(|e| format!("cannot create {}: {e}", root.display()))?;
        let root = absolute(root)?;
        let ports = free_ports(2 * folders.len())?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let mut peers = Vec::with_capacity(folders.len());
        let mut versions = Vec::with_capacity(folders.len());
        for (i, (folder, name)) in folders.iter().zip(MESH_NAMES).enumerate() {
            let home = root.join(format!("home-{name}"));
            versions.push(generate(&home)?);
            peers.push(Instance {
                name,
                log: root.join(format!("syncthing-{name}.log")),
                device_id: device_id(&home)?,
                home,
                folder: prepare_folder(folder)?,
                gui_port: ports[2 * i],
                listen_port: ports[2 * i + 1],
                api_key: format!("lectern-test-{name}-{}-{stamp:x}", std::process::id()),
                child: Mutex::new(None),
            });
        }
        for (i, (me, version)) in peers.iter().zip(&versions).enumerate() {
            let others: Vec<(&Instance, String)> = peers
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(j, peer)| {
                    let address = if i < j {
                        format!("tcp://127.0.0.1:{}", peer.listen_port)
                    } else {
                        "dynamic".to_owned()
                    };
                    (peer, address)
                })
                .collect();
            write_config_with(me, &others, version)?;
        }
        // The last (which only accepts) first, so that each peer's first dials find the peers
        // it dials listening. On an error, dropping them kills the started.
        for peer in peers.iter().rev() {
            spawn(peer)?;
            peer.wait_ready()?;
        }
        Ok(SyncedMesh { root, peers })
    }

    /// Where the homes and logs are.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The ID of the shared folder ([`FOLDER_ID`]).
    pub fn folder_id(&self) -> &str {
        FOLDER_ID
    }

    /// The folder peer `i` syncs (absolute).
    pub fn folder(&self, i: usize) -> &Path {
        &self.peers[i].folder
    }

    /// Peer `i`'s device ID.
    pub fn device_id(&self, i: usize) -> &str {
        &self.peers[i].device_id
    }

    /// Peer `i`'s log file (Syncthing's stdout and stderr).
    pub fn log_path(&self, i: usize) -> &Path {
        &self.peers[i].log
    }

    /// The last lines of every log, for failure messages.
    pub fn logs(&self) -> String {
        self.peers
            .iter()
            .map(|p| format!("--- {}:\n{}", p.log.display(), log_tail(&p.log)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `GET target` on peer `i`'s REST API, which must answer 200 with JSON.
    pub fn rest_get(&self, i: usize, target: &str) -> Result<Value, String> {
        self.peers[i].get(target, LINK_TIMEOUT)
    }

    /// `POST target` (no body) on peer `i`'s REST API, which must answer 200; the answer's body.
    pub fn rest_post(&self, i: usize, target: &str) -> Result<String, String> {
        self.peers[i].post(target, LINK_TIMEOUT)
    }

    /// The peers `i` has a live connection to.
    pub fn connected_to(&self, i: usize) -> Result<Vec<usize>, String> {
        let connections = self.peers[i].get("/rest/system/connections", LINK_TIMEOUT)?;
        Ok((0..self.peers.len())
            .filter(|&j| {
                j != i
                    && connections["connections"][self.device_id(j)]["connected"].as_bool()
                        == Some(true)
            })
            .collect())
    }

    /// Rescans the shared folder on every peer now (each request returns when its scan is
    /// done).
    pub fn rescan(&self) -> Result<(), String> {
        self.rescan_within(Instant::now() + LINK_TIMEOUT)
    }

    /// Cuts every link, as [`SyncedPair::pause`] does: each peer pauses every other device,
    /// then this waits until no peer is connected to any. Changes made now are "offline"
    /// changes that meet at [`SyncedMesh::resume`]; [`SyncedMesh::settle`] cannot succeed until
    /// then.
    pub fn pause(&self) -> Result<(), String> {
        for i in 0..self.peers.len() {
            for j in (0..self.peers.len()).filter(|&j| j != i) {
                let target = format!("/rest/system/pause?device={}", self.device_id(j));
                self.peers[i].post(&target, LINK_TIMEOUT)?;
            }
        }
        self.wait_links(false)
    }

    /// Restores the links cut by [`SyncedMesh::pause`] and waits until every peer is connected
    /// to every other again.
    pub fn resume(&self) -> Result<(), String> {
        // The last first: of each two peers, the later one only accepts, and must not still be
        // refusing the earlier one when that one resumes and dials at once.
        for i in (0..self.peers.len()).rev() {
            for j in (0..self.peers.len()).filter(|&j| j != i) {
                let target = format!("/rest/system/resume?device={}", self.device_id(j));
                self.peers[i].post(&target, LINK_TIMEOUT)?;
            }
        }
        self.wait_links(true)
    }

    /// Waits until every copy of the folder agrees, as [`SyncedPair::settle`] does for two:
    /// rescans every peer, then polls until each is connected to every other, its folder idle
    /// with nothing to pull, every other peer 100% complete as far as it knows, and all count
    /// the same global files, directories, symlinks and bytes, for several polls in a row; then
    /// rescans every peer once more and requires the same state again.
    ///
    /// An error (with every peer's last state and their logs' last lines) if that does not
    /// happen within `timeout`, or if an instance died.
    pub fn settle(&self, timeout: Duration) -> Result<(), String> {
        settle_with(
            timeout,
            || self.peers.iter().try_for_each(Instance::check_alive),
            |deadline| self.observe(deadline),
            |deadline| self.rescan_within(deadline),
            |elapsed, last| {
                format!(
                    "syncthing mesh of {} not settled after {elapsed:?}; last state: {last}\n{}",
                    self.peers.len(),
                    self.logs()
                )
            },
        )
    }

    /// `POST /rest/db/scan` on every peer.
    fn rescan_within(&self, deadline: Instant) -> Result<(), String> {
        let target = format!("/rest/db/scan?folder={FOLDER_ID}");
        for peer in &self.peers {
            peer.post(&target, remaining(deadline))?;
        }
        Ok(())
    }

    /// Waits until every peer is connected to every other (`up`) or none to any.
    fn wait_links(&self, up: bool) -> Result<(), String> {
        let deadline = Instant::now() + LINK_TIMEOUT;
        let everyone = self.peers.len() - 1;
        loop {
            let mut links = Vec::with_capacity(self.peers.len());
            for (i, peer) in self.peers.iter().enumerate() {
                peer.check_alive()?;
                links.push(self.connected_to(i)?);
            }
            let wanted = if up { everyone } else { 0 };
            if links.iter().all(|l| l.len() == wanted) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                let wanted = if up { "connect" } else { "disconnect" };
                let links: Vec<String> = self
                    .peers
                    .iter()
                    .zip(&links)
                    .map(|(p, l)| {
                        let to: Vec<&str> = l.iter().map(|&j| self.peers[j].name).collect();
                        format!("{} connected to {to:?}", p.name)
                    })
                    .collect();
                return Err(format!(
                    "syncthing mesh did not {wanted} within {LINK_TIMEOUT:?} ({})\n{}",
                    links.join(", "),
                    self.logs()
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// One look at every peer.
    fn observe(&self, deadline: Instant) -> Result<Observation, String> {
        let states = (0..self.peers.len())
            .map(|i| self.peer_state(i, deadline))
            .collect::<Result<Vec<_>, _>>()?;
        let busy: Vec<&str> = states.iter().filter_map(|s| s.busy.as_deref()).collect();
        let fingerprint = self
            .peers
            .iter()
            .zip(&states)
            .map(|(p, s)| format!("{} {}", p.name, s.fingerprint))
            .collect::<Vec<_>>()
            .join(" | ");
        if !busy.is_empty() {
            return Ok(Observation::Busy(format!(
                "{}; {fingerprint}",
                busy.join("; ")
            )));
        }
        if states.iter().any(|s| s.global != states[0].global) {
            return Ok(Observation::Busy(format!(
                "global counts differ; {fingerprint}"
            )));
        }
        Ok(Observation::Settled(fingerprint))
    }

    /// Peer `i`'s folder status and its view of every other peer's completion.
    fn peer_state(&self, i: usize, deadline: Instant) -> Result<SideState, String> {
        let instance = &self.peers[i];
        let timeout = remaining(deadline);
        let connected = self.connected_to(i)?;
        let status = instance.get(&format!("/rest/db/status?folder={FOLDER_ID}"), timeout)?;
        let int = |v: &Value, key: &str| v[key].as_i64().unwrap_or(-1);
        let state = status["state"].as_str().unwrap_or("?").to_owned();
        let global = [
            int(&status, "globalFiles"),
            int(&status, "globalDirectories"),
            int(&status, "globalSymlinks"),
            int(&status, "globalBytes"),
        ];
        let mut fingerprint = format!(
            "state={state} seq={} global={global:?} deleted={} local={}/{} need={} \
             pullErrors={}",
            int(&status, "sequence"),
            int(&status, "globalDeleted"),
            int(&status, "localFiles"),
            int(&status, "localBytes"),
            int(&status, "needTotalItems"),
            int(&status, "pullErrors"),
        );
        let mut busy = Vec::new();
        if state != "idle" {
            busy.push(format!("folder {state}"));
        }
        if int(&status, "needTotalItems") != 0 || int(&status, "pullErrors") != 0 {
            busy.push("items to pull".to_owned());
        }
        for (j, peer) in self.peers.iter().enumerate().filter(|&(j, _)| j != i) {
            let completion = instance.get(
                &format!(
                    "/rest/db/completion?folder={FOLDER_ID}&device={}",
                    peer.device_id
                ),
                timeout,
            )?;
            let percent = completion["completion"].as_f64().unwrap_or(-1.0);
            let linked = connected.contains(&j);
            let _ = write!(
                fingerprint,
                " {}: connected={linked} completion={percent} need={}/{} seq={}",
                peer.name,
                int(&completion, "needItems"),
                int(&completion, "needDeletes"),
                int(&completion, "sequence"),
            );
            if !linked {
                busy.push(format!("not connected to {}", peer.name));
            }
            if percent < 100.0
                || int(&completion, "needItems") != 0
                || int(&completion, "needDeletes") != 0
            {
                busy.push(format!("{} {percent}% complete", peer.name));
            }
        }
        let busy = (!busy.is_empty()).then(|| format!("{}: {}", instance.name, busy.join(", ")));
        Ok(SideState {
            busy,
            global,
            fingerprint,
        })
    }
}

/// What [`SyncedPair::observe`] saw.
enum Observation {
    /// Both sides settled, in the state described.
    Settled(String),
    /// Not settled yet, for the reason given.
    Busy(String),
}

/// One side's state as [`SyncedPair::side_state`] reads it.
struct SideState {
    /// Why it is not settled, if it is not.
    busy: Option<String>,
    /// Global files, directories, symlinks and bytes.
    global: [i64; 4],
    /// Everything read, to compare polls and to report.
    fingerprint: String,
}

/// The time left until `deadline`, at least a second (for one more request).
fn remaining(deadline: Instant) -> Duration {
    deadline
        .saturating_duration_since(Instant::now())
        .max(Duration::from_secs(1))
}

/// An error saying how to install Syncthing if the binary is missing.
fn check_binary() -> Result<(), String> {
    match Command::new(BINARY)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) if output.status.success() => Ok(()),
        Ok(output) => Err(format!(
            "`{BINARY} --version` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
            "the `{BINARY}` binary is not installed (not on PATH); these tests need a real \
             Syncthing: `apt-get install syncthing` (Debian), as .ci/run does"
        )),
        Err(e) => Err(format!("cannot run `{BINARY}`: {e}")),
    }
}

/// `path` made absolute (it exists).
fn absolute(path: &Path) -> Result<PathBuf, String> {
    fs::canonicalize(path).map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

/// Creates a folder to sync, with Syncthing's folder marker `.stfolder` (without it Syncthing
/// refuses to sync a folder that has content); its absolute path.
fn prepare_folder(folder: &Path) -> Result<PathBuf, String> {
    let marker = folder.join(".stfolder");
    fs::create_dir_all(&marker).map_err(|e| format!("cannot create {}: {e}", marker.display()))?;
    absolute(folder)
}

/// `syncthing generate --home=HOME` (keys and a first configuration); the configuration's
/// version, which the written configuration keeps.
fn generate(home: &Path) -> Result<String, String> {
    let output = Command::new(BINARY)
        .arg("generate")
        .arg(format!("--home={}", home.display()))
        .arg("--no-default-folder")
        .arg("--skip-port-probing")
        .env("STNODEFAULTFOLDER", "1")
        .env("STNOUPGRADE", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{BINARY} generate`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{BINARY} generate --home={}` failed ({}): {}{}",
            home.display(),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let config_path = home.join("config.xml");
    let config = fs::read_to_string(&config_path)
        .map_err(|e| format!("cannot read {}: {e}", config_path.display()))?;
    let version = config
        .split_once("<configuration version=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(version, _)| version.to_owned())
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("no configuration version in {}", config_path.display()))?;
    Ok(version)
}

/// The device ID of a generated home (`syncthing serve --home=HOME --device-id`).
fn device_id(home: &Path) -> Result<String, String> {
    let output = Command::new(BINARY)
        .arg("serve")
        .arg(format!("--home={}", home.display()))
        .arg("--device-id")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{BINARY} serve --device-id`: {e}"))?;
    let id = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let well_formed = id.len() == 63
        && id.split('-').count() == 8
        && id
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_uppercase() || b.is_ascii_digit());
    if !output.status.success() || !well_formed {
        return Err(format!(
            "`{BINARY} serve --home={} --device-id` gave no device ID ({}): {id:?} {}",
            home.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(id)
}

/// `count` distinct free TCP ports on 127.0.0.1 (bound together, then released; another
/// process could take one before Syncthing binds it, which start then reports).
fn free_ports(count: usize) -> Result<Vec<u16>, String> {
    let listeners = (0..count)
        .map(|_| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot bind a free port on 127.0.0.1: {e}"))?;
    listeners
        .iter()
        .map(|l| l.local_addr().map(|a| a.port()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot read a bound port: {e}"))
}

/// `text` escaped for an XML attribute or element.
fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A `<device>` element. Every field is written: Syncthing fills an element's missing fields
/// with zero values, not with its defaults.
fn device_xml(id: &str, name: &str, address: &str) -> String {
    format!(
        r#"    <device id="{id}" name="{name}" compression="metadata" introducer="false"
            skipIntroductionRemovals="false" introducedBy="">
        <address>{address}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
        <maxSendKbps>0</maxSendKbps>
        <maxRecvKbps>0</maxRecvKbps>
        <maxRequestKiB>0</maxRequestKiB>
        <untrusted>false</untrusted>
        <remoteGUIPort>0</remoteGUIPort>
    </device>
"#,
        id = xml_escape(id),
        name = xml_escape(name),
        address = xml_escape(address),
    )
}

/// Writes `me`'s `config.xml` (replacing the generated one, whose keys stay): `peer` as the
/// only other device, the shared folder, the REST API on 127.0.0.1 with `me`'s key, and every
/// network service but the loopback listener off.
fn write_config(me: &Instance, peer: &Instance, version: &str) -> Result<(), String> {
    // Only A dials. Syncthing dials from its own listen port (SO_REUSEPORT), so when both
    // sides dial at once (at start, at resume) the two dials are one TCP simultaneous open on
    // the same pair of ports, and the Hello exchange hangs until its 20 s timeout. B knows A as
    // "dynamic", which with discovery off is no address at all: B only accepts A's connection.
    let peer_address = if me.name == "a" {
        format!("tcp://127.0.0.1:{}", peer.listen_port)
    } else {
        "dynamic".to_owned()
    };
    write_config_with(me, &[(peer, peer_address)], version)
}

/// Writes `me`'s `config.xml` (replacing the generated one, whose keys stay): each of `peers`
/// as another device, known at the address given with it (`tcp://127.0.0.1:PORT` to dial it,
/// `dynamic` to only accept it), the shared folder shared with all of them, the REST API on
/// 127.0.0.1 with `me`'s key, and every network service but the loopback listener off.
fn write_config_with(
    me: &Instance,
    peers: &[(&Instance, String)],
    version: &str,
) -> Result<(), String> {
    let mut xml = String::new();
    let _ = writeln!(xml, r#"<configuration version="{}">"#, xml_escape(version));
    // Every folder field is written: one missing from the element would be zero, not its
    // default (maxConflicts 0 would mean "no conflict copies", minDiskFree 0 no check).
    let _ = write!(
        xml,
        r#"    <folder id="{id}" label="{id}" path="{path}" type="sendreceive"
            rescanIntervalS="{RESCAN_INTERVAL_S}" fsWatcherEnabled="true"
            fsWatcherDelayS="{WATCHER_DELAY_S}" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me_id}" introducedBy="">
            <encryptionPassword></encryptionPassword>
        </device>
{peer_devices}        <minDiskFree unit="%">1</minDiskFree>
        <versioning>
            <cleanupIntervalS>3600</cleanupIntervalS>
            <fsPath></fsPath>
            <fsType>basic</fsType>
        </versioning>
        <copiers>0</copiers>
        <pullerMaxPendingKiB>0</pullerMaxPendingKiB>
        <hashers>0</hashers>
        <order>random</order>
        <ignoreDelete>false</ignoreDelete>
        <scanProgressIntervalS>0</scanProgressIntervalS>
        <pullerPauseS>{PULLER_PAUSE_S}</pullerPauseS>
        <maxConflicts>10</maxConflicts>
        <disableSparseFiles>false</disableSparseFiles>
        <disableTempIndexes>false</disableTempIndexes>
        <paused>false</paused>
        <weakHashThresholdPct>25</weakHashThresholdPct>
        <markerName>.stfolder</markerName>
        <copyOwnershipFromParent>false</copyOwnershipFromParent>
        <modTimeWindowS>0</modTimeWindowS>
        <maxConcurrentWrites>2</maxConcurrentWrites>
        <disableFsync>false</disableFsync>
        <blockPullOrder>standard</blockPullOrder>
        <copyRangeMethod>standard</copyRangeMethod>
        <caseSensitiveFS>false</caseSensitiveFS>
        <junctionsAsDirs>false</junctionsAsDirs>
    </folder>
"#,
        id = FOLDER_ID,
        path = xml_escape(&me.folder.to_string_lossy()),
        me_id = xml_escape(&me.device_id),
        peer_devices = peers
            .iter()
            .map(|(peer, _)| format!(
                "        <device id=\"{}\" introducedBy=\"\">\n            \
                 <encryptionPassword></encryptionPassword>\n        </device>\n",
                xml_escape(&peer.device_id)
            ))
            .collect::<String>(),
    );
    xml.push_str(&device_xml(&me.device_id, me.name, "dynamic"));
    for (peer, address) in peers {
        xml.push_str(&device_xml(&peer.device_id, peer.name, address));
    }
    let _ = write!(
        xml,
        r#"    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{gui_port}</address>
        <apikey>{api_key}</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{listen_port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <announceLANAddresses>false</announceLANAddresses>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <reconnectionIntervalS>5</reconnectionIntervalS>
        <restartOnWakeup>false</restartOnWakeup>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
"#,
        gui_port = me.gui_port,
        api_key = xml_escape(&me.api_key),
        listen_port = me.listen_port,
    );
    let path = me.home.join("config.xml");
    fs::write(&path, xml).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Starts `syncthing serve` for an instance, its output to its log.
fn spawn(instance: &Instance) -> Result<(), String> {
    let log = fs::File::create(&instance.log)
        .map_err(|e| format!("cannot create {}: {e}", instance.log.display()))?;
    let log_err = log
        .try_clone()
        .map_err(|e| format!("cannot share {}: {e}", instance.log.display()))?;
    let child = Command::new(BINARY)
        .arg("serve")
        .arg(format!("--home={}", instance.home.display()))
        .arg("--no-browser")
        .arg("--no-restart")
        .arg("--no-upgrade")
        .arg("--logflags=3")
        .env("STNODEFAULTFOLDER", "1")
        .env("STNOUPGRADE", "1")
        .env("STNORESTART", "1")
        // The SHA-256 implementation named rather than chosen by a benchmark at every start.
        .env("STHASHING", "minio")
        // The environment must not move the REST API elsewhere or change its key.
        .env_remove("STGUIADDRESS")
        .env_remove("STGUIAPIKEY")
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(|e| format!("cannot start `{BINARY} serve` for {}: {e}", instance.name))?;
    *instance
        .child
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = Some(child);
    Ok(())
}

/// The last lines of a log.
fn log_tail(path: &Path) -> String {
    match fs::read_to_string(path) {
        Ok(text) => {
            let lines: Vec<&str> = text.lines().collect();
            lines[lines.len().saturating_sub(LOG_TAIL_LINES)..].join("\n")
        }
        Err(e) => format!("(cannot read {}: {e})", path.display()),
    }
}

/// One HTTP/1.1 request to 127.0.0.1:`port` with the API key (no body, `Connection: close`);
/// the status and the body (de-chunked).
fn http_request(
    port: u16,
    api_key: &str,
    method: &str,
    target: &str,
    timeout: Duration,
) -> Result<(u16, String), String> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, timeout.min(Duration::from_secs(5)))
        .map_err(|e| format!("cannot connect to {address}: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-API-Key: {api_key}\r\n\
         Accept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("cannot send: {e}"))?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    let header_end = find(&raw, b"\r\n\r\n").ok_or("answer without a complete header")?;
    let head = String::from_utf8_lossy(&raw[..header_end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("transfer-encoding")
                && value.eq_ignore_ascii_case("chunked")
            {
                chunked = true;
            } else if name.eq_ignore_ascii_case("content-length") {
                length = value.parse::<usize>().ok();
            }
        }
    }
    let body = &raw[header_end + 4..];
    let body = if chunked {
        dechunk(body)?
    } else if let Some(length) = length {
        body.get(..length)
            .ok_or("answer shorter than its Content-Length")?
            .to_vec()
    } else {
        body.to_vec()
    };
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// The body of a `Transfer-Encoding: chunked` answer.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n").ok_or("chunk without a size line")?;
        let size_line = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|e| format!("bad chunk size {size_text:?}: {e}"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = body.get(..size).ok_or("truncated chunk")?;
        out.extend_from_slice(chunk);
        body = body.get(size + 2..).ok_or("truncated chunk")?;
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The settling both a pair and a mesh do: rescan, then poll until the peers' state is settled
/// with the same fingerprint for [`STABLE_POLLS`] polls in a row, rescan once more and require
/// it again; an error made by `failed` (from the time taken and the last state) at the
/// deadline, or at once if an instance died.
fn settle_with(
    timeout: Duration,
    alive: impl Fn() -> Result<(), String>,
    observe: impl Fn(Instant) -> Result<Observation, String>,
    rescan: impl Fn(Instant) -> Result<(), String>,
    failed: impl Fn(Duration, &str) -> String,
) -> Result<(), String> {
    let started = Instant::now();
    let deadline = started + timeout;
    rescan(deadline)?;
    let mut candidate: Option<String> = None;
    let mut stable = 0;
    let mut confirmed_by_rescan = false;
    loop {
        alive()?;
        let last = match observe(deadline) {
            Ok(Observation::Settled(fingerprint)) => {
                if candidate.as_deref() == Some(fingerprint.as_str()) {
                    stable += 1;
                } else {
                    candidate = Some(fingerprint.clone());
                    stable = 0;
                    confirmed_by_rescan = false;
                }
                if stable >= STABLE_POLLS {
                    if confirmed_by_rescan {
                        return Ok(());
                    }
                    rescan(deadline)?;
                    confirmed_by_rescan = true;
                    stable = 0;
                }
                format!("settled but not yet for long enough: {fingerprint}")
            }
            Ok(Observation::Busy(state)) => {
                candidate = None;
                stable = 0;
                state
            }
            Err(e) => {
                candidate = None;
                stable = 0;
                e
            }
        };
        if Instant::now() + POLL >= deadline {
            return Err(failed(started.elapsed(), &last));
        }
        thread::sleep(POLL);
    }
}
