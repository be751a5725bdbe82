//! The `asyncio` module.
//!
//! The core — futures, tasks, the loop object, `run`, `sleep`,
//! `create_task` — is native, on [`crate::runtime`]. The combinators and
//! synchronisation primitives (`gather`, `wait`, `wait_for`, `shield`,
//! `timeout`, `TaskGroup`, `Queue`, `Lock`, `Event`, `Condition`,
//! `Semaphore`, `Barrier`) are written in Python in `prelude.py`, on top
//! of that core, following the rules of CPython 3.11's `asyncio` so that
//! they wake and resume tasks in the same order. Each definition of the
//! prelude is parsed and run when a script first uses it
//! ([`crate::interp::lazy`]), so `import asyncio` costs little.

mod callback_repr;
pub mod event_loop;
pub mod future;
pub mod gather;
pub mod host;
pub mod leaves;

use crate::builtins::args::{allowed_kwargs, arity, kwarg};
use crate::interp::Vm;
use crate::interp::errors::{runtime_error, type_error, value_error};
use crate::interp::generator::Generator;
use crate::ir::FunctionKind;
use crate::runtime::future::Fut;
use crate::runtime::{Loop, RuntimeClasses};
use crate::types::new_builtin_class;
use crate::value::object::InstanceLayout;
use crate::value::{Class, Module, NativeObject, PyResult, Symbol, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Per-interpreter asyncio state.
pub struct AsyncioState {
    /// `asyncio.Future`.
    pub future_class: Rc<Class>,
    /// `asyncio.Task`.
    pub task_class: Rc<Class>,
    /// `asyncio.CancelledError`.
    pub cancelled_error: Rc<Class>,
    /// `asyncio.InvalidStateError`.
    pub invalid_state_error: Rc<Class>,
    /// The loop object's class.
    pub loop_class: Rc<Class>,
    /// `asyncio.Handle`.
    pub handle_class: Rc<Class>,
    /// `asyncio.TimerHandle`.
    pub timer_handle_class: Rc<Class>,
    /// Default task names count across loops (`Task-N`).
    pub task_names: Rc<Cell<u64>>,
    /// The Python object standing for the current loop.
    pub loop_object: RefCell<Option<Value>>,
    /// Failed tasks whose exception nobody read and whose object was still
    /// referenced when their `asyncio.run` ended: each is reported when its
    /// object goes, or else at interpreter shutdown.
    pub unretrieved: RefCell<Vec<Rc<Fut>>>,
}

/// The asyncio state of `vm` (creating the module's classes on first use).
pub fn state(vm: &Vm) -> Rc<AsyncioState> {
    if let Some(s) = vm.module_state.borrow().get("asyncio")
        && let Ok(s) = s.clone().downcast::<AsyncioState>()
    {
        return s;
    }
    let t = &vm.types;
    let exc_class = |name: &str, base: &Rc<Class>| {
        new_builtin_class(
            name,
            "asyncio.exceptions",
            &[base.clone()],
            InstanceLayout::Exception,
        )
    };
    let object = &t.object;
    let builtin_class = |name: &str, module: &str| {
        new_builtin_class(name, module, &[object.clone()], InstanceLayout::Builtin)
    };
    let future_class = builtin_class("Future", "_asyncio");
    let task_class = new_builtin_class(
        "Task",
        "_asyncio",
        &[future_class.clone()],
        InstanceLayout::Builtin,
    );
    let handle_class = builtin_class("Handle", "asyncio.events");
    let timer_handle_class = new_builtin_class(
        "TimerHandle",
        "asyncio.events",
        &[handle_class.clone()],
        InstanceLayout::Builtin,
    );
    let s = Rc::new(AsyncioState {
        future_class,
        task_class,
        cancelled_error: exc_class("CancelledError", &t.base_exception),
        invalid_state_error: exc_class("InvalidStateError", &t.exception),
        loop_class: builtin_class("_UnixSelectorEventLoop", "asyncio.unix_events"),
        handle_class,
        timer_handle_class,
        task_names: Rc::new(Cell::new(0)),
        loop_object: RefCell::new(None),
        unretrieved: RefCell::new(Vec::new()),
    });
    future::install(vm, &s);
    event_loop::install(vm, &s);
    vm.module_state.borrow_mut().insert("asyncio", s.clone());
    s
}

/// Builds the module: native core plus the Python prelude.
pub fn build(vm: &Vm) -> Rc<Module> {
    let st = state(vm);
    let m = vm.new_module("asyncio", None);
    let set = |name: &str, v: Value| m.globals.set(Symbol::intern(name), v);
    set("Future", Value::Class(st.future_class.clone()));
    set("Task", Value::Class(st.task_class.clone()));
    set("Handle", Value::Class(st.handle_class.clone()));
    set("TimerHandle", Value::Class(st.timer_handle_class.clone()));
    set("CancelledError", Value::Class(st.cancelled_error.clone()));
    set(
        "InvalidStateError",
        Value::Class(st.invalid_state_error.clone()),
    );
    set("TimeoutError", Value::Class(vm.types.timeout_error.clone()));
    let functions: &[(&'static str, crate::value::NativeFn)] = &[
        ("run", run),
        ("sleep", sleep),
        ("create_task", create_task),
        ("ensure_future", ensure_future),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("get_running_loop", get_running_loop),
        ("get_event_loop", get_event_loop),
        ("new_event_loop", new_event_loop),
        ("set_event_loop", set_event_loop),
        ("_get_running_loop", get_running_loop_or_none),
        ("_cancel_all_tasks", cancel_all_tasks_fn),
        ("iscoroutine", iscoroutine),
        ("iscoroutinefunction", iscoroutinefunction),
        ("isfuture", isfuture),
        ("_yield_once", yield_once),
        ("gather", gather::gather),
    ];
    for (name, f) in functions {
        super::set_fn(&m, name, *f);
    }
    m.globals.set(
        Symbol::intern("sleep"),
        Value::Builtin(Rc::new(crate::value::Builtin {
            name: "sleep",
            func: sleep,
            receiver: None,
            owner: None,
            returns_coroutine: true,
            host: None,
            positional_only: false,
        })),
    );
    run_prelude(vm, &m);
    m
}

const PRELUDE: &str = include_str!("prelude.py");

/// Makes the prelude's definitions part of `module`, each run on first
/// use (see [`crate::interp::lazy`]): most scripts need a few of them.
fn run_prelude(vm: &Vm, module: &Rc<Module>) {
    let file = crate::source::SourceFile::new("<asyncio>", PRELUDE);
    if let Err(e) = vm.define_lazily(module, file) {
        let text = crate::diagnostic::render_exception(vm, &e);
        panic!("the asyncio prelude failed:\n{text}");
    }
}

/// The running loop, or the `RuntimeError` CPython raises without one.
pub fn running_loop(vm: &Vm) -> PyResult<Rc<Loop>> {
    match vm.event_loop.borrow().as_ref() {
        Some(lp) if lp.is_running() => Ok(lp.clone()),
        _ => Err(runtime_error("no running event loop")),
    }
}

/// The current loop, creating one (not running) if there is none.
pub fn current_loop(vm: &Vm) -> Rc<Loop> {
    if let Some(lp) = vm.event_loop.borrow().as_ref() {
        return lp.clone();
    }
    new_loop(vm)
}

/// A fresh event loop for `vm`, made its current loop (`asyncio.run` makes
/// one per run; the REPL one for the whole session).
pub fn new_loop(vm: &Vm) -> Rc<Loop> {
    let lp = make_loop(vm);
    *vm.event_loop.borrow_mut() = Some(lp.clone());
    *state(vm).loop_object.borrow_mut() = Some(loop_object(vm, &lp));
    lp
}

/// A new loop, not made current (`asyncio.new_event_loop()`).
fn make_loop(vm: &Vm) -> Rc<Loop> {
    let st = state(vm);
    let lp = Rc::new(
        Loop::new(
            vm.clock(),
            st.task_names.clone(),
            RuntimeClasses {
                future: st.future_class.clone(),
                task: st.task_class.clone(),
                cancelled_error: st.cancelled_error.clone(),
                invalid_state_error: st.invalid_state_error.clone(),
            },
            vm.tracer.clone(),
        )
        .with_shuffle(vm.schedule.borrow().clone()),
    );
    let host: Rc<dyn crate::runtime::Host> = vm.rc();
    lp.set_host(Rc::downgrade(&host), crate::interp::finalize::pending);
    lp
}

/// The coroutine object behind a value, if it is one.
pub fn as_coroutine(vm: &Vm, v: &Value) -> Option<Rc<Generator>> {
    vm.as_generator(v)
        .filter(|g| g.kind == FunctionKind::Coroutine)
}

fn run(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("run", kwargs, &["debug"])?;
    arity("run", args, 1, 1)?;
    if vm
        .event_loop
        .borrow()
        .as_ref()
        .is_some_and(|lp| lp.is_running())
    {
        if let Some(g) = as_coroutine(vm, &args[0]) {
            g.awaited.set(false);
        }
        return Err(runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    if as_coroutine(vm, &args[0]).is_none() {
        return Err(value_error(format!(
            "a coroutine was expected, got {}",
            vm.repr(&args[0])?
        )));
    }
    let lp = new_loop(vm);
    let result = run_with_loop(vm, &lp, &args[0]);
    close_loop(vm, &lp);
    result
}

/// Closes `lp` and forgets it as the interpreter's loop.
pub fn close_loop(vm: &Vm, lp: &Loop) {
    lp.close();
    *vm.event_loop.borrow_mut() = None;
    *state(vm).loop_object.borrow_mut() = None;
}

/// Runs `main` to completion on `lp`, then shuts the loop down the way
/// `asyncio.run` does (cancelling leftover tasks, shutting down async
/// generators and the default executor, each a task), on a current-thread
/// tokio runtime of its own.
pub fn run_with_loop(vm: &Vm, lp: &Rc<Loop>, main: &Value) -> PyResult {
    if tokio::runtime::Handle::try_current().is_ok() {
        // Called on an embedding host's tokio runtime: blocking here would
        // stop the runtime that has to drive the loop.
        if let Some(g) = as_coroutine(vm, main) {
            g.awaited.set(false);
        }
        return Err(runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| runtime_error(format!("cannot start the event loop: {e}")))?;
    let local = tokio::task::LocalSet::new();
    let outcome = local.block_on(&rt, run_on_current(vm, lp, main));
    drop(local);
    vm.run_finalizers(None);
    // A task object still referenced (by a global, or by a frame of the
    // traceback of the exception leaving `asyncio.run`) is reported when
    // that reference goes, as CPython's `Task.__del__` does.
    lp.report_unretrieved_if(|t| t.object.borrow().strong_count() == 0);
    state(vm)
        .unretrieved
        .borrow_mut()
        .extend(lp.take_unretrieved());
    outcome
}

/// Interpreter shutdown: reports the failed tasks still unreported (CPython
/// frees them as it clears the modules).
pub fn report_at_exit(vm: &Vm) {
    let Some(s) = vm.module_state.borrow().get("asyncio").cloned() else {
        return;
    };
    let Ok(s) = s.downcast::<AsyncioState>() else {
        return;
    };
    let tasks = std::mem::take(&mut *s.unretrieved.borrow_mut());
    for t in tasks {
        future::report_never_retrieved(vm, &t);
    }
}

/// What [`run_with_loop`] does, on the tokio runtime and `LocalSet` that
/// poll the returned future (an embedding host's). The caller reports
/// unretrieved task exceptions once the `LocalSet` is gone.
pub async fn run_on_current(vm: &Vm, lp: &Rc<Loop>, main: &Value) -> PyResult {
    let _hosted = lp.hosted();
    let (task, _value) = lp.create_task(main.clone(), None);
    lp.run_until_complete_async(&task).await;
    vm.run_finalizers(None);
    finish_run(vm, lp, &task).await
}

/// The error that ended a loop's run early: a fatal exception (such as
/// `SystemExit` or a limit), or a deadlock, whose report goes to stderr.
fn stopped_early(vm: &Vm, lp: &Loop) -> PyResult<()> {
    if let Some(e) = lp.fatal.borrow_mut().take() {
        return Err(e);
    }
    if let Some(report) = lp.deadlocked.borrow_mut().take() {
        vm.write_stderr(&report);
        return Err(runtime_error(
            "deadlock: every task is waiting and nothing can wake them",
        ));
    }
    Ok(())
}

async fn finish_run(vm: &Vm, lp: &Rc<Loop>, task: &Rc<Fut>) -> PyResult {
    stopped_early(vm, lp)?;
    let result = lp.result_of(task);
    // asyncio.run's shutdown (`Runner.close`): cancel what is left, then
    // `shutdown_asyncgens()` and `shutdown_default_executor()`, each a task.
    let leftovers = lp.pending_tasks();
    if !leftovers.is_empty() {
        for t in &leftovers {
            t.cancel(lp, None);
        }
        let gathered = gather_native(vm, lp, &leftovers);
        lp.run_until_complete_async(&gathered).await;
        vm.run_finalizers(None);
        if let Some(e) = lp.fatal.borrow_mut().take() {
            return Err(e);
        }
        report_shutdown_failures(vm, &leftovers)?;
    }
    vm.call_site.borrow_mut().take();
    for step in 0..2 {
        let coro = if step == 0 {
            shutdown_asyncgens(vm, lp)?
        } else {
            native_coroutine(vm, "shutdown_default_executor", async { Ok(Value::None) })
        };
        let (t, _) = lp.create_task(coro, None);
        lp.run_until_complete_async(&t).await;
        vm.run_finalizers(None);
    }
    result
}

/// Logs the tasks that ended with an exception while `asyncio.run` (or a
/// `Runner`) cancelled the leftovers.
fn report_shutdown_failures(vm: &Vm, leftovers: &[Rc<Fut>]) -> PyResult<()> {
    for t in leftovers {
        if t.cancelled() {
            continue;
        }
        if let Some(Err(e)) = t.outcome() {
            t.log_traceback.set(false);
            let mut text = String::from("unhandled exception during asyncio.run() shutdown\n");
            if let Some(obj) = t.object_value() {
                text.push_str(&format!("task: {}\n", vm.repr(&obj)?));
            }
            text.push_str(&crate::diagnostic::render_exception(vm, &e));
            vm.write_stderr(&text);
        }
    }
    Ok(())
}

/// Runs `lp` until `done` completes (or until `stop()`) on its own
/// runtime, as the current loop (`loop.run_until_complete`,
/// `run_forever`); a fatal exception or a deadlock ends the run with an
/// error.
pub fn run_loop_until(vm: &Vm, lp: &Rc<Loop>, done: Option<&Rc<Fut>>) -> PyResult<()> {
    let st = state(vm);
    let previous = vm.event_loop.replace(Some(lp.clone()));
    let previous_object = st.loop_object.borrow().clone();
    let same = previous.as_ref().is_some_and(|p| Rc::ptr_eq(p, lp));
    if !same {
        *st.loop_object.borrow_mut() = Some(loop_object(vm, lp));
    }
    let ran = lp.run(done);
    if !same {
        *vm.event_loop.borrow_mut() = previous;
        *st.loop_object.borrow_mut() = previous_object;
    }
    ran.map_err(|e| runtime_error(format!("cannot start the event loop: {e}")))?;
    vm.run_finalizers(None);
    stopped_early(vm, lp)?;
    Ok(())
}

/// The Python object for `lp` (the same one while it exists).
pub fn loop_object(vm: &Vm, lp: &Rc<Loop>) -> Value {
    if let Some(obj) = lp.object.borrow().upgrade() {
        return Value::Native(obj);
    }
    let obj = NativeObject::new_value(
        state(vm).loop_class.clone(),
        event_loop::LoopRef(lp.clone()),
    );
    if let Value::Native(n) = &obj {
        *lp.object.borrow_mut() = Rc::downgrade(n);
    }
    obj
}

/// `_cancel_all_tasks(loop)`: cancels the pending tasks, runs the loop
/// until they are done, and logs the ones that failed.
fn cancel_all_tasks(vm: &Vm, lp: &Rc<Loop>) -> PyResult<()> {
    let leftovers = lp.pending_tasks();
    if leftovers.is_empty() {
        return Ok(());
    }
    for t in &leftovers {
        t.cancel(lp, None);
    }
    let gathered = gather_native(vm, lp, &leftovers);
    run_loop_until(vm, lp, Some(&gathered))?;
    report_shutdown_failures(vm, &leftovers)
}

fn cancel_all_tasks_fn(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_cancel_all_tasks", args, 1, 1)?;
    let lp = event_loop::loop_of(&args[0])?;
    cancel_all_tasks(vm, &lp)?;
    Ok(Value::None)
}

fn new_event_loop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("new_event_loop", args, 0, 0)?;
    let lp = make_loop(vm);
    Ok(loop_object(vm, &lp))
}

fn set_event_loop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("set_event_loop", args, 1, 1)?;
    let st = state(vm);
    if matches!(args[0], Value::None) {
        *vm.event_loop.borrow_mut() = None;
        *st.loop_object.borrow_mut() = None;
        return Ok(Value::None);
    }
    let lp = event_loop::loop_of(&args[0]).map_err(|_| {
        type_error(format!(
            "loop must be an instance of AbstractEventLoop or None, not '{}'",
            vm.type_name(&args[0])
        ))
    })?;
    *vm.event_loop.borrow_mut() = Some(lp);
    *st.loop_object.borrow_mut() = Some(args[0].clone());
    Ok(Value::None)
}

fn get_running_loop_or_none(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_get_running_loop", args, 0, 0)?;
    if running_loop(vm).is_err() {
        return Ok(Value::None);
    }
    Ok(state(vm)
        .loop_object
        .borrow()
        .clone()
        .unwrap_or(Value::None))
}

/// `loop.shutdown_asyncgens()`: the prelude's coroutine closing every
/// async generator still alive that was first iterated on `lp`.
fn shutdown_asyncgens(vm: &Vm, lp: &Rc<Loop>) -> PyResult {
    let helper = prelude_function(vm, "_shutdown_asyncgens")?;
    vm.call(&helper, &[loop_object(vm, lp)], &[])
}

/// A function defined by the asyncio prelude.
pub fn prelude_function(vm: &Vm, name: &str) -> PyResult {
    match vm.import_module(&[Symbol::intern("asyncio")])? {
        Value::Module(m) => vm.module_global(&m, Symbol::intern(name))?,
        _ => None,
    }
    .ok_or_else(|| runtime_error(format!("asyncio.{name} is missing")))
}

/// A future completed when every one of `tasks` is done (for shutdown).
fn gather_native(_vm: &Vm, lp: &Rc<Loop>, tasks: &[Rc<Fut>]) -> Rc<Fut> {
    let (outer, _) = lp.new_future_object(None);
    let remaining = Rc::new(Cell::new(tasks.len()));
    for t in tasks {
        let outer = outer.clone();
        let remaining = remaining.clone();
        t.add_callback(
            lp,
            crate::runtime::future::DoneCallback::Native(Box::new(
                move |lp: &Loop, _f: &Rc<Fut>| {
                    remaining.set(remaining.get() - 1);
                    if remaining.get() == 0 && !outer.done() {
                        outer.finish(lp, Ok(Value::None));
                    }
                },
            )),
        );
    }
    outer
}

/// A coroutine object whose body is Rust code.
pub fn native_coroutine(
    vm: &Vm,
    name: &str,
    body: impl std::future::Future<Output = PyResult> + 'static,
) -> Value {
    NativeObject::new_value(
        vm.types.coroutine.clone(),
        Rc::new({
            let g = Generator::new(
                FunctionKind::Coroutine,
                name.into(),
                name.into(),
                Box::pin(body),
                Rc::new(crate::interp::generator::GenChannel::default()),
            );
            g.awaited.set(true);
            g
        }),
    )
}

fn sleep(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("sleep", kwargs, &["delay", "result"])?;
    arity("sleep", args, 0, 2)?;
    let delay = args
        .first()
        .or_else(|| kwarg(kwargs, "delay"))
        .cloned()
        .ok_or_else(|| type_error("sleep() missing 1 required positional argument: 'delay'"))?;
    let result = args
        .get(1)
        .or_else(|| kwarg(kwargs, "result"))
        .cloned()
        .unwrap_or(Value::None);
    let secs = match &delay {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            crate::interp::ops::int_to_f64(&delay)?
        }
        other => {
            return Err(type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                vm.type_name(other)
            )));
        }
    };
    let vm_rc = vm.rc();
    let coro = native_coroutine(vm, "sleep", async move {
        leaves::sleep(&vm_rc, secs, result).await
    });
    if let Some(g) = vm.as_generator(&coro) {
        g.awaited.set(false);
    }
    Ok(coro)
}

