//! The loop object scripts get from `asyncio.get_running_loop()`, and the
//! `Handle`/`TimerHandle` objects of `call_soon`/`call_later`/`call_at`.

use super::{AsyncioState, current_loop, run_loop_until};
use crate::builtins::add_methods;
use crate::builtins::args::{allowed_kwargs, arity, kwarg};
use crate::interp::Vm;
use crate::interp::errors::{runtime_error, type_error};
use crate::runtime::clock::{ns_to_secs, secs_to_ns};
use crate::runtime::{Handle, Loop, Ready};
use crate::value::{NativeObject, PyResult, Symbol, Value};
use std::rc::Rc;

/// The Python loop object: a handle on the runtime loop.
pub struct LoopRef(pub Rc<Loop>);

/// A `Handle`/`TimerHandle` object.
pub struct HandleObject(pub Rc<Handle>);

/// Installs the methods.
pub fn install(_vm: &Vm, st: &AsyncioState) {
    add_methods(
        &st.loop_class,
        &[
            ("time", time),
            ("call_soon", call_soon),
            ("call_later", call_later),
            ("call_at", call_at),
            ("create_future", create_future),
            ("create_task", create_task),
            ("is_running", is_running),
            ("is_closed", is_closed),
            ("run_until_complete", run_until_complete),
            ("run_forever", run_forever),
            ("run_in_executor", run_in_executor),
            ("stop", stop),
            ("close", close),
            ("get_debug", get_debug),
            ("call_exception_handler", call_exception_handler),
            ("default_exception_handler", call_exception_handler),
            ("__repr__", loop_repr),
            ("shutdown_asyncgens", shutdown_asyncgens),
            ("_take_asyncgens", take_asyncgens),
        ],
    );
    add_methods(
        &st.handle_class,
        &[
            ("cancel", handle_cancel),
            ("cancelled", handle_cancelled),
            ("__repr__", handle_repr),
        ],
    );
    add_methods(&st.timer_handle_class, &[("when", handle_when)]);
}

fn this(args: &[Value]) -> PyResult<Rc<Loop>> {
    args.first()
        .ok_or_else(|| type_error("descriptor needs an event loop"))
        .and_then(loop_of)
}

/// The runtime loop behind a loop object.
pub fn loop_of(v: &Value) -> PyResult<Rc<Loop>> {
    v.downcast::<LoopRef>()
        .map(|l| l.0.clone())
        .ok_or_else(|| type_error("descriptor needs an event loop"))
}

fn time(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    Ok(Value::Float(ns_to_secs(lp.clock.now())))
}

fn make_handle(
    vm: &Vm,
    lp: &Rc<Loop>,
    callback: &Value,
    args: &[Value],
    when: Option<i64>,
) -> PyResult<(Rc<Handle>, Value)> {
    if !crate::builtins::functions::is_callable(vm, callback) {
        return Err(type_error("a callable object is required"));
    }
    let _ = lp;
    let handle = Rc::new(Handle {
        callback: callback.clone(),
        args: args.to_vec(),
        cancelled: Rc::new(std::cell::Cell::new(false)),
        when,
    });
    let st = super::state(vm);
    let class = if when.is_some() {
        &st.timer_handle_class
    } else {
        &st.handle_class
    };
    let obj = NativeObject::new_value(class.clone(), HandleObject(handle.clone()));
    Ok((handle, obj))
}

fn call_soon(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("call_soon", kwargs, &["context"])?;
    let lp = this(args)?;
    let Some(cb) = args.get(1) else {
        return Err(type_error(
            "call_soon() missing 1 required positional argument: 'callback'",
        ));
    };
    let (handle, obj) = make_handle(vm, &lp, cb, &args[2..], None)?;
    lp.schedule(Ready::Call(handle));
    Ok(obj)
}

fn schedule_timer(vm: &Vm, lp: &Rc<Loop>, when: i64, cb: &Value, args: &[Value]) -> PyResult {
    let (handle, obj) = make_handle(vm, lp, cb, args, Some(when))?;
    lp.schedule_at(when, Ready::Call(handle.clone()), handle.cancelled.clone());
    Ok(obj)
}

fn delay_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<f64> {
    match v {
        Some(v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_))) => {
            crate::interp::ops::int_to_f64(v)
        }
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as a {what}",
            vm.type_name(other)
        ))),
        None => Err(type_error(format!("missing required argument '{what}'"))),
    }
}

