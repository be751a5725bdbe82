//! `pyco test PATH...` itself: the summary line and exit status, a unified
//! diff for a failing case, virtual time by default (`--real-time` to opt
//! out), `--bless`, and `--reference python3`.
//!
//! The fixtures in `tests/pyco_test/` are blessed with CPython; tests that
//! change them work on a copy in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pyco_test")
}

fn pyco_test(args: &[&str], paths: &[&Path]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg("test")
        .args(args)
        .args(paths)
        .env_remove("PYCO_VIRTUAL_TIME")
        .env_remove("PYTHONHASHSEED")
        .output()
        .unwrap();
    (out, start.elapsed())
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A copy of the fixtures in a fresh temporary folder.
fn copy(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyco-test-cmd-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

fn python3_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn all_pass_under_virtual_time() {
    let (out, took) = pyco_test(&[], &[&fixtures()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "3 passed, 0 failed\n");
    // slow.py sleeps 3 s of loop time.
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn real_time_opt_out_sleeps() {
    let slow = fixtures().join("slow.py");
    let (out, took) = pyco_test(&["--real-time"], &[&slow]);
    assert_eq!(stdout(&out), "1 passed, 0 failed\n");
    assert!(took >= Duration::from_secs(3), "took {took:?}");
}

#[test]
fn a_failure_is_diffed_and_counted() {
    let dir = copy("fail");
    std::fs::write(
        dir.join("greet.out"),
        "hello banana\nhello apple\nhello cherries\nhello elder\nhello date\n",
    )
    .unwrap();
    std::fs::write(dir.join("fails.err"), "ValueError: something else\n").unwrap();
    let (out, _) = pyco_test(&[], &[&dir]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.ends_with("1 passed, 2 failed\n"), "{text}");
    let greet = dir.join("greet");
    assert!(
        text.contains(&format!(
            "FAIL {}.py\n--- {}.out\n+++ {} (pyco)\n@@\n hello banana\n hello apple\n-hello cherries\n+hello cherry\n hello elder\n hello date\n",
            greet.display(),
            greet.display(),
            greet.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("last stderr line \"ValueError: invalid literal for int() with base 10: 'twelve'\", want \"ValueError: something else\""),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bless_writes_what_pyco_printed() {
    let dir = copy("bless");
    for name in ["greet.out", "slow.out", "fails.out", "fails.err"] {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let (out, _) = pyco_test(&[], &[&dir]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).ends_with("0 passed, 3 failed\n"),
        "{}",
        stdout(&out)
    );
    let (out, _) = pyco_test(&["--bless"], &[&dir]);
    assert_eq!(stdout(&out), "3 blessed, 0 failed\n");
    for name in ["greet.out", "slow.out", "fails.out", "fails.err"] {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).unwrap(),
            std::fs::read_to_string(fixtures().join(name)).unwrap(),
            "{name}"
        );
    }
    let (out, _) = pyco_test(&[], &[&dir]);
    assert_eq!(stdout(&out), "3 passed, 0 failed\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reference_interpreter() {
    if !python3_available() {
        println!("note: python3 is not installed; --reference is not checked");
        return;
    }
    // Expected output comes from CPython, not from the (wrong) files.
    let dir = copy("reference");
    std::fs::write(dir.join("greet.out"), "wrong\n").unwrap();
    let (out, _) = pyco_test(&["--reference", "python3"], &[&dir]);
    assert_eq!(stdout(&out), "3 passed, 0 failed\n");
    // Blessing from CPython restores the fixture.
    let (out, _) = pyco_test(&["--bless", "--reference", "python3"], &[&dir]);
    assert_eq!(stdout(&out), "3 blessed, 0 failed\n");
    assert_eq!(
        std::fs::read_to_string(dir.join("greet.out")).unwrap(),
        std::fs::read_to_string(fixtures().join("greet.out")).unwrap()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors() {
    let (out, _) = pyco_test(&[], &[]);
    assert_eq!(out.status.code(), Some(2));
    let (out, _) = pyco_test(&["--frobnicate"], &[&fixtures()]);
    assert_eq!(out.status.code(), Some(2));
    let empty = std::env::temp_dir().join(format!("pyco-test-cmd-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let (out, _) = pyco_test(&[], &[&empty]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&empty);
}
