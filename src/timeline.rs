//! Pictures of a run: the scheduling events of [`crate::runtime::trace`]
//! as Chrome trace-event JSON (for Perfetto or `chrome://tracing`) or as a
//! standalone SVG timeline with one row per task.

use crate::runtime::trace::{Event, EventKind, json_string};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A task's state between two events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Running,
    Ready,
    Sleeping,
    Waiting,
}

impl State {
    fn label(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Ready => "ready",
            State::Sleeping => "sleeping",
            State::Waiting => "waiting",
        }
    }

    fn color(self) -> &'static str {
        match self {
            State::Running => "#2e7d32",
            State::Ready => "#f9a825",
            State::Sleeping => "#64b5f6",
            State::Waiting => "#b0bec5",
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
    name: String,
    created: Option<i64>,
    ended: Option<(i64, &'static str)>,
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
            name: e.task.clone(),
            created: None,
            ended: None,
            cancels: Vec::new(),
            spans: Vec::new(),
        });
        row.name.clone_from(&e.task);
        let mut close = |row: &mut Row, at: i64| {
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
            EventKind::Created { .. } => row.created = Some(e.t),
            EventKind::Scheduled => {
                close(row, e.t);
                open.insert(e.id, (e.t, State::Ready, String::new()));
            }
            EventKind::Started | EventKind::Resumed => {
                close(row, e.t);
                open.insert(e.id, (e.t, State::Running, String::new()));
            }
            EventKind::Suspended { on, until, .. } => {
                close(row, e.t);
                let state = if until.is_some() {
                    State::Sleeping
                } else {
                    State::Waiting
                };
                open.insert(e.id, (e.t, state, on.clone()));
            }
            EventKind::CancelRequested => row.cancels.push(e.t),
            EventKind::Finished(_) => {
                close(row, e.t);
                row.ended = Some((e.t, "finished"));
            }
            EventKind::Failed(_) => {
                close(row, e.t);
                row.ended = Some((e.t, "failed"));
            }
            EventKind::Cancelled => {
                close(row, e.t);
                row.ended = Some((e.t, "cancelled"));
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
        if let Some((t, how)) = row.ended {
            items.push(format!(
                "{{\"name\":\"{how}\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{:.3},\"pid\":1,\"tid\":{tid}}}",
                t as f64 / 1e3
            ));
        }
    }
    format!(
        "{{\"traceEvents\":[\n{}\n],\"displayTimeUnit\":\"ms\"}}\n",
        items.join(",\n")
    )
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The run as an SVG picture: one row per task, time to the right.
#[must_use]
pub fn svg(events: &[Event]) -> String {
    let (rows, end_time) = rows(events);
    let n = rows.len().max(1);
    let row_h: f64 = if n <= 40 {
        22.0
    } else {
        (2400.0 / n as f64).clamp(5.0, 22.0)
    };
    let label_w = 170.0;
    let plot_w = 1000.0;
    let top = 70.0;
    let height = top + row_h * n as f64 + 50.0;
    let width = label_w + plot_w + 30.0;
    let span = end_time.max(1) as f64;
    let x = |t: i64| label_w + plot_w * (t as f64 / span);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let _ = writeln!(
        out,
        "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">pyco timeline — {} task{}, {:.3} s of loop time</text>",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        span / 1e9
    );
    // Legend.
    let mut lx = 10.0;
    for state in [
        State::Running,
        State::Ready,
        State::Sleeping,
        State::Waiting,
    ] {
        let _ = writeln!(
            out,
            "<rect x=\"{lx}\" y=\"32\" width=\"14\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"41\">{}</text>",
            state.color(),
            lx + 18.0,
            state.label()
        );
        lx += 95.0;
    }
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"37\" r=\"4\" fill=\"#6a1b9a\"/><text x=\"{}\" y=\"41\">created</text>",
        lx + 5.0,
        lx + 14.0
    );
    lx += 80.0;
    let _ = writeln!(
        out,
        "<text x=\"{lx}\" y=\"42\" fill=\"#c62828\" font-weight=\"bold\">×</text><text x=\"{}\" y=\"41\">cancel requested</text>",
        lx + 12.0
    );
    lx += 130.0;
    let _ = writeln!(
        out,
        "<rect x=\"{lx}\" y=\"31\" width=\"2\" height=\"12\" fill=\"black\"/><text x=\"{}\" y=\"41\">ended</text>",
        lx + 8.0
    );
    // Time axis.
    let axis_y = top + row_h * n as f64 + 8.0;
    let _ = writeln!(
        out,
        "<line x1=\"{label_w}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#555\"/>",
        label_w + plot_w
    );
    for i in 0..=10 {
        let t = (span * f64::from(i) / 10.0) as i64;
        let tx = x(t);
        let _ = writeln!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{top}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#eee\"/><text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{:.3}s</text>",
            axis_y,
            axis_y + 16.0,
            t as f64 / 1e9
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        if i % 2 == 1 {
            let _ = writeln!(
                out,
                "<rect x=\"0\" y=\"{y:.1}\" width=\"{width:.0}\" height=\"{row_h:.1}\" fill=\"#fafafa\"/>"
            );
        }
        if row_h >= 9.0 {
            let _ = writeln!(
                out,
                "<text x=\"8\" y=\"{:.1}\" font-size=\"{:.0}\">{}</text>",
                y + row_h * 0.72,
                (row_h * 0.6).min(12.0),
                escape_xml(&row.name)
            );
        }
        let bar_y = y + row_h * 0.15;
        let bar_h = row_h * 0.7;
        for s in &row.spans {
            let x0 = x(s.start);
            let w = (x(s.end) - x0).max(1.0);
            let title = if s.what.is_empty() {
                s.state.label().to_string()
            } else {
                format!("{}: {}", s.state.label(), s.what)
            };
            let _ = writeln!(
                out,
                "<rect x=\"{x0:.2}\" y=\"{bar_y:.1}\" width=\"{w:.2}\" height=\"{bar_h:.1}\" fill=\"{}\"><title>{} {}</title></rect>",
                s.state.color(),
                escape_xml(&row.name),
                escape_xml(&title)
            );
        }
        if let Some(t) = row.created {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.2}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"#6a1b9a\"/>",
                x(t),
                y + row_h / 2.0,
                (row_h * 0.18).max(1.5)
            );
        }
        for t in &row.cancels {
            let _ = writeln!(
                out,
                "<text x=\"{:.2}\" y=\"{:.1}\" fill=\"#c62828\" font-weight=\"bold\" text-anchor=\"middle\" font-size=\"{:.0}\">×</text>",
                x(*t),
                y + row_h * 0.8,
                row_h.min(16.0)
            );
        }
        if let Some((t, _)) = row.ended {
            let _ = writeln!(
                out,
                "<rect x=\"{:.2}\" y=\"{bar_y:.1}\" width=\"2\" height=\"{bar_h:.1}\" fill=\"black\"/>",
                x(t)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
