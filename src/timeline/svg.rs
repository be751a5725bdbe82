//! The run as a standalone SVG picture: one row per task, loop time to the
//! right, bars coloured by state, marks for creation, cancellation and the
//! end, a legend, and a time axis with round ticks (repeated under the rows
//! when there are many). Each task's row is a `<g class="task">` whose
//! `<title>` says who created it, where, and how it ended; every bar has a
//! tooltip naming what the task waited on.
//!
//! When every event happened at the same loop time (a virtual-time run that
//! never sleeps), the x axis counts events in order instead, so the
//! interleaving stays visible.

use super::{End, Row, State, rows};
use crate::runtime::trace::Event;
use std::fmt::Write as _;

/// Width of the plotting area.
const PLOT_W: f64 = 1000.0;
/// Space around the picture.
const MARGIN: f64 = 12.0;
/// Space right of the plot (room for the last tick label).
const RIGHT: f64 = 40.0;
/// Approximate advance of one character at font size 12.
const CHAR_W: f64 = 6.8;
/// Rows shown at full height; more rows get thinner.
const FULL_ROWS: usize = 30;
/// Height of a full row.
const FULL_ROW_H: f64 = 22.0;

/// The x axis: where ticks go and how they read.
struct Axis {
    /// Length of the axis, in event time (ns, or events in order mode).
    span: f64,
    /// Tick positions, in event time.
    ticks: Vec<f64>,
    /// Tick labels.
    labels: Vec<String>,
    /// The axis title.
    title: String,
}

impl Axis {
    fn new(end: i64, in_order: bool) -> Self {
        let span = end.max(1) as f64;
        let (unit, per) = if in_order {
            ("", 1.0)
        } else if span >= 1e9 {
            (" s", 1e9)
        } else if span >= 1e6 {
            (" ms", 1e6)
        } else if span >= 1e3 {
            (" µs", 1e3)
        } else {
            (" ns", 1.0)
        };
        let step = nice_step(span / per);
        let decimals = if step >= 1.0 {
            0
        } else {
            (-step.log10().floor()) as usize
        };
        let mut ticks = Vec::new();
        let mut labels = Vec::new();
        let mut k = 0.0;
        while k * step <= span / per * (1.0 + 1e-9) {
            ticks.push(k * step * per);
            labels.push(format!("{:.decimals$}{unit}", k * step));
            k += 1.0;
        }
        let title = if in_order { "event #" } else { "loop time" }.to_string();
        Self {
            span,
            ticks,
            labels,
            title,
        }
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving 5 to 10 ticks.
fn nice_step(span: f64) -> f64 {
    let raw = span / 8.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude)
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `name` cut to `max` characters, with an ellipsis when cut.
fn fit(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut s: String = name.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * CHAR_W * font / 12.0
}

/// The run as an SVG picture: one row per task, time to the right.
#[must_use]
pub fn svg(events: &[Event]) -> String {
    // A run whose events all share one loop time is drawn in event order.
    let in_order = events.len() > 1 && events.iter().all(|e| e.t == events[0].t);
    let ordered: Vec<Event>;
    let events = if in_order {
        ordered = events
            .iter()
            .enumerate()
            .map(|(i, e)| Event {
                t: i as i64,
                ..e.clone()
            })
            .collect();
        &ordered
    } else {
        events
    };
    let (rows, end_time) = rows(events);
    let axis = Axis::new(end_time, in_order);
    let n = rows.len();
    let longest = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(4);
    let label_w = (longest as f64 * CHAR_W + 24.0).clamp(80.0, 240.0);
    let width = MARGIN + label_w + PLOT_W + RIGHT;
    let row_h = if n <= FULL_ROWS {
        FULL_ROW_H
    } else {
        (2800.0 / n as f64).clamp(6.0, FULL_ROW_H)
    };
    let mut out = String::new();
    let mut y = MARGIN;
    let _ = writeln!(out, "<g class=\"header\">");
    let duration = if in_order {
        format!("{end_time} events at one loop time")
    } else {
        format!("{} of loop time", format_time(end_time))
    };
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"16\" font-weight=\"bold\">pyco timeline — {n} task{}, {duration}</text>",
        y + 14.0,
        if n == 1 { "" } else { "s" },
    );
    let _ = writeln!(out, "</g>");
    y += 26.0;
    y = legend(&mut out, y, width);
    let plot = Plot {
        left: MARGIN + label_w,
        axis,
        row_h,
        rows_top: y + 34.0,
        width,
    };
    let rows_bottom = plot.rows_top + row_h * n as f64;
    plot.grid(&mut out, y + 28.0, rows_bottom);
    plot.axis(&mut out, y + 28.0, true);
    for (i, row) in rows.iter().enumerate() {
        plot.row(&mut out, i, row, label_w);
    }
    let mut height = rows_bottom + MARGIN;
    if n > FULL_ROWS {
        plot.axis(&mut out, rows_bottom + 6.0, false);
        height += 30.0;
    }
    if n == 0 {
        let _ = writeln!(
            out,
            "<text x=\"{MARGIN}\" y=\"{:.1}\" fill=\"#555\">No task ran.</text>",
            plot.rows_top + 16.0
        );
        height += 24.0;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">\n\
         <title>pyco timeline</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         {out}</svg>\n"
    )
}

/// A loop time (ns) in the unit that suits it.
fn format_time(t: i64) -> String {
    {
        let t = t as f64;
        if t >= 1e9 {
            format!("{:.3} s", t / 1e9)
        } else if t >= 1e6 {
            format!("{:.3} ms", t / 1e6)
        } else if t >= 1e3 {
            format!("{:.3} µs", t / 1e3)
        } else {
            format!("{t:.0} ns")
        }
    }
}

/// Draws the legend from `y`, wrapping at `width`; returns the y below it.
fn legend(out: &mut String, y: f64, width: f64) -> f64 {
    enum Mark {
        Bar(&'static str),
        Created,
        Cancel,
        End(&'static str),
    }
    let mut items: Vec<(Mark, &str)> = State::ALL
        .iter()
        .map(|s| (Mark::Bar(s.color()), s.legend()))
        .collect();
    items.push((Mark::Created, "created"));
    items.push((Mark::Cancel, "cancel requested"));
    for end in End::ALL {
        items.push((Mark::End(end.color()), end.label()));
    }
    let _ = writeln!(out, "<g class=\"legend\">");
    let (mut x, mut line_y) = (MARGIN, y);
    for (mark, label) in items {
        let w = 20.0 + text_width(label, 12.0) + 22.0;
        if x + w > width - MARGIN {
            x = MARGIN;
            line_y += 20.0;
        }
        let mid = line_y + 7.0;
        match mark {
            Mark::Bar(color) => {
                let _ = write!(
                    out,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"11\" fill=\"{color}\" stroke=\"#78909c\" stroke-width=\"0.5\"/>",
                    mid - 5.5
                );
            }
            Mark::Created => {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"4\" fill=\"#6a1b9a\"/>",
                    x + 7.0
                );
            }
            Mark::Cancel => {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#c62828\" font-weight=\"bold\" font-size=\"15\" text-anchor=\"middle\">×</text>",
                    x + 7.0,
                    mid + 5.0
                );
            }
            Mark::End(color) => {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"14\" fill=\"{color}\"/>",
                    x + 5.5,
                    mid - 7.0
                );
            }
        }
        let _ = writeln!(
            out,
            "<text class=\"legend-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x + 20.0,
            mid + 4.0,
            escape_xml(label)
        );
        x += w;
    }
    let _ = writeln!(out, "</g>");
    line_y + 20.0
}

