//! Whether another process still runs: asked of the files earlier Lecterns and killed saves
//! leave behind, which name a process id. A leaf of the storage layer: it depends on nothing
//! of Lectern's.

/// Whether a process with this id is running. Where the platform cannot tell, assume it is,
/// so that nothing of a running process is taken from it.
pub fn is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}
