//! The `pyco` command: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use pyco::interp::Vm;
use pyco::limits::Limits;
use pyco::limits::units::{parse_duration, parse_size};
use pyco::run::{StderrSink, StdoutSink, run_main};
use pyco::runtime::trace::TraceMode;
use pyco::source::SourceFile;
use std::rc::Rc;

/// The global allocator: the system allocator, counting the interpreter
/// thread's heap bytes for `--max-memory`. (Counting on top of mimalloc
/// broke the memory limit's bound on the process: mimalloc keeps freed
/// large blocks, and `x += x` under a 64 MB limit peaked at 150 MB.)
#[global_allocator]
static ALLOCATOR: pyco::memory::CountingAllocator = pyco::memory::CountingAllocator;

/// Stack for the interpreter thread: Python recursion up to the recursion
/// limit and deeply nested expressions run on it.
const STACK_BYTES: usize = 1 << 30;

/// Runs Python-style asyncio programs with CPython's output and ordering.
#[derive(Parser, Debug)]
#[command(
    name = "pyco",
    version,
    about,
    override_usage = "pyco [OPTIONS] [-i] [FILE.py | -c CODE | run FILE.py] [ARGS]...",
    after_help = "A script past a limit gets ResourceError naming it (RecursionError for \
                  --max-depth) and exits with status 1; catching it does not help, the \
                  next loop iteration or call raises it again. Scripts have no file, \
                  network, process or environment access."
)]
struct Cli {
    /// Open the interactive prompt after running the script or command
    /// (with neither, open it even when standard input is not a terminal).
    #[arg(short = 'i')]
    inspect: bool,

    /// Keep no history of the interactive prompt (also PYCO_HISTORY=0).
    #[arg(long)]
    no_history: bool,

    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    command: Option<String>,

    /// Run timers on a virtual clock: sleeps complete instantly, in the
    /// same order and with the same loop.time() deltas.
    #[arg(long, env = "PYCO_VIRTUAL_TIME", value_parser = clap::builder::BoolishValueParser::new(), default_value_t = false)]
    virtual_time: bool,

    /// Print one line per scheduling event on stderr (`--trace=json`: one
    /// JSON object per line).
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, require_equals = true, default_missing_value = "text", value_parser = ["text", "json"])]
    trace: Option<String>,

    /// Write a picture of the run: `.svg` for an image, `.json` for Chrome's
    /// trace-event format (Perfetto, chrome://tracing).
    #[arg(long, value_name = "FILE")]
    timeline: Option<std::path::PathBuf>,

    /// Most tasks alive at once; creating one more raises ResourceError.
    #[arg(long, value_name = "N", help_heading = "Limits")]
    max_tasks: Option<usize>,

    /// Recursion limit (RecursionError past it); also the most that
    /// sys.setrecursionlimit may set.
    #[arg(long, value_name = "N", help_heading = "Limits")]
    max_depth: Option<usize>,

    /// Most steps (loop iterations plus function calls).
    #[arg(long, value_name = "N", help_heading = "Limits")]
    max_steps: Option<u64>,

    /// Wall-clock time limit, e.g. 10s, 500ms, 2m.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, help_heading = "Limits")]
    timeout: Option<std::time::Duration>,

    /// How far the virtual clock may move under --virtual-time, e.g. 1h.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, help_heading = "Limits")]
    max_virtual_time: Option<std::time::Duration>,

    /// Most heap memory the script may hold, e.g. 512MB, 64MiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    max_memory: Option<u64>,

    /// Most bytes the script may write to stdout and stderr, e.g. 10MB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Limits")]
    max_output: Option<u64>,

    /// The script and its arguments (`run` before the script is accepted).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE.py [ARGS]"
    )]
    args: Vec<String>,
}

fn main() {
    let cli = Cli::parse();
    if cli.command.is_none() && cli.args.first().is_some_and(|a| a == "test") {
        std::process::exit(test_command(&cli.args[1..]));
    }
    let code = std::thread::Builder::new()
        .name("pyco".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli))
        .expect("spawn the interpreter thread")
        .join()
        .unwrap_or(70);
    std::process::exit(code);
}

