//! Limits for untrusted scripts: live tasks, recursion depth, steps,
//! wall-clock time, virtual time, memory and output.
//!
//! [`Limits`] is the configuration (CLI flags, or the embedding builder);
//! [`Budget`] is what a running interpreter has left of it.
//!
//! # Where limits are checked
//!
//! - **Steps** are counted at every loop iteration (`while` back-edges and
//!   each item an iterator produces, in `for` loops, comprehensions and
//!   built-ins such as `sum`) and at every call of a Python function. The
//!   hot path is one decrement of a thread-local fuel counter and a branch
//!   ([`spend_fuel`]): the fuel is a chunk of steps, and only when a chunk
//!   runs out does the slow path ([`Budget::refuel`]) look at the clock, the
//!   memory counter and the step total. Anything that must be looked at
//!   sooner empties the fuel ([`force_check`]).
//! - **Wall-clock time** is checked on that slow path, while the event loop
//!   waits for a timer, and by `time.sleep`.
//! - **Virtual time** is checked where the virtual clock would jump.
//! - **Memory** is the growth of the interpreter thread's heap since the
//!   run began, as counted by [`crate::memory::CountingAllocator`] at every
//!   allocation. An allocation that takes the heap past the limit empties
//!   the fuel, so the very next step raises; operations that build a large
//!   value in one go (`'a' * n`, `[0] * n`, concatenation, `join`, padding,
//!   `replace`, f-strings, `format`, `%`, `repr`, case mapping, `split`)
//!   check before allocating, through [`Budget::reserve`], when the result
//!   is at least [`LARGE_RESULT`] bytes. What remains is one copy of an
//!   existing value made by a single built-in (a slice, `list(x)`), noticed
//!   at the next step: the heap stays within the limit plus at most that.
//!   The process's resident size is the interpreter's own footprint plus
//!   the heap plus the allocator's slack (free lists, partly used pages;
//!   within a quarter of the limit in the tests of `tests/limits.rs`).
//! - **Tasks** are checked by `create_task` (and everything built on it).
//! - **Output** is checked by `print` and `sys.stdout.write`/`sys.stderr.write`.
//! - **Recursion depth** is the interpreter's recursion limit: exceeding it
//!   raises CPython's `RecursionError`, and `sys.setrecursionlimit` cannot
//!   raise it above the configured maximum.
//!
//! A single built-in operation is not interrupted: the longest ones are
//! bounded instead (ints to 2**26 bits, so the largest multiplication takes
//! a few seconds; strings and lists to 2**34 bytes or items, a
//! `MemoryError` past that), and a timeout can be overshot by one of them.
//!
//! # A limit ends the run
//!
//! Every limit but the recursion depth raises `ResourceError` (a subclass of
//! `Exception`), with a message naming the limit and its maximum:
//!
//! | limit | message |
//! | --- | --- |
//! | tasks | `task limit exceeded (max 1000 live tasks)` |
//! | steps | `step limit exceeded (max 1000000 steps)` |
//! | wall-clock time | `time limit exceeded (max 10s of wall-clock time)` |
//! | virtual time | `virtual time limit exceeded (max 1h of loop time)` |
//! | memory | `memory limit exceeded (max 512MB)` |
//! | output | `output limit exceeded (max 10MB of output)` |
//! | depth | `RecursionError: maximum recursion depth exceeded` (CPython's) |
//!
//! Sizes and durations are written as [`units::format_size`] and
//! [`units::format_duration`] write them: in the largest unit that is exact. `except`
//! clauses see it like any exception, so clean-up code runs (and may
//! print), but the limit stays exceeded: from then on every step — the next
//! loop iteration or call of a Python function — raises it again. A script that catches it and carries on is
//! therefore stopped at its next step, and `while True: try: ... except:
//! pass` ends too. Inside an event loop a `ResourceError` leaving a task
//! stops the loop, the way `SystemExit` does, and a limit the script caught
//! stops it as soon as every task waits (a caught step limit followed by
//! `await asyncio.sleep(3600)` does not sleep).

