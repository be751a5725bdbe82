//! Pictures of a run: the scheduling events of [`crate::runtime::trace`]
//! as Chrome trace-event JSON (for Perfetto or `chrome://tracing`) or as a
//! standalone SVG timeline with one row per task.

use crate::runtime::trace::{Event, EventKind, json_string};
use std::collections::BTreeMap;

mod svg;

pub use svg::svg;

/// A task's state between two events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Running,
    Ready,
    Sleeping,
    /// Awaiting a task or a combinator of tasks (`gather`, `wait`, ...).
    OnTask,
    /// Awaiting a queue, lock, event, semaphore, condition or barrier.
    OnPrimitive,
    /// Awaiting any other future.
    OnFuture,
}

impl State {
    /// Every state, in legend order.
    const ALL: [State; 6] = [
        State::Running,
        State::Ready,
        State::Sleeping,
        State::OnTask,
        State::OnPrimitive,
        State::OnFuture,
    ];

    /// What a suspended task waits on, from the trace's description.
    fn waiting_on(what: &str) -> State {
        const TASKS: [&str; 7] = [
            "Task ",
            "gather(",
            "wait(",
            "_wait(",
            "wait_for(",
            "as_completed(",
            "TaskGroup.",
        ];
        const PRIMITIVES: [&str; 6] = [
            "Queue.",
            "Lock.",
            "Event.",
            "Semaphore.",
            "Condition.",
            "Barrier.",
        ];
        if TASKS.iter().any(|p| what.starts_with(p)) {
            State::OnTask
        } else if PRIMITIVES.iter().any(|p| what.contains(p)) {
            State::OnPrimitive
        } else {
            State::OnFuture
        }
    }

    /// The short name used in Chrome trace categories.
    fn label(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Ready => "ready",
            State::Sleeping => "sleeping",
            State::OnTask | State::OnPrimitive | State::OnFuture => "waiting",
        }
    }

    /// The legend's wording.
    fn legend(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Ready => "ready",
            State::Sleeping => "sleeping",
            State::OnTask => "waiting on a task",
            State::OnPrimitive => "waiting on a queue, lock, event…",
            State::OnFuture => "waiting on a future",
        }
    }

    fn color(self) -> &'static str {
        match self {
            State::Running => "#2e7d32",
            State::Ready => "#f9a825",
            State::Sleeping => "#90caf9",
            State::OnTask => "#cfd8dc",
            State::OnPrimitive => "#d1c4e9",
            State::OnFuture => "#ffccbc",
        }
    }
}

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Finished,
    Failed,
    Cancelled,
}

impl End {
    const ALL: [End; 3] = [End::Finished, End::Failed, End::Cancelled];

    fn label(self) -> &'static str {
        match self {
            End::Finished => "finished",
            End::Failed => "failed",
            End::Cancelled => "cancelled",
        }
    }

    fn color(self) -> &'static str {
        match self {
            End::Finished => "#212121",
            End::Failed => "#c62828",
            End::Cancelled => "#ef6c00",
        }
    }
}

/// A span of one task in one state.
struct Span {
    start: i64,
    end: i64,
    state: State,
    what: String,
}

/// One task's row.
struct Row {
    id: u64,
    name: String,
    created: Option<i64>,
    created_by: Option<String>,
    created_at: Option<String>,
    ended: Option<(i64, End, String)>,
    cancels: Vec<i64>,
    spans: Vec<Span>,
}

