//! `--explore N` and `--schedule-seed S`: a race-free script prints one
//! output under every schedule, racy scripts print several with seeds that
//! replay them, and what asyncio guarantees is never reordered. (That the
//! default run keeps CPython's order is checked by the golden tests, which
//! run these scripts too.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> PathBuf {
    root().join(name)
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn pyco(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(args)
        .current_dir(root())
        .env_remove("PYCO_VIRTUAL_TIME")
        .stdin(Stdio::null())
        .output()
        .expect("run pyco");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// The number in `... (N distinct schedules)`.
fn schedules(report: &str) -> usize {
    let at = report.find(" distinct schedule").expect("schedule count");
    let start = report[..at].rfind('(').expect("opening parenthesis") + 1;
    report[start..at].parse().expect("a number")
}

/// The seeds of every `replay:` line, in report order.
fn replay_seeds(report: &str) -> Vec<u64> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("replay: pyco --schedule-seed "))
        .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
        .collect()
}

/// The lines a report's diffs mark as added (`+`) and removed (`-`).
fn diff_lines(report: &str) -> (Vec<&str>, Vec<&str>) {
    let body = report
        .lines()
        .filter(|l| !l.starts_with("+++ ") && !l.starts_with("--- "));
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for line in body {
        if let Some(l) = line.strip_prefix('+') {
            added.push(l);
        } else if let Some(l) = line.strip_prefix('-') {
            removed.push(l);
        }
    }
    (added, removed)
}