/// Where the rows and the axis go.
struct Plot {
    left: f64,
    axis: Axis,
    row_h: f64,
    rows_top: f64,
    width: f64,
}

impl Plot {
    fn x(&self, t: i64) -> f64 {
        self.left + PLOT_W * (t as f64 / self.axis.span)
    }

    /// Vertical grid lines at the ticks, from `top` to `bottom`.
    fn grid(&self, out: &mut String, top: f64, bottom: f64) {
        let _ = writeln!(out, "<g class=\"grid\" stroke=\"#e6e6e6\">");
        for &t in &self.axis.ticks {
            let x = self.left + PLOT_W * t / self.axis.span;
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/>"
            );
        }
        let _ = writeln!(out, "</g>");
    }

    /// The axis line at `y`, labels above it (`top`) or below.
    fn axis(&self, out: &mut String, y: f64, top: bool) {
        let _ = writeln!(out, "<g class=\"axis\" font-size=\"11\" fill=\"#333\">");
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#555\"/>",
            self.left,
            self.left + PLOT_W
        );
        let label_y = if top { y - 6.0 } else { y + 15.0 };
        let (tick_a, tick_b) = if top { (y - 3.0, y) } else { (y, y + 3.0) };
        for (t, label) in self.axis.ticks.iter().zip(&self.axis.labels) {
            let x = self.left + PLOT_W * t / self.axis.span;
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{tick_a:.1}\" x2=\"{x:.1}\" y2=\"{tick_b:.1}\" stroke=\"#555\"/><text x=\"{x:.1}\" y=\"{label_y:.1}\" text-anchor=\"middle\">{label}</text>"
            );
        }
        // The title sits at the left margin, clear of the first tick label
        // (centred on the plot's left edge).
        let _ = writeln!(
            out,
            "<text x=\"{MARGIN}\" y=\"{label_y:.1}\" fill=\"#666\">{}</text>",
            escape_xml(&self.axis.title)
        );
        let _ = writeln!(out, "</g>");
    }

    /// One task's row: background, name, bars, marks.
    fn row(&self, out: &mut String, i: usize, row: &Row, label_w: f64) {
        let h = self.row_h;
        let y = self.rows_top + h * i as f64;
        let _ = writeln!(
            out,
            "<g class=\"task\" id=\"task-{}\" data-name=\"{}\">",
            row.id,
            escape_xml(&row.name)
        );
        let _ = writeln!(out, "<title>{}</title>", escape_xml(&describe(row)));
        if i % 2 == 1 {
            let _ = writeln!(
                out,
                "<rect x=\"0\" y=\"{y:.1}\" width=\"{:.0}\" height=\"{h:.1}\" fill=\"#f6f7f9\"/>",
                self.width
            );
        }
        if h >= 9.0 {
            let font = (h * 0.62).min(12.0);
            let max_chars = ((label_w - 16.0) / (CHAR_W * font / 12.0)) as usize;
            let _ = writeln!(
                out,
                "<text class=\"label\" x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"{font:.1}\">{}</text>",
                y + h / 2.0 + font * 0.36,
                escape_xml(&fit(&row.name, max_chars))
            );
        }
        let bar_y = y + h * 0.14;
        let bar_h = h * 0.72;
        // Waiting bars first, running steps on top (at least 2 px wide, so
        // instantaneous steps under virtual time still show).
        for running in [false, true] {
            for s in row
                .spans
                .iter()
                .filter(|s| (s.state == State::Running) == running)
            {
                let x0 = self.x(s.start);
                let w = self.x(s.end) - x0;
                let w = if running { w.max(2.0) } else { w.max(0.5) };
                let title = if s.what.is_empty() {
                    s.state.legend().to_string()
                } else {
                    format!("{}: {}", s.state.label(), s.what)
                };
                let _ = writeln!(
                    out,
                    "<rect class=\"{}\" x=\"{x0:.2}\" y=\"{bar_y:.1}\" width=\"{w:.2}\" height=\"{bar_h:.1}\" fill=\"{}\"><title>{} {}</title></rect>",
                    s.state.label(),
                    s.state.color(),
                    escape_xml(&row.name),
                    escape_xml(&title)
                );
                let font = 10.0;
                if !running
                    && h >= 16.0
                    && !s.what.is_empty()
                    && w >= text_width(&s.what, font) + 10.0
                {
                    let _ = writeln!(
                        out,
                        "<text class=\"what\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"{font}\" fill=\"#37474f\">{}</text>",
                        x0 + 5.0,
                        bar_y + bar_h / 2.0 + 3.6,
                        escape_xml(&s.what)
                    );
                }
            }
        }
        if let Some(t) = row.created {
            let _ = writeln!(
                out,
                "<circle cx=\"{:.2}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"#6a1b9a\"/>",
                self.x(t),
                y + h / 2.0,
                (h * 0.18).clamp(1.5, 4.0)
            );
        }
        for &t in &row.cancels {
            let _ = writeln!(
                out,
                "<text x=\"{:.2}\" y=\"{:.1}\" fill=\"#c62828\" font-weight=\"bold\" text-anchor=\"middle\" font-size=\"{:.0}\">×</text>",
                self.x(t),
                y + h * 0.8,
                h.min(16.0)
            );
        }
        if let Some((t, end, _)) = &row.ended {
            let _ = writeln!(
                out,
                "<rect class=\"{}\" x=\"{:.2}\" y=\"{:.1}\" width=\"3\" height=\"{:.1}\" fill=\"{}\"/>",
                end.label(),
                self.x(*t) - 1.0,
                y + h * 0.06,
                h * 0.88,
                end.color()
            );
        }
        let _ = writeln!(out, "</g>");
    }
}