pub mod units;

use crate::interp::errors::exc_msg;
use crate::memory;
use crate::value::Exc;
use std::cell::Cell;
use std::time::{Duration, Instant};

/// The configured maximums; `None` means unlimited (the default for every
/// field).
///
/// An interpreter takes them with [`crate::interp::Vm::set_limits`]; the
/// `pyco` command line builds them from `--max-tasks`, `--max-depth`,
/// `--max-steps`, `--timeout`, `--max-virtual-time`, `--max-memory` and
/// `--max-output`. Fields can be set directly or through the chaining
/// methods of the same names.
///
/// ```
/// use pyco::interp::Vm;
/// use pyco::limits::Limits;
/// use pyco::run::{BufferSink, run_main};
/// use pyco::source::SourceFile;
/// use std::rc::Rc;
/// use std::time::Duration;
///
/// let limits = Limits::default()
///     .max_steps(10_000)
///     .timeout(Duration::from_secs(5));
/// assert_eq!(limits.max_steps, Some(10_000));
///
/// let stdout = Rc::new(BufferSink::default());
/// let stderr = Rc::new(BufferSink::default());
/// let vm = Vm::new(stdout.clone(), stderr.clone());
/// vm.set_limits(limits);
/// let script = SourceFile::new("hostile.py", "print('start')\nwhile True:\n    pass\n");
/// let outcome = run_main(&vm, &script);
///
/// assert_eq!(outcome.exit_code(), 1);
/// assert_eq!(*stdout.0.borrow(), "start\n");
/// assert!(stderr.0.borrow().ends_with("ResourceError: step limit exceeded (max 10000 steps)\n"));
/// ```
///
/// [`Limits::max_memory`] is kept only when [`crate::memory::CountingAllocator`]
/// is the program's global allocator (the `pyco` binary installs it); see
/// [`crate::memory::is_counting`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Tasks alive at once (created and not finished).
    pub max_tasks: Option<usize>,
    /// Python call depth (the recursion limit, and the ceiling of
    /// `sys.setrecursionlimit`).
    pub max_depth: Option<usize>,
    /// Loop iterations plus Python function calls.
    pub max_steps: Option<u64>,
    /// Wall-clock time of one run.
    pub timeout: Option<Duration>,
    /// How far the virtual clock may move from its start.
    pub max_virtual_time: Option<Duration>,
    /// Growth of the heap while the script runs, in bytes.
    pub max_memory: Option<u64>,
    /// Bytes the script writes to stdout and stderr together.
    pub max_output: Option<u64>,
}

impl Limits {
    /// No limits (the same as [`Limits::default`]).
    #[must_use]
    pub fn none() -> Self {
        Self::default()
    }

    /// Sets [`Limits::max_tasks`].
    #[must_use]
    pub fn max_tasks(mut self, n: usize) -> Self {
        self.max_tasks = Some(n);
        self
    }

    /// Sets [`Limits::max_depth`].
    #[must_use]
    pub fn max_depth(mut self, n: usize) -> Self {
        self.max_depth = Some(n);
        self
    }

    /// Sets [`Limits::max_steps`].
    #[must_use]
    pub fn max_steps(mut self, n: u64) -> Self {
        self.max_steps = Some(n);
        self
    }

    /// Sets [`Limits::timeout`].
    #[must_use]
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// Sets [`Limits::max_virtual_time`].
    #[must_use]
    pub fn max_virtual_time(mut self, d: Duration) -> Self {
        self.max_virtual_time = Some(d);
        self
    }

    /// Sets [`Limits::max_memory`], in bytes.
    #[must_use]
    pub fn max_memory(mut self, bytes: u64) -> Self {
        self.max_memory = Some(bytes);
        self
    }

    /// Sets [`Limits::max_output`], in bytes.
    #[must_use]
    pub fn max_output(mut self, bytes: u64) -> Self {
        self.max_output = Some(bytes);
        self
    }
}

