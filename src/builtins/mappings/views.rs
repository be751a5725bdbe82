//! The dict views `dict_keys`, `dict_values` and `dict_items`.
//!
//! A view holds the dict itself, so it shows later changes. Keys and items
//! views are set-like: they compare with sets and other views, and `& | -
//! ^` on them build sets the way CPython's `Objects/dictobject.c` does.

use super::dict::{lookup, reverse_iter};
use super::set_algo::{self as algo, Target, table_of, wrap};
use super::{key_eq, snapshot};
use crate::ast::CmpOp;
use crate::builtins::add_methods;
use crate::builtins::args::arity;
use crate::builtins::functions::length;
use crate::interp::Vm;
use crate::interp::errors::type_error;
use crate::interp::iter::{DictPart, ValueIter};
use crate::value::{DictMap, Exc, NativeObject, PyResult, SetTable, Symbol, Value, sym};
use std::cell::RefCell;
use std::rc::Rc;

/// The state of a dict view: the live dict and which part it shows.
pub struct DictView {
    /// The dict.
    pub dict: Rc<RefCell<DictMap>>,
    /// Keys, values or items.
    pub part: DictPart,
}

/// A new view of `dict`.
#[must_use]
pub fn new_view(vm: &Vm, dict: Rc<RefCell<DictMap>>, part: DictPart) -> Value {
    let class = match part {
        DictPart::Keys => vm.types.dict_keys.clone(),
        DictPart::Values => vm.types.dict_values.clone(),
        DictPart::Items => vm.types.dict_items.clone(),
    };
    NativeObject::new_value(class, DictView { dict, part })
}

/// Installs the methods.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    for class in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_methods(
            class,
            &[
                ("__len__", len),
                ("__iter__", iter),
                ("__reversed__", reversed),
                ("__repr__", repr),
                ("__contains__", contains),
            ],
        );
    }
    for class in [&t.dict_keys, &t.dict_items] {
        add_methods(
            class,
            &[
                ("__eq__", |vm, a, _| compare(vm, CmpOp::Eq, a)),
                ("__ne__", |vm, a, _| compare(vm, CmpOp::NotEq, a)),
                ("__lt__", |vm, a, _| compare(vm, CmpOp::Lt, a)),
                ("__le__", |vm, a, _| compare(vm, CmpOp::LtE, a)),
                ("__gt__", |vm, a, _| compare(vm, CmpOp::Gt, a)),
                ("__ge__", |vm, a, _| compare(vm, CmpOp::GtE, a)),
                ("__and__", and),
                ("__rand__", and),
                ("__or__", |vm, a, _| or(vm, a, false)),
                ("__ror__", |vm, a, _| or(vm, a, true)),
                ("__sub__", |vm, a, _| sub(vm, a, false)),
                ("__rsub__", |vm, a, _| sub(vm, a, true)),
                ("__xor__", |vm, a, _| xor(vm, a, false)),
                ("__rxor__", |vm, a, _| xor(vm, a, true)),
                ("isdisjoint", isdisjoint),
            ],
        );
        // Set-like views compare by content, so they cannot hash.
        class.dict.borrow_mut().set(sym::__hash__, Value::None);
    }
}

/// The view a method was called on.
fn this<'a>(vm: &Vm, method: &str, args: &'a [Value]) -> PyResult<(&'a DictView, &'a [Value])> {
    match args.split_first() {
        Some((v, rest)) => match v.downcast::<DictView>() {
            Some(view) => Ok((view, rest)),
            None => Err(type_error(format!(
                "descriptor '{method}' requires a dict view, not a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(type_error(format!(
            "descriptor '{method}' needs an argument"
        ))),
    }
}

/// A view method's receiver and its one other operand.
fn binary<'a>(
    vm: &Vm,
    method: &str,
    args: &'a [Value],
) -> PyResult<(&'a DictView, &'a Value, &'a Value)> {
    let (view, rest) = this(vm, method, args)?;
    match rest {
        [other] => Ok((view, &args[0], other)),
        _ => Err(type_error(format!(
            "expected 1 argument, got {}",
            rest.len()
        ))),
    }
}

fn class_name(part: DictPart) -> &'static str {
    match part {
        DictPart::Keys => "dict_keys",
        DictPart::Values => "dict_values",
        DictPart::Items => "dict_items",
    }
}

fn view_len(view: &DictView) -> usize {
    view.dict.try_borrow().map_or(0, |m| m.len())
}

