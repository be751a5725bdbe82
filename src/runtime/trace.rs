//! Scheduling events: what `--trace` prints and `--timeline` draws.
//!
//! The loop reports each task's life — created (by whom, where), scheduled,
//! started, suspended (on what, where), resumed, finished, cancelled — to a
//! [`Tracer`]. In text mode each event is one line on stderr:
//!
//! ```text
//!   0.000000 Task-2           created by Task-1 at article.py:10
//!   0.000000 Task-2           started
//!   0.000041 Task-2           suspended on sleep until 2.000041 at article.py:5
//!   2.000263 Task-2           resumed
//!   2.000301 Task-2           finished -> 'Data from ...'
//! ```
//!
//! (seconds of loop time since the first loop started, the task name padded
//! to 16, the event). `--trace=json` writes the same events as one JSON
//! object per line: `{"t":2.000301,"task":"Task-2","id":2,"event":"finished",
//! "detail":"-> 'Data from ...'"}`. With a timeline requested, events are also
//! kept in memory and rendered when the program ends.

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;

/// How events are reported while the program runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TraceMode {
    /// Not printed.
    #[default]
    Off,
    /// One human-readable line per event on stderr.
    Text,
    /// One JSON object per line on stderr.
    Json,
}

/// What happened to a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Created, by another task or the top level, at a source position.
    Created {
        /// The creating task's name, or `None` at top level.
        by: Option<String>,
        /// `file:line` of the `create_task` call.
        site: Option<String>,
    },
    /// Put on the ready queue.
    Scheduled,
    /// Ran its first step.
    Started,
    /// Ran a later step.
    Resumed,
    /// Stopped at an await.
    Suspended {
        /// What it waits for.
        on: String,
        /// `file:line` of the await.
        site: Option<String>,
        /// For sleeps: the deadline (loop time, ns).
        until: Option<i64>,
    },
    /// Someone called `cancel()` on it.
    CancelRequested,
    /// Returned a value (its repr).
    Finished(String),
    /// Raised an exception (`Type: message`).
    Failed(String),
    /// Ended cancelled.
    Cancelled,
}

impl EventKind {
    fn name(&self) -> &'static str {
        match self {
            EventKind::Created { .. } => "created",
            EventKind::Scheduled => "scheduled",
            EventKind::Started => "started",
            EventKind::Resumed => "resumed",
            EventKind::Suspended { .. } => "suspended",
            EventKind::CancelRequested => "cancel requested",
            EventKind::Finished(_) => "finished",
            EventKind::Failed(_) => "failed",
            EventKind::Cancelled => "cancelled",
        }
    }

    fn detail(&self) -> String {
        match self {
            EventKind::Created { by, site } => {
                let mut s = format!("by {}", by.as_deref().unwrap_or("<top level>"));
                if let Some(site) = site {
                    let _ = write!(s, " at {site}");
                }
                s
            }
            EventKind::Suspended { on, site, .. } => {
                let mut s = format!("on {on}");
                if let Some(site) = site {
                    let _ = write!(s, " at {site}");
                }
                s
            }
            EventKind::Finished(r) => format!("-> {r}"),
            EventKind::Failed(e) => format!("raised {e}"),
            _ => String::new(),
        }
    }
}

/// One recorded event.
#[derive(Clone, Debug)]
pub struct Event {
    /// Loop time in nanoseconds.
    pub t: i64,
    /// The task's serial number (unique per run of the program).
    pub id: u64,
    /// The task's name at the time.
    pub task: String,
    /// What happened.
    pub kind: EventKind,
}

/// Collects and prints scheduling events.
#[derive(Default)]
pub struct Tracer {
    mode: Cell<TraceMode>,
    record: Cell<bool>,
    origin: Cell<Option<i64>>,
    events: RefCell<Vec<Event>>,
    output: RefCell<String>,
}

impl Tracer {
    /// Sets how events are printed and whether they are kept for a timeline.
    pub fn configure(&self, mode: TraceMode, record: bool) {
        self.mode.set(mode);
        self.record.set(record);
    }

    /// Whether anything listens (so callers can skip building events).
    #[must_use]
    pub fn enabled(&self) -> bool {
        self.mode.get() != TraceMode::Off || self.record.get()
    }

    /// Whether `Scheduled` events are wanted (only timelines draw them).
    #[must_use]
    pub fn wants_scheduling(&self) -> bool {
        self.record.get()
    }

    /// Records an event at loop time `t`.
    pub fn emit(&self, t: i64, id: u64, task: &str, kind: EventKind) {
        let origin = if let Some(o) = self.origin.get() {
            o
        } else {
            self.origin.set(Some(t));
            t
        };
        let secs = (t - origin) as f64 / 1e9;
        match self.mode.get() {
            TraceMode::Off => {}
            TraceMode::Text if kind != EventKind::Scheduled => {
                let detail = kind.detail();
                let mut out = self.output.borrow_mut();
                let _ = writeln!(
                    out,
                    "{secs:>10.6} {task:<16} {}{}{detail}",
                    kind.name(),
                    if detail.is_empty() { "" } else { " " }
                );
            }
            TraceMode::Json if kind != EventKind::Scheduled => {
                let mut out = self.output.borrow_mut();
                let _ = writeln!(
                    out,
                    "{{\"t\":{secs:.6},\"task\":{},\"id\":{id},\"event\":\"{}\",\"detail\":{}}}",
                    json_string(task),
                    kind.name(),
                    json_string(&kind.detail())
                );
            }
            _ => {}
        }
        if self.record.get() {
            self.events.borrow_mut().push(Event {
                t: t - origin,
                id,
                task: task.to_string(),
                kind,
            });
        }
    }

    /// Loop time of the first event.
    #[must_use]
    pub fn origin(&self) -> Option<i64> {
        self.origin.get()
    }

    /// Text printed since the last call (the caller writes it to stderr).
    pub fn take_output(&self) -> String {
        std::mem::take(&mut *self.output.borrow_mut())
    }

    /// Every recorded event.
    #[must_use]
    pub fn events(&self) -> Vec<Event> {
        self.events.borrow().clone()
    }
}

/// A JSON string literal.
#[must_use]
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
