//! [`Builder`]: an interpreter's options and host registrations.
//!
//! ```
//! let interp = pyco::embed::Builder::new().constant("N", 3i64).build();
//! interp.run("assert N == 3").unwrap();
//! ```

use super::Interpreter;
use super::convert::IntoPy;
use super::error::Error;
use super::host::{
    Entry, HostModule, IntoAsyncHostFn, IntoHostFn, async_fn, raw_async_fn, raw_fn, sync_fn,
};
use crate::interp::{OutputSink, Vm};
use crate::limits::Limits;
use crate::run::{StderrSink, StdoutSink};
use crate::value::{Symbol, Value};
use std::future::Future;
use std::rc::Rc;

/// Options for an [`Interpreter`]: output sinks, the clock, `sys.argv`,
/// limits,
/// and what the host provides (functions, constants, modules).
///
/// ```
/// use pyco::embed::Interpreter;
/// use pyco::run::BufferSink;
/// use std::rc::Rc;
/// let out = Rc::new(BufferSink::default());
/// let interp = Interpreter::builder()
///     .stdout(out.clone())
///     .virtual_time(true)
///     .argv(["job.py", "--fast"])
///     .constant("GREETING", "hello")
///     .build();
/// interp.run("import sys\nprint(GREETING, sys.argv)").unwrap();
/// assert_eq!(out.0.borrow().as_str(), "hello ['job.py', '--fast']\n");
/// ```
#[must_use]
pub struct Builder {
    stdout: Option<Rc<dyn OutputSink>>,
    stderr: Option<Rc<dyn OutputSink>>,
    virtual_time: bool,
    limits: Limits,
    argv: Vec<String>,
    globals: Vec<(String, Entry)>,
    modules: Vec<HostModule>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            stdout: None,
            stderr: None,
            virtual_time: false,
            limits: Limits::default(),
            argv: vec![String::new()],
            globals: Vec::new(),
            modules: Vec::new(),
        }
    }
}

impl Builder {
    /// The default options: the process's stdout and stderr, real time,
    /// `sys.argv == ['']`, nothing registered.
    ///
    /// ```
    /// let interp = pyco::embed::Builder::new().build();
    /// interp.run("import sys\nassert sys.argv == ['']").unwrap();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `print` and `sys.stdout` write (default: the process's stdout,
    /// block-buffered unless it is a terminal, flushed after each run and
    /// call).
    ///
    /// ```
    /// use pyco::run::BufferSink;
    /// use std::rc::Rc;
    /// let out = Rc::new(BufferSink::default());
    /// let interp = pyco::embed::Interpreter::builder().stdout(out.clone()).build();
    /// interp.run("print('hi')").unwrap();
    /// assert_eq!(out.0.borrow().as_str(), "hi\n");
    /// ```
    pub fn stdout(mut self, sink: Rc<dyn OutputSink>) -> Self {
        self.stdout = Some(sink);
        self
    }

    /// Where `sys.stderr` and the event loop's reports write (default: the
    /// process's stderr).
    ///
    /// ```
    /// use pyco::run::BufferSink;
    /// use std::rc::Rc;
    /// let err = Rc::new(BufferSink::default());
    /// let interp = pyco::embed::Interpreter::builder().stderr(err.clone()).build();
    /// interp.run("import sys\nprint('oops', file=sys.stderr)").unwrap();
    /// assert_eq!(err.0.borrow().as_str(), "oops\n");
    /// ```
    pub fn stderr(mut self, sink: Rc<dyn OutputSink>) -> Self {
        self.stderr = Some(sink);
        self
    }

    /// Runs timers on a virtual clock: `asyncio.sleep` completes at once,
    /// in the same order and with the same `loop.time()` deltas (like
    /// `pyco --virtual-time`). Host futures still take their real time.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder().virtual_time(true).build();
    /// let started = std::time::Instant::now();
    /// interp.run("import asyncio\nasyncio.run(asyncio.sleep(3600))").unwrap();
    /// assert!(started.elapsed().as_secs() < 60);
    /// ```
    pub fn virtual_time(mut self, on: bool) -> Self {
        self.virtual_time = on;
        self
    }

    /// Limits for untrusted scripts (default: none). Each run and call
    /// counts steps, time, output and memory afresh; exceeding a limit
    /// raises `ResourceError` naming it (recursion depth: `RecursionError`).
    /// The memory limit needs [`crate::memory::CountingAllocator`] as the
    /// host's global allocator.
    ///
    /// ```
    /// use pyco::limits::Limits;
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .limits(Limits { max_steps: Some(10_000), ..Limits::default() })
    ///     .build();
    /// let err = interp.run("while True:\n    pass").unwrap_err();
    /// assert_eq!(err.type_name(), "ResourceError");
    /// assert!(err.message().contains("step limit"));
    /// interp.run("total = sum(range(100))").unwrap();
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// `sys.argv` (default `['']`).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder().argv(["tool", "-v"]).build();
    /// interp.run("import sys\nn = len(sys.argv)").unwrap();
    /// assert_eq!(interp.get::<i64>("n").unwrap(), 2);
    /// ```
    pub fn argv<I, S>(mut self, argv: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.argv = argv.into_iter().map(Into::into).collect();
        self
    }

