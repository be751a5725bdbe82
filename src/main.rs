//! The `pyco` command: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use pyco::interp::Vm;
use pyco::run::{StderrSink, StdoutSink, run_main};
use pyco::source::SourceFile;
use std::rc::Rc;

/// Stack for the interpreter thread: Python recursion up to the recursion
/// limit and deeply nested expressions run on it.
const STACK_BYTES: usize = 1 << 30;

/// Runs Python-style asyncio programs with CPython's output and ordering.
#[derive(Parser, Debug)]
#[command(
    name = "pyco",
    version,
    about,
    override_usage = "pyco [OPTIONS] [FILE.py | -c CODE | run FILE.py] [ARGS]..."
)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    command: Option<String>,

    /// Run timers on a virtual clock: sleeps complete instantly, in the
    /// same order and with the same loop.time() deltas.
    #[arg(long, env = "PYCO_VIRTUAL_TIME", value_parser = clap::builder::BoolishValueParser::new(), default_value_t = false)]
    virtual_time: bool,

    /// The script and its arguments (`run` before the script is accepted).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "FILE.py [ARGS]")]
    args: Vec<String>,
}

fn main() {
    let cli = Cli::parse();
    let code = std::thread::Builder::new()
        .name("pyco".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli))
        .expect("spawn the interpreter thread")
        .join()
        .unwrap_or(70);
    std::process::exit(code);
}

fn run(cli: Cli) -> i32 {
    let vm = Vm::new(Rc::new(StdoutSink::new()), Rc::new(StderrSink));
    vm.use_virtual_time(cli.virtual_time);
    if let Some(code) = cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args);
        *vm.argv.borrow_mut() = argv;
        let file = SourceFile::new("<string>", code);
        return run_main(&vm, &file).exit_code();
    }
    let mut args = cli.args;
    if args.first().is_some_and(|a| a == "run") {
        args.remove(0);
    }
    let Some(path) = args.first().cloned() else {
        use std::io::{IsTerminal, Read};
        if std::io::stdin().is_terminal() {
            eprintln!("pyco: the interactive prompt is not available yet; pass a script: pyco FILE.py");
            return 2;
        }
        let mut text = String::new();
        if std::io::stdin().read_to_string(&mut text).is_err() {
            eprintln!("pyco: can't read standard input");
            return 2;
        }
        *vm.argv.borrow_mut() = vec![String::new()];
        let file = SourceFile::new("<stdin>", text);
        return run_main(&vm, &file).exit_code();
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("SyntaxError: Non-UTF-8 code in file {path}");
                return 1;
            }
        },
        Err(e) => {
            let shown = std::path::absolute(&path).map_or(path.clone(), |p| p.display().to_string());
            let errno = e.raw_os_error().unwrap_or(2);
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                std::io::ErrorKind::IsADirectory => "Is a directory".to_string(),
                _ => e.to_string(),
            };
            eprintln!("pyco: can't open file '{shown}': [Errno {errno}] {reason}");
            return 2;
        }
    };
    *vm.argv.borrow_mut() = args;
    let file = SourceFile::new(path, text);
    run_main(&vm, &file).exit_code()
}