fn call_later(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("call_later", kwargs, &["context"])?;
    let lp = this(args)?;
    let delay = delay_arg(vm, args.get(1), "delay")?;
    let Some(cb) = args.get(2) else {
        return Err(type_error(
            "call_later() missing 1 required positional argument: 'callback'",
        ));
    };
    let when = lp.clock.now() + secs_to_ns(delay);
    schedule_timer(vm, &lp, when, cb, &args[3..])
}

fn call_at(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("call_at", kwargs, &["context"])?;
    let lp = this(args)?;
    let when = delay_arg(vm, args.get(1), "when")?;
    let Some(cb) = args.get(2) else {
        return Err(type_error(
            "call_at() missing 1 required positional argument: 'callback'",
        ));
    };
    schedule_timer(vm, &lp, secs_to_ns(when), cb, &args[3..])
}

fn create_future(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    Ok(lp.new_future_object(None).1)
}

fn create_task(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("create_task", kwargs, &["name", "context"])?;
    arity("create_task", args, 2, 2)?;
    let lp = this(args)?;
    super::spawn_on(vm, &lp, &args[1], kwarg(kwargs, "name").cloned()).inspect_err(|e| {
        // The coroutine stays referenced by the error, as by the frame of
        // CPython's `create_task` in its traceback.
        e.data().frame_locals.borrow_mut().push(args[1].clone());
    })
}

fn is_running(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(this(args)?.is_running()))
}

fn is_closed(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(this(args)?.closed.get()))
}

fn check_can_run(vm: &Vm, lp: &Loop) -> PyResult<()> {
    if lp.closed.get() {
        return Err(runtime_error("Event loop is closed"));
    }
    if lp.is_running() {
        return Err(runtime_error("This event loop is already running"));
    }
    if super::running_loop(vm).is_ok() {
        return Err(runtime_error(
            "Cannot run the event loop while another loop is running",
        ));
    }
    Ok(())
}

/// `loop.run_until_complete(future)`: a coroutine is wrapped in a task;
/// the loop runs until it is done, and its result is returned.
fn run_until_complete(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("run_until_complete", args, 2, 2)?;
    let lp = this(args)?;
    if let Err(e) = check_can_run(vm, &lp) {
        // The argument stays referenced by the error, as by the frame
        // of CPython's `run_until_complete` in its traceback.
        e.data().frame_locals.borrow_mut().push(args[1].clone());
        return Err(e);
    }
    let fut = if let Some(f) = super::future::fut_of(&args[1]) {
        f
    } else if super::as_coroutine(vm, &args[1]).is_some() {
        if let Some(g) = super::as_coroutine(vm, &args[1]) {
            g.awaited.set(true);
        }
        lp.create_task(args[1].clone(), None).0
    } else {
        let helper = super::prelude_function(vm, "_ensure_future_on")?;
        let obj = vm.call(&helper, &[args[1].clone(), args[0].clone()], &[])?;
        super::future::fut_of(&obj).ok_or_else(|| {
            type_error("An asyncio.Future, a coroutine or an awaitable is required")
        })?
    };
    run_loop_until(vm, &lp, Some(&fut))?;
    if !fut.done() {
        return Err(runtime_error("Event loop stopped before Future completed."));
    }
    lp.result_of(&fut)
}

/// `loop.run_forever()`: runs until `stop()`.
fn run_forever(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("run_forever", args, 1, 1)?;
    let lp = this(args)?;
    check_can_run(vm, &lp)?;
    run_loop_until(vm, &lp, None)?;
    Ok(Value::None)
}

fn stop(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    this(args)?.stop();
    Ok(Value::None)
}

fn close(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    if lp.is_running() {
        return Err(runtime_error("Cannot close a running event loop"));
    }
    if !lp.closed.get() {
        lp.close();
        vm.run_finalizers(None);
    }
    Ok(Value::None)
}

