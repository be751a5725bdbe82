//! Python methods of `asyncio.Future` and `asyncio.Task`.

use super::{AsyncioState, current_loop, running_loop, spawn};
use crate::builtins::args::{allowed_kwargs, arity, kwarg};
use crate::builtins::{add_getter, add_methods, builtin_fn};
use crate::interp::Vm;
use crate::interp::errors::{runtime_error, type_error};
use crate::runtime::future::{DoneCallback, Fut, FutState};
use crate::value::{Exc, PyResult, Symbol, Value, sym};
use std::rc::Rc;

/// The runtime future behind a Future or Task object.
#[must_use]
pub fn fut_of(v: &Value) -> Option<Rc<Fut>> {
    v.downcast::<crate::runtime::future::FutObject>()
        .map(|f| f.0.clone())
}

fn this(args: &[Value]) -> PyResult<Rc<Fut>> {
    args.first()
        .and_then(fut_of)
        .ok_or_else(|| type_error("descriptor needs an asyncio.Future"))
}

/// Installs the methods.
pub fn install(_vm: &Vm, st: &AsyncioState) {
    let f = &st.future_class;
    f.dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", future_new));
    add_methods(
        f,
        &[
            ("result", result),
            ("exception", exception),
            ("done", done),
            ("cancelled", cancelled),
            ("cancel", cancel),
            ("add_done_callback", add_done_callback),
            ("remove_done_callback", remove_done_callback),
            ("set_result", set_result),
            ("set_exception", set_exception),
            ("get_loop", get_loop),
            ("__await__", await_self),
            ("__iter__", await_self),
            ("__repr__", repr),
            ("_make_cancelled_error", make_cancelled_error),
            ("_set_cancel_hook", set_cancel_hook),
            ("_set_label", set_label),
        ],
    );
    add_getter(f, "_state", |_, args, _| {
        Ok(Value::str(this(args)?.state().name()))
    });
    add_getter(f, "_cancel_message", |_, args, _| {
        Ok(this(args)?
            .cancel_message
            .borrow()
            .clone()
            .unwrap_or(Value::None))
    });
    let t = &st.task_class;
    t.dict
        .borrow_mut()
        .set(sym::__new__, builtin_fn("__new__", task_new));
    add_methods(
        t,
        &[
            ("get_name", get_name),
            ("set_name", set_name),
            ("get_coro", get_coro),
            ("cancelling", cancelling),
            ("uncancel", uncancel),
            ("__repr__", repr),
            ("set_result", |_, _, _| {
                Err(runtime_error("Task does not support set_result operation"))
            }),
            ("set_exception", |_, _, _| {
                Err(runtime_error(
                    "Task does not support set_exception operation",
                ))
            }),
        ],
    );
}

fn future_new(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("Future", kwargs, &["loop"])?;
    arity("Future", &args[1.min(args.len())..], 0, 0)?;
    let lp = current_loop(vm);
    Ok(lp.new_future_object(None).1)
}

fn task_new(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("Task", kwargs, &["loop", "name", "context"])?;
    let rest = &args[1.min(args.len())..];
    arity("Task", rest, 1, 1)?;
    spawn(vm, &rest[0], kwarg(kwargs, "name").cloned())
}

fn result(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = this(args)?;
    current_loop(vm).result_of(&f)
}

fn exception(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = this(args)?;
    let lp = current_loop(vm);
    match f.state() {
        FutState::Cancelled => Err(lp.cancelled_error(&f)),
        FutState::Pending => Err(crate::value::exception::new_exception(
            &lp.classes.invalid_state_error,
            vec![Value::str("Exception is not set.")],
        )),
        FutState::Finished => {
            f.log_traceback.set(false);
            Ok(match f.outcome() {
                Some(Err(e)) => e.value(),
                _ => Value::None,
            })
        }
    }
}

fn done(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(this(args)?.done()))
}

fn cancelled(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    Ok(Value::Bool(this(args)?.cancelled()))
}

fn cancel(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("cancel", kwargs, &["msg"])?;
    let f = this(args)?;
    let msg = args.get(1).or_else(|| kwarg(kwargs, "msg")).cloned();
    let msg = msg.filter(|m| !matches!(m, Value::None));
    Ok(Value::Bool(f.cancel(&current_loop(vm), msg)))
}

fn add_done_callback(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("add_done_callback", kwargs, &["context"])?;
    let f = this(args)?;
    let Some(cb) = args.get(1) else {
        return Err(type_error(
            "add_done_callback() missing 1 required positional argument: 'fn'",
        ));
    };
    f.add_callback(&current_loop(vm), DoneCallback::Python(cb.clone()));
    Ok(Value::None)
}

fn remove_done_callback(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = this(args)?;
    let Some(cb) = args.get(1) else {
        return Err(type_error(
            "remove_done_callback() takes exactly one argument (0 given)",
        ));
    };
    let n = f.remove_python_callbacks(|g| g.is(cb) || vm.eq(g, cb).unwrap_or(false));
    Ok(Value::Int(n as i64))
}

fn invalid_state(vm: &Vm) -> Exc {
    let lp = current_loop(vm);
    crate::value::exception::new_exception(
        &lp.classes.invalid_state_error,
        vec![Value::str("invalid state")],
    )
}

fn set_result(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("set_result", args, 2, 2)?;
    let f = this(args)?;
    if f.done() {
        return Err(invalid_state(vm));
    }
    f.finish(&current_loop(vm), Ok(args[1].clone()));
    Ok(Value::None)
}