/// A row's tooltip: its name, creator, creation site and end.
fn describe(row: &Row) -> String {
    let mut s = row.name.clone();
    if row.created.is_some() {
        let _ = write!(
            s,
            ": created by {}",
            row.created_by.as_deref().unwrap_or("the top level")
        );
        if let Some(site) = &row.created_at {
            let _ = write!(s, " at {site}");
        }
    }
    match &row.ended {
        Some((_, end, detail)) if detail.is_empty() => {
            let _ = write!(s, "; {}", end.label());
        }
        Some((_, end, detail)) => {
            let _ = write!(s, "; {} {detail}", end.label());
        }
        None => s.push_str("; still pending at the end"),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        let axis = Axis::new(2_000_000_000, false);
        assert_eq!(axis.labels.first().map(String::as_str), Some("0.0 s"));
        assert_eq!(axis.labels.last().map(String::as_str), Some("2.0 s"));
        assert_eq!(axis.labels.len(), 5);
        let axis = Axis::new(554_000_000, false);
        assert_eq!(axis.labels[1], "100 ms");
        assert_eq!(format_time(554_000_000), "554.000 ms");
        let axis = Axis::new(37, true);
        assert_eq!(axis.labels[1], "5");
    }

    #[test]
    fn long_names_are_cut() {
        assert_eq!(fit("consumer", 20), "consumer");
        assert_eq!(fit("a-very-long-task-name", 8), "a-very-…");
    }
}
