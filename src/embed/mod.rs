//! Embedding pyco in a Rust program.
//!
//! An [`Interpreter`] runs scripts with the options of a [`Builder`]:
//! where output goes, real or virtual time, `sys.argv`, limits ([`crate::limits::Limits`]), and what the host
//! provides — functions (synchronous, or asynchronous: Rust futures that
//! scripts `await` like coroutines), constants and importable modules
//! ([`HostModule`]). Values cross the boundary through [`FromPy`] and
//! [`IntoPy`]; errors come back as [`Error`], with the exception's type,
//! message, traceback frames and the text the `pyco` command prints.
//!
//! ```
//! use pyco::embed::{Error, HostModule, Interpreter};
//! use pyco::run::BufferSink;
//! use std::rc::Rc;
//!
//! let out = Rc::new(BufferSink::default());
//! let weather = HostModule::new("weather").async_function("forecast", |city: String| async move {
//!     tokio::time::sleep(std::time::Duration::from_millis(10)).await;
//!     Ok::<_, Error>(format!("sunny in {city}"))
//! });
//! let interp = Interpreter::builder().stdout(out.clone()).module(weather).build();
//! interp.run(r#"
//! import asyncio
//! from weather import forecast
//!
//! async def main():
//!     a, b = await asyncio.gather(forecast("Oslo"), forecast("Lima"))
//!     print(a, "/", b)
//!
//! asyncio.run(main())
//! "#).unwrap();
//! assert_eq!(out.0.borrow().as_str(), "sunny in Oslo / sunny in Lima\n");
//! ```
//!
//! # Where asynchronous host functions run
//!
//! A script's `asyncio.run(...)` drives the event loop on a current-thread
//! tokio runtime with a `LocalSet`; each awaited host future runs there as
//! a tokio task of its own (`spawn_local`). Scripts run by
//! [`Interpreter::run`] get a runtime of pyco's own for that, so `run` must
//! not be called on a thread that is already driving a tokio runtime (the
//! script would get `RuntimeError`). To run on the host's runtime, define an
//! `async def` in the script and await [`Interpreter::call_async`] from the
//! host's current-thread runtime: the loop and every host future then run on
//! it (in a `LocalSet` nested in the caller's task; the runtime needs its
//! time driver for real-time sleeps).
//!
//! # Cancellation
//!
//! When the task awaiting a host future is cancelled (`task.cancel()`,
//! `asyncio.wait_for` timing out, a `TaskGroup` failing), the Rust future
//! is dropped at once and the task sees `CancelledError`, as it would for
//! any awaited coroutine.
//!
//! | module | job |
//! | --- | --- |
//! | [`builder`] | options and registrations |
//! | [`host`] | host functions and modules |
//! | [`convert`] | Rust ⇄ Python values |
//! | [`error`] | structured errors |
//! | `host_future` | awaiting host futures from tasks |

pub mod builder;
pub mod convert;
pub mod error;
pub mod host;
mod host_future;

pub use crate::interp::OutputSink;
pub use builder::Builder;
pub use convert::{ConversionError, FromPy, IntoArgs, IntoPy, type_name};
pub use error::{Error, TracebackFrame};
pub use host::{HostModule, IntoAsyncHostFn, IntoHostFn};

use crate::interp::Vm;
use crate::modules::asyncio;
use crate::source::SourceFile;
use crate::value::{Module, Symbol, Value};
use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

/// A pyco interpreter embedded in a Rust program.
///
/// Scripts share one `__main__` namespace across runs, so a host can run a
/// script that defines functions and then call them. Values are
/// reference-counted, single-threaded handles: an interpreter stays on the
/// thread that built it.
///
/// ```
/// let interp = pyco::embed::Interpreter::new();
/// interp.run("def greet(name):\n    return f'hello {name}'").unwrap();
/// let r = interp.call("greet", ("pyco",)).unwrap();
/// assert_eq!(r.extract::<String>().unwrap(), "hello pyco");
/// ```
#[derive(Clone)]
pub struct Interpreter {
    vm: Rc<Vm>,
    main: Rc<Module>,
    /// Runs and calls in progress (a host function may call back in).
    active: Rc<Cell<usize>>,
}

/// One run or call from the host: the outermost starts the limits'
/// counting afresh and flushes stdout when it ends.
struct Entered<'a>(&'a Interpreter);

impl<'a> Entered<'a> {
    fn new(interp: &'a Interpreter) -> Self {
        if interp.active.get() == 0 {
            interp.vm.budget.start();
        }
        interp.active.set(interp.active.get() + 1);
        Entered(interp)
    }
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        self.0.active.set(self.0.active.get() - 1);
        self.0.flush();
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Self::new()
    }
}