/// Which limit was exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::max_tasks`].
    Tasks,
    /// [`Limits::max_steps`].
    Steps,
    /// [`Limits::timeout`].
    Time,
    /// [`Limits::max_virtual_time`].
    VirtualTime,
    /// [`Limits::max_memory`].
    Memory,
    /// [`Limits::max_output`].
    Output,
}

/// Results of at least this many bytes are checked against the memory limit
/// before they are built ([`crate::interp::Vm::reserve`]); smaller ones are
/// noticed by the allocator at the next step.
pub const LARGE_RESULT: usize = 1 << 16;

/// Steps between two looks at the clock and the memory counter when no
/// step limit is nearer. Small enough that a timeout is noticed within
/// microseconds, large enough that the slow path costs nothing measurable.
const CHECK_INTERVAL: u64 = 4096;

thread_local! {
    /// Steps left before the next slow-path check: the only state the hot
    /// path touches. Thread-local rather than a field so that the memory
    /// counter can empty it from inside the allocator.
    static FUEL: Cell<i64> = const { Cell::new(0) };
    /// Fuel taken away by [`force_check`] before it was spent.
    static UNSPENT: Cell<i64> = const { Cell::new(0) };
}

/// Spends one step of fuel: `false` when the chunk is used up and
/// [`Budget::refuel`] must run.
#[inline]
#[must_use]
pub fn spend_fuel() -> bool {
    FUEL.with(|f| {
        let left = f.get() - 1;
        f.set(left);
        left >= 0
    })
}

/// Empties the fuel so that the next step runs the slow-path checks.
pub fn force_check() {
    let _ = FUEL.try_with(|f| {
        let left = f.get();
        if left > 0 {
            let _ = UNSPENT.try_with(|u| u.set(u.get() + left));
            f.set(0);
        }
    });
}

fn set_fuel(n: i64) {
    FUEL.with(|f| f.set(n));
    UNSPENT.with(|u| u.set(0));
}

/// What a running interpreter has left of its [`Limits`].
///
/// Counting is exact for one running interpreter per thread (the fuel
/// counter is the thread's); interpreters taking turns on one thread share
/// it, which can move the point where a step limit fires.
pub struct Budget {
    limits: Cell<Limits>,
    /// Steps counted before the current chunk of fuel.
    spent: Cell<u64>,
    /// The size of the current chunk of fuel.
    chunk: Cell<u64>,
    deadline: Cell<Option<Instant>>,
    memory_base: Cell<i64>,
    output: Cell<u64>,
    tripped: Cell<Option<Limit>>,
}

impl Default for Budget {
    fn default() -> Self {
        Self::new(Limits::default())
    }
}

impl Budget {
    /// A budget for `limits`, started now.
    #[must_use]
    pub fn new(limits: Limits) -> Self {
        let b = Budget {
            limits: Cell::new(limits),
            spent: Cell::new(0),
            chunk: Cell::new(0),
            deadline: Cell::new(None),
            memory_base: Cell::new(0),
            output: Cell::new(0),
            tripped: Cell::new(None),
        };
        b.start();
        b
    }

    /// The configured limits.
    #[must_use]
    pub fn limits(&self) -> Limits {
        self.limits.get()
    }

    /// Replaces the limits and starts counting afresh.
    pub fn set_limits(&self, limits: Limits) {
        self.limits.set(limits);
        self.start();
    }

    /// Starts a run: steps, output and memory growth count from zero, the
    /// clock of the timeout starts, and an exceeded limit is forgotten.
    pub fn start(&self) {
        let limits = self.limits.get();
        self.spent.set(0);
        self.output.set(0);
        self.tripped.set(None);
        self.deadline
            .set(limits.timeout.and_then(|t| Instant::now().checked_add(t)));
        let base = memory::thread_bytes();
        self.memory_base.set(base);
        memory::set_ceiling(
            limits
                .max_memory
                .map(|max| base.saturating_add(i64::try_from(max).unwrap_or(i64::MAX))),
        );
        self.next_chunk();
        set_fuel(self.chunk.get() as i64);
    }

