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
static GLOBAL: pyco::memory::CountingAllocator<mimalloc::MiMalloc> =
    pyco::memory::CountingAllocator(mimalloc::MiMalloc);

/// Under a memory limit, has mimalloc give freed memory back to the system
/// at once and commit its arenas as they fill, so that the process's
/// resident size follows the heap the limit counts (by default, mimalloc
/// keeps freed pages for a second and commits arenas up front).
///
/// The option numbers are those of the bundled mimalloc 3 (`mi_option_e`
/// in its `mimalloc.h`); each is set only if it reads as its default there
/// (`options.c`), so another version's numbering changes nothing.
#[expect(unsafe_code, reason = "mimalloc's options are C functions")]
fn release_memory_eagerly() {
    use std::ffi::{c_int, c_long};
    unsafe extern "C" {
        fn mi_option_get(option: c_int) -> c_long;
        fn mi_option_set(option: c_int, value: c_long);
    }
    const ARENA_EAGER_COMMIT: (c_int, c_long) = (4, 2);
    const PURGE_DELAY: (c_int, c_long) = (15, 1000);
    for ((option, default), value) in [(ARENA_EAGER_COMMIT, 0), (PURGE_DELAY, 0)] {
        // SAFETY: both functions take any option number and may be called
        // at any time from any thread.
        unsafe {
            if mi_option_get(option) == default {
                mi_option_set(option, value);
            }
        }
    }
}

/// Stack for the interpreter thread: Python recursion up to the recursion
/// limit and deeply nested expressions run on it.
const STACK_BYTES: usize = 1 << 30;

/// Runs Python-style asyncio programs with CPython's output and ordering.
// Command-line flags are independent switches, one bool each.
#[allow(clippy::struct_excessive_bools)]
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

    /// Run the program N times, first in the default order (CPython's),
    /// then under N-1 other legal schedules, and report the distinct
    /// outputs; exit status 1 when they differ. Virtual time unless
    /// --real-time.
    #[arg(long, value_name = "N", group = "schedule", value_parser = clap::value_parser!(u32).range(1..), conflicts_with_all = ["trace", "timeline"])]
    explore: Option<u32>,

    /// With --explore: the schedule seed of the first explored run
    /// (default 1; run i uses S+i-1).
    #[arg(long, value_name = "S", requires = "explore")]
    seed: Option<u64>,

    /// Run once under the schedule that --explore reported as seed S.
    /// Virtual time unless --real-time.
    #[arg(long, value_name = "S", group = "schedule")]
    schedule_seed: Option<u64>,

    /// With --explore or --schedule-seed: use the real clock.
    #[arg(long, requires = "schedule")]
    real_time: bool,

    /// With --schedule-seed: write the schedule's fingerprint (hex) to FILE
    /// (how --explore counts distinct schedules).
    #[arg(long, value_name = "FILE", requires = "schedule_seed", hide = true)]
    schedule_fingerprint: Option<std::path::PathBuf>,
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
        .spawn(move || {
            // Less what the thread's start-up used, with room to spare.
            pyco::parser::declare_stack(STACK_BYTES - (1 << 20));
            run(cli)
        })
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
    let interactive = cli.explore.is_none()
        && cli.command.is_none()
        && cli.args.iter().all(|a| a == "run")
        && (cli.inspect || std::io::IsTerminal::is_terminal(&std::io::stdin()));
    // `None`: the interactive prompt, with no program.
    let program = if interactive {
        None
    } else {
        match load_program(cli.command, cli.args) {
            Ok(p) => Some(p),
            Err(code) => return code,
        }
    };
    if let (Some(runs), Some(program)) = (cli.explore, &program) {
        return explore(program, runs as usize, cli.seed, !cli.real_time);
    }
    let vm = Vm::new(Rc::new(StdoutSink::new()), Rc::new(StderrSink));
    if cli.schedule_seed.is_some() {
        vm.use_virtual_time(!cli.real_time);
        vm.use_schedule_seed(cli.schedule_seed);
    } else {
        vm.use_virtual_time(cli.virtual_time);
    }
    vm.stdin_enabled.set(true);
    if cli.max_memory.is_some() {
        release_memory_eagerly();
    }
    vm.set_limits(Limits {
        max_tasks: cli.max_tasks,
        max_depth: cli.max_depth,
        max_steps: cli.max_steps,
        timeout: cli.timeout,
        max_virtual_time: cli.max_virtual_time,
        max_memory: cli.max_memory,
        max_output: cli.max_output,
    });
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
    let code = match program {
        None => pyco::repl::run(&vm, None, &repl),
        Some(program) => {
            *vm.argv.borrow_mut() = program.argv;
            let code = run_main(&vm, &program.file).exit_code();
            let main = vm.modules.borrow().get("__main__").cloned();
            match main {
                // `-i`: the prompt opens in the program's globals, whatever
                // happened.
                Some(pyco::value::Value::Module(module)) if cli.inspect => {
                    Some(pyco::repl::run(&vm, Some(module), &repl))
                }
                _ => None,
            }
            .unwrap_or(code)
        }
    };
    pyco::run::shutdown(&vm);
    if let (Some(path), Some(schedule)) = (&cli.schedule_fingerprint, &*vm.schedule.borrow())
        && let Err(e) = std::fs::write(path, format!("{:016x}\n", schedule.fingerprint()))
    {
        eprintln!("pyco: can't write '{}': {e}", path.display());
        return 2;
    }
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