    /// A global function with typed parameters, visible in every module
    /// like a built-in (see [`IntoHostFn`]).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .function("clamp", |x: i64, lo: i64, hi: i64| Ok(x.clamp(lo, hi)))
    ///     .build();
    /// interp.run("r = clamp(15, 0, 10)").unwrap();
    /// assert_eq!(interp.get::<i64>("r").unwrap(), 10);
    /// ```
    pub fn function<Args>(mut self, name: &str, f: impl IntoHostFn<Args>) -> Self {
        self.globals
            .push((name.into(), Entry::Function(sync_fn(name, f))));
        self
    }

    /// A global function taking its arguments as values.
    ///
    /// ```
    /// use pyco::value::Value;
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .function_raw("first", |args: &[Value]| Ok(args.first().cloned().unwrap_or(Value::None)))
    ///     .build();
    /// interp.run("r = first('a', 'b')").unwrap();
    /// assert_eq!(interp.get::<String>("r").unwrap(), "a");
    /// ```
    pub fn function_raw(
        mut self,
        name: &str,
        f: impl Fn(&[Value]) -> Result<Value, Error> + 'static,
    ) -> Self {
        self.globals
            .push((name.into(), Entry::Function(raw_fn(name, f))));
        self
    }

    /// A global asynchronous function with typed parameters (see
    /// [`IntoAsyncHostFn`]).
    ///
    /// ```
    /// use pyco::embed::Error;
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .async_function("later", |x: i64| async move { Ok::<_, Error>(x + 1) })
    ///     .build();
    /// interp.run("import asyncio\nr = asyncio.run(later(1))").unwrap();
    /// assert_eq!(interp.get::<i64>("r").unwrap(), 2);
    /// ```
    pub fn async_function<Args>(mut self, name: &str, f: impl IntoAsyncHostFn<Args>) -> Self {
        self.globals
            .push((name.into(), Entry::Function(async_fn(name, f))));
        self
    }

    /// A global asynchronous function taking its arguments as values.
    ///
    /// ```
    /// use pyco::value::Value;
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .async_function_raw("count", |args: Vec<Value>| async move { Ok(Value::Int(args.len() as i64)) })
    ///     .build();
    /// interp.run("import asyncio\nr = asyncio.run(count(1, 2))").unwrap();
    /// assert_eq!(interp.get::<i64>("r").unwrap(), 2);
    /// ```
    pub fn async_function_raw<Fut>(
        mut self,
        name: &str,
        f: impl Fn(Vec<Value>) -> Fut + 'static,
    ) -> Self
    where
        Fut: Future<Output = Result<Value, Error>> + 'static,
    {
        self.globals
            .push((name.into(), Entry::Function(raw_async_fn(name, f))));
        self
    }

    /// A global constant, visible in every module like a built-in.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder()
    ///     .constant("REGIONS", vec!["eu".to_string(), "us".to_string()])
    ///     .build();
    /// interp.run("n = len(REGIONS)").unwrap();
    /// assert_eq!(interp.get::<i64>("n").unwrap(), 2);
    /// ```
    pub fn constant(mut self, name: &str, value: impl IntoPy) -> Self {
        self.globals
            .push((name.into(), Entry::Constant(value.into_py())));
        self
    }

    /// A module scripts can import (see [`HostModule`]).
    ///
    /// ```
    /// use pyco::embed::{HostModule, Interpreter};
    /// let interp = Interpreter::builder()
    ///     .module(HostModule::new("app").constant("VERSION", "1.2"))
    ///     .build();
    /// interp.run("import app\nv = app.VERSION").unwrap();
    /// assert_eq!(interp.get::<String>("v").unwrap(), "1.2");
    /// ```
    pub fn module(mut self, module: HostModule) -> Self {
        self.modules.push(module);
        self
    }

    /// Creates the interpreter.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder().build();
    /// interp.run("x = 1").unwrap();
    /// ```
    #[must_use]
    pub fn build(self) -> Interpreter {
        let stdout = self
            .stdout
            .unwrap_or_else(|| Rc::new(StdoutSink::new()) as Rc<dyn OutputSink>);
        let stderr = self
            .stderr
            .unwrap_or_else(|| Rc::new(StderrSink) as Rc<dyn OutputSink>);
        let vm = Vm::new(stdout, stderr);
        vm.set_limits(self.limits);
        vm.use_virtual_time(self.virtual_time);
        *vm.argv.borrow_mut() = self.argv;
        for (name, entry) in &self.globals {
            vm.builtins.globals.set(Symbol::intern(name), entry.value());
        }
        for module in &self.modules {
            let m = vm.new_module(&module.name, None);
            for (name, entry) in &module.entries {
                m.globals.set(Symbol::intern(name), entry.value());
            }
            vm.modules
                .borrow_mut()
                .insert(module.name.as_str().into(), Value::Module(m));
        }
        Interpreter::from_vm(vm)
    }
}
