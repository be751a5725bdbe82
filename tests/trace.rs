//! `--trace` and `--trace=json`: golden scheduling traces.
//!
//! `tests/trace/NAME.trace` is the text trace of `NAME.py` under
//! `--virtual-time` (the format documented in `src/runtime/trace.rs`; each
//! file was checked line by line against the script: who creates whom, where
//! each task suspends and on what, how it ends). The script's stdout must stay
//! CPython's (`NAME.out`, blessed with CPython) while tracing. The JSON trace
//! must carry the same events, and a real-time run the same events in the
//! same order (only the times differ).

use std::path::PathBuf;
use std::process::Command;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/trace")
}

/// Runs `NAME.py` from the fixtures' folder with `args`; returns stderr after
/// checking stdout against CPython's.
fn trace(name: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .current_dir(dir())
        .env_remove("PYCO_VIRTUAL_TIME")
        .args(args)
        .arg(format!("{name}.py"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = std::fs::read_to_string(dir().join(format!("{name}.out"))).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    String::from_utf8(out.stderr).unwrap()
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(dir().join(format!("{name}.trace"))).unwrap()
}

/// A text trace line without its time column.
fn untimed(line: &str) -> &str {
    line.trim_start()
        .split_once(' ')
        .map_or("", |(_, rest)| rest)
}

/// Reads a JSON string starting at `s[0] == '"'`; returns it and the rest.
fn json_string(s: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s[1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &s[i + 2..]),
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('u') => {
                    let hex: String = (0..4)
                        .filter_map(|_| chars.next().map(|(_, c)| c))
                        .collect();
                    let code = u32::from_str_radix(&hex, 16).unwrap();
                    out.push(char::from_u32(code).unwrap());
                }
                Some(c) => out.push(c),
                None => panic!("unterminated escape"),
            },
            c => out.push(c),
        }
    }
    panic!("unterminated string in {s}");
}

/// A JSON trace line rebuilt in the text format.
fn json_as_text(line: &str) -> String {
    let rest = line.strip_prefix("{\"t\":").expect("starts with t");
    let (t, rest) = rest.split_once(',').unwrap();
    let t: f64 = t.parse().unwrap();
    let rest = rest.strip_prefix("\"task\":").unwrap();
    let (task, rest) = json_string(rest);
    let rest = rest.strip_prefix(",\"id\":").unwrap();
    let (id, rest) = rest.split_once(',').unwrap();
    assert!(id.parse::<u64>().is_ok(), "id {id}");
    let rest = rest.strip_prefix("\"event\":").unwrap();
    let (event, rest) = json_string(rest);
    let rest = rest.strip_prefix(",\"detail\":").unwrap();
    let (detail, rest) = json_string(rest);
    assert_eq!(rest, "}", "{line}");
    let sep = if detail.is_empty() { "" } else { " " };
    format!("{t:>10.6} {task:<16} {event}{sep}{detail}")
}

#[test]
fn text_trace_is_golden() {
    assert_eq!(
        trace("lifecycle", &["--virtual-time", "--trace"]),
        golden("lifecycle")
    );
}

#[test]
fn json_trace_has_the_same_events() {
    let json = trace("lifecycle", &["--virtual-time", "--trace=json"]);
    let rebuilt: Vec<String> = json.lines().map(json_as_text).collect();
    let want = golden("lifecycle");
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(rebuilt, want);
}

#[test]
fn real_time_trace_has_the_same_events_in_order() {
    let got = trace("lifecycle", &["--trace"]);
    let got: Vec<&str> = got.lines().map(untimed).collect();
    let want = golden("lifecycle");
    let want: Vec<&str> = want.lines().map(untimed).map(strip_deadline).collect();
    let got: Vec<&str> = got.into_iter().map(strip_deadline).collect();
    assert_eq!(got, want);
}

/// Sleep deadlines are loop times too: keep what comes before them.
fn strip_deadline(line: &str) -> &str {
    line.split(" sleep until ").next().unwrap()
}