    /// The limit that was exceeded in this run, if any.
    #[must_use]
    pub fn tripped(&self) -> Option<Limit> {
        self.tripped.get()
    }

    /// When the wall-clock limit runs out.
    #[must_use]
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline.get()
    }

    /// Steps taken so far in this run.
    #[must_use]
    pub fn steps(&self) -> u64 {
        let left = FUEL.with(Cell::get).max(0) + UNSPENT.with(Cell::get);
        let used = self.chunk.get() as i64 - left;
        self.spent.get() + used.max(0) as u64
    }

    /// Sizes the next chunk of fuel: the check interval, or what is left
    /// of the step limit when that is less.
    fn next_chunk(&self) {
        let chunk = match self.limits.get().max_steps {
            Some(max) => CHECK_INTERVAL.min(max.saturating_sub(self.spent.get())),
            None => CHECK_INTERVAL,
        };
        self.chunk.set(chunk);
    }

    /// The slow path of a step: the chunk of fuel ran out. Counts it, then
    /// checks every limit; `Err` when one is exceeded (or already was).
    #[cold]
    #[inline(never)]
    pub fn refuel(&self) -> Result<(), Exc> {
        if let Some(limit) = self.tripped.get() {
            set_fuel(0);
            return Err(self.error(limit));
        }
        // The chunk is used up (but for what `force_check` took back), and
        // the step that called this is one more.
        let unspent = UNSPENT.with(Cell::get).max(0) as u64;
        let used = self.chunk.get().saturating_sub(unspent);
        self.spent.set(self.spent.get() + used);
        // Counted: until the next chunk, `steps()` is `spent`.
        self.chunk.set(0);
        let limits = self.limits.get();
        if limits.max_steps.is_some_and(|max| self.spent.get() >= max) {
            // Nothing of the chunk is left to count in `steps()`.
            self.chunk.set(0);
            set_fuel(0);
            return Err(self.trip(Limit::Steps));
        }
        self.check_time()?;
        self.check_memory(0)?;
        self.next_chunk();
        set_fuel(self.chunk.get() as i64 - 1);
        Ok(())
    }

    /// Checks the wall-clock limit.
    pub fn check_time(&self) -> Result<(), Exc> {
        if self.deadline.get().is_some_and(|d| Instant::now() >= d) {
            return Err(self.trip(Limit::Time));
        }
        Ok(())
    }

    /// Bytes the heap grew by since the run began.
    #[must_use]
    pub fn memory_used(&self) -> u64 {
        (crate::memory::thread_bytes() - self.memory_base.get()).max(0) as u64
    }

    fn check_memory(&self, more: u64) -> Result<(), Exc> {
        if let Some(max) = self.limits.get().max_memory
            && self.memory_used().saturating_add(more) > max
        {
            return Err(self.trip(Limit::Memory));
        }
        Ok(())
    }

    /// Checks, before allocating, that `bytes` more would stay within the
    /// memory limit.
    pub fn reserve(&self, bytes: u64) -> Result<(), Exc> {
        self.check_memory(bytes)
    }

    /// Counts `text` about to be written by the script. `Ok(n)`: write the
    /// first `n` bytes; when `n < text.len()` the caller writes them and
    /// then raises the error of [`Budget::output_exceeded`].
    pub fn output(&self, text: &str) -> Result<usize, Exc> {
        let Some(max) = self.limits.get().max_output else {
            return Ok(text.len());
        };
        let used = self.output.get();
        let room = max.saturating_sub(used);
        let len = text.len() as u64;
        self.output.set(used.saturating_add(len));
        if len <= room {
            return Ok(text.len());
        }
        let mut cut = room as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        Ok(cut)
    }

    /// The error for output cut short by [`Budget::output`].
    pub fn output_exceeded(&self) -> Exc {
        self.trip(Limit::Output)
    }

    /// Checks the task limit before a task is created, with `live` tasks
    /// alive.
    pub fn check_tasks(&self, live: usize) -> Result<(), Exc> {
        if self.limits.get().max_tasks.is_some_and(|max| live >= max) {
            return Err(self.trip(Limit::Tasks));
        }
        Ok(())
    }

    /// Records that `limit` was exceeded and returns its `ResourceError`.
    /// Every later step raises it again.
    pub fn trip(&self, limit: Limit) -> Exc {
        if self.tripped.get().is_none() {
            self.tripped.set(Some(limit));
        }
        force_check();
        self.error(self.tripped.get().unwrap_or(limit))
    }

    /// The `ResourceError` for `limit`.
    #[must_use]
    pub fn error(&self, limit: Limit) -> Exc {
        let types = crate::types::types();
        exc_msg(&types.resource_error, message(limit, &self.limits.get()))
    }
}

