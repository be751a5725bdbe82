//! Whole programs: compile and run arbitrary input as `__main__`.
//!
//! A program may fail in any Python way (a syntax error, an uncaught
//! exception, `ResourceError` from a limit, `sys.exit`), but the
//! interpreter must not panic or crash. Every program runs under tight
//! [`Limits`] ([`limits`]): steps, wall-clock time, memory (counted by
//! pyco's allocator, installed here as in the `pyco` command), live tasks,
//! virtual time and output. So `while True: pass` or `x = x * 2` forever
//! end in `ResourceError` within a second or two, and a libFuzzer timeout
//! (`-timeout=10`) or out-of-memory stop is a finding: something the
//! limits do not reach. Inputs are capped at [`MAX_INPUT`] bytes. Output
//! goes nowhere.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pyco::interp::{OutputSink, Vm};
use pyco::limits::Limits;
use pyco::run::run_main;
use pyco::source::SourceFile;
use std::rc::Rc;
use std::time::Duration;

/// Counts each thread's heap, so that the memory limit can be kept.
#[global_allocator]
static ALLOCATOR: pyco::memory::CountingAllocator =
    pyco::memory::CountingAllocator(std::alloc::System);

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

/// The limits every fuzzed program runs under: far below libFuzzer's
/// `-timeout` and `-rss_limit_mb`, so that those catch only what the
/// limits miss.
fn limits() -> Limits {
    Limits::default()
        .max_steps(2_000_000)
        .timeout(Duration::from_secs(2))
        .max_memory(256 << 20)
        .max_tasks(1_000)
        .max_virtual_time(Duration::from_secs(3_600))
        .max_output(1 << 20)
}

fn run(text: String) {
    let vm = Vm::new(Rc::new(Discard), Rc::new(Discard));
    vm.use_virtual_time(true);
    vm.set_limits(limits());
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
