//! Methods of `list`, `tuple` and `range`, and the sort behind `sorted`.

use super::args::{arity, no_kwargs};
use super::{add_methods, add_positional_methods};
use crate::ast::BinOp;
use crate::interp::Vm;
use crate::interp::errors::{index_error, type_error, value_error};
use crate::value::{PyResult, Symbol, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    add_positional_methods(
        &t.list,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
        ],
    );
    add_methods(&t.list, &[("sort", list_sort)]);
    add_positional_methods(
        &t.list,
        &[
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
            ("__iadd__", list_iadd),
            ("__imul__", list_imul),
        ],
    );
    add_positional_methods(&t.tuple, &[("index", tuple_index), ("count", tuple_count)]);
    add_methods(&t.range, &[("index", range_index), ("count", range_count)]);
    super::add_getter(&t.range, "start", |_, a, _| range_field(a, |r| r.start));
    super::add_getter(&t.range, "stop", |_, a, _| range_field(a, |r| r.stop));
    super::add_getter(&t.range, "step", |_, a, _| range_field(a, |r| r.step));
    super::add_getter(&t.slice, "start", |_, a, _| slice_field(a, 0));
    super::add_getter(&t.slice, "stop", |_, a, _| slice_field(a, 1));
    super::add_getter(&t.slice, "step", |_, a, _| slice_field(a, 2));
    add_methods(&t.slice, &[("indices", slice_indices)]);
}

fn range_field(args: &[Value], f: impl Fn(&crate::value::Range) -> i64) -> PyResult {
    match args.first() {
        Some(Value::Range(r)) => Ok(Value::Int(f(r))),
        _ => Err(type_error("expected a range")),
    }
}

fn slice_field(args: &[Value], which: usize) -> PyResult {
    match args.first() {
        Some(Value::Slice(s)) => Ok(match which {
            0 => s.start.clone(),
            1 => s.stop.clone(),
            _ => s.step.clone(),
        }),
        _ => Err(type_error("expected a slice")),
    }
}

fn slice_indices(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("indices", args, 2, 2)?;
    let Value::Slice(s) = &args[0] else {
        return Err(type_error("expected a slice"));
    };
    let n = vm.to_index(&args[1])?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let b = vm.slice_bounds(s, n as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(b.start),
        Value::Int(b.stop),
        Value::Int(b.step),
    ]))
}

/// A list's cell.
type ListCell = Rc<RefCell<Vec<Value>>>;

fn list_of<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<(&'a ListCell, &'a [Value])> {
    match args.split_first() {
        Some((Value::List(l), rest)) => Ok((l, rest)),
        other => Err(super::args::wrong_receiver(
            vm,
            "list",
            name,
            other.map(|(v, _)| v),
        )),
    }
}

fn list_append(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("list.append", kwargs)?;
    let (l, rest) = list_of(vm, args, "append")?;
    arity("list.append", rest, 1, 1)?;
    l.borrow_mut().push(rest[0].clone());
    Ok(Value::None)
}

fn list_extend(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "extend")?;
    arity("list.extend", rest, 1, 1)?;
    let items = vm.collect_iterable(&rest[0])?;
    let grown = (l.borrow().len() + items.len()) * size_of::<Value>();
    if grown > 1 << 16 {
        vm.budget.reserve(grown as u64)?;
    }
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_iadd(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("list.__iadd__", kwargs)?;
    let (l, rest) = list_of(vm, args, "__iadd__")?;
    arity("list.__iadd__", rest, 1, 1)?;
    vm.inplace_op(BinOp::Add, Value::List(l.clone()), &rest[0])
}

fn list_imul(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("list.__imul__", kwargs)?;
    let (l, rest) = list_of(vm, args, "__imul__")?;
    arity("list.__imul__", rest, 1, 1)?;
    if !matches!(rest[0], Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&rest[0])
        )));
    }
    vm.inplace_op(BinOp::Mul, Value::List(l.clone()), &rest[0])
}

fn list_insert(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "insert")?;
    if rest.len() != 2 {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            rest.len()
        )));
    }
    let i = vm.to_index(&rest[0])?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(pos as usize, rest[1].clone());
    Ok(Value::None)
}

