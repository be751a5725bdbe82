//! `--timeline FILE.svg`: the picture's structure (well-formed XML, one row
//! per task that the trace reports, a legend naming every state and mark, a
//! time axis with increasing ticks, everything inside the canvas, row labels
//! that do not overlap) for a 2-task script and a 200-task script, and — when
//! Chromium is installed — the picture as a browser renders it, through
//! `scripts/render-timeline.sh`.
//!
//! The scripts' stdout must stay CPython's (`tests/timeline/*.out`, blessed
//! with CPython) while the timeline is recorded.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyco-timeline-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A run of `script` with a timeline and the JSON trace.
struct Run {
    svg: String,
    /// Task ids and names in the order the trace first mentions them.
    tasks: Vec<(u64, String)>,
}

fn run(script: &str, tag: &str) -> Run {
    let script = root().join("tests/timeline").join(script);
    let dir = temp_dir(tag);
    let svg_path = dir.join("t.svg");
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(["--virtual-time", "--trace=json", "--timeline"])
        .arg(&svg_path)
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = std::fs::read_to_string(script.with_extension("out")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    let mut tasks: Vec<(u64, String)> = Vec::new();
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        let id: u64 = field(line, "\"id\":").parse().unwrap();
        let name = field(line, "\"task\":\"").to_string();
        if !tasks.iter().any(|(i, _)| *i == id) {
            tasks.push((id, name));
        }
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    Run { svg, tasks }
}

/// The value after `key` in a JSON trace line, up to `,` or `"`.
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let start = line.find(key).unwrap_or_else(|| panic!("{key} in {line}")) + key.len();
    let rest = &line[start..];
    let end = rest.find([',', '"']).unwrap();
    &rest[..end]
}

fn num(node: roxmltree::Node, attr: &str) -> f64 {
    node.attribute(attr)
        .unwrap_or_else(|| panic!("{attr} on <{}>", node.tag_name().name()))
        .parse()
        .unwrap()
}

fn has_class(node: roxmltree::Node, class: &str) -> bool {
    node.attribute("class") == Some(class)
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// Checks the structure every timeline must have; returns the task rows'
/// names.
fn check_structure(run: &Run) -> Vec<String> {
    let doc = roxmltree::Document::parse(&run.svg).expect("the SVG is well-formed XML");
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(
        svg.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let (width, height) = (num(svg, "width"), num(svg, "height"));

    // One row per task the trace mentions, in the same order, named alike.
    let rows: Vec<_> = svg
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(*n, "task"))
        .collect();
    let ids: Vec<String> = rows
        .iter()
        .map(|r| r.attribute("id").unwrap().to_string())
        .collect();
    let want_ids: Vec<String> = run.tasks.iter().map(|(i, _)| format!("task-{i}")).collect();
    assert_eq!(ids, want_ids);
    let names: Vec<String> = rows
        .iter()
        .map(|r| r.attribute("data-name").unwrap().to_string())
        .collect();
    let want_names: Vec<String> = run.tasks.iter().map(|(_, n)| n.clone()).collect();
    assert_eq!(names, want_names);
    for row in &rows {
        let tip = row
            .children()
            .find(|c| c.has_tag_name("title"))
            .expect("each row has a tooltip");
        assert!(text_of(tip).starts_with(row.attribute("data-name").unwrap()));
        assert!(
            row.descendants().any(|n| n.has_tag_name("rect")
                && ["finished", "failed", "cancelled"]
                    .contains(&n.attribute("class").unwrap_or(""))),
            "every task of these scripts ends, with an end mark"
        );
    }

    // The legend names every state and every mark.
    let legend = svg
        .descendants()
        .find(|n| has_class(*n, "legend"))
        .expect("a legend");
    let labels: BTreeSet<String> = legend
        .descendants()
        .filter(|n| has_class(*n, "legend-label"))
        .map(text_of)
        .collect();
    for want in [
        "running",
        "ready",
        "sleeping",
        "waiting on a task",
        "waiting on a queue, lock, event…",
        "waiting on a future",
        "created",
        "cancel requested",
        "finished",
        "failed",
        "cancelled",
    ] {
        assert!(labels.contains(want), "legend lacks {want:?}: {labels:?}");
    }

    // A time axis whose tick labels are increasing numbers, starting at 0.
    let axis = svg
        .descendants()
        .find(|n| has_class(*n, "axis"))
        .expect("a time axis");
    let ticks: Vec<(f64, f64)> = axis
        .children()
        .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("middle"))
        .map(|n| {
            let label = text_of(n);
            let value: f64 = label
                .split_whitespace()
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("tick label {label:?}"));
            (num(n, "x"), value)
        })
        .collect();
    assert!(ticks.len() >= 4, "ticks: {ticks:?}");
    assert!(ticks[0].1.abs() < f64::EPSILON, "first tick {ticks:?}");
    assert!(
        ticks.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1),
        "ticks: {ticks:?}"
    );

    // Every bar and mark lies on the canvas.
    for rect in svg.descendants().filter(|n| n.has_tag_name("rect")) {
        if rect.attribute("width") == Some("100%") {
            continue;
        }
        let (x, y, w, h) = (
            num(rect, "x"),
            num(rect, "y"),
            num(rect, "width"),
            num(rect, "height"),
        );
        assert!(
            x >= 0.0 && y >= 0.0 && w > 0.0 && h > 0.0 && x + w <= width + 0.5 && y + h <= height,
            "rect off the canvas: {x} {y} {w} {h} in {width}x{height}"
        );
    }

    // Row labels (when drawn) do not overlap: each sits a font height below
    // the previous one.
    let label_ys: Vec<(f64, f64)> = svg
        .descendants()
        .filter(|n| has_class(*n, "label"))
        .map(|n| (num(n, "y"), num(n, "font-size")))
        .collect();
    for w in label_ys.windows(2) {
        assert!(w[1].0 - w[0].0 >= w[1].1, "labels overlap: {w:?}");
    }
    names
}

