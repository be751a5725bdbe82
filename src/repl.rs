//! The interactive prompt: `pyco` on a terminal, `pyco -i FILE.py`.
//!
//! It behaves like `python -m asyncio`: top-level `await`, one event loop
//! for the whole session, tasks that keep running between inputs. Three
//! threads share the work:
//!
//! ```text
//! editor thread (rustyline) ──Request──► interpreter thread (tokio + Loop)
//!        ▲                                   │ stdout, stderr, "ready"
//!        └──────── ready ── printer thread ◄─┘
//! signal thread (SIGINT) ──Request::Interrupt──► interpreter thread
//! ```
//!
//! | module | its one job |
//! | --- | --- |
//! | `editor` | rustyline: prompts, unfinished inputs, history, keys |
//! | `indent` | how far a continuation line is indented |
//! | `session` | the interpreter side: running inputs on the loop |
//! | `echo` | printing expression results (`sys.displayhook`, `_`) |
//! | `complete` | tab completion of names and attributes |
//! | `meta` | `:tasks`, `:time`, `:advance`, `:help` |
//! | `output` | the printer thread and the interpreter's sinks |
//! | `signals` | Ctrl-C while an input runs; the terminal's settings |

mod complete;
mod echo;
mod editor;
mod indent;
mod meta;
mod output;
mod session;
mod signals;

use crate::interp::Vm;
use crate::value::{Module, Value};
use std::path::PathBuf;
use std::rc::Rc;

/// How to run a session.
#[derive(Clone, Debug, Default)]
pub struct ReplOptions {
    /// Where history is kept, or `None` for no history.
    pub history: Option<PathBuf>,
    /// Whether the interpreter runs on the virtual clock (for `:advance`).
    pub virtual_time: bool,
}

/// The history file: `$PYCO_HISTORY_FILE`, else `pyco/history` in the
/// user's data directory (`$XDG_DATA_HOME`, else `~/.local/share`); none
/// with `disabled` (`--no-history`) or `PYCO_HISTORY=0`.
#[must_use]
pub fn history_path(disabled: bool) -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if disabled
        || var("PYCO_HISTORY")
            .is_some_and(|v| matches!(v.to_str(), Some("0" | "false" | "no" | "off")))
    {
        return None;
    }
    if let Some(file) = var("PYCO_HISTORY_FILE") {
        return Some(PathBuf::from(file));
    }
    let data = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".local").join("share")))?;
    Some(data.join("pyco").join("history"))
}

/// The first lines on the screen.
fn banner() -> String {
    format!(
        "pyco {} asyncio REPL (Python 3.11 semantics)\n\
         Use \"await\" directly instead of \"asyncio.run()\".\n\
         Type \":help\" for the REPL's commands, Ctrl-D to exit.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs an interactive session in `module` (a fresh `__main__` when
/// `None`); returns the exit status.
pub fn run(vm: &Rc<Vm>, module: Option<Rc<Module>>, options: &ReplOptions) -> i32 {
    match run_session(vm, module, options) {
        Ok(code) => code,
        Err(e) => {
            vm.write_stderr(&format!("pyco: cannot start the interactive prompt: {e}\n"));
            1
        }
    }
}

fn run_session(
    vm: &Rc<Vm>,
    module: Option<Rc<Module>>,
    options: &ReplOptions,
) -> std::io::Result<i32> {
    let module = module.unwrap_or_else(|| {
        let m = vm.new_module("__main__", None);
        vm.modules
            .borrow_mut()
            .insert("__main__".into(), Value::Module(m.clone()));
        *vm.argv.borrow_mut() = vec![String::new()];
        m
    });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let local = tokio::task::LocalSet::new();
    let terminal = signals::Terminal::save();
    if let Some(dir) = options.history.as_ref().and_then(|p| p.parent()) {
        let _ = std::fs::create_dir_all(dir);
    }
    let (requests, inbox) = tokio::sync::mpsc::unbounded_channel();
    let started = editor::start(options.history.clone(), requests.clone())?;
    let reading = started.reading.clone();
    let finished = started.finished.clone();
    let out = output::Output::spawn(started.printer, started.ready)?;
    vm.stdout.borrow().clone().flush();
    *vm.stdout.borrow_mut() = Rc::new(out.stdout_sink());
    *vm.stderr.borrow_mut() = Rc::new(out.stderr_sink());
    let interrupts = signals::Interrupts::new(vm.interrupt.clone());
    signals::install(interrupts.clone(), requests, terminal.clone())?;

    let lp = crate::modules::asyncio::new_loop(vm);
    let session = session::Session::new(
        vm.clone(),
        lp.clone(),
        module,
        out.clone(),
        finished,
        options.virtual_time,
        interrupts,
    );
    local.spawn_local(session::pump(session.clone(), inbox));
    local.spawn_local(session::watch_lost_exceptions(session.clone()));
    session.soon(|s| {
        s.vm.write_stdout(&banner());
        if s.module
            .globals
            .get(crate::value::Symbol::intern("asyncio"))
            .is_none()
        {
            s.vm.write_stdout(">>> import asyncio\n");
            s.run_input("import asyncio\n".into());
        } else {
            s.input_finished();
        }
    });
    while !session.end.done() {
        lp.run_until_complete(&local, &rt, &session.end);
        if let Some(e) = lp.fatal.borrow_mut().take() {
            session.fatal(&e);
            continue;
        }
        if let Some(report) = lp.deadlocked.borrow_mut().take()
            && !session.deadlocked(&report)
        {
            break;
        }
    }
    vm.stdout.borrow().clone().flush();
    out.drain();
    if let Some(t) = &terminal {
        t.restore();
    }
    if reading.load(std::sync::atomic::Ordering::SeqCst) {
        // The session ended under the prompt (a task called sys.exit()):
        // leave the shell a line of its own.
        println!();
    }
    lp.closed.set(true);
    *vm.event_loop.borrow_mut() = None;
    Ok(session.exit_code())
}