/// The part of the dict a view shows, as a list of values.
fn part_items(view: &DictView) -> PyResult<Vec<Value>> {
    let map = snapshot(&view.dict)?;
    Ok(map
        .iter()
        .map(|e| match view.part {
            DictPart::Keys => e.key.clone(),
            DictPart::Values => e.value.clone(),
            DictPart::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
        })
        .collect())
}

fn len(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, rest) = this(vm, "__len__", args)?;
    arity("__len__", rest, 0, 0)?;
    Ok(Value::Int(view_len(view) as i64))
}

fn iter(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, _) = this(vm, "__iter__", args)?;
    let state = ValueIter::Dict {
        dict: view.dict.clone(),
        slot: 0,
        part: view.part,
        len: view_len(view),
    };
    Ok(vm.wrap_iter(&Value::None, state))
}

fn reversed(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, _) = this(vm, "__reversed__", args)?;
    reverse_iter(vm, &view.dict, view.part)
}

fn repr(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, _) = this(vm, "__repr__", args)?;
    let id = args[0].ptr_id().unwrap_or(0);
    if vm.repr_stack.borrow().contains(&id) {
        return Ok(Value::str("..."));
    }
    vm.repr_stack.borrow_mut().push(id);
    let r = part_items(view).and_then(|items| vm.repr(&Value::list(items)));
    vm.repr_stack.borrow_mut().retain(|&x| x != id);
    Ok(Value::str(format!("{}({})", class_name(view.part), r?)))
}

