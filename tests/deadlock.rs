//! The deadlock report: when every task waits and nothing (no timer, no
//! outside source) can wake one, pyco stops within a second, names each task
//! with what it waits on and the line of its await, and exits with status 1 —
//! on the real clock and under `--virtual-time`.
//!
//! CPython hangs on these scripts, so their `.out` files hold what CPython
//! printed before it hung (`timeout 3 python3 NAME.py > NAME.out`); pyco must
//! print the same. `timer_wakes.py` is a script where every task waits but a
//! timer ends the wait: blessed with CPython normally, and it must not be
//! reported.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/deadlock")
}

/// Runs `name` from the fixtures' folder (so reports say `name:LINE`).
fn run(name: &str, virtual_time: bool) -> (Output, Duration) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyco"));
    cmd.current_dir(dir()).env_remove("PYCO_VIRTUAL_TIME");
    if virtual_time {
        cmd.arg("--virtual-time");
    }
    let start = Instant::now();
    let out = cmd.arg(name).output().unwrap();
    (out, start.elapsed())
}

/// The line number of the first source line containing `needle`.
fn line_of(name: &str, needle: &str) -> usize {
    let src = std::fs::read_to_string(dir().join(name)).unwrap();
    src.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// Checks a deadlocking script's run: CPython's stdout, status 1, the report
/// with exactly `waits` (task, what, needle of the await line), quickly.
fn check_deadlock(name: &str, waits: &[(&str, &str, &str)], limit: Duration) {
    let want_out = std::fs::read_to_string(dir().join(name).with_extension("out")).unwrap();
    for virtual_time in [false, true] {
        let (out, took) = run(name, virtual_time);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mode = if virtual_time { "virtual" } else { "real" };
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            want_out,
            "{mode} time"
        );
        assert_eq!(out.status.code(), Some(1), "{mode} time: {stderr}");
        assert!(took < limit, "{mode} time: took {took:?}");
        let mut lines = stderr.lines();
        assert_eq!(
            lines.next(),
            Some(
                "pyco: deadlock: every task is waiting and nothing can wake them (CPython would hang here)"
            ),
            "{stderr}"
        );
        let report: Vec<&str> = lines.by_ref().take_while(|l| l.starts_with("  ")).collect();
        let want: Vec<String> = waits
            .iter()
            .map(|(task, on, needle)| {
                format!(
                    "  Task '{task}' waits on {on} at {name}:{}",
                    line_of(name, needle)
                )
            })
            .collect();
        assert_eq!(report, want, "{mode} time:\n{stderr}");
        assert_eq!(
            stderr.lines().last(),
            Some("RuntimeError: deadlock: every task is waiting and nothing can wake them")
        );
    }
}

#[test]
fn tasks_waiting_on_each_others_events() {
    check_deadlock(
        "events.py",
        &[
            ("Task-1", "gather()", "await asyncio.gather("),
            ("first", "Event.wait()", "await b.wait()"),
            ("second", "Event.wait()", "await a.wait()"),
        ],
        Duration::from_secs(1),
    );
}

#[test]
fn consumer_on_an_empty_queue_after_the_producer_ended() {
    // The producer sleeps 30 ms in all; the report follows within a second.
    check_deadlock(
        "queue.py",
        &[
            (
                "Task-1",
                "Task 'consumer'",
                "await asyncio.create_task(consumer",
            ),
            ("consumer", "Queue.get()", "await queue.get()"),
        ],
        Duration::from_secs(1),
    );
}

#[test]
fn consumer_woken_for_a_stolen_item_waits_again() {
    // The consumer's second wait starts inside `Queue.get`, not at a new
    // user-code await: the report still names the user's line.
    check_deadlock(
        "stolen.py",
        &[
            ("Task-1", "Task 'consumer'", "await task"),
            ("consumer", "Queue.get()", "await queue.get()"),
        ],
        Duration::from_secs(1),
    );
}

#[test]
fn a_pending_timer_is_not_a_deadlock() {
    let want = std::fs::read_to_string(dir().join("timer_wakes.out")).unwrap();
    for virtual_time in [false, true] {
        let (out, _) = run("timer_wakes.py", virtual_time);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), want);
        assert!(out.stderr.is_empty());
    }
}