#[test]
fn a_race_free_script_prints_one_output_under_every_schedule() {
    let run = pyco(&["--explore", "30", "scripts/race_explore_locked.py"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with(
        "explore: scripts/race_explore_locked.py, 30 runs under virtual time\n\
         run 0: the default order (CPython's); runs 1-29: schedule seeds 1-29 ("
    ));
    assert!(
        run.stdout
            .ends_with("1 distinct output in 30 runs: every schedule printed the same\n"),
        "{}",
        run.stdout
    );
    // The runs did follow different schedules.
    assert!(schedules(&run.stdout) > 1, "{}", run.stdout);
    assert!(!run.stdout.contains("replay:"));
}

#[test]
fn a_racy_script_prints_several_outputs_with_seeds_and_diffs() {
    let run = pyco(&["--explore", "30", "scripts/race_explore.py"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let report = &run.stdout;
    assert!(
        report.contains("\noutput 1, the default order: "),
        "{report}"
    );
    assert!(report.contains("\noutput 2: "), "{report}");
    assert!(
        report.ends_with("2 distinct outputs in 30 runs: the output depends on the schedule\n"),
        "{report}"
    );
    let seeds = replay_seeds(report);
    assert_eq!(seeds.len(), 1, "{report}");
    assert!(report.contains(&format!(
        "replay: pyco --schedule-seed {} scripts/race_explore.py\n--- default order\n+++ schedule seed {}\n",
        seeds[0], seeds[0]
    )));
    let (added, removed) = diff_lines(report);
    assert_eq!(added, ["bob: booked, -1 left", "seats at the end: -1"]);
    assert_eq!(removed, ["bob: sold out", "seats at the end: 0"]);
}

#[test]
fn a_reported_seed_replays_its_output() {
    let report = pyco(&["--explore", "30", "scripts/race_explore.py"]).stdout;
    let seed = replay_seeds(&report)[0].to_string();
    let replay = pyco(&["--schedule-seed", &seed, "scripts/race_explore.py"]);
    assert_eq!(replay.code, 0, "{}", replay.stderr);
    assert_eq!(
        replay.stdout,
        "alice: booked, 0 left\nbob: booked, -1 left\nseats at the end: -1\n"
    );
    // The same seed gives the same run every time.
    let again = pyco(&["--schedule-seed", &seed, "scripts/race_explore.py"]);
    assert_eq!(again.stdout, replay.stdout);
    // A seed listed under the default order's output replays that output.
    let default_line = report
        .lines()
        .find(|l| l.starts_with("output 1, the default order:"))
        .unwrap();
    let first_default_seed = default_line
        .split("seeds ")
        .nth(1)
        .and_then(|s| s.split([' ', ')']).next())
        .unwrap();
    let same = pyco(&[
        "--schedule-seed",
        first_default_seed,
        "scripts/race_explore.py",
    ]);
    let want = std::fs::read_to_string(script("scripts/race_explore.out")).unwrap();
    assert_eq!(same.stdout, want);
}

#[test]
fn an_exploration_is_reproducible_and_seed_picks_the_schedules() {
    let a = pyco(&["--explore", "12", "--seed", "40", "scripts/race_explore.py"]);
    let b = pyco(&["--explore", "12", "--seed", "40", "scripts/race_explore.py"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(
        a.stdout
            .contains("run 0: the default order (CPython's); runs 1-11: schedule seeds 40-50 ("),
        "{}",
        a.stdout
    );
    for seed in replay_seeds(&a.stdout) {
        assert!((40..=50).contains(&seed));
    }
    let two = pyco(&["--explore", "2", "--seed", "9", "scripts/race_explore.py"]);
    assert!(
        two.stdout.contains("run 1: schedule seed 9 ("),
        "{}",
        two.stdout
    );
}

#[test]
fn what_asyncio_guarantees_is_never_reordered() {
    // call_soon order from one step, a woken waiter before the task that
    // woke it, and distinct timer deadlines.
    let run = pyco(&["--explore", "40", "tests/explore/guarantees.py"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("1 distinct output in 40 runs: every schedule printed the same\n")
    );
    assert!(schedules(&run.stdout) > 1, "{}", run.stdout);
    // Each explored schedule still prints what CPython prints.
    let want = std::fs::read_to_string(script("tests/explore/guarantees.out")).unwrap();
    let replay = pyco(&["--schedule-seed", "3", "tests/explore/guarantees.py"]);
    assert_eq!(replay.stdout, want);
}

#[test]
fn timer_ties_are_shuffled() {
    let run = pyco(&["--explore", "40", "tests/explore/timer_ties.py"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let (added, _) = diff_lines(&run.stdout);
    // Both the exact tie (x, y) and the equal sleeps (a, b, c) move.
    assert!(added.contains(&"x"), "{}", run.stdout);
    assert!(
        added.iter().any(|l| l.starts_with("woke")),
        "{}",
        run.stdout
    );
    // Every schedule still prints all five lines, each once.
    for seed in replay_seeds(&run.stdout) {
        let replay = pyco(&[
            "--schedule-seed",
            &seed.to_string(),
            "tests/explore/timer_ties.py",
        ]);
        let mut lines: Vec<&str> = replay.stdout.lines().collect();
        lines.sort_unstable();
        assert_eq!(lines, ["woke a", "woke b", "woke c", "x", "y"]);
    }
}

#[test]
fn differences_in_stderr_and_exit_status_are_reported() {
    let run = pyco(&["--explore", "30", "tests/explore/crash_race.py"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = &run.stdout;
    let seed = replay_seeds(report)[0];
    assert!(report.contains(&format!(
        "--- default order\n+++ schedule seed {seed}\n@@\n-got parcel\n"
    )));
    assert!(report.contains(&format!(
        "--- default order (stderr)\n+++ schedule seed {seed} (stderr)\n"
    )));
    assert!(report.contains("+IndexError: pop from empty list\n"));
    assert!(report.contains("exit status 1 (default order: 0)\n"));
    let replay = pyco(&[
        "--schedule-seed",
        &seed.to_string(),
        "tests/explore/crash_race.py",
    ]);
    assert_eq!(replay.code, 1);
    assert!(replay.stderr.ends_with("IndexError: pop from empty list\n"));
}

#[test]
fn programs_from_c_and_stdin_are_explored_too() {
    let code = "import asyncio, sys\nasync def main(): print(sys.argv)\nasyncio.run(main())";
    let run = pyco(&["--explore", "3", "-c", code, "x y"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with(
        "explore: -c 'import asyncio, sys\nasync def main(): print(sys.argv)\nasyncio.run(main())' 'x y', 3 runs"
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(["--explore", "20"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let source = std::fs::read(script("scripts/race_explore.py")).unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &source).unwrap();
    let out = child.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.starts_with("explore: < PROGRAM.py, 20 runs"),
        "{report}"
    );
    assert!(report.contains("replay: pyco --schedule-seed "), "{report}");
}

#[test]
fn real_time_exploration_runs_on_the_real_clock() {
    let code = "import asyncio\nasyncio.run(asyncio.sleep(0.3))\nprint('slept')";
    let start = std::time::Instant::now();
    let run = pyco(&["--explore", "2", "--real-time", "-c", code]);
    assert!(start.elapsed() >= std::time::Duration::from_millis(300));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(", 2 runs under real time\n"),
        "{}",
        run.stdout
    );
    let start = std::time::Instant::now();
    let replay = pyco(&["--schedule-seed", "1", "--real-time", "-c", code]);
    assert!(start.elapsed() >= std::time::Duration::from_millis(300));
    assert_eq!(replay.stdout, "slept\n");
}

#[test]
fn misused_flags_are_usage_errors() {
    for args in [
        &["--explore", "3", "--trace", "scripts/race_explore.py"][..],
        &[
            "--explore",
            "3",
            "--timeline",
            "t.svg",
            "scripts/race_explore.py",
        ],
        &[
            "--explore",
            "3",
            "--schedule-seed",
            "1",
            "scripts/race_explore.py",
        ],
        &["--explore", "0", "scripts/race_explore.py"],
        &["--seed", "3", "scripts/race_explore.py"],
        &["--real-time", "scripts/race_explore.py"],
    ] {
        let run = pyco(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let missing = pyco(&["--explore", "3", "no_such_script.py"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("can't open file"),
        "{}",
        missing.stderr
    );
}

#[test]
fn the_default_run_of_each_fixture_prints_what_cpython_printed() {
    for name in ["guarantees", "crash_race", "timer_ties"] {
        let path = format!("tests/explore/{name}.py");
        let want = std::fs::read_to_string(script(&format!("tests/explore/{name}.out"))).unwrap();
        for clock in [&["--virtual-time"][..], &[]] {
            let run = pyco(&[clock, &[path.as_str()]].concat());
            assert_eq!(run.code, 0, "{path}: {}", run.stderr);
            assert_eq!(run.stdout, want, "{path} {clock:?}");
        }
    }
}