fn yield_once(vm: &Vm, _args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let vm_rc = vm.rc();
    Ok(native_coroutine(vm, "_yield_once", async move {
        leaves::yield_once(&vm_rc).await?;
        Ok(Value::None)
    }))
}

/// `create_task(coro, name=)` on the running loop.
pub fn spawn(vm: &Vm, coro: &Value, name: Option<Value>) -> PyResult {
    let lp = running_loop(vm)?;
    spawn_on(vm, &lp, coro, name)
}

/// `loop.create_task(coro, name=)` on `lp` (running or not).
pub fn spawn_on(vm: &Vm, lp: &Rc<Loop>, coro: &Value, name: Option<Value>) -> PyResult {
    if lp.closed.get() {
        return Err(runtime_error("Event loop is closed"));
    }
    let Some(g) = as_coroutine(vm, coro) else {
        return Err(type_error(format!(
            "a coroutine was expected, got {}",
            vm.repr(coro)?
        )));
    };
    g.awaited.set(true);
    let name = match name {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(Value::Str(s)),
        Some(other) => Some(Value::str(vm.str_of(&other)?)),
    };
    vm.budget.check_tasks(lp.live_tasks())?;
    Ok(lp.create_task(coro.clone(), name).1)
}

fn create_task(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("create_task", kwargs, &["name", "context"])?;
    arity("create_task", args, 1, 1)?;
    let name = kwarg(kwargs, "name").filter(|n| !matches!(n, Value::None));
    if name.is_some() {
        // CPython's `asyncio.create_task` creates the task unnamed (taking
        // a `Task-N` number) and then renames it.
        running_loop(vm)?.next_task_name();
    }
    spawn(vm, &args[0], name.cloned())
}

