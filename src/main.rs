//! The `pyco` command: parse arguments, run, map the outcome to an exit code.

use pyco::interp::Vm;
use pyco::run::{StderrSink, StdoutSink, run_main};
use pyco::source::SourceFile;
use std::rc::Rc;

/// Stack for the interpreter thread: deep Python recursion (up to the
/// recursion limit) and deeply nested expressions run on it.
const STACK_BYTES: usize = 1 << 30;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let code = std::thread::Builder::new()
        .name("pyco".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(&args))
        .expect("spawn the interpreter thread")
        .join()
        .unwrap_or(70);
    std::process::exit(code);
}

fn run(args: &[String]) -> i32 {
    let Some(path) = args.get(1) else {
        eprintln!("usage: pyco FILE.py [ARGS...]");
        return 2;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("pyco: can't open file '{path}': [Errno {}] {}", e.raw_os_error().unwrap_or(2), "No such file or directory");
            return 2;
        }
    };
    let vm = Vm::new(Rc::new(StdoutSink::new()), Rc::new(StderrSink));
    *vm.argv.borrow_mut() = args[1..].to_vec();
    let file = SourceFile::new(path.clone(), text);
    run_main(&vm, &file).exit_code()
}
