//! Methods of `dict`.

use super::views::new_view;
use super::{key_eq, snapshot, with_taken};
use crate::builtins::args::{arity, no_kwargs, wrong_receiver};
use crate::builtins::{add_methods, builtin_fn};
use crate::interp::Vm;
use crate::interp::attr::ClassMethod;
use crate::interp::errors::{key_error, type_error, value_error};
use crate::interp::iter::{DictPart, IterObject, ValueIter};
use crate::value::{DictMap, NativeObject, PyResult, Symbol, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Installs the methods.
pub fn install(vm: &Vm) {
    let dict = &vm.types.dict;
    add_methods(
        dict,
        &[
            ("clear", clear),
            ("copy", copy),
            ("get", get),
            ("items", items),
            ("keys", keys),
            ("pop", pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("values", values),
            ("__contains__", contains),
            ("__getitem__", getitem),
            ("__len__", len),
            ("__iter__", iter),
            ("__reversed__", reversed),
        ],
    );
    let fromkeys = NativeObject::new_value(
        vm.types.classmethod.clone(),
        ClassMethod(builtin_fn("fromkeys", fromkeys)),
    );
    dict.dict
        .borrow_mut()
        .set(Symbol::intern("fromkeys"), fromkeys);
}

/// The receiver of a `dict` method and the other arguments, whose number
/// is checked to lie between `min` and `max` (with CPython's message for
/// methods taking no arguments); keyword arguments are refused.
fn receiver<'a>(
    vm: &Vm,
    method: &str,
    args: &'a [Value],
    kwargs: &[(Symbol, Value)],
    (min, max): (usize, usize),
) -> PyResult<(&'a Rc<RefCell<DictMap>>, &'a [Value])> {
    match args.split_first() {
        Some((Value::Dict(d), rest)) => {
            no_kwargs(&format!("dict.{method}"), kwargs)?;
            if max == 0 {
                arity(&format!("dict.{method}"), rest, 0, 0)?;
            } else {
                arity(method, rest, min, max)?;
            }
            Ok((d, rest))
        }
        other => Err(wrong_receiver(vm, "dict", method, other.map(|(v, _)| v))),
    }
}

/// `d[key]` if present, hashing first and comparing with the table out of
/// its cell.
pub fn lookup(vm: &Vm, d: &RefCell<DictMap>, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    with_taken(d, |map| lookup_hashed(vm, map, hash, key))
}

fn lookup_hashed(vm: &Vm, map: &DictMap, hash: i64, key: &Value) -> PyResult<Option<Value>> {
    let mut err = None;
    let found = map.get(hash, |k| key_eq(vm, k, key, &mut err)).cloned();
    err.map_or(Ok(found), Err)
}

/// `d[key] = value` with the hash known.
fn insert_hashed(vm: &Vm, map: &mut DictMap, hash: i64, key: Value, value: Value) -> PyResult<()> {
    let mut err = None;
    let probe = key.clone();
    let previous = map.insert(hash, key, value, |k| key_eq(vm, k, &probe, &mut err));
    match err {
        Some(e) => {
            if previous.is_none() {
                map.remove(hash, |k| k.is(&probe));
            }
            Err(e)
        }
        None => Ok(()),
    }
}

/// `d[key] = value`.
fn insert(vm: &Vm, d: &RefCell<DictMap>, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    with_taken(d, |map| insert_hashed(vm, map, hash, key, value))
}

fn get(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = receiver(vm, "get", args, kwargs, (1, 2))?;
    let found = lookup(vm, d, &rest[0])?;
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn getitem(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = receiver(vm, "__getitem__", args, kwargs, (1, 1))?;
    lookup(vm, d, &rest[0])?.ok_or_else(|| key_error(rest[0].clone()))
}

fn contains(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = receiver(vm, "__contains__", args, kwargs, (1, 1))?;
    Ok(Value::Bool(lookup(vm, d, &rest[0])?.is_some()))
}

fn len(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "__len__", args, kwargs, (0, 0))?;
    Ok(Value::Int(snapshot_len(d)))
}

fn snapshot_len(d: &RefCell<DictMap>) -> i64 {
    d.try_borrow().map_or(0, |m| m.len() as i64)
}

fn iter(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    receiver(vm, "__iter__", args, kwargs, (0, 0))?;
    vm.get_iter(&args[0])
}

/// A reverse iterator over a snapshot of one part of a dict.
pub fn reverse_iter(vm: &Vm, d: &RefCell<DictMap>, part: DictPart) -> PyResult {
    let map = snapshot(d)?;
    let items = map
        .iter()
        .rev()
        .map(|e| match part {
            DictPart::Keys => e.key.clone(),
            DictPart::Values => e.value.clone(),
            DictPart::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
        })
        .collect();
    Ok(NativeObject::new_value(
        vm.types.reversed.clone(),
        IterObject(RefCell::new(ValueIter::Snapshot(items, 0))),
    ))
}

fn reversed(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "__reversed__", args, kwargs, (0, 0))?;
    reverse_iter(vm, d, DictPart::Keys)
}

