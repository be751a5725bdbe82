//! The clock scripts see: real, or virtual under `--virtual-time`.

use crate::interp::Vm;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static START: Instant = Instant::now();
}

/// Nanoseconds on the monotonic clock.
#[must_use]
pub fn monotonic_ns(_vm: &Vm) -> i64 {
    START.with(|s| s.elapsed().as_nanos() as i64) + 1_000_000_000
}

/// Seconds since the Unix epoch.
#[must_use]
pub fn wall_seconds(_vm: &Vm) -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// `time.sleep`: blocks the whole interpreter.
pub fn blocking_sleep(_vm: &Vm, secs: f64) {
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
}
