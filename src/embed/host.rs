//! Host functions and host modules: Rust code that scripts call.
//!
//! A synchronous host function is any `Fn(A, B, ...) -> Result<R, Error>`
//! whose parameters implement [`FromPy`] and whose result implements
//! [`IntoPy`] (see [`IntoHostFn`]), or a raw `Fn(&[Value]) -> Result<Value,
//! Error>`. An asynchronous one returns a future instead (see
//! [`IntoAsyncHostFn`]); calling it from a script makes a coroutine, which
//! the script awaits like any other.
//!
//! ```
//! use pyco::embed::{Error, HostModule, Interpreter};
//! let clock = HostModule::new("clock")
//!     .function("now", || Ok(1_700_000_000i64))
//!     .async_function("tick", |n: i64| async move { Ok::<_, Error>(n + 1) });
//! let interp = Interpreter::builder().module(clock).build();
//! interp.run("import asyncio, clock\nr = asyncio.run(clock.tick(clock.now()))").unwrap();
//! assert_eq!(interp.get::<i64>("r").unwrap(), 1_700_000_001);
//! ```

use super::convert::{FromPy, IntoPy};
use super::error::Error;
use super::host_future::host_coroutine;
use crate::interp::Vm;
use crate::value::function::HostCallable;
use crate::value::{Builtin, PyResult, Symbol, Value};
use std::future::Future;
use std::rc::Rc;

/// A host function ready to be installed: its implementation and whether
/// calling it makes a coroutine.
#[derive(Clone)]
pub(crate) struct HostFunction {
    name: &'static str,
    call: HostCallable,
    is_async: bool,
}

impl HostFunction {
    /// The function as a script value (a built-in function).
    pub(crate) fn value(&self) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: self.name,
            func: unreachable_native,
            receiver: None,
            owner: None,
            returns_coroutine: self.is_async,
            host: Some(self.call.clone()),
            positional_only: false,
        }))
    }
}

fn unreachable_native(_: &Vm, _: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Err(crate::interp::errors::runtime_error(
        "host function called without its implementation",
    ))
}

/// Names live as long as the program (like the names of built-ins); a
/// host registers a bounded number of functions.
fn leak_name(name: &str) -> &'static str {
    Box::leak(name.to_string().into_boxed_str())
}

/// The `TypeError` for a call with the wrong number of arguments, or with
/// keyword arguments (host functions take positional arguments only).
fn check_args(name: &str, args: &[Value], kwargs: &[(Symbol, Value)], n: usize) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(crate::interp::errors::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        let was = if args.len() == 1 { "was" } else { "were" };
        return Err(crate::interp::errors::type_error(format!(
            "{name}() takes {n} positional argument{plural} but {} {was} given",
            args.len()
        )));
    }
    Ok(())
}

/// Converts argument `i` (0-based) of a call to `name`, or raises the
/// `TypeError` naming the expected and actual types.
fn arg<T: FromPy>(name: &str, args: &[Value], i: usize) -> PyResult<T> {
    T::from_py(&args[i])
        .map_err(|e| crate::interp::errors::type_error(format!("{name}() argument {}: {e}", i + 1)))
}

/// A Rust function with typed parameters, callable from scripts.
///
/// Implemented for closures `Fn(A, B, ...) -> Result<R, Error>` of up to six
/// parameters, each [`FromPy`], with `R:` [`IntoPy`]. A call with the wrong
/// number of arguments or an argument of the wrong type raises `TypeError`
/// in the script; an `Err` is raised as the exception it names.
///
/// ```
/// use pyco::embed::{Error, Interpreter};
/// let interp = Interpreter::builder()
///     .function("add", |a: i64, b: i64| Ok(a + b))
///     .function("shout", |s: String| Ok::<_, Error>(s.to_uppercase()))
///     .build();
/// interp.run("r = add(2, 3)\ns = shout('hi')").unwrap();
/// assert_eq!(interp.get::<i64>("r").unwrap(), 5);
/// let err = interp.run("add(1, 'x')").unwrap_err();
/// assert_eq!(err.message(), "add() argument 2: expected int, got str");
/// ```
pub trait IntoHostFn<Args>: 'static {
    /// The implementation as the interpreter calls it (the builders call
    /// this; a host rarely needs to).
    ///
    /// ```
    /// use pyco::embed::IntoHostFn;
    /// let f = (|x: i64| Ok(x + 1)).into_host_fn("inc");
    /// let vm = pyco::embed::Interpreter::new().vm().clone();
    /// let r = f(&vm, &[pyco::value::Value::Int(1)], &[]).ok().unwrap();
    /// assert_eq!(r.extract::<i64>().unwrap(), 2);
    /// ```
    fn into_host_fn(self, name: &'static str) -> HostCallable;
}