fn ensure_future(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("ensure_future", kwargs, &["loop"])?;
    arity("ensure_future", args, 1, 1)?;
    if future::fut_of(&args[0]).is_some() {
        return Ok(args[0].clone());
    }
    if as_coroutine(vm, &args[0]).is_some() {
        return spawn(vm, &args[0], None);
    }
    // Other awaitables (objects with `__await__`) are wrapped in a task.
    let helper = prelude_function(vm, "_ensure_future")?;
    vm.call(&helper, &args[..1], &[])
}

fn current_task(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("current_task", args, 0, 1)?;
    let lp = running_loop(vm)?;
    Ok(lp
        .current_task()
        .and_then(|t| t.object_value())
        .unwrap_or(Value::None))
}

fn all_tasks(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("all_tasks", args, 0, 1)?;
    let lp = running_loop(vm)?;
    let mut set = crate::value::SetTable::new();
    for t in lp.pending_tasks() {
        if let Some(v) = t.object_value() {
            vm.set_add(&mut set, v)?;
        }
    }
    Ok(Value::Set(Rc::new(RefCell::new(set))))
}

fn get_running_loop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("get_running_loop", args, 0, 0)?;
    running_loop(vm)?;
    Ok(state(vm)
        .loop_object
        .borrow()
        .clone()
        .unwrap_or(Value::None))
}