fn keys(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "keys", args, kwargs, (0, 0))?;
    Ok(new_view(vm, d.clone(), DictPart::Keys))
}

fn values(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "values", args, kwargs, (0, 0))?;
    Ok(new_view(vm, d.clone(), DictPart::Values))
}

fn items(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "items", args, kwargs, (0, 0))?;
    Ok(new_view(vm, d.clone(), DictPart::Items))
}

fn clear(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "clear", args, kwargs, (0, 0))?;
    with_taken(d, |map| {
        map.clear();
        Ok(())
    })?;
    Ok(Value::None)
}

fn copy(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "copy", args, kwargs, (0, 0))?;
    Ok(Value::dict(snapshot(d)?))
}

fn pop(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = receiver(vm, "pop", args, kwargs, (1, 2))?;
    let key = &rest[0];
    let hash = vm.hash(key)?;
    let removed = with_taken(d, |map| {
        let mut err = None;
        let r = map
            .remove(hash, |k| key_eq(vm, k, key, &mut err))
            .map(|e| e.value);
        err.map_or(Ok(r), Err)
    })?;
    match (removed, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(key.clone())),
    }
}

fn popitem(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, _) = receiver(vm, "popitem", args, kwargs, (0, 0))?;
    let last = with_taken(d, |map| Ok(map.pop_last()))?;
    match last {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn setdefault(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = receiver(vm, "setdefault", args, kwargs, (1, 2))?;
    let key = &rest[0];
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    let hash = vm.hash(key)?;
    with_taken(d, |map| {
        if let Some(v) = lookup_hashed(vm, map, hash, key)? {
            return Ok(v);
        }
        insert_hashed(vm, map, hash, key.clone(), default.clone())?;
        Ok(default)
    })
}

fn update(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    let (d, rest) = match args.split_first() {
        Some((Value::Dict(d), rest)) => (d, rest),
        other => return Err(wrong_receiver(vm, "dict", "update", other.map(|(v, _)| v))),
    };
    arity("update", rest, 0, 1)?;
    if let Some(other) = rest.first() {
        update_from(vm, d, other)?;
    }
    for (k, v) in kwargs {
        insert(vm, d, Value::str(&*k.name()), v.clone())?;
    }
    Ok(Value::None)
}

/// `dict.update(other)`: from a dict, from any object with `keys()`, or
/// from an iterable of pairs. Each pair is stored as soon as it is read,
/// so Python code run meanwhile sees the dict as CPython would show it.
pub fn update_from(vm: &Vm, d: &Rc<RefCell<DictMap>>, other: &Value) -> PyResult<()> {
    if let Value::Dict(o) = other {
        if Rc::ptr_eq(o, d) {
            return Ok(());
        }
        let other = snapshot(o)?;
        return with_taken(d, |map| {
            if map.is_empty() {
                // CPython copies into an empty dict without comparing keys.
                *map = other;
                return Ok(());
            }
            for e in other.iter() {
                insert_hashed(vm, map, e.hash, e.key.clone(), e.value.clone())?;
            }
            Ok(())
        });
    }
    if matches!(other, Value::Instance(_) | Value::Native(_))
        && let Some(keys) = vm.get_attr_opt(other, Symbol::intern("keys"))?
    {
        let keys = vm.call(&keys, &[], &[])?;
        let mut it = vm.iter_start(&keys)?;
        while let Some(k) = it.next(vm)? {
            let v = vm.get_item(other, &k)?;
            insert(vm, d, k, v)?;
        }
        return Ok(());
    }
    let mut it = vm.iter_start(other)?;
    let mut i = 0;
    while let Some(item) = it.next(vm)? {
        if !vm.is_iterable(&item) && !matches!(item, Value::Native(_)) {
            return Err(type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            )));
        }
        let pair = vm.collect_iterable(&item)?;
        let [k, v]: [Value; 2] = pair.try_into().map_err(|p: Vec<Value>| {
            value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                p.len()
            ))
        })?;
        insert(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn fromkeys(vm: &Vm, args: &[Value], kwargs: &[(Symbol, Value)]) -> PyResult {
    no_kwargs("dict.fromkeys", kwargs)?;
    let rest = match args.split_first() {
        Some((Value::Class(_), rest)) => rest,
        _ => args,
    };
    arity("fromkeys", rest, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = Rc::new(RefCell::new(DictMap::new()));
    let mut it = vm.iter_start(&rest[0])?;
    while let Some(k) = it.next(vm)? {
        insert(vm, &d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

#[cfg(test)]
mod tests {
    use crate::interp::Vm;
    use crate::run::BufferSink;
    use crate::value::{Symbol, Value};
    use std::rc::Rc;

    fn vm() -> Rc<Vm> {
        Vm::new(
            Rc::new(BufferSink::default()),
            Rc::new(BufferSink::default()),
        )
    }

    /// The repr of the result, or `Type: message` for an exception.
    fn shown(vm: &Vm, r: crate::value::PyResult) -> String {
        match r {
            Ok(v) => vm.repr(&v).unwrap_or_default(),
            Err(e) => {
                let v = e.value();
                format!(
                    "{}: {}",
                    vm.type_name(&v),
                    vm.str_of(&v).unwrap_or_default()
                )
            }
        }
    }

    fn call(vm: &Vm, recv: &Value, name: &str, args: &[Value]) -> String {
        shown(
            vm,
            vm.call_method(
                recv,
                Symbol::intern(name),
                args.iter().cloned().collect(),
                &[],
            ),
        )
    }

    fn dict_of(vm: &Vm, pairs: &[(i64, i64)]) -> Value {
        let d = Value::dict(crate::value::DictMap::new());
        for (k, v) in pairs {
            assert!(vm.set_item(&d, Value::Int(*k), Value::Int(*v)).is_ok());
        }
        d
    }

    #[test]
    fn pop_popitem_setdefault() {
        let vm = vm();
        let d = dict_of(&vm, &[(1, 10), (2, 20), (3, 30)]);
        assert_eq!(call(&vm, &d, "pop", &[Value::Int(2)]), "20");
        assert_eq!(call(&vm, &d, "pop", &[Value::Int(2), Value::Int(0)]), "0");
        assert_eq!(call(&vm, &d, "pop", &[Value::Int(2)]), "KeyError: 2");
        assert_eq!(call(&vm, &d, "popitem", &[]), "(3, 30)");
        assert_eq!(call(&vm, &d, "setdefault", &[Value::Int(5)]), "None");
        assert_eq!(
            call(&vm, &d, "setdefault", &[Value::Int(1), Value::Int(7)]),
            "10"
        );
        assert_eq!(shown(&vm, Ok(d.clone())), "{1: 10, 5: None}");
        assert_eq!(call(&vm, &d, "clear", &[]), "None");
        assert_eq!(
            call(&vm, &d, "popitem", &[]),
            "KeyError: 'popitem(): dictionary is empty'"
        );
    }

    #[test]
    fn update_keeps_pairs_read_before_a_bad_one() {
        let vm = vm();
        let d = dict_of(&vm, &[]);
        let good = Value::tuple(vec![Value::Int(1), Value::Int(2)]);
        let bad = Value::tuple(vec![Value::Int(3)]);
        assert_eq!(
            call(&vm, &d, "update", &[Value::list(vec![good, bad])]),
            "ValueError: dictionary update sequence element #1 has length 1; 2 is required"
        );
        assert_eq!(shown(&vm, Ok(d.clone())), "{1: 2}");
        assert_eq!(
            call(&vm, &d, "update", &[Value::list(vec![Value::Int(1)])]),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
        );
        assert_eq!(
            call(&vm, &d, "update", &[Value::Int(1), Value::Int(2)]),
            "TypeError: update expected at most 1 argument, got 2"
        );
    }

    #[test]
    fn argument_errors_use_cpython_wording() {
        let vm = vm();
        let d = dict_of(&vm, &[]);
        assert_eq!(
            call(&vm, &d, "get", &[]),
            "TypeError: get expected at least 1 argument, got 0"
        );
        assert_eq!(
            call(&vm, &d, "keys", &[Value::Int(1)]),
            "TypeError: dict.keys() takes no arguments (1 given)"
        );
        let dict = Value::Class(vm.types.dict.clone());
        assert_eq!(
            call(&vm, &dict, "keys", &[Value::Int(5)]),
            "TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'int' object"
        );
        assert_eq!(
            call(&vm, &dict, "keys", &[]),
            "TypeError: unbound method dict.keys() needs an argument"
        );
    }

    #[test]
    fn fromkeys_is_a_class_method() {
        let vm = vm();
        let dict = Value::Class(vm.types.dict.clone());
        let keys = Value::list(vec![Value::Int(2), Value::Int(1), Value::Int(2)]);
        assert_eq!(
            call(&vm, &dict, "fromkeys", std::slice::from_ref(&keys)),
            "{2: None, 1: None}"
        );
        let d = dict_of(&vm, &[(9, 9)]);
        assert_eq!(
            call(&vm, &d, "fromkeys", &[keys, Value::Int(0)]),
            "{2: 0, 1: 0}"
        );
    }

    #[test]
    fn views_are_live_and_set_like() {
        let vm = vm();
        let d = dict_of(&vm, &[(1, 10), (2, 20)]);
        let keys = call_value(&vm, &d, "keys");
        let items = call_value(&vm, &d, "items");
        assert!(vm.set_item(&d, Value::Int(33), Value::Int(0)).is_ok());
        assert_eq!(shown(&vm, Ok(keys.clone())), "dict_keys([1, 2, 33])");
        assert_eq!(
            shown(&vm, Ok(items.clone())),
            "dict_items([(1, 10), (2, 20), (33, 0)])"
        );
        assert_eq!(
            shown(&vm, Ok(call_value(&vm, &d, "values"))),
            "dict_values([10, 20, 0])"
        );
        let set = vm
            .set_from_iterable(&Value::list(vec![
                Value::Int(2),
                Value::Int(65),
                Value::Int(1),
            ]))
            .unwrap();
        let set = Value::Set(Rc::new(std::cell::RefCell::new(set)));
        let and = vm.binary_op(crate::ast::BinOp::BitAnd, &keys, &set);
        assert_eq!(shown(&vm, and), "{1, 2}");
        let rand = vm.binary_op(crate::ast::BinOp::BitAnd, &set, &keys);
        assert_eq!(shown(&vm, rand), "{1, 2}");
        let or = vm.binary_op(crate::ast::BinOp::BitOr, &keys, &set);
        assert_eq!(shown(&vm, or), "{1, 2, 33, 65}");
        assert_eq!(
            shown(&vm, vm.binary_op(crate::ast::BinOp::Sub, &set, &keys)),
            "{65}"
        );
        assert!(vm.eq(&keys, &call_value(&vm, &d, "keys")).unwrap());
        assert!(!vm.eq(&keys, &set).unwrap());
        assert!(
            vm.contains(&items, &Value::tuple(vec![Value::Int(2), Value::Int(20)]))
                .unwrap()
        );
        assert!(
            !vm.contains(&items, &Value::tuple(vec![Value::Int(2), Value::Int(21)]))
                .unwrap()
        );
        assert_eq!(
            shown(&vm, vm.hash(&keys).map(Value::Int)),
            "TypeError: unhashable type: 'dict_keys'"
        );
        let values = call_value(&vm, &d, "values");
        let bad = vm.binary_op(crate::ast::BinOp::BitAnd, &values, &set);
        assert_eq!(
            shown(&vm, bad),
            "TypeError: unsupported operand type(s) for &: 'dict_values' and 'set'"
        );
    }

    fn call_value(vm: &Vm, recv: &Value, name: &str) -> Value {
        vm.call_method(recv, Symbol::intern(name), smallvec::smallvec![], &[])
            .unwrap_or_default()
    }
}
