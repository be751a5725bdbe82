//! The `asyncio` module.
//!
//! The core — futures, tasks, the loop object, `run`, `sleep`,
//! `create_task` — is native, on [`crate::runtime`]. The combinators and
//! synchronisation primitives (`gather`, `wait`, `wait_for`, `shield`,
//! `timeout`, `TaskGroup`, `Queue`, `Lock`, `Event`, `Condition`,
//! `Semaphore`, `Barrier`) are written in Python in `prelude.py`, on top
//! of that core, following the rules of CPython 3.11's `asyncio` so that
//! they wake and resume tasks in the same order.

pub mod event_loop;
pub mod future;
pub mod gather;
pub mod host;
pub mod leaves;

use crate::builtins::args::{allowed_kwargs, arity, kwarg};
use crate::interp::Vm;
use crate::interp::errors::{runtime_error, type_error, value_error};
use crate::interp::generator::{GenState, Generator};
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
        ("new_event_loop", get_event_loop),
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
        })),
    );
    run_prelude(vm, &m);
    m
}

const PRELUDE: &str = include_str!("prelude.py");

fn run_prelude(vm: &Vm, module: &Rc<Module>) {
    let file = crate::source::SourceFile::new("<asyncio>", PRELUDE);
    let parsed = crate::parser::parse_module(file.text()).expect("the asyncio prelude parses");
    let code = crate::resolve::resolve_module(
        &parsed,
        file.clone(),
        &module.globals,
        crate::resolve::ResolveOptions::default(),
    )
    .expect("the asyncio prelude resolves");
    if let Err(e) = vm.run_module_code(&code, module) {
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
    lp.set_host(Rc::downgrade(&host));
    *vm.event_loop.borrow_mut() = Some(lp.clone());
    *st.loop_object.borrow_mut() = Some(NativeObject::new_value(
        st.loop_class.clone(),
        event_loop::LoopRef(lp.clone()),
    ));
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

/// Marks `lp` closed and forgets it as the interpreter's loop.
pub fn close_loop(vm: &Vm, lp: &Loop) {
    lp.closed.set(true);
    *vm.event_loop.borrow_mut() = None;
    *state(vm).loop_object.borrow_mut() = None;
}

/// Runs `main` to completion on `lp`, then shuts the loop down the way
/// `asyncio.run` does (cancelling leftover tasks, two shutdown tasks), on a
/// current-thread tokio runtime of its own.
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
    lp.report_unretrieved();
    outcome
}

/// What [`run_with_loop`] does, on the tokio runtime and `LocalSet` that
/// poll the returned future (an embedding host's). The caller reports
/// unretrieved task exceptions once the `LocalSet` is gone.
pub async fn run_on_current(vm: &Vm, lp: &Rc<Loop>, main: &Value) -> PyResult {
    let (task, _value) = lp.create_task(main.clone(), None);
    lp.run_until_complete_async(&task).await;
    finish_run(vm, lp, &task).await
}

async fn finish_run(vm: &Vm, lp: &Rc<Loop>, task: &Rc<Fut>) -> PyResult {
    if let Some(e) = lp.fatal.borrow_mut().take() {
        return Err(e);
    }
    if let Some(report) = lp.deadlocked.borrow_mut().take() {
        vm.write_stderr(&report);
        return Err(runtime_error(
            "deadlock: every task is waiting and nothing can wake them",
        ));
    }
    let result = lp.result_of(task);
    // asyncio.run's shutdown: cancel what is left, then run the two
    // shutdown coroutines (each a task, each a couple of iterations).
    let leftovers = lp.pending_tasks();
    if !leftovers.is_empty() {
        for t in &leftovers {
            t.cancel(lp, None);
        }
        let gathered = gather_native(vm, lp, &leftovers);
        lp.run_until_complete_async(&gathered).await;
        if let Some(e) = lp.fatal.borrow_mut().take() {
            return Err(e);
        }
        for t in &leftovers {
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
    }
    vm.call_site.borrow_mut().take();
    for _ in 0..2 {
        let shutdown = native_coroutine(vm, "shutdown", async { Ok(Value::None) });
        let (t, _) = lp.create_task(shutdown, None);
        lp.run_until_complete_async(&t).await;
    }
    result
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
        Rc::new(Generator {
            kind: FunctionKind::Coroutine,
            name: name.into(),
            qualname: name.into(),
            state: Cell::new(GenState::Created),
            body: RefCell::new(Some(Box::pin(body))),
            channel: Rc::new(crate::interp::generator::GenChannel::default()),
            awaited: Cell::new(true),
            at_yield: Cell::new(false),
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
    Ok(native_coroutine(vm, "sleep", async move {
        leaves::sleep(&vm_rc, secs, result).await
    }))
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
    spawn(vm, &args[0], kwarg(kwargs, "name").cloned())
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
    Err(type_error(
        "An asyncio.Future, a coroutine or an awaitable is required",
    ))
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