/// The message of the `ResourceError` for `limit`, naming it and its maximum.
#[must_use]
pub fn message(limit: Limit, limits: &Limits) -> String {
    let unknown = "?".to_string();
    match limit {
        Limit::Tasks => format!(
            "task limit exceeded (max {} live tasks)",
            limits.max_tasks.map_or(unknown, |n| n.to_string())
        ),
        Limit::Steps => format!(
            "step limit exceeded (max {} steps)",
            limits.max_steps.map_or(unknown, |n| n.to_string())
        ),
        Limit::Time => format!(
            "time limit exceeded (max {} of wall-clock time)",
            limits.timeout.map_or(unknown, units::format_duration)
        ),
        Limit::VirtualTime => format!(
            "virtual time limit exceeded (max {} of loop time)",
            limits
                .max_virtual_time
                .map_or(unknown, units::format_duration)
        ),
        Limit::Memory => format!(
            "memory limit exceeded (max {})",
            limits.max_memory.map_or(unknown, units::format_size)
        ),
        Limit::Output => format!(
            "output limit exceeded (max {} of output)",
            limits.max_output.map_or(unknown, units::format_size)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_out_exactly_at_the_maximum() {
        let b = Budget::new(Limits {
            max_steps: Some(10_000),
            ..Limits::default()
        });
        let mut taken = 0u64;
        let err = loop {
            if !spend_fuel()
                && let Err(e) = b.refuel()
            {
                break e;
            }
            taken += 1;
            if taken == 5000 {
                // An early check does not change the count.
                force_check();
            }
        };
        assert_eq!(taken, 10_000);
        assert_eq!(b.steps(), 10_000);
        assert_eq!(b.tripped(), Some(Limit::Steps));
        let _ = err;
        // Still exceeded at the next check.
        assert!(b.refuel().is_err());
    }

    #[test]
    fn output_is_cut_at_the_limit_on_a_character_boundary() {
        let b = Budget::new(Limits {
            max_output: Some(5),
            ..Limits::default()
        });
        assert_eq!(b.output("abc").ok(), Some(3));
        assert_eq!(b.output("dé!").ok(), Some(1));
        assert_eq!(b.output("x").ok(), Some(0));
    }

    #[test]
    fn messages_name_the_limit_and_its_maximum() {
        let limits = Limits {
            max_tasks: Some(1000),
            timeout: Some(Duration::from_millis(1500)),
            max_memory: Some(64 << 20),
            max_output: Some(10_000_000),
            ..Limits::default()
        };
        assert_eq!(
            message(Limit::Tasks, &limits),
            "task limit exceeded (max 1000 live tasks)"
        );
        assert_eq!(
            message(Limit::Time, &limits),
            "time limit exceeded (max 1500ms of wall-clock time)"
        );
        assert_eq!(
            message(Limit::Memory, &limits),
            "memory limit exceeded (max 64MiB)"
        );
        assert_eq!(
            message(Limit::Output, &limits),
            "output limit exceeded (max 10MB of output)"
        );
    }
}