/// `pyco test PATH... [--bless] [--real-time] [--reference CMD] [--jobs N] [--timeout SECS]`.
fn test_command(args: &[String]) -> i32 {
    let mut opts = pyco::testing::TestOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bless" => opts.bless = true,
            "--real-time" => opts.real_time = true,
            "--reference" => opts.reference = it.next().cloned(),
            "--jobs" => opts.jobs = it.next().and_then(|n| n.parse().ok()),
            "--timeout" => {
                opts.timeout = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .map(std::time::Duration::from_secs_f64);
            }
            "-h" | "--help" => {
                println!(
                    "usage: pyco test PATH... [--bless] [--real-time] [--reference CMD] [--jobs N] [--timeout SECS]\n\n\
                     Runs every *.py under PATH and compares stdout with NAME.out and, when\n\
                     NAME.err exists, exit status 1 and the last stderr line with it.\n\
                     Cases run in parallel under virtual time (--real-time to opt out).\n\
                     --bless writes what the scripts printed; --reference CMD compares\n\
                     against (or with --bless, writes from) another interpreter."
                );
                return 0;
            }
            other if other.starts_with("--") => {
                eprintln!("pyco test: unknown option {other}");
                return 2;
            }
            path => opts.paths.push(path.into()),
        }
    }
    if opts.paths.is_empty() {
        eprintln!("pyco test: give at least one file or directory");
        return 2;
    }
    pyco::testing::run_tests(&opts)
}

fn run(cli: Cli) -> i32 {
    let vm = Vm::new(Rc::new(StdoutSink::new()), Rc::new(StderrSink));
    vm.stdin_enabled.set(true);
    vm.set_limits(Limits {
        max_tasks: cli.max_tasks,
        max_depth: cli.max_depth,
        max_steps: cli.max_steps,
        timeout: cli.timeout,
        max_virtual_time: cli.max_virtual_time,
        max_memory: cli.max_memory,
        max_output: cli.max_output,
    });
    vm.use_virtual_time(cli.virtual_time);
    let mode = match cli.trace.as_deref() {
        Some("json") => TraceMode::Json,
        Some(_) => TraceMode::Text,
        None => TraceMode::Off,
    };
    vm.tracer.configure(mode, cli.timeline.is_some());
    let repl = pyco::repl::ReplOptions {
        history: pyco::repl::history_path(cli.no_history),
        virtual_time: cli.virtual_time,
    };
    let interactive = cli.command.is_none()
        && cli.args.iter().all(|a| a == "run")
        && (cli.inspect || std::io::IsTerminal::is_terminal(&std::io::stdin()));
    let code = if interactive {
        pyco::repl::run(&vm, None, &repl)
    } else {
        let code = run_program(&vm, cli.command, cli.args);
        let main = vm.modules.borrow().get("__main__").cloned();
        match main {
            // `-i`: the prompt opens in the program's globals, whatever
            // happened (a missing file is not a program).
            Some(pyco::value::Value::Module(module)) if cli.inspect => {
                Some(pyco::repl::run(&vm, Some(module), &repl))
            }
            _ => None,
        }
        .unwrap_or(code)
    };
    if let Some(path) = &cli.timeline {
        let events = vm.tracer.events();
        let text = if path.extension().is_some_and(|e| e == "json") {
            pyco::timeline::chrome_json(&events)
        } else {
            pyco::timeline::svg(&events)
        };
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("pyco: can't write timeline '{}': {e}", path.display());
            return 2;
        }
    }
    code
}

fn run_program(vm: &Rc<Vm>, command: Option<String>, args: Vec<String>) -> i32 {
    if let Some(code) = command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(args);
        *vm.argv.borrow_mut() = argv;
        let file = SourceFile::new("<string>", code);
        return run_main(vm, &file).exit_code();
    }
    let mut args = args;
    if args.first().is_some_and(|a| a == "run") {
        args.remove(0);
    }
    let Some(path) = args.first().cloned() else {
        use std::io::Read;
        let mut text = String::new();
        if std::io::stdin().read_to_string(&mut text).is_err() {
            eprintln!("pyco: can't read standard input");
            return 2;
        }
        *vm.argv.borrow_mut() = vec![String::new()];
        let file = SourceFile::new("<stdin>", text);
        return run_main(vm, &file).exit_code();
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => {
            if let Ok(t) = String::from_utf8(bytes) {
                t
            } else {
                eprintln!("SyntaxError: Non-UTF-8 code in file {path}");
                return 1;
            }
        }
        Err(e) => {
            let shown =
                std::path::absolute(&path).map_or(path.clone(), |p| p.display().to_string());
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
    run_main(vm, &file).exit_code()
}
