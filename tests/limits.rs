//! Limits for untrusted scripts: each hostile script runs under the `pyco`
//! binary with one limit, and must end with exit status 1 and the
//! `ResourceError` (or `RecursionError`) line documented in `src/limits`,
//! promptly and within its limit. Also the sandbox: no module, file or
//! process access.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Runs `pyco FLAGS -c SCRIPT`.
fn pyco(flags: &[&str], script: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(flags)
        .arg("-c")
        .arg(script)
        .output()
        .expect("run pyco")
}

fn last_stderr_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// Asserts exit status 1 and the last stderr line.
fn assert_fails_with(out: &Output, line: &str) {
    assert_eq!(
        last_stderr_line(out),
        line,
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Runs `pyco FLAGS -c SCRIPT` under `/usr/bin/time`, returning its output
/// and its peak resident set size in KiB.
fn pyco_with_peak_rss(flags: &[&str], script: &str) -> (Output, u64) {
    let report = std::env::temp_dir().join(format!(
        "pyco-limits-rss-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(env!("CARGO_BIN_EXE_pyco"))
        .args(flags)
        .arg("-c")
        .arg(script)
        .output()
        .expect("run pyco under /usr/bin/time");
    let text = std::fs::read_to_string(&report).expect("read /usr/bin/time's report");
    let _ = std::fs::remove_file(&report);
    let kib = text
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {text:?}"));
    (out, kib)
}

#[test]
fn a_fork_bomb_of_tasks_hits_the_task_limit() {
    let out = pyco(
        &["--max-tasks", "100"],
        "import asyncio\n\
         async def bomb():\n    \
             while True:\n        \
                 asyncio.create_task(bomb())\n        \
                 await asyncio.sleep(0)\n\
         asyncio.run(bomb())\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: task limit exceeded (max 100 live tasks)",
    );
}

#[test]
fn finished_tasks_do_not_count_against_the_task_limit() {
    let out = pyco(
        &["--max-tasks", "10"],
        "import asyncio\n\
         async def work(i):\n    \
             await asyncio.sleep(0)\n    \
             return i\n\
         async def main():\n    \
             total = 0\n    \
             for _ in range(100):\n        \
                 total += sum(await asyncio.gather(*(work(i) for i in range(5))))\n    \
             print(total)\n\
         asyncio.run(main())\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1000\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn infinite_recursion_hits_the_depth_limit_which_the_script_cannot_raise() {
    let out = pyco(
        &["--max-depth", "200"],
        "import sys\n\
         sys.setrecursionlimit(100000)\n\
         print(sys.getrecursionlimit())\n\
         def f(n):\n    \
             return f(n + 1)\n\
         f(0)\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "200\n");
    assert_fails_with(&out, "RecursionError: maximum recursion depth exceeded");
}

#[test]
fn a_billion_iteration_loop_hits_the_step_limit() {
    let start = Instant::now();
    let out = pyco(
        &["--max-steps", "1000000"],
        "total = 0\nfor i in range(10**9):\n    total += i\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: step limit exceeded (max 1000000 steps)",
    );
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn the_step_limit_counts_loop_iterations_and_calls_exactly() {
    // 10 `while` iterations, 10 calls, the 11th loop test: 21 steps.
    let script = "def f():\n    pass\ni = 0\nwhile i < 10:\n    f()\n    i += 1\nprint('done')\n";
    let out = pyco(&["--max-steps", "21"], script);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    assert_eq!(out.status.code(), Some(0));
    let out = pyco(&["--max-steps", "20"], script);
    assert_fails_with(&out, "ResourceError: step limit exceeded (max 20 steps)");
}

#[test]
fn a_caught_limit_is_raised_again_at_the_next_step() {
    let out = pyco(
        &["--max-steps", "100000"],
        "while True:\n    \
             try:\n        \
                 while True:\n            \
                     pass\n    \
             except Exception as e:\n        \
                 print('caught:', e)\n",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "caught: step limit exceeded (max 100000 steps)\n"
    );
    assert_fails_with(
        &out,
        "ResourceError: step limit exceeded (max 100000 steps)",
    );
}

#[test]
fn a_caught_limit_ends_the_event_loop_when_the_script_waits() {
    let start = Instant::now();
    let out = pyco(
        &["--max-steps", "10000"],
        "import asyncio\n\
         async def main():\n    \
             try:\n        \
                 while True:\n            \
                     pass\n    \
             except BaseException as e:\n        \
                 print('caught:', e)\n    \
             await asyncio.sleep(3600)\n    \
             print('slept')\n\
         asyncio.run(main())\n",
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "caught: step limit exceeded (max 10000 steps)\n"
    );
    assert_fails_with(&out, "ResourceError: step limit exceeded (max 10000 steps)");
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_bare_except_in_a_loop_cannot_swallow_a_limit() {
    let out = pyco(
        &["--timeout", "300ms"],
        "while True:\n    try:\n        x = 1\n    except:\n        pass\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: time limit exceeded (max 300ms of wall-clock time)",
    );
}

#[test]
fn a_billion_iteration_loop_hits_the_timeout() {
    let start = Instant::now();
    let out = pyco(
        &["--timeout", "500ms"],
        "total = 0\nfor i in range(10**9):\n    total += i\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: time limit exceeded (max 500ms of wall-clock time)",
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_busy_loop_hits_the_timeout() {
    let start = Instant::now();
    let out = pyco(&["--timeout", "300ms"], "while True:\n    pass\n");
    assert_fails_with(
        &out,
        "ResourceError: time limit exceeded (max 300ms of wall-clock time)",
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn sleeping_past_the_timeout_ends_the_run() {
    let start = Instant::now();
    let out = pyco(
        &["--timeout", "300ms"],
        "import asyncio\nasyncio.run(asyncio.sleep(3600))\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: time limit exceeded (max 300ms of wall-clock time)",
    );
    let out = pyco(&["--timeout", "300ms"], "import time\ntime.sleep(3600)\n");
    assert_fails_with(
        &out,
        "ResourceError: time limit exceeded (max 300ms of wall-clock time)",
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn the_virtual_clock_stops_at_its_horizon() {
    let out = pyco(
        &["--virtual-time", "--max-virtual-time", "1h"],
        "import asyncio\n\
         async def main():\n    \
             await asyncio.sleep(3000)\n    \
             print('50 minutes')\n    \
             await asyncio.sleep(3000)\n    \
             print('100 minutes')\n\
         asyncio.run(main())\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "50 minutes\n");
    assert_fails_with(
        &out,
        "ResourceError: virtual time limit exceeded (max 1h of loop time)",
    );
}

/// The peak RSS of a script that does nothing: the interpreter's own
/// footprint (code, allocator arenas, tokio), which the memory limit does
/// not count.
fn idle_peak_rss_kib() -> u64 {
    let (out, kib) = pyco_with_peak_rss(&[], "pass\n");
    assert_eq!(out.status.code(), Some(0));
    kib
}

#[test]
fn a_sleep_of_a_billion_seconds_hits_the_virtual_time_horizon() {
    let start = Instant::now();
    let out = pyco(
        &["--virtual-time", "--max-virtual-time", "1h"],
        "import asyncio\nasyncio.run(asyncio.sleep(10**9))\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: virtual time limit exceeded (max 1h of loop time)",
    );
    let out = pyco(
        &["--virtual-time", "--max-virtual-time", "1h"],
        "import time\ntime.sleep(10**9)\n",
    );
    assert_fails_with(
        &out,
        "ResourceError: virtual time limit exceeded (max 1h of loop time)",
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn infinite_recursion_is_a_recursion_error_by_default() {
    let out = pyco(&[], "def f():\n    return f()\nf()\n");
    assert_fails_with(&out, "RecursionError: maximum recursion depth exceeded");
    let out = pyco(
        &["--max-depth", "50"],
        "import asyncio\n\
         async def f(n):\n    \
             return await f(n + 1)\n\
         asyncio.run(f(0))\n",
    );
    assert_fails_with(&out, "RecursionError: maximum recursion depth exceeded");
}

#[test]
fn doubling_structures_hit_the_memory_limit_and_stay_within_it() {
    let limit_kib: u64 = 64 << 10;
    // The limit counts bytes held by values; the allocator's free lists and
    // partly used pages come on top (a quarter of the limit at most).
    let allowed_kib = idle_peak_rss_kib() + limit_kib * 5 / 4;
    let flags = ["--max-memory", "64MiB"];
    let line = "ResourceError: memory limit exceeded (max 64MiB)";
    for script in [
        "x = []\nwhile True:\n    x = [x, x]\n",
        "x = ['ab']\nwhile True:\n    x.append(x * 2)\n",
        "x = [1]\nwhile True:\n    x.append(x * 2)\n",
        "x = 'ab'\nwhile True:\n    x = x + x\n",
        "x = 'ab'\nwhile True:\n    x += x\n",
        "x = 'ab'\nwhile True:\n    x = f'{x}{x}'\n",
        "x = [0]\nwhile True:\n    x.extend(x)\n",
        "x = [0]\nwhile True:\n    x += x\n",
        "d = {}\ni = 0\nwhile True:\n    d[i] = str(i) * 10\n    i += 1\n",
        "x = 'a' * 10**12\n",
        "x = [None] * 10**10\n",
        "x = 'ab'\nwhile True:\n    x = x.center(len(x) * 2)\n",
        "x = ['ab']\nwhile True:\n    x = ' '.join(x + x).split()\n",
        "x = 1\nl = []\nwhile True:\n    x = x * 3\n    l.append(x)\n",
        "x = 'ab ' * 1000\nwhile True:\n    x = ' '.join(x.split() * 2)\n",
        "x = ['a' * 10**6]\nwhile True:\n    x.append(x[-1].upper())\n",
        "x = 'a' * 40_000_000\ny = repr(x)\n",
        "x = 'a' * 40_000_000\ny = f'{x}{x}'\n",
        "x = 'a' * 40_000_000\ny = '{}{}'.format(x, x)\n",
        "x = 'a' * 40_000_000\ny = '%s%s' % (x, x)\n",
        "x = ['a' * 1000] * 80_000\ny = str(x)\n",
        "x = ' ' * 40_000_000\ny = x.split(' ')\n",
    ] {
        let start = Instant::now();
        let (out, peak_kib) = pyco_with_peak_rss(&flags, script);
        assert_fails_with(&out, line);
        assert!(
            peak_kib < allowed_kib,
            "peak RSS {peak_kib} KiB (allowed {allowed_kib}) for a {limit_kib} KiB limit running {script:?}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{script:?} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn a_gigantic_string_without_a_limit_is_a_memory_error() {
    let out = pyco(&[], "x = 'a' * 10**12\n");
    assert_fails_with(&out, "MemoryError");
}

#[test]
fn endless_printing_hits_the_output_limit() {
    let out = pyco(
        &["--max-output", "1KB"],
        "import sys\nwhile True:\n    print('spam ' * 7)\n    sys.stderr.write('eggs\\n')\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("spam spam "));
    assert_fails_with(
        &out,
        "ResourceError: output limit exceeded (max 1KB of output)",
    );
    // Script output (stdout and stderr together) stops at exactly 1000 bytes;
    // only the traceback follows.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let script_err = stderr.split("Traceback").next().unwrap_or_default();
    assert_eq!(out.stdout.len() + script_err.len(), 1000);
}

#[test]
fn limits_are_off_by_default_and_do_not_change_results() {
    let out = pyco(
        &[
            "--max-tasks",
            "1000",
            "--max-steps",
            "100000000",
            "--timeout",
            "1m",
            "--max-memory",
            "1GB",
            "--max-output",
            "10MB",
        ],
        "print(sum(i * i for i in range(100000)))\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "333328333350000\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bad_limit_values_are_usage_errors() {
    for flags in [["--max-memory", "12 parsecs"], ["--timeout", "soon"]] {
        let out = pyco(&flags, "pass\n");
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("invalid"));
    }
}

#[test]
fn scripts_cannot_import_system_modules() {
    for (script, line) in [
        ("import os\n", "ModuleNotFoundError: No module named 'os'"),
        (
            "import subprocess\n",
            "ModuleNotFoundError: No module named 'subprocess'",
        ),
        (
            "__import__('socket')\n",
            "ModuleNotFoundError: No module named 'socket'",
        ),
        (
            "from os import path\n",
            "ModuleNotFoundError: No module named 'os'",
        ),
        (
            "import os.path\n",
            "ModuleNotFoundError: No module named 'os'",
        ),
        (
            "import ctypes\n",
            "ModuleNotFoundError: No module named 'ctypes'",
        ),
        (
            "import importlib\n",
            "ModuleNotFoundError: No module named 'importlib'",
        ),
        (
            "import shutil\n",
            "ModuleNotFoundError: No module named 'shutil'",
        ),
        (
            "import weather\n",
            "ModuleNotFoundError: No module named 'weather'",
        ),
        (
            "import sys.os\n",
            "ModuleNotFoundError: No module named 'sys.os'; 'sys' is not a package",
        ),
    ] {
        assert_fails_with(&pyco(&[], script), line);
    }
}

#[test]
fn scripts_cannot_open_files() {
    let line = "PermissionError: pyco scripts have no file access unless the host provides it";
    assert_fails_with(&pyco(&[], "open('/etc/passwd')\n"), line);
    let probe = std::env::temp_dir().join(format!("pyco-sandbox-probe-{}", std::process::id()));
    let script = format!(
        "open({:?}, 'w').write('escaped')\n",
        probe.display().to_string()
    );
    assert_fails_with(&pyco(&[], &script), line);
    assert!(!probe.exists());
    // Caught, it is an ordinary OSError.
    let out = pyco(
        &[],
        "try:\n    open('x')\nexcept OSError as e:\n    print(type(e).__name__)\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "PermissionError\n");
}
