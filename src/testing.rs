//! `pyco test PATH...`: golden-output tests as a command.
//!
//! Every `NAME.py` under the paths runs as its own process; its stdout must
//! equal `NAME.out` and, when `NAME.err` exists, it must exit with status 1
//! and its last non-empty stderr line must equal that file (the same rules
//! as the shared conformance runner). Cases run in parallel, under virtual
//! time unless asked otherwise. `--bless` writes what the program printed;
//! `--reference CMD` takes the expected output from another interpreter
//! (for example `python3`) instead of the files, or blesses from it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// Options of `pyco test`.
#[derive(Clone, Debug, Default)]
pub struct TestOptions {
    /// Files or directories to search for `*.py`.
    pub paths: Vec<PathBuf>,
    /// Write `.out`/`.err` instead of comparing.
    pub bless: bool,
    /// Run the cases on the real clock (default: virtual time).
    pub real_time: bool,
    /// Another interpreter to take expected output from.
    pub reference: Option<String>,
    /// Cases run at once (default: available cores).
    pub jobs: Option<usize>,
    /// Per-case time limit.
    pub timeout: Option<Duration>,
}

/// What one run of a script printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutput {
    /// Standard output.
    pub stdout: String,
    /// The last non-empty stderr line when the exit status was 1.
    pub err_line: Option<String>,
    /// Exit status (-1 when killed or timed out).
    pub status: i32,
}

/// Finds every `*.py` under `paths`, sorted.
#[must_use]
pub fn collect_cases(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "py") {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Runs `command` (program and leading arguments) on `case`.
pub fn run_case(command: &[String], case: &Path, timeout: Duration) -> std::io::Result<RunOutput> {
    let mut cmd = Command::new(&command[0]);
    // CPython as a reference hashes strings as pyco does (and as the shared
    // blessing script runs it) only with the fixed seed 0.
    if std::env::var_os("PYTHONHASHSEED").is_none() {
        cmd.env("PYTHONHASHSEED", "0");
    }
    let mut child = cmd
        .args(&command[1..])
        .arg(case)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s.code().unwrap_or(-1);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break -1;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    let err_line = (status == 1)
        .then(|| {
            stderr
                .lines()
                .rfind(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_string())
        })
        .flatten();
    Ok(RunOutput {
        stdout,
        err_line,
        status,
    })
}

/// The expected output recorded next to a case.
#[must_use]
pub fn expected_from_files(case: &Path) -> Option<RunOutput> {
    let stdout = std::fs::read_to_string(case.with_extension("out")).ok()?;
    let err_line = std::fs::read_to_string(case.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());
    let status = i32::from(err_line.is_some());
    Some(RunOutput {
        stdout,
        err_line,
        status,
    })
}

/// A unified diff of two texts, line by line (`---` expected, `+++` got).
#[must_use]
pub fn unified_diff(expected: &str, got: &str, name: &str) -> String {
    labeled_diff(
        expected,
        got,
        &format!("{name}.out"),
        &format!("{name} (pyco)"),
    )
}

/// A unified diff of two texts with the given `---` and `+++` labels.
#[must_use]
pub fn labeled_diff(expected: &str, got: &str, from: &str, to: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    // Longest common subsequence table, bounded for huge outputs.
    if a.len() * b.len() > 4_000_000 {
        return format!(
            "--- {from}\n+++ {to}\n(outputs too long to diff: {} vs {} lines)\n",
            a.len(),
            b.len()
        );
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removed lines before added ones, as diff(1) shows them.
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let mut out = format!("--- {from}\n+++ {to}\n");
    let context = 3;
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| *c != ' ')
        .map(|(k, _)| k)
        .collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(context);
        let mut end = changed[k] + context + 1;
        while k + 1 < changed.len() && changed[k + 1] <= end + context {
            k += 1;
            end = changed[k] + context + 1;
        }
        end = end.min(ops.len());
        out.push_str("@@\n");
        for (c, line) in &ops[start..end] {
            out.push(*c);
            out.push_str(line);
            out.push('\n');
        }
        k += 1;
    }
    if changed.is_empty() {
        out.push_str("(only trailing newlines differ)\n");
    }
    out
}

