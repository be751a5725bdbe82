//! Golden-output tests: every `tests/golden/**/NAME.py` runs under pyco and
//! must print exactly `NAME.out` (CPython's stdout, blessed with
//! `../shared/conformance/bless-with-cpython`); when `NAME.err` exists the
//! run must exit with status 1 and its last stderr line must equal it; when
//! `NAME.stderr` exists (written from CPython by `scripts/bless-stderr`),
//! the whole of stderr must equal it, folder names removed.
//! Real-time runs go in parallel; one that fails is retried afterwards, one
//! case at a time (timing on a loaded machine), and fails the test only if
//! it fails every time. A case whose text holds the line
//! `# golden: virtual time only` runs only under virtual time: its timers
//! are a fraction of a millisecond apart, an order CPython itself keeps
//! only on an idle machine.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "py") && p.with_extension("out").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A compact line diff: the first differing line and some context.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let n = w.len().max(g.len());
    for i in 0..n {
        let a = w.get(i).copied();
        let b = g.get(i).copied();
        if a != b {
            let mut s = String::new();
            let from = i.saturating_sub(2);
            for j in from..i {
                s.push_str(&format!("   {}\n", w.get(j).copied().unwrap_or("")));
            }
            s.push_str(&format!(" - {}\n", a.unwrap_or("<missing>")));
            s.push_str(&format!(" + {}\n", b.unwrap_or("<missing>")));
            for j in i + 1..(i + 3).min(n) {
                s.push_str(&format!("   want {:?} | got {:?}\n", w.get(j), g.get(j)));
            }
            return format!("line {}:\n{s}", i + 1);
        }
    }
    "trailing newline differs".into()
}

fn check(case: &Path, extra: &[&str]) -> Result<(), String> {
    let want_out = std::fs::read_to_string(case.with_extension("out")).unwrap_or_default();
    let want_err = std::fs::read_to_string(case.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());
    let output = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(extra)
        .arg(case)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run pyco: {e}"))?;
    let got_out = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last_err = stderr
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if got_out != want_out {
        return Err(format!(
            "stdout differs at {}\nstderr tail: {last_err}",
            diff(&want_out, &got_out)
        ));
    }
    if let Ok(want) = std::fs::read_to_string(case.with_extension("stderr")) {
        let got = normalize_paths(&stderr, case);
        if got != want {
            return Err(format!("stderr differs at {}", diff(&want, &got)));
        }
    }
    let code = output.status.code().unwrap_or(-1);
    match &want_err {
        None if code != 0 => Err(format!("exit status {code}, stderr: {last_err}")),
        Some(_) if code != 1 => Err(format!("exit status {code}, want 1; stderr: {last_err}")),
        Some(w) if last_err != w => Err(format!("last stderr line {last_err:?}, want {w:?}")),
        _ => Ok(()),
    }
}

/// `text` with the case's folder (as an absolute path) removed, so that
/// file names in tracebacks and warnings read `NAME.py` (as in the
/// `NAME.stderr` files `scripts/bless-stderr` writes).
fn normalize_paths(text: &str, case: &Path) -> String {
    let dir = case.parent().map(|d| format!("{}/", d.display()));
    match dir {
        Some(d) => text.replace(&d, ""),
        None => text.to_string(),
    }
}

/// Cases listed in `tests/golden/KNOWN_DIFFERENCES` (paths relative to
/// `tests/golden`).
fn known_differences() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let text = std::fs::read_to_string(root.join("KNOWN_DIFFERENCES")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .map(|p| root.join(p))
        .collect()
}

/// Whether the case is marked to run only under virtual time.
fn virtual_time_only(case: &Path) -> bool {
    std::fs::read_to_string(case).is_ok_and(|text| {
        text.lines()
            .any(|l| l.trim() == "# golden: virtual time only")
    })
}

fn run_dir(name: &str, extra: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    run_cases(&dir, extra);
}

fn run_cases(dir: &Path, extra: &[&str]) {
    let known = known_differences();
    let all = cases(dir);
    assert!(!all.is_empty(), "no golden cases under {}", dir.display());
    let failures = Mutex::new(Vec::new());
    let retries = Mutex::new(Vec::new());
    let real_time = !extra.contains(&"--virtual-time");
    let all: Vec<PathBuf> = all
        .into_iter()
        .filter(|case| !real_time || !virtual_time_only(case))
        .collect();
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get() * 2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(case) = all.get(i) else { break };
                    let expected_to_fail = known.contains(case);
                    match (check(case, extra), expected_to_fail) {
                        (Err(_), false) if real_time => retries.lock().unwrap().push(case),
                        (Err(why), false) => failures
                            .lock()
                            .unwrap()
                            .push(format!("FAIL {}: {why}", case.display())),
                        (Ok(()), true) => failures.lock().unwrap().push(format!(
                            "NOW PASSES {}: remove it from tests/golden/KNOWN_DIFFERENCES",
                            case.display()
                        )),
                        _ => {}
                    }
                }
            });
        }
    });
    // Real-time cases rely on sleeps of a few milliseconds keeping their
    // order, which several pyco processes on a loaded machine can upset: a
    // failure there is run again, one case at a time, up to twice, and counts only if
    // every attempt fails (a wrong output fails every time).
    let mut failures = failures.into_inner().unwrap();
    for case in retries.into_inner().unwrap() {
        let mut last = check(case, extra);
        for _ in 0..2 {
            if last.is_ok() {
                break;
            }
            last = check(case, extra);
        }
        if let Err(why) = last {
            failures.push(format!("FAIL {}: {why}", case.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn language() {
    run_dir("lang", &[]);
}

#[test]
fn asyncio_real_time() {
    run_dir("asyncio", &[]);
}

#[test]
fn asyncio_virtual_time() {
    run_dir("asyncio", &["--virtual-time"]);
}

#[test]
fn language_virtual_time() {
    run_dir("lang", &["--virtual-time"]);
}

/// The example programs in `scripts/` print what CPython printed for them
/// (under virtual time: their sleeps cost nothing, and a worker pool's
/// order does not hang on a loaded machine's timing).
#[test]
fn example_scripts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    run_cases(&dir, &["--virtual-time"]);
}
