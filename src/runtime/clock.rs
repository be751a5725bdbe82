//! The loop's clock: real (monotonic) or virtual.
//!
//! Time is kept in integer nanoseconds. Every reading a script can observe
//! is strictly greater than the previous one, as consecutive readings of
//! CPython's clock are: two `call_later` calls made one after the other
//! therefore get increasing deadlines, while deadlines computed from one
//! reading (`t = loop.time(); call_at(t + 1, ...)` twice) stay exactly
//! equal — the two cases CPython orders differently. Under virtual time
//! the clock only moves when the loop jumps to the next deadline (and by
//! one nanosecond per observed reading).

use std::cell::Cell;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Where the loop's notion of "now" comes from.
pub struct Clock {
    virtual_time: bool,
    start: Instant,
    wall_start: f64,
    virtual_now: Cell<i64>,
    last: Cell<i64>,
    /// How far the virtual clock may move (nanoseconds from its start).
    horizon: Cell<Option<i64>>,
}

/// Offset added to readings so that `loop.time()` values look like uptime
/// seconds (and never start at zero).
const BASE_NS: i64 = 1_000_000_000_000;

impl Clock {
    /// A real or virtual clock starting now.
    #[must_use]
    pub fn new(virtual_time: bool) -> Self {
        Self {
            virtual_time,
            start: Instant::now(),
            wall_start: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64()),
            virtual_now: Cell::new(BASE_NS),
            last: Cell::new(0),
            horizon: Cell::new(None),
        }
    }

    /// Whether this is the virtual clock.
    #[must_use]
    pub fn is_virtual(&self) -> bool {
        self.virtual_time
    }

    fn raw(&self) -> i64 {
        if self.virtual_time {
            self.virtual_now.get()
        } else {
            BASE_NS + self.start.elapsed().as_nanos() as i64
        }
    }

    /// The current time without counting as an observation.
    #[must_use]
    pub fn peek(&self) -> i64 {
        self.raw().max(self.last.get())
    }

    /// The current time as a script observes it: strictly increasing.
    #[must_use]
    pub fn now(&self) -> i64 {
        let t = self.raw().max(self.last.get() + 1);
        self.last.set(t);
        t
    }

    /// Seconds since the Unix epoch (`time.time()`), following the virtual
    /// clock when there is one.
    #[must_use]
    pub fn wall_seconds(&self) -> f64 {
        if self.virtual_time {
            self.wall_start + (self.now() - BASE_NS) as f64 / 1e9
        } else {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64())
        }
    }

    /// Limits how far the virtual clock may move from its start (the
    /// virtual-time limit); `None` for no limit.
    pub fn set_horizon(&self, horizon: Option<std::time::Duration>) {
        self.horizon
            .set(horizon.map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX)));
    }

    /// Whether the virtual clock may move to `t` (always true for the real
    /// clock, or without a virtual-time limit).
    #[must_use]
    pub fn within_horizon(&self, t: i64) -> bool {
        !self.virtual_time || self.horizon.get().is_none_or(|h| t - BASE_NS <= h)
    }

    /// Moves the virtual clock forward to `t` (never backwards).
    pub fn advance_to(&self, t: i64) {
        if self.virtual_time && t > self.virtual_now.get() {
            self.virtual_now.set(t);
        }
    }

    /// The real instant at which the clock reads `t` (for tokio's timer).
    #[must_use]
    pub fn instant_of(&self, t: i64) -> Instant {
        let offset = (t - BASE_NS).max(0) as u64;
        self.start + std::time::Duration::from_nanos(offset)
    }

    /// `time.sleep(secs)`: blocks for real (at most until `deadline`), or
    /// moves the virtual clock (not past its horizon). `Err` tells which
    /// bound cut the sleep short.
    pub fn sleep_blocking(
        &self,
        secs: std::time::Duration,
        deadline: Option<Instant>,
    ) -> Result<(), SleepCut> {
        if self.virtual_time {
            let ns = i64::try_from(secs.as_nanos()).unwrap_or(i64::MAX / 4);
            let t = self.peek().saturating_add(ns);
            if !self.within_horizon(t) {
                return Err(SleepCut::Horizon);
            }
            self.advance_to(t);
            return Ok(());
        }
        match deadline {
            Some(d) if Instant::now().checked_add(secs).is_none_or(|end| end > d) => {
                std::thread::sleep(d.saturating_duration_since(Instant::now()));
                Err(SleepCut::Deadline)
            }
            _ => {
                std::thread::sleep(secs);
                Ok(())
            }
        }
    }
}

/// Why [`Clock::sleep_blocking`] stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SleepCut {
    /// The wall-clock limit came first.
    Deadline,
    /// The virtual clock would have passed its horizon.
    Horizon,
}

/// Seconds as integer nanoseconds, rounded like CPython's float arithmetic
/// would land them.
#[must_use]
pub fn secs_to_ns(secs: f64) -> i64 {
    if secs.is_nan() {
        return 0;
    }
    (secs * 1e9)
        .round()
        .clamp(-(i64::MAX as f64) / 4.0, (i64::MAX as f64) / 4.0) as i64
}

/// Integer nanoseconds as float seconds.
#[must_use]
pub fn ns_to_secs(ns: i64) -> f64 {
    ns as f64 / 1e9
}