impl Interpreter {
    /// An interpreter with the default options (see [`Builder::new`]).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// assert!(interp.run("assert 2 + 2 == 4").is_ok());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Builder::new().build()
    }

    /// Options for a new interpreter.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::builder().argv(["x"]).build();
    /// interp.run("import sys\nassert sys.argv == ['x']").unwrap();
    /// ```
    pub fn builder() -> Builder {
        Builder::new()
    }

    pub(crate) fn from_vm(vm: Rc<Vm>) -> Self {
        let main = vm.new_module("__main__", None);
        vm.modules
            .borrow_mut()
            .insert("__main__".into(), Value::Module(main.clone()));
        Self {
            vm,
            main,
            active: Rc::new(Cell::new(0)),
        }
    }

    /// The interpreter underneath, for what this API does not cover.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// assert_eq!(interp.vm().recursion_limit.get(), 1000);
    /// ```
    #[must_use]
    pub fn vm(&self) -> &Rc<Vm> {
        &self.vm
    }

    /// Runs `source` as the `__main__` module (file name `<string>`).
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("total = sum(range(10))").unwrap();
    /// assert_eq!(interp.get::<i64>("total").unwrap(), 45);
    /// ```
    pub fn run(&self, source: &str) -> Result<(), Error> {
        self.run_named("<string>", source)
    }

    /// Runs `source` as the `__main__` module, naming it `file_name` in
    /// tracebacks and `__file__`.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// let err = interp.run_named("job.py", "x = 1\nraise ValueError('no')").unwrap_err();
    /// assert_eq!(err.traceback()[0].file, "job.py");
    /// assert_eq!(err.traceback()[0].line, 2);
    /// ```
    pub fn run_named(&self, file_name: &str, source: &str) -> Result<(), Error> {
        let file = SourceFile::new(file_name, source);
        self.main
            .globals
            .set(crate::value::sym::__file__, Value::str(file_name));
        let _entered = Entered::new(self);
        self.run_file_source(&file)
    }

    fn run_file_source(&self, file: &Rc<SourceFile>) -> Result<(), Error> {
        let code = crate::parser::parse_module(file.text()).and_then(|m| {
            crate::resolve::resolve_module(
                &m,
                file.clone(),
                &self.main.globals,
                crate::resolve::ResolveOptions::default(),
            )
        });
        let code = code.map_err(|e| Error::from_syntax(&e, file))?;
        self.vm
            .run_module_code(&code, &self.main)
            .map(|_| ())
            .map_err(|e| Error::from_exc(&self.vm, &e))
    }

    /// Reads and runs a script file as the `__main__` module.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("pyco_embed_run_file_doc.py");
    /// std::fs::write(&path, "answer = 6 * 7\n").unwrap();
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run_file(&path).unwrap();
    /// assert_eq!(interp.get::<i64>("answer").unwrap(), 42);
    /// let err = interp.run_file("/no/such/script.py").unwrap_err();
    /// assert_eq!(err.type_name(), "FileNotFoundError");
    /// ```
    pub fn run_file(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
                Error::new(
                    "SyntaxError",
                    format!("Non-UTF-8 code starting in file {shown}"),
                )
            })?,
            Err(e) => {
                let (name, reason) = match e.kind() {
                    std::io::ErrorKind::NotFound => {
                        ("FileNotFoundError", "No such file or directory".to_string())
                    }
                    std::io::ErrorKind::PermissionDenied => {
                        ("PermissionError", "Permission denied".to_string())
                    }
                    std::io::ErrorKind::IsADirectory => {
                        ("IsADirectoryError", "Is a directory".to_string())
                    }
                    _ => ("OSError", e.to_string()),
                };
                let errno = e.raw_os_error().unwrap_or(2);
                return Err(Error::new(
                    name,
                    format!("[Errno {errno}] {reason}: '{shown}'"),
                ));
            }
        };
        self.run_named(&shown, &text)
    }

    /// A global variable of `__main__`, if it is set.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("name = 'pyco'").unwrap();
    /// assert!(interp.global("name").is_some());
    /// assert!(interp.global("missing").is_none());
    /// ```
    #[must_use]
    pub fn global(&self, name: &str) -> Option<Value> {
        self.main.globals.get(Symbol::intern(name))
    }

    /// A global variable of `__main__` converted to `T`: `NameError` when it
    /// is not set, `TypeError` when it does not convert.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("scores = {'ann': 3, 'bob': 5}").unwrap();
    /// let scores: HashMap<String, i64> = interp.get("scores").unwrap();
    /// assert_eq!(scores["bob"], 5);
    /// let err = interp.get::<String>("scores").unwrap_err();
    /// assert_eq!(err.to_string(), "TypeError: global 'scores': expected str, got dict");
    /// ```
    pub fn get<T: FromPy>(&self, name: &str) -> Result<T, Error> {
        let v = self
            .global(name)
            .ok_or_else(|| Error::new("NameError", format!("name '{name}' is not defined")))?;
        T::from_py(&v).map_err(|e| Error::type_error(format!("global '{name}': {e}")))
    }

    /// Sets a global variable of `__main__`.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.set_global("limit", 3i64);
    /// interp.run("doubled = limit * 2").unwrap();
    /// assert_eq!(interp.get::<i64>("doubled").unwrap(), 6);
    /// ```
    pub fn set_global(&self, name: &str, value: impl IntoPy) {
        self.main.globals.set(Symbol::intern(name), value.into_py());
    }

    /// Calls the global `name` of `__main__` with positional arguments.
    /// Calling an `async def` returns its coroutine object; use
    /// [`Interpreter::call_async`] to run it.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("def area(w, h):\n    return w * h").unwrap();
    /// assert_eq!(interp.call("area", (3, 4.5)).unwrap().extract::<f64>().unwrap(), 13.5);
    /// assert_eq!(interp.call("nope", ()).unwrap_err().type_name(), "NameError");
    /// ```
    pub fn call(&self, name: &str, args: impl IntoArgs) -> Result<Value, Error> {
        let f = self.callee(name)?;
        self.call_value(&f, args)
    }

    /// Calls any callable value with positional arguments.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("ops = {'neg': lambda x: -x}").unwrap();
    /// let ops: std::collections::HashMap<String, pyco::value::Value> = interp.get("ops").unwrap();
    /// let r = interp.call_value(&ops["neg"], (5,)).unwrap();
    /// assert_eq!(r.extract::<i64>().unwrap(), -5);
    /// ```
    pub fn call_value(&self, f: &Value, args: impl IntoArgs) -> Result<Value, Error> {
        let _entered = Entered::new(self);
        let result = self.vm.call(f, &args.into_args(), &[]);
        result.map_err(|e| Error::from_exc(&self.vm, &e))
    }

    fn callee(&self, name: &str) -> Result<Value, Error> {
        self.global(name)
            .ok_or_else(|| Error::new("NameError", format!("name '{name}' is not defined")))
    }

    /// Calls the global `name` and, when it returns a coroutine (an `async
    /// def`), runs it to completion on an event loop driven by the caller's
    /// tokio runtime, like `asyncio.run` — host futures the script awaits
    /// run on that runtime too.
    ///
    /// Await it on a current-thread runtime with its time driver enabled.
    ///
    /// ```
    /// use pyco::embed::{Error, Interpreter};
    /// let interp = Interpreter::builder()
    ///     .async_function("lookup", |key: String| async move {
    ///         tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    ///         Ok::<_, Error>(key.len() as i64)
    ///     })
    ///     .build();
    /// interp.run("async def total(keys):\n    return sum([await lookup(k) for k in keys])").unwrap();
    /// let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    /// let r = rt.block_on(interp.call_async("total", (vec!["ab", "cde"],))).unwrap();
    /// assert_eq!(r.extract::<i64>().unwrap(), 5);
    /// ```
    pub async fn call_async(&self, name: &str, args: impl IntoArgs) -> Result<Value, Error> {
        let f = self.callee(name)?;
        let value = self.call_value(&f, args)?;
        self.await_value(value).await
    }

    /// Runs a coroutine object to completion as [`Interpreter::call_async`]
    /// does; any other value is returned as it is.
    ///
    /// ```
    /// let interp = pyco::embed::Interpreter::new();
    /// interp.run("import asyncio\nasync def f():\n    await asyncio.sleep(0)\n    return 'done'").unwrap();
    /// let coro = interp.call("f", ()).unwrap();
    /// let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    /// let r = rt.block_on(interp.await_value(coro)).unwrap();
    /// assert_eq!(r.extract::<String>().unwrap(), "done");
    /// ```
    pub async fn await_value(&self, value: Value) -> Result<Value, Error> {
        let vm = &self.vm;
        if asyncio::as_coroutine(vm, &value).is_none() {
            return Ok(value);
        }
        if vm
            .event_loop
            .borrow()
            .as_ref()
            .is_some_and(|lp| lp.is_running())
        {
            return Err(Error::runtime_error(
                "cannot run a coroutine from Rust while the script's event loop is running",
            ));
        }
        let _entered = Entered::new(self);
        let lp = asyncio::new_loop(vm);
        let closer = CloseLoop {
            vm: vm.clone(),
            lp: lp.clone(),
        };
        let local = tokio::task::LocalSet::new();
        let result = local
            .run_until(asyncio::run_on_current(vm, &lp, &value))
            .await;
        drop(local);
        lp.report_unretrieved();
        drop(closer);
        result.map_err(|e| Error::from_exc(vm, &e))
    }

    /// Flushes the script's standard output.
    ///
    /// ```
    /// pyco::embed::Interpreter::new().flush();
    /// ```
    pub fn flush(&self) {
        self.vm.stdout.borrow().clone().flush();
    }
}

/// Closes the loop of [`Interpreter::await_value`], also when the host
/// drops the future before it completes.
struct CloseLoop {
    vm: Rc<Vm>,
    lp: Rc<crate::runtime::Loop>,
}

impl Drop for CloseLoop {
    fn drop(&mut self) {
        asyncio::close_loop(&self.vm, &self.lp);
    }
}
