//! The evaluator: a tree walker over the resolved tree.
//!
//! Code that cannot suspend (known from [`crate::ir`]'s `suspends` flags)
//! runs through the synchronous functions of [`expr`] and [`stmt`]; bodies
//! of generators and coroutines run through [`suspend`], whose async
//! functions box one future per frame and fall back to the synchronous path
//! for every subtree that cannot suspend.
//!
//! | module | job |
//! | --- | --- |
//! | [`frame`] | a running body's slots and cells |
//! | [`expr`], [`stmt`] | synchronous evaluation |
//! | [`suspend`] | evaluation that can suspend (`await`, `yield`) |
//! | [`call`] | calling anything; binding arguments to parameters |
//! | [`attr`] | attribute lookup and assignment |
//! | [`descr`] | user descriptors, `__slots__`, `__getattribute__`/`__delattr__` hooks |
//! | [`ops`] | operators, comparison, truth, hashing |
//! | [`repr`] | `repr()` and `str()` |
//! | [`iter`] | the iteration protocol |
//! | [`errors`] | building exceptions with CPython's wording |
//! | [`class`] | class creation, instances, `super` |
//! | [`containers`] | hashing, dict/set tables, subscripts, membership |
//! | [`exc_group`] | exception groups and `except*` |
//! | [`generator`] | generator, coroutine and async generator objects |
//! | [`finalize`] | work deferred from drops (generator `finally`, warnings) |
//! | [`lazy`] | module globals defined on first use |
//! | [`patterns`] | `match` statements: patterns tried against the subject |
//! | [`frame_builtins`] | `locals()`, `dir()`, `vars()`, `eval`, `exec` |

pub mod attr;
pub mod call;
pub mod class;
pub mod containers;
pub mod descr;
pub mod errors;
pub mod exc_group;
pub mod expr;
pub mod finalize;
pub mod frame;
pub mod frame_builtins;
pub mod generator;
pub mod iter;
pub mod lazy;
pub mod ops;
pub mod patterns;
pub mod repr;
pub mod stmt;
pub mod suspend;