fn describe_mismatch(case: &Path, want: &RunOutput, got: &RunOutput) -> Option<String> {
    let name = case.with_extension("").display().to_string();
    if want.stdout != got.stdout {
        return Some(unified_diff(&want.stdout, &got.stdout, &name));
    }
    match &want.err_line {
        None if got.status != 0 => Some(format!(
            "exit status {}, want 0; last stderr line: {}\n",
            got.status,
            got.err_line.as_deref().unwrap_or("")
        )),
        Some(w) if got.status != 1 => Some(format!("exit status {}, want 1 ({w})\n", got.status)),
        Some(w) if got.err_line.as_deref() != Some(w.as_str()) => Some(format!(
            "last stderr line {:?}, want {w:?}\n",
            got.err_line.as_deref().unwrap_or("")
        )),
        _ => None,
    }
}

fn bless(case: &Path, got: &RunOutput) -> std::io::Result<()> {
    std::fs::write(case.with_extension("out"), &got.stdout)?;
    let err = case.with_extension("err");
    if let (Some(line), 1) = (&got.err_line, got.status) {
        std::fs::write(err, format!("{line}\n"))
    } else {
        if err.exists() {
            std::fs::remove_file(err)?;
        }
        Ok(())
    }
}

/// Runs `pyco test`; returns the process exit status.
#[must_use]
pub fn run_tests(opts: &TestOptions) -> i32 {
    let cases = collect_cases(&opts.paths);
    if cases.is_empty() {
        eprintln!("pyco test: no *.py files under the given paths");
        return 2;
    }
    let exe = std::env::current_exe().map_or_else(|_| "pyco".into(), |p| p.display().to_string());
    let mut pyco = vec![exe];
    if !opts.real_time {
        pyco.push("--virtual-time".into());
    }
    let reference: Option<Vec<String>> = opts
        .reference
        .as_ref()
        .map(|r| r.split_whitespace().map(str::to_string).collect());
    let timeout = opts.timeout.unwrap_or(Duration::from_secs(60));
    let jobs = opts
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZero::get));
    let next = Mutex::new(0usize);
    let reports: Mutex<Vec<(usize, Result<(), String>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().expect("counter");
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(case) = cases.get(i) else { break };
                    let verdict = check_one(case, &pyco, reference.as_deref(), opts.bless, timeout);
                    reports.lock().expect("reports").push((i, verdict));
                }
            });
        }
    });
    let mut reports = reports.into_inner().expect("reports");
    reports.sort_by_key(|(i, _)| *i);
    let mut failed = 0;
    for (i, r) in &reports {
        if let Err(why) = r {
            failed += 1;
            println!("FAIL {}\n{why}", cases[*i].display());
        }
    }
    let passed = cases.len() - failed;
    if opts.bless {
        println!("{passed} blessed, {failed} failed");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    i32::from(failed > 0)
}

fn check_one(
    case: &Path,
    pyco: &[String],
    reference: Option<&[String]>,
    bless_mode: bool,
    timeout: Duration,
) -> Result<(), String> {
    if bless_mode {
        let source = reference.unwrap_or(pyco);
        let got = run_case(source, case, timeout)
            .map_err(|e| format!("cannot run {}: {e}\n", source[0]))?;
        if got.status == -1 {
            return Err("timed out; not blessed\n".into());
        }
        return bless(case, &got).map_err(|e| format!("cannot write expected output: {e}\n"));
    }
    let want = match reference {
        Some(cmd) => {
            run_case(cmd, case, timeout).map_err(|e| format!("cannot run {}: {e}\n", cmd[0]))?
        }
        None => expected_from_files(case)
            .ok_or_else(|| "no .out file (run with --bless to create it)\n".to_string())?,
    };
    let got = run_case(pyco, case, timeout).map_err(|e| format!("cannot run pyco: {e}\n"))?;
    if got.status == -1 {
        return Err(format!("timed out after {} s\n", timeout.as_secs()));
    }
    describe_mismatch(case, &want, &got).map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changed_lines() {
        let d = unified_diff("a\nb\nc\n", "a\nx\nc\n", "t");
        assert!(d.contains("-b\n"));
        assert!(d.contains("+x\n"));
        assert!(d.contains(" a\n"));
    }

    #[test]
    fn equal_outputs_have_no_mismatch() {
        let out = RunOutput {
            stdout: "hi\n".into(),
            err_line: None,
            status: 0,
        };
        assert_eq!(describe_mismatch(Path::new("t.py"), &out, &out), None);
        let died = RunOutput {
            stdout: "hi\n".into(),
            err_line: Some("ValueError: x".into()),
            status: 1,
        };
        assert!(describe_mismatch(Path::new("t.py"), &out, &died).is_some());
    }
}
