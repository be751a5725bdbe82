//! The `types` module: `coroutine` (generator-based coroutines) and the
//! type objects of functions, generators and coroutines.

use super::set_fn;
use crate::builtins::args::arity;
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::value::{Builtin, Module, PyResult, Symbol, Value};
use std::rc::Rc;

/// Builds the module.
pub fn build(vm: &Vm) -> Rc<Module> {
    let m = vm.new_module("types", None);
    set_fn(&m, "coroutine", coroutine);
    let t = &vm.types;
    for (name, class) in [
        ("GeneratorType", &t.generator),
        ("CoroutineType", &t.coroutine),
        ("AsyncGeneratorType", &t.async_generator),
    ] {
        m.globals
            .set(Symbol::intern(name), Value::Class(class.clone()));
    }
    m
}

/// `types.coroutine(func)`: calls of the result return `func`'s generator
/// marked awaitable (what the `CO_ITERABLE_COROUTINE` flag does in
/// CPython); anything else is returned as it is.
fn coroutine(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("coroutine", args, 1, 1)?;
    let func = &args[0];
    if !crate::builtins::functions::is_callable(vm, func) {
        return Err(type_error("types.coroutine() expects a callable"));
    }
    if let Value::Function(f) = func
        && f.code.function_kind == crate::ir::FunctionKind::Coroutine
    {
        return Ok(func.clone());
    }
    Ok(Value::Builtin(Rc::new(Builtin {
        name: "coroutine",
        func: call_marked,
        receiver: Some(func.clone()),
        owner: None,
        returns_coroutine: false,
        host: None,
        positional_only: false,
    })))
}

fn call_marked(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let result = vm.call(&args[0], &args[1..], kwargs)?;
    if let Some(g) = vm.as_generator(&result) {
        g.iterable_coroutine.set(true);
    }
    Ok(result)
}