/// An asynchronous Rust function, callable from scripts: calling it makes a
/// coroutine that awaits the future (run as a tokio task on the `LocalSet`
/// that runs the event loop).
///
/// Implemented for closures `Fn(A, B, ...) -> F` of up to six [`FromPy`]
/// parameters where `F: Future<Output = Result<R, Error>>`, `R:` [`IntoPy`].
/// When the awaiting task is cancelled, the future is dropped and the task
/// sees `CancelledError`.
///
/// ```
/// use pyco::embed::{Error, Interpreter};
/// let interp = Interpreter::builder()
///     .async_function("double_later", |x: i64| async move {
///         tokio::time::sleep(std::time::Duration::from_millis(5)).await;
///         Ok::<_, Error>(x * 2)
///     })
///     .build();
/// interp
///     .run("import asyncio\nasync def main():\n    return await double_later(21)\nr = asyncio.run(main())")
///     .unwrap();
/// assert_eq!(interp.get::<i64>("r").unwrap(), 42);
/// ```
pub trait IntoAsyncHostFn<Args>: 'static {
    /// The implementation as the interpreter calls it: returns the
    /// coroutine (the builders call this; a host rarely needs to).
    ///
    /// ```
    /// use pyco::embed::{Error, IntoAsyncHostFn};
    /// let f = (|x: i64| async move { Ok::<_, Error>(x) }).into_host_fn("same");
    /// let vm = pyco::embed::Interpreter::new().vm().clone();
    /// let coro = f(&vm, &[pyco::value::Value::Int(1)], &[]).ok().unwrap();
    /// assert_eq!(pyco::embed::type_name(&coro), "coroutine");
    /// ```
    fn into_host_fn(self, name: &'static str) -> HostCallable;
}

macro_rules! host_fns {
    ($n:literal; $($a:ident $i:tt),*) => {
        impl<Func, R, $($a,)*> IntoHostFn<($($a,)*)> for Func
        where
            Func: Fn($($a),*) -> Result<R, Error> + 'static,
            R: IntoPy,
            $($a: FromPy,)*
        {
            fn into_host_fn(self, name: &'static str) -> HostCallable {
                Rc::new(move |vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]| {
                    check_args(name, args, kwargs, $n)?;
                    let _ = args;
                    (self)($(arg::<$a>(name, args, $i)?),*)
                        .map(IntoPy::into_py)
                        .map_err(|e| e.into_exc(vm))
                })
            }
        }

        impl<Func, Fut, R, $($a,)*> IntoAsyncHostFn<($($a,)*)> for Func
        where
            Func: Fn($($a),*) -> Fut + 'static,
            Fut: Future<Output = Result<R, Error>> + 'static,
            R: IntoPy,
            $($a: FromPy,)*
        {
            fn into_host_fn(self, name: &'static str) -> HostCallable {
                Rc::new(move |vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]| {
                    check_args(name, args, kwargs, $n)?;
                    let _ = args;
                    let fut = (self)($(arg::<$a>(name, args, $i)?),*);
                    Ok(host_coroutine(vm, name, async move { fut.await.map(IntoPy::into_py) }))
                })
            }
        }
    };
}

