//! `asyncio.gather`, native.
//!
//! It follows CPython 3.11's `tasks.gather` step for step — the same
//! children created in argument order, one done callback per distinct
//! child registered in that order, the outer future completed by the
//! callback of the last child (or the first failure), and a `cancel()` on
//! the outer future that cancels the children instead — so tasks wake in
//! the same order. Being native, a child's completion costs one callback
//! and no Python frame, which matters when a script gathers 100k tasks.

use super::future::fut_of;
use super::{as_coroutine, current_loop, running_loop, spawn};
use crate::builtins::args::{allowed_kwargs, kwarg};
use crate::interp::Vm;
use crate::runtime::Loop;
use crate::runtime::future::{CancelHook, DoneCallback, Fut};
use crate::value::{PyResult, Symbol, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The shared state of one `gather()` call.
struct Gathering {
    /// One entry per argument (a repeated argument repeats its future).
    children: Vec<Rc<Fut>>,
    /// The children's objects, which gather keeps alive as CPython's
    /// `children` list does (so that a child's exception is not reported
    /// as never retrieved before gather reads it).
    _objects: Vec<Value>,
    /// Distinct children.
    distinct: usize,
    /// Children finished so far.
    finished: Cell<usize>,
    return_exceptions: bool,
    /// The future `gather()` returned; set once every child is registered.
    outer: RefCell<Option<Rc<Fut>>>,
    /// `cancel()` on the outer future reached a child.
    cancel_requested: Cell<bool>,
}

/// `asyncio.gather(*aws, return_exceptions=False)`.
pub fn gather(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    allowed_kwargs("gather", kwargs, &["return_exceptions"])?;
    let return_exceptions = match kwarg(kwargs, "return_exceptions") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if args.is_empty() {
        let lp = current_loop(vm);
        let (outer, value) = lp.new_future_object(None);
        outer.finish(&lp, Ok(Value::list(Vec::new())));
        return Ok(value);
    }
    let mut children = Vec::with_capacity(args.len());
    let mut by_identity: HashMap<usize, Rc<Fut>> = HashMap::new();
    let mut fresh = Vec::new();
    let mut objects = Vec::with_capacity(args.len());
    for arg in args {
        // Futures and coroutines compare by identity.
        let key = arg.ptr_id();
        if let Some(found) = key.and_then(|k| by_identity.get(&k)) {
            children.push(found.clone());
            continue;
        }
        let (fut, object) = ensure_future(vm, arg)?;
        objects.push(object);
        if let Some(k) = key {
            by_identity.insert(k, fut.clone());
        }
        fresh.push(fut.clone());
        children.push(fut);
    }
    let lp = running_loop(vm).unwrap_or_else(|_| current_loop(vm));
    let state = Rc::new(Gathering {
        children,
        _objects: objects,
        distinct: fresh.len(),
        finished: Cell::new(0),
        return_exceptions,
        outer: RefCell::new(None),
        cancel_requested: Cell::new(false),
    });
    for child in &fresh {
        let state = state.clone();
        child.add_callback(
            &lp,
            DoneCallback::Native(Box::new(move |lp: &Loop, fut: &Rc<Fut>| {
                child_done(lp, &state, fut);
            })),
        );
    }
    let (outer, value) = lp.new_future_object(None);
    *state.outer.borrow_mut() = Some(outer.clone());
    *outer.label.borrow_mut() = Some("gather()".into());
    *outer.cancel_hook.borrow_mut() = Some(CancelHook::Native(Rc::new(move |lp, msg| {
        cancel_children(lp, &state, msg)
    })));
    Ok(value)
}

/// The future for one argument: itself if it is a future, a new task for
/// a coroutine, and the prelude's `_ensure_future` for other awaitables.
fn ensure_future(vm: &Vm, arg: &Value) -> PyResult<(Rc<Fut>, Value)> {
    if let Some(f) = fut_of(arg) {
        return Ok((f, arg.clone()));
    }
    let task = if as_coroutine(vm, arg).is_some() {
        spawn(vm, arg, None)?
    } else {
        let asyncio = vm.modules.borrow().get("asyncio").cloned();
        let helper = match asyncio {
            Some(Value::Module(m)) => vm.module_global(&m, Symbol::intern("_ensure_future"))?,
            _ => None,
        }
        .ok_or_else(|| {
            crate::interp::errors::type_error(
                "An asyncio.Future, a coroutine or an awaitable is required",
            )
        })?;
        vm.call(&helper, std::slice::from_ref(arg), &[])?
    };
    let fut = fut_of(&task).ok_or_else(|| {
        crate::interp::errors::type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        )
    })?;
    Ok((fut, task))
}

/// A child finished: CPython's `_done_callback`.
fn child_done(lp: &Loop, state: &Gathering, fut: &Rc<Fut>) {
    state.finished.set(state.finished.get() + 1);
    let outer = state.outer.borrow().clone();
    let Some(outer) = outer.filter(|o| !o.done()) else {
        if !fut.cancelled() {
            // Looking at the exception marks it retrieved.
            fut.log_traceback.set(false);
        }
        return;
    };
    if !state.return_exceptions {
        if fut.cancelled() {
            outer.finish(lp, Err(lp.cancelled_error(fut)));
            return;
        }
        fut.log_traceback.set(false);
        if let Some(Err(e)) = fut.outcome() {
            outer.finish(lp, Err(e));
            return;
        }
    }
    if state.finished.get() < state.distinct {
        return;
    }
    let results = state
        .children
        .iter()
        .map(|child| {
            if child.cancelled() {
                let message = child
                    .cancel_message
                    .borrow()
                    .clone()
                    .unwrap_or_else(|| Value::str(""));
                crate::value::exception::new_exception(&lp.classes.cancelled_error, vec![message])
                    .value()
            } else {
                child.log_traceback.set(false);
                match child.outcome() {
                    Some(Ok(v)) => v,
                    Some(Err(e)) => e.value(),
                    None => Value::None,
                }
            }
        })
        .collect();
    if state.cancel_requested.get() {
        outer.finish(lp, Err(lp.cancelled_error(fut)));
    } else {
        outer.finish(lp, Ok(Value::list(results)));
    }
}

/// `cancel(msg)` on the outer future: cancel the children instead.
fn cancel_children(lp: &Loop, state: &Gathering, msg: Option<Value>) -> bool {
    let done = state.outer.borrow().as_ref().is_none_or(|o| o.done());
    if done {
        return false;
    }
    let mut cancelled_any = false;
    for child in &state.children {
        if child.cancel(lp, msg.clone()) {
            cancelled_any = true;
        }
    }
    if cancelled_any {
        state.cancel_requested.set(true);
    }
    cancelled_any
}