fn set_exception(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("set_exception", args, 2, 2)?;
    let f = this(args)?;
    if f.done() {
        return Err(invalid_state(vm));
    }
    let exc = match &args[1] {
        Value::Class(_) => vm.make_exception(vm.call(&args[1], &[], &[])?)?,
        other => vm.make_exception(other.clone())?,
    };
    if exc.instance().class_is_subclass(&vm.types.stop_iteration) {
        return Err(type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    f.finish(&current_loop(vm), Err(exc));
    Ok(Value::None)
}

fn get_loop(vm: &Vm, _args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    current_loop(vm);
    Ok(super::state(vm)
        .loop_object
        .borrow()
        .clone()
        .unwrap_or(Value::None))
}

fn await_self(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    args.first()
        .cloned()
        .ok_or_else(|| type_error("__await__ needs a future"))
}

fn repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = this(args)?;
    Ok(Value::str(fut_repr(vm, &f)?))
}

/// Logs a future whose exception nobody retrieved, as asyncio's default
/// exception handler does when the future is freed.
pub fn report_never_retrieved(vm: &Vm, f: &Fut) {
    if !f.log_traceback.replace(false) {
        return;
    }
    let Some(Err(e)) = f.outcome() else { return };
    let kind = if f.task().is_some() { "Task" } else { "Future" };
    let obj = fut_repr(vm, f).unwrap_or_default();
    let mut text = format!("{kind} exception was never retrieved\nfuture: {obj}\n");
    text.push_str(&crate::diagnostic::render_exception(vm, &e));
    vm.write_stderr(&text);
}

/// `repr()` of a future or task.
pub fn fut_repr(vm: &Vm, f: &Fut) -> PyResult<String> {
    let mut state = f.state().name().to_lowercase();
    // `Task.cancelling()` and not done, as CPython 3.11's `_task_repr_info`.
    if !f.done() && f.task().is_some_and(|t| t.num_cancels.get() > 0) {
        "cancelling".clone_into(&mut state);
    }
    let mut out = match f.task() {
        Some(t) => format!("<Task {state} name={}", vm.repr(&t.name.borrow())?),
        None => format!("<Future {state}"),
    };
    if let Some(t) = f.task() {
        let coro = &t.coro;
        let name = match vm.as_generator(coro) {
            Some(g) => match (&g.origin, g.state.get()) {
                (Some((file, pos)), crate::interp::generator::GenState::Done) => format!(
                    "{}() done, defined at {}:{}",
                    g.qualname,
                    file.name(),
                    file.line_of(*pos)
                ),
                // Where it waits (a not yet started coroutine: its `def`).
                (Some((file, pos)), _) => {
                    let site = t
                        .await_site
                        .borrow()
                        .clone()
                        .filter(|_| t.started.get())
                        .unwrap_or_else(|| format!("{}:{}", file.name(), file.line_of(*pos)));
                    format!("{}() running at {site}", g.qualname)
                }
                _ => format!("{}()", g.qualname),
            },
            None => vm.repr(coro)?,
        };
        out.push_str(&format!(" coro=<{name}>"));
    }
    match (f.state(), f.outcome()) {
        (FutState::Finished, Some(Ok(v))) if f.task().is_none() => {
            out.push_str(&format!(" result={}", vm.repr(&v)?));
        }
        (FutState::Finished, Some(Ok(v))) => out.push_str(&format!(" result={}", vm.repr(&v)?)),
        (FutState::Finished, Some(Err(e))) => {
            out.push_str(&format!(" exception={}", vm.repr(&e.value())?));
        }
        _ => {}
    }
    out.push('>');
    Ok(out)
}

fn make_cancelled_error(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = this(args)?;
    Ok(current_loop(vm).cancelled_error(&f).value())
}

fn set_cancel_hook(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_set_cancel_hook", args, 2, 2)?;
    let f = this(args)?;
    *f.cancel_hook.borrow_mut() = Some(crate::runtime::future::CancelHook::Python(args[1].clone()));
    Ok(Value::None)
}

fn set_label(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("_set_label", args, 2, 2)?;
    let f = this(args)?;
    *f.label.borrow_mut() = Some(vm.str_of(&args[1])?);
    Ok(Value::None)
}

fn task_part(args: &[Value]) -> PyResult<Rc<Fut>> {
    let f = this(args)?;
    if f.task().is_none() {
        return Err(type_error("descriptor needs an asyncio.Task"));
    }
    Ok(f)
}

fn get_name(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = task_part(args)?;
    Ok(f.task().expect("checked").name.borrow().clone())
}

fn set_name(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("set_name", args, 2, 2)?;
    let f = task_part(args)?;
    let name = match &args[1] {
        v @ Value::Str(_) => v.clone(),
        other => Value::str(vm.str_of(other)?),
    };
    *f.task().expect("checked").name.borrow_mut() = name;
    Ok(Value::None)
}

fn get_coro(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = task_part(args)?;
    Ok(f.task().expect("checked").coro.clone())
}

fn cancelling(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = task_part(args)?;
    Ok(Value::Int(i64::from(
        f.task().expect("checked").num_cancels.get(),
    )))
}

fn uncancel(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let f = task_part(args)?;
    let t = f.task().expect("checked");
    if t.num_cancels.get() > 0 {
        t.num_cancels.set(t.num_cancels.get() - 1);
    }
    Ok(Value::Int(i64::from(t.num_cancels.get())))
}

/// The running loop (for sibling modules).
pub fn loop_for(vm: &Vm) -> PyResult<Rc<crate::runtime::Loop>> {
    running_loop(vm)
}
