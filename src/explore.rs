//! `--explore N`: run a program under many legal schedules and report the
//! distinct outputs — a race detector for code that only works because of
//! one event loop's particular order.
//!
//! Run 0 is the default order, CPython's, and is the baseline. Runs 1 to
//! N-1 follow the schedules named by consecutive seeds (`--seed S`, default
//! 1, names the first); [`crate::runtime::shuffle`] describes what a
//! schedule may reorder and why each such order is one asyncio allows.
//! Runs use virtual time unless asked otherwise, so exploring a script that
//! sleeps for seconds takes milliseconds per run.
//!
//! Each run is a fresh interpreter in its own process — exactly the replay
//! command `pyco --schedule-seed S FILE.py` — so a reported seed reproduces
//! its output by construction, runs use every core, and memory is returned
//! after each run (an interpreter's reference cycles are not collected,
//! which would add up over hundreds of runs in one process).
//!
//! Two runs agree when their stdout, their stderr and their exit status are
//! equal; [`report`] groups the runs and renders the differences.

pub mod report;

pub use report::{Distinct, Report};

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// How to explore.
#[derive(Clone, Debug)]
pub struct ExploreOptions {
    /// Runs in all, the default-order run included.
    pub runs: usize,
    /// The schedule seed of run 1 (run `i` uses `first_seed + i - 1`).
    pub first_seed: u64,
    /// Run on the virtual clock (the default) rather than real time.
    pub virtual_time: bool,
    /// Runs at once (default: available cores).
    pub jobs: Option<usize>,
}

impl Default for ExploreOptions {
    fn default() -> Self {
        Self {
            runs: 20,
            first_seed: 1,
            virtual_time: true,
            jobs: None,
        }
    }
}

/// Everything one run printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit status (-1 when killed by a signal).
    pub status: i32,
}

/// One run of an exploration.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// `None` for the default order, else the schedule seed.
    pub seed: Option<u64>,
    /// What the program printed.
    pub output: Output,
    /// For a seeded run, a fingerprint of the scheduling choices made:
    /// equal fingerprints mean equal schedules.
    pub fingerprint: Option<u64>,
}

/// The program to explore, as the `pyco` executable runs it.
#[derive(Clone, Debug)]
pub struct Program {
    /// The `pyco` executable.
    pub exe: PathBuf,
    /// The program's words on the command line: `FILE.py ARGS...` or
    /// `-c CODE ARGS...`.
    pub args: Vec<String>,
    /// Program text for standard input (a program read from stdin).
    pub stdin: Option<String>,
}

impl Program {
    /// The program's words as a shell would read them.
    #[must_use]
    pub fn command_line(&self) -> String {
        if self.stdin.is_some() {
            return "< PROGRAM.py".into();
        }
        shell_words(&self.args)
    }

    /// Runs the program once in a child process: in the default order
    /// (`seed` `None`) or under the schedule named by `seed`.
    pub fn run(&self, seed: Option<u64>, virtual_time: bool) -> std::io::Result<RunResult> {
        let mut cmd = Command::new(&self.exe);
        cmd.env_remove("PYCO_VIRTUAL_TIME");
        let fingerprint_file = seed
            .map(|s| std::env::temp_dir().join(format!("pyco-explore-{}-{s}", std::process::id())));
        match (seed, &fingerprint_file) {
            (Some(s), Some(file)) => {
                cmd.arg(format!("--schedule-seed={s}"));
                cmd.arg("--schedule-fingerprint").arg(file);
                if !virtual_time {
                    cmd.arg("--real-time");
                }
            }
            _ => {
                if virtual_time {
                    cmd.arg("--virtual-time");
                }
            }
        }
        cmd.args(&self.args)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn()?;
        if let (Some(text), Some(mut pipe)) = (&self.stdin, child.stdin.take()) {
            let _ = pipe.write_all(text.as_bytes());
        }
        let mut stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let err_reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf);
            buf
        });
        let mut out = Vec::new();
        stdout.read_to_end(&mut out)?;
        let err = err_reader.join().unwrap_or_default();
        let status = child.wait()?.code().unwrap_or(-1);
        let fingerprint = fingerprint_file.and_then(|file| {
            let text = std::fs::read_to_string(&file).ok();
            let _ = std::fs::remove_file(&file);
            u64::from_str_radix(text?.trim(), 16).ok()
        });
        Ok(RunResult {
            seed,
            output: Output {
                stdout: String::from_utf8_lossy(&out).into_owned(),
                stderr: String::from_utf8_lossy(&err).into_owned(),
                status,
            },
            fingerprint,
        })
    }
}

/// Runs `program` `options.runs` times, several at once, and groups the
/// outputs (see the module documentation).
pub fn explore(program: &Program, options: &ExploreOptions) -> std::io::Result<Report> {
    let runs = options.runs.max(1);
    let jobs = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
        .clamp(1, runs);
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<(usize, std::io::Result<RunResult>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().expect("run counter");
                        let i = *n;
                        *n += 1;
                        i
                    };
                    if i >= runs {
                        break;
                    }
                    let seed = (i > 0).then(|| options.first_seed.wrapping_add(i as u64 - 1));
                    let result = program.run(seed, options.virtual_time);
                    results.lock().expect("results").push((i, result));
                }
            });
        }
    });
    let mut results = results.into_inner().expect("results");
    results.sort_by_key(|(i, _)| *i);
    let runs = results
        .into_iter()
        .map(|(_, r)| r)
        .collect::<std::io::Result<Vec<_>>>()?;
    Ok(Report::from_runs(&program.command_line(), options, runs))
}

/// Arguments joined for a shell, quoting those that need it.
#[must_use]
pub fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
            if plain {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_quote_what_needs_it() {
        let args = ["-c".to_string(), "print('hi there')".to_string()];
        assert_eq!(shell_words(&args), "-c 'print('\\''hi there'\\'')'");
        assert_eq!(shell_words(&["a/b.py".to_string()]), "a/b.py");
    }
}
