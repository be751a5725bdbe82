//! Methods of `set` and `frozenset`.
//!
//! The methods both classes have are generic over `FROZEN`, so each class
//! gets its own copy and error messages name the right class
//! (`frozenset.union() takes no keyword arguments`).

use super::set_algo::{self as algo, Target, table_of, wrap};
use super::{snapshot, with_taken};
use crate::builtins::add_methods;
use crate::builtins::args::{arity, no_kwargs, wrong_receiver};
use crate::interp::Vm;
use crate::interp::errors::key_error;
use crate::value::{PyResult, SetTable, Symbol, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.set,
        &[
            ("add", add),
            ("clear", clear),
            ("copy", copy::<false>),
            ("difference", difference::<false>),
            ("difference_update", difference_update),
            ("discard", discard),
            ("intersection", intersection::<false>),
            ("intersection_update", intersection_update),
            ("isdisjoint", isdisjoint::<false>),
            ("issubset", issubset::<false>),
            ("issuperset", issuperset::<false>),
            ("pop", pop),
            ("remove", remove),
            ("symmetric_difference", symmetric_difference::<false>),
            ("symmetric_difference_update", symmetric_difference_update),
            ("union", union::<false>),
            ("update", update),
            ("__contains__", contains::<false>),
        ],
    );
    add_methods(
        &vm.types.frozenset,
        &[
            ("copy", copy::<true>),
            ("difference", difference::<true>),
            ("intersection", intersection::<true>),
            ("isdisjoint", isdisjoint::<true>),
            ("issubset", issubset::<true>),
            ("issuperset", issuperset::<true>),
            ("symmetric_difference", symmetric_difference::<true>),
            ("union", union::<true>),
            ("__contains__", contains::<true>),
        ],
    );
}

/// The shared, mutable table of a `set`.
type SetCell = Rc<RefCell<SetTable>>;

fn class_name(frozen: bool) -> &'static str {
    if frozen { "frozenset" } else { "set" }
}

/// The receiver (a `frozenset` if `FROZEN`, else a `set`) and the other
/// arguments; keyword arguments are refused.
fn receiver<'a, const FROZEN: bool>(
    vm: &Vm,
    method: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult<(&'a Value, &'a [Value])> {
    let class = class_name(FROZEN);
    match args.split_first() {
        Some((this @ Value::FrozenSet(_), rest)) if FROZEN => {
            no_kwargs(&format!("{class}.{method}"), kwargs)?;
            Ok((this, rest))
        }
        Some((this @ Value::Set(_), rest)) if !FROZEN => {
            no_kwargs(&format!("{class}.{method}"), kwargs)?;
            Ok((this, rest))
        }
        other => Err(wrong_receiver(vm, class, method, other.map(|(v, _)| v))),
    }
}

/// A `set` receiver's cell and the other arguments, checked to number
/// between `min` and `max`.
fn set_receiver<'a>(
    vm: &Vm,
    method: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
    (min, max): (usize, usize),
) -> PyResult<(&'a Value, &'a SetCell, &'a [Value])> {
    let (this, rest) = receiver::<false>(vm, method, args, kwargs)?;
    arity(&format!("set.{method}"), rest, min, max)?;
    match this {
        Value::Set(cell) => Ok((this, cell, rest)),
        _ => Err(wrong_receiver(vm, "set", method, Some(this))),
    }
}

/// The receiver's table (shared for a frozenset, a snapshot for a set).
fn table(this: &Value) -> PyResult<Rc<SetTable>> {
    Ok(table_of(this)?.unwrap_or_default())
}

fn add(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, cell, rest) = set_receiver(vm, "add", args, kwargs, (1, 1))?;
    let key = rest[0].clone();
    let hash = vm.hash(&key)?;
    with_taken(cell, |t| algo::add_hashed(vm, t, hash, key))?;
    Ok(Value::None)
}

fn clear(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, cell, _) = set_receiver(vm, "clear", args, kwargs, (0, 0))?;
    with_taken(cell, |t| {
        t.clear();
        Ok(())
    })?;
    Ok(Value::None)
}

fn copy<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "copy", args, kwargs)?;
    arity(&format!("{}.copy", class_name(FROZEN)), rest, 0, 0)?;
    if FROZEN {
        return Ok(this.clone());
    }
    Ok(wrap(false, algo::copy(table(this)?.as_ref())))
}

