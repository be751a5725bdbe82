//! Methods of `dict`, `set` and `frozenset`, and dict views.

use super::add_methods;
use super::args::arity;
use crate::interp::Vm;
use crate::interp::errors::{key_error, type_error};
use crate::value::{DictMap, PyResult, Symbol, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.dict,
        &[("get", dict_get), ("keys", dict_keys), ("values", dict_values), ("items", dict_items), ("pop", dict_pop)],
    );
    add_methods(&vm.types.set, &[("add", set_add)]);
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<(&'a Rc<RefCell<DictMap>>, &'a [Value])> {
    match args.split_first() {
        Some((Value::Dict(d), rest)) => Ok((d, rest)),
        _ => Err(type_error(format!("descriptor '{name}' for 'dict' objects needs a 'dict' argument"))),
    }
}

fn dict_get(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = this(args, "get")?;
    arity("get", rest, 1, 2)?;
    let found = vm.dict_get(&d.borrow(), &rest[0])?;
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_keys(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = this(args, "keys")?;
    Ok(Value::list(d.borrow().iter().map(|e| e.key.clone()).collect()))
}

fn dict_values(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = this(args, "values")?;
    Ok(Value::list(d.borrow().iter().map(|e| e.value.clone()).collect()))
}

fn dict_items(_vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = this(args, "items")?;
    Ok(Value::list(
        d.borrow().iter().map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()])).collect(),
    ))
}

fn dict_pop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = this(args, "pop")?;
    arity("pop", rest, 1, 2)?;
    let mut map = std::mem::take(&mut *d.borrow_mut());
    let r = vm.dict_remove(&mut map, &rest[0]);
    *d.borrow_mut() = map;
    match (r?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(rest[0].clone())),
    }
}

fn set_add(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    match args {
        [Value::Set(s), v] => {
            let mut table = std::mem::take(&mut *s.borrow_mut());
            let r = vm.set_add(&mut table, v.clone());
            *s.borrow_mut() = table;
            r.map(|()| Value::None)
        }
        _ => Err(type_error("set.add() takes exactly one argument")),
    }
}