/// `--explore N`: runs the program in child processes and prints the report.
fn explore(program: &Program, runs: usize, seed: Option<u64>, virtual_time: bool) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("pyco: can't find its own executable to explore with: {e}");
            return 2;
        }
    };
    let child = pyco::explore::Program {
        exe,
        args: program.words.clone(),
        stdin: program.from_stdin.then(|| program.file.text().to_string()),
    };
    let options = pyco::explore::ExploreOptions {
        runs,
        first_seed: seed.unwrap_or(1),
        virtual_time,
        jobs: None,
    };
    match pyco::explore::explore(&child, &options) {
        Ok(report) => {
            print!("{}", report.render());
            report.exit_code()
        }
        Err(e) => {
            eprintln!("pyco: can't run the program to explore it: {e}");
            2
        }
    }
}

/// A program to run: its source, `sys.argv`, and the command-line words
/// that name it (`FILE.py ARGS` or `-c CODE ARGS`).
struct Program {
    file: Rc<SourceFile>,
    argv: Vec<String>,
    words: Vec<String>,
    from_stdin: bool,
}

/// Reads the program from `-c`, a file or standard input; on failure,
/// prints why and gives the exit status.
fn load_program(command: Option<String>, args: Vec<String>) -> Result<Program, i32> {
    if let Some(code) = command {
        let mut words = vec!["-c".to_string(), code.clone()];
        words.extend(args.iter().cloned());
        let mut argv = vec!["-c".to_string()];
        argv.extend(args);
        return Ok(Program {
            file: SourceFile::new("<string>", code),
            argv,
            words,
            from_stdin: false,
        });
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
            return Err(2);
        }
        return Ok(Program {
            file: SourceFile::new("<stdin>", text),
            argv: vec![String::new()],
            words: Vec::new(),
            from_stdin: true,
        });
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => {
            if let Ok(t) = String::from_utf8(bytes) {
                t
            } else {
                eprintln!("SyntaxError: Non-UTF-8 code in file {path}");
                return Err(1);
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
            return Err(2);
        }
    };
    Ok(Program {
        file: SourceFile::new(script_path(&path), text),
        words: args.clone(),
        argv: args,
        from_stdin: false,
    })
}

/// The main script's name for `__file__` and tracebacks: like CPython
/// (3.9+), a relative path is made absolute by prefixing the working
/// directory, without normalising it (`./x.py` gives `/cwd/./x.py`);
/// `sys.argv[0]` keeps the path as given.
fn script_path(path: &str) -> String {
    if std::path::Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}{}{path}", cwd.display(), std::path::MAIN_SEPARATOR),
        Err(_) => path.to_string(),
    }
}