host_fns!(0;);
host_fns!(1; A 0);
host_fns!(2; A 0, B 1);
host_fns!(3; A 0, B 1, C 2);
host_fns!(4; A 0, B 1, C 2, D 3);
host_fns!(5; A 0, B 1, C 2, D 3, E 4);
host_fns!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// Builds a typed synchronous host function.
pub(crate) fn sync_fn<Args>(name: &str, f: impl IntoHostFn<Args>) -> HostFunction {
    let name = leak_name(name);
    HostFunction {
        name,
        call: f.into_host_fn(name),
        is_async: false,
    }
}

/// Builds a typed asynchronous host function.
pub(crate) fn async_fn<Args>(name: &str, f: impl IntoAsyncHostFn<Args>) -> HostFunction {
    let name = leak_name(name);
    HostFunction {
        name,
        call: f.into_host_fn(name),
        is_async: true,
    }
}

/// Builds a raw synchronous host function (any number of positional
/// arguments, as values).
pub(crate) fn raw_fn(
    name: &str,
    f: impl Fn(&[Value]) -> Result<Value, Error> + 'static,
) -> HostFunction {
    let name = leak_name(name);
    HostFunction {
        name,
        call: Rc::new(move |vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]| {
            if !kwargs.is_empty() {
                return Err(crate::interp::errors::type_error(format!(
                    "{name}() takes no keyword arguments"
                )));
            }
            f(args).map_err(|e| e.into_exc(vm))
        }),
        is_async: false,
    }
}

/// Builds a raw asynchronous host function.
pub(crate) fn raw_async_fn<Fut>(name: &str, f: impl Fn(Vec<Value>) -> Fut + 'static) -> HostFunction
where
    Fut: Future<Output = Result<Value, Error>> + 'static,
{
    let name = leak_name(name);
    HostFunction {
        name,
        call: Rc::new(move |vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]| {
            if !kwargs.is_empty() {
                return Err(crate::interp::errors::type_error(format!(
                    "{name}() takes no keyword arguments"
                )));
            }
            Ok(host_coroutine(vm, name, f(args.to_vec())))
        }),
        is_async: true,
    }
}

/// What a namespace entry is.
#[derive(Clone)]
pub(crate) enum Entry {
    /// A function.
    Function(HostFunction),
    /// A constant value.
    Constant(Value),
}

impl Entry {
    /// The script value.
    pub(crate) fn value(&self) -> Value {
        match self {
            Entry::Function(f) => f.value(),
            Entry::Constant(v) => v.clone(),
        }
    }
}

/// A module a host provides: `import NAME` in a script gives it, with the
/// registered functions and constants as attributes.
///
/// ```
/// use pyco::embed::{Error, HostModule, Interpreter};
/// let weather = HostModule::new("weather")
///     .function("temperature", |city: String| {
///         match city.as_str() {
///             "Oslo" => Ok(-3.5),
///             _ => Err(Error::value_error(format!("unknown city: {city}"))),
///         }
///     })
///     .constant("UNIT", "celsius");
/// let interp = Interpreter::builder().module(weather).build();
/// interp.run("import weather\nt = weather.temperature('Oslo')\nu = weather.UNIT").unwrap();
/// assert_eq!(interp.get::<f64>("t").unwrap(), -3.5);
/// assert_eq!(interp.get::<String>("u").unwrap(), "celsius");
/// let err = interp.run("from weather import temperature\ntemperature('Atlantis')").unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: unknown city: Atlantis");
/// ```
#[derive(Clone)]
pub struct HostModule {
    pub(crate) name: String,
    pub(crate) entries: Vec<(String, Entry)>,
}

