//! The interactive prompt, driven through a real pseudo-terminal.
//!
//! Each test starts `pyco` on a pty (rexpect), waits for the prompt before
//! typing, and reads the screen output with escape sequences stripped.
//! History goes to a file of the test's own.

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every wait gives up after this long (generous: CI machines are slow).
const TIMEOUT_MS: u64 = 30_000;

struct Repl {
    pty: PtySession,
}

/// A history file path private to `test`.
fn history_file(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyco-repl-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("history")
}

impl Repl {
    /// Starts `pyco ARGS` and waits for its first prompt.
    fn start(args: &[&str], history: &Path) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyco"));
        cmd.args(args)
            .env("PYCO_HISTORY_FILE", history)
            .env_remove("PYCO_HISTORY")
            .env_remove("PYCO_VIRTUAL_TIME")
            .env("TERM", "xterm");
        let options = Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true);
        let pty = spawn_with_options(cmd, options).expect("pyco starts on a pty");
        let mut repl = Self { pty };
        repl.expect(">>> import asyncio");
        repl.prompt();
        repl
    }

    /// Waits for `text`; returns what came before it.
    fn expect(&mut self, text: &str) -> String {
        match self.pty.exp_string(text) {
            Ok(before) => before,
            Err(e) => panic!("waiting for {text:?}: {e}"),
        }
    }

    /// Waits for a whole output line equal to `text`.
    fn expect_line(&mut self, text: &str) -> String {
        let pattern = format!(r"(?:^|[\r\n]){}\r?\n", regex_escape(text));
        match self.pty.exp_regex(&pattern) {
            Ok((before, _)) => before,
            Err(e) => panic!("waiting for the line {text:?}: {e}"),
        }
    }

    /// Waits for the primary prompt.
    fn prompt(&mut self) -> String {
        self.expect(">>> ")
    }

    /// Types `text` (no Enter).
    fn typed(&mut self, text: &str) {
        self.pty.send(text).expect("write to the pty");
        self.pty.flush().expect("flush the pty");
    }

    /// Types a line and Enter.
    fn line(&mut self, text: &str) {
        self.typed(text);
        self.typed("\r");
    }

    /// Types a complete one-line input and waits for the prompt after it;
    /// returns the output in between.
    fn run(&mut self, text: &str) -> String {
        self.line(text);
        self.prompt()
    }

    /// Ctrl-`c`.
    fn control(&mut self, c: char) {
        self.pty.send_control(c).expect("send a control key");
    }

    /// Ctrl-D at the prompt; returns the exit status.
    fn exit(mut self) -> i32 {
        self.control('d');
        let _ = self.pty.exp_eof();
        match self.pty.process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!("pyco did not exit normally: {other:?}"),
        }
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn multi_line_def_echo_and_underscore() {
    let history = history_file("def");
    let mut repl = Repl::start(&[], &history);
    repl.line("def add(a, b):");
    repl.expect("... ");
    // The continuation line comes indented; `return` dedents, so the next
    // line is empty and Enter closes the block.
    repl.line("return a + b");
    repl.expect("... ");
    repl.line("");
    repl.prompt();
    repl.line("add(40, 2)");
    repl.expect_line("42");
    repl.prompt();
    repl.line("_ + 1");
    repl.expect_line("43");
    repl.prompt();
    // None is not echoed: the next output line is the marker.
    repl.line("None");
    repl.prompt();
    repl.line("'marker'");
    let between = repl.expect_line("'marker'");
    assert!(
        !between.contains("\nNone\r"),
        "None was echoed: {between:?}"
    );
    repl.prompt();
    // Expression statements inside a block at the top level echo too.
    repl.line("for i in range(2): i * 100");
    repl.line("");
    repl.expect_line("0");
    repl.expect_line("100");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn top_level_await_and_async_for() {
    let history = history_file("await");
    let mut repl = Repl::start(&[], &history);
    repl.run("r = await asyncio.sleep(0.05, result='slept')");
    repl.line("r");
    repl.expect_line("'slept'");
    repl.prompt();
    repl.line("async def agen():");
    repl.line("for i in range(3): yield i");
    repl.line("");
    repl.prompt();
    repl.line("async for x in agen(): print('item', x * 10)");
    repl.line("");
    repl.expect_line("item 20");
    repl.prompt();
    repl.line("class Resource:");
    repl.line("async def __aenter__(self): return 'opened'");
    repl.line("async def __aexit__(self, *exc): print('closed')");
    repl.line("");
    repl.prompt();
    repl.line("async with Resource() as r: print('using', r)");
    repl.line("");
    repl.expect_line("using opened");
    repl.expect_line("closed");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn background_task_prints_while_the_prompt_waits() {
    let history = history_file("background");
    let mut repl = Repl::start(&[], &history);
    repl.line("async def ticker():");
    repl.line("for i in range(6):");
    repl.line("await asyncio.sleep(0.2)");
    repl.line("print('tick', i)");
    repl.line("");
    repl.prompt();
    repl.run("t = asyncio.create_task(ticker(), name='ticker')");
    // Nothing is typed: the task runs on its own while the prompt waits.
    repl.expect_line("tick 1");
    repl.line("len(asyncio.all_tasks())");
    repl.expect_line("1");
    repl.prompt();
    // A half-typed line survives the prints that land above it.
    repl.typed("x = 4");
    repl.expect_line("tick 4");
    repl.line("2");
    repl.prompt();
    repl.line("x");
    repl.expect_line("42");
    repl.prompt();
    repl.line("await t");
    repl.expect_line("tick 5");
    repl.prompt();
    repl.line("t.done(), len(asyncio.all_tasks())");
    repl.expect_line("(True, 0)");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn ctrl_c_cancels_the_input_and_spares_background_tasks() {
    let history = history_file("interrupt");
    let mut repl = Repl::start(&[], &history);
    repl.run("bg = asyncio.create_task(asyncio.sleep(1000), name='bg')");
    repl.line("print('waiting'); await asyncio.sleep(100)");
    repl.expect_line("waiting");
    repl.control('c');
    repl.expect_line("KeyboardInterrupt");
    repl.prompt();
    repl.line("bg.done(), [t.get_name() for t in asyncio.all_tasks()]");
    repl.expect_line("(False, ['bg'])");
    repl.prompt();
    // Code that never awaits is interrupted where it runs.
    repl.line("def spin():");
    repl.line("print('spinning')");
    repl.line("while True: pass");
    repl.line("");
    repl.prompt();
    repl.line("spin()");
    repl.expect_line("spinning");
    repl.control('c');
    repl.expect("in spin");
    repl.expect_line("KeyboardInterrupt");
    repl.prompt();
    // Ctrl-C at the prompt drops the line being typed.
    repl.typed("1 + ");
    repl.control('c');
    repl.expect_line("KeyboardInterrupt");
    repl.prompt();
    repl.line("bg.cancelled()");
    repl.expect_line("False");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn an_exception_then_more_input() {
    let history = history_file("error");
    let mut repl = Repl::start(&[], &history);
    repl.run("x = 6");
    repl.line("1 / 0");
    repl.expect("Traceback (most recent call last):");
    repl.expect("File \"<stdin>\", line 1, in <module>");
    repl.expect_line("ZeroDivisionError: division by zero");
    repl.prompt();
    repl.line("async def fail(): raise ValueError('bad value')");
    repl.line("");
    repl.prompt();
    repl.line("await fail()");
    repl.expect_line("ValueError: bad value");
    repl.prompt();
    repl.line("1 +* 2");
    repl.expect_line("SyntaxError: invalid syntax");
    repl.prompt();
    repl.line("x * 7");
    repl.expect_line("42");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn history_is_recalled_after_a_restart() {
    let history = history_file("history");
    let mut repl = Repl::start(&[], &history);
    repl.run("remembered = 1234");
    assert_eq!(repl.exit(), 0);
    assert!(history.exists(), "no history file at {}", history.display());

    let mut repl = Repl::start(&[], &history);
    repl.typed("\x1b[A"); // Up: the last line of the previous session
    repl.expect("remembered = 1234");
    repl.line("");
    repl.prompt();
    repl.line("remembered + 1");
    repl.expect_line("1235");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn tab_completes_attributes_and_names() {
    let history = history_file("complete");
    let mut repl = Repl::start(&[], &history);
    repl.typed("t = asyncio.cre\t");
    repl.expect("asyncio.create_task(");
    repl.line("asyncio.sleep(0, 'completed'))");
    repl.prompt();
    repl.line("await t");
    repl.expect_line("'completed'");
    repl.prompt();
    repl.run("a_long_variable_name = 5");
    repl.typed("a_long_v\t");
    repl.expect("a_long_variable_name");
    repl.line(" * 2");
    repl.expect_line("10");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn meta_commands_show_tasks_and_move_virtual_time() {
    let history = history_file("meta");
    let mut repl = Repl::start(&["--virtual-time"], &history);
    repl.line("async def worker():");
    repl.line("for i in range(5):");
    repl.line("await asyncio.sleep(1)");
    repl.line("print('step', i)");
    repl.line("");
    repl.prompt();
    repl.run("w = asyncio.create_task(worker(), name='worker')");
    repl.line(":tasks");
    repl.expect("worker worker(): sleeping, wakes in 1.000s, at <stdin>:3");
    repl.prompt();
    repl.line(":advance 2.5");
    repl.expect_line("step 1");
    repl.expect("(virtual clock)");
    repl.prompt();
    repl.line(":time");
    repl.expect("loop.time() = 1002.5");
    repl.prompt();
    repl.line(":help");
    repl.expect(":advance SECS");
    repl.prompt();
    assert_eq!(repl.exit(), 0);
}

#[test]
fn dash_i_runs_the_script_then_prompts_in_its_globals() {
    let history = history_file("inspect");
    let dir = history.parent().expect("a directory").to_path_buf();
    std::fs::create_dir_all(&dir).expect("make the test directory");
    let script = dir.join("script.py");
    std::fs::write(&script, "print('script ran')\nvalue = 99\n").expect("write the script");
    let script = script.to_string_lossy().into_owned();
    let mut repl = Repl::start(&["-i", &script], &history);
    repl.line("value + 1");
    repl.expect_line("100");
    repl.prompt();
    repl.line("exit(3)");
    let _ = repl.pty.exp_eof();
    let status = repl.pty.process().wait().expect("pyco exits");
    assert!(
        matches!(status, WaitStatus::Exited(_, 3)),
        "exit(3) ended with {status:?}"
    );
}