fn union<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, others) = receiver::<FROZEN>(vm, "union", args, kwargs)?;
    Ok(wrap(
        FROZEN,
        algo::union(vm, table(this)?.as_ref(), this, others)?,
    ))
}

fn intersection<const FROZEN: bool>(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult {
    let (this, others) = receiver::<FROZEN>(vm, "intersection", args, kwargs)?;
    Ok(wrap(
        FROZEN,
        algo::intersection_multi(vm, table(this)?.as_ref(), this, others)?,
    ))
}

fn difference<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, others) = receiver::<FROZEN>(vm, "difference", args, kwargs)?;
    Ok(wrap(
        FROZEN,
        algo::difference_multi(vm, table(this)?.as_ref(), others)?,
    ))
}

fn symmetric_difference<const FROZEN: bool>(
    vm: &Vm,
    args: &[Value],
    kwargs: &[(Symbol, Value)],
) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "symmetric_difference", args, kwargs)?;
    arity(
        &format!("{}.symmetric_difference", class_name(FROZEN)),
        rest,
        1,
        1,
    )?;
    Ok(wrap(
        FROZEN,
        algo::symmetric_difference(vm, table(this)?.as_ref(), &rest[0])?,
    ))
}

fn issubset<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "issubset", args, kwargs)?;
    arity(&format!("{}.issubset", class_name(FROZEN)), rest, 1, 1)?;
    Ok(Value::Bool(algo::issubset(
        vm,
        table(this)?.as_ref(),
        &rest[0],
    )?))
}

fn issuperset<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "issuperset", args, kwargs)?;
    arity(&format!("{}.issuperset", class_name(FROZEN)), rest, 1, 1)?;
    Ok(Value::Bool(algo::issuperset(
        vm,
        table(this)?.as_ref(),
        &rest[0],
    )?))
}

fn isdisjoint<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "isdisjoint", args, kwargs)?;
    arity(&format!("{}.isdisjoint", class_name(FROZEN)), rest, 1, 1)?;
    Ok(Value::Bool(algo::isdisjoint(
        vm,
        table(this)?.as_ref(),
        this,
        &rest[0],
    )?))
}

fn contains<const FROZEN: bool>(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, rest) = receiver::<FROZEN>(vm, "__contains__", args, kwargs)?;
    arity(&format!("{}.__contains__", class_name(FROZEN)), rest, 1, 1)?;
    Ok(Value::Bool(algo::contains(vm, this, &rest[0])?))
}

fn update(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, cell, others) = set_receiver(vm, "update", args, kwargs, (0, usize::MAX))?;
    for other in others {
        algo::update(vm, &mut Target::Shared(cell), other, Some(this))?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, cell, others) =
        set_receiver(vm, "intersection_update", args, kwargs, (0, usize::MAX))?;
    let out = algo::intersection_multi(vm, &snapshot(cell)?, this, others)?;
    algo::replace_keys(cell, out)?;
    Ok(Value::None)
}

fn difference_update(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, cell, others) =
        set_receiver(vm, "difference_update", args, kwargs, (0, usize::MAX))?;
    for other in others {
        algo::difference_update(vm, &mut Target::Shared(cell), other, Some(this))?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (this, cell, rest) = set_receiver(vm, "symmetric_difference_update", args, kwargs, (1, 1))?;
    algo::symmetric_difference_update(vm, &mut Target::Shared(cell), &rest[0], Some(this))?;
    Ok(Value::None)
}

/// Removes `key` (a set standing for the equal frozenset); whether it was
/// there.
fn discard_key(vm: &Vm, cell: &RefCell<SetTable>, key: &Value) -> PyResult<bool> {
    let (hash, key) = algo::lookup_key(vm, key)?;
    with_taken(cell, |t| algo::discard_hashed(vm, t, hash, &key))
}

fn discard(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, cell, rest) = set_receiver(vm, "discard", args, kwargs, (1, 1))?;
    discard_key(vm, cell, &rest[0])?;
    Ok(Value::None)
}

fn remove(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, cell, rest) = set_receiver(vm, "remove", args, kwargs, (1, 1))?;
    if discard_key(vm, cell, &rest[0])? {
        Ok(Value::None)
    } else {
        Err(key_error(rest[0].clone()))
    }
}

fn pop(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (_, cell, _) = set_receiver(vm, "pop", args, kwargs, (0, 0))?;
    with_taken(cell, |t| {
        t.pop()
            .ok_or_else(|| key_error(Value::str("pop from an empty set")))
    })
}