impl HostModule {
    /// An empty module named `name` (a dotted name is imported whole:
    /// `import a.b` with `name = "a.b"`).
    ///
    /// ```
    /// let m = pyco::embed::HostModule::new("config");
    /// assert_eq!(m.name(), "config");
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            entries: Vec::new(),
        }
    }

    /// The module's name.
    ///
    /// ```
    /// assert_eq!(pyco::embed::HostModule::new("m").name(), "m");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds a synchronous function with typed parameters (see [`IntoHostFn`]).
    ///
    /// ```
    /// use pyco::embed::{HostModule, Interpreter};
    /// let m = HostModule::new("calc").function("square", |x: f64| Ok(x * x));
    /// let interp = Interpreter::builder().module(m).build();
    /// interp.run("import calc\nr = calc.square(1.5)").unwrap();
    /// assert_eq!(interp.get::<f64>("r").unwrap(), 2.25);
    /// ```
    #[must_use]
    pub fn function<Args>(mut self, name: &str, f: impl IntoHostFn<Args>) -> Self {
        self.entries
            .push((name.into(), Entry::Function(sync_fn(name, f))));
        self
    }

    /// Adds a synchronous function taking its arguments as values.
    ///
    /// ```
    /// use pyco::embed::{HostModule, Interpreter};
    /// use pyco::value::Value;
    /// let m = HostModule::new("util").function_raw("count", |args: &[Value]| Ok(Value::Int(args.len() as i64)));
    /// let interp = Interpreter::builder().module(m).build();
    /// interp.run("import util\nr = util.count(1, 'a', None)").unwrap();
    /// assert_eq!(interp.get::<i64>("r").unwrap(), 3);
    /// ```
    #[must_use]
    pub fn function_raw(
        mut self,
        name: &str,
        f: impl Fn(&[Value]) -> Result<Value, Error> + 'static,
    ) -> Self {
        self.entries
            .push((name.into(), Entry::Function(raw_fn(name, f))));
        self
    }

    /// Adds an asynchronous function with typed parameters (see
    /// [`IntoAsyncHostFn`]).
    ///
    /// ```
    /// use pyco::embed::{Error, HostModule, Interpreter};
    /// let m = HostModule::new("net").async_function("ping", |host: String| async move {
    ///     Ok::<_, Error>(format!("pong from {host}"))
    /// });
    /// let interp = Interpreter::builder().module(m).build();
    /// interp.run("import asyncio, net\nr = asyncio.run(net.ping('a'))").unwrap();
    /// assert_eq!(interp.get::<String>("r").unwrap(), "pong from a");
    /// ```
    #[must_use]
    pub fn async_function<Args>(mut self, name: &str, f: impl IntoAsyncHostFn<Args>) -> Self {
        self.entries
            .push((name.into(), Entry::Function(async_fn(name, f))));
        self
    }

    /// Adds an asynchronous function taking its arguments as values.
    ///
    /// ```
    /// use pyco::embed::{HostModule, Interpreter};
    /// use pyco::value::Value;
    /// let m = HostModule::new("net").async_function_raw("first", |args: Vec<Value>| async move {
    ///     Ok(args.into_iter().next().unwrap_or(Value::None))
    /// });
    /// let interp = Interpreter::builder().module(m).build();
    /// interp.run("import asyncio, net\nr = asyncio.run(net.first(7, 8))").unwrap();
    /// assert_eq!(interp.get::<i64>("r").unwrap(), 7);
    /// ```
    #[must_use]
    pub fn async_function_raw<Fut>(
        mut self,
        name: &str,
        f: impl Fn(Vec<Value>) -> Fut + 'static,
    ) -> Self
    where
        Fut: Future<Output = Result<Value, Error>> + 'static,
    {
        self.entries
            .push((name.into(), Entry::Function(raw_async_fn(name, f))));
        self
    }

    /// Adds a constant.
    ///
    /// ```
    /// use pyco::embed::{HostModule, Interpreter};
    /// let m = HostModule::new("limits").constant("MAX_ITEMS", 100i64);
    /// let interp = Interpreter::builder().module(m).build();
    /// interp.run("from limits import MAX_ITEMS as n").unwrap();
    /// assert_eq!(interp.get::<i64>("n").unwrap(), 100);
    /// ```
    #[must_use]
    pub fn constant(mut self, name: &str, value: impl IntoPy) -> Self {
        self.entries
            .push((name.into(), Entry::Constant(value.into_py())));
        self
    }
}