use crate::ir::Code;
use crate::source::SourceFile;
use crate::types::Types;
use crate::value::object::Globals;
use crate::value::{Exc, Module, PyResult, Symbol, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

pub use frame::{Flow, Frame};

/// Where a script's output goes: the process's stdout/stderr in the CLI, a
/// buffer in tests and embedding hosts.
///
/// ```
/// use pyco::interp::OutputSink;
/// use std::cell::RefCell;
/// use std::rc::Rc;
/// /// Keeps each line as it is completed.
/// #[derive(Default)]
/// struct Lines(RefCell<Vec<String>>, RefCell<String>);
/// impl OutputSink for Lines {
///     fn write(&self, text: &str) {
///         let mut partial = self.1.borrow_mut();
///         partial.push_str(text);
///         while let Some(i) = partial.find('\n') {
///             self.0.borrow_mut().push(partial[..i].to_string());
///             partial.replace_range(..=i, "");
///         }
///     }
/// }
/// let lines = Rc::new(Lines::default());
/// let interp = pyco::embed::Interpreter::builder().stdout(lines.clone()).build();
/// interp.run("print('a')\nprint('b', 'c')").unwrap();
/// assert_eq!(*lines.0.borrow(), ["a", "b c"]);
/// ```
pub trait OutputSink {
    /// Writes text.
    fn write(&self, text: &str);
    /// Flushes buffered text.
    fn flush(&self) {}
}

/// Where a task's innermost `await` is, for the deadlock report and trace.
#[derive(Clone, Default)]
pub struct AwaitSite {
    /// The last `await` in user code: its file and byte offset.
    pub user: Option<(Rc<SourceFile>, u32)>,
    /// The asyncio function (`Queue.get`, ...) awaiting inside it, if any.
    pub inner: Option<Rc<str>>,
}

impl AwaitSite {
    /// `file:line` of the user-code await.
    #[must_use]
    pub fn location(&self) -> Option<String> {
        self.user
            .as_ref()
            .map(|(file, pos)| format!("{}:{}", file.name(), file.line_of(*pos)))
    }
}

/// CPython's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// The interpreter: built-in namespace, loaded modules, output sinks and
/// the state of the running program.
pub struct Vm {
    /// The built-in classes.
    pub types: Rc<Types>,
    /// The `builtins` module.
    pub builtins: Rc<Module>,
    /// Loaded modules by name (`sys.modules`).
    pub modules: RefCell<HashMap<Rc<str>, Value>>,
    /// Standard output.
    pub stdout: RefCell<Rc<dyn OutputSink>>,
    /// Standard error.
    pub stderr: RefCell<Rc<dyn OutputSink>>,
    /// Current Python call depth.
    pub depth: Cell<usize>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: Cell<usize>,
    /// Exceptions being handled (innermost last), for bare `raise`.
    pub handling: RefCell<Vec<Exc>>,
    /// `sys.argv`.
    pub argv: RefCell<Vec<String>>,
    /// State that native modules keep per interpreter (random's generator,
    /// asyncio's loop, ...), by module name.
    pub module_state: RefCell<HashMap<&'static str, Rc<dyn std::any::Any>>>,
    /// Containers whose `repr` is in progress (self-reference shows `[...]`).
    pub repr_stack: RefCell<Vec<usize>>,
    /// The clock scripts and event loops see (virtual under `--virtual-time`).
    pub clock: RefCell<Rc<crate::runtime::clock::Clock>>,
    /// Scheduling events for `--trace` and `--timeline`.
    pub tracer: Rc<crate::runtime::trace::Tracer>,
    /// The explored schedule every event loop of this interpreter follows
    /// (`--explore`, `--schedule-seed`); `None` runs CPython's order.
    pub schedule: RefCell<Option<Rc<crate::runtime::shuffle::Shuffle>>>,
    /// Where the innermost pending `await` is: the user-code position, and
    /// the name of the asyncio function awaiting inside it (for reports).
    pub await_site: RefCell<AwaitSite>,
    /// `file:line` of the last call, kept only while tracing.
    pub call_site: RefCell<Option<String>>,
    /// Emptied local-slot vectors, reused by calls.
    pub locals_pool: RefCell<Vec<frame::Locals>>,
    /// The event loop while `asyncio.run` (or the REPL) drives one.
    pub event_loop: RefCell<Option<Rc<crate::runtime::Loop>>>,
    /// Warnings already shown (the default filter shows each location once).
    pub warned: RefCell<std::collections::HashSet<String>>,
    /// Set once the program is over and the interpreter shuts down.
    pub shutting_down: Cell<bool>,
    /// Limits for untrusted scripts and what is left of them.
    pub budget: crate::limits::Budget,
    /// Whether `input()` reads the process's standard input (the CLI) or
    /// sees end of file (embedding hosts).
    pub stdin_enabled: Cell<bool>,
    /// Set once any class defines `__getattribute__`: until then attribute
    /// reads need not look for one.
    pub getattribute_hooked: Cell<bool>,
    /// Set from another thread (the REPL's Ctrl-C handler) to raise
    /// `KeyboardInterrupt` at the next loop iteration of running code, the
    /// way CPython's eval loop checks for pending signals.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    self_ref: Weak<Vm>,
}

impl Vm {
    /// A fresh interpreter writing to the given sinks.
    #[must_use]
    pub fn new(stdout: Rc<dyn OutputSink>, stderr: Rc<dyn OutputSink>) -> Rc<Vm> {
        let types = crate::types::types();
        Rc::new_cyclic(|weak| {
            let vm = Vm {
                types,
                builtins: Rc::new(Module {
                    name: "builtins".into(),
                    globals: Globals::default(),
                    lazy: std::cell::OnceCell::new(),
                }),
                modules: RefCell::new(HashMap::new()),
                stdout: RefCell::new(stdout),
                stderr: RefCell::new(stderr),
                depth: Cell::new(0),
                recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
                handling: RefCell::new(Vec::new()),
                argv: RefCell::new(Vec::new()),
                module_state: RefCell::new(HashMap::new()),
                repr_stack: RefCell::new(Vec::new()),
                clock: RefCell::new(Rc::new(crate::runtime::clock::Clock::new(false))),
                event_loop: RefCell::new(None),
                getattribute_hooked: Cell::new(false),
                locals_pool: RefCell::new(Vec::new()),
                tracer: Rc::new(crate::runtime::trace::Tracer::default()),
                schedule: RefCell::new(None),
                await_site: RefCell::new(AwaitSite::default()),
                call_site: RefCell::new(None),
                warned: RefCell::new(std::collections::HashSet::new()),
                shutting_down: Cell::new(false),
                budget: crate::limits::Budget::default(),
                stdin_enabled: Cell::new(false),
                interrupt: std::sync::Arc::default(),
                self_ref: weak.clone(),
            };
            crate::builtins::install(&vm);
            crate::value::object::set_free_hook(finalize::defer_del);
            vm
        })
    }

    /// One step of the script (a loop iteration or a call): spends one unit
    /// of fuel, and checks the limits when a chunk of fuel is used up.
    #[inline]
    pub fn tick(&self) -> PyResult<()> {
        if crate::limits::spend_fuel() {
            return Ok(());
        }
        self.budget.refuel()
    }

    /// Checks, before building a result of about `bytes` bytes, that it
    /// stays within the memory limit. Results under
    /// [`crate::limits::LARGE_RESULT`] are not looked at: the counting
    /// allocator notices them by the next step.
    #[inline]
    pub fn reserve(&self, bytes: usize) -> PyResult<()> {
        if bytes < crate::limits::LARGE_RESULT {
            return Ok(());
        }
        self.budget.reserve(bytes as u64)
    }

    /// Appends `s` to a string being built, checking the memory limit first
    /// once the string is large.
    #[inline]
    pub fn push_checked(&self, out: &mut String, s: &str) -> PyResult<()> {
        if out.len() + s.len() >= crate::limits::LARGE_RESULT {
            self.budget.reserve(s.len() as u64)?;
        }
        out.push_str(s);
        Ok(())
    }

    /// Applies `limits`: the recursion limit follows `max_depth`, and every
    /// other limit counts from now.
    pub fn set_limits(&self, limits: crate::limits::Limits) {
        if let Some(depth) = limits.max_depth {
            let most = crate::modules::sys::MAX_RECURSION_LIMIT as usize;
            self.recursion_limit.set(depth.clamp(1, most));
        }
        self.clock().set_horizon(limits.max_virtual_time);
        self.budget.set_limits(limits);
    }

    /// Writes script output (`print`, `sys.stdout.write`) to stdout or
    /// stderr, counting it against the output limit.
    pub fn write_script_output(&self, text: &str, to_stderr: bool) -> PyResult<()> {
        let n = self.budget.output(text)?;
        let part = &text[..n];
        if to_stderr {
            self.write_stderr(part);
        } else {
            self.write_stdout(part);
        }
        if n < text.len() {
            return Err(self.budget.output_exceeded());
        }
        Ok(())
    }

    /// A counted handle to this interpreter, for futures that outlive a call.
    #[must_use]
    pub fn rc(&self) -> Rc<Vm> {
        self.self_ref
            .upgrade()
            .expect("the interpreter is alive while it runs")
    }

    /// An empty local-slot vector from the pool.
    #[inline]
    pub fn take_locals(&self) -> frame::Locals {
        self.locals_pool.borrow_mut().pop().unwrap_or_default()
    }

    /// Returns a local-slot vector to the pool (cleared; capacity kept).
    #[inline]
    pub fn give_back_locals(&self, mut locals: frame::Locals) {
        locals.clear();
        let mut pool = self.locals_pool.borrow_mut();
        if pool.len() < 256 && locals.capacity() <= 64 {
            pool.push(locals);
        }
    }

    /// Raises `KeyboardInterrupt` if an interrupt was requested (see
    /// [`Vm::interrupt`]); loops call this once per iteration.
    #[inline]
    pub fn check_interrupt(&self) -> PyResult<()> {
        use std::sync::atomic::Ordering;
        if self.interrupt.load(Ordering::Relaxed) && self.interrupt.swap(false, Ordering::Relaxed) {
            return Err(crate::value::exception::new_exception(
                &self.types.keyboard_interrupt,
                Vec::new(),
            ));
        }
        Ok(())
    }

    /// Switches to the virtual clock (before the program starts).
    pub fn use_virtual_time(&self, on: bool) {
        let clock = crate::runtime::clock::Clock::new(on);
        clock.set_horizon(self.budget.limits().max_virtual_time);
        *self.clock.borrow_mut() = Rc::new(clock);
    }

    /// Runs event loops under the schedule named by `seed` instead of
    /// CPython's order (before the program starts; `None`: CPython's order).
    pub fn use_schedule_seed(&self, seed: Option<u64>) {
        *self.schedule.borrow_mut() = seed.map(crate::runtime::shuffle::Shuffle::new);
    }

    /// The interpreter's clock.
    #[must_use]
    pub fn clock(&self) -> Rc<crate::runtime::clock::Clock> {
        self.clock.borrow().clone()
    }

    /// Writes to standard output.
    pub fn write_stdout(&self, text: &str) {
        let sink = self.stdout.borrow().clone();
        sink.write(text);
    }

    /// Writes to standard error (flushing standard output first, so the two
    /// interleave in program order on a terminal).
    pub fn write_stderr(&self, text: &str) {
        self.stdout.borrow().clone().flush();
        let sink = self.stderr.borrow().clone();
        sink.write(text);
        sink.flush();
    }

    /// Looks `name` up among the builtins.
    #[must_use]
    pub fn builtin(&self, name: Symbol) -> Option<Value> {
        self.builtins.globals.get(name)
    }

    /// Creates a module object named `name`.
    #[must_use]
    pub fn new_module(&self, name: &str, file: Option<&SourceFile>) -> Rc<Module> {
        let module = Rc::new(Module {
            name: name.into(),
            globals: Globals::default(),
            lazy: std::cell::OnceCell::new(),
        });
        module
            .globals
            .set(crate::value::sym::__name__, Value::str(name));
        if let Some(f) = file {
            module
                .globals
                .set(crate::value::sym::__file__, Value::str(f.name()));
        }
        module.globals.set(crate::value::sym::__doc__, Value::None);
        module
    }

    /// Runs compiled module code in `module`'s namespace (synchronously; a
    /// module whose top level awaits must go through [`suspend`]).
    pub fn run_module_code(&self, code: &Rc<Code>, module: &Rc<Module>) -> PyResult<Value> {
        let mut frame = Frame::for_module(code, module);
        let result = self.exec_block(&code.body, &mut frame);
        self.run_finalizers(Some((&code.file, frame.pos)));
        match result {
            Ok(_) => Ok(Value::None),
            Err(e) => {
                frame.record_traceback(&e);
                Err(e)
            }
        }
    }
}