#[test]
fn two_task_picture() {
    let run = run("two_tasks.py", "two");
    let names = check_structure(&run);
    assert_eq!(names[..4], ["Task-1", "ticker", "waiter", "nap"]);
    let doc = roxmltree::Document::parse(&run.svg).unwrap();
    let row = |name: &str| {
        doc.descendants()
            .find(|n| n.attribute("data-name") == Some(name))
            .unwrap()
    };
    let classes = |name: &str| -> BTreeSet<String> {
        row(name)
            .descendants()
            .filter_map(|n| n.attribute("class").map(str::to_string))
            .collect()
    };
    // The ticker sleeps, the waiter waits on the event, the nap is cancelled
    // (with a cancel mark), and every row shows its name.
    assert!(classes("ticker").contains("sleeping"));
    assert!(classes("ticker").contains("running"));
    assert!(classes("waiter").contains("waiting"));
    assert!(classes("nap").contains("cancelled"));
    assert!(row("nap").descendants().any(|n| n.text() == Some("×")));
    assert!(text_of(row("waiter")).contains("Event.wait()"));
    assert_eq!(
        doc.descendants().filter(|n| has_class(*n, "label")).count(),
        names.len()
    );
    // Waiting on the event reads "waiting on a queue, lock, event…" colour.
    let waiter_bar = row("waiter")
        .descendants()
        .find(|n| has_class(*n, "waiting"))
        .unwrap();
    assert_eq!(waiter_bar.attribute("fill"), Some("#d1c4e9"));
    // Few rows: one axis, above them.
    assert_eq!(
        doc.descendants().filter(|n| has_class(*n, "axis")).count(),
        1
    );
}

#[test]
fn two_hundred_task_picture() {
    let run = run("many_tasks.py", "many");
    let names = check_structure(&run);
    let workers = names.iter().filter(|n| n.starts_with("worker-")).count();
    assert_eq!(workers, 200);
    let doc = roxmltree::Document::parse(&run.svg).unwrap();
    // Rows stay tall enough to carry their names, and the axis is repeated
    // under them.
    assert_eq!(
        doc.descendants().filter(|n| has_class(*n, "label")).count(),
        names.len()
    );
    assert_eq!(
        doc.descendants().filter(|n| has_class(*n, "axis")).count(),
        2
    );
    let height = num(doc.root_element(), "height");
    assert!(height < 4000.0, "height {height}");
}

/// `scripts/render-timeline.sh SCRIPT OUT.png`, then the PNG decoded.
fn render(script: &Path, tag: &str) -> Option<(u32, u32, Vec<[u8; 3]>)> {
    let found = Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("note: chromium is not installed; the rendering check is skipped");
        return None;
    }
    let dir = temp_dir(tag);
    let png_path = dir.join("t.png");
    let out = Command::new("sh")
        .arg(root().join("scripts/render-timeline.sh"))
        .arg(script)
        .arg(&png_path)
        .env("PYCO", env!("CARGO_BIN_EXE_pyco"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "render-timeline.sh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).unwrap(),
    ));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    Some((info.width, info.height, pixels))
}

fn count_colour(pixels: &[[u8; 3]], hex: &str) -> usize {
    let c = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
    let want = [(c >> 16) as u8, (c >> 8) as u8, c as u8];
    pixels
        .iter()
        .filter(|p| p.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 3))
        .count()
}

/// The browser draws the whole picture at its declared size, with the
/// states' colours in the bars and the legend, and text on it.
fn check_rendering(script: &str, tag: &str, colours: &[(&str, usize)]) {
    let script = root().join("tests/timeline").join(script);
    let Some((w, h, pixels)) = render(&script, tag) else {
        return;
    };
    let run = run(
        script.file_name().unwrap().to_str().unwrap(),
        &format!("{tag}-size"),
    );
    let doc = roxmltree::Document::parse(&run.svg).unwrap();
    let svg = doc.root_element();
    assert!((f64::from(w) - num(svg, "width")).abs() < 1.0, "width {w}");
    assert!(
        (f64::from(h) - num(svg, "height")).abs() < 1.0,
        "height {h}"
    );
    for &(colour, at_least) in colours {
        let n = count_colour(&pixels, colour);
        assert!(n >= at_least, "{colour}: {n} pixels, want {at_least}+");
    }
    // Dark text (labels, ticks, title) is drawn.
    let dark = pixels.iter().filter(|p| p.iter().all(|&c| c < 80)).count();
    assert!(dark > 2000, "{dark} dark pixels");
}

#[test]
fn two_task_picture_rendered() {
    // Sleeping (ticker), waiting on the event (waiter) and on a task (main)
    // fill long bars; running steps are thin but present.
    check_rendering(
        "two_tasks.py",
        "two-png",
        &[
            ("#90caf9", 10_000),
            ("#d1c4e9", 10_000),
            ("#cfd8dc", 5_000),
            ("#2e7d32", 100),
        ],
    );
}

#[test]
fn two_hundred_task_picture_rendered() {
    check_rendering(
        "many_tasks.py",
        "many-png",
        &[("#90caf9", 50_000), ("#d1c4e9", 200_000), ("#2e7d32", 500)],
    );
}