/// `loop.run_in_executor(executor, func, *args)`: `func(*args)` runs
/// when the loop next has nothing ready and would wait (where CPython's
/// worker thread gets the interpreter lock), and its outcome reaches the
/// returned future on the iteration after (`call_soon_threadsafe` from the
/// worker).
fn run_in_executor(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    let Some(func) = args.get(2).cloned() else {
        return Err(type_error(
            "run_in_executor() missing 1 required positional argument: 'func'",
        ));
    };
    if lp.closed.get() {
        return Err(runtime_error("Event loop is closed"));
    }
    let fargs = args[3..].to_vec();
    let (fut, obj) = lp.new_future_object(None);
    let vm_rc = vm.rc();
    lp.when_idle(Box::new(move |lp: &Loop| {
        let outcome = vm_rc.call(&func, &fargs, &[]);
        lp.schedule(Ready::Native(Box::new(move |lp: &Loop| {
            if !fut.done() {
                fut.finish(lp, outcome);
            }
        })));
    }));
    Ok(obj)
}

fn shutdown_asyncgens(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("shutdown_asyncgens", args, 1, 1)?;
    let helper = super::prelude_function(vm, "_shutdown_asyncgens")?;
    vm.call(&helper, &args[..1], &[])
}

/// The async generators still alive that were first iterated on this loop
/// (emptying the set, and noting that shutdown began).
fn take_asyncgens(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    lp.asyncgens_shutdown_called.set(true);
    let gens = std::mem::take(&mut *lp.asyncgens.borrow_mut());
    Ok(Value::list(
        gens.iter()
            .filter_map(std::rc::Weak::upgrade)
            .map(Value::Native)
            .collect(),
    ))
}

fn get_debug(_vm: &Vm, _args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(false))
}

/// `loop.call_exception_handler(context)`: logs like asyncio's default handler.
fn call_exception_handler(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("call_exception_handler", args, 2, 2)?;
    let Value::Dict(ctx) = &args[1] else {
        return Err(type_error("context must be a dict"));
    };
    let get = |k: &str| vm.dict_get(&ctx.borrow(), &Value::str(k));
    let message = match get("message")? {
        Some(m) => vm.str_of(&m)?,
        None => "Unhandled exception in event loop".into(),
    };
    let mut text = format!("{message}\n");
    for key in ["task", "future", "handle"] {
        if let Some(v) = get(key)? {
            text.push_str(&format!("{key}: {}\n", vm.repr(&v)?));
        }
    }
    if let Some(Value::Instance(i)) = get("exception")?
        && let Some(e) = crate::value::Exc::from_instance(i)
    {
        text.push_str(&crate::diagnostic::render_exception(vm, &e));
    }
    vm.write_stderr(&text);
    Ok(Value::None)
}

fn loop_repr(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let lp = this(args)?;
    Ok(Value::str(format!(
        "<_UnixSelectorEventLoop running={} closed={} debug=False>",
        if lp.is_running() { "True" } else { "False" },
        if lp.closed.get() { "True" } else { "False" }
    )))
}

fn handle(args: &[Value]) -> PyResult<Rc<Handle>> {
    args.first()
        .and_then(|v| v.downcast::<HandleObject>())
        .map(|h| h.0.clone())
        .ok_or_else(|| type_error("descriptor needs a Handle"))
}

fn handle_cancel(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let h = handle(args)?;
    if !h.cancelled.replace(true) && h.when.is_some() {
        current_loop(vm).timer_cancelled();
    }
    Ok(Value::None)
}

fn handle_cancelled(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(handle(args)?.cancelled.get()))
}

fn handle_when(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let h = handle(args)?;
    Ok(Value::Float(ns_to_secs(h.when.unwrap_or(0))))
}

fn handle_repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let h = handle(args)?;
    let mut out = String::from(if h.when.is_some() {
        "<TimerHandle"
    } else {
        "<Handle"
    });
    if h.cancelled.get() {
        out.push_str(" cancelled");
    }
    if let Some(w) = h.when {
        out.push_str(" when=");
        out.push_str(&crate::format::float_repr(ns_to_secs(w)));
    }
    if !h.cancelled.get() {
        // asyncio's `_format_callback_source`: the callable's qualified
        // name, the arguments' reprs, and where a Python function is defined.
        let name = match vm.get_attr_opt(&h.callback, crate::value::sym::__qualname__)? {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => vm.repr(&h.callback)?,
        };
        let reprs: Vec<String> = h.args.iter().map(|a| vm.repr(a)).collect::<PyResult<_>>()?;
        out.push_str(&format!(" {name}({})", reprs.join(", ")));
        if let Value::Function(f) = &h.callback {
            let file = &f.code.file;
            out.push_str(&format!(
                " at {}:{}",
                file.name(),
                file.line_of(f.code.span.start)
            ));
        }
    }
    out.push('>');
    Ok(Value::str(out))
}