fn list_pop(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "pop")?;
    arity("pop", rest, 0, 1)?;
    // The index first: its `__index__` may change the list.
    let i = rest.first().map(|v| vm.to_index(v)).transpose()?;
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let i = i.unwrap_or(n - 1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn list_remove(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "remove")?;
    arity("list.remove", rest, 1, 1)?;
    match live_position(vm, l, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            // An `__eq__` that shrank the list may leave nothing at `i`.
            let mut items = l.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

/// The first index in `start..stop` whose item is (or equals) `x`, reading
/// the list afresh at each step as CPython does: an item's `__eq__` may
/// change the list, and the search then goes on over what is left.
fn live_position(
    vm: &Vm,
    l: &RefCell<Vec<Value>>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(v) = l.borrow().get(i).cloned() else {
            break;
        };
        if v.is(x) || vm.eq(&v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn search_bounds(vm: &Vm, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: &Value| -> PyResult<usize> {
        let i = vm.to_index(v)?;
        let n = len as i64;
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = rest.get(1).map(norm).transpose()?.unwrap_or(0);
    let stop = rest.get(2).map(norm).transpose()?.unwrap_or(len);
    Ok((start, stop))
}

fn seq_index(vm: &Vm, items: &[Value], rest: &[Value], what: &str) -> PyResult {
    arity("index", rest, 1, 3)?;
    let (start, stop) = search_bounds(vm, rest, items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if v.is(&rest[0]) || vm.eq(v, &rest[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error(format!("{what}.index(x): x not in {what}")))
}

fn seq_count(vm: &Vm, items: &[Value], rest: &[Value]) -> PyResult {
    arity("tuple.count", rest, 1, 1)?;
    let mut n = 0;
    for v in items {
        if v.is(&rest[0]) || vm.eq(v, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_index(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "index")?;
    arity("index", rest, 1, 3)?;
    let len = l.borrow().len();
    let (start, stop) = search_bounds(vm, rest, len)?;
    match live_position(vm, l, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error(format!(
            "{} is not in list",
            vm.repr(&rest[0])?
        ))),
    }
}

fn list_count(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "count")?;
    arity("list.count", rest, 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    // Read afresh at each step, as `live_position`.
    loop {
        let Some(v) = l.borrow().get(i).cloned() else {
            break;
        };
        if v.is(&rest[0]) || vm.eq(&v, &rest[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "sort")?;
    super::args::bind(&SORT_PARAMS, rest, kwargs)?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(vm, &mut items, kwargs);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    r.map(|()| Value::None)
}

fn list_reverse(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "reverse")?;
    arity("reverse", rest, 0, 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "copy")?;
    arity("copy", rest, 0, 0)?;
    Ok(Value::list(l.borrow().clone()))
}

fn list_clear(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (l, rest) = list_of(vm, args, "clear")?;
    arity("clear", rest, 0, 0)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    // Released last to first, as CPython's list_clear does (the order in
    // which dropped generators are finalized).
    for item in items.into_iter().rev() {
        drop(item);
    }
    Ok(Value::None)
}

fn tuple_of<'a>(
    vm: &Vm,
    args: &'a [Value],
    name: &str,
) -> PyResult<(&'a Rc<Vec<Value>>, &'a [Value])> {
    match args.split_first() {
        Some((Value::Tuple(t), rest)) => Ok((t, rest)),
        other => Err(super::args::wrong_receiver(
            vm,
            "tuple",
            name,
            other.map(|(v, _)| v),
        )),
    }
}

fn tuple_index(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (t, rest) = tuple_of(vm, args, "index")?;
    seq_index(vm, t, rest, "tuple")
}

fn tuple_count(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (t, rest) = tuple_of(vm, args, "count")?;
    seq_count(vm, t, rest)
}

fn range_index(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let Some((Value::Range(r), rest)) = args.split_first() else {
        return Err(type_error("expected a range"));
    };
    arity("index", rest, 1, 1)?;
    if vm.contains(&args[0], &rest[0])?
        && let Value::Int(i) = rest[0]
    {
        return Ok(Value::Int((i - r.start) / r.step));
    }
    Err(value_error(format!(
        "{} is not in range",
        vm.repr(&rest[0])?
    )))
}

fn range_count(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    arity("count", args, 2, 2)?;
    Ok(Value::Int(i64::from(vm.contains(&args[0], &args[1])?)))
}

/// `list.sort(*, key=None, reverse=False)`.
const SORT_PARAMS: super::args::Params<'static> = super::args::Params {
    name: "sort",
    names: &["key", "reverse"],
    posonly: 0,
    required: 0,
    maxpos: 0,
};

/// Sorts values in place like `list.sort(key=, reverse=)`: stable, using
/// `<` only, propagating the first comparison error.
pub fn sort_values(vm: &Vm, items: &mut Vec<Value>, kwargs: &[(Symbol, Value)]) -> PyResult<()> {
    let bound = super::args::bind(&SORT_PARAMS, &[], kwargs)?;
    let key = bound[0].clone().filter(|k| !matches!(k, Value::None));
    // CPython reads `reverse` as a C int: `reverse=None` is a TypeError.
    let reverse = match &bound[1] {
        Some(v) => vm.to_index(v)? != 0,
        None => false,
    };
    let keys: Vec<Value> = match &key {
        Some(f) => items
            .iter()
            .map(|v| vm.call(f, std::slice::from_ref(v), &[]))
            .collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        order.sort_by_key(|&i| match keys[i] {
            Value::Int(n) => n,
            _ => 0,
        });
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        order.sort_by(|&a, &b| keys[a].as_str().cmp(&keys[b].as_str()));
    } else {
        let mut error = None;
        order.sort_by(|&a, &b| {
            if error.is_some() {
                return std::cmp::Ordering::Equal;
            }
            let lt = |x: &Value, y: &Value, error: &mut Option<crate::value::Exc>| -> bool {
                match vm.compare_bool(crate::ast::CmpOp::Lt, x, y) {
                    Ok(r) => r,
                    Err(e) => {
                        error.get_or_insert(e);
                        false
                    }
                }
            };
            if lt(&keys[a], &keys[b], &mut error) {
                std::cmp::Ordering::Less
            } else if lt(&keys[b], &keys[a], &mut error) {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
        if let Some(e) = error {
            return Err(e);
        }
    }
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}