fn rows(events: &[Event]) -> (Vec<Row>, i64) {
    let mut by_id: BTreeMap<u64, Row> = BTreeMap::new();
    let mut open: BTreeMap<u64, (i64, State, String)> = BTreeMap::new();
    let mut end_time = 0;
    for e in events {
        end_time = end_time.max(e.t);
        let row = by_id.entry(e.id).or_insert_with(|| Row {
            id: e.id,
            name: e.task.clone(),
            created: None,
            created_by: None,
            created_at: None,
            ended: None,
            cancels: Vec::new(),
            spans: Vec::new(),
        });
        row.name.clone_from(&e.task);
        let close = |open: &mut BTreeMap<u64, (i64, State, String)>, row: &mut Row, at: i64| {
            if let Some((start, state, what)) = open.remove(&e.id) {
                row.spans.push(Span {
                    start,
                    end: at,
                    state,
                    what,
                });
            }
        };
        match &e.kind {
            EventKind::Created { by, site } => {
                row.created = Some(e.t);
                row.created_by.clone_from(by);
                row.created_at.clone_from(site);
            }
            EventKind::Scheduled => {
                close(&mut open, row, e.t);
                open.insert(e.id, (e.t, State::Ready, String::new()));
            }
            EventKind::Started | EventKind::Resumed => {
                close(&mut open, row, e.t);
                open.insert(e.id, (e.t, State::Running, String::new()));
            }
            EventKind::Suspended { on, until, .. } => {
                if let Some((_, State::Ready, what)) = open.get_mut(&e.id) {
                    // Scheduled again during its step (`sleep(0)`): it is
                    // ready, not waiting.
                    what.clone_from(on);
                    continue;
                }
                close(&mut open, row, e.t);
                let state = if until.is_some() {
                    State::Sleeping
                } else {
                    State::waiting_on(on)
                };
                open.insert(e.id, (e.t, state, on.clone()));
            }
            EventKind::CancelRequested => row.cancels.push(e.t),
            EventKind::Finished(detail) => {
                close(&mut open, row, e.t);
                row.ended = Some((e.t, End::Finished, format!("-> {detail}")));
            }
            EventKind::Failed(detail) => {
                close(&mut open, row, e.t);
                row.ended = Some((e.t, End::Failed, format!("raised {detail}")));
            }
            EventKind::Cancelled => {
                close(&mut open, row, e.t);
                row.ended = Some((e.t, End::Cancelled, String::new()));
            }
        }
    }
    for (id, (start, state, what)) in open {
        if let Some(row) = by_id.get_mut(&id) {
            row.spans.push(Span {
                start,
                end: end_time,
                state,
                what,
            });
        }
    }
    (by_id.into_values().collect(), end_time)
}

/// The run in Chrome's trace-event format.
#[must_use]
pub fn chrome_json(events: &[Event]) -> String {
    let (rows, _) = rows(events);
    let mut items: Vec<String> = Vec::new();
    items.push("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"pyco event loop\"}}".into());
    for (tid, row) in rows.iter().enumerate() {
        let tid = tid + 1;
        items.push(format!(
            "{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{tid},\"args\":{{\"name\":{}}}}}",
            json_string(&row.name)
        ));
        if let Some(t) = row.created {
            items.push(format!(
                "{{\"name\":\"created\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{:.3},\"pid\":1,\"tid\":{tid}}}",
                t as f64 / 1e3
            ));
        }
        for s in &row.spans {
            let name = if s.what.is_empty() {
                s.state.label().to_string()
            } else {
                format!("{}: {}", s.state.label(), s.what)
            };
            items.push(format!(
                "{{\"name\":{},\"cat\":\"{}\",\"ph\":\"X\",\"ts\":{:.3},\"dur\":{:.3},\"pid\":1,\"tid\":{tid}}}",
                json_string(&name),
                s.state.label(),
                s.start as f64 / 1e3,
                (s.end - s.start).max(0) as f64 / 1e3
            ));
        }
        for t in &row.cancels {
            items.push(format!(
                "{{\"name\":\"cancel requested\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{:.3},\"pid\":1,\"tid\":{tid}}}",
                *t as f64 / 1e3
            ));
        }
        if let Some((t, how, _)) = &row.ended {
            let how = how.label();
            items.push(format!(
                "{{\"name\":\"{how}\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{:.3},\"pid\":1,\"tid\":{tid}}}",
                *t as f64 / 1e3
            ));
        }
    }
    format!(
        "{{\"traceEvents\":[\n{}\n],\"displayTimeUnit\":\"ms\"}}\n",
        items.join(",\n")
    )
}
