//! Timestamps and ids for annotations, without a date library: days are reckoned by the one
//! calendar, [`crate::formats::calendar`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub use crate::formats::ids::Timestamp;

/// `time` as an RFC 3339 UTC timestamp, e.g. `2026-11-26T21:45:00Z`.
pub fn rfc3339(time: SystemTime) -> Timestamp {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let (year, month, day) = crate::formats::calendar::civil(days);
    Timestamp::from(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    ))
}

/// The current time as RFC 3339.
pub fn now() -> Timestamp {
    rfc3339(SystemTime::now())
}

/// The current time in milliseconds since the Unix epoch (what stamps records, see
/// [`super::sync::Clock`]).
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A new annotation id: unique across processes and time (hash of time, process and a counter).
pub fn new_annotation_id() -> String {
    use sha2::{Digest, Sha256};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{nanos}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let digest = Sha256::digest(seed.as_bytes());
    let hex: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
    format!("a-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        // 2026-11-26T21:45:51Z
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_729_551)),
            "2026-11-26T21:45:51Z"
        );
        // A leap day.
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00Z"
        );
    }

    #[test]
    fn ids_do_not_repeat() {
        let ids: std::collections::HashSet<String> =
            (0..1000).map(|_| new_annotation_id()).collect();
        assert_eq!(ids.len(), 1000);
    }
}
