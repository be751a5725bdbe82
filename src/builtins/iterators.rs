//! Methods of iterator objects, generators, coroutines and async generators.

use super::add_methods;
use super::args::arity;
use crate::interp::Vm;
use crate::interp::errors::{stop_iteration, type_error};
use crate::interp::generator::{GenStep, Generator, Resume};
use crate::interp::suspend::AsyncGenStep;
use crate::value::{NativeObject, PyResult, Symbol, Value, sym};
use std::cell::RefCell;
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    for class in [
        &t.iterator,
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.range_iterator,
        &t.set_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.callable_iterator,
    ] {
        add_methods(class, &[("__next__", iter_next), ("__iter__", iter_self)]);
    }
    add_methods(
        &t.generator,
        &[
            ("__next__", gen_next),
            ("__iter__", iter_self),
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
        ],
    );
    add_methods(
        &t.coroutine,
        &[
            ("send", coro_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__await__", coro_await),
        ],
    );
    add_methods(
        &t.async_generator,
        &[
            ("__aiter__", iter_self),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    add_methods(
        &t.async_generator_asend,
        &[("__await__", iter_self), ("__iter__", iter_self)],
    );
    for (class, getter_name) in [(&t.generator, "gi_running"), (&t.coroutine, "cr_running")] {
        super::add_getter(class, getter_name, |vm, args, _| {
            let g = generator(vm, args)?;
            Ok(Value::Bool(
                g.state.get() == crate::interp::generator::GenState::Running,
            ))
        });
    }
    for class in [&t.generator, &t.coroutine, &t.async_generator] {
        super::add_getter(class, "__name__", |vm, args, _| {
            Ok(Value::str(&*generator(vm, args)?.name))
        });
        super::add_getter(class, "__qualname__", |vm, args, _| {
            Ok(Value::str(&*generator(vm, args)?.qualname))
        });
        super::add_methods(class, &[("__repr__", gen_repr)]);
    }
}

fn iter_self(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    args.first()
        .cloned()
        .ok_or_else(|| type_error("__iter__ needs an argument"))
}

fn iter_next(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("__next__", args, 1, 1)?;
    match vm.next_of(&args[0])? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(Value::None)),
    }
}

fn generator(vm: &Vm, args: &[Value]) -> PyResult<Rc<Generator>> {
    args.first()
        .and_then(|g| vm.as_generator(g))
        .ok_or_else(|| type_error("descriptor needs a generator"))
}

fn step_result(step: GenStep) -> PyResult {
    match step {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_next(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let g = generator(vm, args)?;
    step_result(vm.generator_resume(&g, Resume::Send(Value::None))?)
}

fn gen_send(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("send", &args[1.min(args.len())..], 1, 1)?;
    let g = generator(vm, args)?;
    step_result(vm.generator_resume(&g, Resume::Send(args[1].clone()))?)
}

/// The exception `throw(type[, value])` delivers.
fn thrown(vm: &Vm, args: &[Value]) -> PyResult<crate::value::Exc> {
    let Some(first) = args.get(1) else {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    };
    match (first, args.get(2)) {
        (Value::Class(_), Some(v)) if !matches!(v, Value::None) => {
            let inst = vm.call(first, std::slice::from_ref(v), &[])?;
            vm.make_exception(inst)
        }
        _ => vm.make_exception(first.clone()),
    }
}

fn gen_throw(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let g = generator(vm, args)?;
    let exc = thrown(vm, args)?;
    if g.kind == crate::ir::FunctionKind::Coroutine {
        return Err(type_error(
            "pyco drives coroutines through the event loop; throw() is not supported on them",
        ));
    }
    step_result(vm.generator_resume(&g, Resume::Throw(exc))?)
}

fn gen_close(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let g = generator(vm, args)?;
    vm.generator_close(&g)
}

fn coro_send(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let g = generator(vm, args)?;
    g.awaited.set(true);
    let value = args.get(1).cloned().unwrap_or(Value::None);
    if !matches!(value, Value::None) && g.state.get() == crate::interp::generator::GenState::Created
    {
        return Err(type_error(
            "can't send non-None value to a just-started coroutine",
        ));
    }
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match vm.poll_body(&g, &mut cx) {
        std::task::Poll::Ready(Ok(v)) => Err(stop_iteration(v)),
        std::task::Poll::Ready(Err(e)) => Err(e),
        std::task::Poll::Pending => Ok(Value::None),
    }
}

fn coro_await(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (this, _) = super::args::receiver("__await__", args)?;
    let _ = vm;
    Ok(this.clone())
}

fn agen_step(vm: &Vm, args: &[Value], resume: Resume, close: bool) -> PyResult {
    let g = generator(vm, args)?;
    vm.async_gen_first_iter(&g, &args[0]);
    Ok(NativeObject::new_value(
        vm.types.async_generator_asend.clone(),
        AsyncGenStep {
            generator: g,
            resume: RefCell::new(Some(resume)),
            close,
        },
    ))
}

fn agen_anext(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    agen_step(vm, args, Resume::Send(Value::None), false)
}

fn agen_asend(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let v = args.get(1).cloned().unwrap_or(Value::None);
    agen_step(vm, args, Resume::Send(v), false)
}

fn agen_athrow(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let exc = thrown(vm, args)?;
    agen_step(vm, args, Resume::Throw(exc), false)
}

fn agen_aclose(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let exit = crate::interp::errors::new_exception(&vm.types.generator_exit, vec![]);
    agen_step(vm, args, Resume::Throw(exit), true)
}

fn gen_repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let g = generator(vm, args)?;
    let kind = match g.kind {
        crate::ir::FunctionKind::Coroutine => "coroutine",
        crate::ir::FunctionKind::AsyncGenerator => "async_generator",
        _ => "generator",
    };
    let address = args[0].ptr_id().unwrap_or(0);
    Ok(Value::str(format!(
        "<{kind} object {} at {address:#x}>",
        g.qualname
    )))
}

/// `__name__` of the generator-like object (for modules reporting on them).
#[must_use]
pub fn generator_name(g: &Generator) -> Rc<str> {
    g.name.clone()
}

/// The iterator protocol's method names, for modules that check them.
#[must_use]
pub fn next_symbol() -> Symbol {
    sym::__next__
}
