//! Whole programs: compile and run arbitrary input as `__main__`.
//!
//! A program may fail in any Python way (a syntax error, an uncaught
//! exception, `sys.exit`), but the interpreter must not panic or crash.
//! The limits are those pyco has today: the recursion limit, and virtual
//! time so that sleeps and timeouts cost nothing. Inputs are capped at
//! [`MAX_INPUT`] bytes, and libFuzzer's `-timeout` catches programs that
//! loop forever (until pyco has a step limit, a `while True: pass` is a
//! timeout to triage, not a finding). Output goes nowhere.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pyco::interp::{OutputSink, Vm};
use pyco::run::run_main;
use pyco::source::SourceFile;
use std::rc::Rc;

/// Programs longer than this are skipped: short programs run fast, and
/// length adds little that the parse target does not already cover.
const MAX_INPUT: usize = 4096;

/// The stack the `pyco` command gives its interpreter thread, so that a
/// stack overflow here is one the command would hit too.
const STACK_BYTES: usize = 1 << 30;

/// Output that goes nowhere.
struct Discard;

impl OutputSink for Discard {
    fn write(&self, _: &str) {}
}

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    static STDIN: std::sync::Once = std::sync::Once::new();
    STDIN.call_once(stdin_from_dev_null);
    let text = text.to_owned();
    std::thread::Builder::new()
        .name("pyco".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(text))
        .expect("spawn the interpreter thread")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
});

fn run(text: String) {
    let vm = Vm::new(Rc::new(Discard), Rc::new(Discard));
    vm.use_virtual_time(true);
    *vm.argv.borrow_mut() = vec!["<fuzz>".to_owned()];
    let file = SourceFile::new("<fuzz>", text);
    let _ = run_main(&vm, &file);
}

/// `input()` reads the process's standard input; make it end of file.
fn stdin_from_dev_null() {
    use std::os::fd::AsRawFd;
    let Ok(null) = std::fs::File::open("/dev/null") else {
        return;
    };
    // SAFETY: dup2 on two open descriptors; fd 0 is replaced atomically
    // and `null` stays owned (and closed) by the File.
    unsafe {
        libc::dup2(null.as_raw_fd(), 0);
    }
}
