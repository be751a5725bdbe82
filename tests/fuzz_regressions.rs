//! Inputs the fuzz targets (`fuzz/`) once crashed on, kept as regression
//! tests. Each `tests/fuzz_regressions/NAME.py` must compile the way the
//! parse target compiles it (as a file and as REPL input, rendering any
//! syntax error) without a panic, and must run under `pyco --virtual-time`
//! to exit status 0 or 1 — a Python-level result, never a Rust panic
//! (status 101), a signal or a hang. When `NAME.err` exists (the last
//! stderr line CPython 3.11 prints for the input), the last line pyco
//! prints on stderr must equal it. See `fuzz/README.md`.

use pyco::diagnostic::render_syntax_error;
use pyco::parser::{InteractiveError, parse_interactive, parse_module};
use pyco::resolve::{ResolveOptions, resolve_module};
use pyco::source::SourceFile;
use pyco::syntax_error::SyntaxError;
use pyco::value::object::Globals;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any regression input should take; a run past it is a hang.
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

/// What the parse target does with one input.
fn compile(text: &str) {
    let file = SourceFile::new("<fuzz>", text);
    let compiled = parse_module(text).and_then(|m| {
        resolve_module(
            &m,
            file.clone(),
            &Globals::default(),
            ResolveOptions::default(),
        )
    });
    if let Err(e) = compiled {
        render(&e, &file);
    }
    match parse_interactive(text) {
        Ok(m) => {
            let options = ResolveOptions {
                top_level_await: true,
            };
            if let Err(e) = resolve_module(&m, file.clone(), &Globals::default(), options) {
                render(&e, &file);
            }
        }
        Err(InteractiveError::Invalid(e)) => {
            render(&e, &file);
        }
        Err(InteractiveError::Incomplete) => {}
    }
}

/// Renders a syntax error as the parse target does, with the same check.
fn render(e: &SyntaxError, file: &SourceFile) {
    let text = render_syntax_error(e, file);
    assert!(
        text.ends_with('\n') && text.contains(e.kind.class_name()),
        "rendered syntax error lacks its class line: {text:?}"
    );
}

/// Runs the `pyco` binary on `case`; the exit status and stderr.
fn run(case: &Path) -> Result<(i32, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg("--virtual-time")
        .arg(case)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run pyco: {e}"))?;
    let stderr = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = reader.join().unwrap_or_default();
    match status.code() {
        Some(code) => Ok((code, stderr)),
        None => Err(format!("killed by a signal ({status}); stderr:\n{stderr}")),
    }
}

fn check(case: &Path) -> Result<(), String> {
    let bytes = std::fs::read(case).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&bytes);
    std::panic::catch_unwind(|| compile(&text)).map_err(|_| "compiling panicked".to_string())?;
    let (code, stderr) = run(case)?;
    if stderr.contains("panicked") || !(code == 0 || code == 1) {
        return Err(format!("exit status {code}; stderr:\n{stderr}"));
    }
    let last = stderr
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if let Ok(want) = std::fs::read_to_string(case.with_extension("err"))
        && last != want.trim()
    {
        return Err(format!("last stderr line {last:?}, want {:?}", want.trim()));
    }
    Ok(())
}

#[test]
fn fuzz_regressions_end_in_python_results() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|why| format!("{}: {why}", case.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