fn get_event_loop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("get_event_loop", args, 0, 0)?;
    current_loop(vm);
    Ok(state(vm)
        .loop_object
        .borrow()
        .clone()
        .unwrap_or(Value::None))
}

fn iscoroutine(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("iscoroutine", args, 1, 1)?;
    Ok(Value::Bool(as_coroutine(vm, &args[0]).is_some()))
}

fn iscoroutinefunction(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("iscoroutinefunction", args, 1, 1)?;
    let f = match &args[0] {
        Value::BoundMethod(m) => m.function.clone(),
        other => other.clone(),
    };
    Ok(Value::Bool(match &f {
        Value::Function(func) => func.code.function_kind == FunctionKind::Coroutine,
        Value::Builtin(b) => b.returns_coroutine,
        _ => false,
    }))
}

fn isfuture(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("isfuture", args, 1, 1)?;
    Ok(Value::Bool(future::fut_of(&args[0]).is_some()))
}

/// The loop's async-generator finalizer hook: `agen.aclose()` is created
/// now and a task running it is created on the next iteration
/// (`call_soon_threadsafe(loop.create_task, agen.aclose())`).
pub fn schedule_aclose(vm: &Vm, lp: &Rc<Loop>, g: Generator) {
    let agen = NativeObject::new_value(vm.types.async_generator.clone(), Rc::new(g));
    let step = match vm.call_method(
        &agen,
        Symbol::intern("aclose"),
        crate::interp::expr::ArgVec::new(),
        &[],
    ) {
        Ok(step) => step,
        Err(e) => {
            vm.report_unraisable(&vm.repr(&agen).unwrap_or_default(), &e);
            return;
        }
    };
    let vm_rc = vm.rc();
    let coro = native_coroutine(vm, "aclose", async move {
        let vm = vm_rc;
        // A cancellation thrown in before the first step goes into the
        // generator instead of GeneratorExit; the step after that delivers
        // GeneratorExit at whatever the generator then awaits (3.11's
        // `athrow.throw()` on an unstarted `aclose()`).
        let thrown = current_task_throw(&vm);
        let mut armed = thrown.is_some();
        if let Some(exc) = thrown
            && let Some(s) = step.downcast::<crate::interp::suspend::AsyncGenStep>()
        {
            *s.resume.borrow_mut() = Some(crate::interp::generator::Resume::Throw(exc));
        }
        let mut inner = std::pin::pin!(vm.await_value(step.clone()));
        let mut first = true;
        std::future::poll_fn(|cx| {
            if !first && armed {
                armed = false;
                if let Some(t) = running_loop(&vm).ok().and_then(|lp| lp.current_task())
                    && let Some(part) = t.task()
                {
                    let exit =
                        crate::interp::errors::new_exception(&vm.types.generator_exit, vec![]);
                    *part.throw.borrow_mut() = Some(exit);
                }
            }
            first = false;
            inner.as_mut().poll(cx)
        })
        .await
    });
    // Unlike a coroutine, an `aclose()` awaitable runs when a cancellation
    // is thrown into it before its first step: counted as started.
    if let Some(g) = vm.as_generator(&coro) {
        g.state.set(crate::interp::generator::GenState::Suspended);
    }
    let owner = lp.clone();
    lp.schedule(crate::runtime::Ready::Native(Box::new(move |_| {
        owner.create_task(coro, None);
    })));
}

/// Takes the exception a task step is about to deliver to the running
/// task's coroutine, if any.
fn current_task_throw(vm: &Vm) -> Option<crate::value::Exc> {
    let t = running_loop(vm).ok()?.current_task()?;
    t.task()?.throw.borrow_mut().take()
}