/// `item in view`.
fn view_contains(vm: &Vm, view: &DictView, item: &Value) -> PyResult<bool> {
    match view.part {
        DictPart::Keys => Ok(lookup(vm, &view.dict, item)?.is_some()),
        DictPart::Items => {
            let Value::Tuple(pair) = item else {
                return Ok(false);
            };
            let [key, value] = pair.as_slice() else {
                return Ok(false);
            };
            match lookup(vm, &view.dict, key)? {
                Some(found) => Ok(found.is(value) || vm.eq(&found, value)?),
                None => Ok(false),
            }
        }
        DictPart::Values => {
            for v in part_items(view)? {
                if v.is(item) || vm.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn contains(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, _, item) = binary(vm, "__contains__", args)?;
    Ok(Value::Bool(view_contains(vm, view, item)?))
}

/// The view of `v`, if it is a keys or items view (the set-like ones).
fn set_like_view(v: &Value) -> Option<&DictView> {
    v.downcast::<DictView>()
        .filter(|view| view.part != DictPart::Values)
}

/// Whether every item of `a` is in `b` (`all_contained_in`).
fn all_contained_in(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let mut it = vm.iter_start(a)?;
    while let Some(item) = it.next(vm)? {
        if !vm.contains(b, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`: views compare with sets and set-like views by
/// content.
fn compare(vm: &Vm, op: CmpOp, args: &[Value]) -> PyResult {
    let (_, a, b) = binary(vm, "__eq__", args)?;
    if !matches!(b, Value::Set(_) | Value::FrozenSet(_)) && set_like_view(b).is_none() {
        return Ok(Value::NotImplemented);
    }
    let (la, lb) = (length(vm, a)?, length(vm, b)?);
    let ok = match op {
        CmpOp::Eq | CmpOp::NotEq => {
            let same = la == lb && all_contained_in(vm, a, b)?;
            same == (op == CmpOp::Eq)
        }
        CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CmpOp::LtE => la <= lb && all_contained_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CmpOp::GtE => la >= lb && all_contained_in(vm, b, a)?,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(ok))
}

/// `dictviews_to_set`: a keys view becomes `set(dict)` (presized like a
/// dict), anything else `set(iterable)`.
fn to_set(vm: &Vm, v: &Value) -> PyResult<SetTable> {
    match v.downcast::<DictView>() {
        Some(view) if view.part == DictPart::Keys => {
            algo::new_table(vm, &Value::Dict(view.dict.clone()))
        }
        _ => algo::new_table(vm, v),
    }
}

/// The operands of a binary operator in their written order: `self` comes
/// second for the reflected methods.
fn operands<'a>(vm: &Vm, args: &'a [Value], reflected: bool) -> PyResult<(&'a Value, &'a Value)> {
    let (_, this, other) = binary(vm, "__or__", args)?;
    Ok(if reflected {
        (other, this)
    } else {
        (this, other)
    })
}

fn or(vm: &Vm, args: &[Value], reflected: bool) -> PyResult {
    let (left, right) = operands(vm, args, reflected)?;
    let mut out = to_set(vm, left)?;
    algo::update(vm, &mut Target::Owned(&mut out), right, None)?;
    Ok(wrap(false, out))
}

fn sub(vm: &Vm, args: &[Value], reflected: bool) -> PyResult {
    let (left, right) = operands(vm, args, reflected)?;
    let mut out = to_set(vm, left)?;
    algo::difference_update(vm, &mut Target::Owned(&mut out), right, None)?;
    Ok(wrap(false, out))
}

fn xor(vm: &Vm, args: &[Value], reflected: bool) -> PyResult {
    let (left, right) = operands(vm, args, reflected)?;
    if let (Some(a), Some(b)) = (left.downcast::<DictView>(), right.downcast::<DictView>())
        && a.part == DictPart::Items
        && b.part == DictPart::Items
    {
        return items_xor(vm, &a.dict, &b.dict).map(|t| wrap(false, t));
    }
    let mut out = to_set(vm, left)?;
    algo::symmetric_difference_update(vm, &mut Target::Owned(&mut out), right, None)?;
    Ok(wrap(false, out))
}

/// `dictitems_xor`: the pairs of `d2` whose key is missing from `d1` or
/// maps to a different value there, then what is left of `d1`'s pairs.
fn items_xor(vm: &Vm, d1: &RefCell<DictMap>, d2: &RefCell<DictMap>) -> PyResult<SetTable> {
    let mut temp = snapshot(d1)?;
    let entries: Vec<(i64, Value, Value)> = snapshot(d2)?
        .iter()
        .map(|e| (e.hash, e.key.clone(), e.value.clone()))
        .collect();
    let mut out = SetTable::new();
    for (hash, key, v2) in entries {
        let mut err: Option<Exc> = None;
        let v1 = temp.get(hash, |k| key_eq(vm, k, &key, &mut err)).cloned();
        if let Some(e) = err {
            return Err(e);
        }
        let same = match v1 {
            Some(v1) => v1.is(&v2) || vm.eq(&v1, &v2)?,
            None => false,
        };
        if same {
            temp.remove(hash, |k| key_eq(vm, k, &key, &mut err));
            if let Some(e) = err {
                return Err(e);
            }
        } else {
            algo::add(vm, &mut out, Value::tuple(vec![key, v2]))?;
        }
    }
    for e in temp.iter() {
        algo::add(
            vm,
            &mut out,
            Value::tuple(vec![e.key.clone(), e.value.clone()]),
        )?;
    }
    Ok(out)
}

/// `_PyDictView_Intersect`.
fn and(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, this, other) = binary(vm, "__and__", args)?;
    let len_self = view_len(view);
    if let Value::Set(cell) = other
        && len_self <= cell.try_borrow().map_or(0, |t| t.len())
    {
        let table = table_of(other)?.unwrap_or_default();
        return Ok(wrap(
            false,
            algo::intersection(vm, &table, Some(other), this)?,
        ));
    }
    // Iterate the smaller of two views.
    let (view, other) = match set_like_view(other) {
        Some(o) if view_len(o) > len_self => (o, this),
        _ => (view, other),
    };
    let mut out = SetTable::new();
    let mut it = vm.iter_start(other)?;
    while let Some(item) = it.next(vm)? {
        if view_contains(vm, view, &item)? {
            algo::add(vm, &mut out, item)?;
        }
    }
    Ok(wrap(false, out))
}

/// `dictviews_isdisjoint`.
fn isdisjoint(vm: &Vm, args: &[Value], _: &[(Symbol, Value)]) -> PyResult {
    let (view, rest) = this(vm, "isdisjoint", args)?;
    arity(&format!("{}.isdisjoint", class_name(view.part)), rest, 1, 1)?;
    let (this, other) = (&args[0], &rest[0]);
    if this.is(other) {
        return Ok(Value::Bool(view_len(view) == 0));
    }
    let (container, iterated) =
        if matches!(other, Value::Set(_) | Value::FrozenSet(_)) || set_like_view(other).is_some() {
            if length(vm, other)? > view_len(view) {
                (other, this)
            } else {
                (this, other)
            }
        } else {
            (this, other)
        };
    let mut it = vm.iter_start(iterated)?;
    while let Some(item) = it.next(vm)? {
        if vm.contains(container, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
